"""GET /api/calc, GET /api/calc/{name}, POST /api/calc/{name}: calculators with cited steps."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException

from zhengce.api.models import ErrorOut
from zhengce.calc.engine import CalculationError, Rule
from zhengce.calc.rules import RULES

router = APIRouter(tags=["calculators"])


def _rule(name: str) -> Rule:
    if name not in RULES:
        raise HTTPException(404, f"No calculator {name!r}; there are: {', '.join(RULES)}.")
    return RULES[name]


@router.get("/api/calc")
def list_calculators() -> list[dict[str, Any]]:
    return [{k: r.describe()[k] for k in ("name", "title", "region", "valid_from", "valid_to")} for r in RULES.values()]


@router.get("/api/calc/{name}", responses={404: {"model": ErrorOut}})
def show_calculator(name: str) -> dict[str, Any]:
    """Inputs, period and the articles (doc_id, node_id, quote) the calculator applies."""
    return _rule(name).describe()


@router.post("/api/calc/{name}", responses={400: {"model": ErrorOut}, 404: {"model": ErrorOut}})
def run_calculator(name: str, inputs: dict[str, str | int | float]) -> dict[str, Any]:
    """Body: the inputs by name. Returns result, steps (each with its citation), parameters."""
    try:
        return _rule(name).run({key: str(value) for key, value in inputs.items()}).as_dict()
    except CalculationError as error:
        raise HTTPException(400, str(error)) from error
