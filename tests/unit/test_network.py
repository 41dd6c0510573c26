"""Hardware segments, the IP stack and ARP: packets go where cables, hubs and caches let them."""

from hamodel.aix.ip import IpFabric
from hamodel.aix.netstack import ARP_LIFETIME, NetStack
from hamodel.hardware.network import Hub, Nic, segment_of


def make(hubs=None):
    hubs = hubs or {"hub1": Hub("hub1"), "hub2": Hub("hub2", uplinks=["hub1"])}
    clock = [0.0]
    stacks = {}
    for host, iface, mac, hub, ip in [("a", "en0", "02:00:00:00:00:0a", "hub1", "10.0.0.1"),
                                      ("b", "en0", "02:00:00:00:00:0b", "hub2", "10.0.0.2"),
                                      ("b", "en1", "02:00:00:00:00:1b", "hub2", "10.0.1.2")]:
        stack = stacks.setdefault(host, NetStack(host))
        stack.add_nic(Nic(host, iface, "ether", mac, hub))
        stack.configure(iface, ip, "255.255.255.0")
    return IpFabric(hubs, stacks, lambda: clock[0]), stacks, hubs, clock


def test_bridged_hubs_form_one_segment_and_a_failed_hub_cuts_it():
    hubs = {"hub1": Hub("hub1"), "hub2": Hub("hub2", uplinks=["hub1"])}
    nic = Nic("a", "en0", "ether", "02:00:00:00:00:01", "hub2")
    assert segment_of(nic, hubs) == {"hub1", "hub2"}
    hubs["hub1"].failed = True
    assert segment_of(nic, hubs) == {"hub2"}
    nic.plugged = False
    assert segment_of(nic, hubs) is None


def test_packet_reaches_the_owner_and_fills_the_arp_cache():
    fabric, stacks, _, _ = make()
    hop = fabric.send(stacks["a"], "10.0.0.2")
    assert hop.ok and hop.host == "b" and hop.interface == "en0"
    assert stacks["a"].arp["10.0.0.2"].mac == "02:00:00:00:00:0b"


def test_no_route_is_a_local_error_and_an_unplugged_cable_loses_silently():
    fabric, stacks, _, _ = make()
    assert fabric.send(stacks["a"], "172.16.0.1").local_error
    stacks["a"].interfaces["en0"].nic.plugged = False
    hop = fabric.send(stacks["a"], "10.0.0.2")
    assert not hop.ok and not hop.local_error


def test_stale_arp_entry_loses_packets_until_it_expires():
    fabric, stacks, _, clock = make()
    assert fabric.send(stacks["a"], "10.0.0.2").ok
    # The address moves to b's other adapter (IP takeover without hardware address takeover).
    stacks["b"].configure("en1", "10.0.0.2", "255.255.255.0")
    stacks["b"].configure("en0", "10.0.1.2", "255.255.255.0")
    assert not fabric.send(stacks["a"], "10.0.0.2").ok
    clock[0] = ARP_LIFETIME + 1
    hop = fabric.send(stacks["a"], "10.0.0.2")
    assert hop.ok and hop.interface == "en1"


def test_stopped_stack_sends_nothing():
    fabric, stacks, _, _ = make()
    stacks["a"].running = False
    assert fabric.send(stacks["a"], "10.0.0.2").local_error


def test_announce_refreshes_an_existing_entry_of_the_hearers():
    fabric, stacks, _, _ = make()
    fabric.send(stacks["a"], "10.0.0.2")
    stacks["b"].configure("en1", "10.0.0.2", "255.255.255.0")
    stacks["b"].configure("en0", "10.0.1.2", "255.255.255.0")
    fabric.announce(stacks["b"], stacks["b"].interfaces["en1"], "10.0.0.2", "10.0.0.1")
    assert stacks["a"].arp["10.0.0.2"].mac == "02:00:00:00:00:1b"
