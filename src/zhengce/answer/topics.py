"""The corpus's vocabulary, to tell an unknown topic from a typo.

A question naming a thing no document mentions (年终奖, 产假) is about another
topic; one with a mistyped word (宝险金, 以工带训) is not. Chinese typos are
mostly homophones, so a word that sounds like a corpus word is known.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cached_property

from zhengce.index.query import SYNONYMS
from zhengce.lexicon import lexicon

# Words that say what is asked, not what it is about: they do not count as coverage.
QUESTION_WORDS = re.compile(lexicon().question_words)


class Vocabulary:
    """How often each token occurs in the units, with the typo indexes built on first use."""

    def __init__(self, frequency: Counter[str]) -> None:
        self.frequency = frequency

    def unknown_topics(self, question: str) -> list[str]:
        """Nouns of the question that no unit of the corpus contains, typos aside
        (宝险金 is 保险金 mistyped, not an unknown thing)."""
        found = []
        for word, flag in posseg().cut(question):
            if len(word) >= 2 and flag.startswith("n") and not flag.startswith(("nr", "ns", "nt")) \
                    and not QUESTION_WORDS.fullmatch(word) \
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

    def build_typo_indexes(self) -> None:
        """Build now what the first question with an unknown word would (1-2 s with
        pypinyin's import): a server does so before it reports healthy."""
        _ = self.sounds, self.patterns, self.long_tokens  # each cached on the instance

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


def posseg():
    """jieba's part-of-speech tagger. It keeps jieba's own dictionary: with the policy
    terms added, 人社部门 would cut as 人社部/门."""
    from zhengce.index.tokenize import pos_tagger

    return pos_tagger()


def lazy_pinyin(text: str) -> list[str]:
    """pypinyin's syllables of ``text``; pypinyin takes 0.6 s to import, so only when a
    question has a word to check."""
    from pypinyin import lazy_pinyin as syllables

    return syllables(text)
