"""YAML parsed into a tree that remembers where every key and value stood.

We compose libyaml's event stream the way PyYAML's composer does, keeping every
key of a mapping, duplicates included, and the position of each node, but into a
small tree of our own, so that later stages never see PyYAML types and duplicate
keys stay visible to the rules instead of being silently overwritten.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

import yaml
from yaml.composer import ComposerError
from yaml.constructor import SafeConstructor

from .gcpause import paused
from .problems import Loc, Problem

try:  # the C parser is several times faster and also records marks
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


def _scalar_value(tag: str, raw: str, style: str | None) -> object:
    """A number, boolean or null as PyYAML's safe constructor would build it."""
    node = yaml.ScalarNode(tag, raw, style=style)
    try:
        return SafeConstructor().construct_object(node, deep=True)
    except (yaml.YAMLError, ValueError):
        return raw


class _Resolver:
    """PyYAML's implicit tag resolution for plain scalars, remembered per value.

    Keys repeat on every record ("id", "text", "quote"), and most values start with a
    character no implicit resolver is registered for, which settles them as text
    without a call into the resolver."""

    def __init__(self) -> None:
        resolver = yaml.resolver.Resolver()
        table = resolver.yaml_implicit_resolvers
        self._resolve = resolver.resolve
        # None keys a wildcard resolver that could match any first character
        self.first = None if None in table else frozenset(k for k in table if k)
        self.cache: dict[str, str] = {}

    def tag(self, value: str) -> str:
        first = self.first
        if first is not None and value and value[0] not in first:
            return _STR_TAG
        tag = self.cache.get(value)
        if tag is None:
            tag = self.cache[value] = self._resolve(yaml.ScalarNode, value, (True, False))
        return tag


_STR_TAG = "tag:yaml.org,2002:str"


class _Open:
    """A sequence or mapping whose end event has not come yet. A mapping's keys and
    values are collected in turn, and paired when it ends."""

    __slots__ = ("anchor", "is_map", "items", "loc")

    def __init__(self, is_map: bool, loc: Loc, anchor: str | None) -> None:
        self.is_map = is_map
        self.items: list[YNode] = []
        self.loc = loc
        self.anchor = anchor


def parse(text: str, path: str) -> YNode | None:
    """Parse one YAML document; None for an empty file. Raises YamlError with a position."""
    with paused():
        return _parse(text, path)


def _parse(text: str, path: str) -> YNode | None:
    try:
        return _build(text, path)
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


def _build(text: str, path: str) -> YNode | None:
    """Our tree straight from libyaml's events, composing as PyYAML's composer would.

    Building from events skips PyYAML's node graph and its per-node resolver calls,
    which cost as much as the parse itself on a large file. Composer errors (aliases,
    anchors, a second document) are raised where the composer raises them; the errors
    of our own tree (a list as a key, an alias loop) only once the whole stream has
    parsed, as they were found after composing before."""
    loader = _Loader(text)
    try:
        return _events_to_tree(loader.get_event, path)
    finally:
        loader.dispose()


def _events_to_tree(get: Callable[[], yaml.Event], path: str) -> YNode | None:
    scalar_ev, alias_ev = yaml.ScalarEvent, yaml.AliasEvent
    seq_start, map_start = yaml.SequenceStartEvent, yaml.MappingStartEvent
    new, yscalar, yseq, ymap, loc_ = tuple.__new__, YScalar, YSeq, YMap, Loc
    tags, textual, str_tag = _SCALAR_TAGS, _TEXTUAL_KINDS, _STR_TAG
    resolver = _Resolver()
    resolve, first, resolved = resolver.tag, resolver.first, resolver.cache
    anchors: dict[str, tuple[YNode | _Open, yaml.Mark]] = {}
    stack: list[_Open] = []
    items: list[YNode] | None = None  # those of the innermost open collection
    error: Problem | None = None

    get()  # stream start
    if type(get()) is yaml.StreamEndEvent:
        return None
    while True:
        event = get()
        kind = type(event)
        if kind is scalar_ev:  # most events: kept to the fewest steps
            raw = event.value
            tag = event.tag
            if tag is None or tag == "!":
                if not event.implicit[0] or (first is not None and raw and raw[0] not in first):
                    tag = str_tag
                else:
                    tag = resolved.get(raw) or resolve(raw)
            k = tags.get(tag, "other")
            mark = event.start_mark
            node: YNode = new(
                yscalar,
                (
                    raw if k in textual else _scalar_value(tag, raw, event.style),
                    raw,
                    k,
                    new(loc_, (path, mark.line + 1, mark.column + 1)),
                ),
            )
            anchor = event.anchor
            if anchor is not None:
                if anchor in anchors:
                    raise _duplicate_anchor(anchors[anchor][1], mark)
                anchors[anchor] = (node, mark)
            if items is None:  # the document is one scalar
                return _done(get, node, error)
            items.append(node)  # a scalar is always fine as a key
            continue
        if kind is map_start or kind is seq_start:
            mark = event.start_mark
            anchor = event.anchor
            loc = new(loc_, (path, mark.line + 1, mark.column + 1))
            opened = _Open(kind is map_start, loc, anchor)
            if anchor is not None:
                if anchor in anchors:
                    raise _duplicate_anchor(anchors[anchor][1], mark)
                anchors[anchor] = (opened, mark)
            stack.append(opened)
            items = opened.items
            continue
        if kind is alias_ev:
            target = anchors.get(event.anchor)
            if target is None:
                raise ComposerError(None, None, "found undefined alias", event.start_mark)
            found = target[0]
            if type(found) is _Open:  # an alias inside the collection it names
                if error is None:
                    error = Problem(
                        found.loc,
                        "E001",
                        "YAML alias refers to its own parent; remove the anchor/alias",
                    )
                node = yscalar(None, "", "null", found.loc)
            else:
                node = found
        else:  # the end of the innermost collection
            opened = stack.pop()
            done = opened.items
            if opened.is_map:
                node = new(ymap, (tuple(zip(done[::2], done[1::2], strict=True)), opened.loc))
            else:
                node = new(yseq, (tuple(done), opened.loc))
            if opened.anchor is not None:
                anchors[opened.anchor] = (node, anchors[opened.anchor][1])
        if not stack:
            return _done(get, node, error)
        items = stack[-1].items
        # a list or map as a key is our error, found where the old tree walk found it
        if error is None and stack[-1].is_map and not len(items) % 2 and type(node) is not yscalar:
            error = Problem(node.loc, "E001", "a mapping key must be plain text, not a list or map")
        items.append(node)


def _duplicate_anchor(first: yaml.Mark, second: yaml.Mark) -> ComposerError:
    return ComposerError(
        "found duplicate anchor; first occurrence", first, "second occurrence", second
    )


def _done(get: Callable[[], yaml.Event], root: YNode, error: Problem | None) -> YNode:
    """The document's end: a second document is the composer's error, then ours."""
    get()  # document end
    event = get()
    if type(event) is not yaml.StreamEndEvent:
        raise ComposerError(
            "expected a single document in the stream",
            None,
            "but found another document",
            event.start_mark,
        )
    if error is not None:
        raise YamlError(error)
    return root


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
