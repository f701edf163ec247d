"""The editing loop: seconds from saving a one-claim change to data/events.yaml until
the served page shows it, under `mkdocs serve --dirty` (what `make serve` runs) and,
for comparison, under plain `mkdocs serve`, which rebuilds the whole site each time.

Measured over HTTP: the development server holds every request while it rebuilds, so
the clock stops at the first answer for the event's page that holds the new wording.
That includes the server noticing the save (it waits for writes to settle) and the
whole rebuild; the browser's own reload is left out. Median of several edits, each a
different wording of the same claim of an event in the middle of the timeline.
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path

from explainer import load
from explainer.deps import site_url
from explainer.parts import event_pages, timeline_parts
from serveloop import Server

# Each edit says the same in slightly other words, so the data stays valid.
WORDINGS = ("the officials", "local officials", "senior officials", "regional officials")
PLAIN = "according to officials"
START_TIMEOUT = 1800.0  # a first build at 5,000 events on a busy machine
EDIT_TIMEOUT = 900.0


def target(project: Path, events: int) -> tuple[str, str]:
    """The id of an event in the middle of the timeline, and the served page showing it."""
    ds = load(project / "data", root=project)
    event_id = f"event-{events // 2:05d}"
    return event_id, site_url(event_pages(ds, timeline_parts(ds))[event_id])


def edit_claim(events_yaml: Path, event_id: str, old: str, new: str) -> None:
    """Reword the event's first claim (old -> new), saving the file in one write."""
    text = events_yaml.read_text(encoding="utf-8")
    start = text.index(f"- id: {event_id}\n")
    at = text.index(old, start)
    events_yaml.write_text(text[:at] + new + text[at + len(old) :], encoding="utf-8")


def save_to_reload(project: Path, events: int, edits: int, dirty: bool, log: Path) -> float:
    """Median seconds from saving a claim's new wording to the served page holding it."""
    event_id, page = target(project, events)
    data = project / "data" / "events.yaml"
    times = []
    with Server(project, log, dirty=dirty) as server:
        server.wait_for(page, lambda t: event_id in t, START_TIMEOUT)
        time.sleep(2)  # let the file watcher settle after the first build
        current = PLAIN
        for k in range(edits):
            wording = f"according to {WORDINGS[k % len(WORDINGS)]}"
            marker = f"{wording} who spoke"
            edit_claim(data, event_id, current, wording)
            times.append(server.wait_for(page, lambda t, m=marker: m in t, EDIT_TIMEOUT))
            current = wording
            time.sleep(1)
        edit_claim(data, event_id, current, PLAIN)  # leave the data as generated
    return statistics.median(times)


def measure_serve(project: Path, events: int, edits: int, tmp: Path) -> dict[str, float]:
    """Save-to-reload with the incremental loop and with full rebuilds."""
    fast = save_to_reload(project, events, edits, True, tmp / f"serve-dirty-{events}.log")
    full = save_to_reload(project, events, 1, False, tmp / f"serve-full-{events}.log")
    return {"reload_s": fast, "reload_full_s": full}


def serve_table(rows: list[dict[str, object]]) -> str:
    """The editing loop next to the full build, per size."""
    head = (
        "| Events | Full build (s) | Save to reload, `make serve` (s) | Share of a full build | "
        "Save to reload, full rebuild (s) |\n| --- | --- | --- | --- | --- |\n"
    )
    lines = []
    for r in rows:
        if "reload_s" not in r:
            continue
        share = r["reload_s"] / r["build_s"]  # type: ignore[operator]
        lines.append(
            f"| {r['events']:,} | {r['build_s']:.1f} | {r['reload_s']:.1f} | {share:.0%} | "
            f"{r['reload_full_s']:.1f} |\n"
        )
    return head + "".join(lines) if lines else ""
