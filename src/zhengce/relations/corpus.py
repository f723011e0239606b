"""The relations of a whole corpus, read at build: the citation graph and the validity evidence."""

from __future__ import annotations

from zhengce.corpus.model import Document
from zhengce.relations.citations import Reference, document_references
from zhengce.relations.evidence import validity_facts
from zhengce.relations.registry import check_totals
from zhengce.relations.validity import Fact


def corpus_relations(documents: list[Document]) -> tuple[list[Reference], list[Fact]]:
    """The citation graph and the validity evidence of the whole corpus (and the
    totals documents state for their tables, recorded on the tables)."""
    check_totals(documents)
    references = [r for document in documents for r in document_references(document, documents)]
    return references, validity_facts(documents, references)
