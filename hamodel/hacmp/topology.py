"""Topology services: keepalives on every network, and what the cluster managers conclude from them.

Usage::

    topo = Topology(sched, endpoints, rates, link_alive, can_send, members, views, report)
    topo.start()                      # one keepalive round per network per interval, forever

``link_alive(a, b)`` and ``can_send(a)`` ask the physical world; ``members()``
and ``views()`` ask the cluster managers who runs and whom each believes up;
``report(verdict)`` hands each change of verdict back to them.

Every HACMP adapter (IP or serial) is an *endpoint*. Each interval, each
live endpoint sends a keepalive to every endpoint of the other member nodes
on its network; a keepalive arrives when the physical path works
(:meth:`hamodel.aix.ip.IpFabric.link_alive`, or the RS232 cable). A path
not heard for ``cycles`` intervals is dead. The cluster managers pool what
their NIMs heard over the paths still alive, so each connected group of
nodes (a *partition*; normally the whole cluster) reaches one verdict:

* a node none of whose endpoints is heard on *any* network is **down**
  (a node still heard over the serial network is not down);
* an endpoint whose own NIM cannot send (interface down, TCP/IP stopped)
  is **failed**; so is one that hears nobody and is heard by nobody while
  other endpoints on its network still talk;
* when every endpoint of a node on a network has failed, that node has lost
  the network (**network down, local**); when every endpoint of every node
  has, the network is down (**global**). These two verdicts wait until the
  slowest network could have reported the node itself down, so a crashed
  node gives node_down, not network_down;
* nodes that hear each other again after each side declared the other down
  are a **partition merge** (book 7.5).

Verdicts change state only here; :meth:`report` passes each change to the
cluster, which queues the matching HACMP event.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from hamodel.scheduler import Scheduler


@dataclass(frozen=True, order=True)
class Endpoint:
    node: str
    network: str
    device: str  # en0 / tty0

    def __str__(self) -> str:
        return f"{self.node}:{self.device}"


@dataclass(frozen=True)
class Verdict:
    kind: str  # node_down | node_join | partition_merge | adapter_down | adapter_up | network_down | network_up
    node: str | None  # None for a global network verdict
    network: str | None = None
    endpoint: Endpoint | None = None
    partition: frozenset[str] = frozenset()


class Topology:
    def __init__(
        self,
        sched: Scheduler,
        endpoints: list[Endpoint],
        rates: dict[str, tuple[float, int]],
        link_alive: Callable[[Endpoint, Endpoint], bool],
        can_send: Callable[[Endpoint], bool],
        members: Callable[[], set[str]],
        views: Callable[[], dict[str, set[str]]],
        report: Callable[[Verdict], None],
    ) -> None:
        self.sched = sched
        self.endpoints = endpoints
        self.rates = rates
        self.link_alive = link_alive
        self.can_send = can_send
        self.members = members
        self.views = views
        self.report = report
        self.last_heard: dict[tuple[Endpoint, Endpoint], float] = {}
        self.send_fail_since: dict[Endpoint, float] = {}
        self.blamed_since: dict[Endpoint, float] = {}
        self.adapter_down: set[Endpoint] = set()
        self.network_down: set[tuple[str | None, str]] = set()  # (node or None, network)
        #: Endpoints an event script is reconfiguring: the cluster manager expects their silence.
        self.suspended: set[Endpoint] = set()
        self.grace_until: dict[Endpoint, float] = {}
        self.defer = max(i * c for i, c in rates.values()) if rates else 0.0
        self._started = False

    def threshold(self, network: str) -> float:
        interval, cycles = self.rates[network]
        return interval * cycles

    def start(self) -> None:
        if self._started:
            return
        self._started = True
        for network, (interval, _) in sorted(self.rates.items()):
            self.sched.call_in(interval, self._tick, network)

    def joined(self, node: str) -> None:
        """A cluster manager started on ``node``: give its paths one detection period of grace."""
        now = self.sched.now
        for a in self.endpoints:
            for b in self.endpoints:
                if a.network == b.network and a.node != b.node and node in (a.node, b.node):
                    self.last_heard[(a, b)] = now
        for e in self.endpoints:
            if e.node == node:
                self.send_fail_since.pop(e, None)
                self.blamed_since.pop(e, None)
                self.adapter_down.discard(e)
        self.network_down = {(n, net) for n, net in self.network_down if n != node}

    def suspend(self, node: str, device: str) -> None:
        """An event script takes this adapter down on purpose (ifconfig, HWAT): do not judge it."""
        self.suspended |= {e for e in self.endpoints if e.node == node and e.device == device}

    def resume(self, node: str, device: str) -> None:
        """Reconfiguration done: judge the adapter again once a detection period has passed,
        so that keepalives missed while it was down on purpose count for nothing."""
        for e in [e for e in self.suspended if e.node == node and e.device == device]:
            self.suspended.discard(e)
            self.send_fail_since.pop(e, None)
            self.grace_until[e] = self.sched.now + self.threshold(e.network)

    def judged(self, e: Endpoint) -> bool:
        return e not in self.suspended and self.grace_until.get(e, 0.0) <= self.sched.now

    # --- keepalives -------------------------------------------------------------
    def _tick(self, network: str) -> None:
        now = self.sched.now
        members = self.members()
        local = [e for e in self.endpoints if e.network == network and e.node in members]
        able = {}
        for e in local:
            able[e] = self.can_send(e)
            if able[e]:
                self.send_fail_since.pop(e, None)
            else:
                self.send_fail_since.setdefault(e, now)
        for i, a in enumerate(local):
            for b in local[i + 1:]:
                if a.node != b.node and able[a] and able[b] and self.link_alive(a, b):
                    self.last_heard[(a, b)] = now
                    self.last_heard[(b, a)] = now
        if not self._quiet(members):
            self.evaluate()
        self.sched.call_in(self.rates[network][0], self._tick, network)

    def _quiet(self, members) -> bool:
        """True when :meth:`evaluate` could only find all well: nothing blamed, down, suspended
        or in grace; every member's view is exactly the members; every pair of members'
        adapters on every network still hears each other. Skipping it then saves most of a
        healthy cluster's cost (``benchmarks/bench.py``); it changes no verdict or its timing."""
        if self.blamed_since or self.network_down or self.adapter_down or self.send_fail_since or self.suspended:
            return False
        now = self.sched.now
        if any(until > now for until in self.grace_until.values()):
            return False
        live = set(members)
        views = self.views()
        if any(views.get(n) != live for n in live) or any(n not in live for n in views if views[n]):
            return False
        for network in self.rates:
            eps = [e for e in self.endpoints if e.network == network and e.node in live]
            for i, a in enumerate(eps):
                for b in eps[i + 1:]:
                    if a.node != b.node and not self.alive(a, b):
                        return False
        return True

    def alive(self, a: Endpoint, b: Endpoint) -> bool:
        heard = self.last_heard.get((a, b))
        return heard is not None and self.sched.now - heard < self.threshold(a.network)

    # --- verdicts -------------------------------------------------------------
    def partitions(self) -> list[frozenset[str]]:
        """Groups of live members that still hear each other on some path."""
        members = self.members()
        known = set(members)
        for view in self.views().values():
            known |= view
        links: dict[str, set[str]] = {n: set() for n in known}
        for (a, b), _ in self.last_heard.items():
            if a.node in known and b.node in known and self.alive(a, b):
                links[a.node].add(b.node)
                links[b.node].add(a.node)
        seen: set[str] = set()
        groups = []
        for start in sorted(members):
            if start in seen:
                continue
            group = {start}
            todo = [start]
            while todo:
                for other in links[todo.pop()]:
                    if other not in group:
                        group.add(other)
                        todo.append(other)
            seen |= group
            groups.append(frozenset(group))
        return groups

    def evaluate(self) -> None:
        members = self.members()
        views = self.views()
        for part in self.partitions():
            live = part & members
            for node in sorted(live):
                for gone in sorted(views.get(node, set()) - part):
                    self.report(Verdict("node_down", gone, partition=part))
            for node in sorted(live):
                # A cluster manager that has not yet been through its node_up has an empty view.
                if not views.get(node):
                    self.report(Verdict("node_join", node, partition=part))
            joined = [n for n in sorted(live) if views.get(n)]
            if any(m not in views[n] for n in joined for m in joined):
                # Two partitions that each took the other for dead hear each other again (book 7.5).
                self.report(Verdict("partition_merge", None, partition=part))
                continue
            for network in sorted(self.rates):
                self._evaluate_network(network, part, live)

    def _judge(self, network: str, live: frozenset[str]) -> tuple[list[Endpoint], set[Endpoint], set[Endpoint]]:
        """(endpoints judged, those blamed, those positively heard) on ``network`` within ``live``.

        "Up" needs evidence (a keepalive exchanged with another node); "down" needs
        either the NIM's own send errors or silence while others on the network still talk.
        """
        now = self.sched.now
        eps = [e for e in self.endpoints if e.network == network and e.node in live and self.judged(e)]
        threshold = self.threshold(network)
        local_fail = {e for e in eps if e in self.send_fail_since and now - self.send_fail_since[e] >= threshold}
        rest = [e for e in eps if e not in local_fail]
        heard = {e for e in rest if any(f.node != e.node and (self.alive(e, f) or self.alive(f, e)) for f in rest)}
        if len({e.node for e in eps}) < 2:
            return eps, local_fail, heard
        if heard:
            return eps, local_fail | (set(rest) - heard), heard
        if local_fail or len({e.node for e in rest}) < 2:
            return eps, local_fail, heard
        return eps, set(rest), heard

    def _evaluate_network(self, network: str, part: frozenset[str], live: frozenset[str]) -> None:
        now = self.sched.now
        eps, blamed, heard = self._judge(network, live)
        for e in eps:
            if e in blamed:
                self.blamed_since.setdefault(e, now)
            elif e in heard:
                self.blamed_since.pop(e, None)
        nodes = sorted({e.node for e in eps})
        # A node has lost the network only when every one of its adapters on it is judged and
        # blamed: one that HACMP is reconfiguring right now gives no evidence either way.
        mine = [e for e in self.endpoints if e.network == network and e.node in live]
        lost = [n for n in nodes if all(e in blamed for e in mine if e.node == n)]
        settled = [n for n in lost if all(now - self.blamed_since[e] >= self.defer for e in eps if e.node == n)]
        if len(nodes) >= 2 and len(settled) == len(nodes):
            self._set_network(None, network, True, part)
        elif heard:
            self._set_network(None, network, False, part)
        for n in nodes:
            if (None, network) in self.network_down:
                break
            if n in settled:
                self._set_network(n, network, True, part)
            elif any(e.node == n for e in heard):
                self._set_network(n, network, False, part)
        for e in eps:
            node_lost = e.node in lost or (None, network) in self.network_down or (e.node, network) in self.network_down
            if e in blamed and not node_lost and e not in self.adapter_down:
                self.adapter_down.add(e)
                self.report(Verdict("adapter_down", e.node, network, e, part))
            elif e in heard and e in self.adapter_down:
                self.adapter_down.discard(e)
                self.report(Verdict("adapter_up", e.node, network, e, part))

    def _set_network(self, node: str | None, network: str, down: bool, part: frozenset[str]) -> None:
        key = (node, network)
        if down and key not in self.network_down:
            self.network_down.add(key)
            for e in self.endpoints:
                if e.network == network and (node is None or e.node == node):
                    self.adapter_down.discard(e)
            self.report(Verdict("network_down", node, network, partition=part))
        elif not down and key in self.network_down:
            self.network_down.discard(key)
            self.report(Verdict("network_up", node, network, partition=part))
