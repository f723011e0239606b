"""One document, several sources: merge duplicate prints and link forwarding notices.

The same notice reaches the reader through several compilations, sometimes
twice in one. Users must find it once, with every place it was printed, and read
the most complete print.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from zhengce.corpus.assemble import document_id, document_key
from zhengce.corpus.metadata import doc_type
from zhengce.corpus.model import Document, Flag
from zhengce.corpus.numerals import find_doc_numbers

_QUOTED_TITLE = re.compile(r"《([^《》]{6,120})》")


def same_title(left: str, right: str) -> bool:
    """Titles of one document as two compilations print them (spacing, wrapping, typos).

    >>> same_title("关于阶段性减免企业社会保险费的实施意见", "关于阶段性减免企业社会保险费的实施意见（试行）")
    True
    >>> same_title("关于做好2020年高校毕业生就业工作的通知", "关于做好2020年技工院校招生工作的通知")
    False
    >>> same_title("关于进一步做好本市相关工作的通知的政策解读", "关于进一步做好本市相关工作的通知")
    False
    """
    a, b = document_key(left), document_key(right)
    if not a or not b or doc_type(left) != doc_type(right):
        return False
    shorter, longer = sorted((a, b), key=len)
    if a == b or (len(shorter) >= 12 and len(shorter) * 5 >= len(longer) * 3 and shorter in longer):
        return True
    return SequenceMatcher(None, a, b, autojunk=False).ratio() >= 0.9


def merge_duplicates(documents: list[Document]) -> tuple[list[Document], int]:
    """Documents with duplicates folded in, in first-seen order, and how many were folded."""
    groups: list[list[Document]] = []
    for document in documents:
        for group in groups:
            if _is_same_document(group[0], document):
                group.append(document)
                break
        else:
            groups.append([document])
    merged = [_merge(group) for group in groups]
    return merged, len(documents) - len(merged)


def _is_same_document(left: Document, right: Document) -> bool:
    if left.region != right.region:
        return False
    if left.doc_number and right.doc_number:
        return left.doc_number == right.doc_number and (
            same_title(left.title, right.title) or _tail_matches(left.title, right.title))
    return same_title(left.title, right.title)


def _tail_matches(left: str, right: str) -> bool:
    """Same number, one title printed without its issuers (关于… in one, 某部关于… in the other)."""
    a, b = document_key(left), document_key(right)
    tail_a, tail_b = a[a.find("关于"):], b[b.find("关于"):]
    return "关于" in a and "关于" in b and same_title(tail_a, tail_b)


def _completeness(document: Document) -> tuple[bool, int, bool, bool]:
    return (not document.omitted, len(document.text), bool(document.date), bool(document.doc_number))


def _merge(group: list[Document]) -> Document:
    """The most complete print, with every source and any metadata only others had."""
    best = max(group, key=_completeness)
    others = [d for d in group if d is not best]
    # Some compilations print the title without its issuers; the fullest one is the title.
    best.title = max((d.title for d in group), key=lambda t: len(document_key(t)))
    for other in others:
        best.doc_number = best.doc_number or other.doc_number
        best.date = best.date or other.date
        best.issuers = best.issuers or other.issuers
        best.section = best.section or other.section
    best.sources = best.sources + [s for d in others for s in d.sources]
    seen = {(f.code, f.reason) for f in best.flags}
    for flag in (f for d in others for f in d.flags):
        if (flag.code, flag.reason) not in seen and flag.node_id is None:
            best.flags.append(flag)
            seen.add((flag.code, flag.reason))
    if any(d.doc_number and best.doc_number and d.doc_number != best.doc_number for d in others):
        numbers = sorted({d.doc_number for d in group if d.doc_number})
        best.flags.append(Flag("number_mismatch", f"不同汇编所印文号不一致：{'、'.join(numbers)}"))
    best.rename(document_id(best.doc_number, best.title))
    return best


def resolve_number(candidate: str, known: set[str]) -> str | None:
    """A number found in running text, trimmed of the words before it, if the corpus has it.

    >>> resolve_number("根据人社部发〔2020〕11号", {"人社部发〔2020〕11号"})
    '人社部发〔2020〕11号'
    """
    for start in range(len(candidate)):
        if candidate[start] == "〔":
            return None
        if candidate[start:] in known:
            return candidate[start:]
    return None


def link_forwards(documents: list[Document]) -> int:
    """Link each notice whose forwarded text is left out as （略） to the forwarded document."""
    by_number = {d.doc_number: d for d in documents if d.doc_number}
    links = 0
    for document in documents:
        if not document.omitted:
            continue
        context = document.omission_context
        if "转发" in document.title:
            context = f"{document.title}\n{context}"
        targets = _referenced(context, by_number, documents)
        document.forwards = [t.id for t in targets if t is not document]
        links += len(document.forwards)
    return links


def _referenced(text: str, by_number: dict[str, Document], documents: list[Document]) -> list[Document]:
    """Corpus documents that ``text`` names by number or by 《title》."""
    found: list[Document] = []
    for _, _, candidate in find_doc_numbers(text):
        number = resolve_number(candidate, set(by_number))
        if number and by_number[number] not in found:
            found.append(by_number[number])
    for quoted in _QUOTED_TITLE.findall(text):
        for other in documents:
            if other not in found and same_title(quoted, other.title):
                found.append(other)
    return found
