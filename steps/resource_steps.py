"""Steps about the resources a group carries: where it is, its VGs, its application, its data.

Usage (Gherkin)::

    Given "written before the crash" has been appended to /sharedfs/drill.txt on nodeA
    Then clfindres on nodeB shows rg1 UP on nodeB
    And rg1 is held by nodeB only
    And lsvg -o on nodeB lists sharedvg
    And ps -u appuser on nodeB shows appd
    And /sharedfs/drill.txt on nodeB contains "written before the crash"

``clfindres`` is the cluster manager's own view (it fails on a node whose
cluster manager is not running); ``is held by`` is the lab's physical view
(``lab.holders``): the nodes that have the group's service address configured
and its volume groups varied on.
"""

from __future__ import annotations

import os

from steps.drill import Drill
from steps.observe import parse_clfindres, parse_lsvg_o, parse_ps
from steps.registry import step


def _first_line(text: str) -> str:
    return next((line.strip() for line in text.splitlines() if line.strip()), "empty output")


# STEPS FOR: clfindres
def _clfindres(world: Drill, node: str, group: str) -> tuple[str, str]:
    result = world.read(node, "clfindres")
    row = next((r for r in parse_clfindres(result.output) if r.name == group), None)
    if row is None:
        observed = f"no {group} row" + (f" (exit {result.status}: {_first_line(result.output)})" if result.status else "")
    else:
        observed = f"{row.state} on {row.location}" if row.location else row.state
    return observed, f"{node}$ clfindres"


@step("then", "clfindres on {node:Name} shows {group:Name} UP on {holder:Name}")
def clfindres_up(world: Drill, node: str, group: str, holder: str) -> None:
    observed, source = _clfindres(world, node, group)
    world.evidence.check(f"{group} in clfindres on {node}", f"UP on {holder}", observed, source=source)


@step("then", "clfindres on {node:Name} shows {group:Name} DOWN")
def clfindres_down(world: Drill, node: str, group: str) -> None:
    observed, source = _clfindres(world, node, group)
    world.evidence.check(f"{group} in clfindres on {node}", "DOWN", observed, source=source)


@step("then", "clfindres on {node:Name} shows {group:Name} ERROR")
def clfindres_error(world: Drill, node: str, group: str) -> None:
    observed, source = _clfindres(world, node, group)
    world.evidence.check(f"{group} in clfindres on {node}", "ERROR", observed, source=source)


# STEPS FOR: who physically holds a group (structured read)
@step("then", "{group:Name} is held by {node:Name} only")
def held_by(world: Drill, group: str, node: str) -> None:
    world.evidence.check(f"holders of {group}", [node], world.lab.holders(group), source=f"lab.holders({group!r})")


@step("then", "{group:Name} is held by no node")
def held_by_none(world: Drill, group: str) -> None:
    world.evidence.check(f"holders of {group}", [], world.lab.holders(group), source=f"lab.holders({group!r})")


# STEPS FOR: volume groups
def _lsvg(world: Drill, node: str) -> tuple[list[str], str]:
    result = world.read(node, "lsvg -o")
    vgs = parse_lsvg_o(result.output)
    return vgs, (", ".join(vgs) if vgs else f"nothing ({_first_line(result.output)})")


@step("then", "lsvg -o on {node:Name} lists {vg:Name}")
def lsvg_lists(world: Drill, node: str, vg: str) -> None:
    vgs, shown = _lsvg(world, node)
    world.evidence.check(f"{vg} varied on on {node}", f"{vg} listed", shown, passed=vg in vgs,
                         source=f"{node}$ lsvg -o")


@step("then", "lsvg -o on {node:Name} does not list {vg:Name}")
def lsvg_not_lists(world: Drill, node: str, vg: str) -> None:
    vgs, shown = _lsvg(world, node)
    # An empty listing is no proof (rootvg is always varied on): it means lsvg failed.
    world.evidence.check(f"{vg} not varied on on {node}", f"{vg} not listed", shown,
                         passed=bool(vgs) and vg not in vgs, source=f"{node}$ lsvg -o")


# STEPS FOR: the application's processes
def _ps(world: Drill, user: str, node: str) -> tuple[list[str], str, bool]:
    result = world.read(node, f"ps -u {user}")
    programs = [os.path.basename(r.cmd.split()[0]) for r in parse_ps(result.output) if r.cmd]
    shown = ", ".join(programs) if programs else f"no processes ({_first_line(result.output)})"
    # ps prints its header even when the user has no process; without it, ps itself failed.
    return programs, shown, "PID" in result.output and "CMD" in result.output


@step("then", "ps -u {user:Name} on {node:Name} shows {program:Name}")
def ps_shows(world: Drill, user: str, node: str, program: str) -> None:
    programs, shown, _ = _ps(world, user, node)
    world.evidence.check(f"{program} running as {user} on {node}", f"{program} running", shown,
                         passed=program in programs, source=f"{node}$ ps -u {user}")


@step("then", "ps -u {user:Name} on {node:Name} shows no {program:Name}")
def ps_shows_no(world: Drill, user: str, node: str, program: str) -> None:
    programs, shown, ran = _ps(world, user, node)
    world.evidence.check(f"no {program} as {user} on {node}", f"no {program}", shown,
                         passed=ran and program not in programs, source=f"{node}$ ps -u {user}")


# STEPS FOR: data on the shared file system
@step("given", '"{text}" has been appended to {path:Path} on {node:Name}')
def given_appended(world: Drill, text: str, path: str, node: str) -> None:
    world.type(node, f"echo {text} >> {path}")


@step("when", 'I append "{text}" to {path:Path} on {node:Name}')
def append_text(world: Drill, text: str, path: str, node: str) -> None:
    world.type(node, f"echo {text} >> {path}")


@step("then", '{path:Path} on {node:Name} contains "{text}"')
def file_contains(world: Drill, path: str, node: str, text: str) -> None:
    result = world.read(node, f"cat {path}")
    lines = [line.rstrip() for line in result.output.splitlines()]
    world.evidence.check(f"{path} on {node}", f"a line {text!r}", " | ".join(lines) or "empty output",
                         passed=result.status == 0 and text in lines, source=f"{node}$ cat {path}")


@step("then", '{path:Path} on {node:Name} does not contain "{text}"')
def file_lacks(world: Drill, path: str, node: str, text: str) -> None:
    result = world.read(node, f"cat {path}")
    lines = [line.rstrip() for line in result.output.splitlines()] if result.status == 0 else []
    observed = " | ".join(lines) if result.status == 0 else f"no such file ({_first_line(result.output)})"
    world.evidence.check(f"{path} on {node}", f"no line {text!r}", observed or "empty file",
                         passed=text not in lines, source=f"{node}$ cat {path}")
