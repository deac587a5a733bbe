// Shared by the page scripts (loaded in the head of every page) as window.inlav:
// - ready: charts measure their labels when they are drawn, so the page's scripts draw once the Titillium Web faces the
//   charts use are in (or failed), and labels are sized for the font they are shown in;
// - font, ink: the charts' font family and text colour;
// - escape: text made safe for innerHTML and chart tooltips;
// - rendered: a chart is drawn (it follows the window's size; aria-busy="false", data-rendered="true");
// - autoSubmit: forms whose selects apply at once (without JavaScript their submit button does the same); back/forward
//   may restore a page from the cache with the choices made before leaving, so such a page shows its own again.
(function () {
  'use strict';
  var faces = ['400 12px "Titillium Web"', '600 15px "Titillium Web"'];
  window.inlav = {
    ready: document.fonts && document.fonts.load
      ? Promise.all(faces.map(function (f) { return document.fonts.load(f); })).then(function () {}, function () {})
      : Promise.resolve(),
    font: 'Titillium Web, sans-serif',
    ink: '#1a1a1a',
    escape: function (text) {
      return String(text).replace(/[&<>"']/g, function (c) { return '&#' + c.charCodeAt(0) + ';'; });
    },
    rendered: function (element, chart) {
      window.addEventListener('resize', function () { chart.resize(); });
      element.setAttribute('aria-busy', 'false');
      element.setAttribute('data-rendered', 'true');
    },
    // forms: the forms; before(select, form): runs before a change submits; restored(): runs after a restored page's reset.
    autoSubmit: function (forms, before, restored) {
      forms.forEach(function (form) {
        Array.prototype.forEach.call(form.querySelectorAll('select'), function (select) {
          select.addEventListener('change', function () {
            if (before) { before(select, form); }
            form.submit();
          });
        });
      });
      window.addEventListener('pageshow', function (event) {
        if (event.persisted) {
          forms.forEach(function (form) { form.reset(); });
          if (restored) { restored(); }
        }
      });
    },
  };
})();
