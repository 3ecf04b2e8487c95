// "Keep your link" (a parent's join status page and RSVP page): copy the link, or print the
// card with its QR code. Nothing is stored or sent anywhere.
// Without this script both buttons stay hidden: the link is selectable text, and the send
// links (WhatsApp, SMS, mail) work as plain links.
'use strict';
(function () {
  var copy = document.querySelector('.keep-copy');
  var done = document.querySelector('.keep-copied');
  var url = document.querySelector('.keep-url');

  function selectLink() {
    if (!url || !window.getSelection) return;
    var range = document.createRange();
    range.selectNodeContents(url);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }

  function copied() {
    if (done) done.hidden = false;
  }

  if (copy) {
    copy.hidden = false;
    copy.addEventListener('click', function () {
      var link = copy.getAttribute('data-link');
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(link).then(copied, function () {
          // No clipboard (an older phone, or not allowed): the link is selected to copy by hand.
          selectLink();
        });
      } else {
        selectLink();
        try {
          if (document.execCommand('copy')) copied();
        } catch (e) { /* the link stays selected */ }
      }
    });
  }

  var print = document.querySelector('.keep-print');
  if (print && window.print) {
    print.hidden = false;
    print.addEventListener('click', function () { window.print(); });
  }
})();
