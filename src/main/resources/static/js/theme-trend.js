// A theme's signals per month (bars) and their share of the month's analysed texts (line), with ECharts.
(function () {
  var element = document.getElementById('theme-trend');
  var data = document.getElementById('theme-trend-data');
  if (!element || !data || typeof echarts === 'undefined') {
    return;
  }
  var points = JSON.parse(data.textContent);
  var chart = echarts.init(element, null, { renderer: 'svg' });
  chart.setOption({
    animation: false,
    grid: { left: 8, right: 8, top: 28, bottom: 8, containLabel: true },
    legend: { top: 0, data: ['Signals', 'Share %'] },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: points.map(function (p) { return p.label; }) },
    yAxis: [{ type: 'value', minInterval: 1 }, { type: 'value', min: 0, axisLabel: { formatter: '{value}%' } }],
    series: [
      { name: 'Signals', type: 'bar', data: points.map(function (p) { return p.count; }),
        itemStyle: { color: '#2456d6' } },
      { name: 'Share %', type: 'line', yAxisIndex: 1, data: points.map(function (p) { return p.share; }),
        itemStyle: { color: '#a86400' }, lineStyle: { color: '#a86400' } }
    ]
  });
  window.addEventListener('resize', function () { chart.resize(); });
  element.dataset.ready = 'true';
})();
