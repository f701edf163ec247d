"""YAML parsed into a tree that remembers where every key and value stood.

PyYAML's composer keeps every key of a mapping, duplicates included, and the
position of each node; we turn its node graph into a small tree of our own so
that later stages never see PyYAML types and duplicate keys stay visible to the
rules instead of being silently overwritten.
"""

from __future__ import annotations

from dataclasses import dataclass

import yaml

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


@dataclass(frozen=True)
class YScalar:
    value: object  # str, int, float, bool or None; timestamps stay text
    raw: str
    kind: str  # one of _SCALAR_TAGS' values, or "other"
    loc: Loc


@dataclass(frozen=True)
class YMap:
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


@dataclass(frozen=True)
class YSeq:
    items: tuple[YNode, ...]
    loc: Loc


YNode = YScalar | YMap | YSeq


class YamlError(Exception):
    """Raised for text that is not a single well-formed YAML document."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


def _loc(path: str, node: yaml.Node) -> Loc:
    return Loc(path, node.start_mark.line + 1, node.start_mark.column + 1)


def _scalar_value(node: yaml.ScalarNode, kind: str) -> object:
    if kind in ("str", "timestamp", "other"):
        return node.value
    try:
        return yaml.SafeLoader("").construct_object(node, deep=True)
    except (yaml.YAMLError, ValueError):
        return node.value


def _convert(path: str, node: yaml.Node, active: set[int]) -> YNode:
    loc = _loc(path, node)
    if isinstance(node, yaml.ScalarNode):
        kind = _SCALAR_TAGS.get(node.tag, "other")
        return YScalar(_scalar_value(node, kind), node.value, kind, loc)
    if id(node) in active:
        # an alias pointing at one of its own ancestors: the graph is a cycle
        raise YamlError(
            Problem(loc, "E001", "YAML alias refers to its own parent; remove the anchor/alias")
        )
    active.add(id(node))
    try:
        if isinstance(node, yaml.SequenceNode):
            return YSeq(tuple(_convert(path, n, active) for n in node.value), loc)
        assert isinstance(node, yaml.MappingNode)
        items = []
        for k, v in node.value:
            key = _convert(path, k, active)
            if not isinstance(key, YScalar):
                raise YamlError(
                    Problem(key.loc, "E001", "a mapping key must be plain text, not a list or map")
                )
            items.append((key, _convert(path, v, active)))
        return YMap(tuple(items), loc)
    finally:
        active.discard(id(node))


def parse(text: str, path: str) -> YNode | None:
    """Parse one YAML document; None for an empty file. Raises YamlError with a position."""
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
        mark = getattr(exc, "position", None)
        raise YamlError(
            Problem(Loc(path, 1, 1), "E001", f"YAML cannot be read: {exc}"[:300])
        ) from None
    if node is None:
        return None
    return _convert(path, node, set())


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
