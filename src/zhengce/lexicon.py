"""The lexicon: word lists and place names kept as data in lexicon.toml.

Loaded once per process. Code that reads questions takes its vocabulary from here,
so a new everyday word or a new city is a line of data, not a change of code.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

LEXICON_FILE = Path(__file__).with_name("lexicon.toml")


@dataclass(frozen=True)
class Lexicon:
    synonyms: dict[str, tuple[str, ...]]
    colloquial: dict[str, str]
    places: dict[str, tuple[str, ...]]  # province-level name -> its cities and districts
    place_suffixes: tuple[str, ...]
    local_bodies: tuple[str, ...]
    figure_asks: tuple[str, ...]
    joint_words: dict[str, tuple[str, ...]]
    figure_lead_up: frozenset[str]
    question_kinds: dict[str, tuple[str, str]]  # kind -> (what asks for it, what answers it)
    question_words: str
    asking_words: str

    def province_of(self, name: str) -> str | None:
        """The province-level place a name is or lies in (长沙 → 湖南), or None.

        >>> lexicon().province_of("长沙"), lexicon().province_of("山西"), lexicon().province_of("春节")
        ('湖南', '山西', None)
        """
        if name in self.places:
            return name
        return next((province for province, cities in self.places.items() if name in cities), None)


@cache
def lexicon() -> Lexicon:
    data = tomllib.loads(LEXICON_FILE.read_text(encoding="utf-8"))
    return Lexicon(
        synonyms={word: tuple(alternatives) for word, alternatives in data["synonyms"].items()},
        colloquial=dict(data["colloquial"]),
        places={province: tuple(cities) for province, cities in data["places"].items()},
        place_suffixes=tuple(data["place_suffixes"]["suffixes"]),
        local_bodies=tuple(data["local_bodies"]["words"]),
        figure_asks=tuple(data["figure_answers"]["asks"]),
        joint_words={word: tuple(parts) for word, parts in data["joint_words"].items()},
        figure_lead_up=frozenset(data["figure_answers"]["lead_up"]),
        question_kinds={kind: (cues["asks"], cues["answers"]) for kind, cues in data["question_kinds"].items()},
        question_words=data["question_words"]["words"],
        asking_words=data["question_words"]["asking"],
    )
