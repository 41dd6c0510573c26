"""allure-behave's formatter, with the drill labels pytest-bdd gets from its tag hook.

Usage (pyproject.toml)::

    [tool.behave.formatters]
    allure = "steps.glue.allure_behave:DrillAllureFormatter"

    python -m behave -f allure -o reports/allure-results/behave features

allure-behave maps ``@allure.label.NAME:VALUE`` tags itself, but has no dynamic
label API (allure-python#776). This formatter adjusts each scenario's result
as it is scheduled, so both runners give the same labels:

* ``@sec-6.2.1.1`` -> label ``book_id=6.2.1.1`` (the tag label stays);
* underscores in ``allure.label`` values read as spaces (``Chapter_6`` -> ``Chapter 6``);
* the description starts with the book sections' titles, then the feature's
  description (what HACMP does in these drills), then the scenario's, as
  pytest-bdd's does.
"""

from __future__ import annotations

from typing import Any

from allure_behave.formatter import AllureFormatter
from allure_behave.listener import AllureListener
from allure_commons.model2 import Label

from steps.book import heading
from steps.report import BOOK_TAG

#: Label names whose values come from tags the runners share (feature comes from the Feature name).
SPACED = {"epic", "story", "suite", "parentSuite", "subSuite", "owner"}


class DrillAllureListener(AllureListener):
    def start_scenario(self, scenario: Any) -> None:
        super().start_scenario(scenario)
        result = self.logger.get_test(self.current_scenario_uuid)
        if result is None:
            return
        for label in result.labels:
            if label.name in SPACED and isinstance(label.value, str):
                label.value = label.value.replace("_", " ")
        ids = []
        for tag in [*scenario.feature.tags, *scenario.tags]:
            if m := BOOK_TAG.match(tag):
                result.labels.append(Label(name="book_id", value=m["id"]))
                ids.append(m["id"])
        parts = [heading(ids) + "." if ids else "", "\n".join(scenario.feature.description or []),
                 "\n".join(scenario.description or [])]
        result.description = "\n\n".join(p for p in parts if p)


class DrillAllureFormatter(AllureFormatter):
    def __init__(self, stream_opener: Any, config: Any) -> None:
        super().__init__(stream_opener, config)
        import allure_commons

        # Swap the stock listener for ours: same logger, same registration slot.
        allure_commons.plugin_manager.unregister(self.listener)
        self.listener: AllureListener = DrillAllureListener(config)
        allure_commons.plugin_manager.register(self.listener)
