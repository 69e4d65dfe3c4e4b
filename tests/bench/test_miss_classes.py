"""miss_classes shows the words before a missed quote or a wrong speaker (--context), on our own article."""

from __future__ import annotations

import sys
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
for folder in (REPO / "bench" / "corpus", REPO / "bench"):
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))

import miss_classes  # noqa: E402
from corpus_scoring import Article, GoldQuote  # noqa: E402

TEXT = ("وقال الوزير سالم بن علي الهنائي إن الوزارة تعد خطة جديدة للإعلام.\n"
        "وفي الختام تحدث الضيوف عن تجاربهم في المهنة طويلا.")


def _article() -> Article:
    said = TEXT.index("الوزارة تعد")
    missed = TEXT.index("تجاربهم")
    quotes = (GoldQuote(said, TEXT.index(".", said), "خالد سعيد البلوشي", "indirect"),
              GoldQuote(missed, missed + len("تجاربهم في المهنة"), "الضيوف", "indirect"))
    return Article("own", "own", TEXT, quotes, ())


def test_context_shows_the_words_before_a_wrong_speaker_and_a_missed_quote() -> None:
    classes: Counter = Counter()
    examples: dict[str, list[str]] = defaultdict(list)
    miss_classes.classify(_article(), classes, examples, context=20)
    [wrong] = examples["speaker: another name"]
    assert wrong.startswith("سالم بن علي الهنائي for خالد سعيد البلوشي | before: …")
    assert wrong.endswith("بن علي الهنائي إن")
    [missed] = examples["quote: no proposal near it (indirect)"]
    assert missed.endswith("تحدث الضيوف عن")


def test_without_context_the_examples_are_the_words_alone() -> None:
    classes: Counter = Counter()
    examples: dict[str, list[str]] = defaultdict(list)
    miss_classes.classify(_article(), classes, examples)
    assert examples["quote: no proposal near it (indirect)"] == ["تجاربهم في المهنة"]


def test_a_group_s_words_left_without_a_speaker_are_classed_right_as_scored() -> None:
    text = "وأكد المشاركون أن الملتقى فرصة مهمة لتبادل الخبرات بين الإعلاميين من مختلف الدول."
    said = text.index("الملتقى")
    quote = GoldQuote(said, text.index(".", said), "المشاركون", "indirect", "group")
    classes: Counter = Counter()
    examples: dict[str, list[str]] = defaultdict(list)
    miss_classes.classify(Article("own", "own", text, (quote,), ()), classes, examples)
    assert classes["speaker: right"] == 1
    assert classes["speaker: no speaker proposed"] == 0
