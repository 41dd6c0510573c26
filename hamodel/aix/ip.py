"""IP delivery across the physical network: routing, ARP and frames on hub segments.

Usage::

    fabric = IpFabric(hubs, stacks, clock)
    hop = fabric.send(stacks["client1"], "192.168.10.1")
    hop.ok, hop.reason, hop.host          # True, "", "nodeA"

A packet leaves by the route to its destination, is addressed to the MAC
the sender's ARP cache holds (or that an ARP broadcast returns), and
arrives only if a live NIC on the same segment carries that MAC *and* its
interface still holds the destination address. A stale ARP entry therefore
loses packets until it expires or is refreshed: the client-side cost of an
IP takeover without hardware address takeover.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from hamodel.aix.netstack import Interface, NetStack
from hamodel.hardware.network import Hub, segment_of


@dataclass(frozen=True)
class Hop:
    ok: bool
    reason: str = ""  # why it failed: "no route", "network down", "lost"
    host: str = ""  # who received it
    interface: str = ""
    local_error: bool = False  # the sender's own stack refused (AIX returns an error)


class IpFabric:
    def __init__(self, hubs: dict[str, Hub], stacks: dict[str, NetStack], clock: Callable[[], float]) -> None:
        self.hubs = hubs
        self.stacks = stacks
        self.clock = clock

    def segment(self, iface: Interface) -> frozenset[str] | None:
        return None if iface.nic is None else segment_of(iface.nic, self.hubs)

    def _live_interfaces_on(self, segment: frozenset[str]):
        for stack in self.stacks.values():
            if not stack.running:
                continue
            for iface in stack.interfaces.values():
                if iface.up and iface.nic is not None and self.segment(iface) == segment:
                    yield stack, iface

    def send(self, src: NetStack, dst_ip: str) -> Hop:
        """One IP datagram from ``src`` to ``dst_ip``; see the module docstring."""
        now = self.clock()
        if not src.running:
            return Hop(False, "network is down", local_error=True)
        if src.owner_of(dst_ip) is not None:
            return Hop(True, host=src.host, interface="lo0")
        out = src.route(dst_ip)
        if out is None:
            return Hop(False, "no route to host", local_error=True)
        segment = self.segment(out)
        if segment is None:
            return Hop(False, "lost")
        src_ip = src.source_address(out, dst_ip)
        entry = src.arp_lookup(dst_ip, now)
        if entry is None:
            mac = self._arp_request(src, out, src_ip, dst_ip, segment, now)
            if mac is None:
                return Hop(False, "lost")
        else:
            mac = entry.mac
        out.opkts += 1
        for stack, iface in self._live_interfaces_on(segment):
            if iface.nic.mac == mac and iface.has(dst_ip):
                iface.ipkts += 1
                return Hop(True, host=stack.host, interface=iface.name)
        return Hop(False, "lost")

    def _arp_request(self, src: NetStack, out: Interface, src_ip: str, dst_ip: str,
                     segment: frozenset[str], now: float) -> str | None:
        """Broadcast who-has ``dst_ip``; every host that hears it refreshes its entry for the sender."""
        answer: str | None = None
        for stack, iface in self._live_interfaces_on(segment):
            if stack is src:
                continue
            if src_ip in stack.arp:
                stack.arp_learn(src_ip, out.nic.mac, iface.name, now)
            if answer is None and iface.has(dst_ip):
                answer = iface.nic.mac
                stack.arp_learn(src_ip, out.nic.mac, iface.name, now)
        if answer is not None:
            src.arp_learn(dst_ip, answer, out.name, now)
        return answer

    def announce(self, src: NetStack, out: Interface, src_ip: str, dst_ip: str) -> None:
        """An ARP request from ``src_ip`` for ``dst_ip``: hearers refresh their entry for ``src_ip``."""
        segment = self.segment(out)
        if src.running and out.up and segment is not None:
            self._arp_request(src, out, src_ip, dst_ip, segment, self.clock())

    def link_alive(self, a: Interface, b: Interface) -> bool:
        """Can a frame from interface ``a`` reach interface ``b`` (both up, same segment)?"""
        if not (a.up and b.up):
            return False
        sa, sb = self.segment(a), self.segment(b)
        if sa is None or sa != sb:
            return False
        # Keepalives are traffic too: they show in netstat -i's packet counts.
        for iface in (a, b):
            iface.ipkts += 1
            iface.opkts += 1
        return True
