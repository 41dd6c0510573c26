"""Read a cluster definition YAML file into :mod:`hamodel.config` dataclasses.

Usage::

    from hamodel.definition import load_definition
    definition = load_definition("fixtures/hotstandby.yaml")
    definition.networks[0].adapters[0].line   # 55: the fixture line of nodeA_svc

Three passes, each collecting every problem it finds before giving up:

1. YAML: PyYAML's safe loader only (a :class:`yaml.SafeLoader` subclass that
   also records line numbers); syntax errors become rule ``yaml``.
2. Schema (:data:`.rules.SCHEMA`): known keys, required keys, value types and formats;
   rule ``schema``. The rule checks run only on a schema-clean file, so one typo
   does not bury a trainer under follow-on complaints.
3. Name references (:mod:`.rules`) and the book's planning rules (:mod:`.rules_book`).

Any problem raises :class:`~hamodel.definition.errors.DefinitionError`.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

import yaml

from hamodel.config import (
    AdapterSpec, ApplicationServerSpec, ArraySpec, ClientSpec, ClusterDefinition, ClusterId,
    DrawerSpec, ErrorNotifySpec, EventCustomSpec, HubSpec, LogicalVolumeSpec, LunSpec, NetworkSpec,
    NicSpec, NodeSpec, PdiskSpec, ProcessSpec, ResourceGroupSpec, ScsiAdapterSpec, SerialLinkSpec,
    SharedDiskSpec, SsaAdapterSpec, SsaLoopSpec, UserSpec, VolumeGroupSpec,
)
from hamodel.definition.errors import Findings
from hamodel.definition.rules import SCHEMA, TOP_LEVEL, Key, bad_item, check_definition, convert


SECTIONS = {  # how a message names one record of each list section
    "hubs": "hub", "nodes": "node", "nics": "card", "serial_links": "serial link",
    "shared_disks": "shared disk", "volume_groups": "volume group",
    "logical_volumes": "logical volume", "networks": "network", "adapters": "adapter",
    "clients": "client", "users": "user", "application_servers": "application server",
    "processes": "process", "resource_groups": "resource group", "events": "event customisation",
    "ssa_adapters": "SSA adapter", "scsi_adapters": "SCSI adapter", "drawers": "drawer",
    "pdisks": "pdisk", "ssa_loops": "SSA loop", "arrays": "7135 array", "luns": "LUN",
    "error_notifications": "error notification",
}


class _LineDict(dict):
    """A YAML mapping that knows its line, its keys' lines and any repeated keys."""

    line: int = 0
    key_lines: dict[Any, int]
    duplicates: list[tuple[Any, int]]


class _LineList(list):
    """A YAML sequence that knows its line and the line of each item."""

    line: int = 0
    item_lines: list[int]


def _line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


def _construct_map(loader: yaml.SafeLoader, node: yaml.MappingNode) -> Iterator[_LineDict]:
    data = _LineDict()
    data.line, data.key_lines, data.duplicates = _line(node), {}, []
    yield data
    # PyYAML silently keeps the last of two equal keys; a trainer should hear about it.
    seen: set[str] = set()
    for key_node, _ in node.value:
        if isinstance(key_node, yaml.ScalarNode) and key_node.tag != "tag:yaml.org,2002:merge":
            if key_node.value in seen:
                data.duplicates.append((key_node.value, _line(key_node)))
            seen.add(key_node.value)
    data.update(loader.construct_mapping(node))  # also flattens "<<" merges
    for key_node, _ in node.value:
        data.key_lines[loader.construct_object(key_node)] = _line(key_node)


def _construct_seq(loader: yaml.SafeLoader, node: yaml.SequenceNode) -> Iterator[_LineList]:
    data = _LineList()
    data.line, data.item_lines = _line(node), [_line(item) for item in node.value]
    yield data
    data.extend(loader.construct_sequence(node))


class _LineLoader(yaml.SafeLoader):
    """SafeLoader (no arbitrary tags) whose mappings and lists carry fixture lines."""


_LineLoader.add_constructor("tag:yaml.org,2002:map", _construct_map)
_LineLoader.add_constructor("tag:yaml.org,2002:seq", _construct_seq)


def load_definition(path: str | Path) -> ClusterDefinition:
    """Load, check and return one cluster definition; raise DefinitionError if anything is wrong."""
    findings = Findings(str(path))
    document = _read_yaml(Path(path), findings)
    findings.raise_if_any()
    definition = _Builder(findings).build(document)
    findings.raise_if_any()
    assert definition is not None  # the builder only fails after reporting a problem
    check_definition(definition, findings)
    findings.raise_if_any()
    return definition


def _read_yaml(path: Path, findings: Findings) -> Any:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        findings.add("file", 0, f"there is no definition file at {path}")
        return None
    except IsADirectoryError:
        findings.add("file", 0, f"{path} is a directory, not a definition file")
        return None
    except OSError as exc:
        findings.add("file", 0, f"cannot read {path}: {exc.strerror or exc}")
        return None
    try:
        return yaml.load(data, Loader=_LineLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        what = ", ".join(part for part in (exc.context, exc.problem) if part)
        # Tags such as !!python/object are refused on purpose: only plain data is safe.
        if isinstance(exc, yaml.constructor.ConstructorError):
            hint = "only plain YAML data is accepted"
        else:
            hint = "check the indentation, colons, quotes and brackets here and just above"
        findings.add("yaml", mark.line + 1 if mark else 1,
                     f"the file is not valid YAML: {what} ({hint})")
    except yaml.reader.ReaderError as exc:
        line = data[: exc.position].count(b"\n") + 1
        findings.add("yaml", line, f"the file is not plain UTF-8 text: {exc.reason}")
    except yaml.YAMLError as exc:  # any other PyYAML complaint, without a position
        findings.add("yaml", 1, f"the file is not valid YAML: {exc}")
    return None


def _describe(item: Any, section: str, index: int) -> str:
    """How a trainer recognises a record: its name or label, else its position."""
    noun = SECTIONS[section]
    if isinstance(item, dict):
        name = item.get("name", item.get("label", item.get("interface", item.get("hdisk"))))
        if isinstance(name, str) and name:
            return f"{noun} {name}"
    return f"{noun} #{index + 1}"


@dataclass
class _Builder:
    """Turns the YAML data into dataclasses, reporting schema problems as it goes."""

    findings: Findings

    def problem(self, line: int, message: str) -> None:
        self.findings.add("schema", line, message)

    def build(self, document: Any) -> ClusterDefinition | None:
        if document is None:
            self.problem(1, "the file is empty; expected a cluster definition with "
                            "cluster, nodes and networks")
            return None
        if not isinstance(document, _LineDict):
            self.problem(getattr(document, "line", 1), "the file must be a mapping of sections "
                         "(cluster:, nodes:, networks: ...), not a list or a single value")
            return None
        top = self.fields(document, TOP_LEVEL, "the file")
        cluster = self.mapping(document, "cluster")
        lists = {name: self.records(document, name, required=key.required)
                 for name, key in TOP_LEVEL.items() if key.kind == "records"}
        if top is None or cluster is None or None in lists.values():
            return None
        sections: dict[str, Any] = lists  # every list built: each holds its section's specs
        definition = ClusterDefinition(
            source=self.findings.file, cluster=ClusterId(**cluster, line=document["cluster"].line),
            ping_client_list=top.get("ping_client_list", []), **sections)
        self.remember(definition, document)
        self.remember(definition.cluster, document["cluster"])
        return definition

    def remember(self, obj: object, item: _LineDict) -> None:
        """Keep the line of every field and list item of ``obj`` for the rule checks."""
        lines = self.findings.lines
        lines.record(obj, item.line)
        for key, line in item.key_lines.items():
            if isinstance(key, str):
                lines.field(obj, key, line)
                if isinstance(item.get(key), _LineList):
                    lines.items(obj, key, item[key].item_lines)

    def fields(self, item: _LineDict, spec: dict[str, Key], what: str) -> dict[str, Any] | None:
        """Check and convert one mapping's scalar fields; None if any is wrong."""
        ok = True
        for key, line in item.duplicates:
            self.problem(line, f"{what}: key '{key}' is given twice; give it once")
            ok = False
        for key in item:
            if key not in spec:
                guess = difflib.get_close_matches(str(key), spec, n=1)
                hint = f"did you mean '{guess[0]}'? " if guess else ""
                self.problem(item.key_lines.get(key, item.line), f"{what}: unknown key "
                             f"'{key}'; {hint}expected one of: {', '.join(spec)}")
                ok = False
        values: dict[str, Any] = {}
        for name, key in spec.items():
            if name not in item:
                if key.required:
                    self.problem(item.line, f"{what}: missing required key '{name}' "
                                            f"(expected {key.expected()})")
                    ok = False
                continue
            if key.kind in ("records", "mapping"):
                continue  # walked by the caller
            value, error = convert(key, item[name])
            if error:
                self.problem(self.line_of(item, name, bad_item(key, item[name])),
                             f"{what}: '{name}' {error}")
                ok = False
            values[name] = value
        return values if ok else None

    @staticmethod
    def line_of(item: _LineDict, name: str, index: int | None) -> int:
        """The line of a key, or of one item of its list (a ring written one item a line)."""
        value = item.get(name)
        if index is not None and isinstance(value, _LineList):
            return value.item_lines[index]
        return item.key_lines.get(name, item.line)

    def mapping(self, document: _LineDict, name: str) -> dict[str, Any] | None:
        item = document.get(name)
        if not isinstance(item, _LineDict):
            if name in document:  # a missing section was already reported by fields()
                self.problem(document.key_lines[name], f"'{name}' must be a mapping of keys "
                                                       "like id: and name:")
            return None
        return self.fields(item, SCHEMA[name], name)

    def records(self, parent: _LineDict, section: str, owner: str = "",
                required: bool = False) -> list[Any] | None:
        """Build every record of a list section; None if any record is wrong."""
        items = parent.get(section)
        where = f"{owner}: '{section}'" if owner else f"'{section}'"
        if required and (items is None or items == []):
            if section in parent:  # an absent section was reported by fields()
                self.problem(parent.key_lines[section], f"{where} must list at least one "
                                                        f"{SECTIONS[section]}")
            return None
        if items is None:  # "nics:" with nothing after it
            return []
        if not isinstance(items, _LineList):
            self.problem(parent.key_lines.get(section, parent.line),
                         f"{where} must be a list of items, each starting with '-'")
            return None
        built, ok = [], True
        for index, item in enumerate(items):
            what = _describe(item, section, index) + (f" of {owner}" if owner else "")
            if not isinstance(item, _LineDict):
                self.problem(items.item_lines[index], f"{what} must be a mapping of keys, "
                                                      f"like {{name: ..., ...}}")
                ok = False
                continue
            obj = self.record(section, item, what)
            ok = ok and obj is not None
            built.append(obj)
        return built if ok else None

    def record(self, section: str, item: _LineDict, what: str) -> Any:
        values = self.fields(item, SCHEMA[section], what)
        children = {name: self.records(item, name, what)
                    for name, key in SCHEMA[section].items() if key.kind == "records"}
        if values is None or None in children.values():
            return None
        values.update(children)
        obj = _MAKERS[section](**values, line=item.line)
        self.remember(obj, item)
        return obj


_MAKERS: dict[str, Any] = {
    "hubs": HubSpec, "nodes": NodeSpec, "nics": NicSpec, "serial_links": SerialLinkSpec,
    "shared_disks": SharedDiskSpec, "volume_groups": VolumeGroupSpec,
    "logical_volumes": LogicalVolumeSpec, "networks": NetworkSpec, "adapters": AdapterSpec,
    "clients": ClientSpec, "users": UserSpec, "application_servers": ApplicationServerSpec,
    "resource_groups": ResourceGroupSpec, "events": EventCustomSpec,
    "ssa_adapters": SsaAdapterSpec, "scsi_adapters": ScsiAdapterSpec, "drawers": DrawerSpec,
    "pdisks": PdiskSpec, "ssa_loops": SsaLoopSpec, "arrays": ArraySpec, "luns": LunSpec,
    "error_notifications": ErrorNotifySpec,
    # ProcessSpec keeps no line of its own; the line table remembers it.
    "processes": lambda line, **values: ProcessSpec(**values),
}
