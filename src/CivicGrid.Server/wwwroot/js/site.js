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

  // Charts (ECharts, served from /lib): an element with data-chart='{"labels":[…],"series":[{"name","data"}]}'.
  function charts() {
    if (typeof echarts === 'undefined') return;
    document.querySelectorAll('[data-chart]').forEach(element => {
      if (element._chart) return;
      const spec = JSON.parse(element.dataset.chart);
      element._chart = echarts.init(element, null, { renderer: 'svg' });
      element._chart.setOption({
        tooltip: { trigger: 'axis' }, legend: {}, grid: { left: 40, right: 16, top: 40, bottom: 30 },
        xAxis: { type: 'category', data: spec.labels }, yAxis: { type: 'value', minInterval: 1 },
        series: spec.series.map(s => ({ name: s.name, type: 'line', smooth: true, data: s.data })),
      });
    });
  }
  document.addEventListener('DOMContentLoaded', charts);
  document.addEventListener('DOMContentLoaded', () => window.Blazor && window.Blazor.addEventListener('enhancedload', charts));
})();
