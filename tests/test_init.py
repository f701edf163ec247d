"""`explainer init`: a complete project or nothing, a title that stays text, clear refusals."""

from __future__ import annotations

import io
import os
import re
import sys
from pathlib import Path

import pytest
import yaml

from explainer import check, load
from explainer.actorpages import plan
from explainer.cli import main
from explainer.jsonschema_export import stale
from explainer.newproject import (
    DEFAULT_TITLE,
    MAX_TITLE,
    check_title,
    default_generator,
    markdown_text,
    version,
)

HOSTILE = 'Floods & "bridges" <script>alert(1)</script> {{ x }} {% raw %} *[a](b)* #1 `c` \\ é'


@pytest.fixture(autouse=True)
def no_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))


def init(tmp_path: Path, *args: str, capsys) -> tuple[int, str, str]:
    code = main(["--root", str(tmp_path), "init", *args])
    out, err = capsys.readouterr()
    return code, out, err


def tree(path: Path) -> list[str]:
    return sorted(p.relative_to(path).as_posix() for p in path.rglob("*"))


class _Loader(yaml.SafeLoader):
    pass


_Loader.add_constructor("!ENV", lambda loader, node: loader.construct_sequence(node))


def test_a_new_project_checks_clean_and_has_the_layout(tmp_path: Path, capsys) -> None:
    code, out, err = init(tmp_path, "site", "--title", "The floods, sourced", capsys=capsys)
    assert (code, err) == (0, "")
    root = tmp_path / "site"
    for rel in (
        "mkdocs.yml",
        "macros.py",
        "docs/index.md",
        "docs/timeline.md",
        "docs/actors/index.md",
        "docs/sources.md",
        "docs/fact-check.md",
        "docs/methodology.md",
        "docs/contributing.md",
        "data/events.yaml",
        "data/actors.yaml",
        "data/sources.yaml",
        "tests/test_claims.py",
        "Makefile",
        "requirements.in",
        "requirements.lock",
        ".ci/run",
        ".github/workflows/ci.yml",
        ".github/workflows/deploy.yml",
        ".github/workflows/sources.yml",
        ".github/dependabot.yml",
        "README.md",
        "CONTRIBUTING.md",
    ):
        assert (root / rel).is_file(), rel
    assert os.access(root / ".ci" / "run", os.X_OK)
    ds = load(root / "data", root=root)
    assert (len(ds.events), len(ds.actors), len(ds.sources)) == (1, 1, 1)
    assert check(ds) == []
    assert plan(ds, root / "docs") == []  # the actor's page is written
    assert stale(root / "schemas") == []
    assert not [p for p in tmp_path.iterdir() if p.name != "site"], "temporary files left"
    assert "created site: " in out and "cd site" in out and "make serve" in out


def test_the_example_is_marked_fictional_everywhere_it_shows(tmp_path: Path, capsys) -> None:
    init(tmp_path, "site", "--title", "T", capsys=capsys)
    ds = load(tmp_path / "site" / "data", root=tmp_path / "site")
    (src,) = ds.sources
    assert "fictional" in src.title.lower() and "fictional" in src.publisher.lower()
    assert src.url.startswith("https://example.org/")
    assert all("fictional" in e.title.lower() for e in ds.events)


def test_the_title_is_escaped_everywhere_it_lands(tmp_path: Path, capsys) -> None:
    assert init(tmp_path, "site", "--title", HOSTILE, capsys=capsys)[0] == 0
    root = tmp_path / "site"
    config = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)
    # MkDocs puts site_name into pages unescaped: the YAML holds the HTML-escaped title
    assert config["site_name"] == (
        "Floods &amp; &quot;bridges&quot; &lt;script&gt;alert(1)&lt;/script&gt; {{ x }} "
        "{% raw %} *[a](b)* #1 `c` \\ é"
    )
    for page in ("docs/index.md", "README.md"):
        text = (root / page).read_text(encoding="utf-8")
        heading = next(line for line in text.splitlines() if line.startswith("# "))
        assert heading == "# " + markdown_text(HOSTILE)
        assert not re.search(r"[<>{}*\[\]`\\\"]", heading), heading


def test_markdown_text_keeps_only_letters_digits_and_spaces_raw() -> None:
    assert markdown_text("a&b <c>") == "a&#38;b &#60;c&#62;"
    assert markdown_text("Zürich 2031") == "Zürich 2031"


@pytest.mark.parametrize(
    ("title", "message"),
    [
        ("", "the title is empty"),
        ("   ", "the title is empty"),
        ("two\nlines", "one line of plain text; it holds a line break"),
        ("a\u2028b", "it holds a line break"),
        ("right\u202eleft", "U+202E"),
        ("bell\x07", "U+0007"),
        ("x" * (MAX_TITLE + 1), f"{MAX_TITLE + 1} characters long"),
    ],
)
def test_a_bad_title_is_refused_and_nothing_is_written(
    tmp_path: Path, capsys, title: str, message: str
) -> None:
    code, out, err = init(tmp_path, "site", "--title", title, capsys=capsys)
    assert code == 1 and out == ""
    assert err.startswith("error: ") and message in err, err
    assert tree(tmp_path) == []


def test_the_longest_title_is_accepted() -> None:
    assert check_title(" " + "x" * MAX_TITLE + " ") == "x" * MAX_TITLE


def test_a_non_empty_directory_is_refused_and_left_alone(tmp_path: Path, capsys) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "notes.txt").write_text("mine", encoding="utf-8")
    code, out, err = init(tmp_path, "site", "--title", "T", capsys=capsys)
    assert code == 1 and out == ""
    assert "site is not empty (it holds notes.txt)" in err
    assert "never overwrites a file" in err
    assert tree(tmp_path) == ["site", "site/notes.txt"]
    assert (site / "notes.txt").read_text(encoding="utf-8") == "mine"


def test_a_file_in_the_way_is_refused(tmp_path: Path, capsys) -> None:
    (tmp_path / "site").write_text("mine", encoding="utf-8")
    code, _, err = init(tmp_path, "site", "--title", "T", capsys=capsys)
    assert code == 1 and "site exists and is not a directory" in err
    assert tree(tmp_path) == ["site"]


def test_an_empty_directory_is_filled_in_place(tmp_path: Path, capsys) -> None:
    site = tmp_path / "site"
    site.mkdir()
    inode = site.stat().st_ino
    assert init(tmp_path, "site", "--title", "T", capsys=capsys)[0] == 0
    assert site.stat().st_ino == inode  # still the directory a shell may be in
    assert (site / "mkdocs.yml").is_file()
    assert [p.name for p in tmp_path.iterdir()] == ["site"]


def test_a_missing_parent_is_refused(tmp_path: Path, capsys) -> None:
    code, _, err = init(tmp_path, "no/such/site", "--title", "T", capsys=capsys)
    assert code == 1 and "does not exist; create it first" in err
    assert tree(tmp_path) == []


def test_an_unwritable_directory_is_refused(
    tmp_path: Path, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    parent = tmp_path / "locked"
    parent.mkdir()
    parent.chmod(0o555)
    if os.access(parent, os.W_OK):  # running as root: make the refusal the system's
        import tempfile

        def refuse(*args: object, **kwargs: object) -> str:
            raise PermissionError(13, "Permission denied")

        monkeypatch.setattr(tempfile, "mkdtemp", refuse)
    try:
        code, out, err = init(tmp_path, "locked/site", "--title", "T", capsys=capsys)
    finally:
        parent.chmod(0o755)
    assert code == 1 and out == ""
    assert f"cannot write in {parent}: Permission denied" in err
    assert "choose a directory you can write to" in err
    assert tree(parent) == []


@pytest.mark.parametrize("existing", [False, True])
def test_a_failure_midway_leaves_nothing(
    tmp_path: Path, capsys, monkeypatch: pytest.MonkeyPatch, existing: bool
) -> None:
    """A disk filling up while writing, or while moving files into an existing empty
    directory: whatever was written or moved is removed again."""
    site = tmp_path / "site"
    if existing:
        site.mkdir()
    real_rename = os.rename
    renames = []

    def rename(src: object, dst: object) -> None:
        renames.append(dst)
        if len(renames) == 3:
            raise OSError(28, "No space left on device")
        real_rename(src, dst)

    monkeypatch.setattr(os, "rename", rename)
    if not existing:  # the one rename of a new directory fails: fail a file write instead
        real_write = Path.write_text

        def write_text(self: Path, *args: object, **kwargs: object) -> int:
            if self.name == "mkdocs.yml":
                raise OSError(28, "No space left on device")
            return real_write(self, *args, **kwargs)

        monkeypatch.setattr(Path, "write_text", write_text)
    code, out, err = init(tmp_path, "site", "--title", "T", capsys=capsys)
    assert code == 1 and out == ""
    assert "cannot write site: No space left on device; nothing was written" in err
    assert tree(tmp_path) == (["site"] if existing else [])


def test_no_terminal_no_question_and_the_default_title(tmp_path: Path, capsys) -> None:
    code, out, _ = init(tmp_path, "site", capsys=capsys)
    assert code == 0 and f'"{DEFAULT_TITLE}"' in out and "site_name in mkdocs.yml" in out
    config = yaml.load((tmp_path / "site" / "mkdocs.yml").read_text("utf-8"), Loader=_Loader)
    assert config["site_name"] == DEFAULT_TITLE


def test_a_terminal_is_asked_for_the_title_until_it_is_good(
    tmp_path: Path, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True)
    answers = iter(["x" * (MAX_TITLE + 5), "Elections in Exampleland"])
    asked: list[str] = []
    monkeypatch.setattr("builtins.input", lambda prompt: asked.append(prompt) or next(answers))
    code, out, _ = init(tmp_path, "site", capsys=capsys)
    assert code == 0 and len(asked) == 2
    assert asked[0] == f"Title of the explainer [{DEFAULT_TITLE}]: "
    assert "characters long" in out and '"Elections in Exampleland"' in out


def test_end_of_input_at_the_prompt_writes_nothing(
    tmp_path: Path, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True)

    def eof(prompt: str) -> str:
        raise EOFError

    monkeypatch.setattr("builtins.input", eof)
    code, _, err = init(tmp_path, "site", capsys=capsys)
    assert code == 1 and "nothing was written" in err
    assert tree(tmp_path) == []


def test_the_makefile_installs_the_generator_that_wrote_it(tmp_path: Path, capsys) -> None:
    init(tmp_path, "a", "--title", "T", capsys=capsys)
    init(tmp_path, "b", "--title", "T", "--generator", "dist/explainer-9.9.whl", capsys=capsys)
    makefile = (tmp_path / "a" / "Makefile").read_text(encoding="utf-8")
    assert f"EXPLAINER ?= {default_generator()}\n" in makefile
    assert version() in default_generator()
    other = (tmp_path / "b" / "Makefile").read_text(encoding="utf-8")
    assert "EXPLAINER ?= dist/explainer-9.9.whl\n" in other


@pytest.mark.parametrize("spec", ["x; rm -rf ~", "explainer==1 # c", "$(HOME)/x.whl", "'a'"])
def test_a_generator_the_makefile_cannot_hold_is_refused(tmp_path: Path, capsys, spec) -> None:
    code, _, err = init(tmp_path, "site", "--title", "T", "--generator", spec, capsys=capsys)
    assert code == 1 and "is not a pip requirement the Makefile can hold" in err
    assert tree(tmp_path) == []


def test_the_default_generator_comes_from_the_package_metadata(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from importlib import metadata

    class Meta:
        def __init__(self, urls: list[str]) -> None:
            self.urls = urls

        def get_all(self, name: str) -> list[str]:
            return self.urls if name == "Project-URL" else []

    monkeypatch.setattr(metadata, "metadata", lambda name: Meta([]))
    assert default_generator() == f"explainer=={version()}"
    monkeypatch.setattr(
        metadata, "metadata", lambda name: Meta(["Source, https://github.com/o/explainer"])
    )
    assert default_generator() == f"explainer @ git+https://github.com/o/explainer@v{version()}"


@pytest.mark.parametrize(
    ("direct_url", "expected"),
    [
        (
            {"url": "https://github.com/o/explainer", "vcs_info": {"vcs": "git",
             "commit_id": "0123abc", "requested_revision": "v0.1.0"}},
            "explainer @ git+https://github.com/o/explainer@0123abc",
        ),
        (
            {"url": "https://example.org/explainer-0.1.0-py3-none-any.whl",
             "archive_info": {}},
            "explainer @ https://example.org/explainer-0.1.0-py3-none-any.whl",
        ),
        # another machine can install neither a local wheel nor an editable checkout
        ({"url": "file:///somewhere/explainer.whl", "archive_info": {}}, None),
        ({"url": "file:///src/explainer", "dir_info": {"editable": True}}, None),
        (None, None),
    ],
)  # fmt: skip
def test_the_default_generator_is_where_pip_installed_it_from(
    monkeypatch: pytest.MonkeyPatch, direct_url: dict | None, expected: str | None
) -> None:
    import json
    from importlib import metadata

    class Meta:
        def get_all(self, name: str) -> list[str]:
            return []

    real = version()

    class Dist:
        version = real

        def read_text(self, name: str) -> str | None:
            assert name == "direct_url.json"
            return json.dumps(direct_url) if direct_url is not None else None

    monkeypatch.setattr(metadata, "metadata", lambda name: Meta())
    monkeypatch.setattr(metadata, "distribution", lambda name: Dist())
    assert default_generator() == (expected or f"explainer=={real}")


def test_version_is_printed(capsys) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["--version"])
    assert exit_.value.code == 0
    assert capsys.readouterr().out == f"explainer {version()}\n"
