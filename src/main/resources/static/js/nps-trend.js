// NPS trend with its 95% confidence band (ECharts): a transparent line at the lower bound, the band stacked on it,
// and the NPS line on top. Clicking a point opens the verbatims of that period.
(function () {
  var element = document.getElementById('nps-trend');
  var data = document.getElementById('nps-trend-data');
  if (!element || !data || typeof echarts === 'undefined') {
    return;
  }
  var points = JSON.parse(data.textContent);
  var labels = points.map(function (p) { return p.label; });
  var lows = points.map(function (p) { return p.low; });
  var widths = points.map(function (p) { return p.low === null ? null : Math.round((p.high - p.low) * 10) / 10; });
  var scores = points.map(function (p) { return p.nps; });
  var chart = echarts.init(element, null, { renderer: 'svg' });
  chart.setOption({
    animation: false,
    grid: { left: 8, right: 24, top: 16, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'axis',
      formatter: function (items) {
        var p = points[items[0].dataIndex];
        if (p.nps === null) { return p.label + '<br>no NPS responses'; }
        return p.label + '<br>NPS <b>' + p.nps + '</b> (95% CI ' + p.low + ' to ' + p.high + ')<br>n = ' + p.n
          + (p.small ? ' · small sample' : '') + '<br>Click to read the verbatims';
      }
    },
    xAxis: { type: 'category', data: labels, boundaryGap: false },
    yAxis: { type: 'value', scale: true, max: function (v) { return Math.min(100, Math.ceil(v.max / 10) * 10); },
             min: function (v) { return Math.max(-100, Math.floor(v.min / 10) * 10); } },
    series: [
      { name: 'CI low', type: 'line', data: lows, stack: 'ci', stackStrategy: 'all', symbol: 'none', lineStyle: { opacity: 0 },
        silent: true, tooltip: { show: false } },
      { name: '95% CI', type: 'line', data: widths, stack: 'ci', stackStrategy: 'all', symbol: 'none', lineStyle: { opacity: 0 },
        areaStyle: { color: '#2456d6', opacity: 0.15 }, silent: true },
      { name: 'NPS', type: 'line', data: scores, symbolSize: 9, lineStyle: { width: 2, color: '#2456d6' },
        itemStyle: { color: '#2456d6' }, cursor: 'pointer' }
    ]
  });
  chart.on('click', function (event) {
    // the point links to its verbatims only for viewers who may read them
    if (event.seriesName === 'NPS' && points[event.dataIndex] && element.dataset.links !== 'false') {
      window.location.href = points[event.dataIndex].href;
    }
  });
  window.addEventListener('resize', function () { chart.resize(); });
  element.dataset.ready = 'true';
})();
