"""Steps that load a cluster, start and stop HACMP, and let virtual time pass.

Usage (Gherkin)::

    Given the "hotstandby" cluster is loaded
    And cluster services are started on nodeA and nodeB
    When I stop cluster services on nodeA gracefully with takeover
    And I wait until the cluster settles
    Then lssrc -g cluster on nodeA shows clstrmgr inoperative
    And the cluster manager on nodeB is in state ST_STABLE

HACMP is started and stopped as an administrator does, by typing on the node:
``smit clstart`` (with clinfo) and ``smit clstop graceful|takeover|forced``.
"""

from __future__ import annotations

from steps.drill import Drill
from steps.observe import parse_lssrc
from steps.registry import step

CLSTOP = {"gracefully": "graceful", "gracefully with takeover": "takeover", "forcefully": "forced"}


# STEPS FOR: the cluster under test
@step("given", 'the "{fixture}" cluster is loaded')
def given_cluster(world: Drill, fixture: str) -> None:
    """fixtures/<fixture>.yaml, with the run's seed ($HADRILL_SEED, default 1)."""
    world.load(fixture)


@step("given", 'the "{fixture}" cluster is loaded with seed {seed:d}')
def given_cluster_seed(world: Drill, fixture: str, seed: int) -> None:
    """A drill that depends on one particular seed pins it."""
    world.load(fixture, seed)


@step("given", "cluster services are started on {nodes:NodeList}")
def given_started(world: Drill, nodes: list[str]) -> None:
    for node in nodes:
        world.type(node, "smit clstart")
    world.lab.settle()


# STEPS FOR: starting and stopping HACMP
@step("when", "I start cluster services on {nodes:NodeList}")
def start_services(world: Drill, nodes: list[str]) -> None:
    for node in nodes:
        world.type(node, "smit clstart")


def _stop(world: Drill, node: str, how: str) -> None:
    # Stopping HACMP is the "fault" of the stop/takeover drills: it starts the takeover clock.
    world.type(node, f"smit clstop {CLSTOP[how]}", fault=True)


@step("when", "I stop cluster services on {node:Name} gracefully")
def stop_graceful(world: Drill, node: str) -> None:
    _stop(world, node, "gracefully")


@step("when", "I stop cluster services on {node:Name} gracefully with takeover")
def stop_takeover(world: Drill, node: str) -> None:
    _stop(world, node, "gracefully with takeover")


@step("when", "I stop cluster services on {node:Name} forcefully")
def stop_forced(world: Drill, node: str) -> None:
    _stop(world, node, "forcefully")


# STEPS FOR: virtual time
@step("when", "I wait until the cluster settles")
def settle(world: Drill) -> None:
    """Run until no event is queued or running for a quiet period (detection time + deferral)."""
    world.lab.settle()


@step("when", "I wait {seconds:d} seconds")
def wait(world: Drill, seconds: int) -> None:
    world.lab.wait(seconds)


# STEPS FOR: the cluster daemons
@step("then", "lssrc -g cluster on {node:Name} shows {subsystem:Name} {status:Name}")
def lssrc_status(world: Drill, node: str, subsystem: str, status: str) -> None:
    result = world.read(node, "lssrc -g cluster")
    found = {s.name: s.status for s in parse_lssrc(result.output)}
    observed = found.get(subsystem, f"no {subsystem} row ({_first_line(result.output)})")
    world.evidence.check(f"{subsystem} on {node}", status, observed, source=f"{node}$ lssrc -g cluster")


@step("then", "the cluster manager on {node:Name} is in state {state:Name}")
def clstrmgr_state(world: Drill, node: str, state: str) -> None:
    """``lssrc -ls clstrmgr`` ends with ``Current state: ST_STABLE`` (RP_FAILED after a failed event)."""
    result = world.read(node, "lssrc -ls clstrmgr")
    line = next((x for x in result.output.splitlines() if x.startswith("Current state:")), None)
    observed = line.split(":", 1)[1].strip() if line else f"no state line ({_first_line(result.output)})"
    world.evidence.check(f"cluster manager state on {node}", state, observed, source=f"{node}$ lssrc -ls clstrmgr")


def _first_line(text: str) -> str:
    return next((line.strip() for line in text.splitlines() if line.strip()), "empty output")
