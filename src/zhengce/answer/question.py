"""A question, analysed once: what it asks, about what, where and when.

Everything the answer wing needs to know of the question is read here, once:
its normal form, the clauses that ask (not the asker's story), the kinds of
answer it wants (a figure, a date, a condition...), its separate parts, the
places it names (as whole words: 长春 is not found inside 延长春节), the years,
and its weighted concepts. Places are told apart by the corpus metadata: a
region the corpus holds, or a place outside it.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from zhengce.index.tokenize import tokenizer
from zhengce.lexicon import lexicon

Concept = tuple[frozenset[str], float]

# What a question asks for, by its words, and what an answering span contains
# (lexicon.toml [question_kinds]).
QUESTION_TYPES: dict[str, tuple[re.Pattern[str], re.Pattern[str]]] = {
    name: (re.compile(asks), re.compile(answers)) for name, (asks, answers) in lexicon().question_kinds.items()
}

def question_types(question: str) -> list[str]:
    """The kinds of answer a question asks for (amount, deadline, ...), possibly none.

    >>> question_types("小微企业社保费减免到什么时候？")
    ['deadline']
    """
    kinds = [name for name, (asks, _) in QUESTION_TYPES.items() if asks.search(question)]
    # 由谁负责 asks for a party, not for who qualifies.
    return [kind for kind in kinds if not (kind == "eligibility" and "responsible" in kinds
                                           and not re.search(r"哪些人|什么人|条件|资格", question))]


_ASKING = re.compile(lexicon().asking_words)


_STORY = re.compile(r"我|咱|俺|本人|自己")


def asking_part(question: str) -> str:
    """The clauses of a question that ask (……有没有照顾？), without the story the asker
    tells about themselves (我是主治医师，疫情期间一直在发热门诊一线，).

    >>> asking_part("我奶奶83岁了，一直用存折领养老金，她还能继续用存折吗？")
    '一直用存折领养老金，她还能继续用存折吗？'
    """
    parts = re.findall(r"[^，,。；;！!？?]+[，,。；;！!？?]?", question)
    asking = [part for part in parts[:-1] if not _STORY.search(part)] + parts[-1:]
    return "".join(asking) if asking else question


def question_parts(question: str) -> list[str]:
    """The separate questions of a question that asks several (能领几个月？标准多少？).

    >>> question_parts("失业补助金能领几个月？标准多少？")
    ['失业补助金能领几个月', '标准多少']
    """
    parts = re.split(r"[？?；;]|，(?=[^，]*(?:多少|什么|怎么|如何|哪|是否|吗|几|多久))", question)
    return [part for part in parts if _ASKING.search(part)]




def question_concepts(question_tokens: list[str], synonyms: dict[str, tuple[str, ...]], question: str,
                      document_frequency: Callable[[str], int], units: int) -> list[Concept]:
    """The question's concepts: each everyday word with the documents' words for it
    counts once (社保 or 社会保险), each other word alone; weighted by idf, words the
    corpus never uses left out."""
    def idf(word: str) -> float:
        frequency = document_frequency(word)
        return math.log(1 + (units - frequency + 0.5) / (frequency + 0.5)) if frequency else 0.0

    concepts: list[Concept] = []
    grouped: set[str] = set()
    for word, alternatives in synonyms.items():
        if word in question:
            weight = max([idf(word), *map(idf, alternatives)])
            if weight:
                concepts.append((frozenset({word, *alternatives}), weight))
            grouped.update(t for t in question_tokens if t in word or word in t)
    for token in dict.fromkeys(question_tokens):
        if token not in grouped and idf(token):
            concepts.append((frozenset({token}), idf(token)))
    for quoted in re.findall(r"[“\"「]([^”\"」]{2,20})[”\"」]", question):
        # A term the asker quotes is asked about as a whole: the article that has it
        # whole answers, not one that has its words apart.
        concepts.append((frozenset({quoted}), QUOTED_WEIGHT * max((w for _, w in concepts), default=1.0)))
    return concepts


QUOTED_WEIGHT = 0.5  # of the heaviest word's weight (measured: 1.0 let the quoted name outweigh the question)




_YEAR = re.compile(r"(?<!\d)(20\d\d|19\d\d)(?:年|\s*年度)")


@dataclass(frozen=True)
class Question:
    """What the answer wing knows of a question."""

    text: str
    asking: str
    kinds: list[str]
    parts: list[str]
    regions: list[str]  # corpus regions it names (湖南 for 长沙)
    outside: list[str]  # places it names that the corpus does not hold, when it names no corpus region
    outside_names: list[str]  # the words naming them (太原 for 山西)
    years: list[str]
    concepts: list[Concept] = field(default_factory=list)


def analyse(text: str, corpus_regions: set[str], concepts: Callable[[str], list[Concept]],
            named_documents: list[str] | None = None) -> Question:
    """``text`` (already normalised) read once; ``concepts`` weighs its words. A question
    that names a corpus document asks about that document: a place in it is context."""
    asking = asking_part(text)
    named = place_names(text)
    regions = list(dict.fromkeys(p for p in named.values() if p in corpus_regions))
    # A place outside the corpus counts where the question asks about it; in the
    # asker's story (我在苏州打工，) it is where they are, and the national rule answers.
    elsewhere = {word: p for word, p in place_names(asking).items()
                 if p not in corpus_regions and not regions and not named_documents}
    return Question(
        text=text, asking=asking, kinds=question_types(text), parts=_parts(text),
        regions=regions, outside=list(dict.fromkeys(elsewhere.values())), outside_names=list(elsewhere),
        years=_YEAR.findall(asking), concepts=concepts(text),
    )


def _parts(text: str) -> list[str]:
    parts = question_parts(text)
    return parts if len(parts) > 1 else joint_parts(text) or parts


def joint_parts(text: str) -> list[str]:
    """The questions a joint word asks (上下限 → 上限, 下限), or none.

    >>> joint_parts("湖南2020年社保个人缴费基数上下限")
    ['湖南2020年社保个人缴费基数上限', '湖南2020年社保个人缴费基数下限']
    """
    for word, parts in lexicon().joint_words.items():
        if word in text:
            return [text.replace(word, part) for part in parts]
    return []


def place_names(text: str) -> dict[str, str]:
    """The places ``text`` names as whole words, each with its province-level place.

    >>> place_names("太原市和长沙的企业延长春节假期怎么算工资")
    {'太原': '山西', '长沙': '湖南'}
    """
    found: dict[str, str] = {}
    for word in tokenizer().lcut(text):
        name = _place_name(word)
        if name:
            found.setdefault(name, lexicon().province_of(name) or name)
    return found


def names_place(text: str, provinces: list[str]) -> bool:
    """Whether ``text`` names one of ``provinces`` or a city in it."""
    places = lexicon().places
    return any(name in text for province in provinces for name in (province, *places.get(province, ())))


def _place_name(word: str) -> str | None:
    """The place a word names (山西省 → 山西), or None."""
    words = lexicon()
    if words.province_of(word):
        return word
    for suffix in words.place_suffixes:
        stem = word[: -len(suffix)]
        if word.endswith(suffix) and len(stem) > 1 and words.province_of(stem):
            return stem
    return None
