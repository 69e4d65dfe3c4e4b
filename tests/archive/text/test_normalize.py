"""Normalization: the forms every matcher and analyzer relies on."""

from __future__ import annotations

import pytest

from archive.text.normalize import (
    fold_digits,
    normalize_arabic,
    normalize_keeping_length,
    normalize_with_offsets,
    original_span,
    strip_diacritics,
)


@pytest.mark.parametrize(
    ("written", "stripped"),
    [
        ("الحكوميّة", "الحكومية"),
        ("مُحَمَّدٌ", "محمد"),
        ("دورًا", "دورا"),
        ("عـــبـد", "عبد"),
        ("الرَّحْمٰن", "الرحمن"),  # superscript alef
        ("ذٰلِكَ ۖ", "ذلك "),  # Quranic pause mark
        ("بدون تشكيل", "بدون تشكيل"),
    ],
)
def test_strip_diacritics(written: str, stripped: str) -> None:
    assert strip_diacritics(written) == stripped


@pytest.mark.parametrize(
    ("written", "folded"),
    [
        ("٠١٢٣٤٥٦٧٨٩", "0123456789"),
        ("۰۱۲۳۴۵۶۷۸۹", "0123456789"),
        ("٣٫٩ مليار", "3.9 مليار"),
        ("١٬٥٠٠", "1,500"),
        ("٨٠٪", "80%"),
        ("2024", "2024"),
    ],
)
def test_fold_digits(written: str, folded: str) -> None:
    assert fold_digits(written) == folded
    assert len(fold_digits(written)) == len(written)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("الإعلام", "الاعلام"),
        ("أحمد", "احمد"),
        ("آل سعيد", "ال سعيد"),
        ("ٱلله", "الله"),
        ("المنتدى", "المنتدي"),
        ("الحكومية", "الحكوميه"),
        ("الحكوميّة", "الحكومية"),
        ("  مركز\n\tالتواصل  ", "مركز التواصل"),
        ("ﻻ", "لا"),  # presentation-form ligature
        ("ﺍﻟﺴﻼﻡ", "السلام"),  # presentation forms
        ("محمد\u200c", "محمد"),  # zero-width non-joiner
        ("\u200fمسقط", "مسقط"),  # right-to-left mark
        ("٨٠٪", "80%"),
        ("کتاب یومی", "كتاب يومي"),  # Persian keyboard letters
        ("ا\u0654", "ا"),  # alef + combining hamza above composes to أ, then folds
    ],
)
def test_normalize_arabic_makes_variants_equal(first: str, second: str) -> None:
    assert normalize_arabic(first) == normalize_arabic(second)


@pytest.mark.parametrize("kept", ["مسؤول", "هيئة", "سماء"])
def test_normalize_arabic_keeps_hamza_on_waw_yeh_and_alone(kept: str) -> None:
    assert "ؤ" in normalize_arabic(kept) or "ئ" in normalize_arabic(kept) or "ء" in normalize_arabic(kept)


def test_normalize_arabic_does_not_merge_different_words() -> None:
    assert normalize_arabic("الهاشمي") != normalize_arabic("الهشامي")
    assert normalize_arabic("علا") != normalize_arabic("علاء")


def test_normalize_keeping_length_maps_one_to_one() -> None:
    written = "أكثر من ٣٫٩ مليار في الحكوميّة ﻻ"
    folded = normalize_keeping_length(written)
    assert len(folded) == len(written)
    assert folded.startswith("اكثر من 3.9 مليار")
    assert "الحكوميّه" in folded  # the shadda is kept, so offsets do not move


@pytest.mark.parametrize(
    "written",
    ["الحكوميّة وذلك", "عـــبد الله", "ﻻ إله", "٨٠٪ من الأفراد", "plain", "", "\u200fمسقط\u200e"],
)
def test_normalize_with_offsets_maps_back_to_the_original(written: str) -> None:
    folded, offsets = normalize_with_offsets(written)
    assert len(offsets) == len(folded) + 1
    assert offsets[-1] == len(written)
    assert normalize_arabic(folded) == normalize_arabic(written)
    assert list(offsets) == sorted(offsets)


def test_original_span_points_at_the_written_word() -> None:
    written = "نظّم المنتدى الحكوميّة اليوم"
    folded, offsets = normalize_with_offsets(written)
    start = folded.index("الحكوميه")
    original_start, original_end = original_span(offsets, start, start + len("الحكوميه"))
    assert written[original_start:original_end] == "الحكوميّة"
