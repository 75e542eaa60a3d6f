// A leader's hours with customers in the rolling window, one point a week, against the target, with ECharts.
(function () {
  var element = document.getElementById('exposure-trend');
  var data = document.getElementById('exposure-trend-data');
  if (!element || !data || typeof echarts === 'undefined') {
    return;
  }
  var points = JSON.parse(data.textContent);
  var chart = echarts.init(element, null, { renderer: 'svg' });
  chart.setOption({
    animation: false,
    grid: { left: 8, right: 8, top: 16, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', valueFormatter: function (v) { return v + ' h'; } },
    xAxis: { type: 'category', data: points.map(function (p) { return p.label; }) },
    yAxis: { type: 'value', min: 0, axisLabel: { formatter: '{value} h' } },
    series: [{ name: 'Hours', type: 'line', step: 'end', data: points.map(function (p) { return p.hours; }),
      itemStyle: { color: '#2456d6' }, areaStyle: { opacity: 0.15 } }]
  });
  window.addEventListener('resize', function () { chart.resize(); });
  element.dataset.ready = 'true';
})();
