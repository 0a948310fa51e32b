/* Today's opening hours in the reader's own day. The site is static, so the build cannot know
   what day a reader opens a page: each `.jl-today` carries the unit's week as data (data-jl-week,
   written by the core's unit/week_hours.py) and this script says what holds today — the season,
   the weekday, a schedule not yet or no longer in force, or closed. Without JavaScript, or when
   the data cannot tell, the full published hours already in the element stay. */
(function () {
  "use strict";
  var DAY_NAMES = "一二三四五六日";

  function pad(n) { return (n < 10 ? "0" : "") + n; }

  function inSeason(season, monthDay) {
    if (!season) return true;
    if (season.from <= season.to) return monthDay >= season.from && monthDay <= season.to;
    return monthDay >= season.from || monthDay <= season.to;  // 10月1日至次年4月30日
  }

  function inForce(schedule, isoDay) {
    if (schedule.since && isoDay < schedule.since) return false;
    if (schedule.until && schedule.until < isoDay) return false;
    return true;
  }

  function isoDay(now) { return now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate()); }

  /* 「今天（11月29日 周日）：冬季门诊 08:00-12:00、14:00-17:00」 or 「今天（11月30日 周一）不开放」 */
  function todayText(week, now) {
    var weekday = now.getDay() || 7;  /* Monday = 1 … Sunday = 7, as the core writes them */
    var monthDay = pad(now.getMonth() + 1) + "-" + pad(now.getDate());
    var open = week.schedules.filter(function (s) {
      return inForce(s, isoDay(now)) && inSeason(s.season, monthDay) && s.days.indexOf(weekday) >= 0;
    });
    var day = "今天（" + (now.getMonth() + 1) + "月" + now.getDate() + "日 周" + DAY_NAMES[weekday - 1] + "）";
    if (!open.length) return day + "不开放";
    return day + "：" + open.map(function (s) { return (s.name ? s.name + " " : "") + s.periods.join("、"); }).join("；");
  }

  /* The unit's own notes (急诊 24 小时开放, 每周一闭馆 …) are said as written: they are not data. */
  function exceptionsText(week) {
    return "另有安排：" + week.exceptions.map(function (e) { return e.replace(/[。；;.\s]+$/, ""); }).join("；") + "。";
  }

  function span(className, text) {
    var el = document.createElement("span");
    el.className = className;
    el.textContent = text;
    return el;
  }

  function show(element, now) {
    var week;
    try { week = JSON.parse(element.getAttribute("data-jl-week")); } catch (e) { return; }
    if (!week || !week.schedules || !week.schedules.length) return;
    var shown = [span("jl-today-now", todayText(week, now))];
    if (week.exceptions.length) shown.push(document.createElement("br"), span("jl-today-exceptions", exceptionsText(week)));
    var all = element.querySelector(".jl-today-all");
    if (all) {  /* the whole week one tap away: to compare units, or to plan another day */
      var more = document.createElement("details");
      var label = document.createElement("summary");
      more.className = "jl-today-more";
      label.textContent = "全部开放时间";
      element.insertBefore(more, all);
      more.appendChild(label);
      more.appendChild(all);
      shown.push(more);
    }
    shown.reverse().forEach(function (node) { element.insertBefore(node, element.firstChild); });
    element.setAttribute("data-jl-today", isoDay(now));
  }

  function init() {
    var now = new Date();
    document.querySelectorAll(".jl-today[data-jl-week]").forEach(function (el) { show(el, now); });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
