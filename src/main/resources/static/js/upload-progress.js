// Forms marked data-upload-progress send their file with XMLHttpRequest so that a progress bar shows how much has
// been sent; the answer is then shown as a normal form post would (the next page, or the page saying what was wrong).
// Without JavaScript (or XMLHttpRequest) the form posts as usual.
(function () {
  'use strict';
  if (!window.XMLHttpRequest || !window.FormData || !window.DOMParser) { return; }

  function megabytes(bytes) { return (bytes / 1048576).toFixed(1) + ' MB'; }

  function showAnswer(xhr, form, output) {
    var redirected = xhr.responseURL && xhr.responseURL.split('#')[0] !== form.action;
    if (xhr.status >= 200 && xhr.status < 300 && redirected) {
      window.location.assign(xhr.responseURL);
      return;
    }
    var answer = new DOMParser().parseFromString(xhr.responseText || '', 'text/html');
    var problem = answer.querySelector('[data-problem], [role=alert] .error, .error');
    if (problem) {
      output.textContent = problem.textContent.trim();
      output.className = 'error';
      output.setAttribute('data-problem', '');
    } else if (xhr.status >= 200 && xhr.status < 300) {
      window.location.reload();
    } else {
      output.textContent = 'The upload was refused (status ' + xhr.status + ').';
      output.className = 'error';
    }
  }

  Array.prototype.forEach.call(document.querySelectorAll('form[data-upload-progress]'), function (form) {
    var progress = form.querySelector('progress');
    var output = form.querySelector('output');
    var button = form.querySelector('button[type=submit]');
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var xhr = new XMLHttpRequest();
      xhr.open('POST', form.action);
      xhr.setRequestHeader('Accept', 'text/html');
      var header = document.querySelector('meta[name="csrf-header"]');
      var token = document.querySelector('meta[name="csrf-token"]');
      if (header && token) { xhr.setRequestHeader(header.content, token.content); }
      xhr.upload.addEventListener('progress', function (e) {
        if (!e.lengthComputable) { return; }
        progress.hidden = false;
        progress.value = e.loaded / e.total;
        output.className = 'muted';
        output.textContent = Math.floor(100 * e.loaded / e.total) + '% of ' + megabytes(e.total) + ' sent';
      });
      xhr.addEventListener('load', function () {
        button.disabled = false;
        progress.hidden = true;
        showAnswer(xhr, form, output);
      });
      xhr.addEventListener('error', function () {
        button.disabled = false;
        progress.hidden = true;
        output.className = 'error';
        output.textContent = 'The upload stopped before it was complete: check the connection and try again.';
      });
      button.disabled = true;
      output.className = 'muted';
      output.textContent = 'Sending…';
      xhr.send(new FormData(form));
    });
  });
})();
