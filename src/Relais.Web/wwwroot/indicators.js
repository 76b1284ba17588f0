// The charts of the indicators page (/indicateurs), drawn with Chart.js from each canvas's data-chart: the page's own
// tables carry the same figures for those who do not see the canvas. A masked cell is null: drawn as a gap, never a value.
(function () {
    function draw() {
        if (!window.Chart) return;
        document.querySelectorAll('canvas[data-chart]').forEach(function (canvas) {
            var spec = JSON.parse(canvas.dataset.chart);
            new window.Chart(canvas, {
                type: spec.type,
                data: {
                    labels: spec.labels,
                    datasets: [{ data: spec.values, borderColor: '#0b5a8a', backgroundColor: spec.type === 'bar' ? '#0b5a8a' : 'rgba(11, 90, 138, .15)', spanGaps: false, tension: 0.2 }]
                },
                options: {
                    animation: false, maintainAspectRatio: false,
                    plugins: { legend: { display: false } },
                    scales: { y: { beginAtZero: true, max: spec.max || undefined, title: { display: true, text: spec.axis } } }
                }
            });
            canvas.dataset.drawn = 'true';
        });
    }
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', draw); else draw();
})();
