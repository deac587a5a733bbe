// Territory search with suggestions while typing (GET /api/v1/territories/search). Without JavaScript the form
// lists the same results from the server. Arrow keys move between the input and the results; Escape goes back.
(function () {
  'use strict';
  var form = document.getElementById('territory-search');
  var input = document.getElementById('search-q');
  var list = document.getElementById('search-results');
  var status = document.getElementById('search-status');
  if (!form || !input || !list) { return; }
  var levels = JSON.parse(form.getAttribute('data-levels') || '{}');
  var english = form.getAttribute('data-english') === 'true';
  var timer = null;
  var asked = 0;

  var escape = inlav.escape;

  function show(units, query) {
    list.innerHTML = units.map(function (u) {
      var href = '/territorio/' + encodeURIComponent(u.level) + '/' + encodeURIComponent(u.code) + (english ? '?lang=en' : '');
      return '<li><a href="' + href + '">' + escape(u.name) + ' <span class="text-secondary small">(' + escape(levels[u.level] || u.level) + ', ' + escape(u.code) + ')</span></a></li>';
    }).join('');
    status.textContent = query.length < 2 ? '' : units.length === 0 ? status.getAttribute('data-none') : status.getAttribute('data-count').replace('{0}', units.length);
  }

  function search() {
    var query = input.value.trim();
    var ticket = ++asked;
    if (query.length < 2) { show([], query); return; }
    list.setAttribute('aria-busy', 'true');
    fetch('/api/v1/territories/search?limit=10&q=' + encodeURIComponent(query))
      .then(function (r) { return r.ok ? r.json() : []; })
      .then(function (units) { if (ticket === asked) { show(units, query); } })
      .finally(function () { list.setAttribute('aria-busy', 'false'); });
  }

  input.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(search, 180);
  });
  input.addEventListener('keydown', function (e) {
    var first = list.querySelector('a');
    if (e.key === 'ArrowDown' && first) { e.preventDefault(); first.focus(); }
  });
  list.addEventListener('keydown', function (e) {
    var links = Array.prototype.slice.call(list.querySelectorAll('a'));
    var i = links.indexOf(document.activeElement);
    if (e.key === 'ArrowDown' && i < links.length - 1) { e.preventDefault(); links[i + 1].focus(); }
    if (e.key === 'ArrowUp') { e.preventDefault(); (i > 0 ? links[i - 1] : input).focus(); }
    if (e.key === 'Escape') { e.preventDefault(); input.focus(); }
  });
})();
