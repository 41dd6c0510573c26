"""Steps that look at a node itself: its LED display and whether AIX runs.

Usage (Gherkin)::

    Then the LED of nodeA shows 888
    And AIX on nodeA is crashed
    When I wait up to 600 seconds for nodeA to reboot
    Then AIX on nodeA is running
    And the LED of nodeA is blank

An administrator reads the LED on the front panel; the lab gives it as
``lab.led(node)``. The AIX state (off, booting, running, crashed, halted) is
what the console shows, read as ``lab.host_state(node)``.
"""

from __future__ import annotations

from steps.drill import Drill
from steps.registry import step


@step("then", "the LED of {node:Name} shows {code:Code}")
def led_shows(world: Drill, node: str, code: str) -> None:
    world.evidence.check(f"LED of {node}", code, world.lab.led(node) or "blank", source=f"lab.led({node!r})")


@step("then", "the LED of {node:Name} is blank")
def led_blank(world: Drill, node: str) -> None:
    world.evidence.check(f"LED of {node}", "blank", world.lab.led(node) or "blank", source=f"lab.led({node!r})")


@step("then", "AIX on {node:Name} is {state:Name}")
def host_state(world: Drill, node: str, state: str) -> None:
    world.evidence.check(f"AIX on {node}", state, world.lab.host_state(node), source=f"lab.host_state({node!r})")


# STEPS FOR: the error log
@step("then", 'errpt on {node:Name} shows "{description}"')
def errpt_shows(world: Drill, node: str, description: str) -> None:
    from steps.observe import parse_errpt

    result = world.read(node, "errpt")
    seen = [f"{r.identifier} {r.description}" for r in parse_errpt(result.output)]
    world.evidence.check(f"error log of {node}", f"an entry {description}", "; ".join(seen) or "no entries",
                         passed=any(s.split(" ", 1)[1] == description for s in seen), source=f"{node}$ errpt")
