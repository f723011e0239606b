"""Benchmark: web search pages and the search API on the real corpus, served for real.

A uvicorn server on loopback serves the knowledge base; the same client times
GET /search (the HTML results page), GET /api/search and, as the plain
baseline, GET /api/health (routing and JSON only), so the ratios say what
search and rendering add.

    python bench/web.py [--requests 100]
"""

from __future__ import annotations

import argparse
import socket
import statistics
import threading
import time

import httpx
import numpy as np
import uvicorn

from zhengce.api.app import create_app
from zhengce.evaluation.questions import load_questions


def start_server():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    app = create_app()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    return server, f"http://127.0.0.1:{port}", app


def timed(client: httpx.Client, urls: list[str]) -> list[float]:
    times = []
    for url in urls:
        started = time.perf_counter()
        client.get(url).raise_for_status()
        times.append((time.perf_counter() - started) * 1000)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=100)
    count = parser.parse_args().requests
    server, base, app = start_server()
    questions = [q.question for q in load_questions(app.state.store) if q.answerable][:count]
    with httpx.Client(base_url=base, timeout=30) as client:
        timed(client, ["/search?q=预热", "/api/health"])
        rows = {
            "GET /api/health (baseline)": timed(client, ["/api/health"] * len(questions)),
            "GET /api/search": timed(client, [f"/api/search?q={q}" for q in questions]),
            "GET /search (HTML page)": timed(client, [f"/search?q={q}" for q in questions]),
        }
    server.should_exit = True
    base_p50 = float(np.percentile(rows["GET /api/health (baseline)"], 50))
    for name, times in rows.items():
        p50, p95 = float(np.percentile(times, 50)), float(np.percentile(times, 95))
        print(f"{name:<28} p50 {p50:7.1f} ms  p95 {p95:7.1f} ms  {1000 / statistics.mean(times):6.1f} req/s  "
              f"p50 ratio to baseline {p50 / base_p50:5.1f}x")


if __name__ == "__main__":
    main()
