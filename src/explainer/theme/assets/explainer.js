/* Evidence tooltips, timeline filters, the map of event places, the folded years before
 * the focus and the claims' copy-link buttons.
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
      // a filter looks through every event, so the folded years open to show theirs
      if (filtered) root.querySelectorAll("details.ex-period").forEach(function (d) { d.open = true; });
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

  // Evidence on hover, focus or tap. One set of listeners on the document serves every
  // marker, so a page with hundreds of citations costs nothing until a reader points at
  // one. The tip is a copy of the marker's entry in the evidence list.
  var tip = null;
  var tipRef = null;
  var pinned = false;
  var showTimer = 0;
  var hideTimer = 0;

  function markerOf(node) {
    return node && node.closest ? node.closest("sup.ex-ref > a") : null;
  }

  function noteOf(ref) {
    // Material's instant navigation may make the href absolute; the fragment is the key
    var id = decodeURIComponent(ref.hash.slice(1));
    return id ? document.getElementById(id) : null;
  }

  function placeTip(ref) {
    var r = ref.getBoundingClientRect();
    var width = tip.offsetWidth;
    var height = tip.offsetHeight;
    var left = r.left + r.width / 2 - width / 2;
    left = Math.max(8, Math.min(left, document.documentElement.clientWidth - width - 8));
    var below = r.bottom + 8;
    var top = below + height > window.innerHeight && r.top - height - 8 > 0
      ? r.top - height - 8 : below;
    tip.style.left = left + window.scrollX + "px";
    tip.style.top = top + window.scrollY + "px";
  }

  function closeTip(returnFocus) {
    clearTimeout(showTimer);
    clearTimeout(hideTimer);
    if (tip) tip.remove();
    if (tipRef) {
      tipRef.removeAttribute("aria-expanded");
      tipRef.removeAttribute("aria-controls");
      if (returnFocus) tipRef.focus();
    }
    tip = null;
    tipRef = null;
    pinned = false;
  }

  function openTip(ref, pin) {
    clearTimeout(hideTimer);
    if (tipRef !== ref) {
      closeTip(false);
      var note = noteOf(ref);
      if (!note) return;
      tip = document.createElement("div");
      tip.className = "md-typeset ex-tip";
      tip.id = "ex-tip";
      tip.setAttribute("role", "dialog");
      tip.setAttribute("aria-label", "Evidence " + ref.textContent);
      Array.prototype.forEach.call(note.childNodes, function (node) {
        if (!(node.classList && node.classList.contains("ex-back"))) {
          tip.appendChild(node.cloneNode(true));
        }
      });
      var more = document.createElement("a");
      more.className = "ex-tip-more";
      more.href = "#" + note.id;
      more.textContent = "In the evidence list";
      tip.appendChild(document.createTextNode(" "));
      tip.appendChild(more);
      document.body.appendChild(tip);
      tipRef = ref;
      ref.setAttribute("aria-expanded", "true");
      ref.setAttribute("aria-controls", tip.id);
      placeTip(ref);
    }
    if (pin) pinned = true;
  }

  function hideSoon() {
    if (pinned) return;
    clearTimeout(showTimer);
    clearTimeout(hideTimer);
    hideTimer = setTimeout(function () { closeTip(false); }, 300);
  }

  function initTips() {
    document.addEventListener("pointerover", function (ev) {
      if (ev.pointerType !== "mouse") return;
      var ref = markerOf(ev.target);
      if (ref) {
        clearTimeout(showTimer);
        clearTimeout(hideTimer);
        showTimer = setTimeout(function () { openTip(ref, false); }, 150);
      } else if (tip && tip.contains(ev.target)) {
        clearTimeout(hideTimer);
      }
    });
    document.addEventListener("pointerout", function (ev) {
      if (ev.pointerType !== "mouse") return;
      if (markerOf(ev.target) || (tip && tip.contains(ev.target))) hideSoon();
    });
    document.addEventListener("focusin", function (ev) {
      var ref = markerOf(ev.target);
      if (ref) openTip(ref, false);
      else if (tip && !tip.contains(ev.target) && !pinned) closeTip(false);
    });
    document.addEventListener("focusout", function (ev) {
      var next = ev.relatedTarget;
      if (!tip || (next && (tip.contains(next) || next === tipRef))) return;
      // a marker's hover-or-focus tip goes with its focus; a pinned one stays until
      // focus moves on from inside it to somewhere else on the page
      if (markerOf(ev.target)) {
        if (!pinned) closeTip(false);
      } else if (next && tip.contains(ev.target)) {
        closeTip(false);
      }
    });
    document.addEventListener("click", function (ev) {
      var ref = markerOf(ev.target);
      if (ref) {
        // a tap or click pins the evidence in place instead of jumping to the list
        ev.preventDefault();
        if (tipRef === ref && pinned) { closeTip(false); return; }
        openTip(ref, true);
        if (ev.detail === 0 && tip) {  // from the keyboard: take focus into the tip
          var first = tip.querySelector("a");
          if (first) first.focus();
        }
        return;
      }
      if (tip && !tip.contains(ev.target)) closeTip(false);
      else if (tip && ev.target.closest && ev.target.closest("a.ex-tip-more")) closeTip(false);
    });
    document.addEventListener("keydown", function (ev) {
      if (ev.key === "Escape" && tip) closeTip(true);
    });
    window.addEventListener("resize", function () { closeTip(false); });
  }

  function openForHash() {
    // an address that points into a fold (the evidence list, the years before the
    // focus) unfolds it
    var id = decodeURIComponent(window.location.hash.slice(1));
    var target = id && document.getElementById(id);
    if (!target) return;
    var opened = false;
    for (var box = target.closest("details"); box; box = box.parentElement.closest("details")) {
      if (!box.open) { box.open = true; opened = true; }
    }
    if (opened) target.scrollIntoView();
  }

  function foldPeriods(root) {
    // The years before the focus are written unfolded, for readers without the script;
    // with it, they wait folded below the focus (a link or a filter unfolds them).
    root.querySelectorAll("details.ex-period[open]").forEach(function (d) { d.open = false; });
  }

  // A claim's link copies its address; without a clipboard it is an ordinary link.
  var copiedTimer = 0;

  function permalinkOf(node) {
    return node && node.closest ? node.closest("a.ex-permalink") : null;
  }

  function announce(text) {
    var live = document.getElementById("ex-announce");
    if (!live) {
      live = document.createElement("div");
      live.id = "ex-announce";
      live.className = "ex-sr-only";
      live.setAttribute("role", "status");
      document.body.appendChild(live);
    }
    live.textContent = "";
    setTimeout(function () { live.textContent = text; }, 50);
  }

  function initPermalinks() {
    document.addEventListener("click", function (ev) {
      var link = permalinkOf(ev.target);
      if (!link || !navigator.clipboard || !window.isSecureContext) return;
      ev.preventDefault();
      var url = new URL(window.location.href);
      url.hash = link.hash;
      navigator.clipboard.writeText(url.href).then(function () {
        window.history.replaceState(window.history.state, "", url.href);
        document.querySelectorAll("a.ex-permalink[data-copied]").forEach(function (a) {
          a.removeAttribute("data-copied");
        });
        link.setAttribute("data-copied", "");
        clearTimeout(copiedTimer);
        copiedTimer = setTimeout(function () { link.removeAttribute("data-copied"); }, 2000);
        announce("Link to this statement copied");
      }, function () {
        window.location.hash = link.hash;  // no permission: go to the claim instead
      });
    });
  }

  function labelSearch() {
    // Material's search dialog has no accessible name of its own
    var dialog = document.querySelector(".md-search[role=dialog]");
    if (dialog && !dialog.hasAttribute("aria-label")) dialog.setAttribute("aria-label", "Search");
  }

  function init() {
    closeTip(false);
    foldPeriods(document);
    openForHash();
    labelSearch();
    initFilters(document);
    initMap(document);
  }

  initTips();
  initPermalinks();
  window.addEventListener("hashchange", openForHash);
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details.ex-evidence, details.ex-period").forEach(function (d) {
      d.open = true;
    });
  });

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
