"""The tree built from libyaml's events equals the one PyYAML's composer implies.

The reference below composes with PyYAML and converts its node graph, the way the
loader used to; the event-driven builder must agree with it on every input: the same
tree, or the same problem at the same line and column.
"""

from __future__ import annotations

import os

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import ACTORS, EVENTS, SOURCES
from explainer.problems import Loc, Problem
from explainer.yamltree import YamlError, YMap, YNode, YScalar, YSeq, parse

TAGS = {
    "tag:yaml.org,2002:str": "str",
    "tag:yaml.org,2002:int": "int",
    "tag:yaml.org,2002:float": "float",
    "tag:yaml.org,2002:bool": "bool",
    "tag:yaml.org,2002:null": "null",
    "tag:yaml.org,2002:timestamp": "timestamp",
}


def reference(text: str, path: str) -> YNode | None:
    """Compose with PyYAML, then convert its node graph depth first."""
    try:
        root = yaml.compose(text, Loader=yaml.CSafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        what = exc.problem or exc.context or "invalid YAML"
        loc = Loc(path, mark.line + 1, mark.column + 1) if mark else Loc(path)
        message = f"YAML syntax error: {what}; fix the syntax"
        raise YamlError(Problem(loc, "E001", message)) from None
    except yaml.YAMLError as exc:  # a reader error: only where it is matters here
        position = getattr(exc, "position", None) or 0
        line = text.count("\n", 0, position) + 1
        col = position - (text.rfind("\n", 0, position) + 1) + 1
        raise YamlError(Problem(Loc(path, line, col), "E001", "cannot be read")) from None
    if root is None:
        return None
    active: set[int] = set()

    def convert(node: yaml.Node) -> YNode:
        loc = Loc(path, node.start_mark.line + 1, node.start_mark.column + 1)
        if isinstance(node, yaml.ScalarNode):
            kind = TAGS.get(node.tag, "other")
            value: object = node.value
            if kind not in ("str", "timestamp", "other"):
                try:
                    value = yaml.SafeLoader("").construct_object(node, deep=True)
                except (yaml.YAMLError, ValueError):
                    value = node.value
            return YScalar(value, node.value, kind, loc)
        if id(node) in active:
            raise YamlError(
                Problem(loc, "E001", "YAML alias refers to its own parent; remove the anchor/alias")
            )
        active.add(id(node))
        try:
            if isinstance(node, yaml.SequenceNode):
                return YSeq(tuple(convert(n) for n in node.value), loc)
            items = []
            for k, v in node.value:
                ck = convert(k)
                if not isinstance(ck, YScalar):
                    msg = "a mapping key must be plain text, not a list or map"
                    raise YamlError(Problem(ck.loc, "E001", msg))
                items.append((ck, convert(v)))
            return YMap(tuple(items), loc)
        finally:
            active.discard(id(node))

    return convert(root)


def outcome(fn, text: str) -> object:
    try:
        return fn(text, "data/x.yaml")
    except YamlError as exc:
        if "cannot be read" in exc.problem.message:  # compare what the reader reported
            return ("reader", exc.problem.loc.line, exc.problem.loc.col)
        return exc.problem


def test_reader_errors_keep_their_position() -> None:
    with pytest.raises(YamlError) as exc:
        parse("a: 1\nkey: \x07bell\n", "data/x.yaml")
    assert exc.value.problem.loc == Loc("data/x.yaml", 2, 6)
    assert "control characters are not allowed" in exc.value.problem.message


CASES = [
    "",
    "# only a comment\n",
    "---\n",
    "--- |\n  block\n",
    EVENTS,
    ACTORS,
    SOURCES,
    "- a\n- b: 1\n  c: [1, 2.5, true, null, ~, 2024-01-16, 0x1F, 1_000, '3', \"4\"]\n",
    "a: &x {b: 1}\nc: *x\nd: *x\n",
    "a: &x 1\nb: *x\n",
    "a: *nope\n",
    "a: &x 1\nb: &x 2\n",
    "&x [*x]\n",
    "- &x {a: [1, *x]}\n",
    "- &x {a: 1}\n- {*x : 2}\n",
    "? [a]\n: b\n",
    "? {a: 1}\n: b\n[",
    "a: 1\n---\nb: 2\n",
    "a: 1\n--- [\n",
    "a: 1\n...\n",
    "a: !!str 12\nb: !custom x\nc: ! 12\nd: !!int '7'\ne: !!float nope\n",
    "a: <<\nb: =\nc: .inf\nd: -.NaN\ne: 1:30\nf: 0o17\ng: +12\nh: Yes\ni: off\n",
    "- !!binary aGk=\n- !!python/object:os.system x\n",
    "a: b: c\n",
    "- [a, {b: c}\n",
    "a:\n\t- b\n",
    "a: 'unterminated\n",
    "key: \x07bell\n",
    "key: \ufeffvalue\n",
    "{a: 1, a: 2}\n",
    "- 2024-02-30\n- 2024-1-1\n- 2001-12-14t21:59:43.10-05:00\n",
    "- ''\n- \"\"\n- \n- null\n- Null\n- NULL\n",
    "a: &anchor\n  - *anchor\nb: [\n",
]


@pytest.mark.parametrize("text", CASES)
def test_same_tree_or_problem_as_the_composer(text: str) -> None:
    assert outcome(parse, text) == outcome(reference, text)


PIECES = [*list(":-[]{}&*!|>'\"#%@`,?\\\t\n "), "&a ", "*a", "&b ", "*b", "!!str ", "---\n",
          "...\n", "\n- ", "\n  ", "a", "1", "true", "~", "é", "\x00"]  # fmt: skip


@settings(
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", "200")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    derandomize="CI" in os.environ,
)
@given(
    base=st.sampled_from([EVENTS, ACTORS, SOURCES]),
    cuts=st.lists(
        st.tuples(st.integers(0, 5000), st.integers(0, 8), st.sampled_from(PIECES)),
        max_size=4,
    ),
)
def test_mutated_files_agree_with_the_composer(base: str, cuts: list) -> None:
    text = base
    for at, drop, piece in cuts:
        at %= len(text) + 1
        text = text[:at] + piece + text[at + drop :]
    assert outcome(parse, text) == outcome(reference, text)


def test_deep_nesting_is_no_recursion_error() -> None:
    # the tree is built from the event stream with a stack, not by recursion, so a
    # hostile file nested thousands deep is parsed like any other
    depth = 5000
    node = parse("[" * depth + "]" * depth, "data/x.yaml")
    for _ in range(depth - 1):
        assert isinstance(node, YSeq) and len(node.items) == 1
        node = node.items[0]
    assert node == YSeq((), Loc("data/x.yaml", 1, depth))
