// The player page: a transcript line seeks the player to its start and plays; the line being spoken is highlighted
// (aria-current) while the recording plays; ?t=SECONDS starts there. Without JavaScript each line is a link to ?t=.
(function () {
  'use strict';
  var player = document.getElementById('player');
  var transcript = document.getElementById('transcript');
  var lines = transcript ? Array.prototype.slice.call(transcript.querySelectorAll('[data-start-ms]')) : [];
  var current = null;

  function startOf(line) { return Number(line.getAttribute('data-start-ms')); }
  function endOf(line) { return Number(line.getAttribute('data-end-ms')); }

  function seek(seconds, play) {
    if (!player) { return; }
    player.currentTime = seconds;
    if (play) {
      var playing = player.play();
      if (playing && playing.catch) { playing.catch(function () { /* autoplay refused: the seek still holds */ }); }
    }
  }

  // the latest-starting line that holds the time: lines may overlap when people talk over each other
  function lineAt(millis) {
    var found = null;
    for (var i = 0; i < lines.length && startOf(lines[i]) <= millis; i++) {
      if (millis < endOf(lines[i]) || startOf(lines[i]) === endOf(lines[i])) { found = lines[i]; }
    }
    return found;
  }

  function keepInView(line) {
    var top = line.offsetTop - transcript.offsetTop;
    if (top < transcript.scrollTop || top + line.offsetHeight > transcript.scrollTop + transcript.clientHeight) {
      transcript.scrollTop = Math.max(0, top - transcript.clientHeight / 3);
    }
  }

  function highlight() {
    var line = lineAt(player.currentTime * 1000);
    if (line === current) { return; }
    if (current) { current.removeAttribute('aria-current'); current.classList.remove('current'); }
    current = line;
    if (current) {
      current.setAttribute('aria-current', 'true');
      current.classList.add('current');
      if (!player.paused) { keepInView(current); }
    }
  }

  lines.forEach(function (line) {
    // a link: Enter and a click both come here; the href (?t=) stays for a new tab or no JavaScript
    line.addEventListener('click', function (event) {
      if (event.ctrlKey || event.metaKey || event.shiftKey || event.button > 0) { return; }
      event.preventDefault();
      seek(startOf(line) / 1000, true);
    });
  });

  if (player) {
    player.addEventListener('timeupdate', highlight);
    player.addEventListener('seeked', highlight);
    var start = Number(player.getAttribute('data-start-seconds')) || 0;
    if (start > 0) {
      var startThere = function () { if (Math.abs(player.currentTime - start) > 0.5) { seek(start, false); } highlight(); };
      if (player.readyState >= 1) { startThere(); } else { player.addEventListener('loadedmetadata', startThere, { once: true }); }
    }
  }

  Array.prototype.forEach.call(document.querySelectorAll('form[data-confirm]'), function (form) {
    form.addEventListener('submit', function (event) {
      if (!window.confirm(form.getAttribute('data-confirm'))) { event.preventDefault(); }
    });
  });
})();
