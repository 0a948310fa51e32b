/* Shrink the type step by step until the board fits its sheet; never below 7pt. */
(function () {
  var fit = document.querySelector(".fit");
  var root = document.documentElement;
  var size = parseFloat(getComputedStyle(root).fontSize);
  var floor = 7 * 96 / 72;
  while (fit.scrollHeight > fit.clientHeight + 1 && size > floor) {
    size -= 0.25;
    root.style.fontSize = size + "px";
  }
  document.body.dataset.fitted = fit.scrollHeight <= fit.clientHeight + 1 ? "yes" : "no";
})();
