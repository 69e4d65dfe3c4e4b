"""The learned choice of speaker (speaker_choice): it keeps the rules' right choices, corrects the kind of wrong
one it learned to correct, and its weights file is in step with its code. Our own sentences."""

from __future__ import annotations

import json

from archive.importing import speaker_choice
from archive.importing.extraction import extract


def _speakers(text: str) -> list[str | None]:
    proposals = extract(text)
    quotes = sorted((*proposals.quotes, *proposals.further_quotes), key=lambda quote: quote.start)
    return [quote.speaker for quote in quotes]


def test_the_weights_file_names_the_codes_features_in_order() -> None:
    data = json.loads(speaker_choice.WEIGHTS_FILE.read_text(encoding="utf-8"))
    assert tuple(data["weights"]) == speaker_choice.FEATURES
    assert speaker_choice.load_model() is not None


def test_a_weights_file_out_of_step_with_the_code_is_refused() -> None:
    data = json.loads(speaker_choice.WEIGHTS_FILE.read_text(encoding="utf-8"))
    renamed = {**data, "weights": {f"old_{name}": value for name, value in data["weights"].items()}}
    shorter = {**data, "weights": dict(list(data["weights"].items())[:-1])}
    assert speaker_choice.model_from(renamed) is None
    assert speaker_choice.model_from(shorter) is None
    assert speaker_choice.model_from(data) is not None


def test_right_choices_are_kept() -> None:
    text = ("قال وزير الإعلام سالم بن علي الهنائي إن الوزارة تعد خطة جديدة للإعلام الرقمي.\n"
            "وأكدت رئيسة اللجنة المنظمة سلمى بنت راشد الكندية أن الملتقى يجمع الإعلاميين من كل الدول.\n"
            "وأضافت أن الدورة المقبلة ستعقد في الخريف.\n"
            "وقال الهنائي إن الوزارة ستدعم الصحف الصغيرة بمنح سنوية.\n")
    expected = ["سالم بن علي الهنائي", "سلمى بنت راشد الكندية", "سلمى بنت راشد الكندية", "سالم بن علي الهنائي"]
    with speaker_choice.using(None):
        assert _speakers(text) == expected
    assert _speakers(text) == expected


def test_a_given_name_printed_short_once_is_the_person_printed_in_full() -> None:
    # The rules take "هاركي" (the given name spelt a letter short, printed once, with no post) for a second
    # person; the model gives the words to the prime minister printed in full with his post just before.
    text = ("أكد رئيس الوزراء هاروكي تاناكا أن الحكومة ستدعم الصناعات الصغيرة في الأقاليم كلها.\n"
            "وأشار هاركي إلى أن البرنامج يبدأ في الربيع المقبل بمشاركة البنوك المحلية.\n")
    assert _speakers(text) == ["هاروكي تاناكا", "هاروكي تاناكا"]


def test_without_a_model_the_rules_choice_stands() -> None:
    text = ("أكد رئيس الوزراء هاروكي تاناكا أن الحكومة ستدعم الصناعات الصغيرة في الأقاليم كلها.\n"
            "وأشار هاركي إلى أن البرنامج يبدأ في الربيع المقبل بمشاركة البنوك المحلية.\n")
    with speaker_choice.using(None):
        assert _speakers(text) == ["هاروكي تاناكا", "هاركي"]


def test_a_title_nobody_holds_is_no_candidates_to_change() -> None:
    text = ("قال وزير الداخلية فارس العتيبي إن الأمن مستتب في كل المحافظات دون استثناء.\n"
            "وقال وزير الخارجية إن المفاوضات مع الجيران مستمرة منذ أسابيع عدة.\n")
    assert _speakers(text) == ["فارس العتيبي", "وزير الخارجية"]
