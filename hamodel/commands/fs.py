"""File system and paging commands: mount, umount, df, fsck, logredo, lsps.

Usage::

    mount /sharedfs | umount /sharedfs | mount | mount -o ro /dev/backuplv /backup
    crfs -v jfs -d newlv -m /newfs
    df -k
    fsck -y /sharedfs | logredo /dev/sharedloglv
    lsps -a

A file system's content is read through the LVM, so ``df`` and ``fsck``
show what the disks hold now.
"""

from __future__ import annotations

from hamodel.commands.base import Shell, UsageError, command


@command("mount")
def mount(sh: Shell) -> tuple[str, int]:
    if not sh.args:
        out = ["  node       mounted        mounted over    vfs       date        options",
               "-------- ---------------  ---------------  ------ ------------ ---------------"]
        for m in sh.host.lvm.mounted:
            _, vg, lv = sh.host.lvm.fs(m)
            log = sh.host.lvm.log_lv(vg)
            out.append(f"         /dev/{lv.name:<11} {m:<16} jfs    Nov 22 09:00 rw,log=/dev/{log.name if log else 'hd8'}")
        return "\n".join(out) + "\n", 0
    opts, rest = sh.opts("o:v:", "mount [-o ro] [-v jfs] [Device] Directory")
    if len(rest) == 2 and rest[0].startswith("/dev/"):
        error = sh.host.lvm.mount_device(rest[0][5:], rest[1], opts.get("-o") == "ro")
    elif len(rest) == 1:
        error = sh.host.lvm.mount(rest[0])
    else:
        raise UsageError("Usage: mount [-o ro] [-v jfs] [Device] Directory\n")
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
    lvm = sh.host.lvm
    out = ["Filesystem    1024-blocks      Free %Used    Iused %Iused Mounted on"]
    for m in lvm.mounted:
        key, vg, lv = lvm.fs(m)
        size = lv.lps * vg.pp_size * 1024
        files = lvm.items(key, lv)
        if files is None:  # the disks do not answer: df cannot read the superblock
            out.append(f"/dev/{lv.name:<13} {'-':>10} {'-':>9} {'-':>5} {'-':>8} {'-':>5} {m}")
            continue
        data = {k: v for k, v in files.items() if not k.startswith("#")}
        used = min(size, size * 4 // 100 + sum(len(c) for c in data.values()) // 1024)
        iused = 17 + len(data)
        out.append(f"/dev/{lv.name:<13} {size:>10} {size - used:>9} {100 * used // size:>4}% {iused:>8} "
                   f"{max(1, iused * 100 // (size // 4)):>5}% {m}")
    return "\n".join(out) + "\n", 0


def _device(sh: Shell, target: str):
    """(group key, group, LV) of a file system given by mount point or /dev/lv name."""
    lvm = sh.host.lvm
    if target.startswith("/dev/"):
        found = sh.world.storage.find_lv(lvm.imported, target[5:])
        if found is None or not found[2].mount:
            return None
        target = found[2].mount
    return lvm.fs(target)


@command("fsck")
def fsck(sh: Shell) -> tuple[str, int]:
    """JFS check: the superblock and every file must read back [U: phase text]."""
    opts, rest = sh.opts("ynpf", "fsck [-y|-n|-p] [-f] Filesystem ...")
    if not rest:
        raise UsageError("Usage: fsck [-y|-n|-p] [-f] [-V Vfs] Filesystem ...\n")
    out = []
    for target in rest:
        found = _device(sh, target)
        if found is None:
            return "\n".join(out) + f"fsck: 0506-035 {target} is not a known file system.\n", 8
        key, _, lv = found
        if lv.mount in sh.host.lvm.mounted:
            out.append(f"fsck: 0506-026 {lv.mount} is mounted; cannot check a mounted file system.")
            return "\n".join(out) + "\n", 8
        out.append(f"\n** Checking /dev/r{lv.name} ({lv.mount})")
        if key not in sh.host.lvm.active or sh.host.lvm.items(key, lv) is None:
            out.append(f"fsck: 0506-xxx Cannot read /dev/r{lv.name}: There is an input or output error.")
            return "\n".join(out) + "\n", 8
        files = [k for k in sh.host.lvm.items(key, lv) if not k.startswith("#")]
        out += ["** Phase 1 - Check Blocks and Sizes", "** Phase 2 - Check Pathnames",
                "** Phase 3 - Check Connectivity", "** Phase 4 - Check Reference Counts",
                "** Phase 5 - Check Inode Map", "** Phase 6 - Check Block Map",
                f"{17 + len(files)} files {lv.lps * 4 * 8} blocks"]
    return "\n".join(out) + "\n", 0


@command("logredo")
def logredo(sh: Shell) -> tuple[str, int]:
    if len(sh.args) != 1 or not sh.args[0].startswith("/dev/"):
        raise UsageError("Usage: logredo /dev/LogDevice\n")
    found = sh.world.storage.find_lv(sh.host.lvm.imported, sh.args[0][5:])
    if found is None or found[2].type != "jfslog":
        return f"logredo: {sh.args[0]} is not a JFS log device.\n", 1
    key, _, lv = found
    if key not in sh.host.lvm.active or sh.host.lvm.read(key, lv, "#log")[1]:
        return f"logredo: Cannot read {sh.args[0]}: There is an input or output error.\n", 1
    return "", 0


@command("lsps")
def lsps(sh: Shell) -> tuple[str, int]:
    opts, _ = sh.opts("as", "lsps -a | lsps -s")
    lvm = sh.host.lvm
    rows = []
    for key in lvm.imported:
        vg = sh.world.storage.groups[key]
        for lv in vg.lvs:
            if lv.type != "paging":
                continue
            active = lv.name in lvm.paging and key in lvm.active
            used = min(99, 1 + len(sh.host.processes.processes) // 20) if active else 0
            for copy in lv.copies:  # a mirrored paging space has a line per PV
                rows.append((lv.name, lvm.hdisk(copy.disk), lvm.odm[key].name, lv.lps * vg.pp_size, used, active))
    if "-s" in opts:
        total = sum(r[3] for r in rows[:1] or [])
        return f"Total Paging Space   Percent Used\n      {total}MB               {rows[0][4] if rows else 0}%\n", 0
    out = [f"{'Page Space':<16}{'Physical Volume':<18}{'Volume Group':<14}{'Size':>6} %Used Active  Auto  Type"]
    for name, pv, vg, size, used, active in rows:
        out.append(f"{name:<16}{pv:<18}{vg:<14}{size:>4}MB {used:>5}   {'yes' if active else 'no':<5} yes    lv")
    return "\n".join(out) + "\n", 0


def _raw_lv(sh: Shell, device: str):
    """(group key, LV) of a raw device path /dev/rLV or /dev/LV, or None."""
    name = device.removeprefix("/dev/")
    found = None
    for candidate in (name[1:] if name.startswith("r") else None, name):
        if candidate:
            found = found or sh.world.storage.find_lv(sh.host.lvm.imported, candidate)
    return (found[0], found[2]) if found else None


@command("dd")
def dd(sh: Shell) -> tuple[str, int]:
    """Raw I/O by 512-byte block, as applications of a concurrent group do it:
    ``dd if=/tmp/rec of=/dev/rconclv seek=3 count=1`` writes a file's text into block 3;
    ``dd if=/dev/rconclv skip=3 count=1`` prints it."""
    args = {}
    for word in sh.args:
        key, sep, value = word.partition("=")
        if not sep or key not in ("if", "of", "bs", "seek", "skip", "count", "conv"):
            raise UsageError("Usage: dd [if=InFile] [of=OutFile] [bs=512] [seek=N] [skip=N] [count=1]\n")
        args[key] = value
    for key in ("seek", "skip", "count"):
        if key in args and not args[key].isdigit():
            raise UsageError(f"dd: {key}={args[key]} is not a number\n")
    lvm = sh.host.lvm
    done = "1+0 records in\n1+0 records out\n"
    if "of" in args:
        target = _raw_lv(sh, args["of"])
        source = sh.host.files.get(args.get("if", ""))
        if target is None or source is None:
            missing = args["of"] if target is None else args.get("if", "stdin")
            return f"dd: {missing}: A file or directory in the path name does not exist.\n", 2
        if target[0] not in lvm.active or lvm.write(target[0], target[1], f"block:{args.get('seek', '0')}", source):
            return f"dd: {args['of']}: There is an input or output error.\n0+0 records in\n0+0 records out\n", 2
        return done, 0
    source = _raw_lv(sh, args.get("if", ""))
    if source is None:
        return f"dd: {args.get('if', 'stdin')}: A file or directory in the path name does not exist.\n", 2
    content, error = lvm.read(source[0], source[1], f"block:{args.get('skip', '0')}") if source[0] in lvm.active else (None, "EIO")
    if error:
        return f"dd: {args['if']}: There is an input or output error.\n0+0 records in\n0+0 records out\n", 2
    return (content or "\0" * 0) + done, 0


@command("crfs")
def crfs(sh: Shell) -> tuple[str, int]:
    """A new JFS on an existing logical volume: ``crfs -v jfs -d newlv -m /newfs``. Like AIX, it
    runs mkfs: whatever the LV held is gone (to read a split copy, mount its device instead)."""
    usage = "Usage: crfs -v jfs -d Device -m MountPoint [-A yes|no] [-p ro|rw]\n"
    opts, rest = sh.opts("v:d:m:A:p:", usage)
    if rest or opts.get("-v") != "jfs" or "-d" not in opts or not opts.get("-m", "").startswith("/"):
        raise UsageError(usage)
    lvm = sh.host.lvm
    found = sh.world.storage.find_lv(lvm.imported, opts["-d"].removeprefix("/dev/"))
    if found is None:
        return f"crfs: 0506-909 {opts['-d']} is not a logical volume of this node.\n", 1
    key, vg, lv = found
    if lv.mount or lvm.fs(opts["-m"]):
        return f"crfs: 0506-909 {opts['-m'] if not lv.mount else opts['-d']} is already in /etc/filesystems.\n", 1
    if key not in lvm.active:
        return "0516-010 crfs: Volume group must be varied on; use varyonvg command.\n", 1
    lv.type, lv.mount = "jfs", opts["-m"]
    for copy in lv.copies:  # crfs makes a new, empty file system (mkfs)
        copy.data.clear()
        copy.stale.clear()
    lvm.changed(key)
    if opts.get("-p") == "ro":
        lvm.readonly.add(lv.mount)
    return "", 0
