// Small behaviours of every page. The skip link moves keyboard focus to the main content itself: Blazor's enhanced
// navigation handles in-page links by scrolling only, which would leave focus on the link.
(function () {
  'use strict';
  document.addEventListener('click', event => {
    const link = event.target.closest && event.target.closest('a.skip-link');
    if (!link) return;
    const main = document.getElementById('main');
    if (!main) return;
    event.preventDefault();
    event.stopPropagation();
    main.focus();
    main.scrollIntoView();
  }, true);

  // Print buttons (the monthly report): a button with data-print opens the browser's print dialogue.
  document.addEventListener('click', event => {
    if (event.target.closest && event.target.closest('[data-print]')) window.print();
  });

  // Client libraries are loaded only by pages that use them (a map or a chart): a page without either downloads
  // neither Leaflet nor ECharts. Their fingerprinted URLs come from the body's data-lib-* attributes (ClientLibs.cs).
  const libraries = {};
  function load(tag, attributes) {
    return new Promise((resolve, reject) => {
      const element = document.createElement(tag);
      Object.assign(element, attributes);
      element.onload = () => resolve();
      element.onerror = () => reject(new Error('could not load ' + (attributes.src || attributes.href)));
      document.head.appendChild(element);
    });
  }
  window.civicGridLibraries = {
    leaflet: () => libraries.leaflet || (libraries.leaflet = typeof L !== 'undefined' ? Promise.resolve() : Promise.all([
      load('link', { rel: 'stylesheet', href: document.body.dataset.libLeafletCss }),
      load('script', { src: document.body.dataset.libLeaflet }),
    ])),
    echarts: () => libraries.echarts || (libraries.echarts = typeof echarts !== 'undefined' ? Promise.resolve()
      : load('script', { src: document.body.dataset.libEcharts })),
  };

  // Charts (ECharts, loaded on demand): an element with data-chart='{"labels":[…],"series":[{"name","data"}]}';
  // optional "type": "bar" (default line) and "animation": false (charts meant for paper are drawn at once). Lines are
  // straight between points: a smoothed curve overshoots and dips below zero between a count and a zero (issue 18).
  function charts() {
    const pending = Array.from(document.querySelectorAll('[data-chart]')).filter(element => !element._chart);
    if (pending.length === 0) return;
    window.civicGridLibraries.echarts().then(() => drawCharts(pending));
  }

  function drawCharts(elements) {
    elements.forEach(element => {
      if (element._chart) return;
      const spec = JSON.parse(element.dataset.chart);
      const bar = spec.type === 'bar';
      element._chart = echarts.init(element, null, { renderer: 'svg' });
      element._chart.setOption({
        animation: spec.animation !== false,
        tooltip: { trigger: 'axis' }, legend: { top: 4 }, grid: { left: 40, right: 16, top: 40, bottom: bar ? 70 : 30 },
        xAxis: { type: 'category', data: spec.labels, axisLabel: bar ? { interval: 0, rotate: 30, width: 90, overflow: 'truncate' } : {} },
        yAxis: { type: 'value', minInterval: 1 },
        series: spec.series.map(s => bar ? { name: s.name, type: 'bar', data: s.data } : { name: s.name, type: 'line', data: s.data }),
      });
      // A stylesheet that arrives after the chart (enhanced navigation adds a page's own) may change its size.
      if (typeof ResizeObserver !== 'undefined') new ResizeObserver(() => element._chart.resize()).observe(element);
    });
  }
  document.addEventListener('DOMContentLoaded', charts);
  document.addEventListener('DOMContentLoaded', () => window.Blazor && window.Blazor.addEventListener('enhancedload', charts));
  // Copy buttons (the confirmation's short link): a button with data-copy="text" copies it and says data-copied.
  document.addEventListener('click', event => {
    const button = event.target.closest && event.target.closest('[data-copy]');
    if (!button) return;
    const text = button.dataset.copy;
    const done = () => { button.textContent = button.dataset.copied || button.textContent; };
    const fallback = () => {
      const area = document.createElement('textarea');
      area.value = text;
      area.setAttribute('readonly', '');
      area.style.position = 'fixed';
      area.style.opacity = '0';
      document.body.appendChild(area);
      area.select();
      try { if (document.execCommand('copy')) done(); } catch (e) { /* the link stays visible to copy by hand */ }
      area.remove();
    };
    if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(text).then(done, fallback);
    else fallback();
  });

  // Drafts (the public report form): a form with data-draft="name" keeps what was typed in localStorage and puts it
  // back after a reload; a page with data-draft-clear="name" (the confirmation) forgets it. Files themselves are
  // not kept, the photos a failed submit uploaded are (by their upload ids); a form the server sent back
  // (data-draft-server) wins over the draft.
  function drafts() {
    document.querySelectorAll('[data-draft-clear]').forEach(element => {
      try { localStorage.removeItem('draft:' + element.dataset.draftClear); } catch (e) { /* storage off */ }
    });
    document.querySelectorAll('form[data-draft]').forEach(form => {
      if (form._draft) return;
      form._draft = true;
      const key = 'draft:' + form.dataset.draft;
      const fields = () => Array.from(form.elements).filter(e => e.name && e.type !== 'file' && e.type !== 'hidden' && e.type !== 'submit');
      const save = () => {
        const data = {};
        fields().forEach(e => {
          if (e.type === 'radio') { if (e.checked) data[e.name] = e.value; }
          else if (e.type === 'checkbox') data[e.name] = e.checked;
          else data[e.name] = e.value;
        });
        const kept = form.querySelector('[data-kept-photos]');
        if (kept) data['@kept'] = Array.from(kept.querySelectorAll('input[type=hidden]')).map(e => e.value);
        try { localStorage.setItem(key, JSON.stringify(data)); } catch (e) { /* storage full or off */ }
      };
      let saved = null;
      try { saved = JSON.parse(localStorage.getItem(key) || 'null'); } catch (e) { saved = null; }
      if (form.dataset.draftServer) save();
      else if (saved) {
        fields().forEach(e => {
          if (!(e.name in saved)) return;
          if (e.type === 'radio') e.checked = saved[e.name] === e.value;
          else if (e.type === 'checkbox') e.checked = saved[e.name] === true;
          else e.value = saved[e.name];
        });
        restoreKeptPhotos(form, saved['@kept'] || []);
      }
      ['input', 'change', 'click', 'submit'].forEach(type => form.addEventListener(type, () => setTimeout(save, 0)));
    });
  }
  // Photos a failed submit uploaded ("id:name" each) come back as the hidden fields and thumbnails the server would
  // render (photo-picker.js, the public form's own script).
  function restoreKeptPhotos(form, values) {
    if (window.civicGridKeptPhotos) window.civicGridKeptPhotos(form.querySelector('[data-kept-photos]'), values);
  }
  document.addEventListener('DOMContentLoaded', drafts);
  document.addEventListener('DOMContentLoaded', () => window.Blazor && window.Blazor.addEventListener('enhancedload', drafts));

  // The sign-in form tells the server how wide the window is (Platform/Auth/Account/StaffLanding.cs: an inspector on a
  // phone lands on /m): filled when the form is sent, so a rotated or resized window counts as it is then.
  document.addEventListener('submit', event => {
    const field = event.target.querySelector && event.target.querySelector('input[data-window-width]');
    if (field) field.value = String(Math.round(window.innerWidth));
  }, true);

  // The inspector's tasks (/m): the distance from here to each task, when the browser may tell the position (asked once
  // per page; nothing shown without it). data-metres / data-kilometres hold the texts, "{0}" the number.
  function taskDistances() {
    const list = document.querySelector('[data-task-list]');
    if (!list || list._distances || !navigator.geolocation) return;
    list._distances = true;
    navigator.geolocation.getCurrentPosition(position => {
      const here = position.coords;
      const radians = d => d * Math.PI / 180;
      list.querySelectorAll('[data-lon][data-lat]').forEach(task => {
        const lat1 = radians(here.latitude), lat2 = radians(Number(task.dataset.lat));
        const a = Math.sin((lat2 - lat1) / 2) ** 2
          + Math.cos(lat1) * Math.cos(lat2) * Math.sin(radians(Number(task.dataset.lon) - here.longitude) / 2) ** 2;
        const metres = 2 * 6371008.8 * Math.asin(Math.sqrt(a));
        const text = metres < 1000 ? list.dataset.metres.replace('{0}', String(Math.round(metres / 10) * 10))
          : list.dataset.kilometres.replace('{0}', (metres / 1000).toFixed(1));
        const slot = task.querySelector('[data-task-distance]');
        if (slot) { slot.textContent = text; slot.dataset.metres = String(Math.round(metres)); }
      });
    }, () => {}, { enableHighAccuracy: false, maximumAge: 60000, timeout: 15000 });
  }
  document.addEventListener('DOMContentLoaded', taskDistances);
  document.addEventListener('DOMContentLoaded', () => window.Blazor && window.Blazor.addEventListener('enhancedload', taskDistances));
})();
