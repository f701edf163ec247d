"""A real strict MkDocs build of the project, and checks on the HTML it produces."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import ROOT, build
from explainer import load
from explainer.render import claim_anchor

DATASET = load(ROOT / "data", root=ROOT)


def copy_project(dest: Path) -> Path:
    dest.mkdir(parents=True)
    for name in ("mkdocs.yml", "macros.py"):
        shutil.copy(ROOT / name, dest / name)
    for name in ("docs", "data", "overrides"):
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


def _footnotes(page: str) -> list[str]:
    return re.findall(r'<li id="fn:[^"]+">(.*?)</li>', page, re.S)


def test_every_claim_has_a_footnote_with_its_quote(site: Path) -> None:
    """Counts, not samples: each page shows one footnote, with its quote, per citation."""
    expected: dict[str, list[str]] = {}
    for ref in DATASET.claims():
        page = {
            "events": "timeline/index.html",
            "topics": "background/index.html",
            "factchecks": "fact-check/index.html",
        }.get(ref.collection, f"actors/{ref.owner.id}/index.html")
        expected.setdefault(page, []).extend(c.quote for c in ref.claim.cite)
        assert f'id="{claim_anchor(ref)}"' in html(site, page), ref.key
    for actor in DATASET.actors:
        page = f"actors/{actor.id}/index.html"
        expected.setdefault(page, []).extend(c.quote for r in actor.relations for c in r.cite)
    for page, quotes in expected.items():
        notes = _footnotes(html(site, page))
        assert len(notes) == len(quotes), page
        assert all('<q class="ex-quote">' in n for n in notes), page


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
