/* 语音阅读: read a page aloud section by section. A play button under the page title (the summary)
   and under each section heading reads that section; the toolbar's 语音阅读 reads them all in order.
   On a unit page the sentences come from the data (a JSON block the build writes, id jl-speech);
   elsewhere each line of the section is one sentence, so lines are never run together.
   Each sentence is one utterance. Pause and resume on the section's button. When the browser has
   no Chinese voice, or speaking fails, the reader is told so and the button goes back.
   Plain JavaScript, nothing loaded from elsewhere. */
(function () {
  "use strict";
  var NO_VOICE = "本机没有可用的中文语音";
  var LABELS = {
    section: { idle: "朗读本节", playing: "暂停朗读", paused: "继续朗读" },
    all: { idle: "语音阅读", playing: "停止朗读", paused: "停止朗读" }
  };
  var NOISE = /(https?:\/\/|www\.)\S+|[\w.+-]+@[\w-]+(\.[\w-]+)+|\S*\/\S*\.(yml|yaml|md|json|csv|html)\b|[✓✗✔✘·¶]/g;
  var VOICE_WAIT_MS = 1500; /* browsers that list no voice at first announce them by then */
  var synth = null;
  var current = null; /* {button, kind} while something is read */
  var message = null;
  var toolbar = null;

  function clean(text) {
    return text.replace(NOISE, " ").replace(/→/g, "改为").replace(/\s+/g, " ")
      .replace(/^[\s，、；]+|[\s，、；]+$/g, "");
  }

  function article() { return document.querySelector("article.md-content__inner"); }

  function fromData() {
    var node = document.getElementById("jl-speech");
    if (!node) return null;
    try {
      var byId = {};
      JSON.parse(node.textContent).forEach(function (s) { byId[s.id] = s.sentences; });
      return byId;
    } catch (e) { return null; }
  }

  /* The lines between ``start`` and the next section heading, one sentence each. */
  function linesAfter(start) {
    var lines = [];
    for (var el = start.nextElementSibling; el && el.tagName !== "H2"; el = el.nextElementSibling) {
      if (el.matches("script, style, .jl-toolbar, .jl-speak-section, .jl-qr")) continue;
      var rows = el.querySelectorAll ? el.querySelectorAll("tr") : [];
      var parts = rows.length ? Array.prototype.map.call(rows, function (r) {
        return Array.prototype.map.call(r.cells, function (c) { return c.innerText; }).join("，");
      }) : el.innerText.split(/\n+/);
      parts.forEach(function (line) { line = clean(line); if (line && !/：$/.test(line)) lines.push(line); });
    }
    return lines;
  }

  function sections() {
    var root = article();
    if (!root) return [];
    var data = fromData();
    var found = [];
    var h1 = root.querySelector("h1");
    if (h1) {
      var summary = data ? data.summary || [] : [clean(h1.innerText)].concat(linesAfter(h1));
      if (summary.length) found.push({ id: "summary", anchor: document.getElementById("summary") || h1, title: null, sentences: summary });
    }
    root.querySelectorAll("h2[id]").forEach(function (h2) {
      if (found.length && found[0].anchor === h2) return;  /* the summary card's own heading */
      var sentences = data && data[h2.id] ? data[h2.id] : linesAfter(h2);
      if (sentences.length) found.push({ id: h2.id, anchor: h2, title: clean(h2.innerText), sentences: sentences });
    });
    return found;
  }

  function setState(button, state) {
    button.setAttribute("data-state", state);
    button.setAttribute("aria-pressed", state === "idle" ? "false" : "true");
    button.textContent = LABELS[button.getAttribute("data-kind")][state];
  }

  function reset() {
    if (current) setState(current.button, "idle");
    current = null;
  }

  function say(text) {
    message.textContent = text;
    message.hidden = !text;
  }

  /* The message goes where the reader is: under the heading whose button she tapped (the
     page-wide button's message stays under the toolbar). */
  function fail() {
    synth.cancel();
    var button = current && current.button;
    var heading = button && button.closest("h1, h2");
    if (heading) heading.insertAdjacentElement("afterend", message);
    else if (button && button.getAttribute("data-kind") === "section") button.insertAdjacentElement("afterend", message);
    else if (toolbar) toolbar.insertAdjacentElement("afterend", message);
    reset();
    say(NO_VOICE);
  }

  function chineseVoice(done) {
    function pick() {
      return (synth.getVoices() || []).filter(function (v) { return /^(zh|cmn)/i.test(v.lang || ""); })[0] || null;
    }
    var voice = pick();
    if (voice) { done(voice); return; }
    var answered = false;
    function answer() {
      if (answered) return;
      answered = true;
      done(pick());
    }
    if (synth.addEventListener) synth.addEventListener("voiceschanged", answer, { once: true });
    setTimeout(answer, VOICE_WAIT_MS);
  }

  function play(button, list) {
    synth.cancel();
    reset();
    say("");
    var mine = { button: button };
    current = mine;
    setState(button, "playing");
    chineseVoice(function (voice) {
      if (current !== mine) return;
      if (!voice) { fail(); return; }
      var texts = [];
      list.forEach(function (s) { if (s.title) texts.push(s.title); texts = texts.concat(s.sentences); });
      texts.forEach(function (text, i) {
        var u = new SpeechSynthesisUtterance(text);
        u.lang = voice.lang || "zh-CN";
        u.voice = voice;
        u.rate = 0.9;
        u.onerror = function (event) {
          var why = event && event.error;
          if (current === mine && why !== "canceled" && why !== "interrupted") fail();
        };
        if (i === texts.length - 1) u.onend = function () { if (current === mine) reset(); };
        synth.speak(u);
      });
    });
  }

  function toggle(button, list) {
    var state = button.getAttribute("data-state");
    if (state === "idle" || !current || current.button !== button) { play(button, list); return; }
    if (button.getAttribute("data-kind") === "all") { synth.cancel(); reset(); return; }
    if (state === "playing") { synth.pause(); setState(button, "paused"); }
    else { synth.resume(); setState(button, "playing"); }
  }

  function sectionButton(section) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "jl-button jl-speak-section";
    button.setAttribute("data-kind", "section");
    button.setAttribute("data-section", section.id);
    setState(button, "idle");
    button.addEventListener("click", function () { toggle(button, [section]); });
    /* In the heading's own line (floated right), so the page grows no taller; the heading's text
       to be read was taken before. In a summary card, at its top. */
    var anchor = section.anchor;
    if (anchor.tagName === "H1" || anchor.tagName === "H2") anchor.appendChild(button);
    else anchor.insertAdjacentElement("afterbegin", button);
  }

  function init() {
    if (!("speechSynthesis" in window) || typeof SpeechSynthesisUtterance === "undefined") return;
    synth = window.speechSynthesis;
    toolbar = document.querySelector(".jl-toolbar");
    var all = sections();
    if (!toolbar || !all.length) return;
    message = document.createElement("p");
    message.className = "jl-speech-message";
    message.setAttribute("role", "status");
    message.hidden = true;
    toolbar.insertAdjacentElement("afterend", message);
    all.forEach(sectionButton);
    toolbar.querySelectorAll(".jl-speak").forEach(function (button) {
      button.hidden = false;
      button.setAttribute("data-kind", "all");
      setState(button, "idle");
      button.addEventListener("click", function () { toggle(button, all); });
    });
    window.addEventListener("pagehide", function () { synth.cancel(); reset(); });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
