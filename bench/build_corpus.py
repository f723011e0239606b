"""Benchmark: the corpus build (parse, merge, tokenise, link, write; no embedding) against a plain baseline.

The baseline reads the same raw files and splits them into lines, which is the
least any build must do; the ratio says what parsing and structuring cost on
top of that, and is stable across noisy machines where seconds are not.

    python bench/build_corpus.py [--runs 5]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from zhengce.build import build_knowledge_base
from zhengce.corpus.build import DEFAULT_RAW_DIR, raw_files


def plain_read() -> None:
    for path in raw_files(DEFAULT_RAW_DIR):
        path.read_text(encoding="utf-8").split("\n")


def full_build() -> None:
    with tempfile.TemporaryDirectory() as folder:
        build_knowledge_base(Path(folder) / "kb.db", DEFAULT_RAW_DIR, cache=None)


def timed(function: Callable[[], None], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        function()
        times.append(time.perf_counter() - started)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--db", help="ignored; accepted so that `make bench` can pass the path")
    runs = parser.parse_args().runs
    baseline, build = timed(plain_read, runs), timed(full_build, runs)
    base_median, build_median = statistics.median(baseline), statistics.median(build)
    print(f"plain read of the raw files: median {base_median * 1000:.1f} ms over {runs} runs")
    print(f"full build (parse, merge, tokenise, link, write SQLite): median {build_median:.2f} s over {runs} runs")
    print(f"ratio build / plain read: {build_median / base_median:.0f}x")


if __name__ == "__main__":
    main()
