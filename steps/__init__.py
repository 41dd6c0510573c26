"""The drill step library: plain step functions over the lab, shared by pytest-bdd and behave.

Usage::

    from steps.catalog import STEPS      # every StepDef, domain modules imported
    from steps.drill import Drill        # the `world` every step function receives

Layout (see docs/harness.md):

* :mod:`steps.registry` - ``StepDef``, the ``@step`` decorator, ``STEPS``, ``TYPES``.
* ``*_steps.py`` - one module per domain (cluster, fault, network, event, resource, node).
* :mod:`steps.observe` - pure parsers of the command outputs an administrator reads.
* :mod:`steps.evidence` - the expected-vs-observed record of a drill.
* :mod:`steps.drill` - the per-scenario world: a lab plus its evidence.
* :mod:`steps.report` - scenario end: Allure attachments and the JSON journal.
* ``glue/`` - the two thin registrations (pytest-bdd plugin, behave adapter).

behave ``exec()``s every ``steps/*.py`` file as a loose script; the modules here
only define things, and :func:`steps.registry.step` ignores re-registrations, so
that is harmless.
"""
