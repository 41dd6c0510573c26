"""LVM: reserves, shared content, quorum at and after varyon, mirrors, stale partitions, syncvg."""

import pytest

from hamodel.aix import mirror, vgadmin
from hamodel.aix.lvm import Lvm
from hamodel.aix.vgda import LogicalVolume, LvCopy, Storage, VolumeGroup
from hamodel.hardware.disk import Disk


def storage(disks=2, copies=1, quorum=True):
    s = Storage()
    names = [f"hdisk{2 + i}" for i in range(disks)]
    for d in names:
        s.disks[d] = Disk(d, "00" + d, 1024, ["a", "b"])
    lv = LogicalVolume("lv", "jfs", 25, "/fs", [LvCopy(d, 1) for d in names[:copies]])
    log = LogicalVolume("loglv", "jfslog", 1, None, [LvCopy(d, 26) for d in names[:copies]])
    s.groups["vg"] = VolumeGroup("vg", "0001", 60, names, [log, lv], quorum=quorum)
    return s


def lvms(s):
    log: list = []
    a = Lvm("a", s, log=lambda label, res, detail: log.append(label))
    b = Lvm("b", s)
    a.define("vg")
    b.define("vg")
    a.errors = log
    return a, b


def test_reserve_keeps_a_second_node_out_until_varyoff():
    a, b = lvms(storage())
    assert a.varyonvg("vg") is None
    assert "0516-013" in b.varyonvg("vg")
    assert a.varyoffvg("vg") is None
    assert b.varyonvg("vg") is None


def test_content_written_on_one_node_is_read_on_the_other():
    s = storage()
    a, b = lvms(s)
    a.varyonvg("vg")
    a.mount("/fs")
    key, lv, _ = a.filesystem_of("/fs/x")
    assert a.write(key, lv, "x", "data\n") is None
    a.umount("/fs", busy=False)
    a.varyoffvg("vg")
    b.varyonvg("vg")
    b.mount("/fs")
    assert b.read("vg", lv, "x") == ("data\n", None)


def test_busy_filesystem_does_not_unmount_and_mounted_vg_does_not_vary_off():
    a, _ = lvms(storage())
    a.varyonvg("vg")
    a.mount("/fs")
    assert "busy" in a.umount("/fs", busy=True)
    assert "0516-012" in a.varyoffvg("vg")


def test_vgda_counts_two_disks_give_the_first_two():
    vg = storage().groups["vg"]
    assert [vg.vgdas(d) for d in vg.disks] == [2, 1] and vg.total_vgdas == 3


@pytest.mark.parametrize("pulled, quorum, ok", [
    ("hdisk2", True, False),   # 1 of 3 VGDAs left: no quorum (book 3.4.5.1)
    ("hdisk3", True, True),    # 2 of 3: more than half
    ("hdisk3", False, False),  # quorum off: every PV needed
])
def test_quorum_at_varyon(pulled, quorum, ok):
    s = storage(quorum=quorum)
    s.disks[pulled].pull()
    a, _ = lvms(s)
    error = a.varyonvg("vg")
    assert (error is None) == ok
    if not quorum:
        assert "0516-056" in error
        assert a.varyonvg("vg", force=True) is None  # varyonvg -f


def test_four_disks_half_lost_after_varyon_closes_with_quorum_stays_without():
    for quorum, stays in ((True, False), (False, True)):
        s = storage(disks=4, copies=2, quorum=quorum)
        a, _ = lvms(s)
        a.varyonvg("vg")
        a.mount("/fs")
        # a raw LV mirrored on hdisk4 and hdisk5: writing it finds both gone, 2 of 4 VGDAs left
        raw = LogicalVolume("rawlv", "raw", 10, None, [LvCopy("hdisk4", 60), LvCopy("hdisk5", 60)])
        s.groups["vg"].lvs.append(raw)
        s.disks["hdisk4"].pull()
        s.disks["hdisk5"].pull()
        assert a.write("vg", raw, "block:1", "y") is not None  # no copy could take it
        assert ("vg" in a.active) == stays
        assert ("LVM_SA_QUORCLOSE" in a.errors) != stays


def test_write_with_a_dead_mirror_marks_stale_and_syncvg_repairs():
    s = storage(disks=2, copies=2, quorum=False)
    a, _ = lvms(s)
    a.varyonvg("vg")
    a.mount("/fs")
    key, lv, _ = a.filesystem_of("/fs/z")
    s.disks["hdisk3"].pull()
    assert a.write(key, lv, "/fs/z", "during") is None  # the other copy took it
    assert lv.stale_pps > 0 and "LVM_SA_STALEPP" in a.errors and "LVM_SA_PVMISS" in a.errors
    assert a.read(key, lv, "/fs/z") == ("during", None)
    assert ("lv", "hdisk3") in mirror.syncvg(a, key)  # still out: nothing to sync onto
    s.disks["hdisk3"].insert()
    assert mirror.syncvg(a, key) == []
    assert lv.stale_pps == 0 and lv.copies[1].data["/fs/z"] == "during"


def test_mklvcopy_starts_stale_and_splitlvcopy_keeps_the_data():
    s = storage(disks=2, copies=1)
    a, _ = lvms(s)
    a.varyonvg("vg")
    lv = s.groups["vg"].lv("lv")
    a.write("vg", lv, "/fs/a", "A")
    assert mirror.mklvcopy(a, "lv", 2, ["hdisk3"]) is None
    assert lv.stale_pps == lv.lps
    assert "0516-633" in mirror.splitlvcopy(a, "lv", "backup", 1, force=False)
    mirror.syncvg(a, "vg")
    assert mirror.splitlvcopy(a, "lv", "backup", 1, force=False) is None
    backup = s.groups["vg"].lv("backup")
    assert backup.copies[0].data["/fs/a"] == "A" and len(lv.copies) == 1


def test_layout_change_bumps_the_time_stamp_only_in_the_changing_nodes_record():
    s = storage(disks=2)
    a, b = lvms(s)
    a.varyonvg("vg")
    mirror.mklvcopy(a, "lv", 2, [])
    assert a.odm["vg"].timestamp == s.groups["vg"].timestamp != b.odm["vg"].timestamp


def test_importvg_turns_auto_varyon_on_and_chvg_turns_it_off():
    s = storage()
    a, b = lvms(s)
    vgadmin.exportvg(b, "vg")
    out, error = vgadmin.importvg(b, "vg", "hdisk2")
    assert error is None and b.odm["vg"].auto_on and "vg" in b.active
    assert vgadmin.chvg(b, "vg", auto_on=False) is None and not b.odm["vg"].auto_on
    assert "0516-764" in vgadmin.exportvg(b, "vg")


def test_chvg_quorum_takes_effect_at_the_next_varyon():
    s = storage(disks=2, copies=2, quorum=True)
    a, _ = lvms(s)
    a.varyonvg("vg")
    vgadmin.chvg(a, "vg", quorum=False)
    assert a.active["vg"].quorum is True
    a.varyoffvg("vg")
    a.varyonvg("vg")
    assert a.active["vg"].quorum is False


def test_concurrent_varyon_places_no_reserve():
    s = storage()
    s.groups["vg"].concurrent_capable = True
    a, b = lvms(s)
    assert a.varyonvg("vg", concurrent=True) is None
    assert b.varyonvg("vg", concurrent=True) is None
    assert all(d.reserved_by is None for d in s.disks.values())
    c = Lvm("c", s)
    c.define("vg")
    s.groups["vg"].concurrent_capable = False
    assert "0516-949" in c.varyonvg("vg", concurrent=True)
