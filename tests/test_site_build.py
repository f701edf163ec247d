"""A real strict MkDocs build of the project, and checks on the HTML it produces."""

from __future__ import annotations

import html as htmlmod
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, build, site_path, timeline_order
from explainer import lastchanged, load
from explainer.render import EVIDENCE_OPEN_LIMIT, claim_anchor

DATASET = load(ROOT / "data", root=ROOT)


def copy_project(dest: Path) -> Path:
    dest.mkdir(parents=True)
    for name in ("mkdocs.yml", "macros.py"):
        shutil.copy(ROOT / name, dest / name)
    for name in ("docs", "data"):
        shutil.copytree(ROOT / name, dest / name)
    return dest


@pytest.fixture(scope="session")
def site(built_site: Path) -> Path:
    return built_site


def html(site: Path, page: str) -> str:
    return (site / page).read_text(encoding="utf-8")


def test_core_pages_exist(site: Path) -> None:
    for page in (
        "index.html",
        "timeline/index.html",
        "sources/index.html",
        "actors/index.html",
        "background/index.html",
        "fact-check/index.html",
    ):
        assert (site / page).is_file(), page


def test_one_page_per_actor(site: Path) -> None:
    for actor in DATASET.actors:
        page = html(site, f"actors/{actor.id}/index.html")
        assert "<h1" in page and actor.name.split()[0] in page


def test_every_event_is_on_the_timeline(site: Path) -> None:
    page = html(site, "timeline/index.html")
    for event in DATASET.events:
        assert f'id="{event.id}"' in page, event.id


def _notes(page: str) -> list[tuple[str, str]]:
    """(number, quote) of every entry in the page's evidence lists, in page order."""
    return re.findall(r'<li id="note-(\d+)">.*?<q class="ex-quote">(.*?)</q>.*?</li>', page, re.S)


def test_every_claim_has_a_marker_and_an_evidence_entry_with_its_quote(site: Path) -> None:
    """Counts, not samples: each page numbers one marker and one evidence entry, carrying
    the quote, per citation, in the order of the text."""
    expected: dict[str, list[str]] = {
        "timeline/index.html": [
            c.quote for e in timeline_order(DATASET) for claim in e.claims for c in claim.cite
        ]
    }
    for ref in DATASET.claims():
        if ref.collection == "events":
            assert f'id="{claim_anchor(ref)}"' in html(site, "timeline/index.html"), ref.key
            continue
        page = {
            "events": "timeline/index.html",
            "topics": "background/index.html",
            "factchecks": "fact-check/index.html",
            "brief": "index.html",
            "figures": "index.html",
            "questions": "questions/index.html",
        }.get(ref.collection, f"actors/{ref.owner.id}/index.html")
        expected.setdefault(page, []).extend(c.quote for c in ref.claim.cite)
        assert f'id="{claim_anchor(ref)}"' in html(site, page), ref.key
    for actor in DATASET.actors:
        page = f"actors/{actor.id}/index.html"
        expected.setdefault(page, []).extend(c.quote for r in actor.relations for c in r.cite)
    for page, quotes in expected.items():
        text = html(site, page)
        notes = _notes(text)
        markers = re.findall(r'<sup class="ex-ref" id="ref-(\d+)"><a href="#note-(\d+)"', text)
        assert [n for n, _ in notes] == [str(i) for i in range(1, len(quotes) + 1)], page
        assert markers == [(n, n) for n, _ in notes], page
        for (_, shown), quote in zip(notes, quotes, strict=True):
            assert htmlmod.unescape(shown) == " ".join(quote.split()), page


def test_long_evidence_lists_start_folded_and_short_ones_open(site: Path) -> None:
    cites = sum(len(c.cite) for e in DATASET.events for c in e.claims)
    assert cites > EVIDENCE_OPEN_LIMIT
    timeline = html(site, "timeline/index.html")
    assert timeline.count('<details class="ex-evidence">') == 1
    assert f"<summary>Evidence: {cites} quoted passages</summary>" in timeline
    iran = DATASET.actor_by_id["iran"]
    short = sum(len(c.cite) for c in iran.claims) + sum(len(r.cite) for r in iran.relations)
    assert 0 < short <= EVIDENCE_OPEN_LIMIT
    page = html(site, "actors/iran/index.html")
    assert page.count('<details class="ex-evidence" open>') == 1


def test_sources_page_lists_every_source_with_backlinks(site: Path) -> None:
    page = html(site, "sources/index.html")
    for src in DATASET.sources:
        assert f'id="{src.id}"' in page
    assert page.count("Cited by") == len(DATASET.sources)


def test_footnote_links_carry_text_fragment_and_archive(site: Path) -> None:
    page = html(site, "timeline/index.html")
    assert "#:~:text=" in page
    assert 'href="https://web.archive.org/web/' in page


def test_actor_names_link_to_actor_pages(site: Path) -> None:
    page = html(site, "timeline/index.html")
    assert re.search(r'<a href="\.\./actors/iran/">Iran</a>', page)


def test_no_external_fonts(site: Path) -> None:
    assert "fonts.googleapis.com" not in html(site, "index.html")


def test_build_fails_closed_on_a_data_error(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    first = sorted((project / "data" / "captures").iterdir())[0]
    first.unlink()
    result = build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "E033" in result.stdout + result.stderr
    assert not (tmp_path / "site" / "index.html").exists()


def test_build_fails_on_a_broken_macro(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    (project / "docs" / "timeline.md").write_text("{{ no_such_macro() }}\n")
    result = build(project, tmp_path / "site")
    assert result.returncode != 0


@pytest.mark.parametrize(
    "link", ["[x](timeline.md#no-such-event)", "[x](no-such-page.md)", "[x](actors/nobody.md)"]
)
def test_build_fails_on_a_broken_internal_link_or_anchor(tmp_path: Path, link: str) -> None:
    project = copy_project(tmp_path / "p")
    page = project / "docs" / "methodology.md"
    page.write_text(page.read_text() + f"\n\nSee {link}.\n")
    result = build(project, tmp_path / "site")
    assert result.returncode != 0, link
    assert "no-such" in result.stderr or "nobody" in result.stderr


def test_make_build_leaves_no_site_when_the_build_fails(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    shutil.copy(ROOT / "Makefile", project / "Makefile")
    page = project / "docs" / "methodology.md"
    page.write_text(page.read_text() + "\n\nSee [x](timeline.md#no-such-event).\n")
    (project / "site").mkdir()
    (project / "site" / "stale.html").write_text("old")
    make = ["make", "-C", str(project), "build", f"BIN={ROOT / '.venv' / 'bin'}", "STAMP=",
            "VENDOR="]  # fmt: skip
    result = subprocess.run(make, capture_output=True, text=True, check=False)
    assert result.returncode != 0
    assert not (project / "site").exists() and not (project / "site.partial").exists()
    page.write_text(page.read_text().replace("#no-such-event", ""))
    result = subprocess.run(make, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert (project / "site" / "timeline" / "index.html").exists()


def test_a_long_timeline_builds_as_an_overview_and_parts(tmp_path: Path) -> None:
    """A strict build (every link checked) of 600 synthetic events and 1,200 sources:
    above both part limits."""
    sys.path.insert(0, str(ROOT / "bench"))
    from bench_build import generator_project
    from synth import generate

    project = tmp_path / "p"
    generate(project, 600)
    generator_project(project)
    for folder in ("timeline", "sources"):
        names = sorted(p.name for p in (project / "docs" / folder).glob("*.md"))
        assert names == ["2020.md", "2021.md"], folder
    result = build(project, tmp_path / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    site = tmp_path / "site"
    overview = html(site, "timeline/index.html")
    assert overview.count('class="ex-event ex-brief"') == 600
    assert '<a href="2021/#event-00400">' in overview
    part = html(site, "timeline/2021/index.html")
    assert part.count('<div class="ex-event"') == 600 - 366
    assert 'id="event-00400"' in part and "<title>Timeline: 2021" in part
    actor = html(site, "actors/actor-0000/index.html")
    assert '<a href="../../timeline/2020/#event-00000">' in actor
    sources = html(site, "sources/2021/index.html")
    assert "<title>Sources: 2021" in sources
    assert '<a href="../../timeline/2021/#claim-event-00400-1">' in sources
    assert sources.count("Cited by 3 claims") == sum(
        1 for p in (project / "data" / "captures").iterdir()
    ) - html(site, "sources/2020/index.html").count("Cited by 3 claims")


def test_generated_pages_are_titled_after_their_subject(site: Path) -> None:
    for actor in DATASET.actors:
        page = html(site, f"actors/{actor.id}/index.html")
        assert f"<title>{htmlmod.escape(actor.name)} - " in page, actor.id


@pytest.mark.parametrize(
    ("page", "source", "uses_data", "title"),
    [
        ("index.html", "index.md", True, ""),
        ("timeline/index.html", "timeline.md", True, "“Timeline”, "),
        ("actors/iran/index.html", "actors/iran.md", True, "“Iran”, "),
        ("contributing/index.html", "contributing.md", True, "“Contributing”, "),  # rule table
        ("methodology/index.html", "methodology.md", False, "“Method”, "),
    ],
)
def test_every_page_says_when_it_last_changed_and_how_to_cite_it(
    site: Path, page: str, source: str, uses_data: bool, title: str
) -> None:
    history = lastchanged.read(ROOT)
    assert history is not None
    data = history.data_files("data") if uses_data else []
    day = history.last_changed(lastchanged.page_sources(source, "docs", data))
    assert day is not None
    text = html(site, page)
    when = f"{day.day} {day:%B %Y}"
    assert f'Last changed <time datetime="{day.isoformat()}">{when}</time>.' in text
    cite = re.search(r'<p class="ex-cite">(.*?)</p>', text, re.S)
    assert cite, page
    words = " ".join(re.sub(r"<[^>]+>", "", cite.group(1)).split())
    url = f"https://example.github.io{site_path()}{page.removesuffix('index.html')}"
    assert words == (
        f"Cite this page: {title}Iran–Pakistan, January 2024: a sourced explainer, {url}, "
        f"last changed {when}."
    )
