"""The step registry: one declarative list of step definitions for both runners.

Usage::

    from steps.registry import step

    @step("then", "clfindres on {node:Name} shows {group:Name} DOWN")
    def clfindres_down(world: Drill, node: str, group: str) -> None: ...

Patterns are ``parse``-style strings: pytest-bdd's ``parsers.parse`` and behave's
default ``parse`` matcher use the same library, so one pattern serves both. The
custom field types in :data:`TYPES` are registered with both runners by the glue.
A step function is a plain ``f(world, **fields)``; a step carrying a data table
also takes ``datatable`` (a list of rows, header first), as pytest-bdd names it.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from typing import Callable, TypeVar

F = TypeVar("F", bound=Callable[..., None])
KEYWORDS = ("given", "when", "then")


@dataclass(frozen=True)
class StepDef:
    keyword: str  # "given" | "when" | "then"
    pattern: str
    func: Callable[..., None]

    @property
    def where(self) -> str:
        code = self.func.__code__
        return f"{os.path.basename(code.co_filename)}:{code.co_firstlineno}"


STEPS: list[StepDef] = []


def _typed(pattern: str, convert: Callable[[str], object] = str) -> Callable[[str], object]:
    """A parse field type: ``convert`` with the regex ``pattern`` attached, as parse wants it."""
    def field(text: str) -> object:
        return convert(text)
    field.pattern = pattern  # type: ignore[attr-defined]
    field.__name__ = f"field_{convert.__name__}"
    return field


def node_list(text: str) -> list[str]:
    """``nodeA and nodeB`` / ``nodeA, nodeB and nodeC`` -> ``["nodeA", "nodeB", ...]``."""
    return [name for name in re.split(r",\s*|\s+and\s+", text.strip()) if name]


NAME = r"[A-Za-z_][\w.-]*"
#: Field types usable in patterns, e.g. ``{node:Name}``. Narrow types keep patterns unambiguous.
TYPES: dict[str, Callable[[str], object]] = {
    "Name": _typed(NAME),                                      # node, client, label, group, vg, user
    "NodeList": _typed(rf"{NAME}(?:(?:,\s*|\s+and\s+){NAME})*", node_list),
    "IP": _typed(r"\d{1,3}(?:\.\d{1,3}){3}"),
    "MAC": _typed(r"[0-9A-Fa-f]{1,2}(?:[:.][0-9A-Fa-f]{1,2}){5}"),
    "Path": _typed(r"/[^\s\"]*"),
    "Code": _typed(r"\w+"),                                    # an LED code such as 888 or c31
    "Since": _typed(r"the last action|the first fault"),       # where a look into hacmp.out starts
    "LvState": _typed(r"(?:open|closed)/(?:syncd|stale)"),     # lsvg -l LV STATE
    "Word": _typed(r"\S+"),                                    # a value as a command prints it
}


def _same(a: Callable[..., None], b: Callable[..., None]) -> bool:
    # behave exec()s steps/*.py as loose files, which defines each function a second
    # time; the copy has the same name, file and line, and must not register twice.
    ca, cb = a.__code__, b.__code__
    return (a.__qualname__ == b.__qualname__ and ca.co_firstlineno == cb.co_firstlineno
            and os.path.basename(ca.co_filename) == os.path.basename(cb.co_filename))


def step(keyword: str, pattern: str) -> Callable[[F], F]:
    """Declare ``func`` as the step ``keyword pattern``; keyword is given, when or then."""
    if keyword not in KEYWORDS:
        raise ValueError(f"step keyword must be one of {KEYWORDS}, not {keyword!r}")

    def deco(func: F) -> F:
        if not any(sd.keyword == keyword and sd.pattern == pattern and _same(sd.func, func) for sd in STEPS):
            STEPS.append(StepDef(keyword, pattern, func))
        return func
    return deco
