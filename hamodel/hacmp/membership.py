"""Membership: what the cluster managers make of topology verdicts, and who runs each event.

Usage (the cluster does this)::

    on_verdict(cluster, Verdict("node_down", "nodeA", partition=frozenset({"nodeB"})))
    prepare(cluster, event)        # just before the event runs: its final set of nodes

A verdict becomes the HACMP event of book 5.1.1 (node_down, node_up,
swap_adapter, fail_standby, join_standby, network_down, network_up), queued
with the reason it was raised, which the reports show. Partitions that meet
again are settled by DGSP (book 7.5).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from hamodel.hacmp.events import ClusterEvent
from hamodel.hacmp.topology import Verdict
from hamodel.scheduler import syslog_stamp

if TYPE_CHECKING:
    from hamodel.hacmp.cluster import Cluster


def on_verdict(cluster: Cluster, v: Verdict) -> None:
    participants = frozenset(v.partition & cluster.members())
    enqueue = cluster.runner.enqueue
    if v.kind == "node_down":
        enqueue(ClusterEvent("node_down", (v.node,), participants, cause=_why(cluster, v)))
    elif v.kind == "node_join":
        # Nodes join one at a time across the partition (see prepare).
        enqueue(ClusterEvent("node_up", (v.node,), frozenset({v.node}), scope=participants,
                             cause="cluster services started"))
    elif v.kind == "partition_merge":
        dgsp(cluster, v.partition & cluster.members())
    elif v.kind in ("adapter_down", "adapter_up") and not v.endpoint.device.startswith(("tty", "tmssa")):
        role = cluster.adapter_role(v.node, v.endpoint.device)
        if role is None:
            return
        kind, ip = role
        if v.kind == "adapter_down" and kind == "service":
            event = ClusterEvent("swap_adapter", (v.node, v.network, ip), participants, cause=_why(cluster, v))
            event.plan["interface"] = v.endpoint.device
            enqueue(event)
        elif kind == "standby":
            name = "fail_standby" if v.kind == "adapter_down" else "join_standby"
            enqueue(ClusterEvent(name, (v.node, ip), participants, cause=_why(cluster, v)))
    elif v.kind in ("network_down", "network_up"):
        enqueue(ClusterEvent(v.kind, (v.node or "-1", v.network), participants, cause=_why(cluster, v)))


def dgsp(cluster: Cluster, live: set[str]) -> None:
    """Partitions meet again: every node of the smaller one gets a DGSP message and halts
    (book 7.5). On a tie the partition holding the first node name in ASCII order
    survives ("B is lower than A" in the book) [U]."""
    cliques = {frozenset(cluster.managers[n].view & live) for n in live if cluster.managers[n].view}
    first = min(live)
    survivor = max(cliques, key=lambda c: (len(c), first in c))
    for node in sorted(live - survivor):
        text = f"DGSP message from {', '.join(sorted(survivor))}: partition {node} is halted"
        cluster.world.hosts[node].append("/tmp/hacmp.out", f"{syslog_stamp(cluster.world.sched.now)} {text}\n")
        cluster.log_console(node, text)
        cluster.world.hosts[node].halt(f"clstrmgr: {text}")

def prepare(cluster: Cluster, event: ClusterEvent) -> bool:
    """Just before an event runs: a node_up runs on the joiner and the nodes that have
    already joined by then (two nodes started together join one after the other);
    a node_down for a failure takes the node out of the members' views. An adapter or
    network event about a node that has left meanwhile is dropped (returns False)."""
    if event.name == "node_up":
        joiner = event.args[0]
        joined = {n for n in event.scope if n != joiner and cluster.alive(n) and cluster.managers[n].view}
        event.participants = frozenset(joined | {joiner})
    elif event.name == "node_down" and event.args[1:] in ((), ("forced",)):
        # A failed node, or one whose daemons stopped at once, leaves the membership as
        # soon as its node_down starts: no failure verdict may follow for it.
        for node in event.participants:
            cluster.managers[node].view.discard(event.args[0])
    elif event.name not in ("node_up", "node_down") and event.args[0] != "-1" and not cluster.alive(event.args[0]):
        return False
    return True


def _why(cluster: Cluster, v: Verdict) -> str:
    """The reason a verdict was reached, in the words of what the NIMs saw."""
    topo = cluster.topology
    if v.kind == "node_down":
        nets = ", ".join(sorted(topo.rates))
        return f"no keepalive from {v.node} on any network ({nets}) for the detection period"
    if v.kind == "adapter_down":
        if v.endpoint in topo.send_fail_since:
            return f"{v.endpoint} cannot send: interface down or TCP/IP stopped"
        return f"{v.endpoint} heard no keepalive for {topo.threshold(v.network):g} s while others on {v.network} did"
    if v.kind == "adapter_up":
        return f"{v.endpoint} exchanges keepalives again"
    where = f"{v.node}'s adapters" if v.node else "every adapter"
    if v.kind == "network_down":
        return f"{where} on {v.network} failed, and the nodes still hear each other elsewhere"
    return f"{where} on {v.network} exchange keepalives again"

