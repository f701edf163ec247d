"""`explainer init`: a new explainer project with the flagship's layout and none of its content.

The files come from `project_template/` in this package. Dot-files are stored there under a
`dot-` name (`dot-github/` becomes `.github/`) because wheels built from package data leave
hidden files out. The project is written into a temporary directory beside the target and
moved in only when complete, so a failure leaves nothing behind.
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import string
import tempfile
import unicodedata
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

import yaml

TEMPLATE = Path(__file__).resolve().parent / "project_template"
DEFAULT_TITLE = "A sourced explainer"
MAX_TITLE = 120
# Unicode categories a one-line title never needs: control and format characters (line
# breaks, bidirectional overrides), line and paragraph separators, surrogates, private use
# and unassigned code points.
REFUSED_CATEGORIES = {"Cc", "Cf", "Zl", "Zp", "Cs", "Co", "Cn"}
# A pip requirement as the Makefile holds it: no character make or the shell would read.
GENERATOR_RE = re.compile(r"^[A-Za-z0-9./~][A-Za-z0-9 ._+\-/:@=~<>!,]*$")


class InitError(Exception):
    """A problem the user can fix; the message says how."""


@dataclass(frozen=True)
class Created:
    path: Path
    files: tuple[str, ...]  # relative paths, sorted
    title: str
    generator: str


def version() -> str:
    try:
        return metadata.version("explainer")
    except metadata.PackageNotFoundError:  # pragma: no cover - run from a bare checkout
        return "0+unknown"


def default_generator() -> str:
    """The pip requirement that installs this very version of the generator: from the
    package's source repository when its metadata names one, else from the index."""
    ver = version()
    try:
        urls = metadata.metadata("explainer").get_all("Project-URL") or []
    except metadata.PackageNotFoundError:  # pragma: no cover
        urls = []
    for entry in urls:
        label, _, url = entry.partition(",")
        if label.strip().lower() == "source" and url.strip().startswith("https://"):
            return f"explainer @ git+{url.strip()}@v{ver}"
    return _installed_from() or f"explainer=={ver}"


def _installed_from() -> str | None:
    """Where pip installed this copy from (PEP 610's direct_url.json), when another
    machine can install it from there too: a git repository over https at its commit, or
    a wheel or sdist at an https address. Local paths and editable checkouts can't be."""
    try:
        raw = metadata.distribution("explainer").read_text("direct_url.json")
        info = json.loads(raw) if raw else None
    except (metadata.PackageNotFoundError, ValueError):
        return None
    if not isinstance(info, dict) or not str(info.get("url", "")).startswith("https://"):
        return None
    url, vcs = str(info["url"]), info.get("vcs_info")
    if isinstance(vcs, dict) and vcs.get("vcs") == "git" and vcs.get("commit_id"):
        return f"explainer @ git+{url}@{vcs['commit_id']}"
    if "archive_info" in info:
        return f"explainer @ {url}"
    return None


def check_title(raw: str) -> str:
    """The title, stripped; InitError saying what is wrong with it."""
    title = raw.strip()
    if not title:
        raise InitError('the title is empty; give one, e.g. --title "The 2031 floods, sourced"')
    bad = [c for c in title if unicodedata.category(c) in REFUSED_CATEGORIES]
    if bad:
        what = (
            "a line break"
            if any(c in "\n\r\x0b\x0c\x85\u2028\u2029" for c in bad)
            else (f"the invisible or control character U+{ord(bad[0]):04X}")
        )
        raise InitError(f"the title must be one line of plain text; it holds {what}")
    if len(title) > MAX_TITLE:
        raise InitError(
            f"the title is {len(title)} characters long; keep it to {MAX_TITLE} or fewer "
            "(it is the site's name, shown in every page's header and browser tab)"
        )
    return title


def check_generator(spec: str) -> str:
    spec = spec.strip()
    if not GENERATOR_RE.match(spec):
        raise InitError(
            f"--generator {spec!r} is not a pip requirement the Makefile can hold: use a "
            "version (explainer==1.2.0), a git URL (explainer @ git+https://…@v1.2.0) or a "
            "wheel path, without quotes, $, # or backslashes"
        )
    return spec


def yaml_text(title: str) -> str:
    """site_name for mkdocs.yml. MkDocs and Material insert site_name into HTML without
    escaping it, so the YAML holds the HTML-escaped title (as page titles from data do)."""
    value = html.escape(title, quote=True)
    encoded = json.dumps(value, ensure_ascii=False)  # a JSON string is a YAML scalar
    if yaml.safe_load(f"site_name: {encoded}") != {"site_name": value}:  # pragma: no cover
        raise InitError("the title cannot be written safely into mkdocs.yml; simplify it")
    return encoded


def markdown_text(title: str) -> str:
    """The title as Markdown text that stays text: every ASCII punctuation mark as a
    character reference, so no *, _, [, <, & or {{ can start markup or a macro."""
    return "".join(f"&#{ord(c)};" if c in string.punctuation else c for c in title)


def tokens(title: str, generator: str) -> dict[str, str]:
    return {
        "%%TITLE_YAML%%": yaml_text(title),
        "%%TITLE_MD%%": markdown_text(title),
        "%%GENERATOR%%": generator,
        "%%VERSION%%": version(),
    }


def target_path(rel: Path) -> Path:
    parts = [("." + p[4:]) if p.startswith("dot-") else p for p in rel.parts]
    return Path(*parts)


def template_files() -> list[Path]:
    return sorted(
        p.relative_to(TEMPLATE)
        for p in TEMPLATE.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc"
    )


def _write(root: Path, title: str, generator: str) -> None:
    from .actorpages import plan, sync
    from .check import check
    from .cli import with_rules
    from .jsonschema_export import write as write_schemas
    from .load import load

    values = tokens(title, generator)
    for rel in template_files():
        text = (TEMPLATE / rel).read_text(encoding="utf-8")
        for token, value in values.items():
            text = text.replace(token, value)
        dest = root / target_path(rel)
        if dest.name == "CONTRIBUTING.md":
            text = with_rules(text)  # the rules of this generator version
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.write_text(text, encoding="utf-8", newline="\n")
    run = root / ".ci" / "run"
    run.chmod(run.stat().st_mode | 0o111)
    write_schemas(root / "schemas")
    ds = load(root / "data", root=root)
    sync(plan(ds, root / "docs"))
    problems = check(ds)
    if problems:  # a fault of the template's, never shipped to the user
        listing = "\n".join(str(p) for p in problems)
        raise InitError(f"the example data does not pass the checker:\n{listing}")


def _listing(root: Path) -> tuple[str, ...]:
    return tuple(sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()))


def _refuse_existing(target: Path, shown: str) -> bool:
    """Whether target exists (then empty); InitError when it cannot be used."""
    if not target.exists() and not target.is_symlink():
        return False
    if not target.is_dir():
        raise InitError(f"{shown} exists and is not a directory; choose a new directory")
    try:
        entries = sorted(p.name for p in target.iterdir())
    except OSError as exc:
        raise InitError(f"cannot read {shown}: {exc.strerror}; choose another directory") from None
    if entries:
        some = ", ".join(entries[:3]) + (", …" if len(entries) > 3 else "")
        raise InitError(
            f"{shown} is not empty (it holds {some}); explainer init writes only into a new "
            "or empty directory and never overwrites a file: choose another directory"
        )
    return True


def create(target: Path, title: str, generator: str, shown: str | None = None) -> Created:
    """Write a new project at target (absent or empty), or raise InitError and leave
    nothing behind."""
    shown = shown or str(target)
    title = check_title(title)
    generator = check_generator(generator)
    target = Path(os.path.abspath(target))
    exists = _refuse_existing(target, shown)
    parent = target.parent
    if not parent.is_dir():
        raise InitError(f"{parent} does not exist; create it first, or choose another place")
    try:
        tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".partial", dir=parent))
    except OSError as exc:
        raise InitError(
            f"cannot write in {parent}: {exc.strerror}; choose a directory you can write to"
        ) from None
    moved: list[Path] = []
    try:
        _write(tmp, title, generator)
        files = _listing(tmp)
        if exists:
            # Moved entry by entry into the existing directory (it may be the shell's
            # current one, which a rename over it would replace), undone on failure.
            for child in sorted(tmp.iterdir()):
                os.rename(child, target / child.name)
                moved.append(target / child.name)
            tmp.rmdir()
        else:
            umask = os.umask(0)
            os.umask(umask)
            tmp.chmod(0o777 & ~umask)
            os.rename(tmp, target)  # fails, rather than overwrite, if target appeared
    except OSError as exc:
        _undo(tmp, moved)
        raise InitError(
            f"cannot write {shown}: {exc.strerror or exc}; nothing was written"
        ) from None
    except BaseException:
        _undo(tmp, moved)
        raise
    return Created(target, files, title, generator)


def _undo(tmp: Path, moved: list[Path]) -> None:
    for path in moved:
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)
    shutil.rmtree(tmp, ignore_errors=True)


def next_steps(created: Created, shown: str) -> list[str]:
    return [
        f"cd {shown}",
        "make serve    (the first run sets up .venv/; the site is then at http://127.0.0.1:8000/)",
        "Replace the fictional example in data/ with your first real source, its capture, "
        "actor and event (`.venv/bin/explainer new source` and `capture` help); `make check` "
        "says what is still wrong, line by line.",
        "make test, then put the project in a GitHub repository: README.md says how to "
        "publish the site on GitHub Pages.",
    ]
