"""The lab facade and its scripted mode."""

from pathlib import Path

import pytest

from hamodel.lab import Lab, LabError
from hamodel.labscript import replay

ROOT = Path(__file__).resolve().parents[2]


def test_crash_script_replays_with_a_takeover_and_reintegration():
    lab = Lab.load("hotstandby", 1)
    out = replay(lab, (ROOT / "examples/crash.lab").read_text(), "examples/crash.lab")
    assert "EVENT START: node_down nodeA" in out
    assert "rg1         cascading  UP         nodeB" in out
    assert out.rstrip().endswith("----------------------------------------------------------------")
    assert "rg1         cascading  UP         nodeA" in out.split("nodeA$ clfindres")[-1]
    assert "3 packets received" in out


def test_ssa_adapter_script_shows_stale_copies_then_resyncs():
    lab = Lab.load("hotstandby_ssa", 1)
    out = replay(lab, (ROOT / "examples/ssa_adapter.lab").read_text(), "examples/ssa_adapter.lab")
    before, after = out.split("! plug ssa nodeA ssa0")
    assert "open/stale" in before and "LINK OPEN" in before
    assert "open/stale" not in after and "written during the failure" in after


def test_script_errors_name_file_and_line_and_keep_what_ran():
    lab = Lab.load("hotstandby", 1)
    with pytest.raises(LabError, match=r"^drill.lab:3: unknown act 'unplug the moon'") as caught:
        replay(lab, "nodeA$ smit clstart\n# fine\n! unplug the moon\nsettle\n", "drill.lab")
    assert lab.world.cluster.alive("nodeA")
    assert "nodeA$ smit clstart" in caught.value.transcript and "clstrmgr Subsystem has been started" in caught.value.transcript


@pytest.mark.parametrize("line, message", [
    ("nodeZ$ ls", "unknown host 'nodeZ'"),
    ("wait soon", "wait needs a number"),
    ("jump", "cannot read 'jump'"),
    ("! unplug nodeA en7", "nodeA has no adapter en7"),
])
def test_bad_lines_get_clear_errors(line, message):
    with pytest.raises(LabError, match=message):
        replay(Lab.load("hotstandby", 1), line, "x.lab")


def test_observations_change_nothing():
    lab = Lab.load("hotstandby", 1)
    before = (lab.now, lab.hacmp_out("nodeA"), len(lab.timeline))
    lab.holders("rg1"), lab.label_location("nodeA_svc"), lab.events("nodeA"), lab.led("nodeA")
    assert before == (lab.now, lab.hacmp_out("nodeA"), len(lab.timeline))


def test_settle_gives_up_with_a_clear_error_when_the_cluster_never_settles():
    lab = Lab.load("hotstandby", 1)
    lab.run("nodeA", "smit clstart")
    with pytest.raises(LabError, match="did not settle within 1 s"):
        lab.settle(limit=1)
