"""The evidence of one drill: every check as expected-vs-observed, every command output read.

Usage::

    ev = Evidence()
    out = ev.output("nodeB", "lsvg -o", "sharedvg\nrootvg\n", status=0, time=312.0)
    ev.check("sharedvg varied on nodeB", expected="listed", observed="listed", source="nodeB$ lsvg -o")
    ev.check("rg1 location", expected="nodeA", observed="nodeB", source="nodeA$ clfindres")
    # -> raises CheckFailed("rg1 location: expected nodeA, observed nodeB (from nodeA$ clfindres)")
    ev.failed()       # [Row(check='rg1 location', ...)]
    ev.to_json()      # the table, for the Allure attachment and the journal

A failing check is recorded *before* it raises, so the record always holds the
whole table, including rows after which the drill stopped being green.
"""

from __future__ import annotations

import html
import json
from dataclasses import asdict, dataclass, field


class CheckFailed(AssertionError):
    """A Then-check saw something else than the book expects."""


@dataclass(frozen=True)
class Row:
    check: str      # what is checked, in the drill's words
    expected: str   # what the book expects
    observed: str   # what the model showed
    passed: bool
    source: str     # the command (host$ command) or structured read the observation came from

    @property
    def category(self) -> str:
        """What kind of deviation a failed row is, for the report's failure categories:
        where the resources went, which events ran, or what another command printed."""
        if "hacmp.out" in self.source:
            return "event sequence mismatch"
        if "clfindres" in self.check or self.source.startswith("lab.holders") or "service label" in self.check:
            return "takeover mismatch"
        return "command output mismatch"


@dataclass(frozen=True)
class Output:
    host: str
    command: str
    status: int
    output: str
    time: float

    @property
    def prompt(self) -> str:
        return f"{self.host}$ {self.command}"


@dataclass
class Evidence:
    rows: list[Row] = field(default_factory=list)
    outputs: list[Output] = field(default_factory=list)
    #: Step errors that are not checks (a LabError, an undefined step): the drill could not run.
    errors: list[str] = field(default_factory=list)

    def __repr__(self) -> str:
        return f"Evidence({len(self.rows)} checks, {len(self.failed())} failed, {len(self.outputs)} outputs)"

    def output(self, host: str, command: str, output: str, status: int = 0, time: float = 0.0) -> Output:
        out = Output(host, command, status, output, time)
        self.outputs.append(out)
        return out

    def check(self, check: str, expected: object, observed: object, passed: bool | None = None,
              source: str = "") -> Row:
        """Record one row; raise :class:`CheckFailed` when it did not pass.

        ``passed`` defaults to ``expected == observed``; give it when the comparison
        is not equality (a subsequence, a membership), with readable texts for both sides.
        """
        ok = (expected == observed) if passed is None else bool(passed)
        row = Row(check, _text(expected), _text(observed), ok, source)
        self.rows.append(row)
        if not ok:
            where = f" (from {source})" if source else ""
            raise CheckFailed(f"[{row.category}] {check}: expected {row.expected}, observed {row.observed}{where}")
        return row

    def error(self, text: str) -> None:
        if text not in self.errors:
            self.errors.append(text)

    def failed(self) -> list[Row]:
        return [r for r in self.rows if not r.passed]

    def to_json(self) -> str:
        return json.dumps([asdict(r) for r in self.rows], indent=2)

    def commands_text(self) -> str:
        """Every command output read, in order, as a terminal would show it."""
        parts = []
        for o in self.outputs:
            body = o.output if not o.output or o.output.endswith("\n") else o.output + "\n"
            status = f"(exit status {o.status})\n" if o.status else ""
            parts.append(f"[{o.time:9.2f}] {o.prompt}\n{body}{status}\n")
        return "".join(parts)

    def to_html(self, title: str = "Expected vs observed", intro: str = "") -> str:
        cells = "".join(
            f"<tr class={'pass' if r.passed else 'fail'}><td>{'✔' if r.passed else '✘'}</td>"
            f"<td>{html.escape(r.check)}</td><td>{_pre(r.expected)}</td><td>{_pre(r.observed)}</td>"
            f"<td><code>{html.escape(r.source)}</code></td></tr>" for r in self.rows)
        errors = "".join(f"<p class=fail>{_pre(e)}</p>" for e in self.errors)
        return (f"<!doctype html><meta charset=utf-8><title>{html.escape(title)}</title><style>"
                "body{font-family:sans-serif;font-size:13px}table{border-collapse:collapse}"
                "td,th{border:1px solid #ccc;padding:4px 6px;vertical-align:top;text-align:left}"
                ".pass td:first-child{color:#1a7f37}.fail td:first-child,p.fail{color:#cf222e}"
                "tr.fail{background:#fff1f0}pre{margin:0;white-space:pre-wrap}</style>"
                f"<h3>{html.escape(title)}</h3>" + (f"<p>{html.escape(intro)}</p>" if intro else "") +
                "<table><tr><th></th><th>check</th><th>book expects</th>"
                f"<th>model showed</th><th>source</th></tr>{cells}</table>{errors}")


def _text(value: object) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, (list, tuple)):
        return ", ".join(_text(v) for v in value) if value else "(none)"
    if value is None:
        return "(none)"
    return str(value)


def _pre(text: str) -> str:
    return f"<pre>{html.escape(text)}</pre>"
