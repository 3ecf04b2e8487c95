// Offline guides on the home screen, and cleaning up after them. Pages work without this file:
// without JavaScript there is no service worker and nothing is kept on the phone.
'use strict';
(function () {
  // Deletes what the service worker kept, stops it and forgets the ticks (/quick-exit.js).
  function clearOffline() {
    return window.doorstartForget ? window.doorstartForget() : Promise.resolve();
  }

  // At most this long before leaving: quick exit must stay quick.
  function soon(promise, ms) {
    return Promise.race([promise, new Promise(function (done) { setTimeout(done, ms); })]);
  }

  if ('serviceWorker' in navigator && window.isSecureContext) {
    window.addEventListener('load', function () {
      navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(function () {});
    });
  }

  // Quick exit clears the offline copies too: see /quick-exit.js.

  // "Clear my traces": the offline copies, the service worker and the ticks in guides; the
  // server's answer then asks the browser to clear the rest (Clear-Site-Data).
  document.addEventListener('submit', function (ev) {
    var form = ev.target;
    if (!form || !form.classList || !form.classList.contains('clear-traces')) return;
    ev.preventDefault();
    try {
      Object.keys(localStorage).forEach(function (k) {
        if (k.indexOf('doorstart-') === 0) localStorage.removeItem(k);
      });
    } catch (e) { /* storage may be off */ }
    var send = function () { form.submit(); };
    soon(clearOffline(), 1000).then(send, send);
  });
})();
