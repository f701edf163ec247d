"""YAML parsed into a tree that remembers where every key and value stood.

PyYAML's composer keeps every key of a mapping, duplicates included, and the
position of each node; we turn its node graph into a small tree of our own so
that later stages never see PyYAML types and duplicate keys stay visible to the
rules instead of being silently overwritten.
"""

from __future__ import annotations

from typing import NamedTuple

import yaml

from .gcpause import paused
from .problems import Loc, Problem

try:  # the C composer is several times faster and also records marks
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

_SCALAR_TAGS = {
    "tag:yaml.org,2002:str": "str",
    "tag:yaml.org,2002:int": "int",
    "tag:yaml.org,2002:float": "float",
    "tag:yaml.org,2002:bool": "bool",
    "tag:yaml.org,2002:null": "null",
    "tag:yaml.org,2002:timestamp": "timestamp",
}


# Named tuples rather than dataclasses: a large file has hundreds of thousands of nodes
# and tuple construction is several times cheaper.
class YScalar(NamedTuple):
    value: object  # str, int, float, bool or None; timestamps stay text
    raw: str
    kind: str  # one of _SCALAR_TAGS' values, or "other"
    loc: Loc


class YMap(NamedTuple):
    items: tuple[tuple[YScalar, YNode], ...]
    loc: Loc

    def get(self, key: str) -> YNode | None:
        """The value of the *first* occurrence of key (duplicates are a rule's business)."""
        for k, v in self.items:
            if k.value == key:
                return v
        return None

    def keys(self) -> list[str]:
        return [str(k.value) for k, _ in self.items]


class YSeq(NamedTuple):
    items: tuple[YNode, ...]
    loc: Loc


YNode = YScalar | YMap | YSeq


class YamlError(Exception):
    """Raised for text that is not a single well-formed YAML document."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


_TEXTUAL_KINDS = frozenset({"str", "timestamp", "other"})


def _scalar_value(node: yaml.ScalarNode, kind: str) -> object:
    if kind in ("str", "timestamp", "other"):
        return node.value
    try:
        return yaml.SafeLoader("").construct_object(node, deep=True)
    except (yaml.YAMLError, ValueError):
        return node.value


def _convert(path: str, root: yaml.Node) -> YNode:
    """Our tree for PyYAML's node graph. The hot loop of loading: locals are bound once."""
    scalar_type, seq_type = yaml.ScalarNode, yaml.SequenceNode
    tags, loc_, yscalar, yseq, ymap = _SCALAR_TAGS, Loc, YScalar, YSeq, YMap
    active: set[int] = set()

    def convert(node: yaml.Node) -> YNode:
        mark = node.start_mark
        loc = loc_(path, mark.line + 1, mark.column + 1)
        if type(node) is scalar_type:
            kind = tags.get(node.tag, "other")
            value = node.value if kind in _TEXTUAL_KINDS else _scalar_value(node, kind)
            return yscalar(value, node.value, kind, loc)
        key = id(node)
        if key in active:
            # an alias pointing at one of its own ancestors: the graph is a cycle
            raise YamlError(
                Problem(loc, "E001", "YAML alias refers to its own parent; remove the anchor/alias")
            )
        active.add(key)
        try:
            if type(node) is seq_type:
                return yseq(tuple([convert(n) for n in node.value]), loc)
            items = []
            for k, v in node.value:
                ck = convert(k)
                if type(ck) is not yscalar:
                    raise YamlError(
                        Problem(
                            ck.loc, "E001", "a mapping key must be plain text, not a list or map"
                        )
                    )
                items.append((ck, convert(v)))
            return ymap(tuple(items), loc)
        finally:
            active.discard(key)

    return convert(root)


def parse(text: str, path: str) -> YNode | None:
    """Parse one YAML document; None for an empty file. Raises YamlError with a position."""
    with paused():
        return _parse(text, path)


def _parse(text: str, path: str) -> YNode | None:
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        what = exc.problem or exc.context or "invalid YAML"
        raise YamlError(
            Problem(Loc(path, line, col), "E001", f"YAML syntax error: {what}; fix the syntax")
        ) from None
    except yaml.YAMLError as exc:  # reader errors: control characters and the like
        position = getattr(exc, "position", None) or 0
        line = text.count("\n", 0, position) + 1
        col = position - (text.rfind("\n", 0, position) + 1) + 1
        reason = str(getattr(exc, "reason", "") or "unreadable character")
        char = getattr(exc, "character", None)
        what = f"character {char!r} " if isinstance(char, str) else ""
        raise YamlError(
            Problem(
                Loc(path, line, col),
                "E001",
                f"YAML cannot be read: {what}{reason}; remove or replace it",
            )
        ) from None
    if node is None:
        return None
    return _convert(path, node)


def describe(node: YNode) -> str:
    """How a contributor would name this kind of value in an error message."""
    if isinstance(node, YMap):
        return "a mapping"
    if isinstance(node, YSeq):
        return "a list"
    return {
        "str": "text",
        "int": "a number",
        "float": "a number",
        "bool": "true/false",
        "null": "nothing (null)",
        "timestamp": "a date",
    }.get(node.kind, "a value")
