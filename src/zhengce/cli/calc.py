"""The `calc` commands: policy calculators with the article behind every figure."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from zhengce.cli.common import console, fail, parse_pairs, print_json, print_table

if TYPE_CHECKING:
    from zhengce.calc.engine import Rule

calc_app = typer.Typer(help="Policy calculators: every figure with the article behind it.", no_args_is_help=True)


def _rules() -> dict[str, Rule]:
    """The calculators, loaded when a calc command runs (their parameters and citations)."""
    from zhengce.calc.rules import RULES

    return RULES


def _rule(name: str) -> Rule:
    rules = _rules()
    if name not in rules:
        fail(f"没有计算器“{name}”；现有：{'、'.join(rules)}。")
    return rules[name]


@calc_app.command("list")
def calc_list(as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False) -> None:
    """The calculators: name, title, region, period."""
    fields = ("name", "title", "region", "valid_from", "valid_to")
    rules = [{k: rule.describe()[k] for k in fields} for rule in _rules().values()]
    if as_json:
        print_json(rules)
        return
    print_table(f"{len(rules)} calculators", ("name", "title", "region", "valid_from", "valid_to"),
                [list(r.values()) for r in rules])


@calc_app.command("show")
def calc_show(name: Annotated[str, typer.Argument(help="Calculator name.")],
              as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False) -> None:
    """A calculator's inputs, period and the articles it applies."""
    rule = _rule(name)
    description = rule.describe()
    if as_json:
        print_json(description)
        return
    console.print(f"[bold]{description['title']}[/]（{description['valid_from']}至{description['valid_to']}，"
                  f"{description['region']}）", highlight=False)
    for item in description["inputs"]:
        console.print(f"  {item['name']}：{item['label']}", highlight=False)
    for parameter in rule.parameters:
        source, shown = parameter.citation, parameter.as_dict()["display"]
        console.print(f"  参数 {parameter.name} = {shown}（{source.doc_number} {source.path}）",
                      highlight=False)
    for citation in description["citations"]:
        console.print(f"  依据 {citation['doc_number']} {citation['node_id']}：“{citation['quote']}”", highlight=False)


@calc_app.command("run")
def calc_run(
    name: Annotated[str, typer.Argument(help="Calculator name.")],
    values: Annotated[list[str] | None, typer.Option("--set", help="KEY=VALUE; repeat for every input.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Compute, showing every step with the rule and the article behind it."""
    from zhengce.calc.engine import CalculationError

    try:
        result = _rule(name).run(parse_pairs(values, "--set", "KEY=VALUE"))
    except CalculationError as error:
        fail(str(error))
    if as_json:
        print_json(result.as_dict())
        return
    summary = "；".join(f"{label}：{text}" for label, text in result.display.items())
    scope = "" if result.covered else "（不在本政策范围内）"
    console.print(f"[bold]结果[/]{scope}：{summary}", highlight=False)
    for assumption in result.assumptions:
        console.print(f"假定：{assumption}", highlight=False)
    for number, step in enumerate(result.steps, 1):
        cited = f"（{step.citation.doc_number} {step.citation.path}：“{step.citation.quote}”）" if step.citation else ""
        console.print(f"{number}. {step.text} → {step.display}{cited}", highlight=False)
