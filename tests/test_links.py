"""Crawl the built site: every internal link and anchor resolves, and external links
opened from data carry rel="noopener noreferrer"."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from conftest import site_path
from explainer.csp import inline_script_hashes, policy, with_policy


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[dict[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "a" and "name" in a:
            self.ids.add(a["name"])
        if tag in ("a", "link") and "href" in a:
            self.links.append({"tag": tag, **a})


def parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def broken_links(site: Path, prefix: str) -> tuple[list[str], int]:
    """Internal links whose file or anchor is missing, and how many links were checked."""
    pages = {p: parse(p) for p in site.rglob("*.html")}
    broken: list[str] = []
    checked = 0
    for path, page in pages.items():
        base = "file://" + str(path)
        for link in page.links:
            href = link["href"]
            if re.match(r"^(https?:|mailto:|data:)", href) or href.startswith("#:~"):
                continue
            if href.startswith(prefix):  # absolute links (the 404 page) start at the site path
                href = "file://" + str(site) + "/" + href[len(prefix) :]
            target = urlsplit(urljoin(base, href))
            file = Path(unquote(target.path))
            if file.is_dir():
                file = file / "index.html"
            checked += 1
            if not file.exists():
                broken.append(f"{path.relative_to(site)}: {link['href']}")
                continue
            fragment = unquote(target.fragment)
            if fragment and file.suffix == ".html" and fragment not in pages[file].ids:
                broken.append(f"{path.relative_to(site)}: {link['href']} (no anchor)")
    return broken, checked


def test_every_internal_link_and_anchor_resolves(built_site: Path) -> None:
    broken, checked = broken_links(built_site, site_path())
    assert checked > 1000
    assert not broken, "\n".join(broken[:50])


def test_crawler_finds_planted_breakage(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "index.html").write_text(
        '<a href="a/">ok</a> <a href="a/#here">ok</a> <a href="a/#gone">x</a> '
        '<a href="missing/">x</a> <a href="/site/a/">ok</a> <a href="https://e.org/">ext</a>'
    )
    (tmp_path / "a" / "index.html").write_text('<h2 id="here">H</h2>')
    broken, checked = broken_links(tmp_path, "/site/")
    assert checked == 5
    assert broken == ["index.html: a/#gone (no anchor)", "index.html: missing/"]


def test_external_links_from_data_do_not_leak_the_opener(built_site: Path) -> None:
    page = parse(built_site / "timeline" / "index.html")
    external = [
        link for link in page.links
        if link["tag"] == "a" and link["href"].startswith("http")
        and "ex-" in link.get("class", "")
    ]  # fmt: skip
    assert external
    assert all("noopener" in link.get("rel", "") and "noreferrer" in link.get("rel", "")
               for link in external)  # fmt: skip


def test_every_page_has_a_policy(built_site: Path) -> None:
    for path in built_site.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        assert text.count('http-equiv="Content-Security-Policy"') == 1, path


def test_policy_hashes_inline_scripts_but_not_data_blocks() -> None:
    html = (
        "<html><head><script>a()</script></head><body>"
        '<script type="application/ld+json">{"x":1}</script>'
        '<script src="x.js"></script></body></html>'
    )
    hashes = inline_script_hashes(html)
    assert len(hashes) == 1
    out = with_policy(html)
    assert out.startswith('<html><head>\n<meta http-equiv="Content-Security-Policy"')
    assert f"'sha256-{hashes[0]}'" in policy(hashes)
    assert "unsafe-inline" not in policy(hashes).split("style-src")[0]
