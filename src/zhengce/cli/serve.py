"""The `serve` command: the web UI and JSON API."""

from __future__ import annotations

import os
from typing import Annotated

import typer

from zhengce.cli.common import State, app, console, fail
from zhengce.paths import DB_ENV
from zhengce.store.backend import display, is_postgres

ANY_ADDRESS = ("0.0.0.0", "::")


@app.command()
def serve(host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
          port: Annotated[int, typer.Option(help="Port to listen on.", min=1, max=65535)] = 8000,
          allow_host: Annotated[list[str] | None, typer.Option(
              help="Another host name the server answers to besides loopback (repeat; '*' for any).")] = None,
          workers: Annotated[int, typer.Option(
              help="Worker processes over the one knowledge base, each with a compute process beside it "
                   "(one worker keeps two cores busy).", min=1, max=64)] = 1,
          ) -> None:
    """Serve the web UI and the JSON API (OpenAPI at /docs) over the knowledge base."""
    import uvicorn

    from zhengce.api.app import HOSTS_ENV, create_app
    from zhengce.store.db import KnowledgeBaseError, Store

    hosts = [*(allow_host or []), *([host] if host not in ANY_ADDRESS else [])]
    try:
        application = create_app(State.db, allowed_hosts=hosts, compute_process=True) if workers == 1 else None
        path = application.state.store.path if application else Store(State.db).path
    except KnowledgeBaseError as error:
        fail(str(error))
    console.print(f"zhengce 正在提供 {display(path)}：[bold]http://{host}:{port}/[/]"
                  f"（API：http://{host}:{port}/api/search?q=…，接口文档：http://{host}:{port}/docs"
                  f"{f'，{workers} 个工作进程' if workers > 1 else ''}）。按 Ctrl+C 停止。",
                  highlight=False, soft_wrap=True)
    if application:
        uvicorn.run(application, host=host, port=port, log_level="warning")
        return
    # Each worker process builds its own app from the environment.
    os.environ[DB_ENV], os.environ[HOSTS_ENV] = str(path if is_postgres(path) else path.resolve()), ",".join(hosts)
    uvicorn.run("zhengce.api.app:app_from_environment", factory=True, workers=workers, host=host, port=port,
                log_level="warning")


@app.command()
def mcp() -> None:
    """Serve the knowledge base to an assistant over MCP on standard input and output (tools:
    search, ask, get_document, get_article, validity_on, list_tables, query_table, calc)."""
    from zhengce.mcp import build_server, stdio_state
    from zhengce.store.db import KnowledgeBaseError

    try:
        state = stdio_state(State.db)
    except KnowledgeBaseError as error:
        fail(str(error))
    build_server(state).run("stdio")
