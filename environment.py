"""behave hooks for the drills (behave loads this file from the repo root, beside steps/).

Usage::

    python -m behave features                       # progress output + Allure results (pyproject)
    python -m behave --tags=@sec-6.2.2.1 features   # one drill

Each scenario gets a fresh drill world; at its end the evidence goes to Allure
and the journal to reports/journal/behave/ (see steps/glue/behave_glue.py).
"""

from steps.glue.behave_glue import after_scenario, before_scenario

__all__ = ["before_scenario", "after_scenario"]
