"""The `zhengce` command line: thin layers, one module per command group, over the core."""

import sys

from zhengce.cli import build, calc, docs, documents, evaluate, query, serve, tables
from zhengce.cli.common import app, errors
from zhengce.store.backend import database_errors

app.add_typer(docs.docs_app, name="docs")
app.add_typer(tables.tables_app, name="tables")
app.add_typer(calc.calc_app, name="calc")
app.add_typer(evaluate.eval_app, name="eval")



def main() -> None:
    """The `zhengce` command: the app, and one line instead of a traceback when the
    machine refuses (a disk full or read-only, a file damaged while in use)."""
    try:
        app()
    except (OSError, *database_errors()) as error:
        errors.print(f"错误：{error}", markup=False, highlight=False, soft_wrap=True)
        sys.exit(1)


__all__ = ["app", "build", "calc", "docs", "documents", "evaluate", "main", "query", "serve", "tables"]
