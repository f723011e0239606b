"""Which corpus documents a reading (解读, 答记者问) is about.

A reading names its document in its title (就《关于…的通知》答记者问; 关于…的通知的政策
解读) or, where the title names only the measure (就阶段性减免企业社会保险费具体贯彻
实施工作答记者问), in its opening paragraph (…印发《关于阶段性减免企业社会保险费的
通知》（人社部发〔2020〕11号）). Search uses this to put a document before what was said
about it: the rule is the citation, the reading explains it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from zhengce.store.records import DocumentSummary

READING_LEVEL = "解读"
MIN_TITLE = 10  # a shorter 关于… tail (关于…的通知) could sit inside any title


def _plain(title: str) -> str:
    return re.sub(r"[\s《》“”\"]", "", title)


def named_in_title(reading_title: str, title: str) -> bool:
    """Whether a reading's title names the document titled ``title``, in full or from its
    关于 on (a title cited without its issuers).

    >>> named_in_title("某司负责人就《关于实施职业技能提升行动“互联网+职业技能培训计划”的通知》答记者问",
    ...                "人力资源社会保障部 财政部关于实施职业技能提升行动“互联网+职业技能培训计划”的通知")
    True
    >>> named_in_title("关于进一步做好疫情防控期间本市相关工作的通知的政策解读", "关于做好2020年工作的通知")
    False
    """
    reading, plain = _plain(reading_title), _plain(title)
    tail = plain[plain.index("关于"):] if "关于" in plain else plain
    return reading != plain and len(tail) >= MIN_TITLE and tail in reading


def interpreted_documents(documents: Iterable[DocumentSummary],
                          opening_citations: dict[str, list[str]]) -> dict[str, set[str]]:
    """For each reading among ``documents``, the ids of the documents it reads: those its
    title names, else those its opening paragraph cites (``opening_citations``: reading id →
    cited document ids)."""
    documents = list(documents)
    sources: dict[str, set[str]] = {}
    for reading in (d for d in documents if d.level == READING_LEVEL):
        named = {d.id for d in documents
                 if d.id != reading.id and d.level != READING_LEVEL and named_in_title(reading.title, d.title)}
        sources[reading.id] = named or set(opening_citations.get(reading.id, []))
    return {reading: found for reading, found in sources.items() if found}
