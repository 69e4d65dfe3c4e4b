"""The learned choice of speaker (speaker_choice): its trained weights keep the rules' right choices and correct
the kind of wrong one they learned to correct, extract applies them only when the file says they held out of
fold, and the weights file is in step with the code. Our own sentences."""

from __future__ import annotations

import json
from pathlib import Path

from archive.importing import speaker_choice
from archive.importing.extraction import extract
from tests.archive.extracted import quote_speakers


def test_the_weights_file_names_the_codes_features_in_order() -> None:
    data = json.loads(speaker_choice.WEIGHTS_FILE.read_text(encoding="utf-8"))
    assert tuple(data["weights"]) == speaker_choice.FEATURES
    assert speaker_choice.trained_model() is not None


def test_extract_applies_the_weights_only_when_the_file_says_they_held_out_of_fold(tmp_path: Path) -> None:
    data = json.loads(speaker_choice.WEIGHTS_FILE.read_text(encoding="utf-8"))
    applied, kept = tmp_path / "applied.json", tmp_path / "kept.json"
    applied.write_text(json.dumps({**data, "applied": True}), encoding="utf-8")
    kept.write_text(json.dumps({**data, "applied": False}), encoding="utf-8")
    assert speaker_choice.applied_model(applied) == speaker_choice.trained_model(applied) is not None
    assert speaker_choice.applied_model(kept) is None and speaker_choice.trained_model(kept) is not None
    assert speaker_choice.applied_model(tmp_path / "missing.json") is None
    expected = speaker_choice.trained_model() if data["applied"] is True else None
    assert speaker_choice.load_model() == expected


def test_the_chance_scores_the_confidence_only_when_the_file_says_so_whether_applied_or_not(tmp_path: Path) -> None:
    data = json.loads(speaker_choice.WEIGHTS_FILE.read_text(encoding="utf-8"))
    scoring, silent = tmp_path / "scoring.json", tmp_path / "silent.json"
    scoring.write_text(json.dumps({**data, "applied": False, "scores_confidence": True}), encoding="utf-8")
    silent.write_text(json.dumps({**data, "applied": True, "scores_confidence": False}), encoding="utf-8")
    assert speaker_choice.scoring_model(scoring) == speaker_choice.trained_model(scoring) is not None
    assert speaker_choice.applied_model(scoring) is None
    assert speaker_choice.scoring_model(silent) is None and speaker_choice.applied_model(silent) is not None
    assert speaker_choice.scoring_model(tmp_path / "missing.json") is None
    expected = speaker_choice.trained_model() if data.get("scores_confidence") is True else None
    assert speaker_choice.load_scorer() == expected


def test_a_quotes_chance_is_its_kept_speakers_and_the_speakers_stay_the_rules() -> None:
    text = ("قال وزير الإعلام سالم بن علي الهنائي إن الوزارة تعد خطة جديدة للإعلام الرقمي.\n"
            "وقال وزير الخارجية إن المفاوضات مع الجيران مستمرة منذ أسابيع عدة.\n")
    model = speaker_choice.trained_model()
    assert model is not None
    with speaker_choice.using(None), speaker_choice.scoring(None):
        plain = extract(text)
    with speaker_choice.using(None), speaker_choice.scoring(model), speaker_choice.recording() as rows:
        scored = extract(text)
    assert [quote.speaker for quote in scored.quotes] == [quote.speaker for quote in plain.quotes]
    named = next(row for row in rows if row.chosen is not None)
    chance = model.chance(named.candidates[named.chosen].features)
    assert 0.5 < chance < 1
    assert scored.quotes[0].confidence != plain.quotes[0].confidence  # the named minister's chance enters
    assert scored.quotes[1].confidence == plain.quotes[1].confidence  # a title nobody holds: no chance


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
        assert quote_speakers(text) == expected
    with speaker_choice.using(speaker_choice.trained_model()):
        assert quote_speakers(text) == expected


def test_a_given_name_printed_short_once_is_the_person_printed_in_full() -> None:
    # The rules take "هاركي" (the given name spelt a letter short, printed once, with no post) for a second
    # person; the model gives the words to the prime minister printed in full with his post just before.
    text = ("أكد رئيس الوزراء هاروكي تاناكا أن الحكومة ستدعم الصناعات الصغيرة في الأقاليم كلها.\n"
            "وأشار هاركي إلى أن البرنامج يبدأ في الربيع المقبل بمشاركة البنوك المحلية.\n")
    with speaker_choice.using(speaker_choice.trained_model()):
        assert quote_speakers(text) == ["هاروكي تاناكا", "هاروكي تاناكا"]


def test_a_title_nobody_holds_is_not_the_models_to_change() -> None:
    text = ("قال وزير الداخلية فارس العتيبي إن الأمن مستتب في كل المحافظات دون استثناء.\n"
            "وقال وزير الخارجية إن المفاوضات مع الجيران مستمرة منذ أسابيع عدة.\n")
    with speaker_choice.using(speaker_choice.trained_model()):
        assert quote_speakers(text) == ["فارس العتيبي", "وزير الخارجية"]
