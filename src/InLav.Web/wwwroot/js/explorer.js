// The indicator explorer: the form applies at once, the map and charts are drawn from the values the page carries
// (the same as its tables), and the charts can be saved as PNG or SVG. Without JavaScript the GET forms and tables work.
(function () {
  'use strict';
  var font = inlav.font;
  var textColour = inlav.ink;
  var escape = inlav.escape;
  // Okabe–Ito: distinguishable with colour-vision deficiencies; lines also differ by symbol and dash.
  var seriesColours = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000', '#F0E442'];
  var symbols = ['circle', 'rect', 'triangle', 'diamond', 'emptyCircle', 'emptyRect', 'emptyTriangle', 'emptyDiamond'];
  var dashes = ['solid', 'dashed', 'dotted'];
  var charts = {};
  var numbers = new Intl.NumberFormat(document.documentElement.lang === 'en' ? 'en-GB' : 'it-IT', { maximumFractionDigits: 2 });
  function axisNumber(v) { return numbers.format(v); }

  function read(id) {
    var element = document.getElementById(id);
    return element ? JSON.parse(element.textContent) : null;
  }

  function heading(data, element) {
    var narrow = element.clientWidth < 576;
    return {
      text: data.title, subtext: data.subtitle, left: 8, top: 4,
      textStyle: { fontSize: narrow ? 12 : 15, fontWeight: 600, color: textColour, fontFamily: font, width: element.clientWidth - 24, overflow: 'truncate' },
      subtextStyle: { color: '#3d4955', fontFamily: font },
    };
  }

  // The chart's own graphic: the source line and, for generated values, the SYNTHETIC line and a watermark, so a PNG or
  // SVG of the chart says it too.
  function footer(data) {
    var parts = [{ type: 'text', left: 8, bottom: 4, style: { text: data.source, fill: '#3d4955', font: '12px ' + font } }];
    if (data.synthetic) {
      parts.push({ type: 'text', left: 8, bottom: 20, style: { text: data.synthetic, fill: '#a30000', font: '600 13px ' + font } });
      parts.push({ type: 'text', right: 16, top: 40, silent: true, style: { text: data.synthetic.split(':')[0], fill: 'rgba(163,0,0,0.28)', font: '700 28px ' + font } });
    }
    // Low-reliability units: how they are drawn and how many, in the chart itself (its PNG and SVG keep the key).
    if (data.reliabilityNote) {
      parts.push({ type: 'text', left: 8, bottom: data.synthetic ? 36 : 20, style: { text: data.reliabilityNote, fill: '#1a1a1a', font: '12px ' + font } });
    }
    return parts;
  }

  // Hatching of low-reliability values (dark diagonal lines over the class colour); excluded units get a grey grid.
  var hatch = { symbol: 'rect', dashArrayX: [1, 0], dashArrayY: [1.5, 3], rotation: 0.78, color: 'rgba(26,26,26,0.55)' };
  var gridDecal = { symbol: 'rect', dashArrayX: [[1, 0], [1, 0]], dashArrayY: [1, 3], rotation: 0, color: 'rgba(92,111,130,0.7)' };

  function done(element, chart, option, error) {
    element.setAttribute('aria-busy', 'false');
    var loading = element.querySelector('[data-loading]');
    if (loading) { loading.remove(); }
    if (error) {
      element.innerHTML = '<p class="alert alert-warning m-3">' + escape(error) + '</p>';
      element.setAttribute('data-error', 'true');
      return;
    }
    charts[element.id] = { chart: chart, option: option };
    inlav.rendered(element, chart);
  }

  // A chart drawn from the JSON the page carries: option(data) is what it shows.
  function draw(element, dataId, option) {
    var data = read(dataId);
    if (!data || typeof echarts === 'undefined') { return; }
    var chart = echarts.init(element, null, { renderer: 'canvas' });
    var shown = option(data);
    chart.setOption(shown);
    done(element, chart, shown);
  }

  function drawMap(element) {
    var data = read('explorer-map-data');
    if (!data || typeof echarts === 'undefined') { return; }
    var byCode = {};
    data.values.forEach(function (v) { byCode[v.code] = v; });
    var pieces = data.pieces.map(function (p) {
      var piece = p.first ? { gte: p.min, lte: p.max } : { gt: p.min, lte: p.max };
      piece.color = p.color;
      piece.label = p.label;
      return piece;
    });
    // fetch with the default cache: the GeoJSON API sends a strong ETag, so the geometry is fetched once per browser.
    fetch(data.geoUrl, { credentials: 'same-origin' })
      .then(function (response) {
        if (!response.ok) { throw new Error('HTTP ' + response.status); }
        return response.json();
      })
      .then(function (geo) {
        if (!echarts.getMap(data.mapName)) { echarts.registerMap(data.mapName, geo); }
        var chart = echarts.init(element, null, { renderer: 'canvas' });
        var option = {
          animation: false,
          title: heading(data, element),
          graphic: footer(data),
          tooltip: {
            trigger: 'item', confine: true,
            formatter: function (p) {
              var v = byCode[p.name];
              if (!v) { return escape(p.name); }
              var lines = ['<strong>' + escape(v.name) + '</strong>', escape(v.value === null ? data.noData.label : v.text)];
              if (v.rank) { lines.push(escape(v.rank)); }
              v.flags.forEach(function (f) { lines.push(escape(f)); });
              return lines.join('<br>');
            },
          },
          visualMap: {
            type: 'piecewise', pieces: pieces, text: data.syntheticWord ? [data.syntheticWord, ''] : undefined, show: element.clientWidth >= 576, left: 8, bottom: 28 + (data.synthetic ? 16 : 0) + (data.reliabilityNote ? 16 : 0), orient: 'vertical', showLabel: true, itemGap: 4, itemWidth: 18, itemHeight: 12,
            textStyle: { color: textColour, fontFamily: font, fontSize: 12 }, hoverLink: true,
          },
          series: [{
            type: 'map', map: data.mapName, nameProperty: 'code', roam: !data.embedded, aspectScale: 0.7, layoutCenter: ['60%', '54%'], layoutSize: '92%',
            itemStyle: { borderColor: '#ffffff', borderWidth: data.level === 'comune' ? 0.2 : 0.8, areaColor: data.noData.color },
            emphasis: { label: { show: false }, itemStyle: { areaColor: '#ffd166', borderColor: '#1a1a1a', borderWidth: 1 } },
            select: { disabled: true },
            // Areas without a value (suppressed, missing) are hatched, not only grey: colour is never the only carrier of meaning.
            data: data.values.map(function (v) {
              if (v.value === null) {
                return { name: v.code, value: NaN, itemStyle: { areaColor: data.noData.color, decal: { symbol: 'rect', dashArrayX: [1, 0], dashArrayY: [1, 3], rotation: -0.78, color: 'rgba(26,26,26,0.45)' } } };
              }
              // Excluded low-reliability units stay out of the classes (no value on the map): light grey with a grid.
              if (v.reliability === 'excluded') { return { name: v.code, value: NaN, itemStyle: { areaColor: '#d0d0d0', decal: gridDecal } }; }
              if (v.reliability === 'hatch') { return { name: v.code, value: v.value, itemStyle: { decal: hatch } }; }
              return { name: v.code, value: v.value };
            }),
          }],
        };
        chart.setOption(option);
        chart.on('click', function (p) {
          if (byCode[p.name]) { (data.embedded ? window.top : window).location.href = data.profile.replace('__code__', encodeURIComponent(p.name)); }
        });
        done(element, chart, option);
      })
      .catch(function (error) { done(element, null, null, element.getAttribute('data-error-text') + ' (' + error.message + ')'); });
  }

  function drawRanking(element) {
    draw(element, 'explorer-ranking-data', function (data) {
      return {
        animation: false,
        title: heading(data, element),
        graphic: footer(data),
        grid: { left: 8, right: 90, top: 64, bottom: 28 + (data.synthetic ? 16 : 0) + (data.reliabilityNote ? 16 : 0), containLabel: true },
        tooltip: { trigger: 'item', formatter: function (p) { return escape(data.names[p.dataIndex]) + '<br>' + escape(data.texts[p.dataIndex]); } },
        xAxis: { type: 'value', axisLabel: { color: textColour, fontFamily: font, formatter: axisNumber } },
        yAxis: { type: 'category', inverse: true, data: data.names, axisLabel: { color: textColour, fontFamily: font, width: 160, overflow: 'truncate' } },
        series: [{
          type: 'bar', itemStyle: { color: data.color },
          data: data.values.map(function (v, i) { return data.unreliable && data.unreliable[i] ? { value: v, itemStyle: { decal: hatch } } : v; }),
          label: { show: true, position: 'right', color: textColour, fontFamily: font, formatter: function (p) { return data.texts[p.dataIndex].split(' [')[0]; } },
        }],
      };
    });
  }

  function drawSeries(element) {
    draw(element, 'explorer-series-data', function (data) {
      return {
        animation: false,
        color: seriesColours,
        title: heading(data, element),
        graphic: footer(data),
        legend: { type: 'scroll', top: 52, textStyle: { color: textColour, fontFamily: font } },
        grid: { left: 8, right: 24, top: 96, bottom: data.synthetic ? 48 : 32, containLabel: true },
        tooltip: {
          trigger: 'axis',
          formatter: function (items) {
            if (!items.length) { return ''; }
            var label = data.periods[items[0].dataIndex];
            var lines = ['<strong>' + escape(label === null ? data.gap : label) + '</strong>'];
            items.forEach(function (p) { lines.push(p.marker + escape(p.seriesName) + ': ' + (p.value[1] === null ? '–' : escape(axisNumber(p.value[1])))); });
            return lines.join('<br>');
          },
        },
        // A true time axis: periods at their place in time, gaps (periods the source lacks) left empty and not joined.
        xAxis: {
          type: 'time', min: data.times[0], max: data.times[data.times.length - 1],
          minInterval: data.granularity === 'year' || data.granularity === 'date' ? 365 * 24 * 3600 * 1000 : undefined,
          axisLabel: { color: textColour, fontFamily: font, hideOverlap: true, formatter: data.granularity === 'year' ? '{yyyy}' : undefined },
        },
        yAxis: { type: 'value', scale: true, axisLabel: { color: textColour, fontFamily: font, formatter: axisNumber } },
        series: data.series.map(function (s, i) {
          return {
            type: 'line', name: s.name, connectNulls: false, symbol: symbols[i % symbols.length], symbolSize: 9,
            data: s.values.map(function (v, j) { return [data.times[j], v]; }),
            lineStyle: { type: dashes[i % dashes.length], width: 2 },
          };
        }),
      };
    });
  }

  function save(blob, name) {
    var url = URL.createObjectURL(blob);
    var a = document.createElement('a');
    a.href = url;
    a.download = name;
    // Never seen nor read out while it lives (a second): a hidden link named after its file.
    a.textContent = name;
    a.hidden = true;
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(url); a.remove(); }, 1000);
  }

  function download(button) {
    var entry = charts[button.getAttribute('data-target')];
    if (!entry) { return; }
    var name = button.getAttribute('data-filename') || 'inlav-chart';
    if (button.getAttribute('data-download') === 'png') {
      var url = entry.chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#ffffff' });
      fetch(url).then(function (r) { return r.blob(); }).then(function (blob) { save(blob, name + '.png'); });
      return;
    }
    // SVG: the same option drawn once more by the SVG renderer, off screen.
    var source = entry.chart.getDom();
    var holder = document.createElement('div');
    holder.style.cssText = 'position:absolute;left:-10000px;top:0;width:' + source.clientWidth + 'px;height:' + source.clientHeight + 'px';
    document.body.appendChild(holder);
    var svgChart = echarts.init(holder, null, { renderer: 'svg', width: source.clientWidth, height: source.clientHeight });
    svgChart.setOption(entry.option);
    var dataUrl = svgChart.getDataURL({ type: 'svg', backgroundColor: '#ffffff' });
    svgChart.dispose();
    holder.remove();
    var comma = dataUrl.indexOf(',');
    var body = dataUrl.slice(0, comma).indexOf(';base64') >= 0 ? atob(dataUrl.slice(comma + 1)) : decodeURIComponent(dataUrl.slice(comma + 1));
    save(new Blob([body], { type: 'image/svg+xml' }), name + '.svg');
  }

  var form = document.getElementById('explorer-form');
  if (form) {
    inlav.autoSubmit([form], function (select) {
      if (select.hasAttribute('data-resets')) {
        // Another indicator: its own periods, breakdowns and units apply.
        Array.prototype.forEach.call(form.querySelectorAll('#f-period, #f-sex, #f-age, #f-citizenship, input[name=unit]'), function (e) { e.disabled = true; });
      }
      var loading = document.getElementById('explorer-loading');
      if (loading) { loading.hidden = false; }
      form.setAttribute('aria-busy', 'true');
    }, function () {
      form.removeAttribute('aria-busy');
      Array.prototype.forEach.call(form.querySelectorAll('[disabled]'), function (e) { e.disabled = false; });
      var loading = document.getElementById('explorer-loading');
      if (loading) { loading.hidden = true; }
    });
    // The period slider moves the period select (the form's real field); releasing it applies the choice.
    var slider = document.getElementById('f-period-slider');
    var periodSelect = document.getElementById('f-period');
    if (slider && periodSelect) {
      var periods = slider.getAttribute('data-periods').split('|');
      var labels = slider.getAttribute('data-labels').split('|');
      var shown = document.getElementById('f-period-slider-value');
      slider.addEventListener('input', function () {
        var i = parseInt(slider.value, 10);
        periodSelect.value = periods[i];
        slider.setAttribute('aria-valuetext', labels[i]);
        if (shown) { shown.textContent = labels[i]; }
      });
      slider.addEventListener('change', function () { periodSelect.dispatchEvent(new Event('change')); });
    }
  }

  Array.prototype.forEach.call(document.querySelectorAll('[data-needs-js]'), function (e) { e.hidden = false; });
  Array.prototype.forEach.call(document.querySelectorAll('[data-download]'), function (b) { b.addEventListener('click', function () { download(b); }); });
  Array.prototype.forEach.call(document.querySelectorAll('[data-copy]'), function (b) {
    b.addEventListener('click', function () {
      var source = document.getElementById(b.getAttribute('data-copy'));
      var status = document.getElementById('embed-status');
      source.select();
      var shown = function () { status.textContent = status.getAttribute('data-copied'); };
      if (navigator.clipboard) { navigator.clipboard.writeText(source.value).then(shown, function () { document.execCommand('copy'); shown(); }); } else { document.execCommand('copy'); shown(); }
    });
  });

  // Printing shows the data tables folded under the charts.
  window.addEventListener('beforeprint', function () { Array.prototype.forEach.call(document.querySelectorAll('details'), function (d) { d.open = true; }); });

  inlav.ready.then(function () {
    var map = document.getElementById('explorer-map');
    if (map) { drawMap(map); }
    var ranking = document.getElementById('explorer-ranking');
    if (ranking) { drawRanking(ranking); }
    var series = document.getElementById('explorer-series');
    if (series) { drawSeries(series); }
  });
})();
