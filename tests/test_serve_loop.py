"""The real editing loop: `mkdocs serve --dirty` (as `make serve` runs it) on a small
generated explainer, edited as a writer would. After each change, every page served
is the page a clean build of the same data makes; a data error shows its positioned
message in the terminal and nothing of the broken data is served.

Bounded waits only: how fast the loop is, is measured by `make bench`, not here."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))
from bench_build import generator_project
from serveloop import ENV, Server, replace_once
from synth import generate

TIMEOUT = 300.0  # seconds: generous, for a busy machine
# What the development server adds to every HTML page it serves.
_LIVERELOAD = re.compile(r"<script>(?:(?!</script>).)*</script>(?=</body>)", re.S)


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("served")
    generate(root, 30)
    generator_project(root)
    return root


@pytest.fixture(scope="module")
def server(project: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    log = tmp_path_factory.mktemp("log") / "serve.log"
    with Server(project, log, dirty=True) as s:
        s.wait_for("actors/", lambda t: "Actor0001" in t, TIMEOUT)
        s.wait_for_log("Watching paths for changes", TIMEOUT)
        yield s


def clean_build(project: Path, server: Server, out: Path) -> Path:
    """A clean build of the project as it is now, with the server's URLs."""
    env = {**ENV, "SITE_URL": server.url("")}
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(out)],
        cwd=project, env=env, check=True, capture_output=True, timeout=TIMEOUT,
    )  # fmt: skip
    return out


def served_equals_clean_build(project: Path, server: Server, out: Path) -> None:
    site = clean_build(project, server, out)
    pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))
    assert len(pages) > 20
    for rel in pages:
        url = rel.removesuffix("index.html")
        served = server.get(url, timeout=TIMEOUT)
        assert served is not None, url
        assert _LIVERELOAD.sub("", served) == (site / rel).read_bytes().decode("utf-8"), url
    assert search_sections(server.get) == search_sections(
        lambda path, timeout: (site / path).read_bytes().decode("utf-8")
    )
    for name in os.listdir(site / "downloads"):
        served = server.get(f"downloads/{name}", timeout=TIMEOUT)
        assert served == (site / "downloads" / name).read_bytes().decode("utf-8"), name


def search_sections(get: Callable[..., str | None]) -> tuple[list[str], list[str]]:
    """Every page and every section the site's search finds, in any order: a dirty build
    lists the pages it rebuilt last, a clean build in page order."""
    index = json.loads(get("search/search_index.json", timeout=TIMEOUT) or "{}")
    chunked = index["config"]["chunked"]
    sections: list[str] = []
    for n in range(-(-chunked["sections"] // chunked["per_file"])):
        chunk = get(f"search/{chunked['folder']}/d/{n}.json", timeout=TIMEOUT)
        assert chunk is not None
        sections += [json.dumps(s) for s in json.loads(chunk)]
    pages = [json.dumps(p[:2]) for p in chunked["pages"]]
    return sorted(pages), sorted(sections)


def edited(server: Server, page: str, marker: str) -> None:
    server.wait_for(page, lambda t: marker in t, TIMEOUT)


def test_edits_reach_every_page_that_shows_them(
    project: Path, server: Server, tmp_path: Path
) -> None:
    data = project / "data"
    # a claim: its event's page and the source list that quotes the claim
    replace_once(
        data / "events.yaml",
        "Actor0012 said several people were hurt near Turbat, according to officials",
        "Actor0012 said several people were hurt near Turbat, according to local officials",
    )
    edited(server, "timeline/", "according to local officials")
    served_equals_clean_build(project, server, tmp_path / "claim")

    # an actor's name: its page, the actor index, the timeline's filters and event lines
    replace_once(data / "actors.yaml", "name: Actor0003", "name: Zeta Front")
    edited(server, "actors/actor-0003/", "Zeta Front")
    served_equals_clean_build(project, server, tmp_path / "actor")

    # a publisher: every citation of its sources
    text = (data / "sources.yaml").read_text(encoding="utf-8")
    (data / "sources.yaml").write_text(
        text.replace("publisher: Publisher 5\n", "publisher: Quill Post\n")
    )
    edited(server, "sources/", "Quill Post")
    served_equals_clean_build(project, server, tmp_path / "publisher")

    # a new actor: its page source is written, and its page and the index are served
    with (data / "actors.yaml").open("a", encoding="utf-8") as f:
        f.write("- id: actor-new\n  name: Omega Group\n  kind: organisation\n  claims: []\n")
    edited(server, "actors/actor-new/", "Omega Group")
    assert (project / "docs" / "actors" / "actor-new.md").exists()
    served_equals_clean_build(project, server, tmp_path / "new-actor")


def test_a_data_error_stops_the_update_until_it_is_fixed(
    project: Path, server: Server, tmp_path: Path
) -> None:
    events = project / "data" / "events.yaml"
    before = server.output()
    # a claim with a figure no quote holds (E021), on a known line
    replace_once(events, "Actor0020 said several people", "Actor0020 said 77 people")
    line = next(
        n for n, text in enumerate(events.read_text(encoding="utf-8").splitlines(), 1)
        if "Actor0020 said 77 people" in text
    )  # fmt: skip
    out = server.wait_for_log("data error", TIMEOUT, after=len(before))
    assert re.search(rf"data/events\.yaml:{line}:\d+: E021 ", out), out
    # the server holds its pages while the build is broken; nothing broken is served
    page = server.get("timeline/", timeout=3)
    assert page is None or "said 77 people" not in page

    replace_once(events, "Actor0020 said 77 people", "Actor0020 said some people")
    edited(server, "timeline/", "Actor0020 said some people")
    served_equals_clean_build(project, server, tmp_path / "fixed")
