"""Benchmark: hybrid search against a plain bm25s index over the same units.

For the real corpus and for synthetic corpora of 100,000 and 1,000,000 units
(each synthetic unit joins half the tokens of one real unit to half of
another's, with the sum of their vectors, so the benchmark measures search, not
days of embedding), it reports
index build time, memory, warm query latency p50/p95 and queries per second,
for zhengce's hybrid search and for plain bm25s top-10 retrieval in the same
run. Embedding throughput on this CPU is measured on its own.

    python bench/search.py [--sizes real,100000,1000000] [--queries 100]
"""

from __future__ import annotations

import argparse
import gc
import resource
import statistics
import time
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import bm25s
import numpy as np

from zhengce.evaluation.questions import load_questions
from zhengce.index.embed import embed_queries, model
from zhengce.index.hybrid import SearchIndex
from zhengce.index.tokenize import tokens
from zhengce.store.db import Store
from zhengce.store.records import StoredUnit


def rss_mb() -> float:
    """Current resident memory (not the peak), so that each index's own size shows."""
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def percentile(values: list[float], q: float) -> float:
    return float(np.percentile(values, q))


class SyntheticUnits(Sequence):
    """A million units without a million records in memory: unit i is built when asked for."""

    def __init__(self, units: list[StoredUnit], left: np.ndarray, right: np.ndarray) -> None:
        self.real, self.left, self.right = units, left, right

    def __len__(self) -> int:
        return len(self.left)

    def __getitem__(self, i) -> StoredUnit:
        a, b = self.real[self.left[i]], self.real[self.right[i]]
        return replace(a, node_id=f"{a.node_id}+{i}", text=f"{a.text}\n{b.text}")


def synthetic(units: list[StoredUnit], vectors: np.ndarray, size: int, seed: int = 7):
    """``size`` units recombined from two real units each: the first half of one's
    tokens with the second half of the other's (so lengths stay real), vectors summed."""
    rng = np.random.default_rng(seed)
    left, right = rng.integers(0, len(units), size), rng.integers(0, len(units), size)
    vocabulary: dict[str, int] = {}
    real_ids = [np.array([vocabulary.setdefault(t, len(vocabulary)) for t in u.tokens], dtype=np.int32)
                for u in units]
    vocabulary[""] = len(vocabulary)
    corpus = [np.concatenate([real_ids[a][: len(real_ids[a]) // 2], real_ids[b][len(real_ids[b]) // 2:]])
              for a, b in zip(left, right, strict=True)]
    summed = vectors[left] + vectors[right]
    summed /= np.linalg.norm(summed, axis=1, keepdims=True)
    return SyntheticUnits(units, left, right), summed.astype(np.float32), (corpus, vocabulary)


def time_queries(run, queries: list, repeat: int = 1) -> list[float]:
    times = []
    for _ in range(repeat):
        for query in queries:
            started = time.perf_counter()
            run(query)
            times.append((time.perf_counter() - started) * 1000)
    return times


def report(name: str, build_s: float, memory_mb: float, times: list[float]) -> dict:
    row = {"name": name, "build_s": build_s, "memory_mb": memory_mb, "p50_ms": percentile(times, 50),
           "p95_ms": percentile(times, 95), "qps": 1000 / statistics.mean(times)}
    print(f"  {name:<22} build {build_s:7.2f} s  memory +{memory_mb:7.0f} MB  "
          f"p50 {row['p50_ms']:7.2f} ms  p95 {row['p95_ms']:7.2f} ms  {row['qps']:8.1f} q/s")
    return row


def bench_size(label: str, units, vectors: np.ndarray, documents: dict, questions: list[str],
               query_vectors: np.ndarray, token_ids=None) -> None:
    """Plain bm25s and zhengce hybrid over the same units; one BM25 index serves both
    when the units come as token ids, as the synthetic ones do."""
    print(f"{label}: {len(units):,} units")
    query_tokens = [tokens(q) for q in questions]
    gc.collect()
    before, started = rss_mb(), time.perf_counter()
    plain = bm25s.BM25()
    plain.index(token_ids or [list(u.tokens) or [""] for u in units], show_progress=False)
    plain_build = time.perf_counter() - started
    plain_row = report("plain bm25s", plain_build, rss_mb() - before, time_queries(
        lambda t: plain.retrieve([t], k=10, show_progress=False), query_tokens))

    gc.collect()
    before, started = rss_mb(), time.perf_counter()
    index = SearchIndex(units, documents, vectors, bm25=plain if token_ids else None, bigrams=not token_ids)
    build = time.perf_counter() - started + (plain_build if token_ids else 0)
    vector_of = dict(zip(questions, query_vectors, strict=True))
    hybrid_row = report("zhengce hybrid", build, rss_mb() - before, time_queries(
        lambda q: index.search(q, k=10, query_vector=vector_of[q]), questions))
    if label == "real corpus":
        report("hybrid + query embed", build, 0, time_queries(lambda q: index.search(q, k=10), questions))
    print(f"  ratio hybrid / plain bm25s: p50 {hybrid_row['p50_ms'] / plain_row['p50_ms']:.1f}x, "
          f"p95 {hybrid_row['p95_ms'] / plain_row['p95_ms']:.1f}x")


def embedding_throughput(units: list[dict], count: int = 96) -> None:
    texts = [f"{u.context}\n{u.text}" for u in units[:count]]
    model().passage(texts[:8])
    started = time.perf_counter()
    model().passage(texts)
    elapsed = time.perf_counter() - started
    started = time.perf_counter()
    embed_queries([u.text[:30] for u in units[:count]])
    query_elapsed = time.perf_counter() - started
    print(f"embedding: {count / elapsed:.1f} units/s (passages, mean {np.mean([len(t) for t in texts]):.0f} chars), "
          f"{count / query_elapsed:.1f} queries/s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=None)
    parser.add_argument("--sizes", default="real,100000,1000000")
    parser.add_argument("--queries", type=int, default=100)
    args = parser.parse_args()
    store = Store(args.db)
    units, vectors = store.units(), store.unit_vectors()
    if vectors is None:
        raise SystemExit("The knowledge base has no vectors: build it without --no-vectors.")
    documents = {d.id: d for d in store.list_documents()}
    questions = [q.question for q in load_questions(store) if q.answerable][:args.queries]
    query_vectors = embed_queries(questions)
    embedding_throughput(units)
    for size in args.sizes.split(","):
        if size == "real":
            bench_size("real corpus", units, vectors, documents, questions, query_vectors)
        else:
            synthetic_units, synthetic_vectors, token_ids = synthetic(units, vectors, int(size))
            bench_size(f"synthetic {int(size):,}", synthetic_units, synthetic_vectors, documents, questions,
                       query_vectors, token_ids)
            del synthetic_units, synthetic_vectors, token_ids


if __name__ == "__main__":
    main()
