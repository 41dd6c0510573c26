"""The sub-events of HACMP's event scripts, acting on one node's AIX model.

Usage (an event script does this)::

    rc = yield from ctx.sub("acquire_service_addr", ("nodeA_svc",), lambda: acquire_service_addr(ctx, labels))

Each sub-event is a generator that performs real operations on the node's
AIX (``ifconfig``, a hardware address change, ``varyonvg``, ``mount``,
starting and killing processes), writes their ``ksh -x`` trace to
``/tmp/hacmp.out`` and yields the virtual seconds they take. It returns its
exit code: 0, or 1 when it could not do its work (no standby adapter left,
a disk reserved by another node, a busy file system).
"""

from __future__ import annotations

from typing import Iterator

from hamodel.hacmp.events import ClusterEvent, EventContext
from hamodel.hacmp.nim import HWAT_SECONDS

IFCONFIG_SECONDS = 1.5
VARYON_SECONDS = 4.0
MOUNT_SECONDS = 2.0
SERVER_SECONDS = 3.0


def _set_mac(ctx: EventContext, iface, mac: str, nim: str) -> Iterator[float]:
    nic = iface.nic
    if nic.mac == mac:
        return
    ctx.cluster.topology.suspend(ctx.node, iface.name)
    ctx.trace(f"ifconfig {iface.name} down detach")
    device = ("tok" if nic.type == "token" else "ent") + iface.name[2:]  # tr0 sits on tok0, en0 on ent0
    ctx.trace(f"chdev -l {device} -a alt_addr=0x{mac.replace(':', '')} -a use_alt_addr={'no' if mac == nic.burned_in else 'yes'}")
    iface.up = False
    yield ctx.cluster.world.sched.jitter(HWAT_SECONDS.get(nim, 4.0))
    nic.mac = mac


def _ifconfig(ctx: EventContext, iface, ip: str, netmask: str) -> Iterator[float]:
    ctx.cluster.topology.suspend(ctx.node, iface.name)
    ctx.trace(f"ifconfig {iface.name} inet {ip} netmask {netmask} up")
    yield ctx.cluster.world.sched.jitter(IFCONFIG_SECONDS)
    ctx.host.stack.configure(iface.name, ip, netmask)
    ctx.cluster.topology.resume(ctx.node, iface.name)


def acquire_service_addr(ctx: EventContext, labels: list[str]) -> Iterator[float]:
    """Re-address the boot adapter with the node's own service label (and its HWAT address)."""
    stack = ctx.host.stack
    for label in labels:
        net, svc = ctx.cluster.label(label)
        if stack.owner_of(svc.ip) is not None:
            ctx.trace(f"{label} ({svc.ip}) already configured")
            continue
        boot = next((a for a in net.adapters if a.node == ctx.node and a.function == "boot"
                     and stack.owner_of(a.ip) is not None), None)
        if boot is None:
            ctx.trace(f"cl_echo 'no boot adapter configured for {label}'")
            return 1
        iface = stack.owner_of(boot.ip)
        if svc.hw_address:
            yield from _set_mac(ctx, iface, svc.hw_address, net.nim)
        yield from _ifconfig(ctx, iface, svc.ip, svc.netmask)
    ctx.trace("telinit -a")
    return 0


def acquire_takeover_addr(ctx: EventContext, labels: list[str]) -> Iterator[float]:
    """Put another node's service address (and HWAT address) on a live local standby adapter."""
    for label in labels:
        net, svc = ctx.cluster.label(label)
        if ctx.host.stack.owner_of(svc.ip) is not None:
            continue
        iface = ctx.cluster.free_standby(ctx.node, net.name)
        if iface is None:
            ctx.trace(f"cl_echo 'acquire_takeover_addr: no standby adapter available on {net.name} for {label}'")
            return 1
        standby_ip = iface.addresses[0].ip
        if svc.hw_address:
            yield from _set_mac(ctx, iface, svc.hw_address, net.nim)
        yield from _ifconfig(ctx, iface, svc.ip, svc.netmask)
        # The standby now carries a service address: it is no longer available (book 5.1.1.3).
        _announce(ctx, "fail_standby", standby_ip, f"{iface.name} now carries {label} (IP address takeover)")
    return 0


def _announce(ctx: EventContext, name: str, ip: str, cause: str) -> None:
    participants = frozenset(n for n in ctx.event.participants if ctx.cluster.alive(n))
    ctx.cluster.runner.enqueue(ClusterEvent(name, (ctx.node, ip), participants, cause=cause))


def start_server(ctx: EventContext, servers: list[str]) -> Iterator[float]:
    for name in servers:
        app = ctx.cluster.app_server(name)
        ctx.trace(app.start)
        yield ctx.cluster.world.sched.jitter(SERVER_SECONDS)
        for proc in app.processes:
            uid = ctx.host.users.get(proc.user)
            if uid is None:
                ctx.trace(f"{app.start}[3]: su: user {proc.user} does not exist")
                return 1
            if any(p.command == proc.command for p in ctx.host.processes.processes.values()):
                ctx.trace(f"{app.start}[2]: {proc.command.split()[0]} is already running")
                continue
            missing = _unmounted_path(ctx, proc.command)
            if missing:
                ctx.trace(f"{app.start}[4]: {proc.command.split()[0]}: cannot open {missing}: file system not mounted")
                return 1
            ctx.host.processes.spawn(proc.user, uid, proc.command, ctx.now)
    return 0


def _unmounted_path(ctx: EventContext, command: str) -> str | None:
    """A path in ``command`` that lies in a shared JFS not mounted here (the program cannot start)."""
    storage = ctx.cluster.world.storage
    mounts = [lv.mount for vg in storage.groups.values() if not vg.local for lv in vg.lvs if lv.mount]
    for word in command.split():
        for mount in mounts:
            if (word == mount or word.startswith(mount.rstrip("/") + "/")) and mount not in ctx.host.lvm.mounted:
                return word
    return None


def stop_server(ctx: EventContext, servers: list[str]) -> Iterator[float]:
    for name in servers:
        app = ctx.cluster.app_server(name)
        ctx.trace(app.stop)
        yield ctx.cluster.world.sched.jitter(SERVER_SECONDS / 2)
        for proc in app.processes:
            ctx.host.processes.kill_matching(proc.command)
    return 0


def _give_back(ctx: EventContext, labels: list[str], function: str) -> Iterator[float]:
    """Each interface holding one of ``labels`` goes back to an unused label of ``function``
    (standby or boot) on its network, with its burned-in MAC; returns the addresses it took."""
    stack = ctx.host.stack
    restored = []
    for label in labels:
        net, svc = ctx.cluster.label(label)
        iface = stack.owner_of(svc.ip)
        if iface is None:
            continue
        own = ctx.cluster.unused_label(ctx.node, net.name, function)
        yield from _set_mac(ctx, iface, iface.nic.burned_in, net.nim)
        if own is None:
            ctx.trace(f"ifconfig {iface.name} inet {svc.ip} delete")
            stack.remove_address(svc.ip)
            iface.up = True
            ctx.cluster.topology.resume(ctx.node, iface.name)
            continue
        yield from _ifconfig(ctx, iface, own.ip, own.netmask)
        restored.append(own.ip)
    return restored


def release_takeover_addr(ctx: EventContext, labels: list[str]) -> Iterator[float]:
    """Give a taken-over service address back: the standby adapter is a standby again."""
    for ip in (yield from _give_back(ctx, labels, "standby")):
        _announce(ctx, "join_standby", ip, f"the taken-over address was given back; {ip} is a standby again")
    return 0


def release_service_addr(ctx: EventContext, labels: list[str]) -> Iterator[float]:
    """The service adapter goes back to its boot address and burned-in MAC."""
    yield from _give_back(ctx, labels, "boot")
    return 0


def swap_adapter_body(ctx: EventContext, network: str, failed: str) -> Iterator[float]:
    """Move every service address of the failed adapter, and its hardware address, to a standby."""
    stack = ctx.host.stack
    bad = stack.interfaces[failed]
    role = ctx.cluster.adapter_role(ctx.node, failed)
    if role is None or role[0] != "service":
        ctx.trace(f"cl_echo 'swap_adapter: {failed} no longer holds a service address; nothing to swap'")
        return 0
    spare = ctx.cluster.free_standby(ctx.node, network)
    if spare is None or spare is bad:
        ctx.trace(f"cl_echo 'swap_adapter: no standby adapter available on {network}'")
        return 1
    net = ctx.cluster.network(network)
    standby_addr = spare.addresses[0]
    moving = list(bad.addresses)
    ctx.trace(f"cl_swap_IP_address {failed} {spare.name}")
    alt_mac = bad.nic.mac if bad.nic.mac != bad.nic.burned_in else None
    if alt_mac:
        yield from _set_mac(ctx, bad, bad.nic.burned_in, net.nim)
        yield from _set_mac(ctx, spare, alt_mac, net.nim)
    first, *rest = moving
    yield from _ifconfig(ctx, spare, first.ip, first.netmask)
    for extra in rest:
        ctx.trace(f"ifconfig {spare.name} inet {extra.ip} netmask {extra.netmask} alias")
        stack.add_alias(spare.name, extra.ip, extra.netmask)
    yield from _ifconfig(ctx, bad, standby_addr.ip, standby_addr.netmask)
    ctx.trace("route flush; rebuilding routing table")
    return 0


def swap_adapter_complete_body(ctx: EventContext) -> Iterator[float]:
    ctx.trace("arp -d (flush the local ARP cache)")
    ctx.host.stack.flush_arp()
    for addr in ctx.cluster.cluster_addresses():
        ctx.trace(f"ping -c1 {addr}")
        ctx.cluster.world.fabric.send(ctx.host.stack, addr)
    yield 1.0
    ctx.cluster.refresh_clients(ctx)
    return 0


def cl_deactivate_nfs(ctx: EventContext) -> Iterator[float]:
    # NFS is not modelled yet (book 2.4.4, 5.4): the sub-event runs and finds nothing to do.
    ctx.trace("cl_deactivate_nfs: no NFS mounts of the released file systems")
    yield 0.1
    return 0


def message(ctx: EventContext, text: str) -> Iterator[float]:
    ctx.trace(f"wall '{text}'")
    ctx.cluster.log_console(ctx.node, text)
    yield 0.2
    return 0
