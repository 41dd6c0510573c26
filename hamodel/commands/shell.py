"""Shell and system commands: cat, tail, echo, sh, mpcfg, errpt, errclear, hostname, date, halt.

Usage::

    cat /tmp/hacmp.out | tail -n 20 /var/adm/cluster.log
    echo "written before the crash" >> /sharedfs/test.txt
    sh /etc/tcp.clean                      stop TCP/IP (book 6.2.2.3)
    cat /etc/hosts > /dev/kmem             crash the kernel (book 6.2.2.1)
    mpcfg -cf 11 1                         fast reboot after a crash (SMP)
    errpt | errpt -a | errclear 0
    uname -a | uname -m                    the node's CPU id (licences are tied to it, book 2.5.3)
    shutdown -Fr | reboot | halt

A path inside a mounted JFS reads and writes that file system's content,
which lives on the shared disks; any other path is a file on the node's own
disk (as on AIX, writing under an unmounted mount point writes to rootvg).
"""

from __future__ import annotations

from hamodel.commands.base import Shell, UsageError, command
from hamodel.scheduler import wallclock


def _local(sh: Shell, fs) -> bool:
    return sh.world.storage.groups[fs[0]].local


def _read(sh: Shell, path: str) -> str | None:
    """A file's content, read through the LVM (a disk that does not answer gives None).
    Files of rootvg's file systems keep their content with the host (``host.files``);
    the LVM read still decides whether they can be read."""
    fs = sh.host.lvm.filesystem_of(path)
    if fs is None:
        return sh.host.files.get(path)
    content, error = sh.host.lvm.read(fs[0], fs[1], fs[2])
    if error:
        return None
    return sh.host.files.get(path) if _local(sh, fs) else content


def write_file(sh: Shell, path: str, text: str, append: bool) -> tuple[str, int]:
    fs = sh.host.lvm.filesystem_of(path)
    lvm = sh.host.lvm
    if fs is not None and fs[1].mount in lvm.readonly:
        return f"ksh: {path}: 0403-005 Cannot create the specified file.\n", 1
    new = text
    if fs is not None and not _local(sh, fs):
        old, error = lvm.read(fs[0], fs[1], fs[2]) if append else (None, None)
        new = (old or "") + text
    elif append:
        new = sh.host.files.get(path, "") + text
    error = lvm.write(fs[0], fs[1], fs[2], new) if fs is not None else None
    if error:
        return f"ksh: {path}: 0403-005 Cannot create the specified file.\n", 1
    if fs is None or _local(sh, fs):
        sh.host.files[path] = new
    return "", 0


@command("cat")
def cat(sh: Shell) -> tuple[str, int]:
    if not sh.args:
        raise UsageError("Usage: cat [-q] [-r] [-s] [-S] [-u] [-n[-b]] [-v [-e] [-t]] [-|File...]\n")
    out = []
    for path in sh.args:
        text = _read(sh, path)
        if text is None:
            return "".join(out) + f"cat: 0652-050 Cannot open {path}.\n", 2
        out.append(text)
    return "".join(out), 0


@command("tail")
def tail(sh: Shell) -> tuple[str, int]:
    args = list(sh.args)
    count = 10
    if args and args[0] == "-n" and len(args) > 1:
        args = args[1:]
        count = args.pop(0)
    elif args and args[0].startswith("-") and args[0][1:].isdigit():
        count = args.pop(0)[1:]
    if len(args) != 1 or not str(count).isdigit():
        raise UsageError("Usage: tail [-n Number] File\n")
    text = _read(sh, args[0])
    if text is None:
        return f"tail: 0652-050 Cannot open {args[0]}.\n", 2
    lines = text.splitlines(keepends=True)
    return "".join(lines[-int(count):]) if int(count) else "", 0


@command("echo")
def echo(sh: Shell) -> tuple[str, int]:
    return " ".join(sh.args) + "\n", 0


@command("hostname")
def hostname(sh: Shell) -> tuple[str, int]:
    return sh.host.name + "\n", 0


@command("uname")
def uname(sh: Shell) -> tuple[str, int]:
    """AIX 4.3 uname: -n node name, -m machine (CPU) id, -s system, -r release, -v version, -a all."""
    opts, _ = sh.opts("amnrsv", "uname [-a | -m | -n | -r | -s | -v]")
    fields = {"-s": "AIX", "-n": sh.host.name, "-r": "3", "-v": "4", "-m": sh.host.node.cpu_id or "000000004C00"}
    wanted = list(fields) if "-a" in opts else [f for f in fields if f in opts] or ["-s"]
    return " ".join(fields[f] for f in wanted) + "\n", 0


@command("date")
def date(sh: Shell) -> tuple[str, int]:
    return wallclock(sh.now).strftime("%a %b %d %H:%M:%S CST %Y") + "\n", 0


@command("sh")
def sh_(sh: Shell) -> tuple[str, int]:
    if sh.args == ["/etc/tcp.clean"]:
        # tcp.clean stops the TCP/IP daemons; the model reads that as the TCP/IP subsystem failing.
        for sub in sh.host.src.group("tcpip"):
            sh.host.src.stop(sub.name)
        return "", 0
    if not sh.args:
        raise UsageError("Usage: sh File\n")
    return f"sh: {sh.args[0]}: not found in this lab\n", 127


@command("mpcfg")
def mpcfg(sh: Shell) -> tuple[str, int]:
    args = sh.args
    if args[:1] == ["-df"]:
        flag = "1" if sh.host.node.fast_reboot else "0"
        return f"Name                   Value\n11 Fast reboot           {flag}\n", 0
    if len(args) == 3 and args[0] == "-cf" and args[1] == "11" and args[2] in ("0", "1"):
        if not sh.host.node.smp:
            return "mpcfg: 0514-071 this function is only available on SMP systems.\n", 1
        sh.host.node.fast_reboot = args[2] == "1"
        return "", 0
    raise UsageError("Usage: mpcfg -df | mpcfg -cf 11 {0|1}\n")


@command("errpt")
def errpt(sh: Shell) -> tuple[str, int]:
    opts, _ = sh.opts("aN:J:", "errpt [-a] [-N ResourceName] [-J Label]")
    entries = list(reversed(sh.host.errlog.entries))
    if "-N" in opts:
        entries = [e for e in entries if e.resource == opts["-N"]]
    if "-J" in opts:
        entries = [e for e in entries if e.label in opts["-J"].split(",")]
    if "-a" in opts:
        out = []
        for e in entries:
            out += ["-" * 75, f"LABEL:\t\t{e.label}", f"IDENTIFIER:\t{e.identifier}", "",
                    f"Date/Time:       {wallclock(e.time).strftime('%a %b %d %H:%M:%S')}",
                    f"Sequence Number: {e.sequence}", f"Machine Id:      {sh.host.node.cpu_id}",
                    f"Node Id:         {sh.host.name}", f"Class:           {e.err_class}", f"Type:            {e.type}",
                    f"Resource Name:   {e.resource}", "", "Description", e.description, "", "Detail Data", e.detail or "-"]
        return "\n".join(out) + ("\n" if out else ""), 0
    out = ["IDENTIFIER TIMESTAMP  T C RESOURCE_NAME  DESCRIPTION"]
    for e in entries:
        stamp = wallclock(e.time).strftime("%m%d%H%M%y")
        out.append(f"{e.identifier}   {stamp} {e.type} {e.err_class} {e.resource[:14]:<14} {e.description[:39]}")
    return "\n".join(out) + "\n", 0


@command("errclear")
def errclear(sh: Shell) -> tuple[str, int]:
    if sh.args != ["0"]:
        raise UsageError("Usage: errclear [-d ErrorClassList] Days\n")
    sh.host.errlog.clear()
    return "", 0


@command("halt")
def halt(sh: Shell) -> tuple[str, int]:
    sh.host.halt()
    return "", 0


@command("shutdown")
def shutdown(sh: Shell) -> tuple[str, int]:
    opts, _ = sh.opts("Fr", "shutdown [-F] [-r]")
    if "-F" not in opts:
        raise UsageError("shutdown: this lab models the fast shutdown only: shutdown -F [-r]\n")
    sh.host.shutdown(reboot="-r" in opts)
    return "", 0


@command("reboot")
def reboot(sh: Shell) -> tuple[str, int]:
    sh.host.shutdown(reboot=True)
    return "", 0
