"""Load a cluster definition from YAML and check it against the book's planning rules.

Usage::

    from hamodel.definition import DefinitionError, load_definition

    try:
        definition = load_definition("fixtures/hotstandby.yaml")  # a ClusterDefinition
    except DefinitionError as err:
        for problem in err.problems:  # Problem(file, line, rule, message)
            print(problem)  # fixtures/bad/cluster_id.yaml:3: [4.2.1] cluster id 123456 is ...

Modules: :mod:`.loader` reads the YAML (safe loader, with line numbers) and
builds the dataclasses; :mod:`.rules` holds the schema and the name-reference
checks; :mod:`.rules_book` the book's planning rules; :mod:`.errors` the
problem and error types.
"""

from __future__ import annotations

from hamodel.definition.errors import DefinitionError, Problem
from hamodel.definition.loader import load_definition

__all__ = ["DefinitionError", "Problem", "load_definition"]
