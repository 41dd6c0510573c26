"""``smit raidant``: the RAIDiant Disk Array Manager for 7135 arrays (book 6.2.4.2).

Usage::

    smit raidant list                       List all SCSI RAID Arrays
    smit raidant drive hdisk2 d3 83         Change/Show Drive Status: 83 Fail drive
    smit raidant drive hdisk2 d3 84         84 Replace drive (rebuild onto it)

SMIT's screens are reduced to their outcome, as for ``smit clstart``; what
runs underneath is ``raidmgr -F -l hdisk -d status -y drive``. The drive
status codes besides 83 and 84 are not modelled [U].
"""

from __future__ import annotations

from hamodel.commands.base import Shell, UsageError


def raidant(sh: Shell, args: list[str]) -> tuple[str, int]:
    san = sh.world.san
    arrays = [a for a in san.arrays.values()
              if any(s.bus in {c.bus for c in a.controllers} for (n, _), s in san.scsi.items() if n == sh.host.name)]
    if args[:1] == ["list"]:
        out = []
        for i, array in enumerate(arrays):
            out.append(f"dar{i}   Available  {array.type} Disk Array Router ({array.name})   "
                       f"fault light {'ON' if array.fault_light else 'off'}")
            for c in array.controllers:
                out.append(f"  {c.name.split('.')[-1]:<6} {'Failed' if c.failed else 'Available':<10} controller on {c.bus}")
            for lun in array.luns:
                out.append(f"  {lun.hdisk:<6} LUN {lun.number}  RAID {lun.raid}  {lun.size_mb} MB  {array.lun_state(lun)}")
                for m in lun.members:
                    d = array.drives[m]
                    out.append(f"      drive {m:<6} {d.status if d.present else d.status + ' (removed)'}")
            for d in array.drives.values():
                if array.lun_of(d.name) is None:
                    out.append(f"      drive {d.name:<6} {d.status}{'' if d.present else ' (removed)'}")
        return "\n".join(out) + "\n", 0
    if args[:1] == ["drive"] and len(args) == 4:
        hdisk, drive, code = args[1:]
        array = next((a for a in arrays if any(lun.hdisk == hdisk for lun in a.luns)), None)
        if array is None:
            return f"raidmgr: {hdisk} is not a 7135 disk array device on this node\n", 1
        error = array.set_status(drive, code)
        return (f"raidmgr: {error}\n", 1) if error else ("", 0)
    raise UsageError("Usage: smit raidant list | smit raidant drive hdiskN Drive 83|84\n")
