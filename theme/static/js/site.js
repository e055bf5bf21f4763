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

  // Words compared without case or accents: "bahrein" is "Bahreïn"
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  // Whether a page's text holds every word of the query, or a form of it: the same word
  // but for its last letters ("accord", "accords"; "ambassade", "ambassades"). Pagefind
  // also returns pages that only share a stem or a prefix with the query.
  function holds(content, query) {
    var words = fold(content).match(/[\p{L}\p{N}]+/gu) || [];
    return fold(query).split(/[^\p{L}\p{N}]+/u).filter(Boolean).every(function (q) {
      var stem = q.length > 4 ? q.slice(0, q.length - 2) : q;
      return words.some(function (w) {
        return w === q || (w.indexOf(stem) === 0 && w.length - q.length <= 2 &&
          q.length - w.length <= 2);
      });
    });
  }

  // Faceted full-text search on Pagefind's JavaScript API. Each event page carries its
  // facets as Pagefind metadata ("type=visite|country=IL|..."); results are kept when
  // they have every chosen facet and hold the words asked for. The query and facets live
  // in the address (?q=...&type=...): a search can be shared, and Back restores it.
  // Without JavaScript, a server or an index, the page says so and the facet pages remain.
  function setupSearch() {
    var form = document.getElementById("search-form");
    if (!form || window.location.protocol === "file:") { return; }
    var input = document.getElementById("search-input");
    var status = document.getElementById("search-status");
    var list = document.getElementById("search-results");
    var selects = Array.prototype.slice.call(form.querySelectorAll("select[data-facet]"));
    // the index comes in shards (events by period, sources in buckets): the first one is
    // loaded, the others merged into it; a missing shard only narrows the results
    var base = new URL(form.getAttribute("data-pagefind"), document.baseURI).href;
    var shards = (form.getAttribute("data-shards") || "").split(" ").filter(Boolean);
    if (!shards.length) { return; }
    import(base + shards[0] + "/pagefind.js").then(function (pagefind) {
      return Promise.all(shards.slice(1).map(function (name) {
        return pagefind.mergeIndex(base + name + "/").catch(function () {});
      })).then(function () { return pagefind; });
    }).then(function (pagefind) {
      form.hidden = false;
      var help = document.getElementById("search-help");
      if (help) { help.hidden = true; }
      var turn = 0;
      function wanted() {
        return selects.filter(function (s) { return s.value; })
          .map(function (s) { return s.getAttribute("data-facet") + "=" + s.value; });
      }
      function keep(data, need) {
        var have = ((data.meta && data.meta.facets) || "").split("|");
        return need.every(function (f) { return have.indexOf(f) >= 0; });
      }
      function remember(query) {
        var params = new URLSearchParams();
        if (query) { params.set("q", query); }
        selects.forEach(function (s) {
          if (s.value) { params.set(s.getAttribute("data-facet"), s.value); }
        });
        var search = params.toString();
        var url = window.location.pathname + (search ? "?" + search : "");
        if (url !== window.location.pathname + window.location.search) {
          window.history.replaceState(null, "", url);
        }
      }
      function show(items) {
        list.textContent = "";
        items.forEach(function (d) {
          var li = document.createElement("li");
          var kind = document.createElement("p");
          kind.className = "result-kind";
          kind.textContent = [d.meta && d.meta.kind, d.meta && d.meta.date]
            .filter(Boolean).join(" · ");
          var a = document.createElement("a");
          a.href = d.url;
          a.textContent = (d.meta && d.meta.title) || d.url;
          var p = document.createElement("p");
          p.innerHTML = d.excerpt;  // Pagefind's excerpt: the page's escaped text with <mark>
          li.appendChild(kind);
          li.appendChild(a);
          li.appendChild(p);
          list.appendChild(li);
        });
        status.textContent = form.getAttribute("data-count").replace("{n}", items.length);
      }
      function run() {
        var mine = ++turn;
        var query = input.value.trim();
        remember(query);
        if (!query) { list.textContent = ""; status.textContent = ""; return; }
        var need = wanted();
        pagefind.search(query).then(function (search) {
          // each result's data is one request: the first 200, of which 50 are shown
          return Promise.all(search.results.slice(0, 200).map(function (r) { return r.data(); }));
        }).then(function (all) {
          if (mine !== turn) { return; }  // a later query is on its way
          show(all.filter(function (d) {
            return keep(d, need) && holds(d.content || "", query);
          }).slice(0, 50));
        });
      }
      input.addEventListener("input", run);
      selects.forEach(function (s) { s.addEventListener("change", run); });
      form.addEventListener("submit", function (e) { e.preventDefault(); run(); });
      var params = new URLSearchParams(window.location.search);
      selects.forEach(function (s) {
        var v = params.get(s.getAttribute("data-facet"));
        if (v && s.querySelector('option[value="' + CSS.escape(v) + '"]')) { s.value = v; }
      });
      var q = params.get("q");
      if (q) { input.value = q; run(); }
    }, function () { /* no index: the help text stays */ });
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
