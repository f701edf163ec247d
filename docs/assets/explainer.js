/* Timeline filters and the map of event places.
 *
 * Material's instant navigation swaps pages without reloading, so everything here is
 * (re)initialised from document$ on each page change. Text from data is only ever set
 * with textContent, never as HTML.
 */
(function () {
  "use strict";

  var scriptUrl = (document.currentScript && document.currentScript.src) || "";
  var vendor = scriptUrl ? new URL("vendor/leaflet/", scriptUrl).href : "";
  var leafletLoading = null;

  function loadLeaflet() {
    if (window.L) return Promise.resolve(window.L);
    if (!leafletLoading) {
      leafletLoading = new Promise(function (resolve, reject) {
        var css = document.createElement("link");
        css.rel = "stylesheet";
        css.href = vendor + "leaflet.css";
        document.head.appendChild(css);
        var js = document.createElement("script");
        js.src = vendor + "leaflet.js";
        js.onload = function () { resolve(window.L); };
        js.onerror = reject;
        document.head.appendChild(js);
      });
    }
    return leafletLoading;
  }

  function initFilters(root) {
    var form = root.querySelector("form.ex-filters");
    if (!form) return;
    var selects = form.querySelectorAll("select[data-ex-filter]");
    var status = form.querySelector(".ex-filter-status");
    var events = root.querySelectorAll(".ex-event");
    var params = new URLSearchParams(window.location.search);

    function apply() {
      var wanted = {};
      selects.forEach(function (s) { wanted[s.dataset.exFilter] = s.value; });
      var shown = 0;
      events.forEach(function (ev) {
        var ok = Object.keys(wanted).every(function (key) {
          if (!wanted[key]) return true;
          return (ev.dataset[key] || "").split(" ").indexOf(wanted[key]) !== -1;
        });
        ev.hidden = !ok;
        if (ok) shown += 1;
      });
      // hide day and year headings left without a visible event
      root.querySelectorAll("h3[id], h2[id]").forEach(function (h) {
        var next = h.nextElementSibling, any = false;
        while (next && !(next.tagName === "H2" || (h.tagName === "H3" && next.tagName === "H3"))) {
          if (next.classList.contains("ex-event") && !next.hidden) { any = true; break; }
          next = next.nextElementSibling;
        }
        if (h.closest(".ex-event") === null && /^\d{4}(-\d\d-\d\d)?$/.test(h.id)) h.hidden = !any;
      });
      var filtered = Object.keys(wanted).some(function (k) { return wanted[k]; });
      status.textContent = filtered ? shown + " of " + events.length + " events shown" : "";
      var url = new URL(window.location.href);
      Object.keys(wanted).forEach(function (key) {
        var name = key === "actors" ? "actor" : "tag";
        if (wanted[key]) url.searchParams.set(name, wanted[key]);
        else url.searchParams.delete(name);
      });
      window.history.replaceState(window.history.state, "", url.toString());
    }

    selects.forEach(function (s) {
      var name = s.dataset.exFilter === "actors" ? "actor" : "tag";
      var value = params.get(name);
      if (value && s.querySelector('option[value="' + CSS.escape(value) + '"]')) s.value = value;
      s.addEventListener("change", apply);
    });
    form.hidden = false;
    apply();
  }

  function initMap(root) {
    var box = root.querySelector("#ex-map");
    var data = root.querySelector("#ex-places");
    var details = box && box.closest("details");
    if (!box || !data || !details || !vendor) return;
    // Leaflet and the tiles load only when the reader opens the map
    details.addEventListener("toggle", function () {
      if (details.open) drawMap(box, JSON.parse(data.textContent));
    });
    if (details.open) drawMap(box, JSON.parse(data.textContent));
  }

  function drawMap(box, places) {
    loadLeaflet().then(function (L) {
      if (box.dataset.ready) return;
      box.dataset.ready = "1";
      var map = L.map(box, { scrollWheelZoom: false });
      L.tileLayer("https://tile.openstreetmap.org/{z}/{x}/{y}.png", {
        maxZoom: 12,
        attribution: "&copy; OpenStreetMap contributors",
      }).addTo(map);
      var bounds = [];
      places.forEach(function (p) {
        var popup = document.createElement("div");
        var title = document.createElement("strong");
        title.textContent = p.place;
        popup.appendChild(title);
        var list = document.createElement("ul");
        p.events.forEach(function (ev) {
          var item = document.createElement("li");
          var link = document.createElement("a");
          link.href = "#" + ev.id;
          link.textContent = ev.date + ": " + ev.title;
          item.appendChild(link);
          list.appendChild(item);
        });
        popup.appendChild(list);
        L.circleMarker([p.lat, p.lon], { radius: 12, weight: 2, fillOpacity: 0.6 })
          .bindTooltip(p.place)
          .bindPopup(popup)
          .addTo(map);
        bounds.push([p.lat, p.lon]);
      });
      if (bounds.length) map.fitBounds(bounds, { padding: [24, 24], maxZoom: 6 });
    }).catch(function () {
      box.textContent = "The map could not be loaded.";
    });
  }

  function labelSearch() {
    // Material's search dialog has no accessible name of its own
    var dialog = document.querySelector(".md-search[role=dialog]");
    if (dialog && !dialog.hasAttribute("aria-label")) dialog.setAttribute("aria-label", "Search");
  }

  function init() {
    labelSearch();
    initFilters(document);
    initMap(document);
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
