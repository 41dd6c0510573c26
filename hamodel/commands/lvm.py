"""LVM and file system commands: lsvg, lspv, varyonvg, varyoffvg, mount, umount, df.

Usage::

    lsvg | lsvg -o | lsvg -l sharedvg | lspv
    varyonvg sharedvg | varyoffvg sharedvg
    mount /sharedfs | umount /sharedfs | mount
    df -k
"""

from __future__ import annotations

from hamodel.commands.base import Shell, UsageError, command


def _groups(sh: Shell, keys: list[str]) -> list:
    return [sh.world.storage.groups[k] for k in keys]


def _key(sh: Shell, name: str) -> str | None:
    for key in sh.host.lvm.imported:
        if sh.world.storage.groups[key].name == name:
            return key
    return None


@command("lsvg")
def lsvg(sh: Shell) -> tuple[str, int]:
    opts, rest = sh.opts("ol", "lsvg [-o] | lsvg -l VolumeGroup")
    lvm = sh.host.lvm
    if "-l" in opts:
        if not rest:
            raise UsageError("Usage: lsvg -l VolumeGroup ...\n")
        out = []
        for name in rest:
            key = _key(sh, name)
            if key is None:
                return f"0516-306 lsvg: Unable to find volume group {name} in the Device\n        Configuration Database.\n", 1
            if key not in lvm.varied_on:
                return "0516-010 lsvg: Volume group must be varied on; use varyonvg command.\n", 1
            vg = sh.world.storage.groups[key]
            out += [f"{name}:", "LV NAME             TYPE       LPs   PPs   PVs  LV STATE      MOUNT POINT"]
            for lv in vg.lvs:
                lps = max(1, lv.size_mb // 4)
                is_open = (lv.mount in lvm.mounted) or lv.type in ("jfslog", "paging") and any(m in lvm.mounted for m in [x.mount for x in vg.lvs if x.mount])
                out.append(f"{lv.name:<19} {lv.type:<10} {lps:<5} {lps:<5} 1    {'open' if is_open else 'closed'}/syncd  {lv.mount or 'N/A'}")
        return "\n".join(out) + "\n", 0
    keys = lvm.varied_on if "-o" in opts else lvm.imported
    return "".join(g.name + "\n" for g in _groups(sh, keys)), 0


@command("lspv")
def lspv(sh: Shell) -> tuple[str, int]:
    out = []
    for disk in sh.world.storage.disks.values():
        if sh.host.name not in disk.nodes:
            continue
        name = disk.name.split(":")[-1]
        vg = next((g for k, g in sh.world.storage.groups.items() if disk.name in g.disks), None)
        active = vg is not None and any(sh.world.storage.groups[k] is vg for k in sh.host.lvm.varied_on)
        out.append(f"{name:<15} {disk.pvid:<20} {vg.name if vg else 'None':<15} {'active' if active else ''}".rstrip())
    return "\n".join(sorted(out)) + "\n", 0


@command("varyonvg")
def varyonvg(sh: Shell) -> tuple[str, int]:
    opts, rest = sh.opts("fn", "varyonvg [-f] [-n] VolumeGroup")
    if len(rest) != 1:
        raise UsageError("Usage: varyonvg [-f] [-n] VolumeGroup\n")
    key = _key(sh, rest[0])
    if key is None:
        return f"0516-306 varyonvg: Unable to find volume group {rest[0]} in the Device\n        Configuration Database.\n", 1
    error = sh.host.lvm.varyonvg(key)
    return (error + "\n", 1) if error else ("", 0)


@command("varyoffvg")
def varyoffvg(sh: Shell) -> tuple[str, int]:
    _, rest = sh.opts("s", "varyoffvg [-s] VolumeGroup")
    if len(rest) != 1:
        raise UsageError("Usage: varyoffvg [-s] VolumeGroup\n")
    key = _key(sh, rest[0]) or rest[0]
    error = sh.host.lvm.varyoffvg(key)
    return (error + "\n", 1) if error else ("", 0)


@command("mount")
def mount(sh: Shell) -> tuple[str, int]:
    if not sh.args:
        out = ["  node       mounted        mounted over    vfs       date        options",
               "-------- ---------------  ---------------  ------ ------------ ---------------"]
        for m in sh.host.lvm.mounted:
            lv = sh.world.storage.lv_for_mount(m)[1]
            out.append(f"         /dev/{lv.name:<11} {m:<16} jfs    Nov 22 09:00 rw,log=/dev/hd8")
        return "\n".join(out) + "\n", 0
    error = sh.host.lvm.mount(sh.args[-1])
    return (error + "\n", 1) if error else ("", 0)


@command("umount")
def umount(sh: Shell) -> tuple[str, int]:
    if len(sh.args) != 1:
        raise UsageError("Usage: umount [-f] {Directory | File | Device}\n")
    error = sh.host.lvm.umount(sh.args[0], sh.host.processes.using(sh.args[0]))
    return (error + "\n", 1) if error else ("", 0)


@command("df")
def df(sh: Shell) -> tuple[str, int]:
    sh.opts("k", "df [-k] [FileSystem ...]")
    out = ["Filesystem    1024-blocks      Free %Used    Iused %Iused Mounted on"]
    for m in sh.host.lvm.mounted:
        lv = sh.world.storage.lv_for_mount(m)[1]
        size = lv.size_mb * 1024
        used = min(size, lv.used_kb())
        iused = 17 + len(lv.files)
        out.append(f"/dev/{lv.name:<13} {size:>10} {size - used:>9} {100 * used // size:>4}% {iused:>8} {max(1, iused * 100 // (size // 4)):>5}% {m}")
    return "\n".join(out) + "\n", 0
