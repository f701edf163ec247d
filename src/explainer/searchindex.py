"""The site's search index cut into small static files, so a reader fetches only the part
a query needs instead of the whole index.

Material's search plugin writes every section of every page to search/search_index.json,
which the theme downloads in full and indexes in the browser before the first result:
at 5,000 events that is 18 MB. This module turns that file into
- a term index, one file per first two letters of a word (a query for "panjgur" reads
  only pa.json), mapping each word to the sections holding it and a weight;
- the sections themselves (title and plain text), sixteen to a file, fetched only for
  the results shown;
- a small search_index.json in its place: the theme's configuration, the list of pages
  and of term files. The theme still reads it; the site's search worker
  (docs/assets/explainer-search.js) reads the rest on demand.
The files sit in a folder named after a digest of their content, so a browser holding an
older deployment's files never mixes them with a newer list.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
import shutil
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

INDEX = Path("search") / "search_index.json"
DOCS_PER_FILE = 16
# Words too common to tell sections apart; the query side drops them too.
STOP_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "but",
        "by",
        "for",
        "from",
        "had",
        "has",
        "have",
        "he",
        "her",
        "his",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "of",
        "on",
        "or",
        "our",
        "she",
        "so",
        "than",
        "that",
        "the",
        "their",
        "them",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "to",
        "was",
        "we",
        "were",
        "which",
        "who",
        "will",
        "with",
        "would",
        "you",
    ]
)
_WORD = re.compile(r"[^\W_]+")
_SUP = re.compile(r"<sup\b[^>]*>.*?</sup>", re.S | re.I)
_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Summary:
    sections: int
    pages: int
    term_files: int
    folder: str


class SearchIndexError(Exception):
    """The search plugin's index is missing or not in the form this module reads."""


def fold(text: str) -> str:
    """Lower case without accents: "António" and "antonio" are one word to search.
    Must match fold() in the search worker."""
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if not unicodedata.category(c).startswith("M")).lower()


def words(text: str) -> list[str]:
    return [w for w in _WORD.findall(fold(text)) if len(w) > 1 and w not in STOP_WORDS]


def term_key(word: str) -> str:
    """The name of the term file holding a word: its first two letters, anything
    outside a-z and 0-9 written as _ and its code point in hex (safe in any URL)."""
    return "".join(c if ("a" <= c <= "z" or "0" <= c <= "9") else f"_{ord(c):x}" for c in word[:2])


def plain(fragment: str) -> str:
    """The text of an HTML fragment from the search plugin, without citation markers."""
    text = _TAG.sub(" ", _SUP.sub("", fragment))
    return _SPACE.sub(" ", html.unescape(text)).strip()


def _postings(sections: list[tuple[str, str, str]]) -> dict[str, dict[str, list[int]]]:
    """Term file key -> word -> [section, weight, section, weight, ...], sections as the
    gap from the previous one (smaller numbers, smaller files)."""
    weights: dict[str, dict[int, int]] = defaultdict(dict)
    for n, (_location, title, text) in enumerate(sections):
        # weight: twice the count in the text, plus one for a word of the title
        counts = Counter({w: 2 * c for w, c in Counter(words(text)).items()})
        for word in set(words(title)):
            counts[word] += 1
        for word, count in counts.items():
            weights[word][n] = count
    files: dict[str, dict[str, list[int]]] = defaultdict(dict)
    for word in sorted(weights):
        flat, last = [], 0
        for n, weight in sorted(weights[word].items()):
            flat += [n - last, weight]
            last = n
        files[term_key(word)][word] = flat
    return files


def _dump(path: Path, value: object) -> None:
    path.write_text(json.dumps(value, ensure_ascii=False, separators=(",", ":")), "utf-8")


def build(site_dir: Path) -> Summary | None:
    """Replace the search plugin's index in a built site by the chunked one. None when
    the site has no search index (the search plugin is off)."""
    path = site_dir / INDEX
    if not path.is_file():
        return None
    try:
        material = json.loads(path.read_text(encoding="utf-8"))
        config, docs = material["config"], material["docs"]
        if "chunked" in config:
            return None  # already converted: this build's index was written before
        sections = [(d["location"], plain(d["title"]), plain(d["text"])) for d in docs]
    except (ValueError, KeyError, TypeError) as err:
        raise SearchIndexError(
            f"{path}: not the search plugin's index ({err}); rebuild the site with "
            "`make build`, and check that mkdocs.yml lists the search plugin"
        ) from err
    # every section follows its page's own entry, in page order: the worker finds a
    # section's page by the number of the page's first section
    pages: list[list[object]] = []
    for n, (location, title, _text) in enumerate(sections):
        page = location.split("#", 1)[0]
        if not pages or pages[-1][0] != page:
            pages.append([page, title, n])
    files = _postings(sections)
    blob = json.dumps([sections, files], ensure_ascii=False, sort_keys=True).encode("utf-8")
    folder = "x" + hashlib.sha256(blob).hexdigest()[:12]
    for old in (site_dir / "search").glob("x*"):
        if old.is_dir() and old.name != folder:
            shutil.rmtree(old)
    out = site_dir / "search" / folder
    (out / "t").mkdir(parents=True, exist_ok=True)
    (out / "d").mkdir(exist_ok=True)
    for key, postings in files.items():
        _dump(out / "t" / f"{key}.json", postings)
    for start in range(0, len(sections), DOCS_PER_FILE):
        chunk = [list(s) for s in sections[start : start + DOCS_PER_FILE]]
        _dump(out / "d" / f"{start // DOCS_PER_FILE}.json", chunk)
    config["chunked"] = {
        "folder": folder,
        "sections": len(sections),
        "per_file": DOCS_PER_FILE,
        "terms": sorted(files),
        "pages": pages,
        "stop_words": sorted(STOP_WORDS),
    }
    _dump(path, {"config": config, "docs": []})
    return Summary(len(sections), len(pages), len(files), folder)
