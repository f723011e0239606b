"""The calculators, one module each; RULES lists them by name."""

from __future__ import annotations

from zhengce.calc.engine import Rule
from zhengce.calc.rules import (
    hunan_pension_adjustment,
    social_insurance_relief,
    stabilisation_refund,
    stoppage_wages,
)

RULES: dict[str, Rule] = {module.RULE.name: module.RULE for module in (
    social_insurance_relief, stabilisation_refund, hunan_pension_adjustment, stoppage_wages)}
