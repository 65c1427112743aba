// Storyline web app: timeline filters and zoom, highlight toggles. No dependencies.
// Article text is only ever written with textContent, never parsed as HTML.
(function () {
  "use strict";

  // An event's (possibly partial) date overlaps the range [from, to] (YYYY-MM-DD strings).
  function overlaps(date, from, to) {
    if (!date) return !from && !to;
    if (from && date < from.slice(0, date.length)) return false;
    if (to && date.slice(0, to.length) > to) return false;
    return true;
  }

  function lastDay(period) { // "2022-03" -> "2022-03-31"
    var y = +period.slice(0, 4), m = +period.slice(5, 7);
    var d = new Date(Date.UTC(y, m, 0)).getUTCDate();
    return period + "-" + (d < 10 ? "0" : "") + d;
  }

  function setupTimeline() {
    var list = document.getElementById("tl-events");
    if (!list) return;
    var from = document.getElementById("tl-from"), to = document.getElementById("tl-to");
    var actor = document.getElementById("tl-actor"), cat = document.getElementById("tl-category");
    var count = document.getElementById("tl-count");
    var events = Array.prototype.slice.call(list.querySelectorAll("li.event"));
    var bars = Array.prototype.slice.call(document.querySelectorAll(".density .bar"));

    function apply() {
      var shown = 0;
      events.forEach(function (li) {
        var ok = overlaps(li.dataset.date, from.value, to.value) &&
          (!actor.value || (" " + li.dataset.actors + " ").indexOf(" " + actor.value + " ") >= 0) &&
          (!cat.value || li.dataset.category === cat.value);
        li.hidden = !ok;
        if (ok) shown++;
      });
      bars.forEach(function (b) {
        var p = b.getAttribute("data-period");
        b.classList.toggle("on", !!(from.value || to.value) && overlaps(p, from.value, to.value));
      });
      count.textContent = shown + " of " + events.length + " events shown";
    }
    [from, to, actor, cat].forEach(function (el) { el.addEventListener("input", apply); });
    [from, to, actor, cat].forEach(function (el) { el.addEventListener("change", apply); });
    bars.forEach(function (b) {
      b.addEventListener("click", function () {
        var p = b.getAttribute("data-period");
        from.value = p + "-01";
        to.value = lastDay(p);
        apply();
      });
    });
    document.getElementById("tl-reset").addEventListener("click", function () {
      from.value = ""; to.value = ""; actor.value = ""; cat.value = "";
      apply();
    });
    var expand = document.getElementById("tl-expand");
    expand.addEventListener("click", function () {
      var open = expand.textContent === "Expand all";
      events.forEach(function (li) {
        var d = li.querySelector("details");
        if (d && !li.hidden) d.open = open;
      });
      expand.textContent = open ? "Collapse all" : "Expand all";
    });
    // a link to #ev-ID opens that event
    function openTarget() {
      var id = decodeURIComponent(location.hash.slice(1));
      var li = id && document.getElementById(id);
      if (li && li.classList.contains("event")) {
        li.hidden = false;
        var d = li.querySelector("details");
        if (d) d.open = true;
      }
    }
    window.addEventListener("hashchange", openTarget);
    openTarget();
    apply();
  }

  function setupDocument() {
    var text = document.getElementById("doc-text");
    if (!text) return;
    var legend = document.getElementById("hl-legend");
    if (legend) {
      legend.addEventListener("change", function (e) {
        var box = e.target;
        if (box && box.dataset && box.dataset.kind) {
          text.classList.toggle("off-" + box.dataset.kind, !box.checked);
        }
      });
    }
    var factBox = document.getElementById("fact-box");
    text.addEventListener("click", function (e) {
      var el = e.target.closest ? e.target.closest("[data-label]") : null;
      if (!el || !factBox) return;
      factBox.textContent = el.getAttribute("data-label");
      factBox.hidden = false;
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    setupTimeline();
    setupDocument();
  });
})();
