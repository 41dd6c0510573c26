"""Parsers for the storage commands' output, as an administrator reads it.

Usage::

    rows = parse_lsvg_l(output)          # [LvRow(name='sharedlv', type='jfs', lps=128, pps=256, pvs=2, state='open/stale', mount='/sharedfs')]
    parse_lsvg_p(output)                 # {'hdisk2': 'missing', ...}
    parse_lsvg(output)                   # {'QUORUM': '1', 'AUTO ON': 'no', ...}
    parse_lsps(output)                   # [('hd6', 'hdisk0', 'yes'), ...]
    parse_raidant(output)                # {'light': 'off', 'drives': {'d2': 'Failed (removed)'}, 'luns': {'hdisk2': 'Degraded'}}
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class LvRow:
    name: str
    type: str
    lps: int
    pps: int
    pvs: int
    state: str
    mount: str


def parse_lsvg_l(text: str) -> list[LvRow]:
    rows = []
    for line in text.splitlines():
        f = line.split()
        if len(f) == 7 and f[2].isdigit() and f[3].isdigit():
            rows.append(LvRow(f[0], f[1], int(f[2]), int(f[3]), int(f[4]), f[5], f[6]))
    return rows


def parse_lsvg_p(text: str) -> dict[str, str]:
    return {f[0]: f[1] for f in (line.split() for line in text.splitlines())
            if len(f) >= 4 and f[0].startswith("hdisk")}


def parse_lsvg(text: str) -> dict[str, str]:
    """The two-column ``lsvg VG`` block: field name (without colon) -> value. Fields and
    values are separated by two spaces or more, and come in (name, value) pairs."""
    fields: dict[str, str] = {}
    for line in text.splitlines():
        # "VG DESCRIPTORS: 4": a full-width name leaves one space before its value
        tokens = re.split(r"\s{2,}", re.sub(r": (?=\S)", ":  ", line.strip()))
        for name, value in zip(tokens[0::2], tokens[1::2]):
            fields[name.rstrip(":")] = value
    return fields


def parse_lsps(text: str) -> list[tuple[str, str, str]]:
    """(paging space, physical volume, active) per line of ``lsps -a``."""
    return [(f[0], f[1], f[5]) for f in (line.split() for line in text.splitlines()[1:]) if len(f) >= 8]


def parse_raidant(text: str) -> dict:
    """``smit raidant list``: fault lights, LUN states, drive states."""
    out: dict = {"light": {}, "luns": {}, "drives": {}}
    array = ""
    for line in text.splitlines():
        m = re.search(r"\((\S+)\)\s+fault light (\S+)", line)
        if m:
            array = m.group(1)
            out["light"][array] = m.group(2).lower()
            continue
        m = re.match(r"\s+(hdisk\d+)\s+LUN \d+\s+RAID \d+\s+\d+ MB\s+(\S+)", line)
        if m:
            out["luns"][m.group(1)] = m.group(2)
            continue
        m = re.match(r"\s+drive (\S+)\s+(.+)$", line)
        if m:
            out["drives"][f"{array}:{m.group(1)}"] = m.group(2).strip()
    return out
