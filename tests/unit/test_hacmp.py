"""HACMP mechanisms end to end on the hot-standby fixture: verdicts become the book's events."""

from hamodel.lab import Lab
from tests.conftest import started


def names(lab, node, since=0):
    return [e.name for e in lab.events(node) if e.kind == "START"][since:]


def cut_every_path(lab):
    """Book 7.4's isolation: the serial cable and every Ethernet cable of both nodes pulled."""
    lab.act("unplug serial rs232_ab")
    for node in ("nodeA", "nodeB"):
        for iface in ("en0", "en1"):
            lab.act(f"unplug {node} {iface}")


def test_start_brings_rg1_to_nodeA_with_service_address_and_hwat(lab):
    assert lab.holders("rg1") == ["nodeA"]
    assert lab.label_location("nodeA_svc") == ("nodeA", "en0")
    assert lab.world.nics[("nodeA", "en0")].mac == "42:00:c0:a8:0a:01"


def test_crash_gives_node_down_only_on_the_survivor(lab):
    n = len(names(lab, "nodeB"))
    lab.run("nodeA", "cat /etc/hosts > /dev/kmem")
    lab.settle()
    seq = names(lab, "nodeB", n)
    assert seq[:2] == ["node_down", "node_down_remote"]
    assert "network_down" not in seq and "swap_adapter" not in seq
    assert lab.holders("rg1") == ["nodeB"]


def test_node_with_live_serial_heartbeat_is_not_down():
    lab = started()
    n = len(names(lab, "nodeB"))
    lab.run("nodeA", "sh /etc/tcp.clean")
    lab.settle()
    seq = names(lab, "nodeB", n)
    assert seq == ["network_down", "network_down_complete"]
    assert [e.args for e in lab.events("nodeB") if e.name == "network_down"][-1] == ("nodeA", "ether1")
    assert lab.holders("rg1") == ["nodeA"]


def test_cutting_serial_and_ip_partitions_the_cluster_and_both_sides_act():
    lab = started()
    cut_every_path(lab)
    lab.settle()
    # Book 7.4: each side thinks the other died; nodeB's takeover fails on nodeA's disk reserve.
    assert "node_down" in names(lab, "nodeA") and "node_down" in names(lab, "nodeB")
    assert lab.holders("rg1") == ["nodeA"]
    assert "reserved by another host" in lab.hacmp_out("nodeB")


def test_detection_rate_sets_detection_time():
    times = {}
    for rate in ("fast", "slow"):
        lab = started()
        for net in lab.definition.networks:
            net.detection_rate = rate
        lab = Lab(lab.definition, 1)
        for node in ("nodeA", "nodeB"):
            lab.run(node, "smit clstart")
        lab.settle()
        t0 = lab.now
        lab.act("unplug nodeA en0")
        while not any(e.name == "swap_adapter" for e in lab.events("nodeA")):
            lab.wait(0.25)
        times[rate] = lab.now - t0
    assert times["fast"] < times["slow"]


def test_same_seed_same_acts_give_byte_identical_logs():
    def run(seed):
        lab = started(seed=seed)
        lab.run("nodeA", "cat /etc/hosts > /dev/kmem")
        lab.settle()
        lab.act("power off nodeA")
        lab.act("power on nodeA")
        lab.settle()
        lab.run("nodeA", "smit clstart")
        lab.settle()
        return lab.hacmp_out("nodeA") + lab.hacmp_out("nodeB") + lab.transcript()
    assert run(3) == run(3)
    assert run(3) != run(4)


def test_customised_commands_run_on_every_node_of_the_event():
    lab = started("hotstandby_custom")
    lab.run("nodeA", "sh /etc/tcp.clean")
    lab.settle()
    for node in ("nodeA", "nodeB"):
        assert lab.file(node, "/tmp/network_events.log") == "post-event: network_down nodeA ether1\n"
        assert lab.file(node, "/tmp/notify.log").count("notify: network_down nodeA ether1") == 2


def test_a_forced_node_down_runs_no_customised_command():
    lab = started("hotstandby_custom")
    lab.run("nodeA", "smit clstop forced")
    lab.settle()
    assert any(e.name == "node_down" for e in lab.events("nodeB"))
    assert lab.file("nodeB", "/tmp/node_events.log") == ""
    lab.run("nodeA", "smit clstart")
    lab.settle()
    lab.run("nodeA", "smit clstop graceful")
    lab.settle()
    assert lab.file("nodeB", "/tmp/node_events.log") == "post-event: node_down nodeA graceful\n"


def test_failed_takeover_stops_event_processing_until_clruncmd():
    """Book 7.2 and 4.3.1.1: with nodeB's only standby gone, nodeB cannot take nodeA's address."""
    lab = started()
    lab.act("unplug nodeB en1")
    lab.settle()
    lab.act("power off nodeA")
    lab.settle()
    failed = [e for e in lab.events("nodeB") if e.kind == "COMPLETED" and e.rc]
    assert [(e.name, e.rc) for e in failed] == [("acquire_takeover_addr", 1), ("node_down_remote", 1), ("node_down", 1)]
    assert not any(e.name == "get_disk_vg_fs" for e in lab.events("nodeB"))  # the script exited
    assert lab.run("nodeB", "lssrc -ls clstrmgr").output.splitlines()[-1] == "Current state: RP_FAILED"
    lab.wait(400)
    assert "config_too_long" in lab.hacmp_out("nodeB")
    assert lab.run("nodeB", "clruncmd nodeB").status == 0
    lab.settle()
    # node_down_complete then fails too: app1 cannot start without /sharedfs.
    assert "cannot open /sharedfs/app.conf" in lab.hacmp_out("nodeB")
    assert lab.world.cluster.managers["nodeB"].state == "RP_FAILED"
    assert lab.run("nodeB", "clruncmd nodeB").status == 0
    lab.settle()
    assert lab.world.cluster.managers["nodeB"].state == "ST_STABLE"
    assert lab.run("nodeB", "clruncmd nodeB").status == 1
    assert any(e.name == "node_down_complete" for e in lab.events("nodeB"))
    assert "rg1         cascading  ERROR" in lab.run("nodeB", "clfindres").output
    assert lab.holders("rg1") == []


def test_partitions_meeting_again_halt_the_smaller_or_lower_one():
    """Book 7.5: after a partition the reconnected cluster sends DGSP to nodeB (B is 'lower' than A)."""
    lab = started()
    cut_every_path(lab)
    lab.settle()
    assert lab.label_location("nodeA_svc") is not None
    lab.act("plug serial rs232_ab")
    lab.settle()
    assert lab.host_state("nodeB") == "halted" and lab.host_state("nodeA") == "running"
    assert "DGSP message from nodeA" in lab.hacmp_out("nodeB")
    assert lab.holders("rg1") == ["nodeA"]
