"""The application factory: one app serving the JSON API and the web pages.

Built by ``create_app`` rather than at import, so tests and ``zhengce serve``
each choose their knowledge base.
"""

from __future__ import annotations

import threading
from pathlib import Path

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from zhengce.api.imports import load_knowledge_base, refresh
from zhengce.api.routes import ask, calc, docs, documents, meta, relations, search
from zhengce.index.build import DEFAULT_CACHE
from zhengce.index.query import QueryError


def create_app(db_path: Path | str | None = None, cache: Path = DEFAULT_CACHE) -> FastAPI:
    """An app over the knowledge base at ``db_path`` (default as for the CLI); documents
    added over HTTP are embedded with the vectors cached in ``cache``."""
    app = FastAPI(title="zhengce", version="0.1.0",
                  description="Search and read Chinese HR and social-security policy documents, with citations.")
    load_knowledge_base(app, db_path)
    app.state.jobs, app.state.reload_lock, app.state.cache = {}, threading.Lock(), cache

    @app.middleware("http")
    async def fresh_knowledge_base(request: Request, call_next):
        refresh(app)
        return await call_next(request)

    for router in (search.router, ask.router, calc.router, relations.router, docs.router, meta.router,
                   documents.router):
        app.include_router(router)
    _error_handlers(app)
    from zhengce.web.upload import mount_upload
    from zhengce.web.views import mount_web

    mount_web(app)
    mount_upload(app)
    return app


def _error_handlers(app: FastAPI) -> None:
    """Every error is JSON with a message: 400 for bad input, 404 for unknown ids."""

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, error: RequestValidationError) -> JSONResponse:
        problems = "; ".join(f"{'.'.join(str(p) for p in e['loc'][1:])}: {e['msg']}" for e in error.errors())
        return JSONResponse({"error": f"Invalid request: {problems}"}, status_code=400)

    @app.exception_handler(QueryError)
    async def bad_query(request: Request, error: QueryError) -> JSONResponse:
        return JSONResponse({"error": str(error)}, status_code=400)

    @app.exception_handler(ValueError)
    async def bad_value(request: Request, error: ValueError) -> JSONResponse:
        return JSONResponse({"error": str(error)}, status_code=400)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, error: HTTPException) -> JSONResponse:
        return JSONResponse({"error": str(error.detail)}, status_code=error.status_code)
