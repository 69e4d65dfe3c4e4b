"""speaker_model.py trains the learned choice of speaker: its logistic regression, its folds over outlets,
its rows taken from extract as it runs, and a weights file that is the same for the same corpus."""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
for folder in (REPO / "bench" / "corpus", REPO / "bench"):
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))

import speaker_model  # noqa: E402
from corpus_scoring import Article, GoldQuote  # noqa: E402

from archive.importing import speaker_choice  # noqa: E402

# Our own sentences: two people, a quote of each, and a continuation.
FIRST = ("قال وزير الإعلام سالم بن علي الهنائي إن الوزارة تعد خطة جديدة للإعلام الرقمي.\n"
         "وأكدت رئيسة اللجنة المنظمة سلمى بنت راشد الكندية أن الملتقى يجمع الإعلاميين من كل الدول.\n"
         "وأضافت أن الدورة المقبلة ستعقد في الخريف.\n")
SECOND = ("أوضح مدير المهرجان خالد سعيد البلوشي أن العروض تبدأ مساء الخميس في المسرح الكبير.\n"
          "وقال وزير الثقافة محمد ناصر العامري إن الوزارة تدعم الفرق الشابة في كل المدن.\n")
TEXTS = (
    (FIRST, ("سالم بن علي الهنائي", "سلمى بنت راشد الكندية", "سلمى بنت راشد الكندية")),
    (SECOND, ("خالد سعيد البلوشي", "محمد ناصر العامري")),
)
OPENINGS = (("الوزارة تعد", "الملتقى يجمع", "الدورة المقبلة"), ("العروض تبدأ", "الوزارة تدعم"))


def _articles() -> list[Article]:
    articles = []
    for number, ((text, speakers), openings) in enumerate(zip(TEXTS, OPENINGS, strict=True)):
        quotes = tuple(GoldQuote(text.index(opening), text.index(".", text.index(opening)), speaker, "indirect")
                       for opening, speaker in zip(openings, speakers, strict=True))
        articles.append(Article(f"own-{number}", f"outlet{number}", text, quotes, ()))
    return articles


def test_examples_hold_every_matched_quote_with_its_candidates_labelled_by_the_scorer() -> None:
    examples = [example for article in _articles() for example in speaker_model.examples_of("own", article)]
    assert len(examples) == 5
    assert all(example.rules_right for example in examples)
    for example in examples:
        assert example.rows.chosen == 0 and example.right[0]
        assert len(example.rows.candidates) == 2  # the other person of the article is the one alternative
        assert not example.right[1]
        assert len(example.rows.candidates[0].features) == len(speaker_choice.FEATURES)


def test_the_logistic_regression_finds_the_weights_that_made_the_labels() -> None:
    rows = []
    for place in range(400):  # labels drawn deterministically from a known model: 1.5 x - 0.5
        x = (place % 20) / 10 - 1.0
        chance = 1 / (1 + math.exp(-(1.5 * x - 0.5)))
        rows.append(((x,), ((place * 7919) % 1000) / 1000 < chance))
    bias, [weight] = speaker_model.fit_logistic(rows, penalty=0.0)
    assert abs(weight - 1.5) < 0.4 and abs(bias + 0.5) < 0.3
    _, [shrunk] = speaker_model.fit_logistic(rows, penalty=100.0)
    assert 0 < shrunk < weight  # the penalty pulls the weight towards zero


def test_the_solver_solves() -> None:
    assert [round(value, 9) for value in speaker_model._solve([[2.0, 1.0], [1.0, 3.0]], [3.0, 5.0])] == [0.8, 1.4]


def test_training_twice_on_the_same_corpus_writes_the_same_file_byte_for_byte() -> None:
    examples = [example for article in _articles() for example in speaker_model.examples_of("own", article)]
    setting = speaker_model.Setting((), 1.0, 0.2)
    files = [speaker_model.weights_file(speaker_model.model_of(examples, setting.kept(), 1.0, 0.2), setting,
                                        len(examples)) for _ in range(2)]
    assert files[0] == files[1]
    data = json.loads(files[0])
    assert tuple(data["weights"]) == speaker_choice.FEATURES
    assert speaker_choice.model_from(data) is not None


def test_folds_keep_each_outlet_whole_and_balance_quotes() -> None:
    examples = [example for article in _articles() for example in speaker_model.examples_of("own", article)]
    fold_of = speaker_model.outlet_folds(examples, folds=2)
    assert sorted(fold_of) == ["outlet0", "outlet1"] and sorted(fold_of.values()) == [0, 1]


def test_the_file_applies_the_model_only_when_it_held_out_of_fold_and_lowered_no_group() -> None:
    examples = [example for article in _articles() for example in speaker_model.examples_of("own", article)]
    setting = speaker_model.Setting((), 1.0, 0.2)
    model = speaker_model.model_of(examples, setting.kept(), 1.0, 0.2)

    def applied(held_out: tuple[int, int], dropped: tuple[str, ...] = ()) -> bool:
        data = json.loads(speaker_model.weights_file(model, setting, len(examples), held_out, dropped))
        return data["applied"]

    assert applied((100, 101))
    assert not applied((100, 100))
    assert not applied((100, 99))
    assert not applied((100, 101), ("fresh7",))


def test_the_file_scores_the_confidence_only_when_the_chance_lowered_both_ece_and_brier() -> None:
    examples = [example for article in _articles() for example in speaker_model.examples_of("own", article)]
    setting = speaker_model.Setting((), 1.0, 0.2)
    model = speaker_model.model_of(examples, setting.kept(), 1.0, 0.2)

    def scores(today: tuple[float, float], with_chance: tuple[float, float]) -> bool:
        confidence = {"today": {"ece": today[0], "brier": today[1]},
                      "with_the_chance": {"ece": with_chance[0], "brier": with_chance[1]}}
        data = json.loads(speaker_model.weights_file(model, setting, len(examples), confidence=confidence))
        return data["scores_confidence"]

    assert scores((0.03, 0.07), (0.02, 0.06))
    assert not scores((0.03, 0.07), (0.04, 0.06))
    assert not scores((0.03, 0.07), (0.02, 0.07))
    assert not json.loads(speaker_model.weights_file(model, setting, len(examples)))["scores_confidence"]


def test_a_setting_is_read_back_from_its_label() -> None:
    for setting in (speaker_model.Setting((), 10.0, 0.3),
                    speaker_model.Setting(("position", "the rules' doubt"), 0.1, 0.0)):
        assert speaker_model.Setting.from_label(setting.label()) == setting
    assert speaker_model.file_setting() in speaker_model.settings()
