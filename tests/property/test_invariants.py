"""Random fault campaigns against the cluster, checked against invariants after every step.

Hypothesis draws a sequence of faults and repairs (Jepsen's nemesis),
some striking again within seconds, while detection or an event script is
still under way; the invariants, the checker, are read once the cluster has
settled (between faults, and always at the end). A failure prints as a short replayable list of lab acts.

Invariants (DESIGN.md "Beyond the book"):
* a non-concurrent resource group is held by one node at most;
* a service address is configured on one live node at most;
* a stable cluster manager locates each held group where it physically is;
* no line written on a shared file system is lost: it reads back on the
  node holding the group now (the lines are Faker sentences, seeded);
* the cluster always settles, and no act raises.

The serial link may be cut too. While the live nodes form more than one
partition the invariants are not checked: book 7.4 says a partitioned
cluster *does* break them. Once the partitions hear each other again, DGSP
(book 7.5) must have restored them.
"""

from __future__ import annotations

import os

from faker import Faker
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from hamodel.lab import Lab

NODES = ["nodeA", "nodeB"]
NICS = ["en0", "en1"]
COMMANDS = ["ifconfig en0 down", "ifconfig en1 down", "ifconfig en0 up", "ifconfig en1 up",
            "sh /etc/tcp.clean", "startsrc -g tcpip", "smit clstart", "smit clstop graceful",
            "smit clstop takeover", "cat /etc/hosts > /dev/kmem", "clruncmd nodeA", "clruncmd nodeB"]
# Not "smit clstop forced": a forced stop leaves the resources up with nobody watching them, and a
# node that then starts alone acquires them too (duplicate address, disk reserve reset), as real
# HACMP classic would (book 8.2.3.2). That hazard is drilled on purpose, not drawn at random.
#: Cases run, summed over the session, for the closing note.
CASES = {"steps": 0, "machines": 0}


class ClusterCampaign(RuleBasedStateMachine):
    fixture = "hotstandby"

    @initialize(seed=st.integers(0, 1000))
    def start(self, seed: int) -> None:
        CASES["machines"] += 1
        self.lab = Lab.load(self.fixture, seed)
        self.settled = False
        self.fake = Faker()
        self.fake.seed_instance(seed)
        #: shared file system -> the lines written there by a node that had it mounted
        self.written: dict[str, list[str]] = {}
        for node in NODES:
            self.lab.run(node, "smit clstart")

    def _after(self) -> None:
        CASES["steps"] += 1
        self.settled = False

    @rule()
    def settle(self) -> None:
        self.lab.settle(limit=3600)
        self.settled = True

    def teardown(self) -> None:
        """Whatever the last fault was, the cluster settles and the invariants hold then."""
        if hasattr(self, "lab"):
            self.settle()
            self.check_all()

    def check_all(self) -> None:
        self.group_on_one_node_at_most()
        self.service_address_on_one_node_at_most()
        self.cluster_managers_know_where_the_groups_are()
        self.no_write_lost()

    @rule()
    def write(self) -> None:
        """The application's users append a line to each group's shared file system, on the node
        that holds the group now (typed there, as the application would write it)."""
        CASES["steps"] += 1
        for group in self.lab.definition.resource_groups:
            holders = self.lab.holders(group.name)
            if len(holders) != 1:
                continue
            for fs in group.filesystems:
                line = self.fake.sentence()
                result = self.lab.run(holders[0], f"echo {line} >> {fs}/journal.txt")
                # On AIX a write under an unmounted mount point lands on the node's own disk:
                # it counts only if the file system was mounted there.
                if result.status == 0 and fs in self.lab.run(holders[0], "mount").output:
                    self.written.setdefault(fs, []).append(line)

    @rule(node=st.sampled_from(NODES), nic=st.sampled_from(NICS), plugged=st.booleans())
    def cable(self, node: str, nic: str, plugged: bool) -> None:
        self.lab.act(f"{'plug' if plugged else 'unplug'} {node} {nic}")
        self._after()

    @rule(plugged=st.booleans())
    def serial(self, plugged: bool) -> None:
        self.lab.act(f"{'plug' if plugged else 'unplug'} serial rs232_ab")
        self._after()

    def partitioned(self) -> bool:
        """Book 7.4: while the nodes cannot hear each other at all, both sides act; no invariant then."""
        return len(self.lab.world.cluster.topology.partitions()) > 1

    @rule(seconds=st.sampled_from([0.5, 2.0, 6.0, 15.0]))
    def strike_again_soon(self, seconds: float) -> None:
        """Let only a little time pass, so the next fault lands during detection or an event."""
        CASES["steps"] += 1
        self.lab.wait(seconds)

    @rule(hub=st.sampled_from(["hub1", "hub2"]), failed=st.booleans())
    def hub(self, hub: str, failed: bool) -> None:
        self.lab.act(f"{'fail' if failed else 'repair'} hub {hub}")
        self._after()

    @rule(node=st.sampled_from(NODES), on=st.booleans())
    def power(self, node: str, on: bool) -> None:
        self.lab.act(f"power {'on' if on else 'off'} {node}")
        self._after()

    @rule(node=st.sampled_from(NODES), command=st.sampled_from(COMMANDS))
    def typed(self, node: str, command: str) -> None:
        self.lab.run(node, command)
        self._after()

    @invariant()
    def group_on_one_node_at_most(self) -> None:
        if not self.settled or self.partitioned():
            return
        for group in self.lab.world.cluster.groups:
            holders = self.lab.holders(group)
            assert len(holders) <= 1, f"{group} held by {holders}\n{self.lab.transcript()}"

    @invariant()
    def service_address_on_one_node_at_most(self) -> None:
        if not self.settled or self.partitioned():
            return
        for _, adapter in self.lab.definition.adapters():
            if adapter.function != "service" or not adapter.ip:
                continue
            owners = [n for n, h in self.lab.world.hosts.items() if h.running and h.stack.owner_of(adapter.ip)]
            assert len(owners) <= 1, f"{adapter.label} on {owners}\n{self.lab.transcript()}"


    @invariant()
    def cluster_managers_know_where_the_groups_are(self) -> None:
        """What clfindres would say on a member agrees with where a group physically is."""
        cluster = self.lab.world.cluster
        if not self.settled or self.partitioned():
            return
        for group in cluster.groups:
            holders = self.lab.holders(group)
            for node in sorted(cluster.members()):
                manager = cluster.managers[node]
                if manager.view and manager.state == "ST_STABLE":
                    where = holders[0] if holders else None
                    assert manager.locations[group] == where, (
                        f"{node} locates {group} on {manager.locations[group]}, it is on {where}\n"
                        f"{self.lab.transcript()}")


    @invariant()
    def no_write_lost(self) -> None:
        """Every line written on a shared file system reads back, in order, where it is mounted now."""
        if not self.settled:
            return
        for group in self.lab.definition.resource_groups:
            holders = self.lab.holders(group.name)
            if len(holders) != 1:
                continue
            for fs in group.filesystems:
                expected = self.written.get(fs, [])
                text = self.lab.run(holders[0], f"cat {fs}/journal.txt").output if expected else ""
                assert text.splitlines() == expected, f"{fs} on {holders[0]}:\n{text}\nexpected {expected}"


class MutualCampaign(ClusterCampaign):
    fixture = "mutual"


class InactiveTakeoverCampaign(ClusterCampaign):
    fixture = "hotstandby_it"


#: HADRILL_CAMPAIGNS=400 for a longer hunt than CI's.
campaign_settings = settings(max_examples=int(os.environ.get("HADRILL_CAMPAIGNS", "50")), stateful_step_count=10, deadline=None,
                             suppress_health_check=[HealthCheck.too_slow])
TestHotStandbyCampaign = ClusterCampaign.TestCase
TestHotStandbyCampaign.settings = campaign_settings
TestMutualCampaign = MutualCampaign.TestCase
TestMutualCampaign.settings = campaign_settings
TestInactiveTakeoverCampaign = InactiveTakeoverCampaign.TestCase
TestInactiveTakeoverCampaign.settings = campaign_settings


def test_report_cases_run() -> None:
    """Prints how many campaigns and steps ran (pytest -s shows it; the closing note quotes it)."""
    print(f"\nproperty campaigns: {CASES['machines']} clusters, {CASES['steps']} fault steps")
