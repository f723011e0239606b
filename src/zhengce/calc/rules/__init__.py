"""The calculators, one module per policy; RULES lists them by name."""

from __future__ import annotations

from zhengce.calc.engine import Rule
from zhengce.calc.rules import (
    epidemic_work_allowance,
    exam_eligibility,
    hiring_and_training,
    hunan_pension_adjustment,
    hunan_work_injury,
    social_insurance_relief,
    stabilisation_refund,
    stoppage_wages,
    unemployment,
)

RULES: dict[str, Rule] = {rule.name: rule for rule in (
    social_insurance_relief.RULE, stabilisation_refund.RULE, hunan_pension_adjustment.RULE,
    hunan_work_injury.ADJUSTMENT, hunan_work_injury.HEALTH_FUND, stoppage_wages.RULE, epidemic_work_allowance.RULE,
    hiring_and_training.TRAINING, hiring_and_training.HIRING,
    unemployment.BENEFIT, unemployment.SUBSIDY_RULE, unemployment.ALLOWANCE, exam_eligibility.RULE)}
