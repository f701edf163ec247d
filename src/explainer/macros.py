"""The bridge to mkdocs-macros: the only module that knows it runs inside MkDocs.

The dataset is loaded and checked once per build. Any check error stops the
build (fail closed): a site with an unsupported claim is never produced.
"""

from __future__ import annotations

import dataclasses
import gc
import html
import logging
import shutil
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

from . import csp, lastchanged, searchindex
from .actorpages import plan, sync
from .check import auto_jobs, check
from .deps import handwritten_pages
from .export import downloads
from .focus import Focus, FocusError, from_options
from .forked import Done, beside
from .gcpause import paused
from .incremental import (
    Rebuild,
    Served,
    config_signature,
    forget,
    merge_search,
    reuse_passages,
)
from .load import load
from .model import Dataset
from .problems import Problem, Severity
from .render import PageContext, Renderer, human_date
from .render_home import HomeRenderer
from .rules import rules_markdown

# mkdocs-macros lists its module, functions, variables and macros at INFO on every build;
# `mkdocs serve` should show a contributor the address, data errors and rebuilds, not
# that inventory. Its warnings and errors still come through.
logging.getLogger("mkdocs.plugins.mkdocs_macros").setLevel(logging.WARNING)

# What every explainer site gets from the package: the theme override (link previews) and
# the CSS and JavaScript of citations, filters and the map. Shipped with the package, so a
# site built with a newer generator gets the newer files without copying anything.
THEME = Path(__file__).resolve().parent / "theme"
OVERRIDES = THEME / "overrides"
ASSETS = THEME / "assets"
ASSETS_URL = "assets"


def _use_theme(conf: Any) -> None:
    """Put the package's template override under the site's own (a site's `custom_dir`
    still wins) and above Material's; runs before MkDocs makes its template loader and
    before `mkdocs serve` reads what to watch."""
    theme = conf.get("theme")
    overrides = str(OVERRIDES)
    if theme is not None and overrides not in theme.dirs:
        theme.dirs.insert(1 if theme.custom_dir else 0, overrides)
    # `mkdocs serve` rebuilds when the package's theme changes too (an editable install)
    watch = conf.get("watch")
    if isinstance(watch, list) and str(THEME) not in watch:
        watch.append(str(THEME))


def _copy_assets(site_dir: Path, docs_dir: Path) -> None:
    """The package's CSS and JavaScript, unless the site's docs bring a file of that name."""
    target = site_dir / ASSETS_URL
    for asset in sorted(ASSETS.iterdir()):
        if asset.is_file() and not (docs_dir / ASSETS_URL / asset.name).exists():
            target.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(asset, target / asset.name)


def on_post_build(env: Any) -> None:
    """Write the package's assets and the machine-readable downloads, cut the search index
    into the files the search worker fetches, give every page its security policy, and
    keep what the next build in this process (`mkdocs serve`) compares against."""
    _keep_served(env)  # first: it completes the search index of a dirty build
    _copy_assets(Path(env.conf["site_dir"]), Path(env.conf["docs_dir"]))
    csp.apply(Path(env.conf["site_dir"]))
    try:
        # the search plugin comes first in mkdocs.yml: its index is written by now
        searchindex.build(Path(env.conf["site_dir"]))
    except searchindex.SearchIndexError as err:
        raise DataError(str(err)) from None
    pending = getattr(env, "explainer_downloads", None)
    files = pending.result() if pending is not None else None
    if not files:
        return
    folder = Path(env.conf["site_dir"]) / DOWNLOADS_DIR
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        (folder / name).write_text(content, encoding="utf-8", newline="")


DOWNLOADS_DIR = "downloads"
log = logging.getLogger("mkdocs.plugins.explainer")


def on_pre_page_macros(env: Any) -> None:
    """Give the page the date its content last changed (see lastchanged), for the theme's
    "Last changed" and "Cite this page" lines."""
    history = getattr(env, "explainer_history", None)
    if history is None or env.page is None:
        return
    docs_dir, data_files = env.explainer_dirs
    uses_data = "{{" in (env.markdown or "")
    day = history.last_changed(
        lastchanged.page_sources(env.page.file.src_uri, docs_dir, data_files if uses_data else ())
    )
    if day is not None:
        env.page.meta["explainer_changed"] = day.isoformat()
        env.page.meta["explainer_changed_text"] = human_date(day)


def _set_meta(env: Any, title: str, description: str) -> None:
    """Title and description of a generated page, whose source holds only a macro call.
    Material writes both into the page without escaping them; MkDocs would otherwise
    name the page after its file ("Abdul qahar balkhi")."""
    if env.page is not None:
        env.page.meta["title"] = html.escape(title, quote=True)
        env.page.meta["description"] = html.escape(description, quote=True)


class DataError(PluginError):
    """Stops the build when the data does not pass the checker (shown without a traceback)."""


class ConfigError(PluginError):
    """Stops the build when the explainer's settings in mkdocs.yml cannot be used."""


def _relative(path: Path, root: Path) -> str:
    """A folder as git names it from the project root, e.g. "docs"."""
    try:
        return path.resolve().relative_to(root).as_posix()
    except ValueError:  # outside the project: no history of ours to read
        return path.as_posix()


def _project_root(env: Any) -> Path:
    config_file = env.conf.get("config_file_path") or "mkdocs.yml"
    return Path(config_file).resolve().parent


Prepared = dict[tuple[str, str, str], tuple[str, PageContext]]

# The last complete build in this process: `mkdocs serve` builds again after each change.
_served: Served | None = None


def _search_plugin(env: Any) -> Any | None:
    """Material's search plugin, if the site uses it (found by what it holds)."""
    for plugin in (env.conf.get("plugins") or {}).values():
        if hasattr(plugin, "search_index") and hasattr(plugin, "search_index_prev"):
            return plugin
    return None


def _config_signature(env: Any, root: Path) -> str:
    config_file = Path(env.conf.get("config_file_path") or root / "mkdocs.yml")
    theme_dir = getattr(env.conf.get("theme"), "custom_dir", None)
    return config_signature([config_file, THEME, *([Path(theme_dir)] if theme_dir else [])])


def _keep_served(env: Any) -> None:
    """Remember this build for the next one. A dirty build indexes only the pages it
    builds: the search index gets the previous entries of every other page back."""
    global _served
    built: Served | None = getattr(env, "explainer_served", None)
    if built is None:
        return
    search = _search_plugin(env)
    if search is not None:
        index = search.search_index
        previous = _served.search if _served is not None else None
        if previous is not None and built.prints is not None:
            index.entries = merge_search(previous, index.entries, built.prints)
            out = Path(env.conf["site_dir"]) / "search" / "search_index.json"
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text(index.generate_search_index(None), encoding="utf-8")
        built.search = list(index.entries)
    _served = built


def _checked(
    root: Path,
    data: str,
    site_url: str,
    site_name: str,
    compare: Callable[[Renderer], Rebuild] | None = None,
    before: Dataset | None = None,
    focus: Focus | None = None,
) -> tuple[Dataset, Renderer, Prepared, Rebuild]:
    """The dataset, once the checker passes it, its renderer, the generated pages and,
    when a build in this process went before (`mkdocs serve`), what has to be rebuilt.

    A large check runs in a second process, if the machine has a core for it, while
    this one renders the generated pages. Nothing reaches the site before the verdict:
    unchecked data may even break rendering, and then the verdict says why."""
    loaded = load(data, root=root)
    reuse_passages(loaded, before)
    # The YAML trees give the checker its positions; the pages need only the records.
    ds = dataclasses.replace(loaded, documents=())
    verdict = beside(partial(check, loaded)) if auto_jobs(loaded) > 1 else Done(check(loaded))
    if "shared_passages" in loaded.__dict__:  # found by a check run here: not twice
        ds.__dict__["shared_passages"] = loaded.__dict__["shared_passages"]
    del loaded  # the verdict holds the trees until it is in
    rebuild = Rebuild()
    try:
        renderer = Renderer(ds, site_url=site_url, site_name=site_name, focus=focus)
        if compare is not None:
            rebuild = compare(renderer)
        if rebuild.pages is None:
            ready = renderer.generated()
        else:
            ready = renderer.generated(only=rebuild.pages)
    except Exception:
        _raise_data_errors(verdict.result())
        raise  # a fault of the renderer's, not of the data
    _raise_data_errors(verdict.result())
    return ds, renderer, ready, rebuild


def _raise_data_errors(problems: list[Problem]) -> None:
    errors = [p for p in problems if p.severity is Severity.ERROR]
    if errors:
        listing = "\n".join(str(p) for p in errors[:50])
        more = f"\n... and {len(errors) - 50} more" if len(errors) > 50 else ""
        raise DataError(
            f"explainer: {len(errors)} data error(s); the site is not built.\n{listing}{more}\n"
            "Run `make check` for the full list."
        )


def define_env(env: Any) -> None:
    _use_theme(env.conf)
    options = env.conf.get("extra", {}).get("explainer", {}) or {}
    root = _project_root(env)
    site_url = env.conf.get("site_url") or ""
    # site_name holds HTML-escaped text (MkDocs and Material insert it into pages as is);
    # the renderer and the downloads escape what they write themselves.
    site_name = html.unescape(env.conf.get("site_name") or "")
    try:
        focus = from_options(options)
    except FocusError as err:
        raise ConfigError(f"explainer: {err}") from None
    # `mkdocs serve` builds again in the same process: what the last build froze goes back
    # to the collector. A one-off build leaves it frozen to the end: unfrozen, the
    # interpreter's collections at exit walked it all again (0.4 s at 1,000 events).
    gc.unfreeze()
    # The collector stays off from loading until everything built here is frozen: each
    # time it came back on in between, its first pass walked every object made since
    # (about a second in all at 5,000 events), and found nothing to free.
    site_dir = Path(env.conf.get("site_dir") or root / "site")
    docs = Path(env.conf.get("docs_dir") or root / "docs")
    config = _config_signature(env, root)
    last = _served if _served is not None and _served.site_dir == site_dir else None
    # a build with no site directory of its own (a test's) leaves every file alone
    incremental = "site_dir" in env.conf
    with paused():
        ds, renderer, ready, rebuild = _checked(
            root,
            options.get("data", "data"),
            site_url,
            site_name,
            partial(last.compare, docs=docs, config=config) if last is not None else None,
            last.dataset if last is not None else None,
            focus,
        )
        # Only now that the data passed: the pages it changes lose their built file, and
        # a dirty build (`make serve`) writes them again. A first build starts from no
        # page at all, so not even `--dirty` with an old site directory serves a stale one.
        if incremental:
            # pages are found by their directory URLs; without those, every page is rebuilt
            directory_urls = env.conf.get("use_directory_urls", True) is not False
            forget(site_dir, rebuild.pages if directory_urls else None)
        if incremental and last is not None:
            # An actor or a timeline part added or removed while serving: its page source
            # is written (or removed) as `make pages` does, before MkDocs lists the pages.
            stubs = plan(ds, docs)
            if stubs:
                sync(stubs)
                log.info(f"explainer: {len(stubs)} generated page source(s) written or removed")
        if last is not None:
            count = "every" if rebuild.pages is None else str(len(rebuild.pages))
            log.info(f"explainer: the data changed {count} page(s); rebuilding those")
        search = _search_plugin(env)
        if search is not None:
            search.search_index_prev = None  # merged in on_post_build, page by page
        env.explainer_served = Served(
            site_dir,
            config,
            handwritten={},
            renderer=renderer if rebuild.prints is None else None,
            prints=rebuild.prints,
        )
        env.explainer_served.dataset = ds
        if rebuild.prints is None:
            env.explainer_served.handwritten = handwritten_pages(docs)
            # `--dirty` (`make serve`): the next build compares, so take the fingerprints
            # now rather than on the first edit; a one-off build never needs them.
            if getattr(search, "is_dirty", False):
                env.explainer_served.fingerprints()
        # Written at the end of the build; made meanwhile by a second process, if any.
        env.explainer_downloads = beside(partial(downloads, ds, site_url, site_name))
        # What stays is hundreds of thousands of long-lived objects with no cycles: left
        # to the cyclic collector, every full collection during the build would rescan them.
        gc.freeze()
    env.explainer_history = history = lastchanged.read(root)
    docs_dir = Path(env.conf.get("docs_dir") or root / "docs")
    data_dir = _relative(root / options.get("data", "data"), root)
    env.explainer_dirs = (
        _relative(docs_dir, root),
        history.data_files(data_dir) if history is not None else [],
    )
    home = HomeRenderer(renderer)
    pages: dict[str, PageContext] = {}

    def current() -> str:
        return env.page.file.src_uri if env.page is not None else "index.md"

    def prepared(macro: str, arg: str) -> str | None:
        """The page's text rendered ahead, if this is the first macro on a generated page."""
        path = current()
        entry = None if path in pages else ready.pop((path, macro, arg), None)
        if entry is None:
            return None
        text, pages[path] = entry
        return text

    def page() -> PageContext:
        path = current()
        if path not in pages:
            pages[path] = PageContext(path)
        return pages[path]

    @env.macro
    def timeline() -> str:
        """Every event in date order, each claim with its evidence markers."""
        return renderer.timeline(page())

    @env.macro
    def timeline_part(key: str) -> str:
        """One part of a timeline too long for one page (pages written by `explainer pages`)."""
        title, description = renderer.part_meta(key)
        _set_meta(env, title, description)
        return prepared("timeline_part", key) or renderer.timeline_part(key, page())

    @env.macro
    def actor_index() -> str:
        """Every actor, grouped by kind, linking to its page."""
        return renderer.actor_index(page())

    @env.macro
    def actor_page(actor_id: str) -> str:
        """One actor's profile, relations, events and mentions."""
        actor = ds.actor_by_id[actor_id]
        _set_meta(
            env,
            actor.name,
            f"{actor.name}: what the sources say, its relations and every event it took "
            "part in, each statement with its source.",
        )
        return prepared("actor_page", actor_id) or renderer.actor(actor_id, page())

    @env.macro
    def source_list() -> str:
        """Every source with the claims that cite it."""
        return renderer.sources(page())

    @env.macro
    def source_part(key: str) -> str:
        """Sources published in one period, when there are too many for one page."""
        title, description = renderer.source_part_meta(key)
        _set_meta(env, title, description)
        return prepared("source_part", key) or renderer.source_part(key, page())

    @env.macro
    def topic(topic_id: str) -> str:
        """One background topic with its claims."""
        return renderer.topic(topic_id, page())

    @env.macro
    def topics() -> str:
        """Every background topic."""
        return renderer.topics(page())

    @env.macro
    def factchecks() -> str:
        """Every reviewed statement with its verdict and evidence."""
        return renderer.factchecks(page())

    @env.macro
    def brief() -> str:
        """The home page's summary of the whole story, in sourced claims."""
        return home.brief(page())

    @env.macro
    def key_figures() -> str:
        """The tolls of the strikes, by who gave them."""
        return home.key_figures(page())

    @env.macro
    def day_strip() -> str:
        """One cell per day of the crisis, each linking to its lead event."""
        return home.day_strip(page())

    @env.macro
    def questions() -> str:
        """Questions readers ask, answered in sourced claims, with FAQPage data."""
        return home.questions(page())

    @env.macro
    def stats() -> str:
        """How much the site holds, for the home page."""
        claims = sum(1 for _ in ds.claims())
        publishers = len({s.publisher for s in ds.sources})
        return (
            f"{len(ds.events)} events · {len(ds.actors)} actors · {claims} checked claims · "
            f"{len(ds.sources)} sources from {publishers} publishers"
        )

    @env.macro
    def rule_table() -> str:
        """Every checker rule with its code and explanation (summaries are code, not data)."""
        return rules_markdown()
