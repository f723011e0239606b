"""The calculators, one module each; RULES lists them by name."""

from __future__ import annotations

from zhengce.calc.engine import Rule
from zhengce.calc.rules.social_insurance_relief import RULE as SOCIAL_INSURANCE_RELIEF

RULES: dict[str, Rule] = {rule.name: rule for rule in (SOCIAL_INSURANCE_RELIEF,)}
