"""Problems found in a cluster definition, and the error that carries them.

Usage::

    from hamodel.definition import DefinitionError, load_definition

    try:
        load_definition("fixtures/bad/cluster_id.yaml")
    except DefinitionError as err:
        print(err)            # one "file:line: [rule] message" per line
        err.problems[0].rule  # "4.2.1"

A :class:`Problem` names the book rule it breaks (a section ID from
``BEHAVIOURS.md``) or one of the loader's own rules: ``file``, ``yaml``,
``schema``, ``reference``. :class:`Findings` is the notebook the loader and
the rule checks write problems into; :class:`LineTable` remembers the fixture
line of every record and field, because the dataclasses in
:mod:`hamodel.config` only keep one line per record.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a definition file, at one line (0 = the whole file)."""

    file: str
    line: int
    rule: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: [{self.rule}] {self.message}"


class DefinitionError(Exception):
    """A definition file cannot be used; ``problems`` lists every reason found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = list(problems)
        super().__init__(str(self))

    def __str__(self) -> str:
        return "\n".join(str(p) for p in self.problems)


class LineTable:
    """Fixture lines of records, of their fields and of list items inside fields.

    Keyed by object identity: the spec objects live in the definition for as
    long as the checks run, so their ids stay valid.
    """

    def __init__(self) -> None:
        self._records: dict[int, int] = {}
        self._fields: dict[tuple[int, str], int] = {}
        self._items: dict[tuple[int, str], list[int]] = {}

    def record(self, obj: object, line: int) -> None:
        self._records[id(obj)] = line

    def field(self, obj: object, name: str, line: int) -> None:
        self._fields[(id(obj), name)] = line

    def items(self, obj: object, name: str, lines: list[int]) -> None:
        self._items[(id(obj), name)] = lines

    def of(self, obj: object, name: str | None = None, index: int | None = None) -> int:
        """The most precise line known: list item, then field, then record."""
        if name is not None:
            item_lines = self._items.get((id(obj), name), [])
            if index is not None and 0 <= index < len(item_lines):
                return item_lines[index]
            if (id(obj), name) in self._fields:
                return self._fields[(id(obj), name)]
        if id(obj) in self._records:
            return self._records[id(obj)]
        return int(getattr(obj, "line", 0) or 0)


@dataclass
class Findings:
    """The problems collected so far for one file, plus where its items are."""

    file: str
    lines: LineTable = field(default_factory=LineTable)
    problems: list[Problem] = field(default_factory=list)

    def add(self, rule: str, line: int, message: str) -> None:
        self.problems.append(Problem(self.file, line, rule, message))

    def at(self, rule: str, obj: object, message: str, name: str | None = None,
           index: int | None = None) -> None:
        """Record a problem at the line of ``obj`` (or of its field / list item)."""
        self.add(rule, self.lines.of(obj, name, index), message)

    def raise_if_any(self) -> None:
        if self.problems:
            # File order reads best for a trainer fixing the file top to bottom.
            ordered = sorted(self.problems, key=lambda p: p.line)
            raise DefinitionError(ordered)
