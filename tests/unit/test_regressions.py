"""Sequences a review found the model getting wrong, kept as tests (one per finding)."""

from __future__ import annotations

from hamodel.lab import Lab
from tests.conftest import started


def events_after(lab: Lab, node: str, t0_lines: int) -> list[str]:
    return [e.name for e in lab.events(node)[t0_lines:] if e.kind == "START"]


def test_node_dying_while_it_joins_is_declared_down_and_its_group_taken_over():
    lab = Lab.load("mutual", 1)
    for node in ("nodeA", "nodeB"):
        lab.run(node, "smit clstart")
    lab.wait(5)
    lab.run("nodeB", "cat /etc/hosts > /dev/kmem")
    lab.settle()
    lab.wait(120)
    lab.settle()
    assert any(e.name == "node_down" and e.args[:1] == ("nodeB",) for e in lab.events("nodeA"))
    assert lab.holders("rg2") == ["nodeA"] and lab.holders("rg1") == ["nodeA"]


def test_a_node_powered_off_during_an_event_writes_nothing_more():
    lab = Lab.load("mutual", 1)
    for node in ("nodeA", "nodeB"):
        lab.run(node, "smit clstart")
    lab.wait(30)
    lab.act("power off nodeB")
    lines = len(lab.hacmp_out("nodeB").splitlines())
    lab.settle()
    assert len(lab.hacmp_out("nodeB").splitlines()) == lines
    assert lab.world.cluster.managers["nodeA"].state == "ST_STABLE"
    assert lab.holders("rg2") == ["nodeA"]
    lab.act("power on nodeB")
    lab.settle()
    assert "vgb" not in lab.run("nodeB", "lsvg -o").output


def test_restart_after_forced_stop_and_reboot_acquires_the_group_again():
    lab = started()
    lab.run("nodeA", "smit clstop forced")
    lab.settle()
    lab.run("nodeA", "shutdown -Fr")
    lab.wait(200)
    lab.run("nodeA", "smit clstart")
    lab.settle()
    assert lab.holders("rg1") == ["nodeA"]
    assert "3 packets received" in lab.run("client1", "ping -c 3 nodeA_svc").output
    assert lab.run("nodeA", "ps -u appuser").output.count("appd") == 1


def test_restart_after_forced_stop_without_reboot_starts_nothing_twice():
    lab = started()
    lab.run("nodeA", "smit clstop forced")
    lab.settle()
    lab.run("nodeA", "smit clstart")
    lab.settle()
    assert lab.holders("rg1") == ["nodeA"]
    assert lab.run("nodeA", "ps -u appuser").output.count("appd") == 1


def test_a_second_clstop_while_the_first_runs_is_refused():
    for first, second in (("graceful", "takeover"), ("takeover", "forced")):
        lab = started()
        lab.run("nodeA", f"smit clstop {first}")
        lab.wait(1)
        refused = lab.run("nodeA", f"smit clstop {second}")
        assert refused.status == 1 and "already stopping" in refused.output
        lab.settle()
        expected = [] if first == "graceful" else ["nodeB"]
        assert lab.holders("rg1") == expected
        owners = [n for n in ("nodeA", "nodeB") if "sharedvg" in lab.run(n, "lsvg -o").output]
        assert owners == expected


def test_no_network_event_for_a_node_that_has_left():
    lab = started()
    lab.act("unplug nodeA en0")
    lab.settle()
    n = len(lab.events("nodeB"))
    lab.run("nodeA", "smit clstop graceful")
    lab.settle()
    assert "network_down" not in events_after(lab, "nodeB", n)


def test_ifconfig_takes_aix_hex_netmasks_and_refuses_bad_ones():
    lab = started()
    ok = lab.run("nodeA", "ifconfig en1 inet 192.168.20.1 netmask 0xffffff00 up")
    assert ok.status == 0
    bad = lab.run("nodeA", "ifconfig en1 inet 192.168.20.1 netmask foo up")
    assert bad.status == 1 and "bad value" in bad.output
    assert lab.run("nodeA", "ifconfig en1 netmask 255.0.255.0").status == 1
    assert lab.run("nodeA", "netstat -in").status == 0
    lab.settle()


def test_killing_inetd_stops_tcpip_like_stopsrc():
    lab = started()
    pid = next(line.split()[2] for line in lab.run("nodeA", "lssrc -s inetd").output.splitlines() if "inetd" in line)
    lab.run("nodeA", f"kill -9 {pid}")
    assert "100% packet loss" in lab.run("client1", "ping -c 1 nodeA_svc").output


def test_settle_returns_while_the_cluster_waits_for_clruncmd_even_with_a_node_joining():
    lab = started()
    lab.act("unplug nodeB en1")
    lab.settle()
    lab.act("power off nodeA")
    lab.settle()
    lab.act("power on nodeA")
    lab.wait(300)
    lab.run("nodeA", "smit clstart")
    lab.settle()  # nothing moves until an administrator types clruncmd
    assert lab.world.cluster.managers["nodeA"].state == "ST_JOINING"
    lab.act("plug nodeB en1")
    lab.run("nodeB", "clruncmd nodeB")
    lab.settle()
    lab.run("nodeB", "clruncmd nodeB")  # node_down_complete failed too: app1 had no /sharedfs
    lab.settle()
    assert lab.holders("rg1") == ["nodeA"]
