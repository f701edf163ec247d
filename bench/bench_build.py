"""Benchmark of the generator at several sizes, against plain Material.

For each size it generates a synthetic valid dataset (3 claims per event), then measures:
- `explainer check` throughput (claims per second, fresh process);
- the full site build (MkDocs + Material + mkdocs-macros + explainer), and the same pages
  pre-rendered to plain Markdown built by plain Material with the site's own theme
  settings but without macros, template overrides or assets (the baseline), in the same
  run, as a ratio;
- the largest page's HTML, raw and gzipped; the search index; peak memory of the build;
- search as a reader on a phone meets it (bench_search.py): time to the first result with
  the CPU slowed 4x, and the search files fetched before it (gzipped), on the generated
  site and, for comparison, on the flagship site built the same way.
It prints a Markdown table and writes it, with the machine's description, to BENCHMARKS.md.

Usage: python bench/bench_build.py [--sizes 100 500 1000 5000] [--out BENCHMARKS.md]
       [--search-runs 3]
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml
from bench_search import THROTTLE
from bench_search import measure as measure_search

from bench_serve import measure_serve, serve_table
from explainer import load
from explainer.actorpages import plan, sync
from explainer.render import PageContext, Renderer
from synth import generate

ROOT = Path(__file__).resolve().parent.parent
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
PAGES = ("index.md", "timeline.md", "sources.md", "actors/index.md")


def timed(cmd: list[str], cwd: Path) -> tuple[float, int]:
    """Wall time and peak resident memory (KiB) of a command in its own process."""
    probe = (
        "import resource, subprocess, sys, time;"
        "t = time.perf_counter(); r = subprocess.run(sys.argv[1:]);"
        "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss);"
        "sys.exit(r.returncode)"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe, *cmd], cwd=cwd, env=ENV, capture_output=True, text=True,
        check=False,
    )  # fmt: skip
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed:\n{result.stdout[-3000:]}{result.stderr[-3000:]}")
    seconds, rss = result.stdout.strip().splitlines()[-1].split()
    return float(seconds), int(rss)


def generator_project(root: Path) -> None:
    for name in ("mkdocs.yml", "macros.py"):
        shutil.copy(ROOT / name, root / name)
    # the template override and the assets come from the package, as on any site
    (root / "docs" / "actors").mkdir(parents=True)
    texts = {
        "index.md": "---\ntitle: Home\ndescription: Benchmark\n---\n\n# Home\n\n{{ stats() }}\n",
        "timeline.md": "---\ntitle: Timeline\ndescription: Benchmark\n---\n\n# Timeline\n\n"
        "{{ timeline() }}\n",
        "sources.md": "---\ntitle: Sources\ndescription: Benchmark\n---\n\n# Sources\n\n"
        "{{ source_list() }}\n",
        "actors/index.md": "---\ntitle: Actors\ndescription: Benchmark\n---\n\n# Actors\n\n"
        "{{ actor_index() }}\n",
    }
    for name, text in texts.items():
        (root / "docs" / name).write_text(text)
    sync(plan(load(root / "data", root=root), root / "docs"))
    config = (root / "mkdocs.yml").read_text()
    nav = config[config.index("\nnav:") : config.index("\nextra:")]
    (root / "mkdocs.yml").write_text(
        config.replace(nav, "\nnav:\n  - Home: index.md\n  - Timeline: timeline.md\n"
                       "  - Actors: actors/index.md\n  - Sources: sources.md\n")
    )  # fmt: skip


def baseline_project(gen: Path, root: Path) -> None:
    """The generator's pages as plain Markdown, built by plain Material: no macros."""
    ds = load(gen / "data", root=gen)
    r = Renderer(ds)
    (root / "docs" / "actors").mkdir(parents=True)
    pages = {
        "index.md": "# Home\n",
        "timeline.md": "# Timeline\n\n" + r.timeline(PageContext("timeline.md")),
        "sources.md": "# Sources\n\n" + r.sources(PageContext("sources.md")),
        "actors/index.md": "# Actors\n\n" + r.actor_index(PageContext("actors/index.md")),
    }
    for a in ds.actors:
        pages[f"actors/{a.id}.md"] = r.actor(a.id, PageContext(f"actors/{a.id}.md"))
    for part in r.parts:  # a long timeline's and source list's parts, as generated
        (root / "docs" / "timeline").mkdir(exist_ok=True)
        pages[part.path] = r.timeline_part(part.key, PageContext(part.path))
    for part in r.source_parts:
        (root / "docs" / "sources").mkdir(exist_ok=True)
        pages[part.path] = r.source_part(part.key, PageContext(part.path))
    for name, text in pages.items():
        (root / "docs" / name).write_text(text)
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text().replace("!ENV ", ""))
    # Material as the site configures it (features, palette, extensions, link validation):
    # what differs is only what the generator adds, its macros, template and assets.
    theme = {k: v for k, v in config["theme"].items() if k != "custom_dir"}
    plain = {
        "site_name": config["site_name"],
        "site_description": config["site_description"],
        "site_url": config["site_url"][1],
        "theme": theme,
        "markdown_extensions": config["markdown_extensions"],
        "plugins": ["search"],
        "validation": config["validation"],
        "nav": [{"Home": "index.md"}, {"Timeline": "timeline.md"},
                {"Actors": "actors/index.md"}, {"Sources": "sources.md"}],
    }  # fmt: skip
    (root / "mkdocs.yml").write_text(yaml.safe_dump(plain))


def largest_page(site: Path) -> tuple[str, int, int]:
    pages = [(p.stat().st_size, p) for p in site.rglob("*.html")]
    size, path = max(pages)
    return str(path.relative_to(site)), size, len(gzip.compress(path.read_bytes()))


def search_bytes(site: Path) -> int:
    """All the search files of a built site (the index and its parts), uncompressed."""
    return sum(p.stat().st_size for p in (site / "search").rglob("*") if p.is_file())


def search_columns(site: Path, runs: int) -> dict[str, object]:
    if not runs:
        return {}
    run = measure_search(site, runs)
    return {"search_s": run.seconds, "search_kb": run.search_kb}


def flagship_search(tmp: Path, runs: int) -> dict[str, object]:
    """The real site, built as `make build` builds it, searched the same way."""
    site = tmp / "flagship"
    timed([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)], ROOT)
    return search_columns(site, runs)


def measure(
    events: int, tmp: Path, repeat: int, search_runs: int, serve_edits: int = 0
) -> dict[str, object]:
    gen, base = tmp / f"gen-{events}", tmp / f"base-{events}"
    info = generate(gen, events)
    check_s, _ = timed([sys.executable, "-m", "explainer.cli", "check"], gen)
    generator_project(gen)
    base.mkdir()
    baseline_project(gen, base)
    mkdocs = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir"]
    # best of `repeat`, the two builds taking turns, so a busy moment on the machine
    # does not land on one side of the ratio only
    builds, bases = [], []
    for _ in range(repeat):
        builds.append(timed([*mkdocs, str(gen / "site")], gen))
        bases.append(timed([*mkdocs, str(base / "site")], base))
    build_s, build_rss = min(builds)
    base_s, base_rss = min(bases)
    page, raw, gz = largest_page(gen / "site")
    serve = measure_serve(gen, events, serve_edits, tmp) if serve_edits else {}
    return {
        **serve,
        **search_columns(gen / "site", search_runs),
        "events": events,
        "claims": info["claims"],
        "check_cps": info["claims"] / check_s,
        "build_s": build_s,
        "baseline_s": base_s,
        "ratio": build_s / base_s,
        "page": page,
        "page_kb": raw / 1024,
        "page_gz_kb": gz / 1024,
        "index_kb": search_bytes(gen / "site") / 1024,
        "rss_mb": build_rss / 1024,
        "base_rss_mb": base_rss / 1024,
    }


def table(rows: list[dict[str, object]]) -> str:
    head = (
        "| Events | Claims | check (claims/s) | Build (s) | Plain Material (s) | Ratio | "
        "Largest page | HTML (KB) | gzip (KB) | Search index (KB) | Peak RSS build / plain (MB) |\n"
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n"
    )
    return head + "".join(
        f"| {r['events']:,} | {r['claims']:,} | {r['check_cps']:,.0f} | {r['build_s']:.1f} | "
        f"{r['baseline_s']:.1f} | {r['ratio']:.2f} | {r['page']} | {r['page_kb']:,.0f} | "
        f"{r['page_gz_kb']:,.0f} | {r['index_kb']:,.0f} | {r['rss_mb']:,.0f} / "
        f"{r['base_rss_mb']:,.0f} |\n"
        for r in rows
    )


def growth(rows: list[dict[str, object]]) -> str:
    """How build time grows between sizes (linear growth: the ratio of times is at most
    a little over the ratio of events)."""
    lines = []
    for small, large in itertools.pairwise(rows):
        t = large["build_s"] / small["build_s"]  # type: ignore[operator]
        n = large["events"] / small["events"]  # type: ignore[operator]
        lines.append(
            f"- build({large['events']:,}) / build({small['events']:,}) = {t:.1f} "
            f"for {n:.0f}x the events\n"
        )
    by_size = {r["events"]: r for r in rows}
    if 500 in by_size and 5000 in by_size:
        t = by_size[5000]["build_s"] / by_size[500]["build_s"]  # type: ignore[operator]
        lines.append(f"- build(5,000) / build(500) = {t:.1f} (target at most 11)\n")
    return "".join(lines)


def search_table(rows: list[dict[str, object]], flagship: dict[str, object]) -> str:
    """Search on a phone: the generated sites beside the flagship, and the targets (at
    5,000 events: within 1.5x the flagship's time, at most 300 KB fetched)."""
    if not flagship:
        return ""
    head = (
        "| Site | First result (s) | Search files before it (KB, gzip) |\n| --- | --- | --- |\n"
        f"| flagship | {flagship['search_s']:.2f} | {flagship['search_kb']:,.0f} |\n"
    )
    body = "".join(
        f"| {r['events']:,} events | {r['search_s']:.2f} | {r['search_kb']:,.0f} |\n" for r in rows
    )
    lines = []
    for r in rows:
        ratio = r["search_s"] / flagship["search_s"]  # type: ignore[operator]
        lines.append(
            f"- {r['events']:,} events: {ratio:.2f}x the flagship's time (target at most "
            f"1.5), {r['search_kb']:,.0f} KB before the first result (target at most 300)\n"
        )
    return head + body + "\n" + "".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 500, 1000, 5000])
    parser.add_argument("--out", type=Path, default=ROOT / "BENCHMARKS.md")
    parser.add_argument("--repeat", type=int, default=3, help="builds per size; best is kept")
    parser.add_argument(
        "--search-runs", type=int, default=3,
        help="searches per site in Chromium, the median kept; 0 skips the search columns",
    )  # fmt: skip
    parser.add_argument(
        "--serve-edits", type=int, default=3,
        help="claim edits timed under `make serve` per size (0: skip the editing loop)",
    )  # fmt: skip
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        flagship = flagship_search(Path(tmp), args.search_runs)
        for n in args.sizes:
            t = time.perf_counter()
            rows.append(measure(n, Path(tmp), args.repeat, args.search_runs, args.serve_edits))
            print(f"{n} events measured in {time.perf_counter() - t:.0f} s", file=sys.stderr)
    machine = (
        f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}"
    )
    text = (
        "# Benchmarks\n\nGenerated by `make bench` (bench/bench_build.py); "
        f"best of {args.repeat} builds at each size, generator and baseline taking turns. "
        "The baseline is the same pages, rendered to Markdown beforehand, built by Material "
        "with the site's own theme settings and Markdown extensions but without "
        "mkdocs-macros, the template override or the explainer's assets.\n\n"
        f"Machine: {machine}.\n\n" + table(rows)
    )
    text += "\n" + growth(rows)
    if flagship:
        text += (
            "\n## Search on a phone\n\nMeasured by bench/bench_search.py: headless Chromium "
            f"with the CPU slowed {THROTTLE}x, the site served locally with gzip, the query "
            '"Panjgur" typed as soon as the page is parsed; the time from the start of '
            "navigation to the first result holding the query word, and the search files "
            f"(index, its parts, the search worker) fetched before it. Median of "
            f"{args.search_runs} visits.\n\n" + search_table(rows, flagship)
        )
    if loop := serve_table(rows):
        text += (
            "\n## Editing loop\n\nSeconds from saving a one-claim change to data/events.yaml "
            "until the served page holds it (polled over HTTP; the server answers only once "
            f"its rebuild is done), median of {args.serve_edits} edits, under `make serve` "
            "(`mkdocs serve --dirty`: only the pages the change touches are rebuilt) and under "
            "plain `mkdocs serve` (every page rebuilt, one edit). Target: at most a quarter "
            "of a full build.\n\n" + loop
        )
    print(text)
    if args.out:
        args.out.write_text(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
