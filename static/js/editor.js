// The editor works without this script; with it, uploads show their progress and a new campaign's
// address is checked against the slug rules while it is typed.
(function () {
  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (!form.hasAttribute('data-upload') || !window.FormData) return;
    event.preventDefault();
    var status = form.querySelector('.upload-status');
    var say = function (text) { if (status) status.textContent = text; };
    var input = form.querySelector('input[type=file]');
    var file = input && input.files[0];
    // The server would refuse it from its size alone: say so without sending it.
    if (file && file.size > Number(form.dataset.max || Infinity)) return say(form.dataset.tooLarge);
    say('');
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
    xhr.onerror = function () {
      say(form.dataset.failed); // never sent again on its own: the file may have been stored already
      if (button) button.disabled = false;
      if (bar) bar.hidden = true;
    };
    if (button) button.disabled = true;
    xhr.send(new FormData(form));
  });

  // The rules are checked while typing; whether the address is taken is checked on submit.
  var slug = document.getElementById('slug');
  var note = document.getElementById('slug-check');
  if (!slug || !note) return;
  slug.addEventListener('input', function () {
    var value = slug.value;
    note.textContent = !value ? '' : /^[a-z0-9]+(-[a-z0-9]+)*$/.test(value) && value.length <= 80 ? slug.dataset.ok : slug.dataset.bad;
  });
})();
