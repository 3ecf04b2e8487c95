// Quick exit: leave for a neutral site and replace this page in the history, so "back" does
// not return here. Without this script the link still leaves.
(function () {
  var link = document.querySelector('.quick-exit');
  if (!link) return;
  link.addEventListener('click', function (event) {
    event.preventDefault();
    window.location.replace(link.href);
  });
  link.setAttribute('data-alive', 'true');
})();
