"""The per-drill journal: book IDs from tags, and the simulated takeover time."""

from __future__ import annotations

from datetime import datetime

from steps.drill import Action
from steps.observe import parse_hacmp_out
from steps.report import book_ids, slug, stamp_seconds, takeover_time

EPOCH = datetime(1999, 11, 22, 9, 0, 0)

NODE_B = parse_hacmp_out("""\
Nov 22 09:00:15 EVENT COMPLETED: node_up_complete nodeB 0
Nov 22 09:00:50 EVENT START: node_down nodeA
Nov 22 09:01:02 EVENT COMPLETED: node_down nodeA 0
Nov 22 09:01:05 EVENT COMPLETED: node_down_complete nodeA 0
Nov 22 09:05:00 EVENT COMPLETED: node_up nodeA 0
""")


def test_book_ids_come_from_sec_tags_in_order():
    tags = ["@allure.label.epic:Chapter_6", "sec-6.2.2.1", "@sec-5.1.1", "wip"]
    assert book_ids(tags) == ["6.2.2.1", "5.1.1"]


def test_stamps_are_virtual_seconds():
    assert stamp_seconds("Nov 22 09:01:05", EPOCH) == 65.0


def test_takeover_time_runs_from_the_first_fault_to_the_last_completion_before_the_next_action():
    actions = [Action(10.0, "nodeA$ smit clstart", False), Action(41.5, "nodeA$ cat /etc/hosts > /dev/kmem", True),
               Action(200.0, "nodeA$ smit clstart", False)]
    # node_down_complete at 65 s is the end; node_up at 300 s belongs to the reintegration.
    assert takeover_time(actions, {"nodeB": NODE_B}, EPOCH) == 23.5


def test_takeover_time_without_a_later_action_takes_every_later_completion():
    actions = [Action(41.5, "! power off nodeA", True)]
    assert takeover_time(actions, {"nodeB": NODE_B}, EPOCH) == 258.5


def test_no_fault_no_takeover_time():
    assert takeover_time([Action(0.0, "nodeB$ smit clstart", False)], {"nodeB": NODE_B}, EPOCH) is None


def test_simultaneous_faults_do_not_end_the_window():
    actions = [Action(41.5, "! unplug nodeA en0", True), Action(41.5, "! unplug nodeA en1", True)]
    assert takeover_time(actions, {"nodeB": NODE_B}, EPOCH) == 258.5


def test_journal_names_are_file_safe():
    assert slug("Pull the service adapter's cable, plug it back") == "pull-the-service-adapter-s-cable-plug-it-back"
