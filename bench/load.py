"""Benchmark: many clients at once over loopback. For each server set-up (one worker, two
workers) and each number of clients (20, 50, 100), every client asks in a loop for
``--seconds``: half searches (/api/search), a quarter answers (/api/ask), a quarter
document pages (/documents/{id}). A prober in a process of its own (as another clerk's
browser would be) asks /api/health every 0.2 s. Each client speaks from its own loopback
address (127.0.0.N), as clerks at their own desks would, so the per-client limit applies
per client.

Two workloads, as a server keeps the vectors and answers of questions it has heard:
``repeat`` draws from the team's 201 questions, so most are asked again, as at a service
window; ``new`` gives every search and answer a question the server has not heard (the
eval questions, each also after a polite opening such as 请问), on a server started
afresh for the row. The "heard" column is the share of search and answer requests whose
question this server had been asked before.

Reports requests per second, p50/p95/p99 by kind, errors, and each worker's resident
memory. Not part of `make test`: it takes (set-ups x workloads x client counts x seconds).
With ``--pg URL`` (a knowledge base built there with `zhengce --db URL build`) the same
run adds the rows of ``--pg-workers`` workers over PostgreSQL.

    python bench/load.py [--db var/zhengce.db] [--seconds 30] [--clients 20 50 100] [--workers 1 2]
                         [--workloads repeat new] [--pg postgresql://…] [--pg-workers 2]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from multiprocessing import Process, Queue
from pathlib import Path

import httpx

from zhengce.api.engine import QUERY_VECTORS_FILE
from zhengce.evaluation.questions import load_questions
from zhengce.index.persist import folder_of
from zhengce.store.db import Store

BIN = Path(sys.executable).parent
KINDS = ("search", "ask", "document")
EVAL = Path(__file__).resolve().parent.parent / "eval"
OPENINGS = ["请问", "我想咨询一下，", "您好，"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(db: str, workers: int, port: int) -> subprocess.Popen:
    """A server that has heard no question yet: the query vectors its compute processes
    share survive restarts, so the file is removed first."""
    shared = folder_of(db) / QUERY_VECTORS_FILE
    for path in (shared, shared.with_name(shared.name + "-wal"), shared.with_name(shared.name + "-shm")):
        path.unlink(missing_ok=True)
    server = subprocess.Popen([str(BIN / "zhengce"), "--db", db, "serve", "--port", str(port),
                               "--workers", str(workers)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                              start_new_session=True)
    deadline = time.time() + 120
    while time.time() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=1).status_code == 200:
                time.sleep(2 * workers)  # the other workers load too
                return server
        except httpx.HTTPError:
            time.sleep(0.3)
    server.kill()
    raise SystemExit(f"server did not start: {server.stderr.read().decode() if server.stderr else ''}")


def worker_rss_mb(server: subprocess.Popen) -> list[float]:
    """Resident memory of each worker with its compute process (or of the one process)."""
    def children(pid: int) -> list[int]:
        found = []
        for task in Path(f"/proc/{pid}/task").iterdir():
            found += [int(c) for c in (task / "children").read_text().split()]
        return found

    def rss(pid: int) -> float:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
        return 0.0

    def with_descendants(pid: int) -> float:
        return rss(pid) + sum(with_descendants(child) for child in children(pid))

    workers = [w for w in children(server.pid) if children(w)] or [server.pid]  # not uvicorn's small helpers
    return [round(with_descendants(w)) for w in workers]


class Work:
    """What the clients ask next: drawn at random (``repeat``), or each question once (``new``)."""

    def __init__(self, questions: list[str], documents: list[str], fresh: bool) -> None:
        self.questions, self.documents, self.fresh = questions, documents, fresh
        self.unheard = random.sample(questions, len(questions)) if fresh else []
        self.heard: set[str] = set()
        self.asked = self.asked_again = 0

    def next(self) -> tuple[str, str]:
        kind = random.choice(("search", "search", "ask", "document"))
        if kind == "document":
            return kind, f"/documents/{random.choice(self.documents)}"
        question = self.unheard.pop() if self.fresh and self.unheard else random.choice(self.questions)
        self.asked += 1
        self.asked_again += question in self.heard
        self.heard.add(question)
        return kind, f"/api/search?q={question}&k=10" if kind == "search" else f"/api/ask?q={question}"


async def client(number: int, base: str, work: Work, until: float,
                 results: dict[str, list[float]], errors: dict[str, int]) -> None:
    transport = httpx.AsyncHTTPTransport(local_address=f"127.0.{number // 250}.{number % 250 + 2}")
    async with httpx.AsyncClient(base_url=base, transport=transport, timeout=60) as http:
        while time.perf_counter() < until:
            kind, path = work.next()
            start = time.perf_counter()
            try:
                response = await http.get(path)
                ok = response.status_code == 200
            except httpx.HTTPError:
                ok = False
            if ok:
                results[kind].append(time.perf_counter() - start)
            else:
                errors[kind] += 1


def probe_health(base: str, seconds: float, times: Queue) -> None:
    """Ask /api/health every 0.2 s, in a process of its own: the load clients' event
    loop would otherwise add its own delays to what the server took."""
    found = []
    with httpx.Client(base_url=base, timeout=60) as http:
        until = time.perf_counter() + seconds
        while time.perf_counter() < until:
            start = time.perf_counter()
            http.get("/api/health")
            found.append(time.perf_counter() - start)
            time.sleep(0.2)
    times.put(found)


async def round_of(base: str, clients: int, seconds: float, work: Work) -> dict:
    results: dict[str, list[float]] = defaultdict(list)
    errors: dict[str, int] = defaultdict(int)
    health_times: Queue = Queue()
    prober = Process(target=probe_health, args=(base, seconds, health_times))
    prober.start()
    until = time.perf_counter() + seconds
    await asyncio.gather(*(client(n, base, work, until, results, errors) for n in range(clients)))
    health = health_times.get(timeout=60)
    prober.join()
    return {"results": results, "errors": errors, "health": health}


def pct(values: list[float], q: int) -> str:
    if not values:
        return "—"
    return f"{statistics.quantiles(values, n=100)[q - 1] * 1000:,.0f}" if len(values) > 1 else f"{values[0]:.0f}"


def question_pool(db: str) -> tuple[list[str], list[str], list[str]]:
    """The team's questions (repeat), every eval question with and without an opening
    (new), and the documents."""
    store = Store(db)
    team = [q.question for q in load_questions(store)]
    every = set(team)
    for path in [*EVAL.glob("**/*.jsonl"), *EVAL.glob("**/*.tsv")]:
        every.update(read_questions(path))
    openings = ["", *OPENINGS]
    return team, [o + q for q in sorted(every) for o in openings], [d.id for d in store.list_documents()]


def read_questions(path: Path) -> list[str]:
    if path.suffix == ".tsv":
        return [line.split("\t", 1)[0] for line in path.read_text(encoding="utf-8").splitlines()[1:] if line]
    return [json.loads(line)["question"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def row(label: str, workload: str, clients: int, seconds: float, out: dict, work: Work, rss: list[float]) -> str:
    done = sum(len(v) for v in out["results"].values())
    cells = [" / ".join(pct(out["results"][k], q) for q in (50, 95, 99)) for k in KINDS]
    heard = f"{work.asked_again / work.asked:.0%}" if work.asked else "—"
    return (f"| {label} | {workload} | {clients} | {heard} | {done / seconds:.1f} | {' | '.join(cells)} | "
            f"{sum(out['errors'].values())} | {pct(out['health'], 50)} / {pct(out['health'], 99)} / "
            f"{max(out['health'], default=0) * 1000:,.0f} | {rss} |")


def run_setup(db: str, workers: int, backend: str, args: argparse.Namespace, pools: tuple) -> None:
    team, every, documents = pools
    label = f"{workers} worker{'s' if workers > 1 else ''} {backend}"
    for workload in args.workloads:
        fresh = workload == "new"
        server, port = None, 0
        shared = Work(team, documents, fresh=False)
        try:
            for clients in args.clients:
                if server is None or fresh:  # a new server for every row of new questions
                    if server is not None:
                        stop(server)
                    port = free_port()
                    server = start_server(db, workers, port)
                work = Work(every, documents, fresh=True) if fresh else shared
                out = asyncio.run(round_of(f"http://127.0.0.1:{port}", clients, args.seconds, work))
                print(row(label, workload, clients, args.seconds, out, work, worker_rss_mb(server)), flush=True)
        finally:
            if server is not None:
                stop(server)


def stop(server: subprocess.Popen) -> None:
    os.killpg(server.pid, 15)
    server.wait(timeout=30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", default="var/zhengce.db")
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--clients", type=int, nargs="+", default=[20, 50, 100])
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--workloads", nargs="+", choices=["repeat", "new"], default=["repeat", "new"])
    parser.add_argument("--pg", help="a PostgreSQL knowledge base (postgresql://…) to serve as well")
    parser.add_argument("--pg-workers", type=int, nargs="+", default=[2])
    args = parser.parse_args()
    setups = [(args.db, workers, "SQLite") for workers in args.workers]
    setups += [(args.pg, workers, "PostgreSQL") for workers in args.pg_workers if args.pg]
    pools = question_pool(args.db)
    print(f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}; {args.seconds:.0f} s per row; "
          f"{len(pools[0])} questions to repeat, {len(pools[1])} new ones\n")
    print("| set-up | workload | clients | heard | req/s | search p50/p95/p99 ms | ask p50/p95/p99 ms "
          "| document p50/p95/p99 ms | errors | health p50/p99/max ms | RSS per worker MB (with its compute process) |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for db, workers, backend in setups:
        run_setup(db, workers, backend, args, pools)


if __name__ == "__main__":
    main()
