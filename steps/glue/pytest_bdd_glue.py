"""The pytest plugin that runs the drills under pytest-bdd.

Usage::

    # conftest.py (repo root)
    pytest.register_assert_rewrite("steps")
    pytest_plugins = ["steps.glue.pytest_bdd_glue"]

    # or for a feature outside the repo tree:
    python -m pytest -p steps.glue.pytest_bdd_glue -p no:allure_pytest --alluredir out/ test_x.py

What it provides:

* one pytest-bdd step fixture per :class:`steps.registry.StepDef`, injected into
  this module (a plugin module's fixtures are visible to every test);
* the ``world`` fixture: a fresh :class:`steps.drill.Drill` per scenario;
* tags: ``@sec-X`` becomes an Allure ``book_id`` label and stays a marker
  (``-m "sec-6.2.1.1"``); ``@allure.label.NAME:VALUE`` becomes an Allure label,
  underscores read as spaces (Gherkin tags cannot hold spaces); every other tag
  found in the features is registered as a marker, so ``--strict-markers`` holds;
* at scenario end: the evidence attached to Allure and the journal written
  (reports/journal/pytest/, see :mod:`steps.report`).
"""

from __future__ import annotations

import sys
import warnings
from pathlib import Path

import pytest
from pytest_bdd import given, parsers, then, when

from steps.catalog import STEPS, TYPES
from steps.drill import Drill
from steps.report import BOOK_TAG, finish_drill, reports_dir

_DECORATORS = {"given": given, "when": when, "then": then}


def register_steps(stacklevel: int = 1) -> None:
    """Inject one step fixture per StepDef into the *caller's* module (pytest-bdd stacklevel)."""
    for sd in STEPS:
        _DECORATORS[sd.keyword](parsers.parse(sd.pattern, extra_types=TYPES), stacklevel=stacklevel + 1)(sd.func)


register_steps()


@pytest.fixture
def world() -> Drill:
    return Drill.from_env()


# --- configuration: markers and the default Allure directory -------------------------------
def feature_tags(base: Path) -> set[str]:
    tags: set[str] = set()
    for path in base.rglob("*.feature"):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip().startswith("@"):
                tags.update(t[1:] for t in line.split() if t.startswith("@"))
    return tags


@pytest.hookimpl(tryfirst=True)
def pytest_configure(config: pytest.Config) -> None:
    try:
        base = config.rootpath / config.getini("bdd_features_base_dir")
    except ValueError:  # no pytest-bdd ini option (cannot happen with pytest-bdd installed)
        base = config.rootpath
    for tag in sorted(feature_tags(base)) if base.is_dir() else ():
        if not tag.startswith("allure."):
            config.addinivalue_line("markers", f"{tag}: Gherkin tag of the drill features")
    # allure-pytest-bdd only records BDD scenarios: giving it a default directory costs unit runs nothing.
    if hasattr(config.option, "allure_report_dir") and not config.option.allure_report_dir:
        config.option.allure_report_dir = str(reports_dir() / "allure-results" / "pytest")


def pytest_bdd_apply_tag(tag: str, function: object) -> bool | None:
    import allure
    from allure_commons.mapping import parse_tag
    from allure_commons.model2 import Label, Link

    if m := BOOK_TAG.match(tag):
        allure.label("book_id", m["id"])(function)
        return None  # also a marker: selectable with -m, and an Allure tag
    if tag.startswith("allure."):
        parsed = parse_tag(tag)
        if isinstance(parsed, Label) and parsed.name != "tag":
            allure.label(parsed.name, parsed.value.replace("_", " "))(function)
            return True
        if isinstance(parsed, Link):
            allure.link(parsed.url, link_type=parsed.type, name=parsed.name)(function)
            return True
    return None


# --- the drill record -----------------------------------------------------------------------
def pytest_bdd_step_error(request, feature, scenario, step, step_func, step_func_args, exception) -> None:
    if not isinstance(exception, AssertionError):
        world: Drill = request.getfixturevalue("world")
        world.evidence.error(f"step '{step.keyword} {step.name}': {type(exception).__name__}: {exception}")


def pytest_bdd_step_func_lookup_error(request, feature, scenario, step, exception) -> None:
    world: Drill = request.getfixturevalue("world")
    world.evidence.error(f"undefined step '{step.keyword} {step.name}'")


def pytest_bdd_after_scenario(request, feature, scenario) -> None:
    # Called from pytest-bdd's `finally`: sys.exc_info() is the step failure, if any.
    error = sys.exc_info()[1]
    world: Drill = request.getfixturevalue("world")
    tags = sorted({*feature.tags, *scenario.tags})
    _describe(feature, scenario, tags)
    try:
        finish_drill(world, "pytest", scenario.name, feature.name, tags, failed=error is not None, error=error)
    except Exception as exc:
        if error is None:
            raise
        warnings.warn(f"could not record the drill {scenario.name!r}: {exc}", stacklevel=1)


def _describe(feature, scenario, tags: list[str]) -> None:
    """The drill's description in the report: the book sections' titles, then the feature's and
    the scenario's descriptions (the behave formatter writes the same)."""
    try:
        import allure
    except ImportError:
        return
    from steps.book import heading
    from steps.report import book_ids
    ids = book_ids(tags)
    parts = [heading(ids) + "." if ids else "", getattr(feature, "description", "") or "",
             getattr(scenario, "description", "") or ""]
    allure.dynamic.description("\n\n".join(p.strip() for p in parts if p and p.strip()))


__all__ = ["register_steps", "world", "feature_tags"]
