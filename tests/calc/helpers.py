"""Checks shared by the calculator tests: a case left out is a 0 result that cites why."""

from __future__ import annotations

import re
from collections.abc import Callable

from zhengce.calc.engine import CalculationError, Result


def outside(result: Result, words: str) -> Result:
    """Not covered: every figure 0, and the step says why, with the article quoted."""
    assert not result.covered and set(result.result.values()) == {0.0}, result.as_dict()
    step = result.steps[0]
    assert step.citation is not None, step
    assert re.search(words, f"{step.text} {step.citation.quote}"), (words, step)
    return result


def refused_or_outside(run: Callable[[], Result], words: str) -> None:
    """A refusal (bad input) or a case left out, whichever the rule meets first; both must say why."""
    try:
        result = run()
    except CalculationError as error:
        assert re.search(words, str(error)), (words, str(error))
        return
    outside(result, words)
