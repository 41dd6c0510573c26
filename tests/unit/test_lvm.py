"""LVM: varyon with reserves, mounts, shared file content, busy umount."""

from hamodel.aix.lvm import LogicalVolume, Lvm, Storage, VolumeGroup
from hamodel.hardware.disk import Disk


def storage():
    s = Storage()
    for d in ("hdisk2", "hdisk3"):
        s.disks[d] = Disk(d, "00" + d, 1024, ["a", "b"])
    s.groups["vg"] = VolumeGroup("vg", 60, ["hdisk2", "hdisk3"], [LogicalVolume("lv", "jfs", 100, "/fs")])
    return s


def lvms(s):
    a, b = Lvm("a", s), Lvm("b", s)
    a.imported = b.imported = ["vg"]
    return a, b


def test_reserve_keeps_a_second_node_out_until_varyoff():
    s = storage()
    a, b = lvms(s)
    assert a.varyonvg("vg") is None
    assert "0516-013" in b.varyonvg("vg")
    assert a.varyoffvg("vg") is None
    assert b.varyonvg("vg") is None


def test_content_written_on_one_node_is_read_on_the_other():
    s = storage()
    a, b = lvms(s)
    a.varyonvg("vg")
    a.mount("/fs")
    a.filesystem_of("/fs/x").files["/fs/x"] = "data\n"
    assert a.umount("/fs", busy=False) is None
    a.varyoffvg("vg")
    b.varyonvg("vg")
    b.mount("/fs")
    assert b.filesystem_of("/fs/x").files["/fs/x"] == "data\n"


def test_busy_filesystem_does_not_unmount_and_mounted_vg_does_not_vary_off():
    s = storage()
    a, _ = lvms(s)
    a.varyonvg("vg")
    a.mount("/fs")
    assert "busy" in a.umount("/fs", busy=True)
    assert "0516-012" in a.varyoffvg("vg")


def test_quorum_lost_at_varyon_when_half_the_disks_are_missing():
    s = storage()
    a, _ = lvms(s)
    s.disks["hdisk3"].powered = False
    assert "quorum" in a.varyonvg("vg")
