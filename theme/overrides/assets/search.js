/* Site search on the search page (/search/), with Pagefind's chunked index in /pagefind/.
   Runs on every `input` event (typing, paste, Chinese input methods), shows unit and policy
   results with the title above a body-size snippet, and announces the count to screen readers.
   Snippet text comes from the site's own pages; it is still rebuilt node by node so that only
   Pagefind's <mark> highlights become elements. No request leaves the site. */
(function () {
  "use strict";
  var root = new URL("..", document.currentScript.src);  /* this file is <site>/assets/search.js */
  var SHOWN = 10;
  var engine = null;

  function pagefind() {
    if (!engine) {
      engine = import(new URL("pagefind/pagefind.js", root).href).then(function (pf) {
        return Promise.resolve(pf.options({ baseUrl: root.pathname })).then(function () {
          pf.init();
          return pf;
        });
      });
    }
    return engine;
  }

  function snippet(excerpt) {
    var out = document.createElement("p");
    out.className = "jl-result__excerpt";
    var parsed = new DOMParser().parseFromString(excerpt, "text/html").body;
    parsed.childNodes.forEach(function (node) {
      if (node.nodeName === "MARK") {
        var mark = document.createElement("mark");
        mark.textContent = node.textContent;
        out.appendChild(mark);
      } else {
        out.appendChild(document.createTextNode(node.textContent));
      }
    });
    return out;
  }

  function item(data) {
    var li = document.createElement("li");
    li.className = "jl-result";
    var link = document.createElement("a");
    link.className = "jl-result__title";
    link.href = data.url;
    link.textContent = (data.meta && data.meta.title) || data.url;
    li.appendChild(link);
    li.appendChild(snippet(data.excerpt || ""));
    return li;
  }

  /* One search per group of the page (服务单位 first, then 政策法规), each ranked on its own so
     a short policy never pushes the unit that does the job out of sight. A group is shown as
     soon as it is ready, units first: the first result does not wait for the second search. */
  function searchGroup(pf, query, section) {
    var name = section.getAttribute("data-jl-group");
    return pf.search(query, { filters: { group: name } }).then(function (found) {
      var top = found.results.slice(0, SHOWN).map(function (r) { return r.data(); });
      return Promise.all(top).then(function (items) {
        return { section: section, name: name, items: items, total: found.results.length };
      });
    });
  }

  function showGroup(group) {
    group.section.hidden = group.total === 0;
    var list = group.section.querySelector(".jl-search__results");
    list.replaceChildren.apply(list, group.items.map(item));
  }

  function summary(query, found) {
    var counts = found.filter(function (g) { return g.total; }).map(function (g) {
      return g.name + " " + g.total + " 条";
    });
    return counts.length
      ? "「" + query + "」找到" + counts.join("、") + "（每类最多列出 " + SHOWN + " 条）"
      : "没有找到「" + query + "」。请换一个说法试试，例如「看病」「坐车」「老年证」。";
  }

  function start(form) {
    var input = form.querySelector("input[type=search]");
    var status = document.querySelector(".jl-search__status");
    var groups = Array.prototype.slice.call(document.querySelectorAll("[data-jl-group]"));
    var latest = 0;

    function run() {
      var query = input.value.trim();
      var ticket = ++latest;
      history.replaceState(null, "", query ? "?q=" + encodeURIComponent(query) : location.pathname);
      if (!query) {
        groups.forEach(function (section) { section.hidden = true; });
        status.textContent = "";
        return;
      }
      status.textContent = "正在搜索……";
      var found = [];
      var next = function (pf, i) {
        if (ticket !== latest) return null;
        if (i === groups.length) {
          status.textContent = summary(query, found);
          return null;
        }
        return searchGroup(pf, query, groups[i]).then(function (group) {
          if (ticket !== latest) return null;
          found.push(group);
          showGroup(group);
          return next(pf, i + 1);
        });
      };
      pagefind()
        .then(function (pf) { return next(pf, 0); })
        .catch(function () {
          if (ticket === latest) status.textContent = "搜索暂时用不了。请稍后再试，或从「全部单位」查找。";
        });
    }

    input.addEventListener("input", run);
    form.addEventListener("submit", function (event) { event.preventDefault(); run(); });
    pagefind().catch(function () { return null; });  /* load the engine while the reader types */
    var asked = new URLSearchParams(location.search).get("q");
    if (asked) {
      input.value = asked;
      run();
    }
    var header = document.getElementById("jl-header-search-input");
    if (header) header.value = input.value;
  }

  function init() {
    var form = document.querySelector("[data-jl-search]");
    if (form) start(form);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
