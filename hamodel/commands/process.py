"""Process commands: ps, kill, and the application servers' own start and stop scripts.

Usage::

    ps -ef | ps -u appuser | ps -e
    kill -9 <pid>
    /usr/local/ha/stop_app1          an application server's stop script (start likewise)

Killing clstrmgr with a signal SRC did not send is an abnormal end: SRC
runs clexit.rc, which halts the node (book 8.2.3.3).
"""

from __future__ import annotations

from hamodel.commands.base import Shell, UsageError, command


def _time(sh: Shell, started: float) -> str:
    from hamodel.scheduler import wallclock
    return wallclock(started).strftime("%H:%M:%S")


@command("ps")
def ps(sh: Shell) -> tuple[str, int]:
    opts, rest = sh.opts("efu:", "ps [-e] [-f] [-u UserList]")
    procs = sorted(sh.host.processes.processes.values(), key=lambda p: p.pid)
    if "-u" in opts:
        users = opts["-u"].split(",")
        uids = {sh.host.users.get(u, int(u) if u.isdigit() else -1) for u in users}
        procs = [p for p in procs if p.user in users or p.uid in uids]
    if "-f" in opts:
        out = ["     UID   PID  PPID   C    STIME    TTY  TIME CMD"]
        out += [f"{p.user:>8} {p.pid:>5} {p.ppid:>5}   0 {_time(sh, p.started):>8}      -  0:00 {p.command}" for p in procs]
    else:
        out = ["     UID   PID    TTY  TIME CMD"]
        out += [f"{p.uid:>8} {p.pid:>5}      -  0:00 {p.command.split()[0].rsplit('/', 1)[-1]}" for p in procs]
    return "\n".join(out) + "\n", 0


@command("kill")
def kill(sh: Shell) -> tuple[str, int]:
    args = sh.args
    signal = "15"
    if args and args[0].startswith("-"):
        signal, args = args[0][1:], args[1:]
    if not args or not all(a.isdigit() for a in args):
        raise UsageError("Usage: kill [ -Signal ] Process...\n")
    out = []
    for pid in map(int, args):
        proc = sh.host.processes.processes.get(pid)
        if proc is None:
            out.append(f"kill: {pid}: no such process")
            continue
        if signal == "0":  # kill -0 only asks whether the process exists
            continue
        clstrmgr = sh.host.src.subsystems.get("clstrmgr")
        if sh.is_node and clstrmgr is not None and clstrmgr.pid == pid:
            sh.world.cluster.clstrmgr_died(sh.host.name)
            return "", 0
        sh.host.processes.kill(pid)
        for sub in list(sh.host.src.subsystems.values()):
            if sub.pid == pid:
                sh.host.src.died(sub.name)
    return ("\n".join(out) + "\n") if out else "", 1 if out else 0


def application_script(sh: Shell) -> tuple[str, int] | None:
    """An application server's start or stop script typed by hand (the administrator stops
    the application before unmounting, book 8.7.1); None when the word is no such script."""
    for app in sh.world.definition.application_servers:
        if sh.words[0] == app.stop:
            for proc in app.processes:
                sh.host.processes.kill_matching(proc.command)
            return "", 0
        if sh.words[0] == app.start:
            for proc in app.processes:
                if any(p.command == proc.command for p in sh.host.processes.processes.values()):
                    continue
                shared = [lv.mount for vg in sh.world.storage.groups.values() if not vg.local for lv in vg.lvs if lv.mount]
                missing = [(w, m) for w in proc.command.split() for m in shared
                           if w.startswith(m.rstrip("/") + "/") and m not in sh.host.lvm.mounted]
                if missing:
                    return f"{app.start}[4]: {proc.command.split()[0]}: cannot open {missing[0][0]}: file system not mounted\n", 1
                uid = sh.host.users.get(proc.user)
                if uid is None:
                    return f"{app.start}[3]: su: user {proc.user} does not exist\n", 1
                sh.host.processes.spawn(proc.user, uid, proc.command, sh.now)
            return "", 0
    return None
