"""The finders over messy running text: never fail, spans always point at what they report."""

from __future__ import annotations

import random

import pytest

from archive.text.dates import find_dates
from archive.text.names import name_key, name_tokens, organisation_key, split_honorific
from archive.text.normalize import normalize_arabic, normalize_with_offsets
from archive.text.numbers import find_figures, find_numbers
from archive.text.ordinals import find_ordinals

_PIECES = [
    "15", "٣٫٩", "1,500", "3,9", "12.5.2024", "2024", "١٢/٥/٢٠٢٤", "(", ")", "%", "٪", "$", "ـ", "ّ", "ً",
    "\u200f", "\n", " ", "  ", "،", ".", "-", "/", "مليون", "ملايين", "آلاف", "ألفا", "نصف", "ونصف",
    "المليون", "خمسة", "وعشرون", "عشر", "إحدى", "مائة", "ثلاثمائة", "الأول", "الحادية", "عشرة",
    "والعشرين", "الـ", "الدورة", "رقم", "مايو", "كانون", "الثاني", "من", "عام", "م", "هـ", "أكثر",
    "حوالي", "ما", "يقارب", "في", "المائة", "بالمائة", "ريال", "عماني", "ر.ع", "دولار", "مستخدم",
    "معالي", "الدكتور", "د.", "عبد", "الله", "بن", "آل", "بوزارة", "ﻻ", "ﷺ", "abc",
]


def _random_texts(count: int) -> list[str]:
    generator = random.Random(20240512)
    texts = []
    for _ in range(count):
        pieces = generator.choices(_PIECES, k=generator.randint(0, 30))
        texts.append("".join(piece + generator.choice(["", " ", " ", "\n"]) for piece in pieces))
    return texts


@pytest.mark.parametrize("text", _random_texts(400))
def test_finders_report_true_spans(text: str) -> None:
    for finder in (find_numbers, find_dates, find_ordinals):
        previous_end = 0
        for match in finder(text):
            assert text[match.start:match.end] == match.text
            assert previous_end <= match.start < match.end
            previous_end = match.end
    for figure in find_figures(text):
        assert text[figure.start:figure.end] == figure.text
        assert figure.number_text in figure.text


@pytest.mark.parametrize("text", _random_texts(100))
def test_keys_and_normalization_never_fail(text: str) -> None:
    folded, offsets = normalize_with_offsets(text)
    assert len(offsets) == len(folded) + 1
    assert normalize_arabic(normalize_arabic(text)) == normalize_arabic(text)
    honorific, rest = split_honorific(text)
    assert honorific in text and rest in text
    assert not {"بن", "بنت", "ابن"} & set(name_tokens(text))
    assert name_key(text) == " ".join(name_tokens(text))
    assert organisation_key(text) == organisation_key(text).strip()
