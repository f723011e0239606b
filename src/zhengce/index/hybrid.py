"""Hybrid retrieval over the units: BM25 on jieba tokens, e5 vectors, fused by rank.

Reciprocal rank fusion (Cormack et al., 2009) adds ``weight / (RRF_K + rank)``
from each ranking; it needs no score calibration between BM25 and cosine. A
document number in the query wins outright: that document's units come first.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any, Literal

import bm25s
import numpy as np
from threadpoolctl import threadpool_limits

from zhengce.index import MAX_K
from zhengce.index.embed import embed_queries, embed_query
from zhengce.index.persist import bigram_lists, keyword_index, stored_index
from zhengce.index.query import Query, QueryError, normalize
from zhengce.index.rerank import (
    answer_types_first,
    headings_last,
    one_row_per_table,
    sources_first,
    states_answer,
)
from zhengce.index.tokenize import char_bigrams, tokens
from zhengce.index.units import bare_heading, row_cells
from zhengce.relations.interpretation import READING_LEVEL, interpreted_documents
from zhengce.relations.validity import covered
from zhengce.store.db import Store
from zhengce.store.records import DocumentSummary, Filters, StoredUnit

Mode = Literal["hybrid", "keyword", "semantic"]
RRF_K = 10  # measured on eval/: 10 beats 30 and 60 (MRR 0.839 vs 0.830, 0.824)
KEYWORD_WEIGHT = 0.8
# Character bigrams as a third ranking: measured on eval/ and two fresh question sets
# (255 questions), unit R@1 .757 → .776, MRR .835 → .851.
BIGRAM_WEIGHT = 0.8
SEMANTIC_WEIGHT = 1.0
CANDIDATES = 200
NUMBER_BOOST = 1.0
# A row whose cell value (at least MIN_CELL characters, in at most MAX_CELL_ROWS rows)
# the query contains gets NAME_BOOST, or CELL_BOOST when the value is a code or the query
# also names one of its columns (measured: 0.3 for a bare name lost a long-story question).
CELL_BOOST = 0.3
NAME_BOOST = 0.1
MIN_CELL = 4
MAX_CELL_ROWS = 3
# A query's vector product is small; BLAS threads left spinning after it slow down
# the embedding model's own threads that run next (end-to-end p50 40 ms -> 21 ms
# on two cores). Limited here, whatever imported numpy first.
threadpool_limits(limits=1, user_api="blas")
# Above this many units the vector product itself dominates, and both cores pay.
PARALLEL_PRODUCT_UNITS = 200_000


@dataclass
class Hit:
    """One search result: a citable unit with its document's metadata."""

    doc_id: str
    title: str
    doc_number: str | None
    article: str
    node_id: str
    text: str
    snippet: str
    score: float
    region: str
    date: str | None
    section: str | None
    doc_type: str
    kind: str
    matched: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


class SearchIndex:
    """Everything a query needs, loaded once: units, BM25, vectors, document metadata."""

    def __init__(self, units: Sequence[StoredUnit], documents: dict[str, DocumentSummary],
                 vectors: np.ndarray | None, bm25: bm25s.BM25 | None = None, bigrams: bool = True,
                 bigram_bm25: bm25s.BM25 | None = None) -> None:
        """``bm25`` and ``bigram_bm25`` may come built (from disk; the benchmark builds one from
        token ids and leaves out the character-bigram ranking for its synthetic units)."""
        self.units = units
        self.documents = documents
        self.vectors = vectors
        self.bm25 = bm25 if bm25 is not None else keyword_index([list(u.tokens) for u in units])
        self.bigram_bm25 = bigram_bm25
        if bigrams and bigram_bm25 is None:
            self.bigram_bm25 = keyword_index(bigram_lists([(u.kind, u.context, u.text) for u in units]))
        self.doc_ids = list(documents)
        position = {doc_id: i for i, doc_id in enumerate(self.doc_ids)}
        self.unit_doc = np.array([position[u.doc_id] for u in units], dtype=np.int32)
        self.known_numbers = {d.doc_number: d.id for d in documents.values() if d.doc_number}
        self._dated: dict[date, np.ndarray] = {}
        # What each unit is, learnt as queries reach it (see ``_bare`` and ``_states``).
        self._bare_units: dict[int, bool] = {}
        self._stated: dict[tuple[int, str], bool] = {}
        self.cells = _distinctive_cells(units)
        self.unit_doc_ids = [u.doc_id for u in units]
        self.sources: dict[str, set[str]] = {}  # reading → the documents it reads (see ``load``)

    @classmethod
    def load(cls, store: Store) -> SearchIndex:
        documents = {d.id: d for d in store.list_documents()}
        persisted = stored_index(store)
        if persisted is None:
            index = cls(store.units(), documents, store.unit_vectors())
        else:
            index = cls(store.units(), documents, persisted.vectors, persisted.bm25,
                        bigram_bm25=persisted.bigrams)
        index.in_force = lambda on: {doc_id for doc_id, v in store.all_validity(on).items() if v.in_force}
        index.expired_nodes = store.expired_nodes
        index.sources = interpreted_documents(documents.values(), index._opening_citations(store))
        return index

    def _opening_citations(self, store: Store) -> dict[str, list[str]]:
        """The corpus documents each reading's first unit cites (where it says what it reads)."""
        first: dict[str, str] = {}
        for unit in self.units:
            first.setdefault(unit.doc_id, unit.node_id)
        readings = [doc_id for doc_id, document in self.documents.items()
                    if document.level == READING_LEVEL and doc_id in first]
        return {doc_id: [link.doc_id for link in store.graph(doc_id).cites
                         if link.doc_id and link.node_id == first[doc_id]] for doc_id in readings}

    def expired_nodes(self, on: date) -> set[str]:
        """Articles whose own period has ended by ``on``; without validity evidence, none."""
        return set()

    def in_force(self, on: date) -> set[str]:
        """Documents in force on ``on``; without validity evidence (a bare index), all."""
        return set(self.documents)

    def search(self, raw: str, k: int = 10, filters: Filters | None = None, mode: Mode = "hybrid",
               query_vector: np.ndarray | None = None) -> list[Hit]:
        """The ``k`` best units for ``raw``; raises QueryError for an empty or over-long query."""
        query = normalize(raw, self.known_numbers)
        k = max(1, min(k, MAX_K))
        allowed = self._mask(filters or Filters())
        fused = self._fuse(query, allowed, mode, query_vector)
        terms = self._terms(query)
        self._sources_first(fused, terms)
        best = sorted(fused, key=lambda i: (-fused[i], i))[:k]
        return [self._hit(i, fused[i], terms) for i in best]

    def search_many(self, raws: list[str], k: int = 10, filters: Filters | None = None,
                    mode: Mode = "hybrid") -> list[list[Hit] | QueryError]:
        """Several queries with one batched embedding call; a bad query yields its error."""
        checked: list[Query | QueryError] = []
        for raw in raws:
            try:
                checked.append(normalize(raw, self.known_numbers))
            except QueryError as error:
                checked.append(error)
        texts = [q.text for q in checked if isinstance(q, Query)]
        vectors = iter(embed_queries(texts) if mode != "keyword" and self.vectors is not None else [None] * len(texts))
        results: list[list[Hit] | QueryError] = []
        for raw, item in zip(raws, checked, strict=True):
            results.append(item if isinstance(item, QueryError)
                           else self.search(raw, k, filters, mode, next(vectors)))
        return results

    def plan(self, raw: str, filters: Filters | None = None) -> dict[str, Any]:
        """How a query is searched: its normal form, numbers, tokens with their idf, weights."""
        query = normalize(raw, self.known_numbers)
        query_tokens = self._query_tokens(query)
        vocabulary = self.bm25.vocab_dict
        return {
            "query": query.text, "document_numbers": query.numbers, "expansions": query.expansions,
            "tokens": [{"token": t, "in_corpus": t in vocabulary} for t in query_tokens],
            "filters": asdict(filters or Filters()), "fusion": "reciprocal rank",
            "rrf_k": RRF_K,
            "weights": {"keyword": KEYWORD_WEIGHT, "character_bigrams": BIGRAM_WEIGHT, "semantic": SEMANTIC_WEIGHT},
            "semantic": self.vectors is not None, "candidates_per_ranking": CANDIDATES,
        }

    def _mask(self, filters: Filters) -> np.ndarray:
        """Which units the filters allow: decided per document, spread to its units; on a
        date, only the units in force then."""
        allowed_docs = np.array([filters.admit(self.documents[doc_id]) for doc_id in self.doc_ids])
        allowed = allowed_docs[self.unit_doc]
        return allowed & self._in_force_units(filters.valid_on) if filters.valid_on else allowed

    def _in_force_units(self, on: date) -> np.ndarray:
        """Units in force on ``on``: their document in force, no article above them whose own
        period has ended. Kept per date (a server asks for the same few dates)."""
        cache = self._dated
        if on not in cache:
            in_force, expired = self.in_force(on), self.expired_nodes(on)
            documents = {node.split("/", 1)[0] for node in expired}
            live = np.array([doc_id in in_force for doc_id in self.doc_ids])[self.unit_doc]
            live &= ~np.array([u.doc_id in documents and covered(u.node_id, expired) for u in self.units])
            if len(cache) >= 64:
                cache.clear()
            cache[on] = live
        return cache[on]

    def _query_tokens(self, query: Query) -> list[str]:
        return tokens(" ".join([query.text, *query.expansions]))

    def _fuse(self, query: Query, allowed: np.ndarray, mode: Mode,
              query_vector: np.ndarray | None) -> dict[int, float]:
        fused: dict[int, float] = {}
        if mode in ("hybrid", "keyword"):
            # bm25s fails on an empty token list (a query in Cyrillic has words but no bigrams).
            if query_tokens := self._query_tokens(query):
                scores = self.bm25.get_scores(query_tokens)
                _add_ranks(fused, scores, allowed & (scores > 0), KEYWORD_WEIGHT)
            if self.bigram_bm25 is not None and (bigrams := char_bigrams(query.text)):
                scores = self.bigram_bm25.get_scores(bigrams)
                _add_ranks(fused, scores, allowed & (scores > 0), BIGRAM_WEIGHT)
        if mode in ("hybrid", "semantic") and self.vectors is not None:
            vector = query_vector if query_vector is not None else embed_query(query.text)
            if len(self.vectors) >= PARALLEL_PRODUCT_UNITS:
                with threadpool_limits(limits=2, user_api="blas"):
                    similarities = self.vectors @ vector
            else:
                similarities = self.vectors @ vector
            _add_ranks(fused, similarities, allowed, SEMANTIC_WEIGHT)
        for index, boost in self._cell_matches(query.text).items():
            if allowed[index]:
                fused[index] = fused.get(index, 0.0) + boost
        for document in {d for number in query.numbers for d in self._named(number, query.text)}:
            # The named document wins outright, its units in document order after
            # those the words of the query ranked.
            for position, index in enumerate(np.flatnonzero((self.unit_doc == document) & allowed)):
                fused[int(index)] = fused.get(int(index), 0.0) + NUMBER_BOOST - position * 1e-6
        answer_types_first(fused, self._states, query.text)
        headings_last(fused, self._bare)
        one_row_per_table(fused, self._table)
        return fused

    def _table(self, index: int) -> str | None:
        unit = self.units[index]
        return unit.node_id.rsplit("/", 1)[0] if unit.kind == "row" else None

    def _bare(self, index: int) -> bool:
        """Whether unit ``index`` is a bare heading, worked out once (regular expressions over
        the few hundred units each query ranks took 4 of its 8 ms)."""
        if index not in self._bare_units:
            unit = self.units[index]
            self._bare_units[index] = bare_heading(unit.kind, unit.text, self.documents[unit.doc_id].title)
        return self._bare_units[index]

    def _states(self, index: int, kind: str) -> bool:
        """Whether unit ``index`` states an answer of ``kind``, worked out once."""
        key = (index, kind)
        if key not in self._stated:
            self._stated[key] = states_answer(self.units[index].text, kind)
        return self._stated[key]

    def _named(self, number: str, text: str) -> list[int]:
        """The positions of the document a number names and of its copies forwarded by a
        corpus region the query names (重庆市转发人社厅明电〔2020〕5号时……): the region's
        forwarding notice may say what the region adds."""
        named = self.documents[self.known_numbers[number]]
        regions = [self.documents[doc_id] for doc_id in named.forwarded_by if doc_id in self.documents]
        return [self.doc_ids.index(d.id) for d in (named, *regions) if d is named or d.region in text]

    def _sources_first(self, fused: dict[int, float], terms: list[str]) -> None:
        """A reading after the document it reads when both answer (see ``rerank``)."""
        units = self.units

        def words(index: int) -> set[str]:
            text = f"{units[index].context}\n{units[index].text}".lower()
            return {term for term in terms if term in text}

        sources_first(fused, self.unit_doc_ids, self.sources, words)

    def _cell_matches(self, text: str) -> dict[int, float]:
        """Table rows a query names by a cell's whole value (an item name, a code), each
        with its boost: more when the query also names one of the row's columns
        (失业保险金申领的基本编码): a registry question finds its row first."""
        matches: dict[int, float] = {}
        for value, rows in self.cells.items():
            if value in text:
                for index in rows:
                    cells = row_cells(self.units[index].text)
                    named = any(len(column) > 1 and column in text for column, _ in cells)
                    matches[index] = matches.get(index, 0.0) + (CELL_BOOST if named or value.isdigit() else NAME_BOOST)
        return matches

    def _terms(self, query: Query) -> list[str]:
        """Words to highlight: the query's tokens, longest first, then as the query has them
        (not in a set's order, which differs from one process to the next)."""
        tokens = list(dict.fromkeys(t for t in self._query_tokens(query) if len(t) > 1))
        return sorted(tokens, key=len, reverse=True)

    def document_hits(self, doc_id: str) -> list[Hit]:
        """Every unit of one document as a hit, in document order: where a later rule is looked for."""
        return [self._hit(i, 0.0, []) for i in np.flatnonzero(self.unit_doc == self.doc_ids.index(doc_id))]

    def _hit(self, index: int, score: float, terms: list[str]) -> Hit:
        unit = self.units[index]
        document = self.documents[unit.doc_id]
        matched = [t for t in terms if t in unit.text.lower()]
        return Hit(
            doc_id=unit.doc_id, title=document.title, doc_number=document.doc_number,
            article=unit.label, node_id=unit.node_id, text=unit.text,
            snippet=snippet(unit.text, matched), score=round(float(score), 6), region=document.region,
            date=document.date, section=document.section, doc_type=document.doc_type,
            kind=unit.kind, matched=matched,
        )


def _distinctive_cells(units: Sequence[StoredUnit]) -> dict[str, list[int]]:
    """Cell values that name few rows (an item, a code), each with the rows that hold it."""
    cells: dict[str, list[int]] = {}
    for index, unit in enumerate(units):
        if unit.kind == "row":
            for _, value in row_cells(unit.text):
                value = value.strip()
                if len(value) >= MIN_CELL:
                    cells.setdefault(value, []).append(index)
    return {value: rows for value, rows in cells.items() if len(rows) <= MAX_CELL_ROWS}


FACETS = ("region", "section", "doc_type")


def facet_counts(hits: list[Hit]) -> dict[str, dict[str, int]]:
    """How many hits fall in each region, section and type: the counts beside the filters."""
    counts: dict[str, dict[str, int]] = {facet: {} for facet in FACETS}
    for hit in hits:
        for facet in FACETS:
            value = getattr(hit, facet) or "—"
            counts[facet][value] = counts[facet].get(value, 0) + 1
    return counts


def _add_ranks(fused: dict[int, float], scores: np.ndarray, allowed: np.ndarray, weight: float) -> None:
    """Add each allowed unit's reciprocal-rank score from one ranking's top candidates.

    Only the top candidates are ranked, by a partial sort, which keeps a million
    units fast; disallowed units are pushed below every allowed one first.
    """
    masked = np.where(allowed, scores, -np.inf)
    count = int(np.count_nonzero(allowed))
    if not count:
        return
    take = min(CANDIDATES, count)
    top = np.argpartition(-masked, take - 1)[:take] if len(masked) > take else np.arange(len(masked))
    top = top[np.argsort(-masked[top], kind="stable")]
    for rank, index in enumerate(top[:take], 1):
        fused[int(index)] = fused.get(int(index), 0.0) + weight / (RRF_K + rank)


_SENTENCE_END = re.compile(r"(?<=[。；！？])")


def snippet(text: str, matched: list[str], width: int = 90) -> str:
    """The sentence of ``text`` that holds the most matched words, cut to ``width``.

    >>> snippet("一、总则。二、缓缴期限原则上不超过6个月。三、其他。", ["缓缴"])
    '二、缓缴期限原则上不超过6个月。'
    """
    sentences = [s for s in _SENTENCE_END.split(text.replace("\n", " ")) if s.strip()] or [text]
    best = max(sentences, key=lambda s: (sum(term in s for term in matched), -sentences.index(s)))
    if len(best) <= width:
        return best.strip()
    first = min((best.find(t) for t in matched if t in best), default=0)
    start = max(0, first - width // 3)
    return ("…" if start else "") + best[start:start + width].strip() + "…"
