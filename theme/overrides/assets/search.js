/* Site search on the search page (/search/), with Pagefind's chunked indexes in /pagefind/.
   Runs on every `input` event (typing, paste, Chinese input methods), shows unit and policy
   results with the title above a body-size snippet, and announces the count to screen readers.
   Snippet text comes from the site's own pages; it is still rebuilt node by node so that only
   Pagefind's <mark> highlights become elements. No request leaves the site. */
(function () {
  "use strict";
  var root = new URL("..", document.currentScript.src);  /* this file is <site>/assets/search.js */
  var SHOWN = 10;
  var engines = {};

  /* The Pagefind bundle of one group of results (pagefind/units/, pagefind/policies/). */
  function pagefind(bundle) {
    if (!engines[bundle]) {
      var url = new URL("pagefind/" + bundle + "/pagefind.js", root).href;
      engines[bundle] = import(url).then(function (pf) {
        return Promise.resolve(pf.options({ baseUrl: root.pathname })).then(function () {
          pf.init();
          return pf;
        });
      });
    }
    return engines[bundle];
  }

  /* Pagefind fetches and compiles its WebAssembly and reads its index metadata at the first
     search, not at init: a search for a character no page contains does that (and runs the
     search code once) while the reader is still typing, so her own search only fetches the
     chunks of her words. One engine after the other, the first group (服务单位) first; the
     page is marked ready when all are warm. */
  var NOWHERE = "\u3400";
  function warmUp(bundles) {
    return bundles.reduce(function (done, bundle) {
      return done.then(function () {
        return pagefind(bundle).then(function (pf) { return pf.search(NOWHERE); });
      });
    }, Promise.resolve()).then(function () {
      document.documentElement.setAttribute("data-jl-search-ready", "");
    }).catch(function () { return null; });  /* a failed engine says so when searched */
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

  /* A unit's window and first phone (the page's summary card marks them for Pagefind): what
     a reader came for, with the phone one tap from the result. */
  function facts(meta) {
    if (!meta || !meta.window) return null;
    var out = document.createElement("p");
    out.className = "jl-result__facts";
    out.appendChild(document.createTextNode("为老服务窗口：" + meta.window));
    var number = meta.phone && meta.phone.match(/[0-9][0-9-]{2,}[0-9]/);
    if (number) {
      var call = document.createElement("a");
      call.href = "tel:" + number[0].replace(/-/g, "");
      call.textContent = meta.phone;
      out.appendChild(document.createElement("br"));
      out.appendChild(call);
    }
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
    var known = facts(data.meta);
    if (known) li.appendChild(known);
    li.appendChild(snippet(data.excerpt || ""));
    return li;
  }

  /* The county's synonyms (content/search/synonyms.yml), written by the build: a query that is
     one of their words is searched as the words the pages use (老年证 → 老年人优待证), so the
     pages' own wording decides the ranking. The pages carry the query words too (hidden), so a
     longer query with such a word still finds them. */
  var expansions = null;
  function synonymsOf(query) {
    if (!expansions) {
      expansions = fetch(new URL("pagefind/synonyms.json", root).href)
        .then(function (response) { return response.ok ? response.json() : {}; })
        .catch(function () { return {}; });
    }
    return expansions.then(function (map) {
      return Object.prototype.hasOwnProperty.call(map, query) ? map[query] : [];
    });
  }

  function mergedSearch(pf, query) {
    return synonymsOf(query).then(function (words) {
      var asked = words.length ? words : [query];
      return Promise.all(asked.map(function (q) { return pf.search(q); }));
    }).then(function (searches) {
      /* a page's standing in each search (its score over that search's best), summed: the page
         that answers most of the words comes first */
      var merged = {};
      searches.forEach(function (found) {
        var top = found.results.length ? found.results[0].score || 1 : 1;
        found.results.forEach(function (r) {
          var entry = merged[r.id] || (merged[r.id] = { result: r, rank: 0 });
          entry.rank += r.score / top;
        });
      });
      return Object.keys(merged).map(function (id) { return merged[id]; })
        .sort(function (a, b) { return b.rank - a.rank; })
        .map(function (entry) { return entry.result; });
    });
  }

  /* One search per group of the page (服务单位 first, then 政策法规), each ranked on its own so
     a short policy never pushes the unit that does the job out of sight. A group is shown as
     soon as it is ready, units first: the first result does not wait for the second search. */
  function searchGroup(query, section) {
    var name = section.getAttribute("data-jl-group");
    return pagefind(section.getAttribute("data-jl-bundle")).then(function (pf) {
      return mergedSearch(pf, query);
    }).then(function (results) {
      var top = results.slice(0, SHOWN).map(function (r) { return r.data(); });
      return Promise.all(top).then(function (items) {
        return { section: section, name: name, items: items, total: results.length };
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
      var next = function (i) {
        if (ticket !== latest) return null;
        if (i === groups.length) {
          status.textContent = summary(query, found);
          return null;
        }
        return searchGroup(query, groups[i]).then(function (group) {
          if (ticket !== latest) return null;
          found.push(group);
          showGroup(group);
          return next(i + 1);
        });
      };
      Promise.resolve().then(function () { return next(0); }).catch(function () {
          if (ticket === latest) status.textContent = "搜索暂时用不了。请稍后再试，或从「全部单位」查找。";
        });
    }

    input.addEventListener("input", run);
    form.addEventListener("submit", function (event) { event.preventDefault(); run(); });
    warmUp(groups.map(function (section) { return section.getAttribute("data-jl-bundle"); }));
    var asked = new URLSearchParams(location.search).get("q");
    if (asked) {
      input.value = asked;
      run();
    } else {
      input.focus();  /* came here to search (the header button on a phone): the keyboard opens */
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
