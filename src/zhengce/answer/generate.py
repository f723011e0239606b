"""Optional phrasing by a language model, checked sentence by sentence.

When an OpenAI-compatible endpoint is configured (ZHENGCE_LLM_URL, and
ZHENGCE_LLM_MODEL, ZHENGCE_LLM_KEY), the model may phrase the answer from the
retrieved passages only. Every sentence it writes must be supported by a cited
passage: most of its characters appear there in order, and every figure in it
appears there verbatim. A sentence without support is dropped and the answer
says so; if nothing survives, or the endpoint fails, the extractive answer
stands. Without an endpoint the extractive answer is the product.
"""

from __future__ import annotations

import json
import os
import re
import urllib.error
import urllib.request
from dataclasses import dataclass
from datetime import date

from zhengce.answer.ask import Answer, Answerer
from zhengce.answer.select import figures
from zhengce.index.hybrid import Hit, SearchIndex
from zhengce.store.db import Store

SUPPORT = 0.7
TIMEOUT = 30
_SENTENCE = re.compile(r"[^。！？\n]+[。！？]?")
_MARKER = re.compile(r"\[(\d+)\]")
PROMPT = ("你是人社政策咨询助手。只能依据下面编号的条文回答问题，不得补充条文之外的内容。"
          "用简短的中文句子回答，每句末尾用[编号]标明依据的条文。条文不足以回答时，只回答：资料中未找到。")


@dataclass(frozen=True)
class Endpoint:
    url: str
    model: str
    key: str

    @classmethod
    def from_environment(cls) -> Endpoint | None:
        url = os.environ.get("ZHENGCE_LLM_URL", "").strip()
        if not url:
            return None
        return cls(url.rstrip("/"), os.environ.get("ZHENGCE_LLM_MODEL", "default"),
                   os.environ.get("ZHENGCE_LLM_KEY", ""))

    def complete(self, messages: list[dict[str, str]]) -> str:
        """The model's reply to ``messages`` (raises OSError or ValueError on failure)."""
        request = urllib.request.Request(
            f"{self.url}/chat/completions", method="POST",
            data=json.dumps({"model": self.model, "messages": messages, "temperature": 0}).encode(),
            headers={"Content-Type": "application/json", "Authorization": f"Bearer {self.key}"},
        )
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
            body = json.load(response)
        return body["choices"][0]["message"]["content"]


def make_answerer(store: Store, index: SearchIndex, remember: int = 0) -> Answerer:
    """The extractive answerer, or the generating one when an endpoint is configured; a
    server's keeps its last ``remember`` answers."""
    endpoint = Endpoint.from_environment()
    return GeneratingAnswerer(store, index, endpoint, remember) if endpoint else Answerer(store, index, remember)


class GeneratingAnswerer(Answerer):
    """Phrases answers with a model; keeps only sentences a cited passage supports."""

    def __init__(self, store: Store, index: SearchIndex, endpoint: Endpoint, remember: int = 0) -> None:
        super().__init__(store, index, remember)
        self.endpoint = endpoint

    def _answer(self, question: str, hits: list[Hit], on: date | None = None) -> Answer:
        extractive = super()._answer(question, hits, on)
        if extractive.abstained:
            return extractive
        passages = [h.text for h in hits if any(c.node_id == h.node_id for c in extractive.citations)]
        numbered = "\n".join(f"[{n}] {text}" for n, text in enumerate(passages, 1))
        try:
            reply = self.endpoint.complete([{"role": "system", "content": PROMPT},
                                            {"role": "user", "content": f"条文：\n{numbered}\n\n问题：{question}"}])
        except (OSError, ValueError, KeyError, IndexError) as error:
            extractive.notes.append(f"生成服务不可用（{error.__class__.__name__}），以下为原文摘录。")
            return extractive
        kept, dropped = check_sentences(reply, passages)
        if not kept:
            extractive.notes.append("生成的回答没有一句能在条文中找到依据，已改用原文摘录。")
            return extractive
        extractive.answer, extractive.generated = "".join(kept), True
        if dropped:
            extractive.notes.append(f"已删去 {len(dropped)} 句条文中找不到依据的内容。")
        return extractive


def check_sentences(reply: str, passages: list[str]) -> tuple[list[str], list[str]]:
    """Split ``reply`` into sentences; keep those a passage supports, drop the rest.

    A sentence marked [n] is checked against passage n, an unmarked one against all.
    """
    kept, dropped = [], []
    for match in _SENTENCE.finditer(reply):
        sentence = match.group().strip()
        if not sentence:
            continue
        marks = [int(m) for m in _MARKER.findall(sentence)]
        plain = _MARKER.sub("", sentence).strip()
        candidates = [passages[m - 1] for m in marks if 0 < m <= len(passages)] or passages
        if plain and any(supported(plain, passage) for passage in candidates):
            kept.append(plain)
        elif plain:
            dropped.append(plain)
    return kept, dropped


def supported(sentence: str, passage: str) -> bool:
    """Most of the sentence's characters occur in the passage in order, and all its figures verbatim.

    >>> supported("缓缴期限不超过6个月。", "缓缴期限原则上不超过6个月，缓缴期间免收滞纳金。")
    True
    >>> supported("缓缴期限不超过12个月。", "缓缴期限原则上不超过6个月，缓缴期间免收滞纳金。")
    False
    """
    core = re.sub(r"[，。；：、！？\s“”]", "", sentence)
    if not core:
        return False
    if not figures(sentence) <= figures(passage):
        return False
    return lcs_length(core, passage) / len(core) >= SUPPORT


def lcs_length(left: str, right: str) -> int:
    """Length of the longest common subsequence of characters (dynamic programming,
    one row at a time): the core of ROUGE-L and of the generation support check."""
    previous = [0] * (len(right) + 1)
    for char in left:
        current = [0]
        for j, other in enumerate(right, 1):
            current.append(previous[j - 1] + 1 if char == other else max(previous[j], current[j - 1]))
        previous = current
    return previous[-1]
