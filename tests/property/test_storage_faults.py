"""Random single storage failures on every storage fixture: no acknowledged write is lost,
and the volume group stays online exactly where the book's quorum rules say it should.

For each case Hypothesis draws a fixture, one failure among all it offers (a
disk, an SSA adapter's cables, one SSA cable, a drawer's power, a 7135 drive,
a SCSI adapter, an internal disk), a seed, and how many writes come before
and during the failure. The "application" writes Faker sentences through
typed commands (``echo >>`` on a JFS, ``dd`` on a raw volume) on the node
that holds the group; a write counts when the command said it succeeded.

Checked (the checker reads commands, as an administrator would):

* online: after the failure, at least one write and a minute of syncd, ``lsvg -o`` on the node
  lists the group iff the book's rule holds for the disks that node can
  still reach: with quorum on, more than half of the VGDAs (3.4.5.2); with
  quorum off, at least one PV (3.4.5.3). Which disks the node can reach is
  the hardware's answer (cables, loops, power), not the LVM's. The LVM only
  learns of a lost disk from an I/O that fails, so the case always writes
  after the failure (a raw volume has no syncd to write it).
* no write lost: after the failure is repaired (and, where the group closed,
  the administrator varies it on again), every acknowledged write reads back.

``HADRILL_STORAGE_CASES`` sets the number of cases per fixture (CI: 30).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from faker import Faker
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hamodel.lab import Lab

#: fixture -> (group, file system or raw device, the node whose view is checked)
FIXTURES = {
    "hotstandby_ssa": ("sharedvg", "/sharedfs", "nodeA"),
    "hotstandby_raid5": ("sharedvg", "/sharedfs", "nodeA"),
    "hotstandby_raid1": ("sharedvg", "/sharedfs", "nodeA"),
    "hotstandby_rootvg": ("sharedvg", "/sharedfs", "nodeA"),
    "concurrent4": ("concvg", "/dev/rconclv", "nodeB"),
}
CASES: dict[str, int] = {}
REPORT = Path(__file__).resolve().parents[2] / "reports" / "property" / "storage_faults.json"


def failures(lab: Lab) -> list[tuple[str, str]]:
    """Every single failure the fixture's hardware offers: (act, repair)."""
    san, found = lab.world.san, []
    for name in san.pdisks:
        found.append((f"pull {name}", f"insert {name}"))
    for name in san.drawers:
        found.append((f"power off drawer {name}", f"power on drawer {name}"))
    for (node, name), _ in san.ssa_adapters.items():
        found.append((f"unplug ssa {node} {name}", f"plug ssa {node} {name}"))
        for loop in san.loops.values():
            for _, port in loop.adapter_cables(node, name):
                found.append((f"unplug ssa {node} {name} {port}", f"plug ssa {node} {name} {port}"))
    for array in san.arrays.values():
        for drive in array.drives:
            found.append((f"pull drive {array.name} {drive}", f"insert drive {array.name} {drive}"))
    for (node, name), _ in san.scsi.items():
        found.append((f"fail scsi {node} {name}", f"repair scsi {node} {name}"))
    for key, disk in lab.world.storage.disks.items():
        node, _, hdisk = key.rpartition(":")
        rootvg = lab.world.storage.groups.get(f"{node}:rootvg")
        # An unmirrored rootvg disk takes its node down with it: not a failure a node survives.
        if disk.location == "internal" and rootvg is not None and not rootvg.quorum:
            found.append((f"pull {node} {hdisk}", f"insert {node} {hdisk}"))
        elif disk.location == "shared":
            found.append((f"pull {hdisk}", f"insert {hdisk}"))
    return found


def book_says_online(lab: Lab, vg_name: str, node: str) -> bool:
    """The book's quorum rule applied to the PVs the node can physically reach."""
    vg = lab.world.storage.groups[vg_name]
    reach = [d for d in vg.disks if lab.world.storage.disks[d].reachable_from(node)]
    present = sum(vg.vgdas(d) for d in reach)
    return present * 2 > vg.total_vgdas if vg.quorum else present > 0


class Application:
    """Writes sentences on the group's storage through typed commands; remembers what succeeded."""

    def __init__(self, lab: Lab, target: str, fake: Faker) -> None:
        self.lab, self.target, self.fake = lab, target, fake
        self.acknowledged: list[tuple[str, str]] = []  # (where, text)
        self.block = 0

    def write(self, node: str) -> None:
        text = self.fake.sentence().replace('"', "")
        if self.target.startswith("/dev/"):
            self.block += 1
            self.lab.run(node, f'echo "{text}" > /tmp/rec')
            ok = self.lab.run(node, f"dd if=/tmp/rec of={self.target} seek={self.block} count=1").status == 0
            where = str(self.block)
        else:
            ok = self.lab.run(node, f'echo "{text}" >> {self.target}/journal.txt').status == 0
            where = "journal"
        if ok:
            self.acknowledged.append((where, text))

    def lost(self, node: str) -> list[str]:
        if self.target.startswith("/dev/"):
            return [text for block, text in self.acknowledged
                    if text not in self.lab.run(node, f"dd if={self.target} skip={block} count=1").output]
        journal = self.lab.run(node, f"cat {self.target}/journal.txt").output
        return [text for _, text in self.acknowledged if text not in journal]


def recover(lab: Lab, vg: str, target: str, node: str) -> None:
    """After the repair: a group the LVM closed is brought back by the administrator (stop the
    application, unmount the dead file system, vary on, mount, start the application)."""
    if vg in lab.run(node, "lsvg -o").output.split():
        lab.run(node, f"syncvg -v {vg}")
        return
    if target.startswith("/dev/"):
        lab.run(node, f"varyonvg -c {vg}")
        return
    apps = lab.definition.application_servers
    for app in apps:
        lab.run(node, app.stop)
    lab.run(node, f"umount {target}")
    lab.run(node, f"varyonvg {vg}")
    lab.run(node, f"mount {target}")
    for app in apps:
        lab.run(node, app.start)


@pytest.mark.parametrize("fixture", sorted(FIXTURES))
@settings(max_examples=int(os.environ.get("HADRILL_STORAGE_CASES", "30")), deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture], derandomize=True)
@given(pick=st.integers(0, 10_000), seed=st.integers(0, 1000), before=st.integers(0, 3), during=st.integers(1, 3))
def test_single_storage_failure(fixture: str, pick: int, seed: int, before: int, during: int) -> None:
    vg, target, node = FIXTURES[fixture]
    lab = Lab.load(fixture, seed)
    for n in lab.world.hosts:
        lab.run(n, "smit clstart")
    lab.settle()
    act, repair = (choices := failures(lab))[pick % len(choices)]
    CASES[fixture] = CASES.get(fixture, 0) + 1
    app = Application(lab, target, Faker())
    app.fake.seed_instance(seed)
    for _ in range(before):
        app.write(node)
    lab.act(act)
    for _ in range(during):
        app.write(node)
        lab.wait(20)
    lab.wait(70)  # syncd's minute: every mounted file system has been written
    online = vg in lab.run(node, "lsvg -o").output.split()
    assert online == book_says_online(lab, vg, node), (
        f"{fixture} seed {seed}: after '{act}', lsvg -o on {node} {'lists' if online else 'does not list'} {vg}")
    if online:
        assert not app.lost(node), f"{fixture} seed {seed}: after '{act}', lost {app.lost(node)}"
    lab.act(repair)
    if act.startswith("pull drive"):
        array, drive = act.split()[2:]
        if lab.world.san.arrays[array].drives[drive].status == "Failed":
            lab.run(node, f"smit raidant drive {lab.world.san.arrays[array].luns[0].hdisk} {drive} 84")
        for _ in range(120):  # reconstruction runs in virtual time
            if all(lab.world.san.arrays[array].lun_state(lun) == "Optimal" for lun in lab.world.san.arrays[array].luns):
                break
            lab.wait(60)
    recover(lab, vg, target, node)
    assert vg in lab.run(node, "lsvg -o").output.split(), f"{fixture} seed {seed}: {vg} not back after '{repair}'"
    assert not app.lost(node), f"{fixture} seed {seed}: after '{act}' and '{repair}', lost {app.lost(node)}"


def test_report_cases_run() -> None:
    """Runs after the campaign (file order): prints and keeps the number of cases per fixture."""
    REPORT.parent.mkdir(parents=True, exist_ok=True)
    REPORT.write_text(json.dumps({"cases": CASES, "total": sum(CASES.values())}, indent=2) + "\n")
    print(f"\nstorage failure cases: {sum(CASES.values())} ({', '.join(f'{k} {v}' for k, v in sorted(CASES.items()))})")
