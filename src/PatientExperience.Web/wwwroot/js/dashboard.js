// Draws the dashboard's charts from the JSON block the page renders (no inline scripts: the CSP forbids them).
// Every chart has a table of the same numbers on the page, so nothing is lost without JavaScript.
(function () {
    'use strict';
    var dataElement = document.getElementById('dashboard-chart-data');
    if (!dataElement || typeof window.Chart === 'undefined') {
        return;
    }
    var charts;
    try {
        charts = JSON.parse(dataElement.textContent || '[]');
    } catch (e) {
        return;
    }
    // Colours with enough contrast on white, told apart by line style too.
    var colours = ['#0b5394', '#b45309', '#15803d', '#7e22ce'];
    var dashes = [[], [6, 4], [2, 3], [10, 3, 2, 3]];
    var reduceMotion = window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    charts.forEach(function (chart) {
        var canvas = document.getElementById(chart.id);
        if (!canvas) {
            return;
        }
        new window.Chart(canvas, {
            type: chart.kind,
            data: {
                labels: chart.labels,
                datasets: chart.datasets.map(function (set, i) {
                    var colour = colours[i % colours.length];
                    return {
                        label: set.label,
                        data: set.data,
                        borderColor: colour,
                        backgroundColor: chart.kind === 'bar' ? colour : 'transparent',
                        borderDash: chart.kind === 'line' ? dashes[i % dashes.length] : [],
                        spanGaps: false,
                        pointRadius: 3
                    };
                })
            },
            options: {
                animation: reduceMotion ? false : { duration: 300 },
                responsive: true,
                maintainAspectRatio: false,
                scales: { y: { beginAtZero: true } },
                plugins: { legend: { position: 'bottom' } }
            }
        });
    });
    // Printing: let charts resize to the paper.
    window.addEventListener('beforeprint', function () {
        Object.values(window.Chart.instances || {}).forEach(function (c) { c.resize(); });
    });
}());
