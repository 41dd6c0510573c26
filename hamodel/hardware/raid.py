"""SCSI: differential adapters, buses, and the 7135 RAIDiant array with its LUNs.

Usage::

    array = Array7135("array1", "7135-110", sched, drives=["d1", "d2", "d3", "d4"], hot_spares=["d4"])
    lun = array.add_lun("hdisk2", raid=5, drives=["d1", "d2", "d3"], size_mb=8192)
    array.pull("d2")          # LUN degraded; the hot spare is rebuilt in virtual time
    array.fault_light         # True: the yellow light is on

Each LUN is one hdisk to AIX (book 2.3.2.4) and has its own RAID level.
A LUN is ``Optimal``, ``Degraded`` (a member missing, data still served),
``Reconstructing`` (a member being rebuilt) or ``Dead`` (RAID 0 with any
member gone, RAID 1 with both halves of a pair gone, RAID 3/5 with two
members gone: the data is lost).

A drive is ``Optimal``, ``Failed`` (pulled out, or set to 83 "Fail drive" in
``smit raidant``), ``Replaced`` (84 "Replace drive": the array rebuilds onto
it), ``Reconstructing``, ``Hot Spare`` or ``Spare in use`` is not separate:
a hot spare that took a failed member's place simply becomes that member.
A drive put back after a hot spare took its place becomes the new hot spare
(the model's reading of "put the disk back", book 6.2.4.2, [U]).

The yellow fault light is on while any drive is Failed or any LUN is not
Optimal.
"""

from __future__ import annotations

from dataclasses import dataclass

from hamodel.scheduler import Scheduler

#: Rebuild speed of one member drive, MB per virtual second [U].
REBUILD_MB_PER_S = 4.0

#: smit raidant "Change/Show Drive Status" codes the model understands (book 6.2.4.2).
DRIVE_STATUS_CODES = {"83": "Fail drive", "84": "Replace drive"}


@dataclass(eq=False)
class ScsiAdapter:
    node: str
    name: str  # scsi1
    bus: str
    scsi_id: int = 7
    failed: bool = False


@dataclass(eq=False)
class Drive:
    name: str
    status: str = "Optimal"  # Optimal | Failed | Replaced | Reconstructing | Hot Spare
    present: bool = True
    rebuild: int = 0  # which reconstruction onto this drive is the current one


@dataclass(eq=False)
class Lun:
    number: int
    hdisk: str
    raid: int
    members: list[str]
    size_mb: int
    dead: bool = False

    @property
    def member_mb(self) -> int:
        data = {0: len(self.members), 1: len(self.members) // 2}.get(self.raid, len(self.members) - 1)
        return -(-self.size_mb // max(1, data))


@dataclass(eq=False)
class Controller:
    name: str  # dac0
    bus: str
    failed: bool = False


class Array7135:
    def __init__(self, name: str, type_: str, sched: Scheduler, drives: list[str],
                 hot_spares: list[str] = (), buses: list[str] = ()) -> None:
        self.name = name
        self.type = type_
        self.sched = sched
        self.drives = {d: Drive(d, "Hot Spare" if d in hot_spares else "Optimal") for d in drives}
        self.luns: list[Lun] = []
        self.controllers = [Controller(f"{name}.dac{i}", bus) for i, bus in enumerate(buses)]
        self.history: list[tuple[float, str]] = []  # what the array's own log says, for reports
        #: told (drive, LUN or None) when a drive fails: the hosts' disk array driver reports it
        self.on_drive_failed: list = []

    def __repr__(self) -> str:
        return f"Array7135({self.name}, light={'on' if self.fault_light else 'off'})"

    def add_lun(self, hdisk: str, raid: int, drives: list[str], size_mb: int) -> Lun:
        lun = Lun(len(self.luns), hdisk, raid, list(drives), size_mb)
        self.luns.append(lun)
        return lun

    # --- state ----------------------------------------------------------------
    def _bad(self, drive: str) -> bool:
        d = self.drives[drive]
        return not d.present or d.status != "Optimal"

    def lun_state(self, lun: Lun) -> str:
        if lun.dead:
            return "Dead"
        bad = [m for m in lun.members if self._bad(m)]
        if not bad:
            return "Optimal"
        if any(self.drives[m].status == "Reconstructing" for m in bad) and len(bad) == 1:
            return "Reconstructing"
        return "Degraded"

    def _lost(self, lun: Lun) -> bool:
        bad = [self._bad(m) for m in lun.members]
        if lun.raid == 0:
            return any(bad)
        if lun.raid == 1:
            return any(bad[i] and bad[i + 1] for i in range(0, len(bad) - 1, 2))
        return sum(bad) >= 2

    @property
    def fault_light(self) -> bool:
        return (any(d.status == "Failed" for d in self.drives.values())
                or any(self.lun_state(lun) != "Optimal" for lun in self.luns))

    def lun_available(self, lun: Lun) -> bool:
        return not lun.dead

    def lun_of(self, drive: str) -> Lun | None:
        return next((lun for lun in self.luns if drive in lun.members), None)

    # --- acts -------------------------------------------------------------------
    def _log(self, text: str) -> None:
        self.history.append((self.sched.now, text))

    def pull(self, drive: str) -> None:
        d = self.drives[drive]
        d.present = False
        if d.status in ("Optimal", "Reconstructing", "Replaced") and self.lun_of(drive):
            self.fail(drive)

    def fail(self, drive: str) -> None:
        """The controller takes a member out of service (a pulled drive, or status 83)."""
        d = self.drives[drive]
        d.status = "Failed"
        self._log(f"drive {drive} failed")
        lun = self.lun_of(drive)
        for hook in self.on_drive_failed:
            hook(drive, lun)
        if lun is None:
            return
        if self._lost(lun):
            lun.dead = True
            self._log(f"LUN {lun.number} ({lun.hdisk}) dead: too many drives lost")
            return
        spare = next((s for s in self.drives.values() if s.status == "Hot Spare" and s.present), None)
        if spare is not None:
            lun.members[lun.members.index(drive)] = spare.name
            self._rebuild(lun, spare)

    def insert(self, drive: str) -> None:
        d = self.drives[drive]
        if d.present:
            return  # already in its slot: nothing changes
        d.present = True
        if d.status == "Failed" and self.lun_of(drive) is None:
            d.status = "Hot Spare"  # its place was rebuilt on the spare: it becomes the spare
            self._log(f"drive {drive} back in: now the hot spare")

    def set_status(self, drive: str, code: str) -> str | None:
        """``smit raidant`` Change/Show Drive Status; an error message, or None."""
        d = self.drives.get(drive)
        if d is None:
            return f"drive {drive} is not in array {self.name}"
        if code == "83":
            if d.status == "Failed":
                return f"drive {drive} is already failed"
            self.fail(drive)
            return None
        if code == "84":
            if d.status != "Failed" or not d.present:
                return f"drive {drive} must be failed and present to be replaced (status {d.status})"
            lun = self.lun_of(drive)
            if lun is None or lun.dead:
                d.status = "Hot Spare" if lun is None else "Failed"
                return None if lun is None else f"LUN {lun.number} is dead; it cannot be rebuilt"
            self._rebuild(lun, d)
            return None
        return f"drive status {code} is not one this lab models ({', '.join(f'{k} {v}' for k, v in DRIVE_STATUS_CODES.items())})"

    def _rebuild(self, lun: Lun, drive: Drive) -> None:
        drive.status = "Reconstructing"
        drive.rebuild += 1
        seconds = lun.member_mb / REBUILD_MB_PER_S
        self._log(f"reconstructing LUN {lun.number} onto {drive.name}")
        self.sched.call_in(seconds, self._rebuilt, lun, drive, drive.rebuild)

    def _rebuilt(self, lun: Lun, drive: Drive, number: int) -> None:
        if drive.rebuild != number:
            return  # a later reconstruction restarted it
        if drive.status != "Reconstructing" or drive.name not in lun.members or lun.dead:
            return
        if not drive.present:
            return
        drive.status = "Optimal"
        self._log(f"LUN {lun.number} reconstruction onto {drive.name} complete")

    # --- paths ------------------------------------------------------------------
    def reaches(self, adapters: list[ScsiAdapter]) -> bool:
        buses = {c.bus for c in self.controllers if not c.failed}
        return any(not a.failed and a.bus in buses for a in adapters)
