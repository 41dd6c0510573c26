"""The command-output parsers of steps.observe, on samples of AIX's own formats."""

from __future__ import annotations

import pytest

from steps.observe import (
    addresses_on, interface_of, mac_of, normalise_mac, parse_arp, parse_clfindres, parse_errpt,
    parse_hacmp_out, parse_lssrc, parse_lsvg_o, parse_netstat_in, parse_ping, parse_ps,
)

NETSTAT = """\
Name  Mtu   Network     Address            Ipkts Ierrs    Opkts Oerrs  Coll
lo0   16896 link#1                               0     0        0     0     0
lo0   16896 127         127.0.0.1                0     0        0     0     0
en0*  1500  link#2      2.60.8c.2f.0.a0        146     0      146     0     0
en0*  1500  192.168.20  192.168.20.1           146     0      146     0     0
en1   1500  link#3      42.0.c0.a8.a.1         166     0      166     0     0
en1   1500  192.168.10  192.168.10.1           166     0      166     0     0
"""

CLFINDRES = """\
----------------------------------------------------------------
GroupName   Type       State      Location
---------   ------     -----      --------
rg1         cascading  UP         nodeA
rg2         cascading  DOWN
----------------------------------------------------------------
"""

PING = """\
PING nodeA_svc: (192.168.10.1): 56 data bytes
64 bytes from 192.168.10.1: icmp_seq=0 ttl=255 time=0 ms
64 bytes from 192.168.10.1: icmp_seq=1 ttl=255 time=0 ms

----nodeA_svc PING Statistics----
3 packets transmitted, 2 packets received, 33% packet loss
"""

HACMP_OUT = """\
Nov 22 09:00:50 EVENT START: node_down nodeA
Nov 22 09:00:50 EVENT START: node_down_remote nodeA
+ ifconfig en1 inet 192.168.10.1 netmask 255.255.255.0 up
Nov 22 09:01:01 EVENT COMPLETED: node_down_remote nodeA 0
Nov 22 09:01:02 EVENT COMPLETED: node_down nodeA 0
Nov 22 09:07:02 EVENT START: config_too_long 360 node_down nodeA
WARNING: The cluster has been in reconfiguration too long;Something may be wrong.
Nov 22 09:07:09 EVENT COMPLETED: network_down -1 ether1 -1
"""


def test_netstat_rows_strip_the_down_star_and_normalise_macs():
    rows = parse_netstat_in(NETSTAT)
    en0 = [r for r in rows if r.name == "en0"]
    assert [r.up for r in en0] == [False, False]
    assert mac_of(rows, "en1") == "42:00:c0:a8:0a:01"
    assert mac_of(rows, "lo0") is None  # loopback has no hardware address
    assert addresses_on(rows, "en0") == ["192.168.20.1"]
    assert interface_of(rows, "192.168.10.1") == "en1"
    assert interface_of(rows, "192.168.10.11") is None


def test_netstat_of_an_error_message_has_no_rows():
    assert parse_netstat_in("ksh: netstat: not found\n") == []


@pytest.mark.parametrize("text", ["42.0.c0.a8.a.1", "42:0:c0:a8:a:1", "42:00:C0:A8:0A:01"])
def test_mac_forms_normalise_alike(text):
    assert normalise_mac(text) == "42:00:c0:a8:0a:01"


def test_a_mac_needs_six_parts():
    with pytest.raises(ValueError):
        normalise_mac("42:00:c0")


def test_clfindres_rows_with_and_without_location():
    rows = parse_clfindres(CLFINDRES)
    assert [(r.name, r.type, r.state, r.location) for r in rows] == [
        ("rg1", "cascading", "UP", "nodeA"), ("rg2", "cascading", "DOWN", "")]


def test_clfindres_group_in_error():
    rows = parse_clfindres("GroupName   Type       State      Location\nrg1         cascading  ERROR\n")
    assert [(r.name, r.state, r.location) for r in rows] == [("rg1", "ERROR", "")]


def test_clfindres_error_has_no_rows():
    assert parse_clfindres("clfindres: the cluster manager is not running on this node\n") == []


def test_lsvg_o_lists_names_and_ignores_errors():
    assert parse_lsvg_o("sharedvg\nrootvg\n") == ["sharedvg", "rootvg"]
    assert parse_lsvg_o("0516-010 lsvg: Volume group must be varied on; use varyonvg command.\n") == []


def test_ps_rows():
    rows = parse_ps("     UID   PID    TTY  TIME CMD\n     300  8203      -  0:00 appd\n")
    assert [(r.uid, r.pid, r.tty, r.time, r.cmd) for r in rows] == [(300, 8203, "-", "0:00", "appd")]
    assert parse_ps("     UID   PID    TTY  TIME CMD\n") == []


def test_ping_statistics():
    stats = parse_ping(PING)
    assert (stats.transmitted, stats.received, stats.loss_percent) == (3, 2, 33)
    assert parse_ping("ping: unknown host nodeZ\n") is None


def test_arp_entries():
    text = ("  nodeA_svc (192.168.10.1) at 42:0:c0:a8:a:1 [ethernet] stored in bucket 27\n"
            "  nodeB_svc (192.168.10.2) at (incomplete)\n")
    a, b = parse_arp(text)
    assert (a.name, a.ip, a.mac, a.kind) == ("nodeA_svc", "192.168.10.1", "42:00:c0:a8:0a:01", "ethernet")
    assert (b.name, b.mac) == ("nodeB_svc", None)


def test_hacmp_out_events_skip_trace_lines_and_read_the_exit_status():
    events = parse_hacmp_out(HACMP_OUT)
    assert [(e.kind, e.text(), e.rc) for e in events] == [
        ("START", "node_down nodeA", None),
        ("START", "node_down_remote nodeA", None),
        ("COMPLETED", "node_down_remote nodeA", 0),
        ("COMPLETED", "node_down nodeA", 0),
        ("START", "config_too_long 360 node_down nodeA", None),
        ("COMPLETED", "network_down -1 ether1", -1),
    ]
    assert events[0].stamp == "Nov 22 09:00:50"
    assert events[-1].args == ("-1", "ether1")


def test_lssrc_active_and_inoperative():
    text = ("Subsystem         Group            PID          Status\n"
            " clstrmgr         cluster          5554         active\n"
            " clinfo           cluster                       inoperative\n")
    rows = parse_lssrc(text)
    assert [(r.name, r.group, r.pid, r.status) for r in rows] == [
        ("clstrmgr", "cluster", 5554, "active"), ("clinfo", "cluster", None, "inoperative")]


def test_errpt_rows():
    text = ("IDENTIFIER TIMESTAMP  T C RESOURCE_NAME  DESCRIPTION\n"
            "F3931284   1122090199 I H ent1           ETHERNET NETWORK RECOVERY MODE\n")
    (row,) = parse_errpt(text)
    assert (row.identifier, row.type, row.klass, row.resource) == ("F3931284", "I", "H", "ent1")
    assert row.description == "ETHERNET NETWORK RECOVERY MODE"
