"""The command surface: AIX formats, AIX-style errors, never a traceback."""

import pytest

from hamodel.lab import Lab


@pytest.fixture
def fresh():
    return Lab.load("hotstandby", 1)


def test_netstat_in_shows_boot_address_before_hacmp_and_service_after(fresh):
    before = fresh.run("nodeA", "netstat -in").output
    assert "192.168.10.11" in before and "192.168.10.1 " not in before
    assert before.splitlines()[0].split() == ["Name", "Mtu", "Network", "Address", "Ipkts", "Ierrs", "Opkts", "Oerrs", "Coll"]
    assert "2.60.8c.2f.0.a0" in before  # burned-in MAC, dotted, no leading zeros
    fresh.run("nodeA", "smit clstart")
    fresh.settle()
    after = fresh.run("nodeA", "netstat -in").output
    assert "192.168.10.1 " in after and "42.0.c0.a8.a.1" in after


def test_unknown_command_and_bad_flag_get_aix_messages(fresh):
    r = fresh.run("nodeA", "frobnicate now")
    assert r.status == 127 and r.output == "ksh: frobnicate:  not found.\n"
    r = fresh.run("nodeA", "netstat -z")
    assert r.status != 0 and "Not a recognized flag" in r.output
    r = fresh.run("nodeA", 'echo "unterminated')
    assert r.status != 0 and "syntax error" in r.output


def test_ifconfig_down_marks_interface(fresh):
    fresh.run("nodeA", "ifconfig en1 down")
    assert "en1*" in fresh.run("nodeA", "netstat -in").output
    assert "<BROADCAST" in fresh.run("nodeA", "ifconfig en1").output


def test_clfindres_needs_the_cluster_manager(fresh):
    r = fresh.run("nodeA", "clfindres")
    assert r.status == 1 and "not running" in r.output


def test_ping_unknown_host(fresh):
    r = fresh.run("client1", "ping -c 1 nosuchhost")
    assert "NOT FOUND" in r.output and r.status == 1


def test_commands_on_a_crashed_node_get_no_answer(fresh):
    fresh.run("nodeA", "cat /etc/hosts > /dev/kmem")
    r = fresh.run("nodeA", "netstat -in")
    assert r.status == 255 and "888" in r.output


def test_errpt_format(fresh):
    out = fresh.run("nodeA", "errpt").output.splitlines()
    assert out[0] == "IDENTIFIER TIMESTAMP  T C RESOURCE_NAME  DESCRIPTION"
    assert out[1].startswith("9DBCFDEE   1122090099 T O errdemon")
    fresh.run("nodeA", "errclear 0")
    assert fresh.run("nodeA", "errpt").output.count("\n") == 1


def test_lssrc_group_cluster(fresh):
    out = fresh.run("nodeA", "lssrc -g cluster").output.splitlines()
    assert out[0] == "Subsystem         Group            PID          Status"
    assert out[1].split() == ["clstrmgr", "cluster", "inoperative"]
    fresh.run("nodeA", "smit clstart")
    assert fresh.run("nodeA", "lssrc -g cluster").output.splitlines()[1].split()[-1] == "active"


def test_files_on_an_unmounted_mount_point_go_to_rootvg(fresh):
    fresh.run("nodeA", "echo local >> /sharedfs/x")
    fresh.run("nodeA", "smit clstart")
    fresh.settle()
    # Now /sharedfs is mounted over the local directory: the local file is hidden.
    assert fresh.run("nodeA", "cat /sharedfs/x").status == 2


def test_mpcfg_needs_smp(fresh):
    fresh.world.nodes["nodeA"].smp = False
    assert fresh.run("nodeA", "mpcfg -cf 11 1").status == 1


def test_shutdown_fr_reboots_and_logs_reboot_id(fresh):
    fresh.run("nodeA", "shutdown -Fr")
    assert fresh.host_state("nodeA") == "booting"
    fresh.settle()
    assert fresh.host_state("nodeA") == "running"
    assert "2BFA76F6" in fresh.run("nodeA", "errpt").output


def test_crash_without_fast_reboot_waits_for_power_cycle(fresh):
    fresh.run("nodeA", "cat /etc/hosts > /dev/kmem")
    fresh.wait(600)
    assert fresh.host_state("nodeA") == "crashed" and fresh.led("nodeA") == "888"
    fresh.act("power off nodeA")
    fresh.act("power on nodeA")
    fresh.act("power off nodeA")  # a boot cut short never finishes
    fresh.wait(600)
    assert fresh.host_state("nodeA") == "off"
    fresh.act("power on nodeA")
    fresh.wait(600)
    assert fresh.host_state("nodeA") == "running" and fresh.led("nodeA") == ""


def test_uname_gives_the_cpu_id(fresh):
    assert fresh.run("nodeA", "uname -m").output == "000100014C00\n"
    assert fresh.run("nodeB", "uname -a").output == "AIX nodeB 3 4 000200024C00\n"
