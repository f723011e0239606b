"""The `serve` command: the web UI and JSON API."""

from __future__ import annotations

from typing import Annotated

import typer

from zhengce.cli.common import State, app, console, fail
from zhengce.store.db import KnowledgeBaseError

ANY_ADDRESS = ("0.0.0.0", "::")


@app.command()
def serve(host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
          port: Annotated[int, typer.Option(help="Port to listen on.", min=1, max=65535)] = 8000,
          allow_host: Annotated[list[str] | None, typer.Option(
              help="Another host name the server answers to besides loopback (repeat; '*' for any).")] = None,
          ) -> None:
    """Serve the web UI and the JSON API (OpenAPI at /docs) over the knowledge base."""
    import uvicorn

    from zhengce.api.app import create_app

    hosts = [*(allow_host or []), *([host] if host not in ANY_ADDRESS else [])]
    try:
        application = create_app(State.db, allowed_hosts=hosts)
    except KnowledgeBaseError as error:
        fail(str(error))
    console.print(f"zhengce 正在提供 {application.state.store.path}：[bold]http://{host}:{port}/[/]"
                  f"（API：http://{host}:{port}/api/search?q=…，接口文档：http://{host}:{port}/docs）。"
                  "按 Ctrl+C 停止。", highlight=False, soft_wrap=True)
    uvicorn.run(application, host=host, port=port, log_level="warning")
