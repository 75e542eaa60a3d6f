// Plays a clip of a recording: seeks to its start, stops at its end, and reports the seconds actually played
// (POST /clips/{id}/views, with the reel's id when played in one) when the clip ends or the page is left.
// window.EarshotClips is shared with the reel player.
(function () {
  'use strict';

  function csrf() {
    var token = document.querySelector('meta[name="csrf-token"]');
    return token ? token.content : '';
  }

  /** Reports seconds watched of a clip; sendBeacon survives the page being left. */
  function report(clipId, seconds, reelId) {
    if (!(seconds > 0.05)) {
      return;
    }
    var body = new URLSearchParams();
    body.set('seconds', seconds.toFixed(2));
    if (reelId) {
      body.set('reel', reelId);
    }
    body.set('_csrf', csrf());
    var url = '/clips/' + clipId + '/views';
    if (!(navigator.sendBeacon && navigator.sendBeacon(url, body))) {
      fetch(url, {method: 'POST', body: body, keepalive: true, credentials: 'same-origin'});
    }
  }

  /**
   * Counts the seconds a media element plays between start and end, and calls onEnd once when it reaches end.
   * Returns {take(): seconds counted since the last take}.
   */
  function watch(media, endSeconds, onEnd) {
    var last = null;
    var counted = 0;
    var ended = false;
    function tick() {
      var now = media.currentTime;
      if (last !== null && !media.paused && now > last && now - last < 1.5) {
        counted += Math.min(now, endSeconds) - last;
      }
      last = now;
      if (!ended && now >= endSeconds) {
        ended = true;
        media.pause();
        onEnd();
      }
    }
    function frame() {
      if (ended) {
        return;
      }
      if (!media.paused) {
        tick();
      }
      requestAnimationFrame(frame);
    }
    media.addEventListener('timeupdate', tick);
    media.addEventListener('seeking', function () { last = null; });
    media.addEventListener('play', function () { last = media.currentTime; requestAnimationFrame(frame); });
    return {
      take: function () { var taken = Math.max(0, counted); counted = 0; return taken; },
      stop: function () { ended = true; media.removeEventListener('timeupdate', tick); },
      restart: function () { ended = false; last = null; }
    };
  }

  window.EarshotClips = {report: report, watch: watch};

  var figure = document.querySelector('[data-clip-player]');
  if (!figure) {
    return;
  }
  var video = figure.querySelector('video');
  var clipId = figure.dataset.clipId;
  var start = Number(figure.dataset.startMs) / 1000;
  var end = Number(figure.dataset.endMs) / 1000;
  var watching = watch(video, end, function () {
    figure.dataset.state = 'ended';
    report(clipId, watching.take(), null);
  });

  function toStart() {
    video.currentTime = start;
  }
  if (video.readyState >= 1) {
    toStart();
  } else {
    video.addEventListener('loadedmetadata', toStart, {once: true});
  }
  video.addEventListener('seeked', function () {
    if (!figure.dataset.state) {
      figure.dataset.state = 'ready';
    }
  });
  video.addEventListener('play', function () {
    if (video.currentTime < start - 0.25 || video.currentTime >= end) {
      if (video.currentTime >= end) {
        watching.restart();
      }
      toStart();
    }
    figure.dataset.state = 'playing';
  });
  window.addEventListener('pagehide', function () {
    report(clipId, watching.take(), null);
  });
})();
