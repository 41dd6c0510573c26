"""Shared fixtures for the unit and property tests: a lab on a built-in fixture, cluster started."""

from __future__ import annotations

import pytest

from hamodel.lab import Lab


def started(fixture: str = "hotstandby", seed: int = 1) -> Lab:
    lab = Lab.load(fixture, seed)
    for node in ("nodeA", "nodeB"):
        lab.run(node, "smit clstart")
    lab.settle()
    return lab


@pytest.fixture
def lab() -> Lab:
    return started()
