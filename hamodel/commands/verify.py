"""``clverify``: HACMP's check of the cluster configuration, as it stands now on the nodes.

Usage::

    clverify                      # every check; exit 1 when an ERROR is found

The definition's planning rules were checked when the fixture was loaded
(:mod:`hamodel.definition`); they run again here against the definition.
What clverify adds is what administrators change afterwards with AIX
commands, read from the nodes' ODM and the disks' VGDA:

* 3.4.4: each node of a resource group has its volume groups imported, with
  auto-varyon off (importvg turns it on);
* 3.4.1: the same major number on every node (needed for NFS: a warning);
* 3.4.5: a concurrent group's volume group keeps quorum on;
* 3.4.3: no LVM mirror on 7135 LUNs (the array is the RAID); copies of one
  partition in the same 7133 drawer are a warning.

Messages name the book section of the rule. The 4.3 message wording is [U].
"""

from __future__ import annotations

from hamodel.commands.base import Shell, command
from hamodel.definition.errors import Findings
from hamodel.definition.rules import check_definition


def _live(sh: Shell) -> tuple[list[str], list[str]]:
    world = sh.world
    errors, warnings = [], []
    for group in world.cluster.groups.values():
        for vg_name in group.volume_groups:
            majors = {}
            for node in group.nodes:
                record = world.hosts[node].lvm.odm.get(vg_name)
                if record is None:
                    errors.append(f"3.4.4: volume group {vg_name} of resource group {group.name} is not "
                                  f"imported on {node}")
                    continue
                majors[node] = record.major
                if record.auto_on:
                    errors.append(f"3.4.4: volume group {vg_name} has auto-varyon set on {node}; a shared "
                                  "volume group must not be varied on at boot (chvg -a n)")
            if len(set(majors.values())) > 1:
                warnings.append(f"3.4.1: volume group {vg_name} has different major numbers "
                                f"({', '.join(f'{n} {m}' for n, m in sorted(majors.items()))}); NFS needs them equal")
            vg = world.storage.groups[vg_name]
            if group.type == "concurrent" and not vg.quorum:
                errors.append(f"3.4.5: volume group {vg_name} of concurrent group {group.name} has quorum off; "
                              "concurrent access needs quorum on (chvg -Qy)")
            for lv in vg.lvs:
                kinds = {world.storage.disks[c.disk].kind for c in lv.copies}
                if len(lv.copies) > 1 and "7135" in kinds:
                    errors.append(f"3.4.3: logical volume {lv.name} is mirrored on 7135 LUNs; "
                                  "RAID devices are not mirrored by the LVM")
                drawers = [world.san.pdisks[world.storage.disks[c.disk].location].drawer
                           for c in lv.copies if world.storage.disks[c.disk].kind == "ssa"]
                if len(drawers) != len(set(drawers)):
                    warnings.append(f"3.4.3: logical volume {lv.name} has two copies in one drawer; "
                                    "a drawer failure loses both")
    return errors, warnings


@command("clverify")
def clverify(sh: Shell) -> tuple[str, int]:
    findings = Findings(sh.world.definition.source)
    check_definition(sh.world.definition, findings)
    errors = [f"{p.rule}: {p.message}" for p in findings.problems]
    live_errors, warnings = _live(sh)
    errors += live_errors
    out = ["Verifying Cluster Topology...", "Verifying Cluster Resources..."]
    out += [f"WARNING: {w}" for w in warnings] + [f"ERROR: {e}" for e in errors]
    out.append(f"clverify: {len(errors)} error(s), {len(warnings)} warning(s) found." if errors or warnings
               else "clverify: no errors found.")
    return "\n".join(out) + "\n", 1 if errors else 0
