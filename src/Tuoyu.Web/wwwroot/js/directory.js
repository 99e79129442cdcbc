// 托育机构查询 (/directory): "我的位置" fills lat/lng from the browser and submits the form; the result map is an
// ECharts scatter on a longitude/latitude grid. Loaded on every page (small); echarts.min.js (1 MB) is fetched only
// when a page has a #directory-map. Blazor's enhanced navigation does not run scripts in new content, so both are
// set up again on its "enhancedload" event. Without JavaScript the page still works: choose a street and a distance.
(function () {
    'use strict';

    function setUpLocate() {
        var button = document.getElementById('directory-locate');
        if (!button || button.dataset.ready || !('geolocation' in navigator)) { return; }
        button.dataset.ready = '1';
        button.hidden = false;
        button.addEventListener('click', function () {
            var status = document.getElementById('directory-geo-status');
            if (status) { status.textContent = '正在获取您的位置…'; }
            navigator.geolocation.getCurrentPosition(function (pos) {
                var form = button.form;
                form.elements.lat.value = pos.coords.latitude.toFixed(6);
                form.elements.lng.value = pos.coords.longitude.toFixed(6);
                if (form.elements.radius && !form.elements.radius.value) { form.elements.radius.value = '5'; }
                // Nearby, not inside the chosen district: the distance is the filter.
                if (form.elements.county) { form.elements.county.value = ''; }
                if (form.elements.street) { form.elements.street.value = ''; }
                form.submit();
            }, function () {
                if (status) { status.textContent = '无法获取您的位置，请选择街道后按距离查询'; }
            }, { enableHighAccuracy: false, timeout: 10000, maximumAge: 300000 });
        });
    }

    var loading = null;
    function loadECharts() {
        if (window.echarts) { return Promise.resolve(window.echarts); }
        if (!loading) {
            loading = new Promise(function (resolve, reject) {
                var s = document.createElement('script');
                s.src = '/lib/echarts/echarts.min.js';
                s.onload = function () { resolve(window.echarts); };
                s.onerror = reject;
                document.head.appendChild(s);
            });
        }
        return loading;
    }

    function setUpMap() {
        var el = document.getElementById('directory-map');
        if (!el || el.dataset.ready) { return; }
        el.dataset.ready = '1';
        var points = JSON.parse(el.dataset.points || '[]');
        var center = el.dataset.center ? JSON.parse(el.dataset.center) : null;
        loadECharts().then(function (echarts) {
            var chart = echarts.init(el, null, { renderer: 'canvas' });
            var lngs = points.map(function (p) { return p.lng; }).concat(center ? [center.lng] : []);
            var lats = points.map(function (p) { return p.lat; }).concat(center ? [center.lat] : []);
            var pad = 0.01;
            var series = [{
                name: '托育机构', type: 'scatter', symbolSize: 12,
                data: points.map(function (p) {
                    return {
                        value: [p.lng, p.lat], name: p.name, id: p.id, approx: p.approx,
                        itemStyle: { color: p.vacant > 0 ? '#1e7b34' : '#0b5d8f' },
                    };
                }),
            }];
            if (center) {
                series.push({ name: '查询中心', type: 'scatter', symbol: 'pin', symbolSize: 26, data: [[center.lng, center.lat]], itemStyle: { color: '#c0392b' }, silent: true });
            }
            chart.setOption({
                animation: false,
                grid: { left: 8, right: 8, top: 8, bottom: 8, containLabel: false },
                xAxis: { type: 'value', show: false, min: Math.min.apply(null, lngs) - pad, max: Math.max.apply(null, lngs) + pad },
                yAxis: { type: 'value', show: false, min: Math.min.apply(null, lats) - pad, max: Math.max.apply(null, lats) + pad },
                tooltip: {
                    trigger: 'item',
                    formatter: function (p) {
                        if (!p.data || !p.data.id) { return '查询中心'; }
                        var div = document.createElement('div');
                        div.textContent = p.data.name + (p.data.approx ? '（家庭托育点，位置为大致范围）' : '');
                        return div.innerHTML;
                    },
                },
                series: series,
            });
            chart.on('click', function (p) { if (p.data && p.data.id) { window.location.href = '/directory/' + p.data.id; } });
            window.addEventListener('resize', function () { chart.resize(); });
            el.dataset.rendered = '1';
        });
    }

    function setUp() { setUpLocate(); setUpMap(); }
    var hooked = false;
    function hookEnhancedNavigation() {
        if (!hooked && window.Blazor && window.Blazor.addEventListener) {
            hooked = true;
            window.Blazor.addEventListener('enhancedload', setUp);
        }
    }
    if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', setUp); } else { setUp(); }
    window.addEventListener('load', hookEnhancedNavigation);
    hookEnhancedNavigation();
})();
