// The error summary (Shared/_ErrorSummary) takes focus when the page loads, so a screen reader reads the problems
// first (the GOV.UK pattern); its links move focus into the field they name, not only scroll to it.
(function () {
    'use strict';
    document.addEventListener('DOMContentLoaded', function () {
        var summary = document.querySelector('.error-summary');
        if (!summary) {
            return;
        }
        summary.focus();
        summary.addEventListener('click', function (event) {
            var link = event.target.closest('a[href^="#"]');
            var field = link && document.getElementById(decodeURIComponent(link.getAttribute('href').slice(1)));
            if (!field) {
                return;
            }
            event.preventDefault();
            (field.closest('.mb-3, fieldset') || field).scrollIntoView();
            field.focus();
        });
    });
})();
