// Plays a reel's shared clips back to back in one media element, each after a title card (clip title, customer's
// words, session date) of a few seconds; seeks to each clip's start and moves on at its end. Hidden clips are not in
// the list the page gives. #reel-player's data-state says where it is (card:N, playing:N, ended) and data-cards lists
// the titles carded so far, for people using assistive technology and for tests.
(function () {
  'use strict';
  var root = document.getElementById('reel-player');
  if (!root || !window.EarshotClips) {
    return;
  }
  var clips = Array.prototype.slice.call(document.querySelectorAll('[data-reel-clip]'));
  var video = root.querySelector('video');
  var card = root.querySelector('.title-card');
  var status = root.querySelector('[data-testid=reel-status]');
  var button = root.querySelector('[data-play-reel]');
  var cardMs = Number(root.dataset.cardMs || 2500);
  var reelId = root.dataset.reelId;
  var index = -1;
  var watching = null;
  var current = null;

  function say(text) {
    if (status) {
      status.textContent = text;
    }
  }

  function finishClip() {
    if (watching && current) {
      window.EarshotClips.report(current.dataset.clipId, watching.take(), reelId);
      watching.stop();
    }
    watching = null;
    current = null;
  }

  function next() {
    finishClip();
    index += 1;
    if (index >= clips.length) {
      root.dataset.state = 'ended';
      video.hidden = true;
      card.hidden = false;
      card.querySelector('.title-card-title').textContent = 'End of the reel';
      card.querySelector('.title-card-quote').textContent = '';
      card.querySelector('.title-card-date').textContent = '';
      say('The reel has ended.');
      button.disabled = false;
      button.textContent = 'Play again';
      index = -1;
      return;
    }
    showCard(clips[index]);
  }

  function showCard(item) {
    video.pause();
    video.hidden = true;
    card.hidden = false;
    card.querySelector('.title-card-title').textContent = item.dataset.title;
    card.querySelector('.title-card-quote').textContent = '\u201c' + item.dataset.quote + '\u201d';
    card.querySelector('.title-card-date').textContent = 'Session of ' + item.dataset.date;
    root.dataset.state = 'card:' + index;
    root.dataset.cards = (root.dataset.cards ? root.dataset.cards + '|' : '') + item.dataset.title;
    say('Clip ' + (index + 1) + ' of ' + clips.length + ': ' + item.dataset.title);
    var shown = index;
    // load the clip's media while the card shows
    if (video.getAttribute('src') !== item.dataset.src) {
      video.src = item.dataset.src;
      video.load();
    }
    setTimeout(function () {
      if (shown === index) {
        play(item);
      }
    }, cardMs);
  }

  function play(item) {
    var start = Number(item.dataset.startMs) / 1000;
    var end = Number(item.dataset.endMs) / 1000;
    current = item;
    watching = window.EarshotClips.watch(video, end, next);
    card.hidden = true;
    video.hidden = false;
    root.dataset.state = 'playing:' + index;
    function go() {
      video.currentTime = start;
      var started = video.play();
      if (started && started.catch) {
        started.catch(function () {
          video.muted = true;
          video.play().catch(function () { say('The browser refused to play the clip.'); });
        });
      }
    }
    if (video.readyState >= 1) {
      go();
    } else {
      video.addEventListener('loadedmetadata', go, {once: true});
    }
  }

  video.addEventListener('error', function () {
    if (root.dataset.state.indexOf('playing') === 0 || root.dataset.state.indexOf('card') === 0) {
      say('Clip ' + (index + 1) + ' could not be played; moving on.');
      root.dataset.failed = (root.dataset.failed ? root.dataset.failed + '|' : '') + index;
      setTimeout(next, 500);
    }
  });

  button.addEventListener('click', function () {
    button.disabled = true;
    root.dataset.cards = '';
    index = -1;
    next();
  });

  window.addEventListener('pagehide', finishClip);
})();
