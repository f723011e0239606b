"""The `serve` command: the web UI and JSON API."""

from __future__ import annotations

from typing import Annotated

import typer

from zhengce.cli.common import State, app, console, fail
from zhengce.store.db import KnowledgeBaseError


@app.command()
def serve(host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
          port: Annotated[int, typer.Option(help="Port to listen on.", min=1, max=65535)] = 8000) -> None:
    """Serve the web UI and the JSON API (OpenAPI at /docs) over the knowledge base."""
    import uvicorn

    from zhengce.api.app import create_app

    try:
        application = create_app(State.db)
    except KnowledgeBaseError as error:
        fail(str(error))
    console.print(f"zhengce is serving {application.state.store.path} at [bold]http://{host}:{port}/[/] "
                  f"(API: http://{host}:{port}/api/search?q=…, docs: http://{host}:{port}/docs). Ctrl+C stops.")
    uvicorn.run(application, host=host, port=port, log_level="warning")
