/* Hall display screen: rotate slides, paginate what does not fit, keep a clock, check for new
   content now and then, and drift a few pixels against burn-in. One timer of each kind, never
   more; nothing is created per rotation, so the page can run for days. */
(function () {
  "use strict";
  var config = JSON.parse(document.getElementById("screen-config").textContent);
  var params = new URLSearchParams(location.search);
  var requested = parseFloat(params.get("interval"));
  var interval = (requested > 0 ? requested : config.interval) * 1000;
  var stage = document.querySelector("main");
  var sources = Array.prototype.slice.call(document.querySelectorAll("template.slide-source"));
  var pages = [];
  var current = -1;
  var rotateTimer = null;

  function makePage(source, number, total) {
    var page = document.createElement("section");
    page.className = "slide";
    var heading = document.createElement("h2");
    heading.textContent = source.dataset.title;
    var counter = document.createElement("span");
    counter.className = "page";
    heading.appendChild(counter);
    var body = document.createElement(source.dataset.list ? "ul" : "div");
    body.className = "slide-body" + (source.dataset.list ? " list" : "");
    page.appendChild(heading);
    page.appendChild(body);
    return page;
  }

  function overflows(body) { return body.scrollHeight > body.clientHeight + 1 || body.scrollWidth > body.clientWidth + 1; }

  function paginate() {
    pages.forEach(function (p) { p.remove(); });
    pages = [];
    sources.forEach(function (source) {
      var items = Array.prototype.slice.call(source.content.children);
      var group = [];
      var page = makePage(source);
      page.classList.add("current");
      stage.appendChild(page);
      var body = page.querySelector(".slide-body");
      items.forEach(function (template) {
        var item = template.cloneNode(true);
        body.appendChild(item);
        if (overflows(body) && body.children.length > 1) {
          body.removeChild(item);
          page.classList.remove("current");
          group.push(page);
          page = makePage(source);
          page.classList.add("current");
          stage.appendChild(page);
          body = page.querySelector(".slide-body");
          body.appendChild(item);
        }
        if (overflows(body)) item.classList.add("dense");
      });
      page.classList.remove("current");
      group.push(page);
      group.forEach(function (p, i) {
        p.querySelector(".page").textContent = group.length > 1 ? (i + 1) + "/" + group.length : "";
      });
      pages = pages.concat(group);
    });
    pages.forEach(fit);
    current = -1;
  }

  /* Each page's type grows, heading and all, until its content fills the page: a binary search
     over the page's font scale from 1 (what pagination used) to MAX_SCALE. The outcome is on the
     page (data-scale, data-fill: the share of the body's height the content takes). */
  var MAX_SCALE = 1.75;
  function contentHeight(body) {
    var top = body.getBoundingClientRect().top;
    var bottom = top;
    Array.prototype.forEach.call(body.children, function (child) {
      bottom = Math.max(bottom, child.getBoundingClientRect().bottom);
    });
    return bottom - top;
  }

  function fit(page) {
    var shown = page.classList.contains("current");
    page.classList.add("current");
    var body = page.querySelector(".slide-body");
    var low = 1, high = MAX_SCALE;
    page.style.fontSize = high + "em";
    if (!overflows(body)) low = high;
    for (var step = 0; step < 8 && high - low > 0.01; step++) {
      var middle = (low + high) / 2;
      page.style.fontSize = middle + "em";
      if (overflows(body)) high = middle; else low = middle;
    }
    page.style.fontSize = low + "em";
    page.dataset.scale = low.toFixed(3);
    page.dataset.fill = (contentHeight(body) / body.clientHeight).toFixed(3);
    if (!shown) page.classList.remove("current");
  }

  function show(index) {
    if (!pages.length) return;
    if (current >= 0 && pages[current]) pages[current].classList.remove("current");
    current = index % pages.length;
    pages[current].classList.add("current");
    document.body.dataset.slide = String(current);
  }

  function rotate() {
    clearTimeout(rotateTimer);
    show(current + 1);
    rotateTimer = setTimeout(rotate, interval);
  }

  var clock = document.querySelector(".clock");
  var WEEK = ["日", "一", "二", "三", "四", "五", "六"];
  function pad(n) { return n < 10 ? "0" + n : String(n); }
  function tick() {
    var d = new Date();
    clock.textContent = d.getFullYear() + "年" + (d.getMonth() + 1) + "月" + d.getDate() + "日 星期" +
      WEEK[d.getDay()] + " " + pad(d.getHours()) + ":" + pad(d.getMinutes());
  }

  var drift = 0;
  var OFFSETS = [[0, 0], [2, 1], [3, -1], [1, -3], [-2, -2], [-3, 1], [-1, 3]];
  function shift() {
    drift = (drift + 1) % OFFSETS.length;
    document.getElementById("screen").style.transform =
      "translate(" + OFFSETS[drift][0] + "px," + OFFSETS[drift][1] + "px)";
  }

  var VERSION = /^[0-9a-f]{16}$/;

  function embeddedConfig(html) {
    var node = new DOMParser().parseFromString(html, "text/html").getElementById("screen-config");
    try { return node ? JSON.parse(node.textContent) : null; } catch (e) { return null; }
  }

  /* Reload only into this unit's screen at the version announced: never into a captive portal,
     an error page or another unit's screen, and never for a version file that says nothing. */
  function checkVersion() {
    var announced = null;
    fetch(config.versionUrl, { cache: "no-store" })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (v) {
        if (!v || typeof v.version !== "string" || !VERSION.test(v.version)) return null;
        if (v.version === config.version) return null;
        announced = v.version;
        return fetch(location.pathname, { cache: "no-store" })
          .then(function (r) { return r.ok ? r.text() : null; });
      })
      .then(function (html) {
        var next = html ? embeddedConfig(html) : null;
        if (next && next.unit === config.unit && next.version === announced) location.reload();
      })
      .catch(function () { /* offline: keep showing what we have */ });
  }

  var resizeTimer = null;
  window.addEventListener("resize", function () {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(function () { paginate(); rotate(); }, 300);
  });

  paginate();
  tick();
  rotate();
  setInterval(tick, 1000);
  setInterval(shift, 60 * 1000);
  setInterval(checkVersion, config.checkMinutes * 60 * 1000);
})();
