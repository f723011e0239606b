"""GET /api/calc, GET /api/calc/{name}, POST /api/calc/{name}: calculators with cited steps.

Each calculator gets its own two operations, the POST with its own request model,
so the schema states every input's type, bounds and choices; any other name is 404.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from fastapi import APIRouter, HTTPException
from pydantic import BaseModel

from zhengce.api.models import ErrorOut, calculator_inputs
from zhengce.calc.engine import CalculationError, Rule
from zhengce.calc.rules import RULES

router = APIRouter(tags=["calculators"])


def _rule(name: str) -> Rule:
    if name not in RULES:
        raise HTTPException(404, f"没有计算器“{name}”；现有：{'、'.join(RULES)}。")
    return RULES[name]


@router.get("/api/calc")
def list_calculators() -> list[dict[str, Any]]:
    return [{k: r.describe()[k] for k in ("name", "title", "region", "valid_from", "valid_to")} for r in RULES.values()]


def _runner(rule: Rule) -> Callable[..., dict[str, Any]]:
    inputs_model = calculator_inputs(rule)

    def run(inputs: BaseModel) -> dict[str, Any]:
        values = {key: value.isoformat() if isinstance(value, date) else str(value)
                  for key, value in inputs.model_dump(exclude_none=True).items()}
        try:
            return rule.run(values).as_dict()
        except CalculationError as error:
            raise HTTPException(400, str(error)) from error

    run.__annotations__["inputs"] = inputs_model
    run.__doc__ = (f"{rule.title}（{'、'.join(rule.regions)}，{rule.valid_from}至{rule.valid_to}）. "
                   "Returns result, steps (each with its citation) and parameters; 400 when the inputs "
                   "are outside what the policy covers.")
    return run


def _describer(rule: Rule) -> Callable[[], dict[str, Any]]:
    def describe() -> dict[str, Any]:
        return rule.describe()

    describe.__doc__ = f"{rule.title}: inputs, period and the articles (doc_id, node_id, quote) it applies."
    return describe


for _name, _rule_object in RULES.items():
    _operation = _name.replace("-", "_")
    router.add_api_route(f"/api/calc/{_name}", _describer(_rule_object), methods=["GET"],
                         operation_id=f"show_{_operation}", summary=f"Show {_name}")
    router.add_api_route(f"/api/calc/{_name}", _runner(_rule_object), methods=["POST"],
                         operation_id=f"run_{_operation}", summary=f"Run {_name}",
                         responses={400: {"model": ErrorOut}})


@router.api_route("/api/calc/{name}", methods=["GET", "POST"], include_in_schema=False)
def unknown_calculator(name: str) -> None:
    """Any other name: 404 with the names there are."""
    _rule(name)
