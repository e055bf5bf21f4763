/* Progressive enhancement: timeline filters and evidence highlighting.
   Pages are complete without this script; it only hides cards and marks targets. */
(function () {
  "use strict";

  function setupFilters() {
    var form = document.getElementById("filters");
    if (!form) { return; }
    form.hidden = false;
    var cards = Array.prototype.slice.call(document.querySelectorAll(".timeline .card"));
    var count = form.querySelector(".filter-count");

    function apply() {
      var type = form.elements.type.value;
      var country = form.elements.country.value;
      var actor = form.elements.actor.value;
      var shown = 0;
      cards.forEach(function (card) {
        var ok = (!type || card.dataset.types.split(" ").indexOf(type) !== -1) &&
          (!country || card.dataset.countries.split(" ").indexOf(country) !== -1) &&
          (!actor || card.dataset.actors.split("|").indexOf(actor) !== -1);
        card.parentNode.hidden = !ok;
        if (ok) { shown += 1; }
      });
      // hide months and years left without a visible event
      document.querySelectorAll(".timeline .month, .timeline .year").forEach(function (sec) {
        sec.hidden = !sec.querySelector("li:not([hidden])");
      });
      if (count) { count.textContent = count.dataset.template.replace("{n}", String(shown)); }
    }

    form.addEventListener("change", apply);
    form.addEventListener("reset", function () { window.setTimeout(apply, 0); });
    form.addEventListener("submit", function (e) { e.preventDefault(); });
    apply();
  }

  // A long timeline keeps its latest years on the timeline page and the others on year
  // pages: an old link to index.html#e-<id> (or to a month) is forwarded to where it is now.
  function forwardOldAnchor() {
    var timeline = document.querySelector(".timeline[data-split]");
    var id = decodeURIComponent(window.location.hash.slice(1));
    if (!timeline || !id) { return; }
    var el = document.getElementById(id);
    if (el && !el.closest(".earlier")) { return; }
    var base = timeline.dataset.split;
    var event = /^e-(.+)$/.exec(id);
    var month = /^[my]-(\d{4})(-\d+)?$/.exec(id);
    if (event) {
      window.location.replace(base + "events/" + encodeURIComponent(event[1]) + ".html");
    } else if (month) {
      window.location.replace(base + "year/" + month[1] + ".html#" + id);
    }
  }

  function markTarget() {
    document.querySelectorAll(".is-target").forEach(function (el) {
      el.classList.remove("is-target");
    });
    var id = decodeURIComponent(window.location.hash.slice(1));
    if (!id) { return; }
    var el = document.getElementById(id);
    if (!el) { return; }
    // an extra anchor sits just before the merged passage it belongs to
    if (el.classList.contains("anchor")) {
      el = el.nextElementSibling && el.nextElementSibling.matches("mark") ? el.nextElementSibling : el;
    }
    el.classList.add("is-target");
  }

  function setupSearch() {
    var box = document.getElementById("search");
    // PagefindUI is absent when the index was not built or the page is opened from file://
    if (!box || typeof window.PagefindUI !== "function" || window.location.protocol === "file:") {
      return;
    }
    new window.PagefindUI({ element: "#search", showSubResults: true, showImages: false });
    var help = document.getElementById("search-help");
    if (help) { help.hidden = true; }
    // Pagefind's field has only a placeholder: tie the page's visible label to it
    function labelInput() {
      var input = box.querySelector(".pagefind-ui__search-input");
      if (!input) { return false; }
      input.id = "search-input";
      ["search-label", "search-filters"].forEach(function (id) {
        var el = document.getElementById(id);
        if (el) { el.hidden = false; }
      });
      return true;
    }
    if (!labelInput()) {
      var watch = new MutationObserver(function () {
        if (labelInput()) { watch.disconnect(); }
      });
      watch.observe(box, { childList: true, subtree: true });
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    forwardOldAnchor();
    window.addEventListener("hashchange", forwardOldAnchor);
    setupFilters();
    setupSearch();
    markTarget();
    window.addEventListener("hashchange", markTarget);
  });
}());
