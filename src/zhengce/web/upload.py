"""The upload page: administrators add their own documents and remove them, with the
admin token; an import shows its progress until it is done."""

from __future__ import annotations

from typing import Annotated

from fastapi import FastAPI, File, Form, HTTPException, Request, UploadFile
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from zhengce.api.imports import MAX_BYTES, MAX_FILES, TOKEN_ENV, check_token, save_uploads, start_import
from zhengce.build import ChangeError, remove_document
from zhengce.corpus.readers import SUFFIXES
from zhengce.web.views import templates


def mount_upload(app: FastAPI) -> None:
    app.add_api_route("/upload", upload_page, methods=["GET"], response_class=HTMLResponse, include_in_schema=False)
    app.add_api_route("/upload", upload_files, methods=["POST"], include_in_schema=False)
    app.add_api_route("/upload/remove", remove_files, methods=["POST"], include_in_schema=False)


def upload_page(request: Request, job: str = "", removed: str = "", status_code: int = 200,
                error: str = "") -> HTMLResponse:
    """The form, the job being followed (refreshing itself while it runs) and the added files."""
    current = request.app.state.jobs.get(job) if job else None
    store = request.app.state.store
    return templates.TemplateResponse(request, "upload.html", {
        "job": current, "removed": removed, "error": error, "added": store.added_sources(),
        "choices": store.choices, "suffixes": " ".join(sorted(set(SUFFIXES))), "max_files": MAX_FILES,
        "max_mb": MAX_BYTES // 1024 // 1024, "writable": bool(_token_set()), "token_env": TOKEN_ENV,
    }, status_code=status_code)


async def upload_files(request: Request, files: Annotated[list[UploadFile], File()],
                       token: Annotated[str, Form()] = "", region: Annotated[str, Form()] = "",
                       date: Annotated[str, Form()] = "") -> Response:
    try:
        check_token(token)
        folder = save_uploads([f for f in files if f.filename])
    except HTTPException as error:
        return upload_page(request, status_code=error.status_code, error=str(error.detail))
    job = start_import(request.app, folder, {k: v for k, v in (("region", region), ("date", date)) if v})
    return RedirectResponse(f"/upload?job={job.id}", status_code=303)


async def remove_files(request: Request, key: Annotated[str, Form()], token: Annotated[str, Form()] = "") -> Response:
    try:
        check_token(token)
        await run_in_threadpool(remove_document, request.app.state.store.path, key, request.app.state.cache)
    except HTTPException as error:
        return upload_page(request, status_code=error.status_code, error=str(error.detail))
    except ChangeError as error:
        return upload_page(request, status_code=400, error=str(error))
    return RedirectResponse(f"/upload?removed={key}", status_code=303)


def _token_set() -> str | None:
    import os

    return os.environ.get(TOKEN_ENV)
