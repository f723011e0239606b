"""POST /api/documents (upload, as a job), GET /api/jobs/{id}, DELETE /api/documents/{id}:
writes, for administrators with ``ZHENGCE_ADMIN_TOKEN``."""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated, Any

from fastapi import APIRouter, File, Form, Header, HTTPException, Request, UploadFile
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse

from zhengce.api.imports import check_token, save_uploads, start_import
from zhengce.api.models import ErrorOut
from zhengce.build import ChangeError, remove_document

router = APIRouter(tags=["documents"])
ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorOut} for code in (400, 401, 403, 404, 413)}
Token = Annotated[str | None, Header(alias="Authorization", description="Bearer <ZHENGCE_ADMIN_TOKEN>")]


@router.post("/api/documents", status_code=202, responses=ERRORS)
def upload(request: Request, files: Annotated[list[UploadFile], File(min_length=1)], authorization: Token = None,
           region: Annotated[str | None, Form()] = None, date: Annotated[str | None, Form()] = None,
           doc_number: Annotated[str | None, Form()] = None, title: Annotated[str | None, Form()] = None,
           doc_type: Annotated[str | None, Form()] = None,
           section: Annotated[str | None, Form()] = None) -> JSONResponse:
    """Add PDF, scanned PDF, image, DOCX, HTML or TXT files; the fields given override what is
    read. Returns a job to follow at /api/jobs/{id}; a bad file fails the job and changes nothing."""
    check_token(authorization)
    overrides = {k: v for k, v in (("region", region), ("date", date), ("doc_number", doc_number),
                                   ("title", title), ("doc_type", doc_type), ("section", section)) if v}
    job = start_import(request.app, save_uploads(files), overrides)
    return JSONResponse({**job.as_dict(), "url": f"/api/jobs/{job.id}"}, status_code=202)


@router.get("/api/jobs/{job_id}", responses={404: {"model": ErrorOut}})
def job_status(request: Request, job_id: str) -> dict[str, Any]:
    """An import's status (running, done, failed), stage and progress, then what each file became."""
    job = request.app.state.jobs.get(job_id)
    if job is None:
        raise HTTPException(404, f"没有这个导入任务：{job_id}")
    return job.as_dict()


@router.delete("/api/documents/{key}", responses=ERRORS)
async def delete(request: Request, key: str, authorization: Token = None) -> dict[str, Any]:
    """Remove an added document (id, number or title) and every file added as it."""
    check_token(authorization)
    try:
        changes = await run_in_threadpool(remove_document, request.app.state.store.path, key, request.app.state.cache)
    except ChangeError as error:
        status = 404 if str(error).startswith("找不到") else 400
        raise HTTPException(status, str(error)) from error
    return {"removed": [asdict(change) for change in changes]}
