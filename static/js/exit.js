// Quick exit: without this script the link still leaves; with it, the page also leaves the history.
(function () {
  var link = document.getElementById('exit');
  if (!link) return;
  function leave(event) {
    if (event) event.preventDefault();
    document.title = '';
    document.body.style.visibility = 'hidden';
    window.location.replace(link.href);
  }
  link.addEventListener('click', leave);
  document.addEventListener('keydown', function (event) {
    if (event.key === 'Escape') leave(event);
  });
})();
