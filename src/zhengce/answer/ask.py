"""Questions answered in the documents' own words, with citations, or not at all.

The extractive answer is the product: retrieve with hybrid search, select the
smallest span that answers, quote it and cite document, article, node and the
source lines. When the corpus does not support an answer (another province,
another year, or no span that covers the question's words), say so and list the
nearest documents instead of stretching a weak match.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import asdict, dataclass, field, replace
from functools import cache, cached_property
from typing import Any

from pypinyin import lazy_pinyin

from zhengce.answer.select import (
    Concept,
    Span,
    asking_part,
    best_spans,
    cell_answer,
    covered,
    question_concepts,
    question_parts,
    question_types,
    quote,
    without_marker,
)
from zhengce.index.hybrid import Hit, SearchIndex
from zhengce.index.query import SYNONYMS, QueryError, normalize, without_numbers
from zhengce.index.tokenize import tokens
from zhengce.store.db import Store

RETRIEVE = 5
CITED = 3  # the answering span and two related ones
RANK_PRIOR = 0.15  # what the retrieval rank adds to a span: 0.15 for the first unit, half for the second
# Below this share of the question's words the best span does not answer it;
# below UNKNOWN_TOPIC_COVERAGE a question naming a thing the corpus never mentions
# (年终奖, 产假, 小客车) is about another topic. Both measured on eval/.
MIN_COVERAGE = 0.33
UNKNOWN_TOPIC_COVERAGE = 0.5
# When the best span's article is below MIN_COVERAGE, a later span whose article
# covers this much of the question answers instead of abstaining.
FALLBACK_COVERAGE = 0.5
# A question that names no province is, nearly always, about the national rule
# (132 of 138 such questions in eval/ and two fresh sets): national articles get
# this much on top of their rank, provincial copies of the same rule come after.
NATIONAL_PRIOR = 0.2
# The opening paragraphs of a document with numbered articles (根据……，决定开展……)
# restate its subject and answer little but which document it is: they lose this much.
PREAMBLE_PENALTY = 0.2
NOT_FOUND = "资料中未找到能回答这个问题的条文。"
# Places users ask about that the corpus may not cover; a question naming one is
# answered only when the quoted article names it too.
PLACES = (
    "河北", "山西", "内蒙古", "辽宁", "吉林", "黑龙江", "上海", "江苏", "浙江", "安徽", "福建", "江西", "山东", "河南",
    "湖北", "广东", "广西", "海南", "四川", "贵州", "云南", "西藏", "陕西", "甘肃", "青海", "宁夏", "新疆", "天津",
    "深圳", "广州", "杭州", "南京", "成都", "武汉", "西安", "苏州", "厦门", "青岛", "大连", "宁波", "郑州",
    "济南", "沈阳", "哈尔滨", "长春", "合肥", "福州", "南昌", "昆明", "贵阳", "南宁", "海口", "兰州", "西宁",
    "银川", "乌鲁木齐", "拉萨", "呼和浩特", "石家庄", "太原", "香港", "澳门", "台湾",
)
# The provinces the corpus holds besides the national documents: a question about
# one of them is answered from its documents or the national ones, never another's.
CORPUS_REGIONS = ("湖南", "重庆", "北京")
# Cities and districts of those provinces: a question about 长沙 or 海淀 is a question
# about Hunan or Beijing.
PLACES_IN_REGION = {
    "湖南": ("长沙", "株洲", "湘潭", "衡阳", "邵阳", "岳阳", "常德", "张家界", "益阳", "郴州", "永州", "怀化", "娄底",
             "湘西", "吉首", "凤凰县"),
    "重庆": ("渝中", "江北区", "沙坪坝", "九龙坡", "南岸区", "北碚", "渝北", "巴南", "万州", "涪陵", "黔江", "永川",
             "江津", "合川", "长寿区", "綦江", "大足", "璧山", "铜梁", "潼南", "荣昌", "开州", "梁平", "武隆",
             "两江新区"),
    "北京": ("东城区", "西城区", "朝阳区", "海淀", "丰台", "石景山", "门头沟", "房山", "通州", "顺义", "昌平", "大兴",
             "怀柔", "平谷", "密云", "延庆", "亦庄"),
}
_WHICH_DOCUMENT = re.compile(r"哪个文件|哪份文件|什么文件|哪个通知|哪个政策|哪个规定|依据什么|"
                             r"哪个部门.{0,4}(?:发|出台|印发)")
# A question that asks for a number (多少, 几成) is answered only by a span that
# states one, in figures or in words (全额, 免收, 按……确定).
_ASKS_NUMBER = re.compile(r"多少|几成|几倍|几[元块]")
_STATES_AMOUNT = re.compile(r"\d|[一二三四五六七八九十百千万两半]+(?:元|倍|个|成|年|月|天|日|次|人|岁|分之|项|档|级)|"
                            r"全额|免|实际|一定(?:的|数额|比例)|按.{0,30}(?:确定|计算|标准)")
_YEAR = re.compile(r"(?<!\d)(20\d\d|19\d\d)(?:年|\s*年度)")
# Words that say what is asked, not what it is about: they do not count as coverage.
_QUESTION_WORDS = re.compile(r"多少|什么|怎么|如何|哪些|哪个|哪里|是否|能否|可以|吗|呢|时候|几|干什么|干嘛|做什么|"
                             r"晚点|[没还快又先就都也才再想让给被把会要该去来说做用过很太更已刚呀啊嘛了]")


@dataclass
class Citation:
    """Where a quoted span comes from: document, article, node, the quote, the source lines."""

    doc_id: str
    title: str
    doc_number: str | None
    article: str
    node_id: str
    text: str
    source: dict[str, Any]
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

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


class Answerer:
    """Answers questions over one knowledge base; everything is loaded once."""

    def __init__(self, store: Store, index: SearchIndex) -> None:
        self.index = index
        self.lines = store.node_lines()
        self.primary_file = {d["id"]: d["sources"][0]["file"] for d in index.documents.values() if d["sources"]}
        frequency: Counter[str] = Counter()
        for unit in index.units:
            frequency.update(set(unit["tokens"].split()))
        self.frequency = frequency
        self.contexts = {unit["node_id"]: unit["context"] for unit in index.units}
        self.numbered = {unit["doc_id"] for unit in index.units if unit["kind"] not in ("paragraph", "row")}

    def ask(self, question: str) -> Answer:
        """Answer one question (QueryError for an empty or over-long one)."""
        return self._answer(question, self.index.search(question, k=RETRIEVE))

    def ask_many(self, questions: list[str]) -> list[Answer | QueryError]:
        """Answers in order, retrieval batched; a bad question yields its error."""
        results = self.index.search_many(questions, k=RETRIEVE)
        return [r if isinstance(r, QueryError) else self._answer(q, r) for q, r in zip(questions, results, strict=True)]

    def _answer(self, question: str, hits: list[Hit]) -> Answer:
        nearest = _nearest(hits)
        if not hits:
            return Answer(question, "", True, reason=NOT_FOUND, nearest=nearest)
        text = normalize(question).text
        asking = asking_part(text)
        terms = self._concepts(text)
        coverage = [_coverage(terms, hit) for hit in hits]
        asked_regions = [region for region in CORPUS_REGIONS
                         if region in text or any(place in text for place in PLACES_IN_REGION[region])]
        article_prior = [(NATIONAL_PRIOR if not asked_regions and h.region == "全国" else 0.0)
                         - (PREAMBLE_PENALTY if h.kind == "paragraph" and h.doc_id in self.numbered
                            and not _WHICH_DOCUMENT.search(text) else 0.0)
                         for h in hits]
        kinds = question_types(text)
        spans = best_spans(_weighed_by_asking(terms, asking), kinds,
                           [("" if _bare_heading(h) else h.text) for h in hits],
                           prior=lambda i: RANK_PRIOR / (i + 1) + article_prior[i],
                           limit=len(hits), question=text, contexts=[self.contexts[h.node_id] for h in hits])
        if len(asked_regions) == 1:
            spans = _for_region(spans, hits, asked_regions[0], kinds)
            if not spans:
                reason = f"{NOT_FOUND}资料中没有{asked_regions[0]}的相应规定。"
                return Answer(question, "", True, reason=reason, nearest=nearest)
        if not spans:
            return Answer(question, "", True, reason=NOT_FOUND, nearest=nearest)
        if coverage[spans[0].unit_index] < MIN_COVERAGE:
            # The best span's article covers too little of the question; a later one
            # whose article covers half of it answers instead.
            spans.sort(key=lambda s: coverage[s.unit_index] < FALLBACK_COVERAGE)
        top = spans[0]
        outside = _outside_corpus(asking, hits[top.unit_index], hits)
        unknown = self.unknown_topics(asking)
        if unknown and coverage[top.unit_index] < UNKNOWN_TOPIC_COVERAGE:
            outside = outside or f"资料中没有提到“{'、'.join(unknown)}”。"
        outside = outside or _standard_not_stated(text, top.text, hits[top.unit_index].text)
        if hits[top.unit_index].kind == "row":
            spans[0] = top = replace(top, text=cell_answer(text, hits[top.unit_index].text, top.text))
        if not outside and "amount" in kinds and _ASKS_NUMBER.search(asking) and not _STATES_AMOUNT.search(top.text):
            outside = "条文没有写出所问的数额。"
        if outside or coverage[top.unit_index] < MIN_COVERAGE:
            return Answer(question, "", True, reason=f"{NOT_FOUND}{outside}", nearest=nearest)
        spans = spans[:CITED]
        if hits[top.unit_index].kind != "row":
            spans[0] = top = self._all_parts(text, top, hits[top.unit_index].text)
        citations = [self._citation(hits[s.unit_index], s.text, "answer" if n == 0 else "related")
                     for n, s in enumerate(spans)]
        national_for_province = len(asked_regions) == 1 and hits[top.unit_index].region == "全国"
        notes = [f"资料中没有{asked_regions[0]}的专门规定，以下是国家层面的规定。"] if national_for_province else []
        return Answer(question, top.text, False, citations=citations, notes=notes)

    def _concepts(self, text: str) -> list[Concept]:
        words = [t for t in tokens(without_numbers(text)) if not _QUESTION_WORDS.fullmatch(t)]
        return question_concepts(words, SYNONYMS, text, self.frequency.__getitem__, len(self.index.units))

    def _all_parts(self, question: str, top: Span, unit_text: str) -> Span:
        """A question that asks several things (能领几个月？标准多少？) gets each part's
        best span in the answering article quoted with the best span for the whole."""
        parts = question_parts(question)
        if len(parts) < 2:
            return top
        ranges = [(top.start, top.end)]
        for part in parts:
            found = best_spans(self._concepts(part), question_types(part), [unit_text], prior=lambda i: 0.0,
                               limit=1, question=part)
            if found and not any(found[0].start < end and start < found[0].end for start, end in ranges):
                ranges.append((found[0].start, found[0].end))
        if len(ranges) == 1:
            return top
        return Span(top.unit_index, min(ranges)[0], max(end for _, end in ranges), quote(unit_text, ranges),
                    top.score)

    def unknown_topics(self, question: str) -> list[str]:
        """Nouns of the question that no unit of the corpus contains, typos aside
        (宝险金 is 保险金 mistyped, not an unknown thing)."""
        found = []
        for word, flag in posseg().cut(question):
            if len(word) >= 2 and flag.startswith("n") and not flag.startswith(("nr", "ns", "nt")) \
                    and not _QUESTION_WORDS.fullmatch(word) \
                    and not self.frequency[word] and not self._near_known(word):
                found.append(word)
        return found

    def _near_known(self, word: str) -> bool:
        """A mistyped word (sounding like a known one, or for longer words one character
        off), two known words run together (大学毕业),
        a short form of a known word (个体户 for 个体工商户), or a phrase around a known
        word (多长时间 around 长时间)."""
        if word in SYNONYMS or tuple(lazy_pinyin(word)) in self.sounds:
            return True
        if len(word) > 2 and any(f"{word[:i]}?{word[i + 1:]}" in self.patterns for i in range(len(word))):
            return True
        if any(self.frequency[word[:i]] and self.frequency[word[i:]] for i in range(2, len(word) - 1)):
            return True
        if any(word[i:j] in self.frequency for i in range(len(word)) for j in range(i + 2, len(word) + 1)
               if (j - i) * 3 >= len(word) * 2):
            return True
        pattern = re.compile(".*".join(map(re.escape, word)))
        return any(len(token) <= len(word) + 3 and pattern.search(token) for token in self.long_tokens)

    @cached_property
    def long_tokens(self) -> list[str]:
        return [t for t in self.frequency if 3 <= len(t) <= 8]

    @cached_property
    def sounds(self) -> set[tuple[str, ...]]:
        """How every corpus token of 2-4 characters is pronounced: Chinese typos are
        mostly homophones (带训 for 代训, 平审 for 评审), while 产假 sounds like no word
        of the corpus though it is one character from 年假."""
        sounds = set()
        for token in self.frequency:
            if 2 <= len(token) <= 4:
                syllables = tuple(lazy_pinyin(token))
                # jieba cuts a mistyped term apart (以工带训 → 以/工带/训): its pieces
                # sound like pieces of the term.
                sounds.update(syllables[i:j] for i in range(len(syllables))
                              for j in range(i + 2, len(syllables) + 1))
        return sounds

    @cached_property
    def patterns(self) -> set[str]:
        """Every corpus token of 2-4 characters with one character masked: a typo index."""
        return {f"{t[:i]}?{t[i + 1:]}" for t in self.frequency if 2 <= len(t) <= 4 for i in range(len(t))}

    def _citation(self, hit: Hit, quote: str, role: str) -> Citation:
        start, end = self.lines.get(hit.node_id, (None, None))
        source = {"file": self.primary_file.get(hit.doc_id), "start_line": start, "end_line": end}
        return Citation(doc_id=hit.doc_id, title=hit.title, doc_number=hit.doc_number, article=hit.article,
                        node_id=hit.node_id, text=quote, source=source, role=role)


@cache
def posseg():
    """jieba's part-of-speech tagger, loaded on first use."""
    import jieba.posseg

    return jieba.posseg


def _for_region(spans: list[Span], hits: list[Hit], region: str, kinds: list[str]) -> list[Span]:
    """The spans that may answer a question about one province: its own first, then
    national ones, never another province's; for a figure only its own, because a
    national rule gives the frame (不高于当地标准), not the province's figure."""
    own = [s for s in spans if hits[s.unit_index].region == region]
    national = [s for s in spans if hits[s.unit_index].region == "全国"]
    return own if "amount" in kinds else own + national


def _bare_heading(hit: Hit) -> bool:
    """A unit that is only a heading or a title (七、工作要求; 2020年北京地区毕业生春季网络
    招聘月活动): it names a subject and answers nothing."""
    text = without_marker(hit.text.strip())
    return hit.kind != "row" and len(text) <= BARE_HEADING_CHARS and not re.search(r"[，。；：,;:]", text)


BARE_HEADING_CHARS = 30
STORY_WEIGHT = 0.25  # measured on eval/ and the fresh sets: 0.5 and 1 (no story) did no better


def _weighed_by_asking(concepts: list[Concept], asking: str) -> list[Concept]:
    """The concepts with those only the story before the question names (我上个月被公司裁了，
    带着身份证填了表，) weighing less: the span should answer what is asked, not retell the story."""
    return [(words, weight if any(word in asking for word in words) else weight * STORY_WEIGHT)
            for words, weight in concepts]


def _coverage(concepts: list[Concept], hit: Hit) -> float:
    """Share of the question's weight found in the answering article or its document title."""
    total = sum(weight for _, weight in concepts) or 1.0
    return covered(concepts, f"{hit.title}\n{hit.text}") / total


def _outside_corpus(question: str, hit: Hit, hits: list[Hit]) -> str:
    """Why a question is about something the answering article does not cover, or "":
    a place it does not name, or a year none of the retrieved articles speaks of
    (2019年度 figures are part of 2020 rules)."""
    where = f"{hit.title}\n{hit.text}"
    for place in PLACES:
        if place in question and place not in where:
            return f"问题涉及{place}，而资料只收录国家及湖南、重庆、北京的政策。"
    for year in _YEAR.findall(question):
        if not any(year in f"{other.title}\n{other.text}" or (other.date or "").startswith(year) for other in hits):
            return f"问题涉及{year}年，而资料是2020年前后的政策。"
    return ""


_ASKED_STANDARD = re.compile(r"([\u4e00-\u9fff]{2,6}?)(?:每人每月|每月|月)?标准[^，。？?]{0,8}多少")


def _standard_not_stated(question: str, answer: str, article: str) -> str:
    """Why the answer does not give the standard asked for, or "": an article that
    does not name it (长沙最低工资标准, answered from a 遗属补助 article) or only
    measures something against it (最低工资标准的80%, 按失业保险金标准) does not say
    what the standard is (each city sets it, outside these documents)."""
    asked = _ASKED_STANDARD.search(question)
    if not asked:
        return ""
    named = asked.group(1).rstrip("的")
    words = [word for word in tokens(named) if len(word) > 1]
    if words and not any(word in article for word in words):
        return f"条文没有提到“{named}标准”。"
    suffixes = [named[-length:] for length in range(len(named), 2, -1)]
    for suffix in suffixes:
        if "元" not in answer and re.search(f"{suffix}(?:月?标准|的[\\d.]+[%倍])", answer):
            return f"条文只以“{suffix}标准”为基数，没有写出它的数额。"
    return ""


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
    'a JSON line needs a "question" string'
    """
    text = line.strip()
    if text.startswith("{"):
        try:
            record = json.loads(text)
        except json.JSONDecodeError as error:
            return text, f"not valid JSON: {error.msg}"
        question = record.get("question") if isinstance(record, dict) else None
        if not isinstance(question, str):
            return text, 'a JSON line needs a "question" string'
        return question, ""
    return text, ""
