"""Binds tests/browser/failing.feature for pytest-bdd; run only by test_report_ui.py (not a test_ file)."""

from pytest_bdd import scenarios

scenarios("../tests/browser/failing.feature")  # relative to bdd_features_base_dir = "features/"
