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

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "fixtures"
GOOD = sorted(p.name for p in (ROOT / "fixtures").glob("*.yaml"))
BAD = sorted((FIXTURES / "bad").glob("*.yaml"))
EXPECT = re.compile(r"# expect: (\S+) line (\d+)")


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
    assert [n.name for n in definition.nodes] == ["nodeA", "nodeB"]
    assert definition.serial_links[0].ends == [("nodeA", "tty0"), ("nodeB", "tty0")]


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
