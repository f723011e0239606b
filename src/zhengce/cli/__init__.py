"""The `zhengce` command line: thin layers, one module per command group, over the core."""

from zhengce.cli import build, calc, docs, documents, evaluate, query, serve, tables
from zhengce.cli.common import app

app.add_typer(docs.docs_app, name="docs")
app.add_typer(tables.tables_app, name="tables")
app.add_typer(calc.calc_app, name="calc")
app.add_typer(evaluate.eval_app, name="eval")

__all__ = ["app", "build", "calc", "docs", "documents", "evaluate", "query", "serve", "tables"]
