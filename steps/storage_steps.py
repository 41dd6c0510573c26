"""Steps about disks: SSA cables and disks, 7135 drives, drawers, SCSI adapters, the LVM's view.

Usage (Gherkin)::

    When I pull every cable of ssa0 on nodeA
    When I pull the SSA disk pdisk0
    When I pull hdisk0 out of nodeA
    When I pull drive d2 out of array1
    When I power off drawer drawer1
    When the SCSI adapter scsi1 of nodeA fails
    When the SCSI adapter scsi1 of nodeA is repaired
    When I wait until smit raidant on nodeA shows every LUN Optimal
    Then lsvg -l sharedvg on nodeA shows sharedlv open/stale
    Then lsvg -l sharedvg on nodeA shows no stale partitions
    Then lsvg -p sharedvg on nodeA shows hdisk2 missing
    Then lsvg sharedvg on nodeA shows "QUORUM" 1
    Then the last command on nodeB failed with "0516-052"
    Then lsps -a on nodeA shows hd6 active
    Then smit raidant on nodeA shows the fault light of array1 on
    Then block 3 of /dev/rconclv on nodeC reads "written by nodeA"

Acts change hardware only (:mod:`hamodel.storage_acts`); every check reads a
command's output, as the administrator of book chapter 6 does.
"""

from __future__ import annotations

from steps.drill import Drill
from steps.observe_storage import parse_lsps, parse_lsvg, parse_lsvg_l, parse_lsvg_p, parse_raidant
from steps.registry import step


# STEPS FOR: SSA cables, disks and drawers
@step("when", "I pull every cable of {adapter:Name} on {node:Name}")
def pull_ssa_cables(world: Drill, adapter: str, node: str) -> None:
    world.act(f"unplug ssa {node} {adapter}", fault=True)


@step("when", "I plug the cables of {adapter:Name} on {node:Name} back in")
def plug_ssa_cables(world: Drill, adapter: str, node: str) -> None:
    world.act(f"plug ssa {node} {adapter}")


@step("when", "I pull the SSA disk {pdisk:Name}")
def pull_pdisk(world: Drill, pdisk: str) -> None:
    world.act(f"pull {pdisk}", fault=True)


@step("when", "I put the SSA disk {pdisk:Name} back")
def insert_pdisk(world: Drill, pdisk: str) -> None:
    world.act(f"insert {pdisk}")


@step("when", "I power off drawer {drawer:Name}")
def drawer_off(world: Drill, drawer: str) -> None:
    world.act(f"power off drawer {drawer}", fault=True)


@step("when", "I power on drawer {drawer:Name}")
def drawer_on(world: Drill, drawer: str) -> None:
    world.act(f"power on drawer {drawer}")


# STEPS FOR: internal and plain shared disks
@step("when", "I pull {hdisk:Name} out of {node:Name}")
def pull_internal(world: Drill, hdisk: str, node: str) -> None:
    world.act(f"pull {node} {hdisk}", fault=True)


@step("when", "I put {hdisk:Name} back into {node:Name}")
def insert_internal(world: Drill, hdisk: str, node: str) -> None:
    world.act(f"insert {node} {hdisk}")


@step("when", "I pull the shared disk {hdisk:Name}")
def pull_shared(world: Drill, hdisk: str) -> None:
    world.act(f"pull {hdisk}", fault=True)


@step("when", "I put the shared disk {hdisk:Name} back")
def insert_shared(world: Drill, hdisk: str) -> None:
    world.act(f"insert {hdisk}")


# STEPS FOR: 7135 arrays and SCSI adapters
@step("when", "I pull drive {drive:Name} out of {array:Name}")
def pull_drive(world: Drill, drive: str, array: str) -> None:
    world.act(f"pull drive {array} {drive}", fault=True)


@step("when", "I put drive {drive:Name} back into {array:Name}")
def insert_drive(world: Drill, drive: str, array: str) -> None:
    world.act(f"insert drive {array} {drive}")


@step("when", "the SCSI adapter {adapter:Name} of {node:Name} fails")
def scsi_fails(world: Drill, adapter: str, node: str) -> None:
    world.act(f"fail scsi {node} {adapter}", fault=True)


@step("when", "the SCSI adapter {adapter:Name} of {node:Name} is repaired")
def scsi_repaired(world: Drill, adapter: str, node: str) -> None:
    world.act(f"repair scsi {node} {adapter}")


@step("when", "I wait until smit raidant on {node:Name} shows every LUN Optimal")
def wait_rebuilt(world: Drill, node: str) -> None:
    """Reconstruction takes virtual time; look every 30 s, as an administrator would, for up to 2 h."""
    for _ in range(240):
        luns = parse_raidant(world.read(node, "smit raidant list").output)["luns"]
        if luns and all(state == "Optimal" for state in luns.values()):
            return
        world.lab.wait(30)
    raise AssertionError(f"smit raidant on {node} still shows {luns} after two hours")


# STEPS FOR: commands that must fail or succeed
@step("then", 'the last command on {host:Name} failed with "{text}"')
def last_failed(world: Drill, host: str, text: str) -> None:
    result = world.last.get(host)
    observed = "no command typed" if result is None else f"exit {result.status}: {result.output.strip()}"
    world.evidence.check(f"last command on {host}", f"a failure saying {text}", observed,
                         passed=result is not None and result.status != 0 and text in result.output,
                         source=f"{host}$ {result.command}" if result else "")


@step("then", "the last command on {host:Name} succeeded")
def last_succeeded(world: Drill, host: str) -> None:
    result = world.last.get(host)
    observed = "no command typed" if result is None else f"exit {result.status}" + (
        f": {result.output.strip()}" if result.status else "")
    world.evidence.check(f"last command on {host}", "exit 0", observed,
                         source=f"{host}$ {result.command}" if result else "")


# STEPS FOR: the LVM's view
def _lsvg_l(world: Drill, vg: str, node: str):
    result = world.read(node, f"lsvg -l {vg}")
    return parse_lsvg_l(result.output), result, f"{node}$ lsvg -l {vg}"


@step("then", "lsvg -l {vg:Name} on {node:Name} shows {lv:Name} {state:LvState}")
def lv_state(world: Drill, vg: str, node: str, lv: str, state: str) -> None:
    rows, result, source = _lsvg_l(world, vg, node)
    row = next((r for r in rows if r.name == lv), None)
    observed = row.state if row else (result.output.strip() or f"no {lv} row")
    world.evidence.check(f"state of {lv} on {node}", state, observed, source=source)


@step("then", "lsvg -l {vg:Name} on {node:Name} shows no stale partitions")
def no_stale(world: Drill, vg: str, node: str) -> None:
    rows, result, source = _lsvg_l(world, vg, node)
    stale = [f"{r.name} {r.state}" for r in rows if r.state.endswith("/stale")]
    observed = "; ".join(stale) if stale else ("every LV syncd" if rows else result.output.strip())
    world.evidence.check(f"stale LVs of {vg} on {node}", "every LV syncd", observed, source=source)


@step("then", "lsvg -l {vg:Name} on {node:Name} shows {lv:Name} with {copies:d} copies")
def lv_copies(world: Drill, vg: str, node: str, lv: str, copies: int) -> None:
    rows, result, source = _lsvg_l(world, vg, node)
    row = next((r for r in rows if r.name == lv), None)
    observed = f"{row.pps // max(1, row.lps)} copies ({row.lps} LPs, {row.pps} PPs)" if row else f"no {lv} row"
    world.evidence.check(f"copies of {lv} on {node}", f"{copies} copies", observed,
                         passed=row is not None and row.pps == copies * row.lps, source=source)


@step("then", "lsvg -p {vg:Name} on {node:Name} shows {hdisk:Name} {state:Name}")
def pv_state(world: Drill, vg: str, node: str, hdisk: str, state: str) -> None:
    result = world.read(node, f"lsvg -p {vg}")
    observed = parse_lsvg_p(result.output).get(hdisk, result.output.strip() or f"no {hdisk} row")
    world.evidence.check(f"PV state of {hdisk} on {node}", state, observed, source=f"{node}$ lsvg -p {vg}")


@step("then", 'lsvg {vg:Name} on {node:Name} shows "{field}" {value:Word}')
def vg_field(world: Drill, vg: str, node: str, field: str, value: str) -> None:
    result = world.read(node, f"lsvg {vg}")
    observed = parse_lsvg(result.output).get(field, result.output.strip() or f"no {field} field")
    world.evidence.check(f"{field} of {vg} on {node}", value, observed, source=f"{node}$ lsvg {vg}")


@step("then", "lsps -a on {node:Name} shows {space:Name} active")
def paging_active(world: Drill, node: str, space: str) -> None:
    result = world.read(node, "lsps -a")
    rows = [r for r in parse_lsps(result.output) if r[0] == space]
    observed = "; ".join(f"{name} on {pv} active {active}" for name, pv, active in rows) or f"no {space} row"
    world.evidence.check(f"paging space {space} on {node}", f"{space} active", observed,
                         passed=bool(rows) and all(r[2] == "yes" for r in rows), source=f"{node}$ lsps -a")


@step("then", "df -k on {node:Name} shows {mount:Path} readable")
def df_readable(world: Drill, node: str, mount: str) -> None:
    result = world.read(node, "df -k")
    row = next((line.split() for line in result.output.splitlines() if line.split()[-1:] == [mount]), None)
    observed = "not mounted" if row is None else ("unreadable (-)" if row[1] == "-" else f"{row[1]} KB, {row[3]} used")
    world.evidence.check(f"{mount} in df -k on {node}", "mounted and readable", observed,
                         passed=row is not None and row[1] != "-", source=f"{node}$ df -k")


@step("then", "df -k on {node:Name} shows {mount:Path} unreadable")
def df_unreadable(world: Drill, node: str, mount: str) -> None:
    result = world.read(node, "df -k")
    row = next((line.split() for line in result.output.splitlines() if line.split()[-1:] == [mount]), None)
    observed = "not mounted" if row is None else ("unreadable (-)" if row[1] == "-" else f"{row[1]} KB, {row[3]} used")
    world.evidence.check(f"{mount} in df -k on {node}", "unreadable (-)", observed, source=f"{node}$ df -k")


@step("then", "bootlist -m normal -o on {node:Name} lists {disks:NodeList}")
def bootlist_lists(world: Drill, node: str, disks: list[str]) -> None:
    result = world.read(node, "bootlist -m normal -o")
    world.evidence.check(f"normal bootlist of {node}", " ".join(disks), " ".join(result.output.split()),
                         source=f"{node}$ bootlist -m normal -o")


@step("then", "sysdumpdev -l on {node:Name} shows primary {device:Path}")
def dump_device(world: Drill, node: str, device: str) -> None:
    result = world.read(node, "sysdumpdev -l")
    row = next((line.split() for line in result.output.splitlines() if line.startswith("primary")), ["", "none"])
    world.evidence.check(f"primary dump device of {node}", device, row[-1], source=f"{node}$ sysdumpdev -l")


# STEPS FOR: the 7135's own view
def _raidant(world: Drill, node: str):
    return parse_raidant(world.read(node, "smit raidant list").output), f"{node}$ smit raidant list"


@step("then", "smit raidant on {node:Name} shows the fault light of {array:Name} {state:Name}")
def fault_light(world: Drill, node: str, array: str, state: str) -> None:
    view, source = _raidant(world, node)
    world.evidence.check(f"fault light of {array}", state, view["light"].get(array, "no such array"), source=source)


@step("then", "smit raidant on {node:Name} shows LUN {hdisk:Name} {state:Name}")
def lun_state(world: Drill, node: str, hdisk: str, state: str) -> None:
    view, source = _raidant(world, node)
    world.evidence.check(f"state of LUN {hdisk}", state, view["luns"].get(hdisk, "no such LUN"), source=source)


@step("then", 'smit raidant on {node:Name} shows drive {drive:Name} of {array:Name} "{status}"')
def drive_status(world: Drill, node: str, drive: str, array: str, status: str) -> None:
    view, source = _raidant(world, node)
    world.evidence.check(f"status of drive {drive} of {array}", status,
                         view["drives"].get(f"{array}:{drive}", "no such drive"), source=source)


# STEPS FOR: raw logical volumes (concurrent access)
@step("given", '"{text}" has been written to block {block:d} of {device:Path} on {node:Name}')
@step("when", 'I write "{text}" to block {block:d} of {device:Path} on {node:Name}')
def write_block(world: Drill, text: str, block: int, device: str, node: str) -> None:
    world.type(node, f'echo "{text}" > /tmp/block{block}')
    result = world.type(node, f"dd if=/tmp/block{block} of={device} seek={block} count=1")
    world.evidence.check(f"dd to block {block} of {device} on {node}", "exit 0", f"exit {result.status}",
                         source=f"{node}$ {result.command}")


@step("then", 'block {block:d} of {device:Path} on {node:Name} reads "{text}"')
def read_block(world: Drill, block: int, device: str, node: str, text: str) -> None:
    result = world.read(node, f"dd if={device} skip={block} count=1")
    observed = result.output.splitlines()[0] if result.status == 0 and result.output else result.output.strip()
    world.evidence.check(f"block {block} of {device} on {node}", text, observed,
                         source=f"{node}$ dd if={device} skip={block} count=1")


# STEPS FOR: lspv and concurrent groups
@step("then", "lspv on {node:Name} shows {hdisk:Name} with PVID {pvid:Word} in {vg:Name}")
def lspv_shows(world: Drill, node: str, hdisk: str, pvid: str, vg: str) -> None:
    result = world.read(node, "lspv")
    row = next((line.split() for line in result.output.splitlines() if line.split()[:1] == [hdisk]), None)
    observed = " ".join(row[1:]) if row else f"no {hdisk} row"
    world.evidence.check(f"{hdisk} in lspv on {node}", f"{pvid} {vg}", observed, source=f"{node}$ lspv")


@step("then", "clfindres on {node:Name} shows concurrent group {group:Name} UP on {nodes:NodeList}")
def clfindres_concurrent(world: Drill, node: str, group: str, nodes: list[str]) -> None:
    result = world.read(node, "clfindres")
    line = next((line.split() for line in result.output.splitlines() if line.split()[:1] == [group]), None)
    observed = f"{line[2]} on {' '.join(line[3:])}" if line and len(line) > 2 else f"no {group} row"
    world.evidence.check(f"{group} in clfindres on {node}", f"UP on {' '.join(sorted(nodes))}", observed,
                         source=f"{node}$ clfindres")
