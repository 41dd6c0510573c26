"""Every drill in features/ as a pytest-bdd test (steps come from steps.glue.pytest_bdd_glue).

Usage::

    python -m pytest tests/test_features.py -p no:allure_pytest -m "sec-6.2.2.1"
"""

from pytest_bdd import scenarios

scenarios(".")  # relative to bdd_features_base_dir = "features/"
