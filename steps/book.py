"""The book's sections the drills are tagged with: ID -> title, as BEHAVIOURS.md names them.

Usage::

    title("6.2.1.4")        # '7133 SSA adapter failure: pull all its cables'
    heading(["6.2.1.4"])    # 'Book 6.2.1.4: 7133 SSA adapter failure: pull all its cables'

The report shows these beside each drill, so a reader sees which part of the
certification notes (../shared/book) the drill comes from.
"""

from __future__ import annotations

TITLES = {
    "2.2.2": "Non-IP (serial) networks: RS232, target-mode SCSI, target-mode SSA",
    "2.2.2.2": "RS232 and target-mode SSA rules: node numbers, adapters, microcode",
    "2.4.1": "Resource group kinds: cascading, rotating, concurrent",
    "2.4.2.1": "Hot standby, rotating standby, mutual and third-party takeover",
    "2.4.2.2": "Concurrent access: 7135 up to 4 nodes, 7133 up to 8",
    "2.4.3.4": "Hardware address takeover; clients refreshed through PING_CLIENT_LIST",
    "2.6.2": "Error notification objects: a method run when a matching error is logged",
    "3.1.2": "Mirroring rootvg: quorum off, copies, bosboot, bootlist",
    "3.2.1.1": "Two hubs: hub 1 fails (swap_adapter), hub 2 fails (fail_standby)",
    "3.4.4": "Importing a shared volume group on the other nodes; auto-varyon back to no",
    "3.4.5": "Quorum: at varyon and after, on and off",
    "4.3.1.1": "Resource group settings; the N+1 rule for standby adapters",
    "4.4.2": "Boot address before HACMP starts, service address after",
    "4.4.3": "Takeover and reintegration with smit clstop and clstart",
    "5.1.1": "The event sequences: node_up, node_down, swap_adapter, network events",
    "5.1.2": "Pre- and post-event commands",
    "5.1.3": "Notify commands",
    "5.2": "SCSI adapter failure and error notification",
    "6.1.5": "LVM checks before the tests",
    "6.2.1.1": "Service interface down with ifconfig",
    "6.2.1.2": "Service adapter cable pulled",
    "6.2.1.4": "7133 SSA adapter failure: pull all its cables",
    "6.2.2.1": "AIX crash: cat /etc/hosts > /dev/kmem",
    "6.2.2.2": "CPU failure: power the node off",
    "6.2.2.3": "TCP/IP subsystem failure: tcp.clean",
    "6.2.3": "Network failure: pull every network cable",
    "6.2.4.1": "Mirrored rootvg: one disk dies",
    "6.2.4.2": "7135 RAID disk failure",
    "6.2.4.3": "Mirrored 7133 disk failure",
    "7.2": "config_too_long and clruncmd",
    "7.4": "Node isolation: a partitioned cluster",
    "7.5": "DGSP when partitions meet again",
    "8.2": "Daemons and stop modes; clexit.rc",
    "8.4.2": "Lazy update",
    "8.7.1": "Split-mirror backup",
}


def title(book_id: str) -> str:
    return TITLES.get(book_id, "(no title recorded)")


def heading(book_ids: list[str]) -> str:
    return "; ".join(f"Book {i}: {title(i)}" for i in book_ids)
