// The population choropleth: boundaries from /api/v1/geo/{level}, values from the page (the same as the table).
(function () {
  'use strict';
  var form = document.getElementById('map-form');
  if (form) {
    // With JavaScript a choice applies at once; without it the "Aggiorna" button submits the same GET form.
    inlav.autoSubmit([form]);
  }

  var element = document.getElementById('map');
  var source = document.getElementById('map-data');
  if (!element || !source || typeof echarts === 'undefined') { return; }
  var data = JSON.parse(source.textContent);
  var number = new Intl.NumberFormat(data.locale, { maximumFractionDigits: 0 });
  var escape = inlav.escape;
  function fill(template, value) { return template.replace('{0}', value); }
  // Viridis, 7 classes: sequential, readable by people with colour-vision deficiencies and in greyscale.
  var palette = ['#fde725', '#8fd744', '#35b779', '#21918c', '#31688e', '#443a83', '#440154'];

  function classes(values) {
    var sorted = values.slice().sort(function (a, b) { return a - b; });
    var n = Math.min(palette.length, sorted.length);
    var breaks = [];
    for (var i = 1; i < n; i++) { breaks.push(sorted[Math.floor(i * sorted.length / n)]); }
    breaks = breaks.filter(function (b, i) { return i === 0 || b > breaks[i - 1]; });
    var pieces = [];
    var lower = sorted[0];
    breaks.concat([Infinity]).forEach(function (upper, i) {
      var last = upper === Infinity;
      var piece = last ? { gte: lower } : { gte: lower, lt: upper };
      piece.label = number.format(lower) + ' – ' + number.format(last ? sorted[sorted.length - 1] : upper);
      pieces.push(piece);
      lower = upper;
    });
    var step = (palette.length - 1) / Math.max(1, pieces.length - 1);
    pieces.forEach(function (p, i) { p.color = palette[Math.round(i * step)]; });
    return pieces;
  }

  var values = data.values.filter(function (v) { return v.value !== null; }).map(function (v) { return v.value; });
  if (values.length === 0) { return; }
  element.setAttribute('aria-busy', 'true');
  Promise.all([fetch(data.geoUrl, { headers: { Accept: 'application/geo+json' } }), inlav.ready])
    .then(function (answers) {
      var response = answers[0];
      if (!response.ok) { throw new Error('HTTP ' + response.status); }
      return response.json();
    })
    .then(function (geo) {
      if (!geo.features || geo.features.length === 0) { throw new Error(data.texts.noBoundaries); }
      echarts.registerMap(data.mapName, geo);
      var chart = echarts.init(element, null, { renderer: 'canvas' });
      chart.setOption({
        animation: false,
        title: {
          text: data.measure + ' (' + data.unit + ')', subtext: data.levelName + ', ' + data.period, left: 8, top: 8,
          textStyle: { fontSize: 14, fontWeight: 600, color: inlav.ink, fontFamily: inlav.font },
          subtextStyle: { color: '#3d4955', fontFamily: inlav.font },
        },
        tooltip: {
          trigger: 'item',
          formatter: function (p) {
            var name = p.data && p.data.unitName ? p.data.unitName : p.name;
            var value = p.data && p.data.value !== null && p.data.value !== undefined ? number.format(p.data.value) + ' ' + data.unit : data.texts.noData;
            return escape(name) + '<br>' + escape(value);
          },
        },
        visualMap: {
          type: 'piecewise', pieces: classes(values), left: 8, bottom: 8, orient: 'vertical', showLabel: true,
          textStyle: { color: inlav.ink, fontFamily: inlav.font, fontSize: 13 }, itemGap: 4, itemWidth: 18, itemHeight: 12,
        },
        series: [{
          type: 'map', map: data.mapName, nameProperty: 'code', roam: true, aspectScale: 0.7, layoutCenter: ['58%', '50%'], layoutSize: '95%',
          itemStyle: { borderColor: '#ffffff', borderWidth: data.level === 'comune' ? 0.2 : 0.8, areaColor: '#d9d9d9' },
          emphasis: { label: { show: false }, itemStyle: { areaColor: '#ff9f1c' } },
          select: { disabled: true },
          data: data.values.map(function (v) { return { name: v.code, value: v.value, unitName: v.name }; }),
        }],
      });
      inlav.rendered(element, chart);
    })
    .catch(function (error) {
      element.setAttribute('aria-busy', 'false');
      element.innerHTML = '<p class="alert alert-warning">' + escape(fill(data.texts.failed, error.message)) + '</p>';
    });
})();
