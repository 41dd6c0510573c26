"""pytest entry for the drills: the step library arrives as a plugin module.

Usage::

    python -m pytest tests/test_features.py -p no:allure_pytest     # the drills under pytest-bdd
    python -m pytest tests/unit -p no:allure_pytest_bdd              # unit tests

Assertion rewriting is registered for ``steps`` *before* the plugin imports it,
so a bare ``assert`` in a step library module shows its values (harness notes §2.10).
"""

import pytest

pytest.register_assert_rewrite("steps")

pytest_plugins = ["steps.glue.pytest_bdd_glue"]
