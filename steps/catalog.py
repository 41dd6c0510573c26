"""Every step of the library, ready for registration: imports each domain module once.

Usage::

    from steps.catalog import STEPS, TYPES
    for sd in STEPS:
        print(sd.keyword, sd.pattern, sd.where)
"""

from __future__ import annotations

from steps import cluster_steps, event_steps, fault_steps, network_steps, node_steps, resource_steps, storage_steps  # noqa: F401
from steps.registry import STEPS, TYPES, StepDef

DOMAINS = (cluster_steps, fault_steps, network_steps, event_steps, resource_steps, node_steps, storage_steps)

__all__ = ["STEPS", "TYPES", "StepDef", "DOMAINS"]
