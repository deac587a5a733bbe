// Charts measure their labels when they are drawn: the page's scripts draw once the Titillium Web faces the charts use
// are in (or failed), so labels are sized for the font they are shown in. window.inlavFontsReady is that promise.
(function () {
  'use strict';
  var faces = ['400 12px "Titillium Web"', '600 15px "Titillium Web"'];
  window.inlavFontsReady = document.fonts && document.fonts.load
    ? Promise.all(faces.map(function (f) { return document.fonts.load(f); })).then(function () {}, function () {})
    : Promise.resolve();
})();
