"""The validity evidence of a corpus: each document's own clauses, what later documents
say about it (repeal, extension, amendment) and the clean-up lists, as ``Fact``s.

A document's own facts come from ``periods``; a document whose title announces a
time-limited measure (阶段性…) has its items' periods as the end of its measures;
the judgements readers made where the words alone do not decide are in
``readings.tsv`` and each quotes its article. Edges come from ``citations``, which
keeps an extension or amendment only for a document of the same jurisdiction that
names the earlier one.
"""

from __future__ import annotations

import re
from datetime import date

from zhengce.corpus.model import Document
from zhengce.corpus.numerals import canonical_doc_number, to_halfwidth
from zhengce.relations import lexicon
from zhengce.relations.citations import Reference
from zhengce.relations.level import level_of
from zhengce.relations.periods import Clause, document_clauses, item_clauses
from zhengce.relations.readings import ITEM_KINDS, Reading, edge_facts, load_readings, reading_facts
from zhengce.relations.validity import Fact

_PHASED_TITLE = re.compile(r"阶段性")


def name_of(document: Document) -> str:
    return f"《{document.title}》（{document.doc_number or '无文号'}）"


def own_facts(document: Document, readings: list[Reading]) -> list[Fact]:
    """What the document's own text says of its validity: issue, start, end, items
    (with the readers' judgements applied: items first, since a document that ends with
    its measures, or a phased one, ends with the last of them)."""
    number = document.doc_number
    facts = [Fact(document.id, number, "issued", document.date, "成文日期", None)] if document.date else []
    whole = document_clauses(document)
    interpretation = level_of({"title": document.title, "doc_number": number, "issuers": document.issuers,
                               "region": document.region}) == "解读"
    items = [Fact(document.id, number, "item_expires", clause.on or date.max, f"本项规定的执行期限至{clause.on}",
                  clause.node_id, clause.quote) for clause in ([] if interpretation else item_clauses(document, whole))]
    items = reading_facts(document, items, [r for r in readings if r.kind in ITEM_KINDS])
    for clause in whole:
        facts.extend(_whole_fact(document, clause, [f.on for f in items]))
    if items and _PHASED_TITLE.search(document.title) and not any(f.kind == "expires" for f in facts):
        last = max(items, key=lambda f: f.on)
        facts.append(Fact(document.id, number, "phased", last.on, f"阶段性政策，措施的执行期限最晚至{last.on}",
                          last.evidence, last.quote))
    return reading_facts(document, facts + items, [r for r in readings if r.kind not in ITEM_KINDS])


def _whole_fact(document: Document, clause: Clause, ends: list[date]) -> list[Fact]:
    number, start = document.doc_number, clause.on or document.date or date.min
    if clause.kind == "starts":
        return [Fact(document.id, number, "starts", start, f"文件自{start}起施行", clause.node_id, clause.quote)]
    if clause.kind == "ends" and clause.on:
        return [Fact(document.id, number, "expires", clause.on, f"文件规定的有效期至{clause.on}",
                     clause.node_id, clause.quote)]
    if clause.kind == "open_end":
        return [Fact(document.id, number, "open_end", start, f"执行期限以事件为终点：{clause.quote}",
                     clause.node_id, clause.quote)]
    if clause.kind == "with_measures" and ends:
        # The document ends with its measures: its end is theirs (rule 3), and like a
        # phased document its items' ends do not make it 部分失效.
        reason = f"具体政策实施期满失效，措施最晚至{max(ends)}"
        return [Fact(document.id, number, kind, max(ends), reason, clause.node_id, clause.quote)
                for kind in ("expires", "phased")]
    return []


def validity_facts(documents: list[Document], references: list[Reference]) -> list[Fact]:
    """Every fact the corpus states about documents' validity, in and outside the corpus."""
    readings = load_readings()
    own = {d.id: own_facts(d, readings) for d in documents}
    facts = [f for document_facts in own.values() for f in document_facts]
    by_id = {d.id: d for d in documents}
    for document in documents:
        facts.extend(_cleanup_facts(document))
    for reference in references:
        if reference.kind in ("repeals", "extends", "amends"):
            facts.append(_edge_fact(reference, by_id[reference.doc_id], own[reference.doc_id]))
    return facts + edge_facts(documents, readings)


def effective_day(facts: list[Fact]) -> date | None:
    """The day a document takes effect: its start, else its issue."""
    return next((f.on for kind in ("starts", "issued") for f in facts if f.kind == kind), None)


def last_day(facts: list[Fact]) -> date | None:
    """The last day a document (or its last measure) runs, if its text sets one."""
    for kinds in (("expires",), ("phased",), ("item_expires",)):
        ends = [f.on for f in facts if f.kind in kinds and f.on != date.max]
        if ends:
            return max(ends)
    return None


def _extended_to(facts: list[Fact]) -> date | None:
    """The end an extending document gives: the latest of its clauses that extend
    (延长执行到2020年12月底, 继续缓缴……至2020年12月底), else its own last day."""
    ends = [f.on for f in facts if f.kind == "item_expires" and any(w in f.quote for w in lexicon.EXTEND_WORDS)]
    return max(ends, default=None) or last_day(facts)


def _edge_fact(reference: Reference, citing: Document, citing_facts: list[Fact]) -> Fact:
    kind = {"repeals": "repealed", "extends": "extended", "amends": "amended"}[reference.kind]
    verb = {"repealed": "废止", "extended": "延长", "amended": "修改"}[kind]
    on = (effective_day(citing_facts) if kind == "repealed" else citing.date) or date.min
    until = _extended_to(citing_facts) if kind == "extended" else None
    return Fact(reference.target_id, reference.number, kind, on, f"{name_of(citing)}{verb}了本文件",
                reference.node_id, _sentence_quote(citing, reference), until)


def _sentence_quote(citing: Document, reference: Reference, longest: int = 80) -> str:
    """The words of the citing clause: from the name of the document to the verb that
    acts on it, the title elided when that is too long."""
    node = next((n for n in citing.nodes if f"{citing.id}/{n.path}" == reference.node_id), None)
    text = to_halfwidth(node.text) if node else ""
    names = [name for name in (reference.number, reference.title) if name and name in text]
    if not names:
        return ""
    anchor = text.find(names[0])
    right = min((i for i in (text.find(mark, anchor) for mark in "。；\n") if i != -1), default=len(text))
    words = lexicon.REPEAL_WORDS + lexicon.EXTEND_WORDS + lexicon.AMEND_WORDS
    verb = next((m.end() for m in re.finditer("|".join(words), text[anchor:right])), None)
    if verb is None:
        return names[0]
    title_start = text.rfind("《", 0, anchor)
    start = title_start if 0 <= anchor - title_start <= 130 and anchor + verb - title_start <= longest else anchor
    quote = text[start:anchor + verb]
    return quote if len(quote) <= longest else f"{names[0]}……{text[anchor + verb - 12:anchor + verb]}"


def _cleanup_facts(document: Document) -> list[Fact]:
    """A clean-up notice's tables: the documents it repeals (from its date) and those it
    confirms in force."""
    facts = []
    for number, table in enumerate(document.tables, 1):
        kind = "repealed" if "废止" in table.name else "confirmed" if "继续有效" in table.name else None
        if kind is None or not document.date:
            continue
        for row_number, row in enumerate(table.rows, 1):
            cited = next(filter(None, (canonical_doc_number(cell) for cell in row)), None)
            if cited:
                verb = "决定废止" if kind == "repealed" else "确认继续有效"
                facts.append(Fact(None, cited, kind, document.date, f"{name_of(document)}{verb}",
                                  f"{document.id}/t{number}/r{row_number}", "　".join(row)))
    return facts
