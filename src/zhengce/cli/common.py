"""What every command shares: the root app, the --db option, output helpers and errors."""

from __future__ import annotations

import json
import sys
from datetime import date
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

if TYPE_CHECKING:
    from zhengce.store.db import Store

app = typer.Typer(help="zhengce: search and read Chinese HR and social-security policy documents.",
                  no_args_is_help=True, pretty_exceptions_enable=False)
# Wide enough for Chinese tables when the output is not a terminal (pipes, CI logs).
console = Console(width=None if sys.stdout.isatty() else 140)
errors = Console(stderr=True)


class State:
    db: str | None = None


DbOption = Annotated[str | None, typer.Option(
    help="Knowledge base: a SQLite file, or a postgresql:// URL (default $ZHENGCE_DB or var/zhengce.db).")]


@app.callback()
def main(db: DbOption = None) -> None:
    """Choose the knowledge base every command works on."""
    State.db = db


def fail(message: str, code: int = 1) -> NoReturn:
    """One line on standard error, then exit: the message is shown as written, never as markup."""
    errors.print(f"[bold red]错误：[/]{escape(message)}", highlight=False, soft_wrap=True)
    raise typer.Exit(code)


def input_lines() -> list[str]:
    """Standard input, one item a line; bytes that are not UTF-8 become U+FFFD instead of an error."""
    text = sys.stdin.buffer.read().decode("utf-8", "replace")
    return text.removesuffix("\n").split("\n") if text else []


def parse_pairs(items: list[str] | None, option: str, form: str) -> dict[str, str]:
    """The NAME=VALUE items of a repeated option, refusing one without its "="."""
    pairs = {}
    for item in items or []:
        key, separator, value = item.partition("=")
        if not separator:
            fail(f"{option} 的写法是 {form}，而不是“{item}”。")
        pairs[key] = value
    return pairs


def open_store() -> Store:
    from zhengce.store.db import KnowledgeBaseError, Store

    try:
        return Store(State.db)
    except KnowledgeBaseError as error:
        fail(str(error))


def print_json(value: Any) -> None:
    """Records (and lists or dicts of them) as the JSON the API returns for them."""
    from zhengce.store.records import plain

    typer.echo(json.dumps(plain(value), ensure_ascii=False, indent=2))


def print_table(title: str, columns: tuple[str, ...] | list[str], rows: list[list[str]]) -> None:
    """A Rich table of plain rows: the one way every listing command prints."""
    table = Table(title=title)
    for column in columns:
        table.add_column(column or "—")
    for row in rows:
        table.add_row(*row)
    console.print(table)



def parse_date(text: str, option: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        fail(f"{option} 须写作 YYYY-MM-DD（例如 2020-05-09），而不是“{text}”。")

