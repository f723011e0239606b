"""Adding and removing documents over HTTP: the admin token, upload limits, import jobs,
and the reload that lets a running server see a changed knowledge base.

Reading a scan takes seconds a page, so an upload is a job that runs in a thread
and reports its progress; the API and the upload page both start and show them.
"""

from __future__ import annotations

import hmac
import os
import shutil
import tempfile
import threading
import uuid
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from fastapi import FastAPI, HTTPException, UploadFile
from starlette.concurrency import run_in_threadpool
from starlette.types import ASGIApp, Receive, Scope, Send

from zhengce.api.engine import RemoteAnswerer, RemoteIndex, open_knowledge_base, reopen_if_changed
from zhengce.build import ChangeError, add_documents
from zhengce.corpus.readers import SUFFIXES, ReadError
from zhengce.store.backend import Location
from zhengce.store.db import Store

TOKEN_ENV = "ZHENGCE_ADMIN_TOKEN"
MAX_FILES = 20
MAX_BYTES = 50 * 1024 * 1024  # a 20-page scan at 300 dpi is about 10 MB


@dataclass
class Job:
    """One import: its stage and how far it got, then what each file became or why it failed."""

    id: str
    files: list[str]
    status: str = "running"  # running | done | failed
    stage: str = ""
    done: int = 0
    total: int = 0
    changes: list[dict[str, str]] = field(default_factory=list)
    error: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def check_token(given: str | None) -> None:
    """Writes need ``ZHENGCE_ADMIN_TOKEN``: unset, none are accepted over HTTP."""
    expected = os.environ.get(TOKEN_ENV)
    if not expected:
        raise HTTPException(403, f"未设置 {TOKEN_ENV}：本服务不接受通过 HTTP 添加或删除文件")
    if not given or not hmac.compare_digest(given.removeprefix("Bearer ").strip(), expected):
        raise HTTPException(401, "管理令牌不正确")


def save_uploads(uploads: list[UploadFile]) -> Path:
    """The uploaded files in a new folder, under their own names; a file of the wrong type or
    size refuses the whole upload with one line per bad file (HTTP 400 or 413)."""
    if not uploads:
        raise HTTPException(400, "没有上传文件")
    if len(uploads) > MAX_FILES:
        raise HTTPException(400, f"一次最多上传 {MAX_FILES} 个文件")
    problems = [f"{u.filename}：不支持的文件类型，可上传 {' '.join(sorted(set(SUFFIXES)))}"
                for u in uploads if Path(u.filename or "").suffix.lower() not in SUFFIXES]
    if problems:
        raise HTTPException(400, "\n".join(problems))
    folder = Path(tempfile.mkdtemp(prefix="zhengce-upload-"))
    for upload in uploads:
        target = folder / Path(upload.filename or "file").name
        with target.open("wb") as out:
            shutil.copyfileobj(upload.file, out, length=1024 * 1024)
        if target.stat().st_size > MAX_BYTES:
            shutil.rmtree(folder)
            raise HTTPException(413, f"{target.name}：文件超过 {MAX_BYTES // 1024 // 1024} MB")
    return folder


def start_import(app: FastAPI, folder: Path, overrides: dict[str, str]) -> Job:
    """Run ``add_documents`` on the saved files in a thread; the job reports as it goes."""
    files = sorted(folder.iterdir())
    job = Job(uuid.uuid4().hex[:12], [f.name for f in files])
    app.state.jobs[job.id] = job

    def progress(stage: str, done: int, total: int) -> None:
        if stage != job.stage:
            job.stage, job.done = stage, 0
        job.done, job.total = job.done + done, total

    def run() -> None:
        try:
            changes = add_documents(app.state.store.path, files, overrides, app.state.cache, progress)
            job.changes, job.status = [asdict(c) for c in changes], "done"
        except (ReadError, ChangeError) as error:
            job.error, job.status = str(error), "failed"
        except Exception as error:  # a job must end with a status, never silently
            job.error, job.status = f"导入失败：{type(error).__name__}", "failed"
        finally:
            shutil.rmtree(folder, ignore_errors=True)

    threading.Thread(target=run, name=f"import-{job.id}", daemon=True).start()
    return job


def load_knowledge_base(app: Any, path: Location | None) -> None:
    """Open the knowledge base for ``app``: here, or (with ``app.state.compute`` set) only the
    store here and the index in the compute process, which reopens it on its own. A worker
    reports healthy only when its searches are ready."""
    compute = getattr(app.state, "compute", None)
    if compute is None:
        loaded = open_knowledge_base(path)
        store, index, answerer = loaded.store, loaded.index, loaded.answerer
    else:
        store, index, answerer = Store(path), RemoteIndex(compute), RemoteAnswerer(compute)
    stats = store.stats()
    app.state.health = {"documents": stats.documents, "built_at": stats.built_at,
                        "generation": int(store.meta().get("generation") or 0)}
    app.state.store, app.state.index, app.state.answerer = store, index, answerer


def stale(app: FastAPI) -> bool:
    """Whether the knowledge base was replaced (a build, an add, a remove: each bumps its
    generation in a new file or schema): one stat, or one query, per request."""
    return app.state.store.changed()


class FreshKnowledgeBase:
    """Plain ASGI middleware: a request that finds the knowledge base replaced reloads it
    first, off the event loop (it reads files and runs a question). Not Starlette's
    BaseHTTPMiddleware, whose extra task per request the busy event loop paid for."""

    def __init__(self, app: ASGIApp, owner: FastAPI) -> None:
        self.app, self.owner = app, owner

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and stale(self.owner):
            await run_in_threadpool(refresh, self.owner)
        await self.app(scope, receive, send)


def refresh(app: FastAPI) -> None:
    """Reload after a change; requests already running keep the knowledge base they started with."""
    reopen_if_changed(lambda: stale(app), app.state.reload_lock,
                      lambda: load_knowledge_base(app, app.state.store.path))
