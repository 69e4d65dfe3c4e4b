"""Synthetic archive text of realistic shape for the search benchmark (no real articles).

Mostly quotes and statistics of 20-60 words, some sessions, events and people, and a few
full articles of 300-900 words; words drawn from a Zipf-like vocabulary of Arabic-looking
words with the article, conjunctions, plurals, harakat and both digit systems mixed in.
"""

from __future__ import annotations

import itertools
import random
from dataclasses import dataclass

_LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
_PREFIXES = ("", "", "", "ال", "ال", "وال", "بال", "لل", "و", "ب")
_SUFFIXES = ("", "", "", "ة", "ات", "ين", "ون", "ي", "ية", "ان")
_FUNCTION_WORDS = ("في", "من", "على", "إلى", "أن", "التي", "الذي", "مع", "عن", "هذه", "بن")
_NUMERALS = ("2024", "٢٠٢٤", "15", "٨٠", "3.9", "100", "150", "٪", "%")


@dataclass(frozen=True)
class SyntheticRecord:
    kind: str
    record_id: int
    title: str
    body: str
    speaker: int
    event: int
    year: str


class Vocabulary:
    """Zipf-distributed stems with random affixes; ``word()`` draws one surface word."""

    def __init__(self, rng: random.Random, size: int = 20_000) -> None:
        self.rng = rng
        self.stems = ["".join(rng.choice(_LETTERS) for _ in range(rng.randint(3, 6))) for _ in range(size)]
        self.cum_weights = list(itertools.accumulate(1.0 / rank for rank in range(1, size + 1)))

    def words(self, count: int) -> list[str]:
        rng = self.rng
        stems = rng.choices(self.stems, cum_weights=self.cum_weights, k=count)
        words = []
        for stem in stems:
            roll = rng.random()
            if roll < 0.25:
                words.append(rng.choice(_FUNCTION_WORDS))
            elif roll < 0.27:
                words.append(rng.choice(_NUMERALS))
            else:
                word = rng.choice(_PREFIXES) + stem + rng.choice(_SUFFIXES)
                words.append(word + "\u064e" if roll > 0.99 else word)
        return words


def synthetic_records(count: int, seed: int = 7) -> list[SyntheticRecord]:
    """``count`` records: 45% quotes, 35% statistics, 8% sessions, 5% people, 4% events, 3% articles."""
    rng = random.Random(seed)
    vocabulary = Vocabulary(rng)
    kinds = rng.choices(
        ("quote", "statistic", "session", "person", "event", "source"), weights=(45, 35, 8, 5, 4, 3), k=count
    )
    records = []
    for record_id, kind in enumerate(kinds, start=1):
        length = rng.randint(300, 900) if kind == "source" else rng.randint(20, 60)
        if kind in ("person", "event"):
            length = rng.randint(4, 20)
        words = vocabulary.words(length)
        title = " ".join(vocabulary.words(rng.randint(2, 6)))
        records.append(
            SyntheticRecord(kind, record_id, title, " ".join(words), rng.randint(1, 2000), rng.randint(1, 300),
                            str(rng.randint(2010, 2025)))
        )
    return records


def query_words(records: list[SyntheticRecord], rng: random.Random) -> str:
    """A word taken from a random record (so that queries follow the corpus distribution)."""
    return rng.choice(rng.choice(records).body.split())
