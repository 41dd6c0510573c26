"""Every step of every feature matches exactly one step definition, and every drill is tagged.

Runner-independent (harness notes §4.7): the features are compiled to pickles
with gherkin-official (outlines expanded, backgrounds merged) and each step
text is matched against the library's parse patterns, as both runners would.
"""

from __future__ import annotations

import re
from pathlib import Path

import parse
import pytest
from gherkin import Parser
from gherkin.pickles.compiler import Compiler

from steps.catalog import STEPS, TYPES

FEATURES = Path(__file__).resolve().parents[2] / "features"
KEYWORD = {"Context": "given", "Action": "when", "Outcome": "then"}
COMPILED = [(sd, parse.compile(sd.pattern, extra_types=TYPES)) for sd in STEPS]


def _documents():
    for path in sorted(FEATURES.glob("*.feature")):
        doc = Parser().parse(path.read_text(encoding="utf-8"))
        doc["uri"] = str(path.relative_to(FEATURES.parent))
        yield path, doc


DOCUMENTS = list(_documents())
PICKLES = [(path, pickle) for path, doc in DOCUMENTS for pickle in Compiler().compile(doc)]


def test_there_are_drills():
    assert len(PICKLES) >= 10


@pytest.mark.parametrize("path,pickle", PICKLES, ids=[p["name"][:60] for _, p in PICKLES])
def test_each_step_matches_exactly_one_definition(path, pickle):
    problems = []
    for st in pickle["steps"]:
        keyword = KEYWORD.get(st["type"])
        hits = [sd for sd, pattern in COMPILED if sd.keyword == keyword and pattern.parse(st["text"])]
        if len(hits) != 1:
            where = ", ".join(f"{h.pattern!r} ({h.where})" for h in hits) or "no definition"
            problems.append(f"{keyword} {st['text']!r}: {where}")
    assert not problems, f"{path.name} / {pickle['name']}:\n" + "\n".join(problems)


def test_no_two_definitions_share_a_pattern():
    seen = {}
    for sd in STEPS:
        key = (sd.keyword, sd.pattern)
        assert key not in seen, f"{sd.pattern!r} defined at {seen[key]} and {sd.where}"
        seen[key] = sd.where


def test_step_functions_take_world_first():
    for sd in STEPS:
        assert sd.func.__code__.co_varnames[0] == "world", sd.where


@pytest.mark.parametrize("path,pickle", PICKLES, ids=[p["name"][:60] for _, p in PICKLES])
def test_each_drill_names_its_book_section_and_story(path, pickle):
    tags = [t["name"] for t in pickle["tags"]]
    assert any(re.fullmatch(r"@sec-[\d.]+", t) for t in tags), f"{pickle['name']}: no @sec-<book id> tag"
    assert any(t.startswith("@allure.label.story:") for t in tags), f"{pickle['name']}: no story tag"
    assert any(t.startswith("@allure.label.epic:") for t in tags), f"{pickle['name']}: no epic (feature tag)"


def test_drill_names_are_unique():
    names = [p["name"] for _, p in PICKLES]
    assert len(names) == len(set(names))  # the journal file is named after the drill


def _descriptions(doc):
    feature = doc["feature"]
    yield feature["name"], feature.get("description", "")
    for child in feature["children"]:
        node = child.get("scenario") or child.get("background") or {}
        if node:
            yield node["name"], node.get("description", "")


@pytest.mark.parametrize("path,doc", DOCUMENTS, ids=[p.name for p, _ in DOCUMENTS])
def test_descriptions_are_readable_by_behave(path, doc):
    # behave matches step keywords case-insensitively: a description line that begins
    # with "when", "and"... is read as a step and the whole file fails to parse.
    keyword = re.compile(r"^(given|when|then|and|but)\b|^[*|@#]|^\"\"\"", re.IGNORECASE)
    bad = [f"{name}: {line.strip()!r}" for name, text in _descriptions(doc)
           for line in text.splitlines() if keyword.match(line.strip())]
    assert not bad, "\n".join(bad)


@pytest.mark.parametrize("path,doc", DOCUMENTS, ids=[p.name for p, _ in DOCUMENTS])
def test_every_scenario_has_a_description(path, doc):
    missing = [child["scenario"]["name"] for child in doc["feature"]["children"]
               if "scenario" in child and not child["scenario"].get("description", "").strip()]
    assert not missing, f"{path.name}: scenarios without a description: {missing}"


def test_the_step_vocabulary_in_the_docs_is_complete():
    doc = (FEATURES.parent / "docs" / "harness.md").read_text(encoding="utf-8")
    missing = [sd.pattern for sd in STEPS if f"`{sd.pattern}`" not in doc]
    assert not missing, f"docs/harness.md does not list: {missing}"


def test_every_book_id_of_the_drills_has_a_title():
    import re

    from steps.book import TITLES
    used = {m for path in FEATURES.glob("*.feature") for m in re.findall(r"@sec-([\d.]+)", path.read_text())}
    assert not sorted(used - set(TITLES)), f"steps/book.py has no title for {sorted(used - set(TITLES))}"


def test_one_epic_name_per_chapter():
    import re

    epics = {re.search(r"@allure\.label\.epic:(\S+)", p.read_text()).group(1) for p in FEATURES.glob("*.feature")}
    chapters = [e.split("_-_")[0] for e in epics]
    assert len(chapters) == len(set(chapters)), f"two names for one chapter: {sorted(epics)}"
