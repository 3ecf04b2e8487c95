// The pick-up code, kept on this phone only when the parent asks (localStorage, never sent
// anywhere): "keep" on the code page, filled in on the reply page, forgotten on request, when
// the question is deleted, and by quick exit or "clear my traces" (quick-exit.js). After sending,
// it moves the focus to the code.
// Without this script its buttons stay hidden: the code is written down or printed.
'use strict';
(function () {
  var KEY = 'doorstart-code';
  function get() { try { return localStorage.getItem(KEY); } catch (e) { return null; } }
  function drop() { try { localStorage.removeItem(KEY); } catch (e) { /* storage may be off */ } }
  function show(selector) {
    var el = document.querySelector(selector);
    if (el) el.hidden = false;
    return el;
  }

  if (document.querySelector('.forget-kept-code')) drop();

  // Just sent: the confirmation and the code take the focus, so a screen reader reads them first.
  var sent = document.getElementById('help-sent');
  if (sent) sent.focus();

  var keep = document.querySelector('.keep-code');
  if (keep) {
    keep.hidden = false;
    keep.addEventListener('click', function () {
      try { localStorage.setItem(KEY, keep.getAttribute('data-code')); } catch (e) { return; }
      keep.disabled = true;
      show('.keep-done');
    });
  }

  var input = document.getElementById('code');
  var kept = get();
  if (input && input.form && kept) {
    if (!input.value) input.value = kept;
    show('.kept-note');
    var forget = show('.forget-code');
    if (forget) {
      forget.addEventListener('click', function () {
        drop();
        input.value = '';
        forget.hidden = true;
        var note = document.querySelector('.kept-note');
        if (note) note.hidden = true;
        input.focus();
      });
    }
  }
})();
