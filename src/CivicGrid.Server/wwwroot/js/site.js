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
  // optional "type": "bar" (default line) and "animation": false (charts meant for paper are drawn at once).
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
        series: spec.series.map(s => bar ? { name: s.name, type: 'bar', data: s.data } : { name: s.name, type: 'line', smooth: true, data: s.data }),
      });
      // A stylesheet that arrives after the chart (enhanced navigation adds a page's own) may change its size.
      if (typeof ResizeObserver !== 'undefined') new ResizeObserver(() => element._chart.resize()).observe(element);
    });
  }
  document.addEventListener('DOMContentLoaded', charts);
  document.addEventListener('DOMContentLoaded', () => window.Blazor && window.Blazor.addEventListener('enhancedload', charts));
})();
