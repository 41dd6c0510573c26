"""Volume group administration on one node: importvg, exportvg, chvg, extendvg, reducevg.

Usage::

    out, error = importvg(lvm, "sharedvg", "hdisk2", major=60)   # book 3.4.4.2
    chvg(lvm, "sharedvg", auto_on=False)                           # book 3.4.4.3
    chvg(lvm, "rootvg", quorum=False)                              # takes effect at the next varyon

``importvg`` reads the VGDA from the disk given, writes the node's ODM
record and its /etc/filesystems entries, turns auto-varyon on (as AIX does,
book 3.4.4.3) and varies the group on. ``exportvg`` forgets it.
"""

from __future__ import annotations

from hamodel.aix.lvm import Lvm


def importvg(lvm: Lvm, name: str, hdisk: str, major: int | None = None, varyon: bool = True) -> tuple[str, str | None]:
    disk = lvm.disk_key(hdisk)
    fail = f"0516-780 importvg: Unable to import volume group from {hdisk}."
    if disk is None or not lvm.storage.disks[disk].reachable_from(lvm.node):
        return "", ("0516-024 importvg: Unable to open physical volume.\n"
                    "        Either PV was not configured or could not be opened. Run\n"
                    "        diagnostics.\n" + fail)
    key = lvm.storage.group_of_disk(disk)
    if key is None:
        return "", f"0516-1014 importvg: Physical volume {hdisk} does not belong to a volume group.\n{fail}"
    vg = lvm.storage.groups[key]
    if not lvm.storage.disks[disk].usable_by(lvm.node):
        return "", ("0516-013 importvg: The volume group cannot be read because\n"
                    "        the physical volume is reserved by another host.\n" + fail)
    if key in lvm.odm:
        return "", f"0516-360 importvg: The volume group {lvm.odm[key].name} is already defined.\n{fail}"
    if lvm.key_of(name) is not None:
        return "", f"0516-776 importvg: Cannot import {vg.name} as {name}.\n{fail}"
    taken = {r.major for r in lvm.odm.values()}
    if major is not None and major in taken:
        return "", f"0516-1012 importvg: The major number {major} is already in use.\n{fail}"
    record = lvm.define(key, auto_on=True)
    record.name = name
    if major is not None:
        record.major = major
    if varyon:
        error = lvm.varyonvg(key)
        if error:
            return name + "\n", error.replace("varyonvg", "importvg")
    return name + "\n", None


def exportvg(lvm: Lvm, name: str) -> str | None:
    key = lvm.key_of(name)
    if key is None:
        return f"0516-306 exportvg: Unable to find volume group {name} in the Device\n        Configuration Database."
    if lvm.storage.groups[key].local:
        return "0516-762 exportvg: The root volume group cannot be exported."
    if key in lvm.active:
        return "0516-764 exportvg: The volume group must be varied off\n        before exporting."
    del lvm.odm[key]
    return None


def chvg(lvm: Lvm, name: str, auto_on: bool | None = None, quorum: bool | None = None) -> str | None:
    key = lvm.key_of(name)
    if key is None:
        return f"0516-306 chvg: Unable to find volume group {name} in the Device\n        Configuration Database."
    if key not in lvm.active:
        return "0516-010 chvg: Volume group must be varied on; use varyonvg command."
    if auto_on is not None:
        lvm.odm[key].auto_on = auto_on
    if quorum is not None:
        vg = lvm.storage.groups[key]
        vg.quorum = quorum  # written in the VGDA; the varied-on group keeps what it latched
        lvm.changed(key)
    return None


def extendvg(lvm: Lvm, name: str, hdisk: str) -> str | None:
    key = lvm.key_of(name)
    if key is None or key not in lvm.active:
        return "0516-010 extendvg: Volume group must be varied on; use varyonvg command."
    disk = lvm.disk_key(hdisk)
    if disk is None or not lvm.usable(disk):
        return f"0516-848 extendvg: Failure on physical volume {hdisk}, it may be missing\n        or removed."
    owner = lvm.storage.group_of_disk(disk)
    if owner is not None:
        return (f"0516-1254 extendvg: Physical volume {hdisk} belongs to volume group\n"
                f"        {lvm.storage.groups[owner].name}.")
    vg = lvm.storage.groups[key]
    vg.disks.append(disk)
    if not vg.local:
        lvm.storage.disks[disk].reserved_by = None if lvm.active[key].concurrent else lvm.node
    lvm.changed(key)
    lvm.odm[key].pvids.append(lvm.storage.disks[disk].pvid)
    return None


def reducevg(lvm: Lvm, name: str, hdisk: str) -> str | None:
    key = lvm.key_of(name)
    if key is None or key not in lvm.active:
        return "0516-010 reducevg: Volume group must be varied on; use varyonvg command."
    disk = lvm.disk_key(hdisk)
    vg = lvm.storage.groups[key]
    if disk not in vg.disks:
        return f"0516-304 reducevg: Unable to find device id {hdisk} in the Device\n        Configuration Database."
    holders = [lv.name for lv in vg.lvs if any(c.disk == disk for c in lv.copies)]
    if holders:
        return (f"0516-016 reducevg: Cannot delete physical volume {hdisk}: it holds\n"
                f"        logical volumes ({', '.join(holders)}). Remove their copies first.")
    vg.disks.remove(disk)
    lvm.active[key].missing.discard(disk)
    lvm.storage.disks[disk].reserved_by = None
    lvm.changed(key)
    pvid = lvm.storage.disks[disk].pvid
    lvm.odm[key].pvids = [p for p in lvm.odm[key].pvids if p != pvid]
    return None
