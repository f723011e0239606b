"""Where searches and answers run: in the server's own process, or in one beside it.

A process runs one thread of Python at a time. In a worker whose threads rank units and
choose spans, the event loop waits its turn for the interpreter before it can answer a
health check or a static file (bench/load.py, 2 workers, 50 clients: health p99 297 ms,
against 34 ms for a process that only answers health on the same loaded machine). So
`zhengce serve` gives each worker a compute process: the worker keeps the store, the
pages and the small routes; the compute process, scheduled behind it, keeps the index and
the answerer and runs what it is sent in threads of its own.
"""

from __future__ import annotations

import gc
import itertools
import multiprocessing
import os
import pickle
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import suppress
from dataclasses import dataclass
from datetime import date
from multiprocessing.connection import Connection
from typing import Any

from zhengce.answer.ask import Answer, Answerer
from zhengce.index.embed import share_query_vectors
from zhengce.index.hybrid import Hit, Mode, SearchIndex
from zhengce.index.persist import folder_of
from zhengce.index.query import QueryError
from zhengce.store.backend import Location
from zhengce.store.db import KnowledgeBaseError, Store
from zhengce.store.records import Filters

WARM_UP = "失业保险金的标准是多少"
ANSWERS_KEPT = 1024  # a served answer is a few KB: at most a few MB a worker
THREADS = 8  # calls a compute process runs at once (the worker's own thread bound is the same)
BEHIND = 5  # how much lower (nice) a compute process runs than its worker's event loop
CALL_SECONDS = 120  # a batch of answers stops at 20 s (service.BATCH_SECONDS): longer is a fault
START_SECONDS = 300  # a compute process loads the index and answers one question before this
READY = "ready"
QUERY_VECTORS_FILE = "query-vectors.sqlite"  # beside the index: the compute processes share it
# What a worker may ask its compute process to run: a method of the index or the answerer.
CALLS = {"search": "index", "plan": "index", "ask": "answerer", "ask_many": "answerer"}


class ComputeLost(RuntimeError):
    """The compute process ended, or did not answer in time, while a call waited (HTTP 503);
    the next call starts another if it ended."""


@dataclass(frozen=True)
class Loaded:
    store: Store
    index: SearchIndex
    answerer: Answerer


def open_knowledge_base(location: Location | None) -> Loaded:
    """The store, the mapped index and the answerer, with one question answered and the typo
    indexes built, so that the tokenizer, the tagger, the embedding model and pypinyin are
    loaded before the first request."""
    from zhengce.answer.generate import make_answerer

    store = Store(location)
    index = SearchIndex.load(store)
    answerer = make_answerer(store, index, ANSWERS_KEPT)
    answerer.ask(WARM_UP)
    answerer.vocabulary.build_typo_indexes()
    return Loaded(store, index, answerer)


def settle_heap() -> None:
    """Collect what loading left, then spare everything alive now from the collector's full
    passes. A full pass walks every object a process holds; in a loaded worker it took
    100-140 ms and stopped its event loop, health checks included (bench/load.py)."""
    gc.unfreeze()
    gc.collect()
    gc.freeze()


def reopen_if_changed(changed: Callable[[], bool], lock: threading.Lock, reopen: Callable[[], None]) -> None:
    """Reopen once after a build, an add or a remove: one thread reopens while the others
    wait for it, and what it loaded is then settled (``settle_heap``)."""
    if changed():
        with lock:
            if changed():
                reopen()
                settle_heap()


class Current:
    """The knowledge base a compute process serves, reopened when a build, an add or a
    remove has replaced it; calls already running keep the one they started with."""

    def __init__(self, location: Location) -> None:
        self.location, self.reloading = location, threading.Lock()
        self.loaded = open_knowledge_base(location)
        settle_heap()

    def fresh(self) -> Loaded:
        reopen_if_changed(lambda: self.loaded.store.changed(), self.reloading, self._reopen)
        return self.loaded

    def _reopen(self) -> None:
        self.loaded = open_knowledge_base(self.location)


def serve_calls(connection: Connection, location: Location, threads: int) -> None:
    """The compute process: load, say so, then run each call in a thread until the worker goes."""
    with suppress(OSError):
        os.nice(BEHIND)
    share_query_vectors(folder_of(location) / QUERY_VECTORS_FILE)
    try:
        current = Current(location)
    except KnowledgeBaseError as error:
        connection.send(str(error))
        return
    connection.send(READY)
    sending = threading.Lock()
    with ThreadPoolExecutor(threads, thread_name_prefix="compute") as pool:
        while True:
            try:
                call = connection.recv()
            except (EOFError, OSError):  # the worker has gone
                break
            pool.submit(_run_call, connection, sending, current, call)


def _run_call(connection: Connection, sending: threading.Lock, current: Current, call: tuple) -> None:
    call_id, name, args = call
    try:
        target = getattr(current.fresh(), CALLS[name])
        reply = (call_id, True, getattr(target, name)(*args))
    except Exception as error:  # raised again in the worker, where the app's handlers shape it
        reply = (call_id, False, portable_error(error))
    with sending, suppress(OSError):
        try:
            connection.send(reply)
        except Exception as error:  # pickling failed before anything was written
            connection.send((call_id, False, RuntimeError(f"{type(error).__name__}: {error}")))


def portable_error(error: Exception) -> Exception:
    """The error itself if the worker can rebuild it from its pickle (an error whose
    constructor takes other arguments than its message cannot be), else a RuntimeError
    that names it."""
    try:
        pickle.loads(pickle.dumps(error))
    except Exception:
        return RuntimeError(f"{type(error).__name__}: {error}")
    return error


class Channel:
    """One compute process and its pipe: calls from any thread, answered as each finishes."""

    def __init__(self, process: multiprocessing.process.BaseProcess, connection: Connection) -> None:
        self.process, self.connection = process, connection
        self.pending: dict[int, Future] = {}
        self.ids, self.sending, self.open = itertools.count(), threading.Lock(), True
        threading.Thread(target=self._receive, name="compute-replies", daemon=True).start()

    def alive(self) -> bool:
        return self.open and self.process.is_alive()

    def call(self, name: str, args: tuple) -> Any:
        future: Future = Future()
        with self.sending:
            if not self.open:
                raise ComputeLost("检索进程已退出，请重试。")
            call_id = next(self.ids)
            self.pending[call_id] = future
            try:
                self.connection.send((call_id, name, args))
            except OSError:
                self.pending.pop(call_id)
                raise ComputeLost("检索进程已退出，请重试。") from None
        try:
            return future.result(timeout=CALL_SECONDS)
        except TimeoutError:
            raise ComputeLost(f"检索进程 {CALL_SECONDS} 秒内没有答复，请稍后重试。") from None

    def _receive(self) -> None:
        while True:
            try:
                call_id, ok, value = self.connection.recv()
            except Exception:  # the process ended, or sent what cannot be read: done with it either way
                break
            future = self.pending.pop(call_id)
            future.set_result(value) if ok else future.set_exception(value)
        with self.sending:
            self.open, lost, self.pending = False, self.pending, {}
        with suppress(OSError):
            self.connection.close()  # a compute process still running sees its pipe close, and ends
        for future in lost.values():
            future.set_exception(ComputeLost("检索进程意外退出，已重新启动，请重试。"))

    def close(self) -> None:
        with suppress(OSError):
            self.connection.close()
        self.process.join(timeout=5)
        if self.process.is_alive():
            self.process.terminate()


class ComputeProcess:
    """A worker's handle on its compute process, started again if it has ended."""

    def __init__(self, location: Location, threads: int = THREADS) -> None:
        self.location, self.threads, self.starting = location, threads, threading.Lock()
        self.channel = self._start()

    def call(self, name: str, *args: Any) -> Any:
        channel = self.channel
        if not channel.alive():
            with self.starting:
                if not self.channel.alive():
                    self.channel = self._start()
                channel = self.channel
        return channel.call(name, args)

    def _start(self) -> Channel:
        context = multiprocessing.get_context("spawn")  # a fork would copy this worker's threads' locks
        here, there = context.Pipe()
        process = context.Process(
            target=serve_calls, args=(there, self.location, self.threads), name="zhengce-compute", daemon=True
        )
        process.start()
        there.close()
        if not here.poll(START_SECONDS):
            process.kill()
            raise KnowledgeBaseError(f"检索进程 {START_SECONDS} 秒内未能载入知识库。")
        try:
            message = here.recv()
        except EOFError:
            message = f"检索进程启动失败（退出码 {process.exitcode}）。"
        if message != READY:
            raise KnowledgeBaseError(message)
        return Channel(process, here)

    def close(self) -> None:
        self.channel.close()


class RemoteIndex:
    """The index's search and plan, run in the compute process."""

    def __init__(self, compute: ComputeProcess) -> None:
        self.compute = compute

    def search(self, raw: str, k: int = 10, filters: Filters | None = None, mode: Mode = "hybrid") -> list[Hit]:
        return self.compute.call("search", raw, k, filters, mode)

    def plan(self, raw: str, filters: Filters | None = None) -> dict[str, Any]:
        return self.compute.call("plan", raw, filters)


class RemoteAnswerer:
    """The answerer's ask and ask_many, run in the compute process."""

    def __init__(self, compute: ComputeProcess) -> None:
        self.compute = compute

    def ask(self, question: str, on: date | None = None) -> Answer:
        return self.compute.call("ask", question, on)

    def ask_many(self, questions: list[str], on: date | None = None) -> list[Answer | QueryError]:
        return self.compute.call("ask_many", questions, on)
