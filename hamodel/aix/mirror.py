"""LVM mirroring and partition moves on one node: mklvcopy, rmlvcopy, splitlvcopy, mirrorvg, syncvg, migratepv.

Usage::

    error = mklvcopy(lvm, "sharedlv", 2, ["hdisk4"])   # None, or AIX's message
    failed = syncvg(lvm, "sharedvg")                     # [] when every stale partition is fresh

Each copy of a logical volume lies on its own physical volume (book 3.4.3).
A new copy starts *stale* in every partition, as AIX leaves it until
``syncvg`` (book 3.1.2 step 4); ``mirrorvg`` syncs at once. Every change
of layout bumps the VGDA time stamp, which HACMP's lazy update notices
(book 8.4.2).
"""

from __future__ import annotations

from hamodel.aix.lvm import Lvm
from hamodel.aix.vgda import LogicalVolume, LvCopy, VolumeGroup


def _find(lvm: Lvm, name: str, command: str) -> tuple[str, VolumeGroup, LogicalVolume] | str:
    found = lvm.storage.find_lv(lvm.imported, name)
    if found is None:
        return f"0516-306 {command}: Unable to find {name} in the Device\n        Configuration Database."
    if found[0] not in lvm.active:
        return f"0516-010 {command}: Volume group must be varied on; use varyonvg command."
    return found


def mklvcopy(lvm: Lvm, name: str, copies: int, hdisks: list[str]) -> str | None:
    found = _find(lvm, name, "mklvcopy")
    if isinstance(found, str):
        return found
    key, vg, lv = found
    if not 1 < copies <= 3 or copies <= len(lv.copies):
        return (f"0516-1509 mklvcopy: The number of copies must be more than the current\n"
                f"        {len(lv.copies)} and no more than 3.")
    used = {c.disk for c in lv.copies}
    wanted = [lvm.disk_key(h) for h in hdisks]
    if None in wanted or any(w not in vg.disks for w in wanted):
        bad = hdisks[wanted.index(None)] if None in wanted else hdisks[[w in vg.disks for w in wanted].index(False)]
        return f"0516-848 mklvcopy: Failure on physical volume {bad}, it may be missing\n        or removed."
    candidates = [d for d in wanted if d not in used] + [d for d in vg.disks if d not in used and d not in wanted]
    missing = lvm.active[key].missing
    candidates = [d for d in candidates if d not in missing and lvm.usable(d)]
    need = copies - len(lv.copies)
    if len(candidates) < need or any(w in used for w in wanted):
        return ("0516-842 mklvcopy: Unable to make logical partition copies for\n"
                "        logical volume.")
    for disk in candidates[:need]:
        lv.copies.append(LvCopy(disk, vg.next_free_pp(disk), stale=set(range(1, lv.lps + 1))))
    lvm.changed(key)
    return None


def rmlvcopy(lvm: Lvm, name: str, copies: int, hdisks: list[str]) -> str | None:
    found = _find(lvm, name, "rmlvcopy")
    if isinstance(found, str):
        return found
    key, vg, lv = found
    if not 1 <= copies < len(lv.copies):
        return f"0516-1509 rmlvcopy: The number of copies must be less than the current {len(lv.copies)}."
    prefer = {lvm.disk_key(h) for h in hdisks}
    # Remove copies on the named disks first, then stale ones, then the last.
    order = sorted(lv.copies, key=lambda c: (c.disk not in prefer, not c.stale, -lv.copies.index(c)))
    remove = order[:len(lv.copies) - copies]
    keep = [c for c in lv.copies if c not in remove]
    if all(c.stale for c in keep):
        return ("0516-076 rmlvcopy: Cannot remove last good copy of stale partition.\n"
                "        Resynchronize the partitions with syncvg and try again.")
    lv.copies = keep
    lvm.changed(key)
    return None


def splitlvcopy(lvm: Lvm, name: str, new_name: str, copies: int, force: bool) -> str | None:
    """Split off copies into a new LV holding what the LV held (book 8.7.1)."""
    found = _find(lvm, name, "splitlvcopy")
    if isinstance(found, str):
        return found
    key, vg, lv = found
    if any(other.name == new_name for g in lvm.storage.groups.values() for other in g.lvs):
        return f"0516-1020 splitlvcopy: Logical volume name {new_name} is already used."
    if not 1 <= copies < len(lv.copies):
        return ("0516-1238 splitlvcopy: The logical volume must have more copies than\n"
                "        the number of copies requested to remain.")
    if lv.stale_pps:
        return ("0516-633 splitlvcopy: Logical partitions have stale copies.\n"
                "        Before splitlvcopy either use syncvg to synchronize the stale\n"
                "        copies or use rmlvcopy to remove them.")
    if lv.name in lvm.open_lvs(key) and not force:
        return (f"0516-1246 splitlvcopy: The logical volume {lv.name} is open. Close it (umount the\n"
                "        file system) or use -f, accepting a copy that may be inconsistent.")
    split = lv.copies[copies:]
    lv.copies = lv.copies[:copies]
    vg.lvs.append(LogicalVolume(new_name, lv.type, lv.lps, None, split))
    lvm.changed(key)
    return None


def mklv(lvm: Lvm, vg_name: str, name: str, kind: str, lps: int, hdisks: list[str]) -> str | None:
    """A new logical volume of one copy, on the first PV named (or the group's first)."""
    key = lvm.key_of(vg_name)
    if key is None or key not in lvm.active:
        return "0516-010 mklv: Volume group must be varied on; use varyonvg command."
    if any(lv.name == name for g in lvm.storage.groups.values() for lv in g.lvs):
        return f"0516-1020 mklv: Logical volume name {name} is already used."
    vg = lvm.storage.groups[key]
    disk = lvm.disk_key(hdisks[0]) if hdisks else vg.disks[0]
    if disk not in vg.disks or disk in lvm.active[key].missing or not lvm.usable(disk):
        return f"0516-848 mklv: Failure on physical volume {hdisks[0] if hdisks else disk}, it may be missing\n        or removed."
    vg.lvs.append(LogicalVolume(name, kind, lps, None, [LvCopy(disk, vg.next_free_pp(disk))]))
    lvm.changed(key)
    return None


def rmlv(lvm: Lvm, name: str) -> str | None:
    found = _find(lvm, name, "rmlv")
    if isinstance(found, str):
        return found
    key, vg, lv = found
    if lv.name in lvm.open_lvs(key):
        return f"0516-062 rmlv: Unable to remove logical volume {name}: it is open."
    vg.lvs.remove(lv)
    lvm.changed(key)
    return None


def mirrorvg(lvm: Lvm, vg_name: str, hdisks: list[str]) -> tuple[str, str | None]:
    """Two copies of every LV but the dump device, synced; (messages, error)."""
    key = lvm.key_of(vg_name)
    if key is None or key not in lvm.active:
        return "", "0516-010 mirrorvg: Volume group must be varied on; use varyonvg command."
    vg = lvm.storage.groups[key]
    notes = []
    for lv in vg.lvs:
        if lv.type == "sysdump" or len(lv.copies) >= 2:
            continue  # book 3.1.2: mirrorvg leaves the dump device alone
        error = mklvcopy(lvm, lv.name, 2, hdisks)
        if error:
            return "", error
    if vg.quorum:
        vg.quorum = False
        lvm.changed(key)
        if vg.local:
            notes.append("0516-1124 mirrorvg: Quorum requirement turned off, reboot system for this\n"
                         "        to take effect for rootvg.")
    failed = syncvg(lvm, key)
    if failed:
        return "", f"0516-932 mirrorvg: Unable to synchronize volume group {vg_name}."
    if vg.local:
        notes.append(f"0516-1126 mirrorvg: {vg_name} successfully mirrored, user should perform\n"
                     "        bosboot of system to initialize boot records.  Then, user must modify\n"
                     f"        bootlist to include: {' '.join(lvm.hdisk(d) for d in vg.disks)}.")
    return "\n".join(notes), None


def migratepv(lvm: Lvm, source: str, target: str) -> str | None:
    """Move every partition on ``source`` to ``target`` (same group): how a disk is replaced
    while the group stays on line (extendvg, migratepv, reducevg; book 8.4.2)."""
    src, dst = lvm.disk_key(source), lvm.disk_key(target)
    key = lvm.storage.group_of_disk(src) if src else None
    if key is None or key not in lvm.active:
        return "0516-010 migratepv: Volume group must be varied on; use varyonvg command."
    vg = lvm.storage.groups[key]
    if dst not in vg.disks or dst == src:
        return f"0516-1011 migratepv: {target} is not another physical volume of volume group {vg.name}."
    if not lvm.usable(src) or not lvm.usable(dst):
        bad = source if not lvm.usable(src) else target
        return f"0516-848 migratepv: Failure on physical volume {bad}, it may be missing\n        or removed."
    moving = [(lv, c) for lv in vg.lvs for c in lv.copies if c.disk == src]
    if any(c2.disk == dst for lv, _ in moving for c2 in lv.copies):
        return ("0516-1004 migratepv: a logical volume has copies on both physical volumes;\n"
                "        each copy must stay on its own physical volume.")
    for lv, copy in moving:
        copy.first_pp = vg.next_free_pp(dst)
        copy.disk = dst
    lvm.changed(key)
    return None


def syncvg(lvm: Lvm, key: str, lvs: list[LogicalVolume] | None = None) -> list[tuple[str, str]]:
    """Bring back PVs that answer again, then copy fresh partitions over stale ones."""
    lvm.reopen(key)
    return lvm.sync(key, lvs)
