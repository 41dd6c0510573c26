"""Pure parsers of the command outputs an administrator reads during a drill.

Usage::

    rows = parse_netstat_in(lab.run("nodeB", "netstat -in").output)
    [r.address for r in rows if r.name == "en1"]     # ['42:00:c0:a8:0a:01', '192.168.10.1']
    parse_clfindres(text)[0].location                # 'nodeB'
    normalise_mac("42.0.c0.a8.a.1") == normalise_mac("42:00:c0:a8:0a:01")

One parser per command, each a pure function of the text, so each is unit-tested
on the samples of AIX's own formats (tests/unit/test_observe.py). A parser
ignores lines it does not understand (an error message yields no rows); the
step then reports what it saw instead of the expected row.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MAC_RE = re.compile(r"^[0-9A-Fa-f]{1,2}(?:[:.][0-9A-Fa-f]{1,2}){5}$")
IP_RE = re.compile(r"^\d{1,3}(?:\.\d{1,3}){3}$")


def normalise_mac(text: str) -> str:
    """AIX prints MACs dotted (``42.0.c0.a8.a.1``) or with colons, without leading zeros."""
    parts = re.split(r"[:.]", text.strip().lower())
    if len(parts) != 6:
        raise ValueError(f"not a MAC address: {text!r}")
    return ":".join(f"{int(p, 16):02x}" for p in parts)


# --- netstat -in ----------------------------------------------------------------------
@dataclass(frozen=True)
class NetstatRow:
    name: str       # en0 (without the '*' of a down interface)
    up: bool        # False when the name carries '*'
    mtu: str
    network: str    # link#2 or 192.168.10
    address: str    # a normalised MAC on the link# row, else an IP address

    @property
    def is_link(self) -> bool:
        return self.network.startswith("link#")


def parse_netstat_in(text: str) -> list[NetstatRow]:
    rows = []
    for line in text.splitlines():
        words = line.split()
        if len(words) < 4 or words[0] == "Name" or not words[1].isdigit():
            continue
        name, mtu, network, address = words[:4]
        if network.startswith("link#"):
            if not MAC_RE.match(address):
                continue  # an interface without a hardware address (lo0)
            address = normalise_mac(address)
        rows.append(NetstatRow(name.rstrip("*"), not name.endswith("*"), mtu, network, address))
    return rows


def addresses_on(rows: list[NetstatRow], iface: str) -> list[str]:
    """The IP addresses configured on ``iface``."""
    return [r.address for r in rows if r.name == iface and not r.is_link]


def interface_of(rows: list[NetstatRow], ip: str) -> str | None:
    return next((r.name for r in rows if r.address == ip and not r.is_link), None)


def mac_of(rows: list[NetstatRow], iface: str) -> str | None:
    return next((r.address for r in rows if r.name == iface and r.is_link), None)


# --- clfindres ------------------------------------------------------------------------
@dataclass(frozen=True)
class GroupRow:
    name: str
    type: str
    state: str       # UP | DOWN
    location: str    # "" when DOWN


def parse_clfindres(text: str) -> list[GroupRow]:
    rows = []
    for line in text.splitlines():
        words = line.split()
        if len(words) < 3 or words[0] in ("GroupName",) or set(line.strip()) <= {"-", " "}:
            continue
        if words[2] not in ("UP", "DOWN", "ERROR"):
            continue
        rows.append(GroupRow(words[0], words[1], words[2], words[3] if len(words) > 3 else ""))
    return rows


# --- lsvg -o --------------------------------------------------------------------------
def parse_lsvg_o(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if re.fullmatch(r"\s*\w+\s*", line)]


# --- ps -u USER -----------------------------------------------------------------------
@dataclass(frozen=True)
class PsRow:
    uid: int
    pid: int
    tty: str
    time: str
    cmd: str


def parse_ps(text: str) -> list[PsRow]:
    rows = []
    for line in text.splitlines():
        words = line.split(None, 4)
        if len(words) == 5 and words[0].isdigit() and words[1].isdigit():
            rows.append(PsRow(int(words[0]), int(words[1]), words[2], words[3], words[4].strip()))
    return rows


# --- ping -------------------------------------------------------------------------------
@dataclass(frozen=True)
class PingResult:
    transmitted: int
    received: int
    loss_percent: int


def parse_ping(text: str) -> PingResult | None:
    """The statistics line; None when ping printed none (unknown host, no route)."""
    m = re.search(r"(\d+) packets transmitted, (\d+) packets received, (\d+)% packet loss", text)
    return PingResult(int(m[1]), int(m[2]), int(m[3])) if m else None


# --- arp -a -----------------------------------------------------------------------------
@dataclass(frozen=True)
class ArpEntry:
    name: str
    ip: str
    mac: str | None  # normalised; None for an incomplete entry
    kind: str


ARP_RE = re.compile(r"^\s*(?P<name>\S+) \((?P<ip>[\d.]+)\) at (?P<mac>\S+)(?: \[(?P<kind>[^\]]*)\])?")


def parse_arp(text: str) -> list[ArpEntry]:
    rows = []
    for line in text.splitlines():
        m = ARP_RE.match(line)
        if m:
            mac = normalise_mac(m["mac"]) if MAC_RE.match(m["mac"]) else None
            rows.append(ArpEntry(m["name"], m["ip"], mac, m["kind"] or ""))
    return rows


# --- /tmp/hacmp.out -----------------------------------------------------------------------
@dataclass(frozen=True)
class HacmpEvent:
    stamp: str                 # Nov 22 09:00:12
    kind: str                  # START | COMPLETED
    name: str                  # node_down
    args: tuple[str, ...]      # ('nodeA',)
    rc: int | None             # exit status on COMPLETED lines

    def text(self) -> str:
        return " ".join((self.name, *self.args))


EVENT_RE = re.compile(r"^(?P<stamp>\w{3} [ \d]\d \d\d:\d\d:\d\d) EVENT (?P<kind>START|COMPLETED): (?P<text>.*)$")


def parse_hacmp_out(text: str) -> list[HacmpEvent]:
    """The EVENT START/COMPLETED lines; trace lines (``+ cmd``) and messages are skipped."""
    events = []
    for line in text.splitlines():
        m = EVENT_RE.match(line.rstrip())
        if not m:
            continue
        words = m["text"].split()
        rc = None
        if m["kind"] == "COMPLETED" and len(words) > 1 and re.fullmatch(r"-?\d+", words[-1]):
            rc = int(words.pop())
        if words:
            events.append(HacmpEvent(m["stamp"], m["kind"], words[0], tuple(words[1:]), rc))
    return events


# --- lssrc -g GROUP -----------------------------------------------------------------------
@dataclass(frozen=True)
class Subsystem:
    name: str
    group: str
    pid: int | None
    status: str   # active | inoperative


def parse_lssrc(text: str) -> list[Subsystem]:
    rows = []
    for line in text.splitlines():
        words = line.split()
        if words and words[0] == "Subsystem":
            continue
        if len(words) == 4 and words[2].isdigit():
            rows.append(Subsystem(words[0], words[1], int(words[2]), words[3]))
        elif len(words) == 3:
            rows.append(Subsystem(words[0], words[1], None, words[2]))
    return rows


# --- errpt ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class ErrptRow:
    identifier: str
    timestamp: str
    type: str
    klass: str
    resource: str
    description: str


def parse_errpt(text: str) -> list[ErrptRow]:
    rows = []
    for line in text.splitlines():
        words = line.split(None, 5)
        if len(words) >= 5 and words[0] != "IDENTIFIER" and re.fullmatch(r"[0-9A-F]{8}", words[0]):
            identifier, timestamp, kind, klass, resource = words[:5]
            description = words[5].strip() if len(words) > 5 else ""
            rows.append(ErrptRow(identifier, timestamp, kind, klass, resource, description))
    return rows
