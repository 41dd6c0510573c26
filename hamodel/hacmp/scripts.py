"""The HACMP 4.3 event scripts (book 5.1.1) and their sub-events, acting on the AIX model.

Usage (the event runner does this)::

    for name, args, phases in plan(cluster, event):   # the event, then its *_complete
        ...run each phase's scripts on their nodes...
    finish(cluster, event)                            # update membership and group locations

Each sub-event is a generator that performs real commands on a node's AIX
model (``ifconfig``, ``varyonvg``, ``mount``, starting processes), writes
the ``ksh -x`` trace of them to ``/tmp/hacmp.out``, and yields the virtual
seconds they take. Which node does what is decided once, when the event
starts, by :mod:`hamodel.hacmp.resource_group`.

Event sequences follow book 5.1.1:

* ``node_up``: the other nodes run ``node_up_remote`` (release_takeover_addr,
  stop_server, release_vg_fs, cl_deactivate_nfs) first, then the joining
  node runs ``node_up_local`` (acquire_service_addr, acquire_takeover_addr,
  get_disk_vg_fs); ``node_up_complete`` starts the servers (start_server).
* ``node_down``: a node leaving gracefully runs ``node_down_local``
  (stop_server, release_takeover_addr, release_vg_fs, release_service_addr);
  then the others run ``node_down_remote`` (acquire_takeover_addr,
  get_disk_vg_fs) when they take over; ``node_down_complete`` runs
  start_server on the takeover node.
* ``swap_adapter`` moves the service address (and, with HWAT, the hardware
  address) to a standby adapter; ``fail_standby``/``join_standby`` and the
  network events write their messages and by default change nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from hamodel.hacmp import resource_group as policy
from hamodel.hacmp.events import ClusterEvent, EventContext, Phase
from hamodel.hacmp.nim import HWAT_SECONDS

if TYPE_CHECKING:
    from hamodel.hacmp.cluster import Cluster

IFCONFIG_SECONDS = 1.5
VARYON_SECONDS = 4.0
MOUNT_SECONDS = 2.0
SERVER_SECONDS = 3.0


# --- sub-events ---------------------------------------------------------------------
def _set_mac(ctx: EventContext, iface, mac: str, nim: str) -> Iterator[float]:
    nic = iface.nic
    if nic.mac == mac:
        return
    ctx.cluster.topology.suspend(ctx.node, iface.name)
    ctx.trace(f"ifconfig {iface.name} down detach")
    ctx.trace(f"chdev -l ent{iface.name[2:]} -a alt_addr=0x{mac.replace(':', '')} -a use_alt_addr={'no' if mac == nic.burned_in else 'yes'}")
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
        _announce(ctx, "fail_standby", standby_ip)
    return 0


def _announce(ctx: EventContext, name: str, ip: str) -> None:
    participants = frozenset(n for n in ctx.event.participants if ctx.cluster.alive(n))
    ctx.cluster.runner.enqueue(ClusterEvent(name, (ctx.node, ip), participants, cause="IP address takeover"))


def get_disk_vg_fs(ctx: EventContext, vgs: list[str], filesystems: list[str]) -> Iterator[float]:
    """Make the disks available (breaking a dead owner's reserve), vary on, fsck and mount."""
    storage = ctx.cluster.world.storage
    lvm = ctx.host.lvm
    for vg_name in vgs:
        for disk_name in storage.groups[vg_name].disks:
            disk = storage.disks[disk_name]
            holder = disk.reserved_by
            if holder not in (None, ctx.node) and not ctx.cluster.alive(holder):
                ctx.trace(f"cl_disk_available: breaking reserve of {holder} on {disk_name}")
                disk.reserved_by = None
        ctx.trace(f"varyonvg -n {vg_name}")
        yield ctx.cluster.world.sched.jitter(VARYON_SECONDS)
        error = lvm.varyonvg(vg_name)
        if error:
            ctx.trace(error.replace("\n", " "))
            return 1
    for fs in filesystems:
        lv = storage.lv_for_mount(fs)[1]
        ctx.trace(f"fsck -f -p /dev/{lv.name}")
        ctx.trace(f"mount {fs}")
        yield ctx.cluster.world.sched.jitter(MOUNT_SECONDS)
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
        busy = any(fs in p.command for p in ctx.host.processes.processes.values())
        error = lvm.umount(fs, busy)
        if error:
            ctx.trace(error)
            return 1
    for vg in vgs:
        ctx.trace(f"varyoffvg {vg}")
        yield ctx.cluster.world.sched.jitter(VARYON_SECONDS / 2)
        error = lvm.varyoffvg(vg)
        if error:
            ctx.trace(error.replace("\n", " "))
            return 1
    return 0


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
            stack.remove_address(svc.ip)
            continue
        yield from _ifconfig(ctx, iface, own.ip, own.netmask)
        restored.append(own.ip)
    return restored


def release_takeover_addr(ctx: EventContext, labels: list[str]) -> Iterator[float]:
    """Give a taken-over service address back: the standby adapter is a standby again."""
    for ip in (yield from _give_back(ctx, labels, "standby")):
        _announce(ctx, "join_standby", ip)
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


# --- events -------------------------------------------------------------------------
def _groups_of(cluster: Cluster, groups: list[str], node: str):
    """(own service labels, other nodes' labels, vgs, filesystems, servers) of ``groups`` seen from ``node``."""
    own, others, vgs, fss, apps = [], [], [], [], []
    for name in groups:
        g = cluster.group(name)
        for label in g.service_labels:
            (own if cluster.label(label)[1].node == node else others).append(label)
        vgs += g.volume_groups
        fss += g.filesystems
        apps += g.application_servers
    return own, others, vgs, fss, apps


def _node_up_local(cluster: Cluster, node: str, groups: list[str]):
    own, others, vgs, fss, _ = _groups_of(cluster, groups, node)

    def script(ctx: EventContext) -> Iterator[float]:
        def body():
            if own:
                yield from ctx.sub("acquire_service_addr", tuple(own), lambda: acquire_service_addr(ctx, own))
            if others:
                yield from ctx.sub("acquire_takeover_addr", tuple(others), lambda: acquire_takeover_addr(ctx, others))
            if vgs:
                yield from ctx.sub("get_disk_vg_fs", tuple(vgs), lambda: get_disk_vg_fs(ctx, vgs, fss))
            return ctx.rc
        yield from ctx.sub("node_up_local", (node,), body)
        return ctx.rc
    return script


def _release(cluster: Cluster, node: str, groups: list[str], event: str, arg: str, order: tuple[str, ...]):
    own, others, vgs, fss, apps = _groups_of(cluster, groups, node)
    steps = {
        "stop_server": lambda ctx: ctx.sub("stop_server", tuple(apps), lambda: stop_server(ctx, apps)),
        "release_takeover_addr": lambda ctx: ctx.sub("release_takeover_addr", tuple(others), lambda: release_takeover_addr(ctx, others)),
        "release_vg_fs": lambda ctx: ctx.sub("release_vg_fs", tuple(vgs), lambda: release_vg_fs(ctx, vgs, fss)),
        "release_service_addr": lambda ctx: ctx.sub("release_service_addr", tuple(own), lambda: release_service_addr(ctx, own)),
        "cl_deactivate_nfs": lambda ctx: ctx.sub("cl_deactivate_nfs", (), lambda: cl_deactivate_nfs(ctx)),
    }

    def script(ctx: EventContext) -> Iterator[float]:
        def body():
            if groups:
                for step in order:
                    yield from steps[step](ctx)
            return ctx.rc
        yield from ctx.sub(event, (arg,), body)
        return ctx.rc
    return script


def _node_down_remote(cluster: Cluster, node: str, failed: str, groups: list[str]):
    own, others, vgs, fss, _ = _groups_of(cluster, groups, node)
    labels = own + others

    def script(ctx: EventContext) -> Iterator[float]:
        def body():
            if groups:
                yield from ctx.sub("acquire_takeover_addr", tuple(labels), lambda: acquire_takeover_addr(ctx, labels))
                yield from ctx.sub("get_disk_vg_fs", tuple(vgs), lambda: get_disk_vg_fs(ctx, vgs, fss))
            return ctx.rc
        yield from ctx.sub("node_down_remote", (failed,), body)
        return ctx.rc
    return script


def _complete(name: str, arg: str, servers: list[str]):
    def script(ctx: EventContext) -> Iterator[float]:
        def body():
            if servers:
                yield from ctx.sub("start_server", tuple(servers), lambda: start_server(ctx, servers))
            return ctx.rc
        yield from ctx.sub(name, (arg,), body)
        if servers:
            # clinfo.rc: clients in PING_CLIENT_LIST get their ARP entries refreshed (book 2.4.3.4).
            ctx.cluster.refresh_clients(ctx)
        return ctx.rc
    return script


def _servers(cluster: Cluster, groups: list[str]) -> list[str]:
    return [a for g in groups for a in cluster.group(g).application_servers]


def plan(cluster: Cluster, event: ClusterEvent):
    """Yield (event name, args, phases) for the event and then its *_complete event."""
    name = event.name
    if name == "node_up":
        joining = event.args[0]
        live = set(event.participants)
        # The joining node learns where the groups are from the members already up.
        members = sorted(n for n in live if n != joining and cluster.managers[n].view)
        acquire, release = [], {}
        for g in cluster.groups.values():
            holder = cluster.location(members[0], g.name) if members else None
            if policy.acquires_on_join(g, joining, live, holder):
                acquire.append(g.name)
                if holder is not None and holder != joining:
                    release.setdefault(holder, []).append(g.name)
        event.plan = {"acquire": {joining: acquire}, "release": release}
        remote = {n: _release(cluster, n, release.get(n, []), "node_up_remote", joining,
                              ("release_takeover_addr", "stop_server", "release_vg_fs", "cl_deactivate_nfs"))
                  for n in event.participants if n != joining}
        yield name, event.args, [remote, {joining: _node_up_local(cluster, joining, acquire)}]
        if event.rc == 0:
            phases = {n: _complete("node_up_remote_complete", joining, []) for n in event.participants if n != joining}
            phases[joining] = _complete("node_up_local_complete", joining, _servers(cluster, acquire))
            yield "node_up_complete", (joining,), [phases]
    elif name == "node_down":
        leaving, mode = event.args[0], (event.args[1] if len(event.args) > 1 else "")
        survivors = set(event.participants) - {leaving}
        held = [g.name for g in cluster.groups.values() if cluster.location(min(event.participants), g.name) == leaving]
        targets = {}
        if mode in ("", "graceful_with_takeover"):
            for g in held:
                target = policy.takeover_target(cluster.group(g), survivors)
                if target:
                    targets.setdefault(target, []).append(g)
        event.plan = {"release": {leaving: held} if mode in ("graceful", "graceful_with_takeover") else {},
                      "acquire": targets, "held": held, "mode": mode}
        phases: list[Phase] = []
        if leaving in event.participants and mode != "forced":
            phases.append({leaving: _release(cluster, leaving, held, "node_down_local", leaving,
                                             ("stop_server", "release_takeover_addr", "release_vg_fs", "release_service_addr"))})
        phases.append({n: _node_down_remote(cluster, n, leaving, targets.get(n, [])) for n in survivors})
        yield name, event.args, phases
        complete = {n: _complete("node_down_remote_complete", leaving, _servers(cluster, targets.get(n, [])))
                    for n in survivors}
        if leaving in event.participants and mode != "forced":
            complete[leaving] = _complete("node_down_local_complete", leaving, [])
        yield "node_down_complete", event.args, [complete]
    elif name == "swap_adapter":
        node, network, failed = event.args[0], event.args[1], event.plan["interface"]
        yield name, event.args, [{node: lambda ctx: swap_adapter_body(ctx, network, failed)}]
        yield "swap_adapter_complete", event.args, [{node: swap_adapter_complete_body}]
    elif name in ("fail_standby", "join_standby"):
        node, ip = event.args
        text = (f"{node}: standby adapter with address {ip} has failed" if name == "fail_standby"
                else f"{node}: standby adapter with address {ip} is available")
        yield name, event.args, [{node: lambda ctx: message(ctx, text)}] if node in event.participants else []
    elif name in ("network_down", "network_up"):
        yield name, event.args, []
        yield f"{name}_complete", event.args, []
    else:
        yield name, event.args, []


def finish(cluster: Cluster, event: ClusterEvent) -> None:
    """After an event: membership views and resource group locations as the cluster managers now hold them."""
    live = [n for n in event.participants if cluster.alive(n)]
    if event.name == "node_up":
        joining = event.args[0]
        for n in live:
            cluster.managers[n].view |= set(live)
        reference = next((n for n in live if n != joining), joining)
        if reference != joining:
            cluster.managers[joining].locations = dict(cluster.managers[reference].locations)
        _place(cluster, live, event)
    elif event.name == "node_down":
        leaving = event.args[0]
        for n in live:
            if n == leaving:
                continue
            cluster.managers[n].view.discard(leaving)
            if event.plan.get("mode") != "forced":  # a forced stop leaves the groups where they are
                for g in event.plan.get("held", []):
                    cluster.managers[n].locations[g] = None
        _place(cluster, [n for n in live if n != leaving], event)
        if leaving in live and event.plan.get("mode") in ("graceful", "graceful_with_takeover"):
            cluster.daemons_stop(leaving)


def _place(cluster: Cluster, viewers: list[str], event: ClusterEvent) -> None:
    """Record who acquired which group; a group whose acquisition failed is in ERROR."""
    for node, groups in event.plan.get("acquire", {}).items():
        for g in groups:
            for n in viewers:
                manager = cluster.managers[n]
                failed = node in event.failed_nodes
                manager.locations[g] = None if failed else node
                (manager.errors.add if failed else manager.errors.discard)(g)
