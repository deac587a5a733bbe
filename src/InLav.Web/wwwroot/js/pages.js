// Charts of the profile, compare and relations pages. Each chart element (data-chart="…") carries its data in a JSON
// script child, written by the server from the same numbers as the table beside it; without JavaScript the tables remain.
(function () {
  'use strict';
  var font = inlav.font;
  var ink = inlav.ink;
  var text = { color: ink, fontFamily: font };
  var escape = inlav.escape;

  function fail(element, data) {
    element.setAttribute('aria-busy', 'false');
    element.innerHTML = '<p class="alert alert-warning m-2">' + escape(data.failed || 'Chart not available.') + '</p>';
  }

  function init(element) {
    var loading = element.querySelector('.inlav-loading');
    if (loading) { loading.remove(); }
    return echarts.init(element, null, { renderer: 'canvas' });
  }

  // The unit highlighted among its parent's units: thick dark border and dark fill, and its name as a label.
  function locator(element, data) {
    return fetch(data.geoUrl, { headers: { Accept: 'application/geo+json' } })
      .then(function (r) { if (!r.ok) { throw new Error('HTTP ' + r.status); } return r.json(); })
      .then(function (geo) {
        if (data.within) {
          var keep = {};
          data.within.forEach(function (c) { keep[c] = true; });
          geo.features = geo.features.filter(function (f) { return keep[f.properties.code]; });
        }
        if (!geo.features || geo.features.length === 0) { throw new Error('no boundaries'); }
        var name = 'loc-' + data.geoUrl + (data.highlight || '');
        echarts.registerMap(name, geo);
        var chart = init(element);
        chart.setOption({
          animation: false,
          series: [{
            type: 'map', map: name, nameProperty: 'code', roam: false, aspectScale: 0.7, selectedMode: false,
            itemStyle: { areaColor: '#e3e8ee', borderColor: '#8a96a3', borderWidth: 0.5 },
            emphasis: { disabled: true },
            label: { show: false },
            data: geo.features.map(function (f) {
              var on = !data.highlight || f.properties.code === data.highlight;
              return {
                name: f.properties.code, value: on ? 1 : 0,
                itemStyle: on ? { areaColor: '#003366', borderColor: '#ff9f1c', borderWidth: 2.5 } : undefined,
                label: on && data.highlight ? { show: true, formatter: data.name, color: ink, backgroundColor: '#ffffff', padding: 3, fontFamily: font, fontWeight: 600 } : undefined,
              };
            }),
          }],
        });
        inlav.rendered(element, chart);
      });
  }

  function pyramid(element, data) {
    var number = new Intl.NumberFormat(data.locale, { maximumFractionDigits: 0 });
    var chart = init(element);
    chart.setOption({
      animation: false,
      legend: { data: [data.maleLabel, data.femaleLabel], textStyle: text, top: 0 },
      grid: { left: 70, right: 20, top: 30, bottom: 30 },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: function (v) { return number.format(Math.abs(v)); } },
      xAxis: { type: 'value', axisLabel: { formatter: function (v) { return number.format(Math.abs(v)); }, color: ink } },
      yAxis: { type: 'category', data: data.ages, axisLabel: { color: ink } },
      series: [
        { name: data.maleLabel, type: 'bar', stack: 'p', data: data.male.map(function (v) { return v === null ? null : -v; }), itemStyle: { color: '#2c6e9b' } },
        { name: data.femaleLabel, type: 'bar', stack: 'p', data: data.female, itemStyle: { color: '#d9822b', decal: { symbol: 'rect', dashArrayX: [1, 0], dashArrayY: [2, 3], rotation: 0.8, color: 'rgba(255,255,255,0.5)' } } },
      ],
      aria: { enabled: true, decal: { show: false } },
    });
    inlav.rendered(element, chart);
  }

  // Territories side by side: index (Lombardy = 100) per indicator, one bar per territory with its own pattern.
  function bars(element, data) {
    var number = new Intl.NumberFormat(data.locale, { maximumFractionDigits: 1 });
    var decals = ['none', 'diagonal', 'dots', 'cross', 'vertical', 'horizontal'];
    var chart = init(element);
    chart.setOption({
      animation: false,
      color: ['#0066cc', '#d9822b', '#2e7d32', '#6a1b9a', '#5d4037', '#00838f'],
      legend: { type: 'scroll', textStyle: text, top: 0 },
      grid: { left: 50, right: 20, top: 40, bottom: 90 },
      tooltip: { trigger: 'axis', valueFormatter: function (v) { return v === null || v === undefined ? '–' : number.format(v); } },
      xAxis: { type: 'category', data: data.indicators, axisLabel: { interval: 0, rotate: data.indicators.length > 3 ? 25 : 0, width: 140, overflow: 'truncate', color: ink } },
      yAxis: { type: 'value', name: data.axis, nameTextStyle: text, axisLabel: { color: ink } },
      series: data.series.map(function (s, i) {
        var pattern = decals[i % decals.length];
        var decal = pattern === 'none' ? undefined : pattern === 'dots' ? { symbol: 'circle', symbolSize: 0.5 }
          : pattern === 'cross' ? { symbol: 'rect', dashArrayX: [[1, 0], [1, 0]], dashArrayY: [1, 3], rotation: 0 }
          : { symbol: 'rect', dashArrayX: [1, 0], dashArrayY: [2, 4], rotation: pattern === 'diagonal' ? -0.78 : pattern === 'vertical' ? 1.57 : 0 };
        return {
          name: s.name, type: 'bar', data: s.values, itemStyle: decal ? { decal: decal } : {},
          markLine: i === 0 ? { symbol: 'none', silent: true, data: [{ yAxis: 100, name: data.reference }], lineStyle: { color: ink, type: 'dashed' }, label: { formatter: data.reference, color: ink } } : undefined,
        };
      }),
    });
    inlav.rendered(element, chart);
  }

  // Units of a level on two indicators; outliers are larger diamonds (not only another colour); a click opens the profile.
  function scatter(element, data) {
    var number = new Intl.NumberFormat(data.locale, { maximumFractionDigits: 2 });
    var chart = init(element);
    var normal = data.points.filter(function (p) { return !p.outlier; });
    var outliers = data.points.filter(function (p) { return p.outlier; });
    function points(list) { return list.map(function (p) { return { value: [p.x, p.y], name: p.name, link: p.link }; }); }
    var xs = data.points.map(function (p) { return p.x; });
    var lo = Math.min.apply(null, xs), hi = Math.max.apply(null, xs);
    // Generated values: the chart's own title and graphic say SYNTHETIC, so a copy of the chart says it too.
    var titled = !!data.title;
    chart.setOption({
      animation: false,
      title: titled ? { text: data.title, left: 8, top: 0, textStyle: { color: '#a30000', fontFamily: font, fontSize: 14, fontWeight: 600 } } : undefined,
      graphic: data.synthetic ? [{ type: 'text', right: 30, top: 56, silent: true, style: { text: data.synthetic, fill: 'rgba(163,0,0,0.6)', font: '700 16px ' + font } }] : undefined,
      legend: { textStyle: text, top: titled ? 24 : 0 },
      grid: { left: 70, right: 30, top: titled ? 64 : 40, bottom: 60 },
      tooltip: {
        trigger: 'item',
        formatter: function (p) { return p.data && p.data.name ? escape(p.data.name) + '<br>' + escape(data.xLabel) + ': ' + number.format(p.data.value[0]) + '<br>' + escape(data.yLabel) + ': ' + number.format(p.data.value[1]) : ''; },
      },
      xAxis: { type: 'value', scale: true, name: data.xLabel, nameLocation: 'middle', nameGap: 30, nameTextStyle: text, axisLabel: { color: ink } },
      yAxis: { type: 'value', scale: true, name: data.yLabel, nameLocation: 'middle', nameGap: 50, nameTextStyle: text, axisLabel: { color: ink } },
      series: [
        { name: data.unitsLabel, type: 'scatter', symbol: 'circle', symbolSize: 7, data: points(normal), itemStyle: { color: '#0066cc', opacity: 0.75 } },
        { name: data.outliersLabel, type: 'scatter', symbol: 'diamond', symbolSize: 15, data: points(outliers), itemStyle: { color: '#b71c1c', borderColor: ink, borderWidth: 1 } },
        { name: data.lineLabel, type: 'line', symbol: 'none', silent: true, data: [[lo, data.intercept + data.slope * lo], [hi, data.intercept + data.slope * hi]], lineStyle: { color: ink, type: 'dashed', width: 2 } },
      ],
    });
    chart.on('click', function (p) { if (p.data && p.data.link) { window.location.href = p.data.link; } });
    inlav.rendered(element, chart);
  }

  var kinds = { locator: locator, pyramid: pyramid, bars: bars, scatter: scatter };
  inlav.ready.then(function () {
    Array.prototype.forEach.call(document.querySelectorAll('[data-chart]'), function (element) {
      var source = element.querySelector('script[type="application/json"]');
      if (!source) { return; }
      var data = JSON.parse(source.textContent);
      if (typeof echarts === 'undefined' || !kinds[data.kind]) { fail(element, data); return; }
      element.setAttribute('aria-busy', 'true');
      try {
        Promise.resolve(kinds[data.kind](element, data)).catch(function () { fail(element, data); });
      } catch (e) {
        fail(element, data);
      }
    });
  });

  // Forms apply a choice at once when a select changes (the submit button does the same without JavaScript).
  inlav.autoSubmit(Array.prototype.slice.call(document.querySelectorAll('form[data-autosubmit]')));
})();
