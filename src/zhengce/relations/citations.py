"""The citation graph: every reference to another document, with the citing article.

A reference is a document number (人社部发〔2020〕11号, 财政部 税务总局公告2020年
第10号) or a title in 《》, usually both: 《关于…的通知》（人社部发〔2020〕11号）.
It resolves to a corpus document by number first, then by title (tolerant of
spacing and small differences); otherwise it stays an external reference. The
sentence around it says what kind of reference it is: forwarding (转发),
extension (延长), amendment (修改, 修订), repeal (同时废止, 废止), or a plain citation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from zhengce.corpus.assemble import document_key
from zhengce.corpus.merge import same_title
from zhengce.corpus.metadata import doc_type
from zhengce.corpus.model import Document
from zhengce.corpus.numerals import DOC_NUMBER_RE, to_halfwidth
from zhengce.relations import lexicon

_TITLE = re.compile(r"《([^《》]{4,120})》")
_YEAR_SERIAL = re.compile(
    r"(?P<prefix>[\u4e00-\u9fff ]{2,30}?公告)\s*(?P<year>20\d\d)\s*年\s*第\s*(?P<num>\d{1,4})\s*号")
# Words that can stand before a number but are not part of its issuer prefix.
_NOT_PREFIX = set("根据按照依据参照执行落实贯彻关于和与及、的等由文件（）()《》号见令字对在将以为是")
# A notice about an earlier one, named in its title, that explains or supplements it.
_AMENDING_TITLE = re.compile(r"补充|说明|调整|修改")
_KIND_WORDS = (
    ("repeals", re.compile("|".join(w for w in lexicon.REPEAL_WORDS if w != "废止"))),
    ("extends", re.compile("|".join(lexicon.EXTEND_WORDS))),
    ("amends", re.compile("|".join(lexicon.AMEND_WORDS))),
    ("forwards", re.compile(r"转发")),
)


@dataclass(frozen=True)
class Reference:
    """One document citing another (or something outside the corpus)."""

    doc_id: str
    node_id: str | None
    kind: str
    number: str | None
    title: str | None
    target_id: str | None


def trim_prefix(prefix: str, known_prefixes: set[str]) -> str:
    """The issuer part of a number's prefix, without the words written before it.

    >>> trim_prefix("根据人社部发", {"人社部发"}), trim_prefix("按照湘人社函", set())
    ('人社部发', '湘人社函')
    """
    for start in range(len(prefix)):
        if prefix[start:] in known_prefixes:
            return prefix[start:]
    start = 0
    while start < len(prefix) - 1 and prefix[start] in _NOT_PREFIX:
        start += 1
    return prefix[start:]


def find_references(text: str, known_prefixes: set[str]) -> list[tuple[str | None, str | None, str]]:
    """(number, title, sentence) for each reference in ``text``, in order of appearance.

    A title followed by its number in brackets is one reference.
    """
    folded = to_halfwidth(text)
    found: list[tuple[int, int, str | None, str | None]] = []
    for match in DOC_NUMBER_RE.finditer(folded):
        prefix = trim_prefix(match["prefix"], known_prefixes)
        found.append((match.end() - len(match[0]) + len(match["prefix"]) - len(prefix), match.end(),
                      f"{prefix}〔{match['year']}〕{int(match['num'])}号", None))
    for match in _YEAR_SERIAL.finditer(folded):
        prefix = re.sub(r"\s+", "", trim_prefix(match["prefix"], known_prefixes))
        found.append((match.start(), match.end(), f"{prefix}{match['year']}年第{int(match['num'])}号", None))
    for match in _TITLE.finditer(folded):
        found.append((match.start(), match.end(), None, match[1]))
    found.sort()
    references: list[tuple[str | None, str | None, str]] = []
    for index, (start, end, number, title) in enumerate(found):
        if title is not None and index + 1 < len(found) and found[index + 1][2] \
                and found[index + 1][0] - end <= 3:
            continue  # the title's number follows: joined below
        if number is not None and index and found[index - 1][3] and start - found[index - 1][1] <= 3:
            title = found[index - 1][3]
        references.append((number, title, _sentence(folded, start, end)))
    return references


def _sentence(text: str, start: int, end: int) -> str:
    left = max(text.rfind(mark, 0, start) for mark in "。；\n") + 1
    rights = [i for i in (text.find(mark, end) for mark in "。；\n") if i != -1]
    return text[left:min(rights) if rights else len(text)]


def reference_kind(sentence: str) -> str:
    """What the sentence does with the document it names.

    >>> reference_kind("《关于……的通知》（湘人社发〔2016〕48号）同时废止")
    'repeals'
    """
    for kind, words in _KIND_WORDS:
        if words.search(sentence):
            return kind
    return "cites"


def document_references(document: Document, corpus: list[Document]) -> list[Reference]:
    """Every reference the document makes, resolved against ``corpus`` where possible."""
    by_number = {d.doc_number: d for d in corpus if d.doc_number}
    prefixes = {number.split("〔")[0] for number in by_number}
    references: list[Reference] = []
    seen: set[tuple[str | None, str | None, str | None]] = set()
    units = [(f"{document.id}/{n.path}", n.text) for n in document.nodes] or [(None, document.text)]
    for node_id, text in units:
        for number, title, sentence in find_references(text, prefixes):
            if number is None and not _names_a_document(title or "", document):
                continue
            target = _resolve(number, title, by_number, corpus)
            if target is document:
                continue
            key = (node_id, number, title)
            if key in seen:
                continue
            seen.add(key)
            kind = _kind(document, target, sentence.replace(f"《{title}》", "") if title else sentence)
            references.append(Reference(document.id, node_id, kind, number or (target.doc_number if target else None),
                                        title or (target.title if target else None),
                                        target.id if target else None))
    return references


def _kind(document: Document, target: Document | None, sentence: str) -> str:
    """Forwarding when the notice forwards the target; extension when a notice titled
    延长… names the measure it extends; otherwise what the sentence says. A document
    extends, amends or repeals only one of its own jurisdiction: a province moving its
    own deadline does not extend a national notice."""
    if target is not None and target.id in document.forwards:
        return "forwards"
    foreign = target is not None and target.region != document.region
    if target is not None and not foreign and "延长" in document.title and "延长" not in target.title:
        return "extends"
    if target is not None and not foreign and _AMENDING_TITLE.search(document.title) \
            and document_key(target.title) in document_key(document.title):
        return "amends"  # 关于对《…》有关问题说明的通知, …的补充通知
    kind = reference_kind(sentence)
    return "cites" if kind == "extends" or (foreign and kind != "forwards") else kind


def _names_a_document(title: str, citing: Document) -> bool:
    """A 《》 that names a document (not a form such as 告知书 or 调度表), other than the
    text the citing document itself 印发 as its attachment."""
    if doc_type(title) == "其他" or len(title) < 6:
        return False
    return document_key(title) not in document_key(citing.title)


def _resolve(number: str | None, title: str | None, by_number: dict[str, Document],
             corpus: list[Document]) -> Document | None:
    if number and number in by_number:
        return by_number[number]
    if title:
        for candidate in corpus:
            if number and candidate.doc_number and candidate.doc_number != number:
                continue  # a like title with another number is another document
            if same_title(title, candidate.title) or _tail_equal(title, candidate.title):
                return candidate
    return None


def _tail_equal(cited: str, title: str) -> bool:
    """A title cited without its issuers: 《关于…的通知》 for 某部关于…的通知."""
    return cited.startswith("关于") and "关于" in title and same_title(cited, title[title.index("关于"):])
