"""Storage hardware (SSA loops, 7135 arrays), storage acts, and the storage commands' formats."""

import pytest

from hamodel.hardware.raid import Array7135
from hamodel.hardware.ssa import SsaLoop
from hamodel.lab import Lab, LabError
from hamodel.scheduler import Scheduler
from tests.conftest import started


def all_pass(item):
    return True


def test_ssa_loop_routes_round_the_other_way():
    loop = SsaLoop("l", [("a", "ssa0", "A"), "p0", "p1", ("b", "ssa0", "A"), "p2", "p3"])
    assert loop.reaches(("a", "ssa0"), "p2", all_pass)
    loop.unplug(0)  # a's A2 -> p0
    assert loop.hops(0, all_pass) == {"p3": (0, None), "p2": (1, None), "p1": (3, None), "p0": (4, None)}
    for cable, _ in loop.adapter_cables("a", "ssa0"):
        loop.unplug(cable)
    assert not loop.reaches(("a", "ssa0"), "p0", all_pass)
    assert all(loop.reaches(("b", "ssa0"), p, all_pass) for p in ("p0", "p1", "p2", "p3"))


def test_a_pulled_pdisk_breaks_the_loop_at_its_place():
    loop = SsaLoop("l", [("a", "ssa0", "A"), "p0", "p1", "p2"])
    present = {"p0": True, "p1": False, "p2": True}
    passes = lambda item: present.get(item, True)  # noqa: E731
    hops = loop.hops(0, passes)
    assert set(hops) == {"p0", "p2"}  # p0 forwards, p2 backwards; p1 gone


def array(raid=5, drives=("d1", "d2", "d3", "d4"), spares=("d4",)):
    sched = Scheduler(1)
    a = Array7135("array1", "7135-110", sched, list(drives), list(spares), ["bus1"])
    members = [d for d in drives if d not in spares]
    lun = a.add_lun("hdisk2", raid, members, 3000)
    return a, lun, sched


def test_raid5_rebuilds_onto_the_hot_spare_in_virtual_time():
    a, lun, sched = array()
    a.pull("d2")
    assert a.lun_state(lun) == "Reconstructing" and a.fault_light and "d4" in lun.members
    sched.run_until(lun.member_mb / 4.0 + 1)
    assert a.lun_state(lun) == "Optimal" and a.fault_light  # d2 is still failed
    a.insert("d2")
    assert a.drives["d2"].status == "Hot Spare" and not a.fault_light


def test_raid5_without_spare_loses_the_lun_to_a_second_drive():
    a, lun, _ = array(spares=())
    a.pull("d1")
    assert a.lun_state(lun) == "Degraded" and a.lun_available(lun)
    a.pull("d2")
    assert a.lun_state(lun) == "Dead" and not a.lun_available(lun)


def test_raid1_without_spare_needs_84_replace():
    a, lun, sched = array(raid=1, drives=("d1", "d2"), spares=())
    a.pull("d1")
    a.insert("d1")
    assert a.drives["d1"].status == "Failed" and a.lun_state(lun) == "Degraded"
    assert a.set_status("d1", "84") is None
    sched.run_until(lun.member_mb / 4.0 + 1)
    assert a.lun_state(lun) == "Optimal" and not a.fault_light
    assert "not one this lab models" in a.set_status("d1", "80")


def test_raid0_dies_with_any_drive():
    a, lun, _ = array(raid=0, spares=())
    a.set_status("d3", "83")
    assert a.lun_state(lun) == "Dead"


def test_storage_acts_name_what_is_wrong():
    lab = Lab.load("hotstandby_ssa", 1)
    with pytest.raises(LabError, match="no SSA disk"):
        lab.act("pull pdisk99")
    with pytest.raises(LabError, match="SSA logical disk: pull its pdisk"):
        lab.act("pull hdisk2")
    with pytest.raises(LabError, match="has no SSA adapter"):
        lab.act("unplug ssa nodeA ssa7")


def test_lsvg_l_and_lslv_m_follow_the_aix_printf_widths():
    lab = started("hotstandby_ssa")
    out = lab.run("nodeA", "lsvg -l sharedvg").output.splitlines()
    assert out[1] == "LV NAME             TYPE       LPs   PPs   PVs  LV STATE      MOUNT POINT"
    assert out[3] == "sharedlv            jfs        128   256   2    open/syncd    /sharedfs"
    m = lab.run("nodeA", "lslv -m sharedloglv").output.splitlines()
    assert m[0] == "sharedloglv:N/A" and m[2] == "0001  0001 hdisk2            0001 hdisk6"
    assert lab.run("nodeA", "lspv").output.splitlines()[2] == "hdisk2         00010001a0000002    sharedvg"


def test_lvm_commands_answer_like_aix():
    lab = started("hotstandby_ssa")
    assert "0516-306" in lab.run("nodeB", "varyonvg nosuchvg").output
    assert "0516-013" in lab.run("nodeB", "varyonvg sharedvg").output  # nodeA holds the reserve
    assert "0516-764" in lab.run("nodeA", "exportvg sharedvg").output
    assert "0301-168" in lab.run("nodeA", "bosboot -a -d /dev/hdisk1").output  # no hd5 copy there
    assert lab.run("nodeA", "sysdumpdev -l").output.startswith("primary              /dev/hd6")
    assert lab.run("nodeA", "ssaxlate -l hdisk6").output == "pdisk4\n"
    assert "0506-026" in lab.run("nodeA", "fsck /sharedfs").output  # mounted
    assert "0516-842" in lab.run("nodeA", "mklvcopy sharedlv 3 hdisk6").output  # a copy is there already


def test_dd_round_trip_on_a_raw_volume():
    lab = Lab.load("concurrent4", 1)
    for n in lab.world.hosts:
        lab.run(n, "smit clstart")
    lab.settle()
    lab.run("nodeA", "echo hello > /tmp/r")
    assert lab.run("nodeA", "dd if=/tmp/r of=/dev/rconclv seek=9 count=1").status == 0
    assert lab.run("nodeD", "dd if=/dev/rconclv skip=9 count=1").output.startswith("hello\n")
    assert lab.run("nodeD", "dd if=/dev/rnolv skip=9").status == 2


def test_no_bootable_disk_leaves_the_node_at_the_firmware():
    lab = Lab.load("hotstandby_rootvg", 1)
    lab.act("pull nodeA hdisk0")
    lab.act("pull nodeA hdisk1")
    lab.act("power off nodeA")
    lab.act("power on nodeA")
    assert (lab.host_state("nodeA"), lab.led("nodeA")) == ("halted", "E1F1")


def test_an_error_notification_object_runs_its_method():
    lab = started("hotstandby_raid5_notify")
    lab.act("fail scsi nodeA scsi1")
    lab.wait(120)
    assert lab.host_state("nodeA") == "halted"
    lab2 = started("hotstandby_raid5")
    lab2.act("fail scsi nodeA scsi1")
    lab2.wait(120)
    assert lab2.host_state("nodeA") == "running"


def test_storage_runs_are_byte_identical_for_the_same_seed():
    def run(seed):
        lab = started("hotstandby_ssa", seed)
        lab.run("nodeA", "echo one >> /sharedfs/x")
        lab.act("pull pdisk0")
        lab.run("nodeA", "mklvcopy sharedlv 3 hdisk7")
        lab.wait(90)
        lab.run("nodeA", "cat /etc/hosts > /dev/kmem")
        lab.settle()
        lab.act("insert pdisk0")
        lab.run("nodeB", "syncvg -v sharedvg")
        out = [lab.hacmp_out(n) + lab.run(n, "errpt -a").output + lab.run(n, "lsvg -l sharedvg").output
               for n in ("nodeB",)]
        return "".join(out) + lab.hacmp_out("nodeA") + lab.transcript()
    assert run(5) == run(5)
    assert run(5) != run(6)


# --- regressions from the storage review --------------------------------------------------
def test_a_returning_disk_is_reserved_again_so_no_second_node_can_vary_on():
    lab = started("hotstandby_ssa")
    for drawer in ("drawer1", "drawer2"):
        lab.act(f"power off drawer {drawer}")
        lab.wait(70)
        lab.act(f"power on drawer {drawer}")
        lab.run("nodeA", "syncvg -v sharedvg")
    assert "0516-013" in lab.run("nodeB", "varyonvg sharedvg").output


def test_every_node_mounts_its_own_rootvg_file_systems():
    lab = started("hotstandby_ssa")
    for node in ("nodeA", "nodeB"):
        assert "/dev/hd4" in lab.run(node, "df -k").output
        assert "open/syncd    /usr" in lab.run(node, "lsvg -l rootvg").output


def test_a_file_system_of_a_closed_group_stays_dead_until_unmounted():
    lab = started("hotstandby_raid5")
    lab.run("nodeA", "echo one > /sharedfs/a")
    lab.act("fail scsi nodeA scsi1")
    lab.wait(70)
    lab.act("repair scsi nodeA scsi1")
    assert lab.run("nodeA", "varyonvg sharedvg").status == 0
    assert lab.run("nodeA", "echo three > /sharedfs/c").status != 0


def test_stop_with_takeover_after_a_quorum_close_hands_the_disks_over():
    lab = started("hotstandby_raid5")
    lab.act("fail scsi nodeA scsi1")
    lab.wait(70)
    lab.run("nodeA", "smit clstop takeover")
    lab.settle()
    assert lab.holders("rg1") == ["nodeB"]


def test_a_restarted_rebuild_is_not_finished_by_the_first_ones_timer():
    lab = started("hotstandby_raid1")
    array = lab.world.san.arrays["array1"]
    lab.act("pull drive array1 d1")
    lab.act("insert drive array1 d1")
    lab.run("nodeA", "smit raidant drive hdisk2 d1 84")
    lab.wait(500)
    lab.act("pull drive array1 d1")
    lab.act("insert drive array1 d1")
    lab.run("nodeA", "smit raidant drive hdisk2 d1 84")
    lab.wait(600)  # the first rebuild would have ended here
    assert array.drives["d1"].status == "Reconstructing"
    lab.wait(500)
    assert array.drives["d1"].status == "Optimal"


def test_inserting_a_drive_that_is_in_place_is_refused():
    lab = started("hotstandby_raid5")
    lab.run("nodeA", "smit raidant drive hdisk2 d2 83")
    with pytest.raises(LabError, match="in its slot"):
        lab.act("insert drive array1 d2")
    assert lab.world.san.arrays["array1"].drives["d2"].status == "Failed"


def test_mirrorvg_mirrors_rootvg_but_the_dump_device_and_turns_quorum_off():
    lab = Lab.load("hotstandby_rootvg", 1)
    vg = lab.world.storage.groups["nodeA:rootvg"]
    for lv in vg.lvs:  # start from a single-copy rootvg on hdisk0 only
        lv.copies = lv.copies[:1]
    vg.quorum = True
    out = lab.run("nodeA", "mirrorvg rootvg hdisk1")
    assert out.status == 0 and "0516-1124" in out.output and "bootlist" in out.output
    copies = {lv.name: len(lv.copies) for lv in vg.lvs}
    assert copies["hd7"] == 1 and copies["hd4"] == 2 and not vg.quorum
    assert "stale" not in lab.run("nodeA", "lsvg -l rootvg").output


def test_rmlvcopy_keeps_the_fresh_copy():
    lab = started("hotstandby_ssa")
    lab.act("pull pdisk0")
    lab.run("nodeA", "echo x >> /sharedfs/f")
    assert lab.run("nodeA", "rmlvcopy sharedlv 1 hdisk2").status == 0
    lv = lab.world.storage.groups["sharedvg"].lv("sharedlv")
    assert [c.disk for c in lv.copies] == ["hdisk6"] and lv.stale_pps == 0
    assert lab.run("nodeA", "cat /sharedfs/f").output == "x\n"


def test_device_listings_name_the_storage_of_the_node():
    lab = started("hotstandby_ssa")
    disks = lab.run("nodeA", "lsdev -Cc disk").output
    assert "hdisk2" in disks and "SSA Logical Disk Drive" in disks and "hdisk1" in disks
    assert lab.run("nodeA", "lsdev -Cc pdisk").output.count("pdisk") == 8
    assert "node_number     1" in lab.run("nodeA", "lsattr -El ssar").output
    assert "00010001a0000002" in lab.run("nodeA", "lsattr -El hdisk2").output
    assert lab.run("nodeA", "logredo /dev/sharedloglv").status == 0
    assert "Not reachable" not in lab.run("nodeA", "diag -d ssa0 -T linkver").output
