"""The `${{ … }}` expressions of GitHub workflows, as far as a rehearsal can resolve them.

Contexts are plain dicts. A name the rehearsal cannot know (a secret, an output no step
set, a context it does not model) raises `Unresolved` naming it: an expression is never
quietly read as empty, since that would let a rehearsal pass where GitHub's run fails.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

TEMPLATE = re.compile(r"\$\{\{(.*?)\}\}", re.S)
# a value that is one expression and nothing else keeps the expression's type
WHOLE = re.compile(r"\$\{\{((?:(?!\}\}).)*)\}\}", re.S)
TOKEN = re.compile(
    r"\s*(?:(?P<num>-?\d+(?:\.\d+)?)|(?P<str>'(?:[^']|'')*')|(?P<op>==|!=|<=|>=|&&|\|\||[!<>().,\[\]*])"
    r"|(?P<name>[A-Za-z_][A-Za-z0-9_-]*))"
)


class Unresolved(Exception):
    """An expression the rehearsal cannot evaluate; the message says which and why."""


@dataclass
class Status:
    """What the status functions see: has an earlier step (or needed job) failed?"""

    failed: bool = False


def _tokens(text: str) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    pos = 0
    text = text.strip()
    while pos < len(text):
        m = TOKEN.match(text, pos)
        if not m or m.end() == pos:
            raise Unresolved(f"cannot read the expression {text!r} at {text[pos:]!r}")
        kind = m.lastgroup or ""
        out.append((kind, m.group(kind)))
        pos = m.end()
        while pos < len(text) and text[pos].isspace():
            pos += 1
    return out


def _truthy(value: Any) -> bool:
    return value not in (None, False, 0, "") and value == value  # NaN is false


def _loose(value: Any) -> Any:
    """GitHub compares strings case-insensitively and coerces mixed types to numbers."""
    if isinstance(value, str):
        return value.casefold()
    return value


def _equal(a: Any, b: Any) -> bool:
    if type(a) is type(b) or {type(a), type(b)} <= {int, float}:
        return _loose(a) == _loose(b)
    return _number(a) == _number(b)


def _number(value: Any) -> float:
    if value is None or value is False:
        return 0.0
    if value is True:
        return 1.0
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, str):
        try:
            return float(value.strip() or 0)
        except ValueError:
            return float("nan")
    return float("nan")


def _text(value: Any) -> str:
    if value is None:
        return ""
    if value is True or value is False:
        return str(value).lower()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dict | list):
        return json.dumps(value, indent=2)
    return str(value)


class _Parser:
    def __init__(self, text: str, contexts: Mapping[str, Any], status: Status) -> None:
        self.text = text
        self.tokens = _tokens(text)
        self.pos = 0
        self.contexts = contexts
        self.status = status

    def peek(self) -> str | None:
        return self.tokens[self.pos][1] if self.pos < len(self.tokens) else None

    def take(self, expected: str | None = None) -> tuple[str, str]:
        if self.pos >= len(self.tokens):
            raise Unresolved(f"{self.text.strip()!r} ends too early")
        token = self.tokens[self.pos]
        if expected is not None and token[1] != expected:
            raise Unresolved(f"{self.text.strip()!r}: expected {expected!r}, found {token[1]!r}")
        self.pos += 1
        return token

    def parse(self) -> Any:
        value = self.or_()
        if self.pos != len(self.tokens):
            raise Unresolved(f"{self.text.strip()!r}: unexpected {self.peek()!r}")
        return value

    def or_(self) -> Any:
        value = self.and_()
        while self.peek() == "||":
            self.take()
            right = self.and_()
            value = value if _truthy(value) else right
        return value

    def and_(self) -> Any:
        value = self.compare()
        while self.peek() == "&&":
            self.take()
            right = self.compare()
            value = right if _truthy(value) else value
        return value

    def compare(self) -> Any:
        left = self.unary()
        op = self.peek()
        if op in ("==", "!=", "<", ">", "<=", ">="):
            self.take()
            right = self.unary()
            if op == "==":
                return _equal(left, right)
            if op == "!=":
                return not _equal(left, right)
            a, b = _number(left), _number(right)
            return {"<": a < b, ">": a > b, "<=": a <= b, ">=": a >= b}[op]
        return left

    def unary(self) -> Any:
        if self.peek() == "!":
            self.take()
            return not _truthy(self.unary())
        return self.primary()

    def primary(self) -> Any:
        kind, token = self.take()
        if token == "(":
            value = self.or_()
            self.take(")")
            return value
        if kind == "num":
            return float(token) if "." in token else int(token)
        if kind == "str":
            return token[1:-1].replace("''", "'")
        if kind != "name":
            raise Unresolved(f"{self.text.strip()!r}: unexpected {token!r}")
        if token in ("true", "false"):
            return token == "true"
        if token == "null":
            return None
        if self.peek() == "(":
            return self.call(token)
        return self.path(token)

    def call(self, name: str) -> Any:
        self.take("(")
        args: list[Any] = []
        while self.peek() != ")":
            args.append(self.or_())
            if self.peek() == ",":
                self.take()
        self.take(")")
        fn = FUNCTIONS.get(name.lower())
        if fn is None:
            raise Unresolved(f"the function {name}() is not one a rehearsal can evaluate")
        return fn(self.status, *args)

    def path(self, name: str) -> Any:
        if name not in self.contexts:
            raise Unresolved(f"the context `{name}` is not available in a rehearsal")
        value = self.contexts[name]
        shown = name
        while self.peek() in (".", "["):
            if self.take()[1] == ".":
                key = self.take()[1]
            else:
                key = _text(self.or_())
                self.take("]")
            shown += f".{key}"
            if not isinstance(value, Mapping) or key not in value:
                raise Unresolved(f"`{shown}` is not set")
            value = value[key]
        return value


def _status_fn(result: Callable[[Status], bool]) -> Callable[..., bool]:
    def fn(status: Status, *args: Any) -> bool:
        if args:
            raise Unresolved("status functions take no arguments")
        return result(status)

    return fn


FUNCTIONS: dict[str, Callable[..., Any]] = {
    "success": _status_fn(lambda s: not s.failed),
    "failure": _status_fn(lambda s: s.failed),
    "always": _status_fn(lambda s: True),
    # a rehearsal is never cancelled: it stops at the first failure of a job instead
    "cancelled": _status_fn(lambda s: False),
    "contains": lambda s, hay, needle: (
        any(_equal(x, needle) for x in hay)
        if isinstance(hay, list)
        else _text(needle).casefold() in _text(hay).casefold()
    ),
    "startswith": lambda s, a, b: _text(a).casefold().startswith(_text(b).casefold()),
    "endswith": lambda s, a, b: _text(a).casefold().endswith(_text(b).casefold()),
    "format": lambda s, fmt, *args: re.sub(
        r"\{(\d+)\}", lambda m: _text(args[int(m.group(1))]), _text(fmt)
    ),
    "join": lambda s, items, sep=",": _text(sep).join(_text(x) for x in items),
    "tojson": lambda s, value: json.dumps(value, indent=2),
}


def evaluate(text: str, contexts: Mapping[str, Any], status: Status | None = None) -> Any:
    """The value of one expression (without `${{ }}`)."""
    return _Parser(text, contexts, status or Status()).parse()


def condition(text: str | bool | None, contexts: Mapping[str, Any], status: Status) -> bool:
    """An `if:`: absent means success(); a condition without a status function is
    and-ed with success(), as GitHub does."""
    if text is None:
        return not status.failed
    if isinstance(text, bool):
        return text and not status.failed
    body = text.strip()
    if body.startswith("${{") and body.endswith("}}"):
        body = body[3:-2]
    value = _truthy(evaluate(body, contexts, status))
    if not re.search(r"\b(success|failure|always|cancelled)\s*\(", body, re.I):
        value = value and not status.failed
    return value


def interpolate(value: Any, contexts: Mapping[str, Any], status: Status | None = None) -> Any:
    """A value from the workflow with every `${{ … }}` in its strings replaced."""
    if isinstance(value, str):
        whole = WHOLE.fullmatch(value.strip())
        if whole:
            return evaluate(whole.group(1), contexts, status)
        return TEMPLATE.sub(lambda m: _text(evaluate(m.group(1), contexts, status)), value)
    if isinstance(value, dict):
        return {k: interpolate(v, contexts, status) for k, v in value.items()}
    if isinstance(value, list):
        return [interpolate(v, contexts, status) for v in value]
    return value


def text(value: Any) -> str:
    """A value as GitHub turns it into a string (for env and `with:`)."""
    return _text(value)
