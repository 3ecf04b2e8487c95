// The comfort a guide gets in the browser, without WebAssembly: tick a step done (kept in this
// browser only, nothing is sent), read aloud with the browser's own voice, forget the ticks,
// print. The server renders every button with its words, hidden; this script shows what works.
// Without it (or without JavaScript) the guide is whole and the tools stay hidden.
// Ticks: localStorage["doorstart-done-<guide>"] = "s1,s3" (quick exit and "clear my traces"
// forget every "doorstart-done-" key: /quick-exit.js, /offline.js).
'use strict';
(function () {
  var PREFIX = 'doorstart-done-';

  function storage() {
    try { return window.localStorage; } catch (e) { return null; }
  }

  function doneSteps(guide) {
    var s = storage();
    var v = s && s.getItem(PREFIX + guide);
    return v ? v.split(',').filter(function (x) { return x !== ''; }) : [];
  }

  function setDone(guide, step, done) {
    var s = storage();
    if (!s) return;
    var steps = doneSteps(guide).filter(function (x) { return x !== step; });
    if (done) steps.push(step);
    try {
      if (steps.length) s.setItem(PREFIX + guide, steps.join(','));
      else s.removeItem(PREFIX + guide);
    } catch (e) { /* storage full or off */ }
  }

  function clearAll() {
    var s = storage();
    if (!s) return;
    Object.keys(s).forEach(function (k) {
      if (k.indexOf(PREFIX) === 0) s.removeItem(k);
    });
  }

  var synth = window.speechSynthesis || null;

  // A voice exists for the language ("nl" matches "nl-NL", "nl-BE").
  function hasVoice(lang) {
    if (!synth || !window.SpeechSynthesisUtterance) return false;
    return (synth.getVoices() || []).some(function (v) {
      return String(v.lang || '').toLowerCase().split(/[-_]/)[0] === lang;
    });
  }

  function speak(texts, lang) {
    if (!synth) return;
    synth.cancel();
    texts.forEach(function (text) {
      var u = new window.SpeechSynthesisUtterance(text);
      u.lang = lang;
      synth.speak(u);
    });
  }

  var all = function (sel) { return Array.prototype.slice.call(document.querySelectorAll(sel)); };

  // Ticks, one per step.
  all('.step-tools[data-guide]').forEach(function (tools) {
    var guide = tools.getAttribute('data-guide');
    var step = tools.getAttribute('data-step');
    var box = tools.querySelector('input[type=checkbox]');
    if (box) {
      box.checked = doneSteps(guide).indexOf(step) >= 0;
      box.addEventListener('change', function () { setDone(guide, step, box.checked); });
    }
    tools.hidden = false;
  });

  // Read aloud: one step, or every step in order; shown only when a voice exists.
  var stepButtons = all('.read-aloud[data-speech]');
  var readAll = all('.read-all[data-lang]');
  function showVoices() {
    stepButtons.forEach(function (b) { b.hidden = !hasVoice(b.getAttribute('data-lang')); });
    readAll.forEach(function (r) { r.hidden = !hasVoice(r.getAttribute('data-lang')); });
  }
  stepButtons.forEach(function (b) {
    b.addEventListener('click', function () {
      speak([b.getAttribute('data-speech')], b.getAttribute('data-lang'));
    });
  });
  readAll.forEach(function (r) {
    var lang = r.getAttribute('data-lang');
    var start = r.querySelector('.read-aloud-all');
    var stop = r.querySelector('.read-stop');
    if (start) start.addEventListener('click', function () {
      speak(stepButtons.map(function (b) { return b.getAttribute('data-speech'); }), lang);
    });
    if (stop) stop.addEventListener('click', function () { if (synth) synth.cancel(); });
  });
  showVoices();
  // Voices come late in Chromium.
  if (synth && synth.addEventListener) synth.addEventListener('voiceschanged', showVoices);

  // Where the ticks are kept, and one button that forgets them on this device.
  all('.ticks-note').forEach(function (note) {
    var button = note.querySelector('button');
    if (button) button.addEventListener('click', function () {
      clearAll();
      window.location.reload();
    });
    note.hidden = false;
  });

  // The print view's button (without JavaScript the browser's own print still works).
  all('.print-button').forEach(function (b) {
    b.addEventListener('click', function () { window.print(); });
  });
})();
