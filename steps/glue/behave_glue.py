"""The behave side: register the step library with behave, and the scenario hooks.

Usage::

    # steps/behave_steps.py (the only file behave needs in steps/)
    from steps.glue.behave_glue import register_steps
    register_steps()

    # environment.py (repo root)
    from steps.glue.behave_glue import before_scenario, after_scenario

Registration goes through ``behave.given/when/then``, never through
``behave.step_registry.registry`` (behave replaces that object at start-up;
harness notes §4.5). Each step function is wrapped with ``functools.wraps`` so
behave reports the library's file and line, and the wrapper turns
``context.table`` into the ``datatable`` list pytest-bdd would pass.
"""

from __future__ import annotations

import functools
import inspect
from typing import Any, Callable

from steps.catalog import STEPS, TYPES
from steps.drill import Drill
from steps.report import finish_drill

_registered = False


def _adapt(func: Callable[..., None]) -> Callable[..., None]:
    wants = inspect.signature(func).parameters

    @functools.wraps(func)
    def behave_step(context: Any, **kwargs: Any) -> None:
        if "datatable" in wants:
            table = context.table
            kwargs["datatable"] = ([list(table.headings)] + [list(row.cells) for row in table.rows]
                                   if table is not None else [])
        if "docstring" in wants:
            kwargs["docstring"] = context.text
        return func(context.world, **kwargs)
    return behave_step


def register_steps() -> None:
    global _registered
    if _registered:  # behave exec()s step files; registering twice would make every step ambiguous
        return
    import behave

    behave.register_type(**TYPES)
    decorators = {"given": behave.given, "when": behave.when, "then": behave.then}
    for sd in STEPS:
        decorators[sd.keyword](sd.pattern)(_adapt(sd.func))
    _registered = True


# --- hooks (environment.py re-exports them) ------------------------------------------------
def before_scenario(context: Any, scenario: Any) -> None:
    context.world = Drill.from_env()


def after_scenario(context: Any, scenario: Any) -> None:
    from behave.model_core import Status

    world: Drill = context.world
    failed = scenario.status not in (Status.passed, Status.skipped)
    for st in scenario.steps:
        if st.status == Status.undefined:
            world.evidence.error(f"undefined step '{st.keyword} {st.name}'")
        elif st.status in (Status.failed, Status.error) and st.exception is not None \
                and not isinstance(st.exception, AssertionError):
            world.evidence.error(f"step '{st.keyword} {st.name}': {type(st.exception).__name__}: {st.exception}")
    tags = [*scenario.feature.tags, *scenario.tags]
    finish_drill(world, "behave", scenario.name, scenario.feature.name, tags, failed=failed)
