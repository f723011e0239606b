"""Questions answered in the documents' own words, with citations, or not at all.

The extractive answer is the product. It reads as a recipe: retrieve units with
hybrid search, analyse the question once, select the best span of each unit,
let the guards say whether the corpus supports the answer, then compose it:
the quote, the citations (each with the cited unit's whole text), and notes
(a national rule given for a province the corpus lacks). When the documents do
not answer, the answer says so and why, and lists the nearest documents.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import asdict, dataclass, field, replace
from datetime import date
from typing import Any

from zhengce.answer.guards import Candidate, first_objection, hit_coverage
from zhengce.answer.question import Concept, Question, analyse, names_place, question_concepts, question_types
from zhengce.answer.select import Span, best_spans, cell_answer, has_cue, quote
from zhengce.answer.shape import asked_object, asks_for_figure, figure_kinds, figure_phrase
from zhengce.answer.spanrank import Rerank, reranker
from zhengce.answer.topics import QUESTION_WORDS, Vocabulary
from zhengce.calc.suggest import with_calculator
from zhengce.index.hybrid import MIN_CELL, Filters, Hit, SearchIndex
from zhengce.index.query import SYNONYMS, QueryError, normalize, without_numbers
from zhengce.index.recent import Recent
from zhengce.index.tokenize import tokens
from zhengce.index.units import bare_heading, row_cells
from zhengce.relations.validity import Fact
from zhengce.store.db import Store
from zhengce.store.records import Source

RETRIEVE = 5
# A question that names no place is nearly always about the national rule, which a
# province's copy of it may outrank: the best NATIONAL_EXTRA national units among the
# first POOL join the RETRIEVE best.
POOL = 15
NATIONAL_EXTRA = 2
CITED = 3  # the answering span and two related ones
RANK_PRIOR = 0.15  # what the retrieval rank adds to a span: 0.15 for the first unit, half for the second
# When the best span's article is below MIN_COVERAGE, a later span whose article
# covers this much of the question answers instead of abstaining.
MIN_COVERAGE = 0.33
FALLBACK_COVERAGE = 0.5
# A question that names no province is, nearly always, about the national rule
# (132 of 138 such questions in eval/ and two fresh sets): national articles get
# this much on top of their rank, provincial copies of the same rule come after.
NATIONAL_PRIOR = 0.2
# The opening paragraphs of a document with numbered articles (根据……，决定开展……)
# restate its subject and answer little but which document it is: they lose this much.
PREAMBLE_PENALTY = 0.2
NOT_FOUND = "资料中未找到能回答这个问题的条文。"
_CHANGED = {"extended": "延长", "amended": "修改"}  # validity facts an answer follows to the later rule
_WHICH_DOCUMENT = ("哪个文件", "哪份文件", "什么文件", "哪个通知", "哪个政策", "哪个规定", "依据什么")


@dataclass
class Citation:
    """Where a quoted span comes from: document, article, node, the words quoted, the
    cited unit's whole text (so that an API user or an assistant reads the quote in
    its context), the source lines."""

    doc_id: str
    title: str
    doc_number: str | None
    article: str
    node_id: str
    quote: str
    text: str
    source: Source
    role: str = "answer"


@dataclass
class Answer:
    question: str
    answer: str
    abstained: bool
    citations: list[Citation] = field(default_factory=list)
    reason: str = ""
    nearest: list[dict[str, Any]] = field(default_factory=list)
    generated: bool = False
    notes: list[str] = field(default_factory=list)
    calculator: dict[str, Any] | None = None  # the calculator that computes what is asked (calc.suggest)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


class Answerer:
    """Answers questions over one knowledge base; everything is loaded once."""

    def __init__(self, store: Store, index: SearchIndex, remember: int = 0) -> None:
        self.index = index
        # A server keeps its last ``remember`` answers: an answer depends only on the
        # question, the day and this knowledge base, and a reload makes a new answerer.
        self.kept: Recent[Answer] = Recent(remember)
        self.store = store
        self.lines = store.node_lines()
        self.primary_file = {d.id: d.sources[0].file for d in index.documents.values() if d.sources}
        frequency: Counter[str] = Counter()
        for unit in index.units:
            frequency.update(set(unit.tokens))
        self.vocabulary = Vocabulary(frequency)
        self.contexts = {unit.node_id: unit.context for unit in index.units}
        self.numbered = {unit.doc_id for unit in index.units if unit.kind not in ("paragraph", "row")}
        self.regions = {d.region for d in index.documents.values()} - {"全国"}
        # The fitted span scorer, when its weights are in use: once the rules and guards have
        # chosen the unit and to answer, it chooses the words quoted from it.
        self.rerank: Rerank | None = reranker()

    def ask(self, question: str, on: date | None = None) -> Answer:
        """Answer one question, from the documents in force ``on`` that day when given
        (QueryError for an empty or over-long one)."""
        return self.kept.get((question, on), lambda: self._ask_one(question, on))

    def _ask_one(self, question: str, on: date | None) -> Answer:
        result = self.ask_many([question], on)[0]
        if isinstance(result, QueryError):
            raise result
        return result

    def ask_many(self, questions: list[str], on: date | None = None) -> list[Answer | QueryError]:
        """Answers in order, retrieval batched; a bad question yields its error."""
        results = self.index.search_many(questions, k=POOL, filters=Filters(valid_on=on) if on else None)
        return [r if isinstance(r, QueryError) else with_calculator(self._answer(q, r, on))
                for q, r in zip(questions, results, strict=True)]

    def analyse(self, raw: str) -> Question:
        query = normalize(raw, self.index.known_numbers)
        return analyse(query.text, self.regions, self._concepts, named_documents=query.numbers)

    def _answer(self, raw: str, hits: list[Hit], on: date | None = None) -> Answer:
        nearest = _nearest(hits)
        if not hits:
            return Answer(raw, "", True, reason=NOT_FOUND, nearest=nearest)
        question = self.analyse(raw)
        hits = _candidates(hits, question)
        coverage = [hit_coverage(question.concepts, hit) for hit in hits]
        spans = _registry_cell(question, hits) or self._select(question, hits)
        if not spans:
            where = question.regions[0] if len(question.regions) == 1 else ""
            reason = f"{NOT_FOUND}资料中没有{where}的相应规定。" if where else NOT_FOUND
            return Answer(raw, "", True, reason=reason, nearest=nearest)
        if coverage[spans[0].unit_index] < MIN_COVERAGE:
            # The best span's article covers too little of the question; a later one
            # whose article covers half of it answers instead.
            spans.sort(key=lambda s: coverage[s.unit_index] < FALLBACK_COVERAGE)
        top, hit = spans[0], hits[spans[0].unit_index]
        if hit.kind == "row":
            spans[0] = top = replace(top, text=cell_answer(question.text, hit.text, top.text))
        unknown = self.vocabulary.unknown_topics(question.asking)
        objection = first_objection(Candidate(question, top, hit, hits, coverage[top.unit_index], unknown))
        if objection:
            return Answer(raw, "", True, reason=f"{NOT_FOUND}{objection}", nearest=nearest)
        if hit.kind != "row" and self.rerank:
            spans[0] = top = self.rerank(question.text, _weighed_by_asking(question.concepts, question.asking),
                                         question.kinds, hit.text, self.contexts[hit.node_id], top)
        if hit.kind != "row":
            spans[0] = top = self._all_parts(question, top, hit.text)
        return self._compose(raw, question, spans[:CITED], hits, on)

    def _select(self, question: Question, hits: list[Hit]) -> list[Span]:
        """The best span of each unit, best first; for a question about a place, only
        spans from that place's documents or the national ones, never another's."""
        places = question.regions or question.outside
        prior = [(NATIONAL_PRIOR if not places and h.region == "全国" else 0.0)
                 + (NATIONAL_PRIOR if question.outside and names_place(h.text, question.outside) else 0.0)
                 - (PREAMBLE_PENALTY if h.kind == "paragraph" and h.doc_id in self.numbered
                    and not any(w in question.text for w in _WHICH_DOCUMENT) else 0.0)
                 for h in hits]
        spans = best_spans(_weighed_by_asking(question.concepts, question.asking), question.kinds,
                           [("" if _bare_heading(h) else h.text) for h in hits],
                           prior=lambda i: RANK_PRIOR / (i + 1) + prior[i],
                           limit=len(hits), question=question.text, contexts=[self.contexts[h.node_id] for h in hits])
        if len(question.regions) == 1:
            own = [s for s in spans if hits[s.unit_index].region == question.regions[0]]
            national = [s for s in spans if hits[s.unit_index].region == "全国"]
            # For a figure only its own: a national rule gives the frame (不高于当地标准).
            spans = own if "amount" in question.kinds else own + national
        if question.outside:
            spans = [s for s in spans if hits[s.unit_index].region == "全国"]
        # A table row's span that only names the column asked (失业保险金网上申领平台) is
        # the whole row: the cell asked is taken from it later.
        spans = [replace(s, start=0, end=len(hits[s.unit_index].text), text=hits[s.unit_index].text)
                 if hits[s.unit_index].kind == "row" and _only_restates(s.text, question.text) else s
                 for s in spans]
        return [s for s in spans if not _only_restates(s.text, question.text)]

    def _compose(self, raw: str, question: Question, spans: list[Span], hits: list[Hit],
                 on: date | None) -> Answer:
        top, hit = spans[0], hits[spans[0].unit_index]
        citations = [self._citation(hits[s.unit_index], s.text, "answer" if n == 0 else "related")
                     for n, s in enumerate(spans)]
        notes = [f"按{on.isoformat()}有效的文件作答。"] if on else []
        later = self._later_rule(question, hit, on)
        if later:
            fact, later_hit, later_span = later
            until = f"至{fact.until.year}年{fact.until.month}月{fact.until.day}日" if fact.until else ""
            notes.append(f"此规定已由{later_hit.doc_number or later_hit.title}{_CHANGED[fact.kind]}{until}："
                         f"“{later_span.text}”")
            if asks_for_figure(question):
                # The figure asked is now the later rule's: it answers, the earlier rule follows.
                top, hit = later_span, later_hit
                citations[0].role = "earlier"
                citations.insert(0, self._citation(later_hit, later_span.text, "answer"))
            else:
                citations.insert(1, self._citation(later_hit, later_span.text, "later"))
        if hit.region == "全国" and question.outside:
            notes.append(f"资料未收录{'、'.join(question.outside)}的文件；以下为全国规定。")
        elif hit.region == "全国" and len(question.regions) == 1:
            notes.append(f"资料中没有{question.regions[0]}的专门规定，以下是国家层面的规定。")
        phrase = "" if hit.kind == "row" else (figure_phrase(top.text, question) if asks_for_figure(question)
                                               else asked_object(top.text, question))
        return Answer(raw, phrase or top.text, False, citations=citations, notes=notes)

    def _later_rule(self, question: Question, hit: Hit, on: date | None) -> tuple[Fact, Hit, Span] | None:
        """The later document that extends or amends the cited one, in force by ``on``
        (or now), with its article that best answers the question: the 政策脉络 an
        answer must follow (人社部发〔2020〕11号 → 49号)."""
        figure = figure_kinds(question) if asks_for_figure(question) else []
        for fact in self.store.facts(hit.doc_id):
            if fact.kind not in _CHANGED or not fact.evidence or (on and fact.on > on):
                continue
            if fact.item and not hit.node_id.startswith(fact.item):
                continue  # an extension of another item of the document
            later_hits = self.index.document_hits(fact.evidence.split("/", 1)[0])
            spans = best_spans(question.concepts, question.kinds, [h.text for h in later_hits],
                               prior=lambda i: 0.0, limit=len(later_hits), question=question.text)
            for span in spans:
                later_hit = later_hits[span.unit_index]
                if hit_coverage(question.concepts, later_hit) >= MIN_COVERAGE and not _bare_heading(later_hit) \
                        and (not figure or has_cue(span.text, figure)) and _same_measure(later_hit.text, hit.text):
                    return fact, later_hit, span
        return None

    def _concepts(self, text: str) -> list[Concept]:
        words = [t for t in tokens(without_numbers(text)) if not QUESTION_WORDS.fullmatch(t)]
        frequency = self.vocabulary.frequency
        return question_concepts(words, SYNONYMS, text, frequency.__getitem__, len(self.index.units))

    def _all_parts(self, question: Question, top: Span, unit_text: str) -> Span:
        """A question that asks several things (能领几个月？标准多少？) gets each part's
        best span in the answering article quoted with the best span for the whole."""
        if len(question.parts) < 2:
            return top
        ranges = [(top.start, top.end)]
        for part in question.parts:
            found = best_spans(self._concepts(part), question_types(part), [unit_text], prior=lambda i: 0.0,
                               limit=1, question=part)
            if found and not any(found[0].start < end and start < found[0].end for start, end in ranges):
                ranges.append((found[0].start, found[0].end))
        if len(ranges) == 1:
            return top
        return Span(top.unit_index, min(ranges)[0], max(end for _, end in ranges), quote(unit_text, ranges),
                    top.score)

    def _citation(self, hit: Hit, quoted: str, role: str) -> Citation:
        source = Source(self.primary_file[hit.doc_id], *self.lines[hit.node_id])  # every unit has its lines
        return Citation(doc_id=hit.doc_id, title=hit.title, doc_number=hit.doc_number, article=hit.article,
                        node_id=hit.node_id, quote=quoted, text=hit.text, source=source, role=role)


def _registry_cell(question: Question, hits: list[Hit]) -> list[Span]:
    """A question that names a table row by a cell's value (an item, a code) and asks for
    one of its columns (失业保险金申领的基本编码) is answered by that cell of the row."""
    hit = hits[0]
    if hit.kind != "row":
        return []
    cells = row_cells(hit.text)
    names_row = any(len(value) >= MIN_CELL and value in question.text for _, value in cells)
    names_column = any(len(column) > 1 and column in question.text for column, _ in cells)
    cell = cell_answer(question.text, hit.text, "") if names_row and names_column else ""
    return [Span(0, 0, len(hit.text), cell, 1.0)] if cell else []


SAME_MEASURE = 0.3  # share of the shorter article's character pairs the two articles share


def _same_measure(later: str, earlier: str) -> bool:
    """Whether a later article speaks of the earlier one's measure (49号 一 and 11号 一 share
    中小微企业三项社会保险单位缴费部分), not of another measure of the same document."""
    pairs = [{text[i:i + 2] for i in range(len(text) - 1)} for text in (later, earlier)]
    return bool(pairs[0] and pairs[1]) and len(pairs[0] & pairs[1]) >= SAME_MEASURE * min(map(len, pairs))


def _candidates(hits: list[Hit], question: Question) -> list[Hit]:
    """The units an answer is chosen from (see POOL)."""
    best = hits[:RETRIEVE]
    if question.regions or question.outside or any(h.region == "全国" for h in best[:1]):
        return best
    return best + [h for h in hits[RETRIEVE:] if h.region == "全国"][:NATIONAL_EXTRA]


def _bare_heading(hit: Hit) -> bool:
    """A hit that answers nothing: a heading, a title or a lead-in line (see ``bare_heading``)."""
    return bare_heading(hit.kind, hit.text, hit.title)


def _only_restates(span: str, question: str) -> bool:
    """A span whose words are all in the question (新疆生产建设兵团 for a question about
    the 兵团) tells the asker nothing they did not say."""
    words = re.sub(r"[\s，。；：、,.;:！？?（）()]", "", span)
    return bool(words) and words in question
STORY_WEIGHT = 0.25  # measured on eval/ and the fresh sets: 0.5 and 1 (no story) did no better


def _weighed_by_asking(concepts: list[Concept], asking: str) -> list[Concept]:
    """The concepts with those only the story before the question names (我上个月被公司裁了，
    带着身份证填了表，) weighing less: the span should answer what is asked, not retell the story."""
    return [(words, weight if any(word in asking for word in words) else weight * STORY_WEIGHT)
            for words, weight in concepts]


def _nearest(hits: list[Hit]) -> list[dict[str, Any]]:
    seen, nearest = set(), []
    for hit in hits:
        if hit.doc_id not in seen:
            seen.add(hit.doc_id)
            nearest.append({"doc_id": hit.doc_id, "title": hit.title, "doc_number": hit.doc_number})
    return nearest[:3]



def parse_question_line(line: str) -> tuple[str, str]:
    """A batch input line: plain text, or a JSON object with a "question" field.

    Returns the question and, for a line that cannot be used, what is wrong with it.

    >>> parse_question_line('{"question": "社保费减免到什么时候"}')
    ('社保费减免到什么时候', '')
    >>> parse_question_line('{"q": 1}')[1]
    'JSON 行须有字符串字段 "question"。'
    """
    text = line.strip()
    if text.startswith("{"):
        try:
            record = json.loads(text)
        except json.JSONDecodeError as error:
            return text, f"不是有效的 JSON：第 {error.colno} 列有误。"
        question = record.get("question") if isinstance(record, dict) else None
        if not isinstance(question, str):
            return text, 'JSON 行须有字符串字段 "question"。'
        return question, ""
    return text, ""
