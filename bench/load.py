"""Benchmark: many clients at once over loopback. For each server set-up (one worker, two
workers) and each number of clients (20, 50, 100), every client asks in a loop for
``--seconds``: half searches (/api/search), a quarter answers (/api/ask), a quarter
document pages (/documents/{id}); a separate client asks /api/health every 0.2 s.
Each client speaks from its own loopback address (127.0.0.N), as clerks at their own
desks would, so the server's per-client limit applies per client.

Reports requests per second, p50/p95/p99 by kind, errors, and each worker's resident
memory. Not part of `make test`: it takes (set-ups x client counts x seconds). With
``--pg URL`` (a knowledge base built there with `zhengce --db URL build`) the same run
adds the rows of ``--pg-workers`` workers over PostgreSQL.

    python bench/load.py [--db var/zhengce.db] [--seconds 30] [--clients 20 50 100] [--workers 1 2]
                         [--pg postgresql://…] [--pg-workers 2]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import socket
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

import httpx

from zhengce.evaluation.questions import load_questions
from zhengce.store.db import Store

BIN = Path(sys.executable).parent
KINDS = ("search", "ask", "document")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(db: str, workers: int, port: int) -> subprocess.Popen:
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
    """Resident memory of the processes that serve (the workers, or the one process)."""
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

    pids = children(server.pid)
    serving = [p for p in pids if rss(p) > 100] or [server.pid]  # leave out uvicorn's small helpers
    return [round(rss(p)) for p in serving]


async def client(number: int, base: str, work: list[tuple[str, str]], until: float,
                 results: dict[str, list[float]], errors: dict[str, int]) -> None:
    transport = httpx.AsyncHTTPTransport(local_address=f"127.0.{number // 250}.{number % 250 + 2}")
    async with httpx.AsyncClient(base_url=base, transport=transport, timeout=60) as http:
        while time.perf_counter() < until:
            kind, path = random.choice(work)
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


async def health(base: str, until: float, times: list[float]) -> None:
    async with httpx.AsyncClient(base_url=base, timeout=60) as http:
        while time.perf_counter() < until:
            start = time.perf_counter()
            await http.get("/api/health")
            times.append(time.perf_counter() - start)
            await asyncio.sleep(0.2)


async def round_of(base: str, clients: int, seconds: float, work: list[tuple[str, str]]) -> dict:
    results: dict[str, list[float]] = defaultdict(list)
    errors: dict[str, int] = defaultdict(int)
    health_times: list[float] = []
    until = time.perf_counter() + seconds
    await asyncio.gather(health(base, until, health_times),
                         *(client(n, base, work, until, results, errors) for n in range(clients)))
    return {"results": results, "errors": errors, "health": health_times}


def pct(values: list[float], q: float) -> str:
    if not values:
        return "—"
    return f"{statistics.quantiles(values, n=100)[q - 1] * 1000:,.0f}" if len(values) > 1 else f"{values[0]:.0f}"


def mixed_work(db: str) -> list[tuple[str, str]]:
    store = Store(db)
    questions = [q.question for q in load_questions(store)]
    documents = [d.id for d in store.list_documents()]
    work = [("search", f"/api/search?q={q}&k=10") for q in questions]
    work += [("ask", f"/api/ask?q={q}") for q in questions[::2]]
    work += [("document", f"/documents/{d}") for d in documents][: len(questions) // 2]
    return work


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", default="var/zhengce.db")
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--clients", type=int, nargs="+", default=[20, 50, 100])
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--pg", help="a PostgreSQL knowledge base (postgresql://…) to serve as well")
    parser.add_argument("--pg-workers", type=int, nargs="+", default=[2])
    args = parser.parse_args()
    setups = [(args.db, workers, "SQLite") for workers in args.workers]
    setups += [(args.pg, workers, "PostgreSQL") for workers in args.pg_workers if args.pg]
    work = mixed_work(args.db)
    print(f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}; {args.seconds:.0f} s per row\n")
    print("| set-up | clients | req/s | search p50/p95/p99 ms | ask p50/p95/p99 ms | document p50/p95/p99 ms "
          "| errors | health max ms | RSS per worker MB |")
    print("|---|---|---|---|---|---|---|---|---|")
    for db, workers, backend in setups:
        port = free_port()
        server = start_server(db, workers, port)
        try:
            for clients in args.clients:
                out = asyncio.run(round_of(f"http://127.0.0.1:{port}", clients, args.seconds, work))
                done = sum(len(v) for v in out["results"].values())
                cells = [" / ".join(pct(out["results"][k], q) for q in (50, 95, 99)) for k in KINDS]
                print(f"| {workers} worker{'s' if workers > 1 else ''} {backend} | {clients} | "
                      f"{done / args.seconds:.1f} | {' | '.join(cells)} | {sum(out['errors'].values())} | "
                      f"{max(out['health'], default=0) * 1000:,.0f} | {worker_rss_mb(server)} |", flush=True)
        finally:
            os.killpg(server.pid, 15)
            server.wait(timeout=30)


if __name__ == "__main__":
    main()
