/* Reading aids for elderly readers: 长辈版 (larger, single column, remembered); 语音阅读 is in speech.js.
   Plain JavaScript, no framework, nothing loaded from elsewhere. */
(function () {
  "use strict";
  var root = document.documentElement;
  var KEY = "jl-elder";

  function setElder(on) {
    root.classList.toggle("jl-elder", on);
    try { localStorage.setItem(KEY, on ? "1" : "0"); } catch (e) { /* private mode: not remembered */ }
    document.querySelectorAll(".jl-elder-toggle").forEach(function (b) {
      b.setAttribute("aria-pressed", on ? "true" : "false");
    });
  }

  function initElder() {
    var on = root.classList.contains("jl-elder");
    document.querySelectorAll(".jl-elder-toggle").forEach(function (b) {
      b.setAttribute("aria-pressed", on ? "true" : "false");
      b.addEventListener("click", function () { setElder(!root.classList.contains("jl-elder")); });
    });
  }

  function initSortableTables() {
    document.querySelectorAll("table.jl-sortable").forEach(function (table) {
      table.querySelectorAll("th[data-sort]").forEach(function (th, column) {
        var button = th.querySelector("button");
        if (!button) return;
        button.addEventListener("click", function () {
          var body = table.tBodies[0];
          var index = Array.prototype.indexOf.call(th.parentNode.children, th);
          var rows = Array.prototype.slice.call(body.rows);
          var ascending = th.getAttribute("aria-sort") !== "ascending";
          rows.sort(function (a, b) {
            var x = a.cells[index].getAttribute("data-key") || a.cells[index].textContent;
            var y = b.cells[index].getAttribute("data-key") || b.cells[index].textContent;
            return ascending ? x.localeCompare(y, "zh-CN") : y.localeCompare(x, "zh-CN");
          });
          rows.forEach(function (row) { body.appendChild(row); });
          table.querySelectorAll("th[aria-sort]").forEach(function (h) { h.removeAttribute("aria-sort"); });
          th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        });
      });
    });
  }

  function init() { initElder(); initSortableTables(); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
