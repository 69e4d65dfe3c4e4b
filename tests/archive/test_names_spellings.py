"""A word is the same word in any spelling (issue 10, speakers): Persian keyboard letters, tatweel,
diacritics, presentation forms and zero-width characters change nothing of who speaks, and the
speaker is still printed as the text prints it. Our own sentences.
"""

from __future__ import annotations

import re

import pytest

from archive.importing.extraction import extract
from archive.importing.tokens import tokenize
from archive.text.normalize import normalize_arabic, strip_marks

_PLAIN = "قال وزير الإعلام هاني الصالح اليوم إن الحكومة ماضية في خطتها الجديدة للإعلام الرقمي."

# Presentation forms of "وزير" (isolated waw, final zain, initial yeh, final reh), as old PDFs and
# some web pages print them.
_VAZIR_FORMS = "\ufeed\ufeb0\ufef3\ufeae"

_SPELLINGS = {
    "persian yeh and keheh": _PLAIN.replace("وزير", "وزیر").replace("الإعلام", "الإعلام").replace(
        "الحكومة", "الحکومة"),
    "persian heh in the name": _PLAIN.replace("هاني", "ھاني"),
    "tatweel": _PLAIN.replace("وزير", "وزيـــر").replace("الصالح", "الصـالح"),
    "diacritics": _PLAIN.replace("وزير الإعلام", "وَزِيرُ الإِعْلامِ").replace("هاني", "هانِي"),
    "zero-width non-joiner inside words": _PLAIN.replace("وزير", "وزي\u200cر").replace("الصالح", "الصا\u200cلح"),
    "presentation forms": _PLAIN.replace("وزير", _VAZIR_FORMS),
}


def _speaker(text: str) -> tuple[str | None, str | None, str]:
    [quote] = extract(text).quotes
    return quote.speaker, quote.speaker_title, quote.text


@pytest.mark.parametrize("spelling", sorted(_SPELLINGS))
def test_a_spelling_changes_nothing_of_who_speaks(spelling: str) -> None:
    text = _SPELLINGS[spelling]
    speaker, title, words = _speaker(text)
    assert normalize_arabic(speaker or "") == normalize_arabic("هاني الصالح")
    assert normalize_arabic(title or "") == normalize_arabic("وزير الإعلام")
    assert speaker in text and title in text and words in text  # printed as the text prints them


def test_presentation_forms_and_zero_width_characters_stay_inside_one_word() -> None:
    text = f"{_VAZIR_FORMS} الإعلا\u200cم"
    tokens = tokenize(text)
    assert [token.key for token in tokens] == ["وزير", "الاعلام"]
    assert [text[token.start:token.end] for token in tokens] == [_VAZIR_FORMS, "الإعلا\u200cم"]


def test_persian_heh_folds_like_arabic_heh() -> None:
    assert normalize_arabic("ھاني") == normalize_arabic("هاني")
    assert normalize_arabic("مدرسۃ") == normalize_arabic("مدرسة")


def test_a_directional_mark_between_words_is_no_word_of_its_own() -> None:
    text = _PLAIN.replace("هاني الصالح", "هاني \u200fالصالح").replace("قال ", "قال \u200f")
    speaker, title, _ = _speaker(text)
    assert speaker == "هاني \u200fالصالح"
    assert title == "وزير الإعلام"


def test_rules_that_read_the_spelling_itself_ignore_marks_and_tatweel() -> None:
    # "علي" the name, not "على" the preposition, with a shadda or a tatweel
    for given in ("عليّ", "علـي", "عَلِيّ"):
        text = f"قال وزير الإعلام {given} الحسن إن الحملة ستبدأ الأسبوع المقبل في المدارس كلها."
        speaker, title, _ = _speaker(text)
        assert speaker == f"{given} الحسن" and title == "وزير الإعلام"


def test_strip_marks_keeps_the_letters_as_printed() -> None:
    assert strip_marks("إِلَى\u200c") == "إلى"
    assert strip_marks("عليّ") == "علي"
    assert strip_marks("الـمدرسة") == "المدرسة"


def test_one_word_pattern_for_every_reader_of_words() -> None:
    # readers that match words on the text itself (quote spans, datelines) take tokens.WORD / tokens.LETTERS
    from archive.importing.tokens import LETTERS, WORD

    for word in ("مشیرًا", "الکویتي", "وزيـــر", _VAZIR_FORMS, "الإعلا\u200cم", "ھاني"):
        assert WORD.fullmatch(word), word
    assert re.fullmatch(f"[{LETTERS}]+", "مدرسۃ")
