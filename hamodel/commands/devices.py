"""Device commands: lsdev, lsattr, bootlist, bosboot, sysdumpdev, ssaxlate, and SSA link
verification as ``diag`` shows it.

Usage::

    lsdev -Cc disk | lsdev -Cc pdisk | lsdev -Cc adapter | lsdev -C
    lsattr -El hdisk2 | lsattr -El ssar | lsattr -El scsi1
    bootlist -m normal hdisk0 hdisk1 | bootlist -m normal -o
    bosboot -a -d /dev/hdisk1
    sysdumpdev -l
    ssaxlate -l hdisk2
    diag -d ssa0 -T linkver          SSA Service Aids: Link Verification

Locations and descriptions are [U] (docs/modelling.md): no 4.3 capture was found.
"""

from __future__ import annotations

from hamodel.commands.base import Shell, UsageError, command


def _node_adapters(sh: Shell):
    san = sh.world.san
    me = sh.host.name
    return ([a for (n, _), a in san.ssa_adapters.items() if n == me],
            [a for (n, _), a in san.scsi.items() if n == me])


def _disks(sh: Shell) -> list[tuple[str, str, str]]:
    """(name, location, description) of every hdisk configured on the node."""
    rows = []
    for key, disk in sh.world.storage.disks.items():
        if sh.host.name not in disk.nodes:
            continue
        name = key.split(":")[-1]
        number = int(name[5:])
        if disk.kind == "ssa":
            rows.append((name, "30-68-L", "SSA Logical Disk Drive"))
        elif disk.kind == "7135":
            rows.append((name, f"20-58-00-{number},0", "7135 Disk Array Device"))
        elif disk.location == "internal":
            rows.append((name, f"10-60-00-{8 + number},0", "16 Bit SCSI Disk Drive"))
        else:
            rows.append((name, f"20-60-00-{number},0", "2.2 GB SCSI Disk Drive"))
    return sorted(rows, key=lambda r: int(r[0][5:]))


def _pdisks(sh: Shell) -> list[tuple[str, str, str]]:
    san = sh.world.san
    ssa, _ = _node_adapters(sh)
    if not ssa:
        return []
    mine = {p for loop in san.loops.values() for item in loop.ring
            if isinstance(item, tuple) and item[0] == sh.host.name for p in loop.ring if isinstance(p, str)}
    return [(p.name, "30-68-P", f"{p.size_mb / 1000:.1f}GB SSA C Physical Disk Drive")
            for p in san.pdisks.values() if p.name in mine]


def _adapters(sh: Shell) -> list[tuple[str, str, str, str]]:
    ssa, scsi = _node_adapters(sh)
    rows = [(a.name, "Available", "30-68", a.description) for a in ssa]
    rows += [(a.name, "Available", f"20-{58 + i}", "Wide SCSI I/O Controller (differential)") for i, a in enumerate(scsi)]
    return rows


@command("lsdev")
def lsdev(sh: Shell) -> tuple[str, int]:
    opts, _ = sh.opts("Cc:", "lsdev -C [-c Class]")
    if "-C" not in opts:
        raise UsageError("Usage: lsdev -C [-c Class]\n")
    kind = opts.get("-c")
    rows: list[tuple[str, str, str, str]] = []
    if kind in (None, "adapter"):
        rows += _adapters(sh)
        if _node_adapters(sh)[0] and kind is None:
            rows.append(("ssar", "Defined", "", "SSA Adapter Router"))
    if kind in (None, "disk"):
        rows += [(n, "Available", loc, desc) for n, loc, desc in _disks(sh)]
    if kind in (None, "pdisk"):
        rows += [(n, "Available", loc, desc) for n, loc, desc in _pdisks(sh)]
    if kind not in (None, "adapter", "disk", "pdisk"):
        return "", 0
    return "".join(f"{n:<13} {s:<9} {loc:<13} {d}\n" for n, s, loc, d in rows), 0


@command("lsattr")
def lsattr(sh: Shell) -> tuple[str, int]:
    opts, _ = sh.opts("El:", "lsattr -El Name")
    name = opts.get("-l")
    if "-E" not in opts or not name:
        raise UsageError("Usage: lsattr -E -l Name\n")
    node = sh.world.definition.node(sh.host.name)
    ssa, scsi = _node_adapters(sh)
    rows: list[tuple[str, str, str, str]] = []
    if name == "ssar" and ssa:
        rows = [("node_number", str(node.ssa_node_number), "SSA network node number", "True")]
    elif any(a.name == name for a in ssa):
        a = next(a for a in ssa if a.name == name)
        rows = [("ucode", a.microcode, "Microcode level", "False"), ("pci_addr", "0x2000", "PCI address", "False")]
    elif any(a.name == name for a in scsi):
        a = next(a for a in scsi if a.name == name)
        rows = [("id", str(a.scsi_id), "Adapter card SCSI ID", "True"),
                ("bb", "no", "Battery backed adapter", "True"),
                ("dev_id", a.bus, "SCSI bus the adapter is cabled to", "False")]
    else:
        key = sh.host.lvm.disk_key(name)
        if key is None:
            return f"lsattr: 0514-519 The following device was not found in the customized\n        device configuration database:\n        {name}\n", 1
        disk = sh.world.storage.disks[key]
        rows = [("pvid", disk.pvid + "0" * 16, "Physical volume identifier", "False"),
                ("queue_depth", "3", "Queue DEPTH", "True")]
        if disk.kind == "ssa":
            rows.insert(0, ("connwhere_shad", disk.location, "SSA Connection Location", "False"))
        elif disk.kind == "7135":
            array = sh.world.san.arrays[disk.location.split()[0]]
            lun = next(lun for lun in array.luns if lun.hdisk == disk.name)
            rows = [("raid_level", str(lun.raid), "RAID Level", "True"), ("size", str(lun.size_mb), "Size in Mbytes", "True")] + rows
    return "".join(f"{a:<15} {v:<34} {d:<35} {u}\n" for a, v, d, u in rows), 0


@command("bootlist")
def bootlist(sh: Shell) -> tuple[str, int]:
    opts, rest = sh.opts("m:o", "bootlist -m Mode [-o] [Device ...]")
    if opts.get("-m") != "normal":
        raise UsageError("Usage: bootlist -m normal [-o] [Device ...]\n(this lab keeps the normal list only)\n")
    if rest:
        for hdisk in rest:
            if sh.host.lvm.disk_key(hdisk) is None:
                return f"bootlist: 0514-223 Invalid device name {hdisk}\n", 1
        sh.host.bootlist = list(rest)
        return "", 0
    return "".join(h + "\n" for h in sh.host.bootlist), 0


@command("bosboot")
def bosboot(sh: Shell) -> tuple[str, int]:
    opts, rest = sh.opts("ad:", "bosboot -a [-d Device]")
    if "-a" not in opts:
        raise UsageError("Usage: bosboot -a [-d Device]\n")
    device = opts.get("-d", "/dev/" + (sh.host.boot_device() or "hdisk0"))
    hdisk = device.removeprefix("/dev/")
    lvm = sh.host.lvm
    key = lvm.disk_key(hdisk)
    rootvg = next(k for k in lvm.imported if sh.world.storage.groups[k].local)
    blv = sh.world.storage.groups[rootvg].lv("hd5")
    if key is None or blv is None or all(c.disk != key for c in blv.copies):
        return f"0301-168 bosboot: The current boot logical volume, /dev/hd5,\n        does not exist on {device}.\n", 1
    if not lvm.usable(key):
        return f"0301-152 bosboot: Cannot open {device}.\n", 1
    sh.world.storage.disks[key].boot_image = True
    return "\nbosboot: Boot image is 6379 512 byte blocks.\n", 0


@command("sysdumpdev")
def sysdumpdev(sh: Shell) -> tuple[str, int]:
    opts, _ = sh.opts("l", "sysdumpdev -l")
    if "-l" not in opts:
        raise UsageError("Usage: sysdumpdev -l\n")
    rootvg = next(k for k in sh.host.lvm.imported if sh.world.storage.groups[k].local)
    primary = "/dev/hd7" if sh.world.storage.groups[rootvg].lv("hd7") else "/dev/hd6"
    rows = [("primary", primary), ("secondary", "/dev/sysdumpnull"), ("copy directory", "/var/adm/ras"),
            ("forced copy flag", "TRUE")]
    return "".join(f"{a:<20} {b}\n" for a, b in rows), 0


@command("ssaxlate")
def ssaxlate(sh: Shell) -> tuple[str, int]:
    opts, _ = sh.opts("l:", "ssaxlate -l Name")
    name = opts.get("-l", "")
    san = sh.world.san
    for p in san.pdisks.values():
        if name == p.name:
            return p.hdisk + "\n", 0
        if name == p.hdisk:
            return p.name + "\n", 0
    return f"ssaxlate: {name} is not an SSA logical or physical disk\n", 1


@command("diag")
def diag(sh: Shell) -> tuple[str, int]:
    """SSA Service Aids, Link Verification: the loop seen from one adapter, hop counts per port."""
    opts, _ = sh.opts("cd:T:", "diag -d ssaN -T linkver")
    name, task = opts.get("-d"), opts.get("-T")
    ssa, _ = _node_adapters(sh)
    adapter = next((a for a in ssa if a.name == name), None)
    if adapter is None or task != "linkver":
        raise UsageError("Usage: diag -d ssaN -T linkver   (SSA Service Aids: Link Verification)\n")
    san = sh.world.san
    out = ["SSA LINK VERIFICATION", "", f"{adapter.name}  {adapter.description}", "",
           "Physical    Serial#     Adapter Port", "                         A1  A2  B1  B2  Status"]
    for loop in san.loops.values():
        for i, item in enumerate(loop.ring):
            if not (isinstance(item, tuple) and item[:2] == (sh.host.name, adapter.name)):
                continue
            hops = loop.hops(i, san.passes)
            for p in [x for x in loop.ring if isinstance(x, str)]:
                back, fwd = hops.get(p, (None, None))
                cols = ["  ", "  ", "  ", "  "]
                base = 0 if item[2] == "A" else 2
                cols[base] = f"{back:>2}" if back is not None else "  "
                cols[base + 1] = f"{fwd:>2}" if fwd is not None else "  "
                status = "Good" if p in hops else "Not reachable"
                out.append(f"{p:<11} {san.pdisks[p].serial:<12}{'  '.join(cols)}  {status}")
            cut = [f"{port}" for c, port in loop.adapter_cables(sh.host.name, adapter.name) if not loop.plugged[c]]
            if cut:
                out.append(f"Link open at port {', '.join(cut)} of {adapter.name} ({loop.name})")
    return "\n".join(out) + "\n", 0
