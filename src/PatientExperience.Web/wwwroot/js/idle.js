// Idle sign-out (docs/architecture.md, "Idle sign-out"). Before the sign-in ends, the warning in Shared/_IdleWarning
// opens as a modal dialog with "Stay signed in" (WCAG 2.2.1). Before warning and before leaving, the page asks the
// portal how long the sign-in really has left: another tab may have kept it alive. When the time is up, forms marked
// data-keep-draft keep what was typed in this tab's sessionStorage (never passwords, hidden fields, the antiforgery
// token or one-time form keys; nothing leaves the browser) and the page goes to the sign-in page, which says why.
// Back on the form after signing in, the typed text is put back and the draft removed (also when the form is sent).
(function () {
    'use strict';

    var box = document.getElementById('idle-warning');
    var owner = box ? box.getAttribute('data-owner') || '' : '';

    function draftKey(form) {
        return 'pe.draft:' + location.pathname + location.search + '#' + form.getAttribute('data-keep-draft');
    }

    function keeps(field) {
        var type = (field.type || '').toLowerCase();
        return !!field.name && !field.disabled
            && ['password', 'hidden', 'file', 'submit', 'button', 'reset', 'image'].indexOf(type) < 0
            && field.name !== '__RequestVerificationToken' && field.name !== '__FormKey';
    }

    function isCheck(field) {
        return field.type === 'checkbox' || field.type === 'radio';
    }

    function changed(field) {
        if (isCheck(field)) {
            return field.checked !== field.defaultChecked;
        }
        if (field.tagName === 'SELECT') {
            return Array.prototype.some.call(field.options, function (o) { return o.selected !== o.defaultSelected; });
        }
        return field.value !== field.defaultValue;
    }

    // Keeps what was typed in each marked form; true when something was kept.
    function saveDrafts() {
        var saved = false;
        document.querySelectorAll('form[data-keep-draft]').forEach(function (form) {
            var fields = Array.prototype.filter.call(form.elements, keeps);
            if (!fields.some(changed)) {
                return;
            }
            var values = fields.map(function (f) { return isCheck(f) ? [f.name, f.value, f.checked] : [f.name, f.value]; });
            try {
                sessionStorage.setItem(draftKey(form), JSON.stringify({ owner: owner, fields: values }));
                saved = true;
            } catch (e) {
                // Storage is off or full: the person signs in again without their draft, as before.
            }
        });
        return saved;
    }

    function restoreDrafts() {
        document.querySelectorAll('form[data-keep-draft]').forEach(function (form) {
            var key = draftKey(form);
            var draft = null;
            try {
                draft = JSON.parse(sessionStorage.getItem(key) || 'null');
                sessionStorage.removeItem(key);
            } catch (e) {
                return;
            }
            // Only for the person who typed it (a shared desk may sign in someone else in the same tab).
            if (!draft || !box || draft.owner !== owner || !Array.isArray(draft.fields)) {
                return;
            }
            var byName = {};
            draft.fields.forEach(function (v) { (byName[v[0]] = byName[v[0]] || []).push(v); });
            Array.prototype.filter.call(form.elements, keeps).forEach(function (field) {
                var saved = byName[field.name];
                if (!saved) {
                    return;
                }
                if (isCheck(field)) {
                    field.checked = saved.some(function (v) { return v[1] === field.value && v[2]; });
                } else if (saved.length) {
                    field.value = saved.shift()[1];
                }
                field.dispatchEvent(new Event('input', { bubbles: true }));
            });
            var note = document.createElement('div');
            note.className = 'alert alert-info';
            note.setAttribute('role', 'status');
            form.parentNode.insertBefore(note, form);
            // Filled in a moment after the region exists, so screen readers announce it.
            setTimeout(function () { note.textContent = box.getAttribute('data-restored'); }, 50);
        });
    }

    document.addEventListener('submit', function (event) {
        var form = event.target;
        if (form.matches && form.matches('form[data-keep-draft]')) {
            try {
                sessionStorage.removeItem(draftKey(form));
            } catch (e) {
                // Nothing kept to remove.
            }
        }
    });

    document.addEventListener('DOMContentLoaded', restoreDrafts);

    if (!box || typeof box.showModal !== 'function' || !window.fetch) {
        return;
    }

    var lead = Number(box.getAttribute('data-warn-seconds')) * 1000;
    var deadline = Date.now() + Number(box.getAttribute('data-remaining-seconds')) * 1000;
    var stayForm = box.querySelector('form.idle-stay');
    var error = box.querySelector('.idle-warning-error');
    var timer = 0;
    var leaving = false;

    function at(when, work) {
        clearTimeout(timer);
        timer = setTimeout(work, Math.max(0, when - Date.now()));
    }

    function show() {
        if (!box.open) {
            error.textContent = '';
            box.showModal();
        }
    }

    function hide() {
        if (box.open) {
            box.close();
        }
    }

    // To the sign-in page, saying it was idle time only when the time really ran out (not a sign-out in another tab).
    function leave() {
        if (leaving) {
            return;
        }
        leaving = true;
        clearTimeout(timer);
        var kept = saveDrafts();
        var idle = Date.now() >= deadline - 5000;
        location.assign(box.getAttribute(idle ? 'data-signed-out-url' : 'data-sign-in-url') + (kept ? '&kept=1' : ''));
    }

    // Acts on the portal's answer: signed out, time to warn, or not yet (checking again while the warning shows, so
    // a tab kept alive elsewhere closes its warning).
    function plan(answer) {
        if (!answer.signedIn) {
            leave();
            return;
        }
        deadline = Date.now() + answer.remainingSeconds * 1000;
        if (answer.remainingSeconds * 1000 > lead + 5000) {
            hide();
            at(deadline - lead, check);
        } else {
            show();
            at(Math.min(deadline, Date.now() + 15000), check);
        }
    }

    function check() {
        fetch(box.getAttribute('data-status-url'), { credentials: 'same-origin', cache: 'no-store', headers: { Accept: 'application/json' } })
            .then(function (response) { return response.json(); })
            .then(plan, function () {
                // The portal could not be asked: go by this page's own clock.
                if (Date.now() >= deadline) {
                    leave();
                } else {
                    at(Math.min(deadline, Date.now() + 15000), check);
                }
            });
    }

    function stay() {
        fetch(stayForm.action, { method: 'POST', body: new FormData(stayForm), credentials: 'same-origin', headers: { Accept: 'application/json' } })
            .then(function (response) { return response.json(); })
            .then(plan, function () { error.textContent = box.getAttribute('data-failed'); });
    }

    stayForm.addEventListener('submit', function (event) {
        event.preventDefault();
        stay();
    });
    // Escape means the person is there: the same as "Stay signed in".
    box.addEventListener('cancel', function (event) {
        event.preventDefault();
        stay();
    });
    // Timers in a hidden tab run late: coming back, look again at once.
    document.addEventListener('visibilitychange', function () {
        if (!document.hidden && !leaving && Date.now() >= deadline - lead) {
            check();
        }
    });

    at(deadline - lead, check);
})();
