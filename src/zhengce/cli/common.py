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
    from zhengce.answer.ask import Answerer
    from zhengce.index.hybrid import SearchIndex
    from zhengce.store.db import Store
    from zhengce.store.records import Filters

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
    from zhengce.service import FilterError, name_values

    try:
        return name_values(items, option, form)
    except FilterError as error:
        fail(str(error))


# The command-line option of each filter, where it is not --NAME.
OPTIONS = {"date_from": "--from", "date_to": "--to", "doc_type": "--type", "valid_on": "--valid-on"}


def filters_from(**given: str | int | None) -> Filters:
    """The search filters of the options given, through the one reader every face uses;
    an option that cannot be read stops the command, named."""
    from zhengce.service import FilterError, search_filters

    try:
        return search_filters(**given)  # type: ignore[arg-type]
    except FilterError as error:
        fail(f"{OPTIONS.get(error.field, '--' + error.field)}：{error}")


def open_store() -> Store:
    from zhengce.store.db import KnowledgeBaseError, Store

    try:
        return Store(State.db)
    except KnowledgeBaseError as error:
        fail(str(error))


def load_index(store: Store | None = None) -> SearchIndex:
    """The search index of the knowledge base (``--db``); numpy, bm25s and the tokenizer
    load here, when a command needs them, so that `zhengce --help` stays light."""
    from zhengce.index.hybrid import SearchIndex

    return SearchIndex.load(store or open_store())


def load_answerer() -> Answerer:
    """The answerer over the knowledge base (``--db``), loaded when a command asks."""
    from zhengce.answer.generate import make_answerer

    store = open_store()
    return make_answerer(store, load_index(store))


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
    """The date an option gives, read as every face reads dates (YYYY-MM-DD)."""
    from zhengce.service import FilterError, day

    try:
        return day(text) or fail(f"{option}：请给出日期（YYYY-MM-DD）。")
    except FilterError as error:
        fail(f"{option}：{error}")
