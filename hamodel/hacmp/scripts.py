"""The HACMP 4.3 event scripts (book 5.1.1) and their sub-events, acting on the AIX model.

Usage (the event runner does this)::

    for name, args, phases in plan(cluster, event):   # the event, then its *_complete
        ...run each phase's scripts on their nodes...
    finish(cluster, event)                            # update membership and group locations

The sub-events themselves, which act on AIX, are in
:mod:`hamodel.hacmp.subevents`. Which node does what is decided once, when
the event starts, by :mod:`hamodel.hacmp.resource_group`.

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
from hamodel.hacmp.disk_events import get_disk_vg_fs, release_vg_fs
from hamodel.hacmp.subevents import (
    acquire_service_addr, acquire_takeover_addr, cl_deactivate_nfs, message, release_service_addr,
    release_takeover_addr, start_server, stop_server, swap_adapter_body, swap_adapter_complete_body,
)

if TYPE_CHECKING:
    from hamodel.hacmp.cluster import Cluster


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
            holder = cluster.location(members[0], g.name) if members and g.type != "concurrent" else None
            if policy.acquires_on_join(g, joining, live, holder):
                acquire.append(g.name)
                if holder is not None and holder != joining:
                    release.setdefault(holder, []).append(g.name)
        event.plan = {"acquire": {joining: acquire}, "release": release}
        remote = {n: _release(cluster, n, release.get(n, []), "node_up_remote", joining,
                              ("release_takeover_addr", "stop_server", "release_vg_fs", "cl_deactivate_nfs"))
                  for n in event.participants if n != joining}
        yield name, event.args, [remote, {joining: _node_up_local(cluster, joining, acquire)}]
        # Reached when node_up succeeded, or failed and an administrator resumed it (clruncmd).
        phases = {n: _complete("node_up_remote_complete", joining, []) for n in event.participants if n != joining}
        phases[joining] = _complete("node_up_local_complete", joining, _servers(cluster, acquire))
        yield "node_up_complete", (joining,), [phases]
    elif name == "node_down":
        leaving, mode = event.args[0], (event.args[1] if len(event.args) > 1 else "")
        survivors = set(event.participants) - {leaving}
        viewer = min(survivors) if survivors else leaving  # a survivor's view: the leaver's may be stale
        held = [g.name for g in cluster.groups.values() if cluster.location(viewer, g.name) == leaving]
        # The leaver's concurrent groups: it releases them on a graceful stop; nobody takes them over.
        held += [g.name for g in cluster.groups.values() if g.type == "concurrent"
                 and leaving in cluster.managers[viewer].concurrent.get(g.name, set()) and g.name not in held]
        targets = {}
        if mode in ("", "graceful_with_takeover"):
            for g in held:
                if cluster.group(g).type == "concurrent":
                    continue
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
        # The joiner is a member now, even if it died meanwhile: its absence will then be
        # noticed like any node failure, and its groups taken over.
        for n in live:
            cluster.managers[n].view |= set(live) | {joining}
        reference = next((n for n in live if n != joining), joining)
        if reference != joining and joining in live:
            cluster.managers[joining].locations = dict(cluster.managers[reference].locations)
            cluster.managers[joining].concurrent = {g: set(v) for g, v in cluster.managers[reference].concurrent.items()}
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
                    cluster.managers[n].concurrent.get(g, set()).discard(leaving)
        _place(cluster, [n for n in live if n != leaving], event)
        if leaving in live and event.plan.get("mode") in ("graceful", "graceful_with_takeover"):
            cluster.daemons_stop(leaving)


def _place(cluster: Cluster, viewers: list[str], event: ClusterEvent) -> None:
    """Record who acquired which group. A group whose acquisition failed is in ERROR; one
    whose acquirer died during the event stays located there, so that the node_down that
    follows takes it over."""
    for node, groups in event.plan.get("acquire", {}).items():
        failed = node in event.failed_nodes and cluster.alive(node)
        for g in groups:
            for n in viewers:
                manager = cluster.managers[n]
                if cluster.group(g).type == "concurrent":
                    holders = manager.concurrent.setdefault(g, set())
                    (holders.discard if failed else holders.add)(node)
                else:
                    manager.locations[g] = None if failed else node
                (manager.errors.add if failed else manager.errors.discard)(g)
