"""One host's TCP/IP stack: interfaces with addresses, the ARP cache, and whether TCP/IP runs.

Usage::

    stack.configure("en1", "192.168.10.1", "255.255.255.0")   # ifconfig en1 ... (replaces)
    stack.add_alias("en0", "192.168.10.5", "255.255.255.0")   # ifconfig en0 alias ...
    stack.route("192.168.10.100")                             # -> the interface that reaches it

An interface is *up* or *down* (``ifconfig up/down``) and has zero or more
addresses, the first being the primary. The stack as a whole is *running*
or *stopped* (``sh /etc/tcp.clean`` stops it, ``startsrc -g tcpip``
restarts it): a stopped stack sends and receives nothing.

ARP entries are *complete* for 20 minutes (AIX's default, reference §4.5);
the cache is what lets a client keep sending to a MAC that no longer holds
the address — the reason HACMP offers hardware address takeover.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass, field

from hamodel.hardware.network import Nic

ARP_LIFETIME = 20 * 60.0


@dataclass
class Address:
    ip: str
    netmask: str

    @property
    def network(self) -> ipaddress.IPv4Network:
        return ipaddress.IPv4Network(f"{self.ip}/{self.netmask}", strict=False)

    def reaches(self, ip: str) -> bool:
        return ipaddress.IPv4Address(ip) in self.network


@dataclass
class Interface:
    name: str
    nic: Nic | None  # None for lo0
    addresses: list[Address] = field(default_factory=list)
    up: bool = False
    mtu: int = 1500
    ipkts: int = 0
    opkts: int = 0

    def has(self, ip: str) -> bool:
        return any(a.ip == ip for a in self.addresses)


@dataclass
class ArpEntry:
    ip: str
    mac: str
    interface: str
    expires: float


class NetStack:
    def __init__(self, host: str) -> None:
        self.host = host
        self.running = True
        self.interfaces: dict[str, Interface] = {"lo0": Interface("lo0", None, [Address("127.0.0.1", "255.0.0.0")], True, 16896)}
        self.arp: dict[str, ArpEntry] = {}

    def __repr__(self) -> str:
        return f"NetStack({self.host}, {'running' if self.running else 'stopped'})"

    def add_nic(self, nic: Nic) -> Interface:
        # AIX's default MTUs: Ethernet 1500, Token-Ring 1492.
        iface = Interface(nic.interface, nic, mtu=1492 if nic.type == "token" else 1500)
        self.interfaces[nic.interface] = iface
        return iface

    # --- configuration (what ifconfig does) ---------------------------------
    def configure(self, name: str, ip: str, netmask: str) -> None:
        """Replace the primary address of ``name`` and bring it up."""
        iface = self.interfaces[name]
        self._drop_everywhere(ip)
        aliases = iface.addresses[1:]
        iface.addresses = [Address(ip, netmask), *aliases]
        iface.up = True

    def add_alias(self, name: str, ip: str, netmask: str) -> None:
        self._drop_everywhere(ip)
        self.interfaces[name].addresses.append(Address(ip, netmask))

    def remove_address(self, ip: str) -> None:
        self._drop_everywhere(ip)

    def _drop_everywhere(self, ip: str) -> None:
        for iface in self.interfaces.values():
            iface.addresses = [a for a in iface.addresses if a.ip != ip]

    # --- queries --------------------------------------------------------------
    def owner_of(self, ip: str) -> Interface | None:
        for iface in self.interfaces.values():
            if iface.has(ip):
                return iface
        return None

    def route(self, ip: str) -> Interface | None:
        """The up interface whose subnet holds ``ip`` (a direct route), in interface order."""
        for iface in self.interfaces.values():
            if iface.up and iface.nic is not None and any(a.reaches(ip) for a in iface.addresses):
                return iface
        return None

    def source_address(self, iface: Interface, dst: str) -> str:
        for a in iface.addresses:
            if a.reaches(dst):
                return a.ip
        return iface.addresses[0].ip

    def arp_lookup(self, ip: str, now: float) -> ArpEntry | None:
        entry = self.arp.get(ip)
        if entry is not None and entry.expires <= now:
            del self.arp[ip]
            return None
        return entry

    def arp_learn(self, ip: str, mac: str, interface: str, now: float) -> None:
        self.arp[ip] = ArpEntry(ip, mac, interface, now + ARP_LIFETIME)

    def flush_arp(self) -> None:
        self.arp.clear()
