"""The disk sub-events: get_disk_vg_fs and release_vg_fs, acting on the node's LVM.

Usage (an event script does this)::

    rc = yield from ctx.sub("get_disk_vg_fs", ("sharedvg",), lambda: get_disk_vg_fs(ctx, vgs, fss))

``get_disk_vg_fs`` does what HACMP 4.3's cl_disk_available, cl_activate_vgs
and cl_activate_fs do, in that order:

1. break the reserve a dead owner (or one stopping with takeover) left on
   each disk (not for concurrent groups, which place none);
2. *lazy update* (book 8.4.2): when the VGDA time stamp on the disks differs
   from the one this node recorded, export and import the group first
   (``importvg`` reads the VGDA through the first PV the node knows: if that disk
   was replaced, the import fails and so does the event);
3. ``varyonvg -n`` (``varyonvg -c`` in concurrent mode); stale partitions are
   synchronised afterwards in the background (cl_sync_vgs);
4. ``fsck`` and ``mount`` each file system.

A step that fails writes AIX's message to hacmp.out and the sub-event exits 1.
"""

from __future__ import annotations

from typing import Iterator

from hamodel.aix import vgadmin
from hamodel.hacmp.events import EventContext

VARYON_SECONDS = 4.0
MOUNT_SECONDS = 2.0
FSCK_SECONDS = 3.0
#: exportvg + importvg + chvg of a lazy update, and per logical volume [U: "a few minutes"]
LAZY_UPDATE_SECONDS = 90.0
LAZY_UPDATE_PER_LV = 20.0
#: cl_sync_vgs starts syncvg in the background this long after the varyon [U]
SYNC_DELAY = 30.0


def _trace_error(ctx: EventContext, error: str) -> None:
    for line in error.splitlines():
        ctx.trace(line.strip())


def _lazy_update(ctx: EventContext, vg_name: str) -> Iterator[float]:
    lvm = ctx.host.lvm
    vg = lvm.storage.groups[vg_name]
    record = lvm.odm[vg_name]
    ctx.trace(f"cl_activate_vgs: {vg_name}: VGDA time stamp {vg.timestamp:08x} differs from "
              f"/usr/sbin/cluster/etc/vg/{vg_name} ({record.timestamp:08x}): lazy update")
    first = next((k for k, d in lvm.storage.disks.items()
                  if d.pvid == record.pvids[0] and lvm.node in d.nodes), None) if record.pvids else None
    hdisk = lvm.hdisk(first) if first else "hdisk?"
    major = record.major
    yield ctx.cluster.world.sched.jitter(LAZY_UPDATE_SECONDS + LAZY_UPDATE_PER_LV * len(vg.lvs))
    ctx.trace(f"exportvg {vg_name}")
    vgadmin.exportvg(lvm, vg_name)
    ctx.trace(f"importvg -y {vg_name} -V {major} {hdisk}")
    if first is None:
        ctx.trace(f"0516-304 getlvodm: Unable to find device id {record.pvids[0] if record.pvids else '?'} in the Device")
        ctx.trace("Configuration Database.")
        ctx.trace(f"0516-780 importvg: Unable to import volume group from {hdisk}.")
        return 1
    _, error = vgadmin.importvg(lvm, vg_name, hdisk, major)
    if error:
        _trace_error(ctx, error)
        return 1
    ctx.trace(f"chvg -an {vg_name}")
    vgadmin.chvg(lvm, vg_name, auto_on=False)
    ctx.trace(f"varyoffvg {vg_name}")
    lvm.varyoffvg(vg_name)
    return 0


def get_disk_vg_fs(ctx: EventContext, vgs: list[str], filesystems: list[str]) -> Iterator[float]:
    """Make the disks available (breaking a dead owner's reserve), vary on, fsck and mount."""
    storage = ctx.cluster.world.storage
    lvm = ctx.host.lvm
    sched = ctx.cluster.world.sched
    for vg_name in vgs:
        concurrent = vg_name in ctx.cluster.concurrent_vgs()
        if vg_name in lvm.active:
            ctx.trace(f"{vg_name} already varied on")
            continue
        if not concurrent:
            # The owner is dead, or is stopping with takeover: it has released what it could
            # (release_vg_fs); a reserve it left (its adapter died, say) is reset. A live owner
            # in another partition keeps its reserve (book 7.4, docs/modelling.md).
            args = ctx.event.args
            leaving = args[0] if ctx.event.name == "node_down" and args[1:2] == ("graceful_with_takeover",) else None
            for disk_name in storage.groups[vg_name].disks:
                disk = storage.disks[disk_name]
                holder = disk.reserved_by
                if holder not in (None, ctx.node) and (not ctx.cluster.alive(holder) or holder == leaving):
                    ctx.trace(f"cl_disk_available: breaking reserve of {holder} on {disk_name}")
                    disk.reserved_by = None
        record = lvm.odm.get(vg_name)
        if record is not None and record.timestamp != storage.groups[vg_name].timestamp:
            rc = yield from _lazy_update(ctx, vg_name)
            if rc:
                return rc
        ctx.trace(f"varyonvg {'-c' if concurrent else '-n'} {vg_name}")
        yield sched.jitter(VARYON_SECONDS)
        error = lvm.varyonvg(vg_name, concurrent=concurrent, nosync=True)
        if error:
            _trace_error(ctx, error)
            return 1
        if any(lv.stale_pps for lv in storage.groups[vg_name].lvs):
            ctx.trace(f"cl_sync_vgs: syncvg -v {vg_name} &")
            sched.call_in(SYNC_DELAY, lambda key=vg_name: key in lvm.active and lvm.sync(key))
    for fs in filesystems:
        if fs in lvm.mounted:
            ctx.trace(f"{fs} already mounted")
            continue
        found = lvm.fs(fs)
        if found is None:
            ctx.trace(f"fsck: 0506-035 {fs} is not a known file system.")
            return 1
        key, _, lv = found
        ctx.trace(f"fsck -f -p /dev/{lv.name}")
        yield sched.jitter(FSCK_SECONDS)
        _, error = lvm.read(key, lv, "#superblock")
        if error:
            ctx.trace(f"fsck: 0506-xxx Cannot read /dev/{lv.name}: {error}")
            return 1
        ctx.trace(f"mount {fs}")
        yield sched.jitter(MOUNT_SECONDS)
        error = lvm.mount(fs)
        if error:
            ctx.trace(error)
            return 1
    return 0


def release_vg_fs(ctx: EventContext, vgs: list[str], filesystems: list[str]) -> Iterator[float]:
    lvm = ctx.host.lvm
    for fs in filesystems:
        ctx.trace(f"umount {fs}")
        yield ctx.cluster.world.sched.jitter(MOUNT_SECONDS)
        error = lvm.umount(fs, ctx.host.processes.using(fs))
        if error:
            ctx.trace(error)
            return 1
    for vg in vgs:
        if vg not in lvm.active:
            ctx.trace(f"{vg} is not varied on")  # closed by a lost quorum, say
            continue
        ctx.trace(f"varyoffvg {vg}")
        yield ctx.cluster.world.sched.jitter(VARYON_SECONDS / 2)
        error = lvm.varyoffvg(vg)
        if error:
            _trace_error(ctx, error)
            return 1
    return 0
