"""LVM commands: lsvg, lspv, lslv, varyonvg/varyoffvg, importvg/exportvg, chvg, extendvg/reducevg,
mklvcopy/rmlvcopy/splitlvcopy/mirrorvg/syncvg/migratepv, mklv/rmlv.

Usage::

    lsvg | lsvg -o | lsvg sharedvg | lsvg -l sharedvg | lsvg -p sharedvg
    lspv | lspv hdisk2 | lslv sharedlv | lslv -m sharedlv
    varyonvg [-f] [-n] [-c] sharedvg | varyoffvg sharedvg
    importvg -y sharedvg [-V 60] hdisk2 | exportvg sharedvg | chvg -a n -Q y sharedvg
    mklvcopy sharedlv 2 hdisk4 | syncvg -v sharedvg | splitlvcopy -y backuplv sharedlv 1

Formats follow the AIX 4.1 source of these commands (printf widths), the
closest to 4.3 found; see docs/modelling.md.
"""

from __future__ import annotations

from hamodel.aix import mirror, vgadmin
from hamodel.commands.base import Shell, UsageError, command

_NOT_ON = "0516-010 {cmd}: Volume group must be varied on; use varyonvg command.\n"


def _result(error: str | None, out: str = "") -> tuple[str, int]:
    return (out + error + "\n", 1) if error else (out, 0)


def _vg(sh: Shell, name: str, active: bool = True):
    """(key, group) of an imported group, or an error tuple."""
    key = sh.host.lvm.key_of(name)
    if key is None:
        return f"0516-306 {sh.name}: Unable to find volume group {name} in the Device\n        Configuration Database.\n", 1
    if active and key not in sh.host.lvm.active:
        return _NOT_ON.format(cmd=sh.name), 1
    return key, sh.world.storage.groups[key]


def _lv_state(sh: Shell, key: str, lv) -> str:
    opened = lv.name in sh.host.lvm.open_lvs(key)
    return f"{'open' if opened else 'closed'}/{'stale' if lv.stale_pps else 'syncd'}"


def _pv_state(sh: Shell, key: str, disk: str) -> str:
    return "missing" if disk in sh.host.lvm.active[key].missing else "active"


def _pps(sh: Shell, vg, disk: str) -> tuple[int, int]:
    """(total, free) physical partitions of a PV."""
    total = sh.world.storage.disks[disk].size_mb // vg.pp_size
    used = sum(lv.lps for lv in vg.lvs for c in lv.copies if c.disk == disk)
    return total, max(0, total - used)


def _distribution(total: int, free: int) -> str:
    """Free partitions in the five regions of the disk, used ones allocated from the start."""
    used = total - free
    bounds = [total * i // 5 for i in range(6)]
    parts = [max(0, (bounds[i + 1] - bounds[i]) - max(0, min(used, bounds[i + 1]) - bounds[i])) for i in range(5)]
    return "..".join(f"{p:02d}" for p in parts)


@command("lsvg")
def lsvg(sh: Shell) -> tuple[str, int]:
    opts, rest = sh.opts("olp", "lsvg [-o] | lsvg [-l | -p] VolumeGroup ...")
    lvm = sh.host.lvm
    if not rest:
        if "-l" in opts or "-p" in opts:
            raise UsageError("Usage: lsvg [-l | -p] VolumeGroup ...\n")
        names = [lvm.odm[k].name for k in (lvm.varied_on if "-o" in opts else lvm.imported)]
        return "".join(n + "\n" for n in names), 0
    out = []
    for name in rest:
        found = _vg(sh, name)
        if isinstance(found[0], str) and isinstance(found[1], int):
            return "\n".join(out) + ("\n" if out else "") + found[0], 1
        key, vg = found
        if "-l" in opts:
            out += [f"{name}:", f"{'LV NAME':<20}{'TYPE':<11}{'LPs':<6}{'PPs':<6}{'PVs':<5}{'LV STATE':<14}MOUNT POINT"]
            for lv in vg.lvs:
                out.append(f"{lv.name:<20}{lv.type:<11}{lv.lps:<6}{lv.lps * len(lv.copies):<6}{len(lv.copies):<5}"
                           f"{_lv_state(sh, key, lv):<14}{lv.mount or 'N/A'}")
        elif "-p" in opts:
            out += [f"{name}:", f"{'PV_NAME':<18}{'PV STATE':<12}{'TOTAL PPs':<12}{'FREE PPs':<12}FREE DISTRIBUTION"]
            for disk in vg.disks:
                total, free = _pps(sh, vg, disk)
                out.append(f"{lvm.hdisk(disk):<18}{_pv_state(sh, key, disk):<12}{total:<12}{free:<12}{_distribution(total, free)}")
        else:
            out += _details(sh, key, vg, name)
    return "\n".join(out) + "\n", 0


def _details(sh: Shell, key: str, vg, name: str) -> list[str]:
    act = sh.host.lvm.active[key]
    totals = [_pps(sh, vg, d) for d in vg.disks]
    total, free = sum(t for t, _ in totals), sum(f for _, f in totals)
    mb = vg.pp_size
    stale_pvs = len({c.disk for lv in vg.lvs for c in lv.copies if c.stale})

    def row(a, b, c, d):
        return f"{a:<15} {b:<24} {c:<15} {d}"
    return [
        row("VOLUME GROUP:", name, "VG IDENTIFIER:", vg.vgid),
        row("VG STATE:", "active", "PP SIZE:", f"{mb} megabyte(s)"),
        row("VG PERMISSION:", "read/write", "TOTAL PPs:", f"{total} ({total * mb} megabytes)"),
        row("MAX LVs:", "256", "FREE PPs:", f"{free} ({free * mb} megabytes)"),
        row("LVs:", str(len(vg.lvs)), "USED PPs:", f"{total - free} ({(total - free) * mb} megabytes)"),
        row("OPEN LVs:", str(len(sh.host.lvm.open_lvs(key))), "QUORUM:", str(vg.total_vgdas // 2 + 1 if vg.quorum else 1)),
        row("TOTAL PVs:", str(len(vg.disks)), "VG DESCRIPTORS:", str(vg.total_vgdas)),
        row("STALE PVs:", str(stale_pvs), "STALE PPs", str(sum(lv.stale_pps for lv in vg.lvs))),
        row("ACTIVE PVs:", str(len(vg.disks) - len(act.missing)), "AUTO ON:", "yes" if sh.host.lvm.odm[key].auto_on else "no"),
    ] + ([row("CONCURRENT:", "Capable", "AUTO-CONCURRENT:", "Disabled"),
          row("VG Mode:", "Concurrent" if act.concurrent else "Non-Concurrent", "", "").rstrip()] if vg.concurrent_capable else [])


def _visible_disks(sh: Shell) -> list[tuple[str, str]]:
    """(hdisk, storage key) of every disk configured on this node, in hdisk order."""
    lvm = sh.host.lvm
    found = []
    for key, disk in sh.world.storage.disks.items():
        if sh.host.name in disk.nodes:
            found.append((lvm.hdisk(key), key))
    return sorted(found, key=lambda p: int(p[0][5:]) if p[0][5:].isdigit() else 999)


@command("lspv")
def lspv(sh: Shell) -> tuple[str, int]:
    lvm = sh.host.lvm
    if not sh.args:
        out = []
        for hdisk, key in _visible_disks(sh):
            vg_key = sh.world.storage.group_of_disk(key)
            vg = lvm.odm[vg_key].name if vg_key in lvm.odm else "None"
            out.append(f"{hdisk:<15}{sh.world.storage.disks[key].pvid:<16.16}    {vg}")
        return "\n".join(out) + "\n", 0
    key = lvm.disk_key(sh.args[0])
    if key is None:
        return f"0516-304 lspv: Unable to find device id {sh.args[0]} in the Device\n        Configuration Database.\n", 1
    vg_key = sh.world.storage.group_of_disk(key)
    if vg_key is None or vg_key not in lvm.active:
        return f"0516-320 lspv: Physical volume {sh.args[0]} is not assigned to\n        a volume group.\n" if vg_key is None else _NOT_ON.format(cmd="lspv"), 1
    vg = sh.world.storage.groups[vg_key]
    total, free = _pps(sh, vg, key)
    stale = sum(len(c.stale) for lv in vg.lvs for c in lv.copies if c.disk == key)
    lvs = sum(1 for lv in vg.lvs if any(c.disk == key for c in lv.copies))

    def row(a, b, c="", d=""):
        return f"{a:<19} {b:<24} {c:<17} {d}".rstrip()
    mb = vg.pp_size
    return "\n".join([
        row("PHYSICAL VOLUME:", sh.args[0], "VOLUME GROUP:", lvm.odm[vg_key].name),
        row("PV IDENTIFIER:", sh.world.storage.disks[key].pvid, "VG IDENTIFIER", vg.vgid),
        row("PV STATE:", _pv_state(sh, vg_key, key)),
        row("STALE PARTITIONS:", str(stale), "ALLOCATABLE:", "yes"),
        row("PP SIZE:", f"{mb} megabyte(s)", "LOGICAL VOLUMES:", str(lvs)),
        row("TOTAL PPs:", f"{total} ({total * mb} megabytes)", "VG DESCRIPTORS:", str(vg.vgdas(key))),
        row("FREE PPs:", f"{free} ({free * mb} megabytes)"),
        row("USED PPs:", f"{total - free} ({(total - free) * mb} megabytes)"),
    ]) + "\n", 0


@command("lslv")
def lslv(sh: Shell) -> tuple[str, int]:
    opts, rest = sh.opts("m", "lslv [-m] LogicalVolume")
    if len(rest) != 1:
        raise UsageError("Usage: lslv [-m] LogicalVolume\n")
    lvm = sh.host.lvm
    found = sh.world.storage.find_lv(lvm.imported, rest[0])
    if found is None:
        return f"0516-306 lslv: Unable to find {rest[0]} in the Device\n        Configuration Database.\n", 1
    key, vg, lv = found
    if key not in lvm.active:
        return _NOT_ON.format(cmd="lslv"), 1
    if "-m" in opts:
        out = [f"{lv.name}:{lv.mount or 'N/A'}", "LP    PP1  PV1               PP2  PV2               PP3  PV3"]
        for lp in range(1, lv.lps + 1):
            out.append((f"{lp:04d}  " + "".join(f"{c.first_pp + lp - 1:04d} {lvm.hdisk(c.disk):<16}  " for c in lv.copies)).rstrip())
        return "\n".join(out) + "\n", 0

    def row(a, b, c, d):
        return f"{a:<15} {b:<24} {c:<15} {d}".rstrip()
    state = _lv_state(sh, key, lv).replace("open/", "opened/")
    partial = "partial" if lvm.active[key].missing else "complete"
    return "\n".join([
        row("LOGICAL VOLUME:", lv.name, "VOLUME GROUP:", lvm.odm[key].name),
        row("LV IDENTIFIER:", f"{vg.vgid}.{vg.lvs.index(lv) + 1}", "PERMISSION:", "read/write"),
        row("VG STATE:", f"active/{partial}", "LV STATE:", state),
        row("TYPE:", lv.type, "WRITE VERIFY:", "off"),
        row("MAX LPs:", "512", "PP SIZE:", f"{vg.pp_size} megabyte(s)"),
        row("COPIES:", str(len(lv.copies)), "SCHED POLICY:", "parallel"),
        row("LPs:", str(lv.lps), "PPs:", str(lv.lps * len(lv.copies))),
        row("STALE PPs:", str(lv.stale_pps), "BB POLICY:", "relocatable"),
        row("INTER-POLICY:", "minimum", "RELOCATABLE:", "yes"),
        row("INTRA-POLICY:", "middle", "UPPER BOUND:", "32"),
        row("MOUNT POINT:", lv.mount or "N/A", "LABEL:", lv.mount or "None"),
        row("MIRROR WRITE CONSISTENCY:", "on", "", ""),
        row("EACH LP COPY ON A SEPARATE PV ?:", "yes", "", ""),
    ]) + "\n", 0


@command("varyonvg")
def varyonvg(sh: Shell) -> tuple[str, int]:
    opts, rest = sh.opts("fnc", "varyonvg [-f] [-n] [-c] VolumeGroup")
    if len(rest) != 1:
        raise UsageError("Usage: varyonvg [-f] [-n] [-c] VolumeGroup\n")
    found = _vg(sh, rest[0], active=False)
    if isinstance(found[1], int):
        return found
    return _result(sh.host.lvm.varyonvg(found[0], force="-f" in opts, concurrent="-c" in opts, nosync="-n" in opts))


@command("varyoffvg")
def varyoffvg(sh: Shell) -> tuple[str, int]:
    _, rest = sh.opts("s", "varyoffvg [-s] VolumeGroup")
    if len(rest) != 1:
        raise UsageError("Usage: varyoffvg [-s] VolumeGroup\n")
    found = _vg(sh, rest[0], active=False)
    if isinstance(found[1], int):
        return found
    return _result(sh.host.lvm.varyoffvg(found[0]))


@command("importvg")
def importvg(sh: Shell) -> tuple[str, int]:
    opts, rest = sh.opts("y:V:n", "importvg [-y VolumeGroup] [-V MajorNumber] [-n] PhysicalVolume")
    if len(rest) != 1 or ("-V" in opts and not opts["-V"].isdigit()):
        raise UsageError("Usage: importvg [-y VolumeGroup] [-V MajorNumber] [-n] PhysicalVolume\n")
    disk = sh.host.lvm.disk_key(rest[0])
    vg_key = sh.world.storage.group_of_disk(disk) if disk else None
    name = opts.get("-y") or (sh.world.storage.groups[vg_key].name if vg_key else "vg00")
    out, error = vgadmin.importvg(sh.host.lvm, name, rest[0], int(opts["-V"]) if "-V" in opts else None,
                                  varyon="-n" not in opts)
    return _result(error, out)


@command("exportvg")
def exportvg(sh: Shell) -> tuple[str, int]:
    if len(sh.args) != 1:
        raise UsageError("Usage: exportvg VolumeGroup\n")
    return _result(vgadmin.exportvg(sh.host.lvm, sh.args[0]))


def _yes_no(sh: Shell, value: str, flag: str) -> bool:
    if value not in ("y", "n"):
        raise UsageError(f"chvg: The {flag} flag takes y or n.\nUsage: chvg [-a y|n] [-Q y|n] VolumeGroup\n")
    return value == "y"


@command("chvg")
def chvg(sh: Shell) -> tuple[str, int]:
    opts, rest = sh.opts("a:Q:", "chvg [-a y|n] [-Q y|n] VolumeGroup")
    if len(rest) != 1 or not opts:
        raise UsageError("Usage: chvg [-a y|n] [-Q y|n] VolumeGroup\n")
    auto = _yes_no(sh, opts["-a"], "-a") if "-a" in opts else None
    quorum = _yes_no(sh, opts["-Q"], "-Q") if "-Q" in opts else None
    return _result(vgadmin.chvg(sh.host.lvm, rest[0], auto_on=auto, quorum=quorum))


@command("extendvg")
def extendvg(sh: Shell) -> tuple[str, int]:
    _, rest = sh.opts("f", "extendvg [-f] VolumeGroup PhysicalVolume ...")
    if len(rest) < 2:
        raise UsageError("Usage: extendvg [-f] VolumeGroup PhysicalVolume ...\n")
    for hdisk in rest[1:]:
        error = vgadmin.extendvg(sh.host.lvm, rest[0], hdisk)
        if error:
            return _result(error)
    return "", 0


@command("reducevg")
def reducevg(sh: Shell) -> tuple[str, int]:
    _, rest = sh.opts("df", "reducevg [-d] [-f] VolumeGroup PhysicalVolume ...")
    if len(rest) < 2:
        raise UsageError("Usage: reducevg [-d] [-f] VolumeGroup PhysicalVolume ...\n")
    for hdisk in rest[1:]:
        error = vgadmin.reducevg(sh.host.lvm, rest[0], hdisk)
        if error:
            return _result(error)
    return "", 0


def _copies(value: str, usage: str) -> int:
    if not value.isdigit():
        raise UsageError(usage)
    return int(value)


@command("mklvcopy")
def mklvcopy(sh: Shell) -> tuple[str, int]:
    usage = "Usage: mklvcopy [-k] [-m MapFile] LogicalVolume Copies [PhysicalVolume ...]\n"
    opts, rest = sh.opts("k", usage)
    if len(rest) < 2:
        raise UsageError(usage)
    error = mirror.mklvcopy(sh.host.lvm, rest[0], _copies(rest[1], usage), rest[2:])
    if error is None and "-k" in opts:  # -k: synchronise the new copies at once
        found = sh.world.storage.find_lv(sh.host.lvm.imported, rest[0])
        mirror.syncvg(sh.host.lvm, found[0], [found[2]])
    return _result(error)


@command("rmlvcopy")
def rmlvcopy(sh: Shell) -> tuple[str, int]:
    usage = "Usage: rmlvcopy LogicalVolume Copies [PhysicalVolume ...]\n"
    _, rest = sh.opts("", usage)
    if len(rest) < 2:
        raise UsageError(usage)
    return _result(mirror.rmlvcopy(sh.host.lvm, rest[0], _copies(rest[1], usage), rest[2:]))


@command("splitlvcopy")
def splitlvcopy(sh: Shell) -> tuple[str, int]:
    usage = "Usage: splitlvcopy [-f] [-y NewLogicalVolumeName] LogicalVolume Copies\n"
    opts, rest = sh.opts("fy:", usage)
    if len(rest) != 2:
        raise UsageError(usage)
    new = opts.get("-y") or "lv00"
    error = mirror.splitlvcopy(sh.host.lvm, rest[0], new, _copies(rest[1], usage), "-f" in opts)
    return _result(error, "" if error else new + "\n")


@command("mklv")
def mklv(sh: Shell) -> tuple[str, int]:
    usage = "Usage: mklv [-y NewLogicalVolume] [-t Type] VolumeGroup LPs [PhysicalVolume ...]\n"
    opts, rest = sh.opts("y:t:", usage)
    if len(rest) < 2 or not rest[1].isdigit() or opts.get("-t", "jfs") not in ("jfs", "jfslog", "raw", "paging"):
        raise UsageError(usage)
    name = opts.get("-y") or "lv00"
    error = mirror.mklv(sh.host.lvm, rest[0], name, opts.get("-t", "jfs"), int(rest[1]), rest[2:])
    return _result(error, "" if error else name + "\n")


@command("rmlv")
def rmlv(sh: Shell) -> tuple[str, int]:
    _, rest = sh.opts("f", "rmlv [-f] LogicalVolume ...")
    if not rest:
        raise UsageError("Usage: rmlv [-f] LogicalVolume ...\n")
    out = ""
    for name in rest:
        error = mirror.rmlv(sh.host.lvm, name)
        if error:
            return _result(error, out)
        out += f"rmlv: Logical volume {name} is removed.\n"
    return out, 0


@command("mirrorvg")
def mirrorvg(sh: Shell) -> tuple[str, int]:
    _, rest = sh.opts("Sm", "mirrorvg [-S] [-m] VolumeGroup [PhysicalVolume ...]")
    if not rest:
        raise UsageError("Usage: mirrorvg [-S] [-m] VolumeGroup [PhysicalVolume ...]\n")
    notes, error = mirror.mirrorvg(sh.host.lvm, rest[0], rest[1:])
    return _result(error, notes + "\n" if notes else "")


@command("migratepv")
def migratepv(sh: Shell) -> tuple[str, int]:
    _, rest = sh.opts("l:", "migratepv [-l LogicalVolume] SourcePV DestinationPV")
    if len(rest) != 2:
        raise UsageError("Usage: migratepv [-l LogicalVolume] SourcePV DestinationPV\n")
    return _result(mirror.migratepv(sh.host.lvm, rest[0], rest[1]))


@command("syncvg")
def syncvg(sh: Shell) -> tuple[str, int]:
    usage = "Usage: syncvg [-f] [-i] [-H] [-P NumParallelLps] {-l|-p|-v} Name...\n"
    opts, rest = sh.opts("lpvf", usage)
    lvm = sh.host.lvm
    if len(rest) < 1 or not ({"-l", "-p", "-v"} & set(opts)):
        raise UsageError(usage)
    failed = []
    for name in rest:
        if "-v" in opts:
            found = _vg(sh, name)
            if isinstance(found[1], int):
                return found
            failed += mirror.syncvg(lvm, found[0])
        elif "-l" in opts:
            found = sh.world.storage.find_lv(lvm.active, name)
            if found is None:
                return _NOT_ON.format(cmd="syncvg") if sh.world.storage.find_lv(lvm.imported, name) else \
                    f"0516-306 syncvg: Unable to find {name} in the Device\n        Configuration Database.\n", 1
            failed += mirror.syncvg(lvm, found[0], [found[2]])
        else:
            disk = lvm.disk_key(name)
            key = sh.world.storage.group_of_disk(disk) if disk else None
            if key not in lvm.active:
                return _NOT_ON.format(cmd="syncvg"), 1
            lvs = [lv for lv in sh.world.storage.groups[key].lvs if any(c.disk == disk for c in lv.copies)]
            failed += mirror.syncvg(lvm, key, lvs)
    if failed:
        out = "".join(f"0516-848 syncvg: Failure on physical volume {pv}, it may be missing\n        or removed.\n"
                      f"0516-934 syncvg: Unable to synchronize logical volume {lv}.\n" for lv, pv in dict.fromkeys(failed))
        return out, 1
    return "", 0
