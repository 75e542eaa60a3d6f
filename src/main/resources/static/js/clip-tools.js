// The clip-making tools of the player page: click a transcript line to start a clip there, shift-click another to end
// it there (the lines between are selected), or set the in and out marks from the player's current time. The form
// sends the range in milliseconds; an empty quote takes the selected lines' words on the server.
(function () {
  'use strict';
  var tools = document.querySelector('[data-clip-tools]');
  if (!tools) {
    return;
  }
  var form = tools.querySelector('form');
  var startField = form.querySelector('input[name=startMs]');
  var endField = form.querySelector('input[name=endMs]');
  var quote = form.querySelector('textarea[name=quote]');
  var range = tools.querySelector('[data-testid=clip-range]');
  var player = document.getElementById('player');
  var first = null;

  function lines() {
    return Array.prototype.slice.call(document.querySelectorAll('[data-start-ms][data-end-ms][data-number]'))
      .filter(function (line) { return !tools.contains(line); });
  }

  function clock(ms) {
    var seconds = Math.floor(ms / 1000);
    var rest = seconds % 60;
    return Math.floor(seconds / 60) + ':' + (rest < 10 ? '0' : '') + rest;
  }

  function show() {
    var start = startField.value === '' ? null : Number(startField.value);
    var end = endField.value === '' ? null : Number(endField.value);
    if (start === null && end === null) {
      range.textContent = 'Nothing selected yet.';
    } else {
      range.textContent = 'From ' + (start === null ? '?' : clock(start)) + ' to ' + (end === null ? '?' : clock(end))
        + (start !== null && end !== null ? ' (' + ((end - start) / 1000).toFixed(1) + ' s)' : '');
    }
    lines().forEach(function (line) {
      var inside = start !== null && end !== null
        && Number(line.dataset.startMs) < end && Number(line.dataset.endMs) > start;
      line.classList.toggle('clip-selected', inside);
    });
  }

  function select(from, to) {
    var a = Number(from.dataset.number);
    var b = Number(to.dataset.number);
    var low = Math.min(a, b);
    var high = Math.max(a, b);
    var chosen = lines().filter(function (line) {
      var n = Number(line.dataset.number);
      return n >= low && n <= high;
    });
    startField.value = Math.min.apply(null, chosen.map(function (l) { return Number(l.dataset.startMs); }));
    endField.value = Math.max.apply(null, chosen.map(function (l) { return Number(l.dataset.endMs); }));
    quote.placeholder = chosen.map(function (l) {
      var text = l.querySelector('[data-text], .words');
      return (text || l).textContent.trim().replace(/\s+/g, ' ');
    }).join(' ');
    show();
  }

  document.addEventListener('click', function (event) {
    var line = event.target.closest && event.target.closest('[data-start-ms][data-end-ms][data-number]');
    if (!line || tools.contains(line)) {
      return;
    }
    if (event.shiftKey && first) {
      event.preventDefault();
      select(first, line);
    } else {
      first = line;
      select(line, line);
    }
  });

  tools.querySelectorAll('[data-mark]').forEach(function (button) {
    button.addEventListener('click', function () {
      if (!player) {
        return;
      }
      var now = Math.round(player.currentTime * 1000);
      (button.dataset.mark === 'in' ? startField : endField).value = now;
      show();
    });
  });

  var previewEnd = null;
  tools.querySelector('[data-preview]').addEventListener('click', function () {
    if (!player || startField.value === '' || endField.value === '') {
      return;
    }
    player.currentTime = Number(startField.value) / 1000;
    previewEnd = Number(endField.value) / 1000;
    player.play();
  });
  if (player) {
    player.addEventListener('timeupdate', function () {
      if (previewEnd !== null && player.currentTime >= previewEnd) {
        player.pause();
        previewEnd = null;
      }
    });
  }
})();
