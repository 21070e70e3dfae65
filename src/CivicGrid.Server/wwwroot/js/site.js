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

  // Charts (ECharts, served from /lib): an element with data-chart='{"labels":[…],"series":[{"name","data"}]}';
  // optional "type": "bar" (default line) and "animation": false (charts meant for paper are drawn at once).
  function charts() {
    if (typeof echarts === 'undefined') return;
    document.querySelectorAll('[data-chart]').forEach(element => {
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
