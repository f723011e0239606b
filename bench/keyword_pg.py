"""Benchmark: keyword ranking by bm25s in the worker against PostgreSQL full text.

Both rank the same pre-segmented jieba tokens (the units' ``tokens`` column; in
PostgreSQL ``to_tsvector('simple', tokens)`` with a GIN index, ranked by ``ts_rank``).
The PostgreSQL ranking is put in the place of the bm25s one inside zhengce's search,
so the team eval (the figures of `zhengce eval search`) is measured with each, and
the time of the keyword ranking alone is measured per question in the same run.

    python bench/keyword_pg.py --db postgresql://…   (a knowledge base built there)
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable

import numpy as np

from zhengce.evaluation.questions import load_questions
from zhengce.evaluation.search import MODES, evaluate_search
from zhengce.index.hybrid import SearchIndex
from zhengce.index.query import normalize
from zhengce.store.backend import PgConnection, is_postgres
from zhengce.store.db import Store

QUERY = """SELECT f.id, ts_rank(f.v, q.q) FROM fts f,
  (SELECT string_agg('(' || p::text || ')', ' | ')::tsquery AS q
     FROM unnest(?::text[]) AS t, plainto_tsquery('simple', t) AS p WHERE p::text <> '') AS q
  WHERE f.v @@ q.q"""


class PgFullText:
    """What search asks of a bm25s index (``get_scores``), answered by PostgreSQL."""

    def __init__(self, url: str, schema: str, units: int) -> None:
        self.connection = PgConnection(url, autocommit=True)
        self.connection.use_schema(schema)
        self.units = units
        self.connection.execute("CREATE TEMP TABLE fts AS SELECT id, to_tsvector('simple', tokens) AS v FROM units")
        self.connection.execute("CREATE INDEX ON fts USING gin (v)")
        self.connection.execute("ANALYZE fts")

    def get_scores(self, query_tokens: list[str]) -> np.ndarray:
        scores = np.zeros(self.units, dtype=np.float32)
        for unit, score in self.connection.execute(QUERY, (query_tokens,)):
            scores[unit] = score
        return scores


def timed(rank: Callable[[list[str]], np.ndarray], queries: list[list[str]]) -> list[float]:
    """Milliseconds per query of one keyword ranking (scores, then the top 10)."""
    times = []
    for query in queries:
        started = time.perf_counter()
        np.argsort(-rank(query))[:10]
        times.append((time.perf_counter() - started) * 1000)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", required=True, help="a PostgreSQL knowledge base (postgresql://…)")
    url = parser.parse_args().db
    if not is_postgres(url):
        parser.error("--db must be a postgresql:// URL")
    store = Store(url)
    index = SearchIndex.load(store)
    questions = load_questions(store)
    schema = store.connection.execute("SELECT current_schema()").fetchone()[0]
    fulltext = PgFullText(url, schema, len(index.units))
    bm25 = index.bm25
    queries = [index._query_tokens(normalize(q.question, index.known_numbers)) for q in questions if q.answerable]
    queries = [q for q in queries if q]
    print(f"{len(queries)} questions, {len(index.units)} units")
    print(f"{'ranking':<24}{'mode':<10}{'R@1':>7}{'R@5':>7}{'R@10':>7}{'MRR':>7}")
    for name, ranker in (("bm25s (worker)", bm25), ("PostgreSQL full text", fulltext)):
        index.bm25 = ranker
        scores, _ = evaluate_search(index, questions, MODES)
        for s in scores:
            print(f"{name:<24}{s.mode:<10}{s.recall_at_1:>7.3f}{s.recall_at_5:>7.3f}{s.recall_at_10:>7.3f}{s.mrr:>7.3f}")
    timed(fulltext.get_scores, queries[:10])  # warm both
    timed(bm25.get_scores, queries[:10])
    base = timed(bm25.get_scores, queries)
    other = timed(fulltext.get_scores, queries)
    for name, times in (("bm25s (worker)", base), ("PostgreSQL full text", other)):
        p50, p95 = statistics.median(times), float(np.percentile(times, 95))
        print(f"{name:<24} keyword ranking p50 {p50:6.2f} ms  p95 {p95:6.2f} ms  "
              f"(× {p50 / statistics.median(base):.1f} of bm25s at p50)")


if __name__ == "__main__":
    main()
