// Live pages (the flow board, the front desk's day): the region marked data-live-region is fetched again when the
// portal's event stream (data-live-events, server-sent events) says today's visits changed, and once a minute so the
// waiting minutes move on. Only the region is replaced; the status line (data-live-status, role=status) announces the
// new counts when they differ, so a screen reader hears one short sentence, not the whole list. Without JavaScript the
// page's Refresh link does the same by hand.
(function () {
    'use strict';
    var region = document.querySelector('[data-live-region]');
    if (!region || !window.EventSource || !window.fetch || !window.DOMParser) {
        return;
    }
    var status = document.querySelector('[data-live-status]');
    var busy = false;
    var again = false;
    var waitingForFocus = false;

    function focusInside() {
        return region.contains(document.activeElement) && document.activeElement !== region;
    }

    function refresh() {
        // Never pull the list from under someone using it: wait until focus leaves it.
        if (focusInside()) {
            waitingForFocus = true;
            return;
        }
        if (busy) {
            again = true;
            return;
        }
        busy = true;
        fetch(window.location.href, { headers: { 'X-Live-Update': '1' }, credentials: 'same-origin', redirect: 'manual' })
            .then(function (response) {
                if (!response.ok) {
                    throw new Error('not refreshed');
                }
                return response.text();
            })
            .then(function (html) {
                var fresh = new DOMParser().parseFromString(html, 'text/html').querySelector('[data-live-region]');
                if (!fresh || fresh.innerHTML === region.innerHTML) {
                    return;
                }
                region.innerHTML = fresh.innerHTML;
                var summary = fresh.getAttribute('data-live-summary');
                if (status && summary && region.getAttribute('data-live-summary') !== summary) {
                    status.textContent = summary;
                }
                region.setAttribute('data-live-summary', summary || '');
                region.setAttribute('data-live-updated', String(Date.now()));
            })
            .catch(function () {
                // Signed out or offline: the page stays as it is, and its Refresh link still works.
            })
            .then(function () {
                busy = false;
                if (again) {
                    again = false;
                    refresh();
                }
            });
    }

    region.addEventListener('focusout', function () {
        window.setTimeout(function () {
            if (waitingForFocus && !focusInside()) {
                waitingForFocus = false;
                refresh();
            }
        }, 0);
    });

    var source = new EventSource(region.getAttribute('data-live-events'));
    source.addEventListener('changed', refresh);
    window.setInterval(refresh, 60000);
})();
