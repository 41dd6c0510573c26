"""The physical acts on storage a person can do in the lab (the lab's :data:`STORAGE_ACTS`).

Usage::

    lab.act("unplug ssa nodeA ssa0")        # pull every cable of an SSA adapter (book 6.2.1.4)
    lab.act("pull pdisk0")                  # hot-swap a 7133 disk out (book 6.2.4.3)
    lab.act("pull nodeA hdisk0")            # an internal disk, or its power (book 6.2.4.1)
    lab.act("pull drive array1 d2")         # a 7135 drive (book 6.2.4.2)
    lab.act("power off drawer drawer1")
    lab.act("fail scsi nodeA scsi1")        # a SCSI adapter dies (book 5.2)

Each act changes hardware only; what AIX notices (an SSA link open, a drive
failure reported by the array, I/O errors at the next write) happens in the
world's own reactions.
"""

from __future__ import annotations

#: pattern -> (method, how to say it); merged into the lab's ACTS
STORAGE_ACTS = {
    r"unplug ssa (?P<host>\S+) (?P<adapter>ssa\d+)(?: (?P<port>[AB][12]))?": ("unplug_ssa", "unplug ssa NODE ssa0 [A1]"),
    r"plug ssa (?P<host>\S+) (?P<adapter>ssa\d+)(?: (?P<port>[AB][12]))?": ("plug_ssa", "plug ssa NODE ssa0 [A1]"),
    r"pull (?P<pdisk>pdisk\d+)": ("pull_pdisk", "pull pdisk0"),
    r"insert (?P<pdisk>pdisk\d+)": ("insert_pdisk", "insert pdisk0"),
    r"pull (?:(?P<host>[^\s]+) )?(?P<hdisk>hdisk\d+)": ("pull_hdisk", "pull [NODE] hdisk0"),
    r"insert (?:(?P<host>[^\s]+) )?(?P<hdisk>hdisk\d+)": ("insert_hdisk", "insert [NODE] hdisk0"),
    r"power off drawer (?P<drawer>\S+)": ("drawer_off", "power off drawer DRAWER"),
    r"power on drawer (?P<drawer>\S+)": ("drawer_on", "power on drawer DRAWER"),
    r"pull drive (?P<array>\S+) (?P<drive>\S+)": ("pull_drive", "pull drive ARRAY DRIVE"),
    r"insert drive (?P<array>\S+) (?P<drive>\S+)": ("insert_drive", "insert drive ARRAY DRIVE"),
    r"fail scsi (?P<host>\S+) (?P<adapter>\S+)": ("fail_scsi", "fail scsi NODE scsi1"),
    r"repair scsi (?P<host>\S+) (?P<adapter>\S+)": ("repair_scsi", "repair scsi NODE scsi1"),
}


class StorageActs:
    """Mixed into :class:`hamodel.lab.Lab`; ``self.world`` is the world acted on."""

    def _lab_error(self, text: str) -> Exception:
        from hamodel.lab import LabError
        return LabError(text)

    def _ssa_cables(self, host: str, adapter: str, port: str | None):
        san = self.world.san
        if (host, adapter) not in san.ssa_adapters:
            raise self._lab_error(f"{host} has no SSA adapter {adapter}")
        cables = [(loop, c) for loop in san.loops.values() for c, p in loop.adapter_cables(host, adapter)
                  if port in (None, p)]
        if not cables:
            raise self._lab_error(f"no cable at {host} {adapter} {port or ''}".rstrip())
        return cables

    def _unplug_ssa(self, host: str, adapter: str, port: str | None = None) -> None:
        for loop, c in self._ssa_cables(host, adapter, port):
            loop.unplug(c)
            self.world.ssa_link_changed(loop)

    def _plug_ssa(self, host: str, adapter: str, port: str | None = None) -> None:
        for loop, c in self._ssa_cables(host, adapter, port):
            loop.plug(c)

    def _pdisk(self, pdisk: str):
        if pdisk not in self.world.san.pdisks:
            raise self._lab_error(f"no SSA disk {pdisk!r}")
        return self.world.san.pdisks[pdisk]

    def _pull_pdisk(self, pdisk: str) -> None:
        p = self._pdisk(pdisk)
        p.present = False
        self.world.storage.disks[p.hdisk].pull()
        loop = self.world.san.loop_of(pdisk)
        if loop is not None:
            self.world.ssa_link_changed(loop)

    def _insert_pdisk(self, pdisk: str) -> None:
        p = self._pdisk(pdisk)
        if p.present:
            raise self._lab_error(f"{pdisk} is in its slot: pull it first")
        p.present = True
        self.world.storage.disks[p.hdisk].insert()

    def _hdisk(self, host: str | None, hdisk: str):
        disks = self.world.storage.disks
        key = f"{host}:{hdisk}" if host and f"{host}:{hdisk}" in disks else hdisk
        disk = disks.get(key)
        if disk is None or (host and host not in disk.nodes):
            raise self._lab_error(f"no disk {hdisk}{' on ' + host if host else ''}")
        if disk.kind == "ssa":
            raise self._lab_error(f"{hdisk} is an SSA logical disk: pull its pdisk ({disk.location})")
        if disk.kind == "7135":
            raise self._lab_error(f"{hdisk} is a 7135 LUN: pull one of the array's drives")
        return disk

    def _pull_hdisk(self, hdisk: str, host: str | None = None) -> None:
        self._hdisk(host, hdisk).pull()

    def _insert_hdisk(self, hdisk: str, host: str | None = None) -> None:
        disk = self._hdisk(host, hdisk)
        if disk.present:
            raise self._lab_error(f"{hdisk} is in place: pull it first")
        disk.insert()

    def _drawer(self, drawer: str):
        if drawer not in self.world.san.drawers:
            raise self._lab_error(f"no drawer {drawer!r}")
        return self.world.san.drawers[drawer]

    def _drawer_off(self, drawer: str) -> None:
        d = self._drawer(drawer)
        d.powered = False
        for name in d.pdisks:
            self.world.storage.disks[self.world.san.pdisks[name].hdisk].powered = False
            self.world.storage.disks[self.world.san.pdisks[name].hdisk].reserved_by = None
        for loop in {self.world.san.loop_of(p) for p in d.pdisks} - {None}:
            self.world.ssa_link_changed(loop)

    def _drawer_on(self, drawer: str) -> None:
        d = self._drawer(drawer)
        d.powered = True
        for name in d.pdisks:
            self.world.storage.disks[self.world.san.pdisks[name].hdisk].powered = True

    def _array(self, array: str, drive: str):
        a = self.world.san.arrays.get(array)
        if a is None or drive not in a.drives:
            raise self._lab_error(f"no drive {drive} in array {array}")
        return a

    def _pull_drive(self, array: str, drive: str) -> None:
        self._array(array, drive).pull(drive)

    def _insert_drive(self, array: str, drive: str) -> None:
        a = self._array(array, drive)
        if a.drives[drive].present:
            raise self._lab_error(f"drive {drive} of {array} is in its slot: pull it first")
        a.insert(drive)

    def _scsi(self, host: str, adapter: str):
        a = self.world.san.scsi.get((host, adapter))
        if a is None:
            raise self._lab_error(f"{host} has no SCSI adapter {adapter}")
        return a

    def _fail_scsi(self, host: str, adapter: str) -> None:
        self._scsi(host, adapter).failed = True

    def _repair_scsi(self, host: str, adapter: str) -> None:
        self._scsi(host, adapter).failed = False
