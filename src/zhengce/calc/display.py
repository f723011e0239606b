"""How calculator figures read to a person: 元 with thousands separators, rates as percentages.

The JSON keeps raw numbers for programs; ``display`` gives the text every face shows,
so the CLI, the API and the web page never print "0.0" or "1e+09".
"""

from __future__ import annotations

from typing import Any

# How results read to a person; the JSON keeps the short English keys.
RESULT_LABELS = {
    "relief": "减免额", "payable": "实缴单位缴费", "rate": "减免比例",
    "monthly_increase": "月增加额", "new_pension": "调整后基本养老金（每月）",
    "wage_at_least": "应付工资不低于（每月）", "living_allowance_at_least": "生活费不低于（每月）", "kind": "性质",
    "refund_at_most": "返还额最高", "refund": "返还额",
    "new_amount": "调整后月待遇", "household_increase": "全户月增加额", "arrears": "补发额",
    "annual_amount": "年标准（每年）", "allowance": "临时性工作补助", "duty_meals": "值班伙食补助",
    "monthly_subsidy": "每月补贴", "subsidy": "补贴额", "monthly_at_most": "每月最高",
    "monthly_benefit": "每月失业保险金", "benefit_total": "失业保险金合计", "extension_months": "续发月数",
    "one_off": "一次性补助", "eligible": "学历、年限条件是否满足",
}
RATES = frozenset({"rate"})
COUNTS = {"extension_months": "个月"}


def plain(number: float) -> str:
    """A number as people write it: 1,000,000,000, 0.5, never 1e+09."""
    return f"{number:,.0f}" if float(number).is_integer() else f"{number:,.2f}".rstrip("0").rstrip(".")


def amount(number: float) -> str:
    """An amount in 元: 150,000 元, 8,000.50 元."""
    return f"{number:,.0f} 元" if float(number).is_integer() else f"{number:,.2f} 元"


def percent(rate: float) -> str:
    """A rate as a percentage: 0.5 → 50%, 0.015 → 1.5%."""
    return f"{plain(round(rate * 100, 4))}%"


def show(value: Any, unit: str = "元") -> str:
    """A step's or result's value as text, in its unit (元, %, or any other word)."""
    if isinstance(value, (str, bool)):
        return str(value)
    if unit == "元":
        return amount(value)
    if unit == "%":
        return percent(value)
    return f"{plain(value)} {unit}".strip()


def show_result(result: dict[str, Any]) -> dict[str, str]:
    """Each result under its Chinese label, formatted."""
    return {RESULT_LABELS.get(key, key): show(value, "%" if key in RATES else COUNTS.get(key, "元"))
            for key, value in result.items()}
