// The editor works without this script; with it, uploads show their progress and a new campaign's
// address is checked while it is typed.
(function () {
  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (!form.hasAttribute('data-upload') || !window.FormData) return;
    event.preventDefault();
    var bar = form.querySelector('progress');
    var button = form.querySelector('button[type=submit]');
    var xhr = new XMLHttpRequest();
    xhr.open('POST', form.action);
    xhr.upload.onprogress = function (e) {
      if (!bar || !e.lengthComputable) return;
      bar.hidden = false;
      bar.value = Math.round(100 * e.loaded / e.total);
    };
    xhr.onload = function () {
      // A redirect was followed: go where it led. Otherwise the answer is a page with the problem.
      if (xhr.responseURL && xhr.responseURL.split('?')[0] !== form.action) return location.assign(xhr.responseURL);
      var page = new DOMParser().parseFromString(xhr.responseText, 'text/html');
      document.title = page.title;
      document.body.replaceWith(page.body);
    };
    xhr.onerror = function () { form.submit(); };
    if (button) button.disabled = true;
    xhr.send(new FormData(form));
  });

  var slug = document.getElementById('slug');
  var note = document.getElementById('slug-check');
  if (!slug || !note) return;
  var timer;
  slug.addEventListener('input', function () {
    clearTimeout(timer);
    var value = slug.value;
    if (!value) return (note.textContent = '');
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(value) || value.length > 80) return (note.textContent = slug.dataset.bad);
    timer = setTimeout(function () {
      fetch('/editor/campaigns/' + value, { method: 'HEAD', redirect: 'manual' }).then(function (r) {
        if (slug.value === value) note.textContent = r.status === 200 ? slug.dataset.taken : slug.dataset.ok;
      });
    }, 300);
  });
})();
