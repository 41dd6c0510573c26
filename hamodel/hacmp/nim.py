"""Network interface modules (NIMs): how often each kind of network heartbeats, and when it gives up.

Usage::

    interval, cycles = detection("ether", "normal")   # 0.5 s between keepalives, 10 missed = failed
    detection_time("ether", "normal")                  # 5.0 s

The book (5.3) gives the Ethernet rates: fast 4, normal 2, slow 1
keepalives a second. The number of missed keepalives before a path is
declared dead ("cycles to fail") is not in the book; HA Drill uses 10 for
IP networks and 5 for RS232 and target-mode SSA [U] — see docs/modelling.md.
"""

from __future__ import annotations

#: nim -> rate -> (seconds between keepalives, missed keepalives that mean failure)
RATES: dict[str, dict[str, tuple[float, int]]] = {
    "ether": {"fast": (0.25, 10), "normal": (0.5, 10), "slow": (1.0, 10)},
    "token": {"fast": (0.25, 10), "normal": (0.5, 10), "slow": (1.0, 10)},
    "fddi": {"fast": (0.25, 10), "normal": (0.5, 10), "slow": (1.0, 10)},
    "rs232": {"fast": (1.0, 5), "normal": (2.0, 5), "slow": (4.0, 5)},
    # target-mode SSA (book 2.2.2): a serial network over the SSA loop; rates as RS232 [U]
    "tmssa": {"fast": (1.0, 5), "normal": (2.0, 5), "slow": (4.0, 5)},
}

#: Seconds HWAT takes to move a hardware address, by NIM (book 2.4.3.4: Token-Ring 60 s;
#: Ethernet is not given there and uses a short reconfiguration here [U]).
HWAT_SECONDS: dict[str, float] = {"ether": 4.0, "token": 60.0, "fddi": 120.0}


def detection(nim: str, rate: str) -> tuple[float, int]:
    return RATES[nim][rate]


def detection_time(nim: str, rate: str) -> float:
    interval, cycles = detection(nim, rate)
    return interval * cycles
