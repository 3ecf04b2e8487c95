// Quick exit, by a tap or the Escape key (twice within a second while typing in a field): forget this site's ticks, a kept pick-up code and
// offline copies on the device, then leave through /exit (which expires the language cookie and sends the browser to
// a neutral site), replacing this page in the history so "back" does not return here.
// Without this script the link still leaves through /exit.
'use strict';
(function () {
  var leaving = false;

  function forget() {
    try {
      Object.keys(localStorage).forEach(function (k) {
        if (k.indexOf('doorstart-done-') === 0 || k === 'doorstart-code') localStorage.removeItem(k);
      });
    } catch (e) { /* storage may be off */ }
    var jobs = [];
    if (window.caches) {
      jobs.push(caches.keys().then(function (keys) {
        return Promise.all(keys.map(function (k) { return caches.delete(k); }));
      }));
    }
    if (navigator.serviceWorker) {
      jobs.push(navigator.serviceWorker.getRegistrations().then(function (regs) {
        return Promise.all(regs.map(function (r) { return r.unregister(); }));
      }));
    }
    return Promise.all(jobs).catch(function () {});
  }
  // "Clear my traces" (offline.js) forgets the same things.
  window.doorstartForget = forget;

  var link = document.querySelector('.quick-exit');
  if (!link) return;

  function leave() {
    if (leaving) return;
    leaving = true;
    var go = function () { window.location.replace(link.href); };
    // At most this long: quick exit must stay quick.
    Promise.race([forget(), new Promise(function (done) { setTimeout(done, 400); })]).then(go, go);
  }

  link.addEventListener('click', function (event) {
    event.preventDefault();
    leave();
  });
  // While a parent types in a text field, one Escape must not cost a long question: there,
  // Escape twice within a second leaves. Anywhere else one Escape leaves.
  var lastEscape = 0;
  function typing(el) {
    if (!el) return false;
    if (el.isContentEditable || el.tagName === 'TEXTAREA') return true;
    if (el.tagName !== 'INPUT') return false;
    var type = (el.getAttribute('type') || 'text').toLowerCase();
    return ['text', 'search', 'email', 'tel', 'url', 'password', 'number'].indexOf(type) >= 0;
  }
  document.addEventListener('keydown', function (event) {
    if (event.key !== 'Escape') return;
    if (typing(document.activeElement)) {
      var now = Date.now();
      var twice = now - lastEscape < 1000;
      lastEscape = now;
      if (!twice) return;
    }
    event.preventDefault();
    leave();
  });
  link.setAttribute('data-alive', 'true');
})();
