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
  }

  document.addEventListener("DOMContentLoaded", function () {
    setupFilters();
    setupSearch();
    markTarget();
    window.addEventListener("hashchange", markTarget);
  });
}());
