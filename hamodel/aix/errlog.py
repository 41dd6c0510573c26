"""The AIX error log (``errpt``): entries with identifier, label, type and class.

Usage::

    log = ErrorLog()
    log.log(now=12.0, label="OPMSG", resource="OPERATOR", detail="clexit.rc : ...")
    log.entries[-1].identifier   # 'AA8AB241'

Each label has a fixed template (identifier, type, class, description) as in
AIX's error template repository; identifiers quoted from real ``errpt``
output where the reference has one, marked [U] in docs/modelling.md otherwise.
"""

from __future__ import annotations

from dataclasses import dataclass

#: label -> (identifier, type, class, description)
#: Identifiers are CRCs of the error template and change between AIX releases; AIX
#: 4.3's own were not found. Where a label exists in AIX 5.3's errids.h that value is
#: used (it matches real errpt captures), else AIX 4.1's; SSA ones are from the 1999
#: SSA header. Type, class and description text marked [U] in docs/modelling.md.
TEMPLATES: dict[str, tuple[str, str, str, str]] = {
    "OPMSG": ("AA8AB241", "T", "O", "OPERATOR NOTIFICATION"),
    "REBOOT_ID": ("2BFA76F6", "T", "S", "SYSTEM SHUTDOWN BY USER"),
    "ERRLOG_ON": ("9DBCFDEE", "T", "O", "ERROR LOGGING TURNED ON"),
    "DUMP_STATS": ("67145A39", "U", "S", "SYSTEM DUMP"),
    # LVM (LVDD)
    "LVM_SA_QUORCLOSE": ("CAD234BE", "U", "H", "QUORUM LOST, VOLUME GROUP CLOSING"),
    "LVM_SA_PVMISS": ("F7DDA124", "U", "H", "PHYSICAL VOLUME DECLARED MISSING"),
    "LVM_SA_WRTERR": ("52715FA5", "U", "H", "FAILED TO WRITE VOLUME GROUP STATUS AREA"),
    "LVM_IO_FAIL": ("E86653C3", "P", "H", "I/O ERROR DETECTED BY LVM"),
    "LVM_SA_STALEPP": ("EAA3D429", "U", "S", "PHYSICAL PARTITION MARKED STALE"),
    "LVM_MISSPVRET": ("9359F226", "I", "S", "PHYSICAL VOLUME IS NOW ACTIVE"),
    # disks and SCSI adapters
    "DISK_ERR2": ("16F35C72", "P", "H", "DISK OPERATION ERROR"),
    "DISK_ERR4": ("49A83216", "T", "H", "DISK OPERATION ERROR"),
    "SCSI_ERR1": ("0502F666", "P", "H", "ADAPTER ERROR"),
    "SCSI_ERR10": ("0BA49C99", "T", "H", "SCSI BUS ERROR"),
    # SSA
    "SSA_LINK_OPEN": ("625E6B9A", "T", "H", "LINK OPEN"),
    "SSA_LINK_ERROR": ("ABECECFD", "P", "H", "SSA LINK ERROR"),
    "SSA_DEVICE_ERROR": ("FE9E9357", "P", "H", "SSA DEVICE ERROR"),
    # 7135 RAIDiant array
    "DISK_ARRAY_ERR2": ("F19115C9", "P", "H", "PHYSICAL VOLUME HARDWARE ERROR"),
    "DISK_ARRAY_ERR6": ("66AB702E", "P", "H", "SUBSYSTEM COMPONENT FAILURE"),
    "DISK_ARRAY_ERR14": ("D65128EF", "P", "H", "ARRAY DRIVE FAILURE"),
}


@dataclass(frozen=True)
class ErrorEntry:
    sequence: int
    time: float
    label: str
    identifier: str
    type: str
    err_class: str
    resource: str
    description: str
    detail: str = ""


class ErrorLog:
    """One node's error log; ``errclear 0`` empties it."""

    def __init__(self) -> None:
        self.entries: list[ErrorEntry] = []
        self._sequence = 0
        #: called with each new entry: the error notification daemon listens here (book 2.6.2)
        self.on_entry: list = []

    def log(self, now: float, label: str, resource: str, detail: str = "") -> ErrorEntry:
        identifier, etype, eclass, description = TEMPLATES[label]
        self._sequence += 1
        entry = ErrorEntry(self._sequence, now, label, identifier, etype, eclass, resource, description, detail)
        self.entries.append(entry)
        for hook in self.on_entry:
            hook(entry)
        return entry

    def clear(self) -> None:
        self.entries.clear()
