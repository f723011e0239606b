"""Worked examples kept as data (tests/cases/calc/*.yaml), in the manner of openfisca's YAML tests.

Each case gives the inputs, the figures computed by hand from the articles, whether the
case is covered, and the articles (document number and words) some step must cite.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from zhengce.calc.rules import RULES

CASES = Path(__file__).parent.parent / "cases" / "calc"


def _cases() -> list[Any]:
    found = []
    for path in sorted(CASES.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for case in data["cases"]:
            rule = case.get("rule", data.get("rule"))
            found.append(pytest.param(rule, case, id=f"{path.stem}:{case['name']}"))
    return found


@pytest.mark.parametrize("rule, case", _cases())
def test_worked_example(rule: str, case: dict[str, Any]):
    result = RULES[rule].run({key: str(value) for key, value in case["inputs"].items()})
    assert result.covered is case.get("covered", True), result.as_dict()
    assert result.result == pytest.approx(case["expected"]), result.as_dict()
    cited = [step.citation for step in result.steps if step.citation]
    for article in case["articles"]:
        assert any(c.doc_number == article["doc"] and article["quote"] in c.quote for c in cited), (article, cited)
