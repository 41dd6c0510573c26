"""Unit tests for hamodel.definition: good fixtures load, bad fixtures fail where they say.

Usage::

    cd /work/main && python -m pytest tests/unit/test_definition.py -q -p no:cacheprovider

Every file in fixtures/bad/ starts with ``# expect: <rule> line <N>``; the test
checks that loading it raises DefinitionError with a problem of that rule at
that line, and never any other exception.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from hamodel.config import ClusterDefinition
from hamodel.definition import DefinitionError, Problem, load_definition
from hamodel.definition.rules import SCHEMA, convert

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "fixtures"
GOOD = sorted(p.name for p in (ROOT / "fixtures").glob("*.yaml"))
BAD = sorted((FIXTURES / "bad").glob("*.yaml"))
EXPECT = re.compile(r"# expect: (\S+) line (\d+)")

# A good two-node cluster with SSA disks (one 7133 drawer, one loop) and a 7135 array on
# two SCSI buses: mirrored, concurrent and RAID volume groups. The storage files in
# fixtures/bad/ are this text with one fault each.
STORAGE = """\
cluster:
  id: 1
  name: storage

hubs:
  - name: hub1
  - name: hub2
    uplink: hub1

nodes:
  - name: nodeA
    cpu_id: "000100014C00"
    nics:
      - {interface: en0, type: ether, mac: "02:60:8c:2f:00:a0", hub: hub1}
      - {interface: en1, type: ether, mac: "02:60:8c:2f:00:a1", hub: hub2}
    ttys: [tty0]
    internal_disks: 2
    rootvg_mirrored: true
    ssa_adapters:
      - {name: ssa0, type: 6215, microcode: 1801}
    ssa_node_number: 1
    scsi_adapters:
      - {name: scsi1, bus: bus1, id: 7}
      - {name: scsi2, bus: bus2, id: 7}
  - name: nodeB
    cpu_id: "000200024C00"
    nics:
      - {interface: en0, type: ether, mac: "02:60:8c:2f:00:b0", hub: hub1}
      - {interface: en1, type: ether, mac: "02:60:8c:2f:00:b1", hub: hub2}
    ttys: [tty0]
    internal_disks: 2
    ssa_adapters:
      - {name: ssa0, type: 6215, microcode: 1801}
    ssa_node_number: 2
    scsi_adapters:
      - {name: scsi1, bus: bus1, id: 6}
      - {name: scsi2, bus: bus2, id: 6}

serial_links:
  - name: rs232_ab
    ends: ["nodeA:tty0", "nodeB:tty0"]

drawers:
  - name: drawer1
    type: 7133-020
    pdisks:
      - {name: pdisk0, hdisk: hdisk2, pvid: "00010001a0000002"}
      - {name: pdisk1, hdisk: hdisk3, pvid: "00010001a0000003"}
      - {name: pdisk2, hdisk: hdisk4, pvid: "00010001a0000004"}
      - {name: pdisk3, hdisk: hdisk5, pvid: "00010001a0000005"}

ssa_loops:
  - name: loop1
    ring:
      - nodeA:ssa0:A
      - pdisk0
      - pdisk1
      - pdisk2
      - pdisk3
      - nodeB:ssa0:A

arrays:
  - name: array1
    type: 7135-110
    buses: [bus1, bus2]
    drives: [d1, d2, d3, d4, d5, d6]
    hot_spares: [d6]
    luns:
      - {hdisk: hdisk6, pvid: "00010001b0000006", raid: 5, drives: [d1, d2, d3]}
      - {hdisk: hdisk7, pvid: "00010001b0000007", raid: 1, drives: [d4, d5]}

volume_groups:
  - name: sharedvg
    major: 60
    disks: [hdisk2, hdisk3]
    logical_volumes:
      - {name: sharedloglv, type: jfslog, size_mb: 4, copies: 2}
      - {name: sharedlv, type: jfs, mount: /sharedfs, copies: 2, disks: [hdisk3, hdisk2]}
  - name: concvg
    major: 61
    disks: [hdisk4, hdisk5]
    concurrent_capable: true
    logical_volumes:
      - {name: conclv, type: raw, size_mb: 512}
  - name: raidvg
    major: 62
    disks: [hdisk6, hdisk7]
    logical_volumes:
      - {name: raidloglv, type: jfslog, size_mb: 4}
      - {name: raidlv, type: jfs, mount: /raidfs, size_mb: 2048}

networks:
  - name: ether1
    attribute: public
    nim: ether
    adapters:
      - {label: nodeA_svc,  function: service, node: nodeA, interface: en0, ip: 192.168.10.1,  netmask: 255.255.255.0}
      - {label: nodeA_boot, function: boot,    node: nodeA, interface: en0, ip: 192.168.10.11, netmask: 255.255.255.0}
      - {label: nodeA_stby, function: standby, node: nodeA, interface: en1, ip: 192.168.20.1,  netmask: 255.255.255.0}
      - {label: nodeB_svc,  function: service, node: nodeB, interface: en0, ip: 192.168.10.2,  netmask: 255.255.255.0}
      - {label: nodeB_stby, function: standby, node: nodeB, interface: en1, ip: 192.168.20.2,  netmask: 255.255.255.0}
  - name: serial1
    attribute: serial
    nim: rs232
    adapters:
      - {label: nodeA_tty, function: service, node: nodeA, device: /dev/tty0}
      - {label: nodeB_tty, function: service, node: nodeB, device: /dev/tty0}

resource_groups:
  - name: rg1
    type: cascading
    nodes: [nodeA, nodeB]
    service_labels: [nodeA_svc]
    volume_groups: [sharedvg, raidvg]
    filesystems: [/sharedfs, /raidfs]
  - name: conc_rg
    type: concurrent
    nodes: [nodeA, nodeB]
    volume_groups: [concvg]

error_notifications:
  - {name: ssa_disk_err, node: nodeA, label: SSA_DISK_ERR4, method: "/usr/local/ha/page_operator $1"}
"""


def _relative(path: Path) -> str:
    return str(path.relative_to(ROOT))


@pytest.fixture(autouse=True)
def _run_from_repo_root(monkeypatch: pytest.MonkeyPatch) -> None:
    # Relative paths, as a trainer types them, must appear unchanged in messages.
    monkeypatch.chdir(ROOT)


@pytest.mark.parametrize("name", GOOD)
def test_good_fixture_loads(name: str) -> None:
    definition = load_definition(f"fixtures/{name}")
    assert isinstance(definition, ClusterDefinition)
    assert definition.source == f"fixtures/{name}"
    assert [n.name for n in definition.nodes][:2] == ["nodeA", "nodeB"]
    first = definition.serial_links[0].ends
    assert {end[0] for end in first} == {"nodeA", "nodeB"}


def test_hotstandby_fields_and_lines() -> None:
    d = load_definition(Path("fixtures/hotstandby.yaml"))
    assert (d.cluster.id, d.cluster.name) == (1, "hotstandby")
    assert d.node("nodeA").line == 16 and d.node("nodeB").line == 23
    assert d.node("nodeA").nics[1].line == 21 and d.node("nodeA").ttys == ["tty0"]
    svc = d.networks[0].adapters[0]
    assert (svc.label, svc.function, svc.line) == ("nodeA_svc", "service", 55)
    assert svc.hw_address == "42:00:c0:a8:0a:01"
    assert d.networks[1].adapters[1].device == "/dev/tty0"
    assert d.volume_groups[0].logical_volumes[1].mount == "/sharedfs"
    assert d.volume_groups[0].auto_varyon is False
    assert d.application_servers[0].processes[0].user == "appuser"
    rg = d.resource_groups[0]
    assert (rg.name, rg.type, rg.nodes, rg.line) == ("rg1", "cascading", ["nodeA", "nodeB"], 81)
    assert d.ping_client_list == []


def test_mutual_has_two_mirrored_groups() -> None:
    d = load_definition("fixtures/mutual.yaml")
    rg1, rg2 = d.resource_groups
    assert rg1.nodes == ["nodeA", "nodeB"] and rg2.nodes == ["nodeB", "nodeA"]
    assert (rg1.filesystems, rg2.filesystems) == (["/fsa"], ["/fsb"])
    hwat = {a.label: a.hw_address for _, a in d.adapters() if a.hw_address}
    assert set(hwat) == {"nodeA_svc", "nodeB_svc"}


def test_variants_differ_from_hotstandby_only_where_intended() -> None:
    base = load_definition("fixtures/hotstandby.yaml")
    it = load_definition("fixtures/hotstandby_it.yaml")
    nohwat = load_definition("fixtures/hotstandby_nohwat.yaml")
    assert it.resource_groups[0].inactive_takeover is True
    assert base.resource_groups[0].inactive_takeover is False
    assert it.cluster.id != base.cluster.id and it.cluster.name != base.cluster.name
    assert all(a.hw_address is None for _, a in nohwat.adapters())
    assert nohwat.ping_client_list == ["192.168.10.100"]
    assert [a.label for _, a in nohwat.adapters()] == [a.label for _, a in base.adapters()]


def test_there_are_enough_bad_fixtures() -> None:
    assert len(BAD) >= 18


@pytest.mark.parametrize("path", BAD, ids=lambda p: p.stem)
def test_bad_fixture_fails_with_expected_rule_and_line(path: Path) -> None:
    header = path.read_text().splitlines()[0]
    match = EXPECT.fullmatch(header)
    assert match, f"{path.name}: first line must be '# expect: <rule> line <N>'"
    rule, line = match.group(1), int(match.group(2))
    relative = _relative(path)
    with pytest.raises(DefinitionError) as caught:
        load_definition(relative)
    problems = caught.value.problems
    assert any(p.rule == rule and p.line == line for p in problems), str(caught.value)
    assert str(caught.value).startswith(f"{relative}:")
    assert all(isinstance(p, Problem) and p.file == relative for p in problems)


def test_problem_and_error_formats() -> None:
    with pytest.raises(DefinitionError) as caught:
        load_definition("fixtures/bad/cluster_id.yaml")
    first = caught.value.problems[0]
    assert str(first) == ("fixtures/bad/cluster_id.yaml:3: [4.2.1] "
                          "cluster id 123456 is outside 1-99999")
    assert str(caught.value).splitlines() == [str(p) for p in caught.value.problems]


def test_every_problem_in_a_file_is_reported(tmp_path: Path) -> None:
    text = (FIXTURES / "hotstandby.yaml").read_text()
    text = text.replace("  id: 1\n", "  id: 0\n").replace("nodeA_stby", "nodeA-stby")
    text = text.replace("auto_varyon: false", "auto_varyon: true")
    path = tmp_path / "many.yaml"
    path.write_text(text)
    with pytest.raises(DefinitionError) as caught:
        load_definition(path)
    rules = {(p.rule, p.line) for p in caught.value.problems}
    assert {("4.2.1", 7), ("4.2.3", 57), ("3.4.1", 43)} <= rules


def test_missing_file_is_a_clear_error() -> None:
    with pytest.raises(DefinitionError) as caught:
        load_definition("fixtures/no_such_cluster.yaml")
    (problem,) = caught.value.problems
    assert problem.rule == "file" and problem.file == "fixtures/no_such_cluster.yaml"
    assert "no definition file" in problem.message


@pytest.mark.parametrize("text, rule", [
    ("", "schema"),
    ("- just\n- a list\n", "schema"),
    ("cluster: {id: 1, name: x}\ncluster: {id: 2, name: y}\n", "schema"),
    ("cluster: [\n", "yaml"),
    ("cluster: !!python/object:os.system {}\n", "yaml"),
])
def test_odd_files_give_definition_errors(tmp_path: Path, text: str, rule: str) -> None:
    path = tmp_path / "odd.yaml"
    path.write_text(text)
    with pytest.raises(DefinitionError) as caught:
        load_definition(path)
    assert rule in {p.rule for p in caught.value.problems}


def test_deleting_any_line_never_crashes(tmp_path: Path) -> None:
    # Whatever a trainer deletes by mistake, the answer is a DefinitionError or a
    # definition, never a Python traceback.
    lines = (FIXTURES / "mutual.yaml").read_text().splitlines()
    path = tmp_path / "cut.yaml"
    for number in range(len(lines)):
        path.write_text("\n".join(lines[:number] + lines[number + 1:]))
        try:
            load_definition(path)
        except DefinitionError as err:
            assert err.problems


def _storage(tmp_path: Path, *edits: tuple[str, str]) -> Path:
    text = STORAGE
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new, 1)
    path = tmp_path / "storage.yaml"
    path.write_text(text)
    return path


def test_storage_definition_loads(tmp_path: Path) -> None:
    d = load_definition(_storage(tmp_path))
    node_a = d.node("nodeA")
    assert (node_a.internal_disks, node_a.rootvg_mirrored, node_a.ssa_node_number) == (2, True, 1)
    assert [(a.name, a.bus, a.id) for a in node_a.scsi_adapters] == [("scsi1", "bus1", 7),
                                                                     ("scsi2", "bus2", 7)]
    assert d.ssa_loops[0].ring[0] == "nodeA:ssa0:A" and d.ssa_loops[0].line == 53
    assert [p.hdisk for p in d.drawers[0].pdisks] == ["hdisk2", "hdisk3", "hdisk4", "hdisk5"]
    array = d.arrays[0]
    assert (array.type, array.buses, array.hot_spares) == ("7135-110", ["bus1", "bus2"], ["d6"])
    assert [(lun.hdisk, lun.raid, lun.drives) for lun in array.luns] == [
        ("hdisk6", 5, ["d1", "d2", "d3"]), ("hdisk7", 1, ["d4", "d5"])]
    sharedlv = d.volume_groups[0].logical_volumes[1]
    assert (sharedlv.copies, sharedlv.disks) == (2, ["hdisk3", "hdisk2"])
    assert d.volume_groups[1].concurrent_capable is True
    assert d.error_notifications[0].method == "/usr/local/ha/page_operator $1"
    cabled = {disk.name: disk.nodes for disk in d.hdisks()}
    assert cabled["hdisk2"] == cabled["hdisk7"] == ["nodeA", "nodeB"]


@pytest.mark.parametrize("written", ["6215", '"6215"'])
def test_ssa_adapter_type_and_microcode_may_be_bare_numbers(tmp_path: Path, written: str) -> None:
    path = _storage(tmp_path, ("{name: ssa0, type: 6215, microcode: 1801}",
                               f"{{name: ssa0, type: {written}, microcode: 1801}}"))
    ssa0 = load_definition(path).node("nodeA").ssa_adapters[0]
    assert (ssa0.type, ssa0.microcode) == ("6215", "1801")


def test_microcode_and_scsi_id_have_defaults(tmp_path: Path) -> None:
    path = _storage(tmp_path, ("type: 6215, microcode: 1801}", "type: 6215}"),
                    ("{name: scsi1, bus: bus1, id: 7}", "{name: scsi1, bus: bus1}"))
    node_a = load_definition(path).node("nodeA")
    assert (node_a.ssa_adapters[0].microcode, node_a.scsi_adapters[0].id) == ("1801", 7)


@pytest.mark.parametrize("item, ok", [
    ("pdisk0", True), ("nodeA:ssa0:A", True), ("nodeB:ssa1:B", True),
    ("nodeA:ssa0:a", False), ("nodeA:ssa0:C", False), ("nodeA:ssa0", False),
    ("nodeA:ssa0:A:1", False), ("pdisk 0", False), (5, False),
])
def test_ring_items_are_pdisks_or_port_pairs(item: object, ok: bool) -> None:
    value, error = convert(SCHEMA["ssa_loops"]["ring"], ["nodeA:ssa0:A", item])
    assert (error is None) == ok, error
    if ok:
        assert value == ["nodeA:ssa0:A", item]
    else:
        assert error is not None and "item 2 is" in error and "node:adapter:A" in error


def test_a_bad_ring_item_is_reported_at_its_own_line(tmp_path: Path) -> None:
    path = _storage(tmp_path, ("      - pdisk2\n", "      - nodeA:ssa0\n"))
    with pytest.raises(DefinitionError) as caught:
        load_definition(path)
    (problem,) = caught.value.problems
    line = STORAGE.splitlines().index("      - pdisk2") + 1  # the ring item, not "ring:"
    assert (problem.rule, problem.line) == ("schema", line)


@pytest.mark.parametrize("key, value", [("raid", 5), ("raid", 0), ("copies", 3), ("id", 0)])
def test_storage_numbers_in_range_are_kept(key: str, value: int) -> None:
    section = {"raid": "luns", "copies": "logical_volumes", "id": "scsi_adapters"}[key]
    assert convert(SCHEMA[section][key], value) == (value, None)


@pytest.mark.parametrize("key, value", [("raid", 2), ("raid", "5"), ("copies", 0), ("id", 16),
                                        ("type", "6220"), ("type", 6213)])
def test_storage_numbers_out_of_range_are_refused(key: str, value: object) -> None:
    section = {"raid": "luns", "copies": "logical_volumes", "id": "scsi_adapters",
               "type": "ssa_adapters"}[key]
    assert convert(SCHEMA[section][key], value)[1] is not None


def test_deleting_any_storage_line_never_crashes(tmp_path: Path) -> None:
    lines = STORAGE.splitlines()
    path = tmp_path / "cut.yaml"
    for number in range(len(lines)):
        path.write_text("\n".join(lines[:number] + lines[number + 1:]))
        try:
            load_definition(path)
        except DefinitionError as err:
            assert err.problems
