"""Benchmark: what a date costs. Keyword search with and without ``valid_on`` (documents
in force, articles whose own period ended left out), and every document's status on a
date, against plain search in the same run.

    python bench/validity.py [--db var/zhengce.db] [--queries 50]
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from datetime import date

from zhengce.evaluation.questions import load_questions
from zhengce.index.hybrid import SearchIndex
from zhengce.store.db import Store
from zhengce.store.records import Filters

DATES = (date(2020, 7, 1), date(2021, 6, 1), date(2022, 6, 1), date(2025, 12, 1))


def median_ms(run: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", default=None)
    parser.add_argument("--queries", type=int, default=50)
    args = parser.parse_args()
    store = Store(args.db)
    index = SearchIndex.load(store)
    queries = [q.question for q in load_questions(store)][: args.queries]
    index.search(queries[0], mode="keyword")  # warm: tokenizer, caches

    def searches(filters: Filters) -> Callable[[], object]:
        return lambda: [index.search(q, k=10, filters=filters, mode="keyword") for q in queries]

    plain = median_ms(searches(Filters()), 3) / len(queries)
    dated = median_ms(searches(Filters(valid_on=DATES[0])), 3) / len(queries)
    statuses = median_ms(lambda: [store.all_validity(day) for day in DATES], 5) / len(DATES)
    print(f"keyword search, per query: plain {plain:.2f} ms, with valid_on {dated:.2f} ms "
          f"(ratio {dated / plain:.2f})")
    print(f"every document's status on one date: {statuses:.2f} ms ({statuses / plain:.2f} plain searches)")


if __name__ == "__main__":
    main()
