// 指标看板 (/indicators): bar and trend charts with the vendored ECharts, loaded on first use. Imported as a module by the
// interactive page (IJSRuntime "import"); the page works without it (the tables carry every figure).
let loading;

function ensureEcharts() {
    if (window.echarts) { return Promise.resolve(); }
    if (!loading) {
        loading = new Promise(function (resolve, reject) {
            const s = document.createElement('script');
            s.src = '/lib/echarts/echarts.min.js';
            s.onload = resolve;
            s.onerror = reject;
            document.head.appendChild(s);
        });
    }
    return loading;
}

// kind: 'bar' (one value per sub-region or institution) or 'line' (one value per year); target: a horizontal mark line or null.
export async function render(id, kind, names, values, unit, target) {
    await ensureEcharts();
    const el = document.getElementById(id);
    if (!el) { return; }
    const chart = window.echarts.getInstanceByDom(el) || window.echarts.init(el);
    const series = { type: kind, data: values, name: unit, label: { show: kind === 'bar', position: 'top' } };
    if (target !== null && target !== undefined) {
        series.markLine = { symbol: 'none', data: [{ yAxis: target, name: '目标' }], lineStyle: { color: '#dc3545', type: 'dashed' }, label: { formatter: '目标 {c}' } };
    }
    chart.setOption({
        grid: { left: 48, right: 24, top: 32, bottom: 64 },
        tooltip: { trigger: 'axis' },
        xAxis: { type: 'category', data: names, axisLabel: { interval: 0, rotate: names.length > 6 ? 30 : 0 } },
        yAxis: { type: 'value', name: unit },
        series: [series],
    }, true);
    chart.resize();
}
