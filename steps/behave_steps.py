"""behave's entry into the step library: behave exec()s every steps/*.py; this one registers.

Usage::

    python -m behave features          # from the repo root (environment.py sits there)

The step functions themselves live in the ``*_steps.py`` modules beside this
file and in :mod:`steps.catalog`; see :mod:`steps.glue.behave_glue`.
"""

from steps.glue.behave_glue import register_steps

register_steps()
