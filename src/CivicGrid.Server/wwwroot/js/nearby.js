// Nearby open reports on the public report form (Features/PublicService/Pages/NearbyReportsPanel.razor): when the chosen
// type or position changes, ask GET /api/public/nearby and list the open reports of that type close by, each linking to
// its public case page ("是否是这个问题？"), so a citizen can follow an existing case instead of reporting it twice.
// The server's data is put into the page as text only (textContent), never as HTML.
(function () {
  'use strict';

  function element(tag, text, attributes) {
    const e = document.createElement(tag);
    if (text) e.textContent = text;
    for (const [name, value] of Object.entries(attributes || {})) e.setAttribute(name, value);
    return e;
  }

  function item(panel, labels, report) {
    const li = element('li', null, { 'data-number': report.number });
    if (report.photo) li.appendChild(element('img', null, { src: report.photo.thumbnailUrl, alt: '', loading: 'lazy' }));
    const body = element('div');
    body.appendChild(element('a', report.number, { href: report.url }));
    const facts = [report.typeName, labels[report.status] || report.statusLabel,
      panel.dataset.metres.replace('{0}', report.distanceMetres), report.positionBlurred ? panel.dataset.blurred : null];
    body.appendChild(element('span', ' ' + facts.filter(Boolean).join(' · ')));
    if (report.description) body.appendChild(element('p', report.description, { class: 'public-text' }));
    // "我也遇到了": the case page's form to follow it instead of reporting it again.
    body.appendChild(element('a', panel.dataset.follow, { href: report.url + '#same-problem', class: 'button', 'data-testid': 'nearby-follow' }));
    li.appendChild(body);
    return li;
  }

  function watch(panel) {
    const type = document.getElementById(panel.dataset.typeInput);
    const problems = panel.dataset.problems ? JSON.parse(panel.dataset.problems) : null;
    const lon = document.getElementById(panel.dataset.lonInput);
    const lat = document.getElementById(panel.dataset.latInput);
    if ((!type && !problems) || !lon || !lat) return;
    // "kind:code" from the citizen problem chosen in the radio group, or else from the type select.
    function chosenType() {
      if (problems && panel.dataset.problemInput) {
        const checked = Array.from(document.getElementsByName(panel.dataset.problemInput)).find(i => i.checked);
        return checked ? problems[checked.value] || '' : '';
      }
      return type ? type.value || '' : '';
    }
    const list = panel.querySelector('[data-nearby-list]');
    const labels = JSON.parse(panel.dataset.labels || '{}');
    let asked = '';
    async function load() {
      const [kind, code] = chosenType().split(':');
      const x = parseFloat(lon.value), y = parseFloat(lat.value);
      if (!kind || !code || !isFinite(x) || !isFinite(y)) { asked = ''; panel.hidden = true; return; }
      const query = `lon=${x}&lat=${y}&kind=${encodeURIComponent(kind.toLowerCase())}&typeCode=${encodeURIComponent(code)}`;
      if (query === asked) return;
      asked = query;
      try {
        const response = await fetch('/api/public/nearby?' + query, { headers: { Accept: 'application/json' } });
        const data = response.ok ? await response.json() : { reports: [] };
        if (query !== asked) return;
        list.replaceChildren(...data.reports.map(r => item(panel, labels, r)));
        panel.hidden = data.reports.length === 0;
      } catch { panel.hidden = true; }
    }
    (panel.closest('form') || document).addEventListener('change', load);
    // The map sets the position from script without an event: look again now and then while the form is on the page.
    const timer = setInterval(() => document.body.contains(panel) ? load() : clearInterval(timer), 1000);
    load();
  }

  function setUp() {
    document.querySelectorAll('[data-nearby-reports]').forEach(panel => {
      if (panel._nearby) return;
      panel._nearby = true;
      watch(panel);
    });
  }
  document.addEventListener('DOMContentLoaded', setUp);
  document.addEventListener('DOMContentLoaded', () => window.Blazor && window.Blazor.addEventListener('enhancedload', setUp));
})();
