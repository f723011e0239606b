"""What routes depend on: the knowledge base and the search index, loaded once per app."""

from __future__ import annotations

import os
import threading
from contextlib import suppress
from typing import Annotated

from fastapi import Depends, Request

from zhengce.service import Asking, Searching
from zhengce.store.db import Store

# How much lower than the event loop the threads that run sync routes are scheduled (nice, added
# to the process's own).
BEHIND_THE_LOOP = 5
_lowered = threading.local()


def behind_the_loop() -> None:
    """Lower the worker thread this runs in, once: with every core busy, the event loop
    (health, static files, taking new requests) is then scheduled before the searches
    queued in threads. FastAPI runs a sync dependency in the threadpool, so each of the
    pool's few threads is lowered the first time it runs one (Linux: nice is per thread).
    bench/load.py, 2 workers, 50 clients, two runs each: health max 91-158 ms -> 29-58."""
    if getattr(_lowered, "done", False):
        return
    _lowered.done = True
    with suppress(OSError, AttributeError):  # another system's threads: left as they are
        thread = threading.get_native_id()
        os.setpriority(os.PRIO_PROCESS, thread, min(os.getpriority(os.PRIO_PROCESS, thread) + BEHIND_THE_LOOP, 19))


BEHIND = [Depends(behind_the_loop)]


def get_store(request: Request) -> Store:
    return request.app.state.store


def get_index(request: Request) -> Searching:
    return request.app.state.index


def get_answerer(request: Request) -> Asking:
    return request.app.state.answerer


StoreDep = Annotated[Store, Depends(get_store)]
IndexDep = Annotated[Searching, Depends(get_index)]
AnswererDep = Annotated[Asking, Depends(get_answerer)]
