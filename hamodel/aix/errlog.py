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
TEMPLATES: dict[str, tuple[str, str, str, str]] = {
    "OPMSG": ("AA8AB241", "T", "O", "OPERATOR NOTIFICATION"),
    "REBOOT_ID": ("2BFA76F6", "T", "S", "SYSTEM SHUTDOWN BY USER"),
    "ERRLOG_ON": ("9DBCFDEE", "T", "O", "ERROR LOGGING TURNED ON"),
    "DUMP_STATS": ("67145A39", "U", "S", "SYSTEM DUMP"),
    "CAD234BE": ("CAD234BE", "U", "H", "QUORUM LOST, VOLUME GROUP CLOSING"),
    "LVM_SA_QUORCLOSE": ("CAD234BE", "U", "H", "QUORUM LOST, VOLUME GROUP CLOSING"),
    "LVM_SA_PVMISS": ("F7DDA124", "U", "H", "PHYSICAL VOLUME DECLARED MISSING"),
    "LVM_IO_FAIL": ("E86653C3", "P", "H", "I/O ERROR DETECTED BY LVM"),
    "DISK_ERR4": ("B6267342", "P", "H", "DISK OPERATION ERROR"),
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

    def log(self, now: float, label: str, resource: str, detail: str = "") -> ErrorEntry:
        identifier, etype, eclass, description = TEMPLATES[label]
        self._sequence += 1
        entry = ErrorEntry(self._sequence, now, label, identifier, etype, eclass, resource, description, detail)
        self.entries.append(entry)
        return entry

    def clear(self) -> None:
        self.entries.clear()
