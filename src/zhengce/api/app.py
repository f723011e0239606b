"""The application factory: one app serving the JSON API and the web pages.

Built by ``create_app`` rather than at import, so tests and ``zhengce serve``
each choose their knowledge base.
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import AsyncIterator, Callable, Iterable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from functools import cache
from pathlib import Path
from typing import Any

import anyio.to_thread
import fastapi_offline
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi_offline import FastAPIOffline
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match, Route

from zhengce.api.deps import BEHIND
from zhengce.api.engine import ComputeLost, ComputeProcess, settle_heap
from zhengce.api.guard import LOOPBACK_HOSTS, Limits, SecurityHeaders, TrustedHosts
from zhengce.api.imports import FreshKnowledgeBase, load_knowledge_base
from zhengce.api.openapi import install_schema
from zhengce.api.routes import ask, calc, docs, documents, meta, relations, search
from zhengce.index.build import DEFAULT_CACHE
from zhengce.index.query import QueryError
from zhengce.store.db import Store

HOSTS_ENV = "ZHENGCE_ALLOWED_HOSTS"
SWITCH_INTERVAL = 0.0005
# Sync handlers share one GIL: more threads than the heavy requests allowed at once
# (guard.IN_ALL) plus a few pages only make the event loop wait longer for it.
THREADS = 8
ROUTERS = (search.router, ask.router, calc.router, relations.router, docs.router, meta.router, documents.router)
# Starlette's own messages, for a URL no route serves or a method a route does not take.
GENERIC_ERRORS = {"Not Found": "没有这个地址。", "Method Not Allowed": "这个地址不接受该请求方法（见 Allow 头）。"}


REDOC_BUNDLE = "/static-offline-docs/redoc.standalone.js"  # where fastapi-offline serves it
# The bundle draws Redocly's logo from its CDN: offline (and under our CSP) it would be a
# refused outside request, so the logo is served without an address and hides itself.
REDOC_LOGO = "https://cdn.redoc.ly/redoc/logo-mini.svg"


@cache
def _redoc_source() -> bytes:
    bundle = Path(fastapi_offline.__file__).parent / "static" / "redoc.standalone.js"
    return bundle.read_bytes().replace(REDOC_LOGO.encode(), b"")


async def redoc_bundle(request: Request) -> Response:
    return Response(_redoc_source(), media_type="text/javascript")


def create_app(db_path: Path | str | None = None, cache: Path = DEFAULT_CACHE,
               allowed_hosts: Iterable[str] = (), compute_process: bool = False) -> FastAPI:
    """An app over the knowledge base at ``db_path`` (default as for the CLI), answering
    requests for loopback names and ``allowed_hosts`` ("*" for any); documents added
    over HTTP are embedded with the vectors cached in ``cache``. With ``compute_process``
    (as `zhengce serve` runs), searches and answers run in a process beside this one."""
    # Swagger UI and ReDoc from assets that ship in fastapi-offline: /docs works offline.
    app = FastAPIOffline(title="zhengce", version="0.1.0",
                         description="Search and read Chinese HR and social-security policy documents, "
                                     "with citations.")
    # The event loop gives up the GIL at every socket call and waits a switch interval to get
    # it back from the search threads; 0.5 ms instead of 5 ms (bench/load.py, 2 workers,
    # 50 clients, one run each: 9.4 -> 15.0 requests/s, search p95 10.9 -> 7.3 s on a busy machine).
    sys.setswitchinterval(SWITCH_INTERVAL)
    app.state.compute = ComputeProcess(Store(db_path).path) if compute_process else None
    load_knowledge_base(app, db_path)
    app.state.jobs, app.state.reload_lock, app.state.cache = {}, threading.Lock(), cache

    app.add_middleware(FreshKnowledgeBase, owner=app)

    app.router.routes.insert(0, Route(REDOC_BUNDLE, redoc_bundle, include_in_schema=False))
    for router in ROUTERS:
        app.include_router(router, dependencies=[] if router is meta.router else BEHIND)
    _error_handlers(app)
    from zhengce.mcp import mount_mcp
    from zhengce.web.upload import mount_upload
    from zhengce.web.views import mount_web

    mount_web(app)
    mount_upload(app)
    mount_mcp(app)
    install_schema(app)
    around_lifespan(app, _serving)
    if app.state.compute:
        around_lifespan(app, lambda: _closing(app.state.compute))
    # The last added runs first: headers on every response, even a refused host's.
    app.add_middleware(Limits)
    app.add_middleware(TrustedHosts, hosts=(*LOOPBACK_HOSTS, *allowed_hosts))
    app.add_middleware(SecurityHeaders)
    return app


def around_lifespan(app: FastAPI, context: Callable[[], AbstractAsyncContextManager[Any]]) -> None:
    """Run ``context`` around the app's lifespan; what the lifespan already runs stays inside."""
    outer = app.router.lifespan_context

    @asynccontextmanager
    async def lifespan(application: FastAPI):
        async with context(), outer(application) as state:
            yield state

    app.router.lifespan_context = lifespan


@asynccontextmanager
async def _serving() -> AsyncIterator[None]:
    """Sync handlers run in at most ``THREADS`` threads a worker (anyio's default is 40), and
    what is loaded by now is spared the collector's full passes (engine.settle_heap)."""
    anyio.to_thread.current_default_thread_limiter().total_tokens = THREADS
    settle_heap()
    yield


@asynccontextmanager
async def _closing(compute: ComputeProcess) -> AsyncIterator[None]:
    """The compute process ends with the app, not only when its worker exits."""
    try:
        yield
    finally:
        compute.close()


def app_from_environment() -> FastAPI:
    """The app each worker of `zhengce serve --workers N` builds: the knowledge base from
    $ZHENGCE_DB, the other host names from $ZHENGCE_ALLOWED_HOSTS (comma-separated)."""
    hosts = [h for h in os.environ.get(HOSTS_ENV, "").split(",") if h]
    return create_app(None, allowed_hosts=hosts, compute_process=True)


def _error_handlers(app: FastAPI) -> None:
    """Every error is JSON with a message in Chinese: 400 for bad input, 404 for unknown ids."""

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, error: RequestValidationError) -> JSONResponse:
        problems = "; ".join(f"{'.'.join(str(p) for p in e['loc'][1:]) or '请求体'}: {e['msg']}"
                             for e in error.errors())
        return JSONResponse({"error": f"请求有误（{problems}）。"}, status_code=400)

    @app.exception_handler(QueryError)
    async def bad_query(request: Request, error: QueryError) -> JSONResponse:
        return JSONResponse({"error": str(error)}, status_code=400)

    @app.exception_handler(ValueError)
    async def bad_value(request: Request, error: ValueError) -> JSONResponse:
        return JSONResponse({"error": f"请求有误：{error}"}, status_code=400)

    @app.exception_handler(ComputeLost)
    async def compute_lost(request: Request, error: ComputeLost) -> JSONResponse:
        return JSONResponse({"error": str(error)}, status_code=503, headers={"Retry-After": "1"})

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, error: StarletteHTTPException) -> JSONResponse:
        message = GENERIC_ERRORS.get(str(error.detail), str(error.detail))
        headers = {"Allow": _allowed(request)} if error.status_code == 405 else error.headers
        return JSONResponse({"error": message}, status_code=error.status_code, headers=headers)


def _allowed(request: Request) -> str:
    """Every method some route takes at this path: Starlette names only the first route's."""
    routes = [*request.app.routes, *(route for router in ROUTERS for route in router.routes)]
    methods = {method for route in routes if isinstance(route, Route)
               and route.matches(request.scope)[0] != Match.NONE for method in route.methods or ()}
    return ", ".join(sorted(methods))
