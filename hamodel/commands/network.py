"""Network commands: ifconfig, netstat, ping, arp.

Usage::

    ifconfig en0 down | ifconfig en0 up | ifconfig en0 inet 10.0.0.1 netmask 255.255.255.0 up
    ifconfig -a | ifconfig en0
    netstat -i | netstat -in
    ping -c 3 nodeA_svc
    arp -a

Formats follow the AIX captures of the reference (§2.6, §2.11). A down
interface is listed by ``netstat -i`` with a ``*`` after its name (the BSD
convention; [U] for AIX).
"""

from __future__ import annotations

import ipaddress

from hamodel.commands.base import Shell, UsageError, command

IFCONFIG_USAGE = "ifconfig -a | ifconfig Interface [inet Address [netmask Mask]] [up|down|alias|delete]"


def mac_dotted(mac: str) -> str:
    return ".".join(format(int(b, 16), "x") for b in mac.split(":"))


def mac_colon(mac: str) -> str:
    return ":".join(format(int(b, 16), "x") for b in mac.split(":"))


def _flags(iface) -> str:
    if iface.nic is None:
        return "flags=e08084b<UP,BROADCAST,LOOPBACK,RUNNING,SIMPLEX,MULTICAST,GROUPRT>"
    names = (["UP"] if iface.up else []) + ["BROADCAST", "NOTRAILERS"]
    if iface.up and iface.nic.plugged:
        names.append("RUNNING")
    names += ["SIMPLEX", "MULTICAST", "GROUPRT"]
    code = "5e080863" if iface.up else "5e080862"
    return f"flags={code},c0<{','.join(names)}>"


def _show(iface) -> str:
    lines = [f"{iface.name}: {_flags(iface)}"]
    for a in iface.addresses:
        mask = int(ipaddress.IPv4Address(a.netmask))
        lines.append(f"        inet {a.ip} netmask 0x{mask:08x} broadcast {a.network.broadcast_address}")
    return "\n".join(lines) + "\n"


@command("ifconfig")
def ifconfig(sh: Shell) -> tuple[str, int]:
    stack = sh.host.stack
    args = sh.args
    if not args:
        raise UsageError(f"usage: {IFCONFIG_USAGE}\n")
    if args == ["-a"]:
        return "".join(_show(i) for i in stack.interfaces.values()), 0
    name, rest = args[0], args[1:]
    iface = stack.interfaces.get(name)
    if iface is None:
        return f"ifconfig: no such interface {name}\n", 1
    if not rest:
        return _show(iface), 0
    words = list(rest)
    if words and words[0] == "inet":
        words.pop(0)
    ip = netmask = None
    action = None
    while words:
        w = words.pop(0)
        if w in ("up", "down", "alias", "delete", "detach"):
            action = action if w == "up" and action in ("alias",) else w
        elif w == "netmask" and words:
            netmask = _netmask(words.pop(0))
            if netmask is None:
                raise UsageError(f"ifconfig: netmask: bad value\nusage: {IFCONFIG_USAGE}\n")
        elif ip is None and _is_ip(w):
            ip = w
        else:
            raise UsageError(f"ifconfig: {w}: bad value\nusage: {IFCONFIG_USAGE}\n")
    if ip is not None:
        netmask = netmask or (iface.addresses[0].netmask if iface.addresses else "255.255.255.0")
        if action == "alias":
            stack.add_alias(name, ip, netmask)
        elif action == "delete":
            stack.remove_address(ip)
        else:
            stack.configure(name, ip, netmask)
            iface.up = action != "down"
        return "", 0
    if action == "down" or action == "detach":
        iface.up = False
    elif action == "up":
        iface.up = True
    return "", 0


def _netmask(word: str) -> str | None:
    """A netmask as AIX takes it (255.255.255.0 or 0xffffff00), dotted; None when it is no mask."""
    try:
        value = int(word, 16) if word.lower().startswith("0x") else int(ipaddress.IPv4Address(word))
    except ValueError:
        return None
    host_bits = ~value & 0xFFFFFFFF
    if not 0 < value <= 0xFFFFFFFF or host_bits & (host_bits + 1):
        return None  # the ones must come first, then the zeros
    return str(ipaddress.IPv4Address(value))


def _is_ip(word: str) -> bool:
    try:
        ipaddress.IPv4Address(word)
        return True
    except ValueError:
        return False


@command("netstat")
def netstat(sh: Shell) -> tuple[str, int]:
    opts, rest = sh.opts("inrv", "netstat [-n] [-i | -r | -v]")
    if "-i" in opts:
        return _netstat_i(sh, numeric="-n" in opts), 0
    if "-r" in opts:
        return _netstat_r(sh), 0
    raise UsageError("usage: netstat [-n] -i | netstat -rn\n")


def _netstat_i(sh: Shell, numeric: bool) -> str:
    out = ["Name  Mtu   Network     Address            Ipkts Ierrs    Opkts Oerrs  Coll"]
    for i, iface in enumerate(sh.host.stack.interfaces.values(), start=1):
        link = 1 if iface.nic is None else i
        name = iface.name + ("" if iface.up else "*")
        counters = f"{iface.ipkts:>9} {0:>5} {iface.opkts:>8} {0:>5} {0:>5}"
        mac = "" if iface.nic is None else mac_dotted(iface.nic.mac)
        out.append(f"{name:<5} {iface.mtu:<5} {'link#' + str(link):<11} {mac:<17}{counters}")
        for a in iface.addresses:
            net = str(a.network.network_address)
            while net.endswith(".0"):
                net = net[:-2]
            shown = a.ip if numeric else sh.host.name_of(a.ip)[:15]
            out.append(f"{name:<5} {iface.mtu:<5} {net:<11} {shown:<17}{counters}")
    return "\n".join(out) + "\n"


def _netstat_r(sh: Shell) -> str:
    out = ["Routing tables", "Destination      Gateway           Flags   Refs     Use  If   PMTU Exp Groups", "",
           "Route Tree for Protocol Family 2 (Internet):"]
    for iface in sh.host.stack.interfaces.values():
        if not iface.up:
            continue
        for a in iface.addresses:
            if iface.nic is None:
                out.append(f"{'127':<16} {'127.0.0.1':<17} {'U':<7} {1:>4} {0:>7}  {iface.name}")
                continue
            net = str(a.network.network_address)
            out.append(f"{net:<16} {a.ip:<17} {'U':<7} {1:>4} {0:>7}  {iface.name}")
    return "\n".join(out) + "\n"


@command("ping")
def ping(sh: Shell) -> tuple[str, int]:
    opts, rest = sh.opts("c:s:", "ping [-c Count] [-s PacketSize] Host")
    if len(rest) != 1:
        raise UsageError("usage: ping [-c Count] [-s PacketSize] Host\n")
    target = rest[0]
    ip = sh.host.resolve(target)
    if ip is None:
        return f"0821-062 ping: host name {target} NOT FOUND\n", 1
    try:
        count = int(opts.get("-c", "5"))
    except ValueError:
        raise UsageError("ping: bad number of packets to transmit.\n") from None
    fabric = sh.world.fabric
    lines = [f"PING {target}: ({ip}): 56 data bytes"]
    received = 0
    for seq in range(count):
        there = fabric.send(sh.host.stack, ip)
        if there.local_error:
            lines.append("0821-069 ping: sendto: The network is not reachable.")
        elif there.ok:
            back = there
            if there.interface != "lo0":
                src_ip = sh.host.stack.source_address(sh.host.stack.route(ip), ip)
                back = fabric.send(sh.world.host(there.host).stack, src_ip)
            if back.ok and back.host == sh.host.name:
                received += 1
                lines.append(f"64 bytes from {ip}: icmp_seq={seq} ttl=255 time=0 ms")
        if seq < count - 1:
            sh.world.sched.run_until(sh.now + 1.0)
    sh.world.sched.run_until(sh.now + 1.0)  # waiting for the last reply
    loss = 100 * (count - received) // count if count else 0
    lines += ["", f"----{target} PING Statistics----",
              f"{count} packets transmitted, {received} packets received, {loss}% packet loss"]
    if received:
        lines.append("round-trip min/avg/max = 0/0/0 ms")
    return "\n".join(lines) + "\n", 0 if received else 1


@command("arp")
def arp(sh: Shell) -> tuple[str, int]:
    opts, rest = sh.opts("ad:", "arp -a | arp -d Host")
    stack = sh.host.stack
    if "-d" in opts:
        ip = sh.host.resolve(opts["-d"]) or opts["-d"]
        entry = stack.arp.pop(ip, None)
        return (f"{opts['-d']} ({ip}) deleted\n" if entry else f"Entry {opts['-d']} not found\n"), 0
    if "-a" not in opts:
        raise UsageError("usage: arp -a | arp -d Host\n")
    lines = []
    for ip in sorted(stack.arp, key=lambda a: ipaddress.IPv4Address(a)):
        entry = stack.arp_lookup(ip, sh.now)
        if entry is None:
            continue
        name = sh.host.name_of(ip)
        bucket = int(ip.split(".")[-1]) % 149
        lines.append(f"  {name if name != ip else '?'} ({ip}) at {mac_colon(entry.mac)} [ethernet] stored in bucket {bucket}")
    return ("\n".join(lines) + "\n") if lines else "", 0
