/* The site's search worker. Material for MkDocs runs its search in a web worker and
 * talks to it in four messages (SETUP, READY, QUERY, RESULT); this worker keeps that
 * protocol, so the header box, keyboard use, result list and highlighting stay the
 * theme's, but answers from the index cut into small files at build time
 * (src/explainer/searchindex.py): a query fetches the term file for the first two
 * letters of each word, then only the sections it shows. Nothing is indexed in the
 * browser, so the first result does not wait for the whole site to download. */
"use strict";

var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
// Sections shown with their text; further matching pages are listed by title only,
// so a common word costs a few small files, not one per match.
var SHOWN = 20;

var manifest = null;
var base = "";
var terms = new Set();
var stop = new Set();
var latest = 0;
var cache = new Map();

function fold(text) {
  // must match fold() in searchindex.py
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

function words(text) {
  return (fold(text).match(/[\p{L}\p{N}]+/gu) || []).filter(function (w) {
    return Array.from(w).length > 1 && !stop.has(w);
  });
}

function termKey(word) {
  return Array.from(word).slice(0, 2).map(function (c) {
    return /^[a-z0-9]$/.test(c) ? c : "_" + c.codePointAt(0).toString(16);
  }).join("");
}

function load(path) {
  if (!cache.has(path)) {
    cache.set(path, fetch(base + path).then(function (r) {
      if (!r.ok) throw new Error(path + ": " + r.status);
      return r.json();
    }).catch(function (err) {
      cache.delete(path); // a failed fetch is tried again by the next query
      throw err;
    }));
  }
  return cache.get(path);
}

function escapeHTML(text) {
  return text.replace(/[&<>"']/g, function (c) {
    return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
  });
}

function matches(word, query) {
  var folded = fold(word);
  return query.some(function (q) { return folded.startsWith(q); });
}

// The text, escaped, with every word that starts with a query term in <mark>; with a
// length, only a window of about that many characters around the first match.
function highlight(text, query, length) {
  var re = /[\p{L}\p{N}\p{M}]+/gu, found = [], m;
  while ((m = re.exec(text)) !== null) {
    if (matches(m[0], query)) found.push([m.index, m.index + m[0].length]);
  }
  var start = 0, end = text.length;
  if (length && text.length > length) {
    var at = found.length ? found[0][0] : 0;
    start = Math.max(0, at - Math.floor(length / 3));
    if (start > 0) start = text.indexOf(" ", start) + 1 || start;
    end = Math.min(text.length, start + length);
    if (end < text.length) end = text.lastIndexOf(" ", end) > start ? text.lastIndexOf(" ", end) : end;
  }
  var out = start > 0 ? "… " : "", pos = start;
  found.forEach(function (f) {
    if (f[0] < start || f[1] > end) return;
    out += escapeHTML(text.slice(pos, f[0])) + "<mark>" + escapeHTML(text.slice(f[0], f[1])) + "</mark>";
    pos = f[1];
  });
  out += escapeHTML(text.slice(pos, end)) + (end < text.length ? " …" : "");
  return out;
}

// section number -> [weight] for every indexed word that starts with the term
function postings(term, file) {
  var found = new Map();
  Object.keys(file).forEach(function (word) {
    if (!word.startsWith(term)) return;
    var flat = file[word], n = 0;
    for (var i = 0; i < flat.length; i += 2) {
      n += flat[i];
      found.set(n, Math.max(found.get(n) || 0, flat[i + 1]));
    }
  });
  return found;
}

function pageOf(section) {
  var pages = manifest.pages, lo = 0, hi = pages.length - 1;
  while (lo < hi) {
    var mid = (lo + hi + 1) >> 1;
    if (pages[mid][2] <= section) lo = mid; else hi = mid - 1;
  }
  return pages[lo];
}

async function search(text, ticket) {
  var query = Array.from(new Set(words(text)));
  if (!query.length) return { items: [] };
  var files = await Promise.all(query.map(function (term) {
    var key = termKey(term);
    return terms.has(key) ? load(manifest.folder + "/t/" + key + ".json") : {};
  }));
  if (ticket !== latest) return null; // the reader has typed on: answer the newer query
  var total = manifest.sections, scores = new Map();
  query.forEach(function (term, i) {
    var found = postings(term, files[i]);
    var idf = Math.log(1 + total / (found.size || 1));
    found.forEach(function (weight, n) {
      var s = scores.get(n) || { n: n, score: 0, hits: {} };
      // weight: twice the count in the text, plus one for a word of the title, which
      // counts as much as many mentions in the text (Material boosts titles likewise)
      var count = weight >> 1;
      s.score += idf * (count / (count + 1.2) + 2 * (weight & 1));
      s.hits[term] = true;
      scores.set(n, s);
    });
  });
  // sections holding every word first, then by weight, as Material ranks them
  var ranked = Array.from(scores.values()).map(function (s) {
    var share = Object.keys(s.hits).length / query.length;
    s.matched = share;
    s.score *= 1 + share * share;
    return s;
  }).sort(function (a, b) { return b.matched - a.matched || b.score - a.score || a.n - b.n; });
  var shown = ranked.slice(0, SHOWN);
  var chunks = await Promise.all(shown.map(function (s) {
    return load(manifest.folder + "/d/" + Math.floor(s.n / manifest.per_file) + ".json");
  }));
  if (ticket !== latest) return null;
  var groups = new Map();
  function group(page) {
    if (!groups.has(page[0])) groups.set(page[0], { page: page, items: [] });
    return groups.get(page[0]);
  }
  function hitsOf(s) {
    var out = {};
    query.forEach(function (term) { out[term] = !!s.hits[term]; });
    return out;
  }
  shown.forEach(function (s, i) {
    var doc = chunks[i][s.n % manifest.per_file];
    group(pageOf(s.n)).items.push({
      location: doc[0], title: highlight(doc[1], query), text: highlight(doc[2], query, 240),
      score: s.score, terms: hitsOf(s)
    });
  });
  ranked.slice(SHOWN).forEach(function (s) {
    var page = pageOf(s.n), g = group(page);
    if (!g.items.length) {
      g.items.push({
        location: page[0], title: highlight(page[1], query), text: "",
        score: s.score, terms: hitsOf(s)
      });
    }
  });
  // every group needs its page's own entry: Material renders it as the group's heading
  var items = [];
  groups.forEach(function (g) {
    if (!g.items.some(function (d) { return d.location === g.page[0]; })) {
      g.items.push({
        location: g.page[0], title: escapeHTML(g.page[1]), text: "", score: 0, terms: {}
      });
    }
    items.push(g.items);
  });
  return { items: items };
}

addEventListener("message", function (ev) {
  var message = ev.data;
  if (message.type === SETUP) {
    manifest = message.data.config.chunked;
    base = new URL("../search/", self.location.href).href;
    terms = new Set(manifest.terms);
    stop = new Set(manifest.stop_words);
    postMessage({ type: READY });
  } else if (message.type === QUERY) {
    var ticket = ++latest;
    search(message.data, ticket).then(function (result) {
      if (result) postMessage({ type: RESULT, data: result });
    }, function (err) {
      console.warn("Search failed: " + err.message);
      if (ticket === latest) postMessage({ type: RESULT, data: { items: [] } });
    });
  }
});
