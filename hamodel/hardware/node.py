"""A pSeries/RS6000 node: power, its three-digit LED display, CPU id, SMP.

A node is *powered off* or *powered on*; while on, its LED shows what the
firmware or AIX is doing (boot codes, ``888`` after a crash, blank when AIX
runs). Whether AIX is running is :class:`hamodel.aix.host.AixHost`'s business.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Node:
    name: str
    cpu_id: str
    smp: bool = False
    powered: bool = True
    led: str = ""
    #: ``mpcfg -cf 11 1``: on an SMP node, reboot at once after a crash dump.
    fast_reboot: bool = False
    nics: list = field(default_factory=list, repr=False)

    def __repr__(self) -> str:
        return f"Node({self.name}, {'on' if self.powered else 'off'}, led={self.led or '-'})"
