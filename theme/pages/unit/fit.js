/* Fit the board to its one sheet: a binary search over the root font size finds the largest type
   that fits, so a short board grows to use the sheet and a long one shrinks, up to the board's
   largest type (--fit-max-pt on .sheet) and with its smallest text at --fit-min-text-pt or more.
   A board with a note (.fit-note, the A4 one) that cannot fit so shows the note and leaves off
   procedure rows ([data-fit-drop]) from the last, keeping the first; only then, and on a board
   without a note, the type goes smaller, never below HARD_FLOOR_PT. The outcome is on <body>:
   data-fit="done" once fonts are ready (tests and `jinglao print` wait for it), data-fit-text-pt
   (smallest text, pt), data-fit-dropped (rows left off), data-fit-small="yes" (text below
   --fit-min-text-pt), data-fit-overflow="yes" (does not fit even so). */
(function () {
  var PX_PER_PT = 96 / 72;
  var STEP = 0.05 * PX_PER_PT;
  var HARD_FLOOR_PT = 6;
  var root = document.documentElement;
  var body = document.body;
  var sheet = document.querySelector(".sheet");
  var fit = sheet.querySelector(".fit");
  var note = sheet.querySelector(".fit-note");
  var rows = fit.querySelectorAll("[data-fit-drop]");

  function smallestText() {
    var min = Infinity;
    var walker = document.createTreeWalker(sheet, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      var element = walker.currentNode.parentElement;
      if (walker.currentNode.data.trim() && element.getClientRects().length) {
        min = Math.min(min, parseFloat(getComputedStyle(element).fontSize));
      }
    }
    return min;
  }

  function fits(px) {
    root.style.fontSize = px + "px";
    var last = fit.lastElementChild;
    var bottom = last ? last.getBoundingClientRect().bottom : 0;
    return fit.scrollHeight <= fit.clientHeight && fit.scrollWidth <= fit.clientWidth &&
      bottom <= fit.getBoundingClientRect().bottom;
  }

  function largest(low, high) {  // the largest size in [low, high] that fits, else low
    if (fits(high)) return high;
    while (high - low > STEP) {
      var middle = (low + high) / 2;
      if (fits(middle)) low = middle; else high = middle;
    }
    return low;
  }

  function show(count) {  // the first `count` rows; the note says how many when not all
    for (var i = 0; i < rows.length; i++) rows[i].hidden = i >= count;
    if (!note) return;
    note.querySelector(".fit-dropped").hidden = count === rows.length;
    note.querySelector(".fit-shown").textContent = count;
  }

  function run() {
    if (note) note.hidden = true;
    show(rows.length);
    var ratio = smallestText() / parseFloat(getComputedStyle(root).fontSize);
    var style = getComputedStyle(sheet);
    var top = parseFloat(style.getPropertyValue("--fit-max-pt")) * PX_PER_PT;
    var minText = parseFloat(style.getPropertyValue("--fit-min-text-pt")) * PX_PER_PT;
    var readable = Math.min(top, minText / ratio);
    var floor = Math.min(readable, HARD_FLOOR_PT * PX_PER_PT / ratio);
    var size = largest(readable, top);
    if (note && !fits(size)) {
      note.hidden = false;
      for (var count = rows.length; count > 1 && !fits(readable); count--) show(count - 1);
      size = largest(readable, top);
    }
    if (!fits(size)) size = largest(floor, readable);
    var small = size < readable;
    var overflow = !fits(size);
    body.dataset.fitTextPt = (smallestText() / PX_PER_PT).toFixed(1);
    var shown = fit.querySelectorAll("[data-fit-drop]:not([hidden])").length;
    body.dataset.fitDropped = rows.length - shown;
    if (small) body.dataset.fitSmall = "yes"; else delete body.dataset.fitSmall;
    if (overflow) body.dataset.fitOverflow = "yes"; else delete body.dataset.fitOverflow;
  }

  run();  // at once, so even a printer that does not wait prints a fitted board
  var ready = document.fonts && document.fonts.ready ? document.fonts.ready : Promise.resolve();
  ready.then(function () {
    run();  // again with every font in place
    body.dataset.fit = "done";
  });
})();
