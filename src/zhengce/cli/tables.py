"""The `tables` commands: list, show, filter and export registries."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Annotated

import typer

from zhengce.cli.common import fail, open_store, parse_pairs, print_json, print_table

if TYPE_CHECKING:
    from zhengce.store.records import TableSummary

tables_app = typer.Typer(help="Registries and other tables: list, show, filter, export.", no_args_is_help=True)


@tables_app.command("list")
def tables_list(as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False) -> None:
    """Every table the corpus holds: name, document, columns, row count, and totals the text states."""
    tables = open_store().list_tables()
    if as_json:
        print_json(tables)
        return
    def stated(t: TableSummary) -> str:
        if t.stated_total is None:
            return ""
        return f"{t.stated_total} ✓" if t.total_matches else f"{t.stated_total} ✗ 与条目数{t.entries}不符"

    print_table(f"{len(tables)} tables", ("id", "名称", "文件", "列", "行数", "文中所称总数"),
                [[t.id, t.name, t.doc_number or t.doc_id, "、".join(t.columns), str(t.rows),
                  stated(t)] for t in tables])


@tables_app.command("show")
def tables_show(
    name: Annotated[str, typer.Argument(help="Table id (from `tables list`) or name.")],
    where: Annotated[list[str] | None, typer.Option(help="COLUMN=VALUE (contains); repeat for several.")] = None,
    as_csv: Annotated[bool, typer.Option("--csv", help="Print CSV.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """One table's rows, optionally only those whose COLUMN contains VALUE."""
    try:
        table = open_store().get_table(name, parse_pairs(where, "--where", "COLUMN=VALUE"))
    except KeyError as error:
        fail(str(error.args[0]))
    if table is None:
        fail(f"没有表格“{name}”：可用 `zhengce tables list` 查看全部表格。")
    if as_json:
        print_json(table)
    elif as_csv:
        from zhengce.service import table_csv

        sys.stdout.write(table_csv(table, bom=False))
    else:
        print_table(f"{table.name}（{len(table.rows)} 行）", table.columns, table.rows)
