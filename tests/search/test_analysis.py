"""Arabic analysis: every spelling variant meets its counterpart on the same index terms."""

from __future__ import annotations

import pytest

from archive.text.normalize import normalize_arabic
from search.analysis import analyze_document, iter_tokens, normalize, word_forms


def stems(text: str) -> set[str]:
    return set(analyze_document(text).stems)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("الإعلام", "الاعلام"),
        ("منتدى", "منتدي"),
        ("الحكومية", "الحكوميه"),
        ("الحكوميّة", "الحكومية"),
        ("الْعَرَبِيَّةُ", "العربية"),
        ("التـــواصل", "التواصل"),
        ("والتواصل", "التواصل"),
        ("للتواصل", "تواصل"),
        ("بالمؤسسات", "مؤسسة"),
        ("المستخدمين", "مستخدم"),
        ("مستخدمون", "مستخدم"),
        ("مؤسستين", "مؤسسة"),
        ("المنتديات", "المنتدى"),
        ("٢٠٢٤", "2024"),
        ("٣٫٩", "3.9"),
        ("٨٠٪", "80%"),
        ("أحمد", "احمد"),
        ("ﺍﻹﻋﻼﻡ", "الإعلام"),
    ],
)
def test_variants_share_a_stem_both_ways(first: str, second: str) -> None:
    assert stems(first) & stems(second), (first, second)
    assert stems(second) & stems(first)


def test_glued_preposition_gives_the_bare_word_too() -> None:
    assert "مسرح" in stems("بمسرح")
    assert stems("لمنتدى") & stems("منتدى")


def test_tokens_keep_harakat_and_offsets_point_into_the_original() -> None:
    text = "قال الْعَرَبِيّةُ والحكوميّة"
    tokens = list(iter_tokens(text))
    assert [text[start:end] for start, end, _ in tokens] == ["قال", "الْعَرَبِيّةُ", "والحكوميّة"]


def test_hashtags_split_at_underscores() -> None:
    words = [raw for _, _, raw in iter_tokens("(#منتدى_التواصل_الحكومي_الأول)")]
    assert words == ["منتدى", "التواصل", "الحكومي", "الأول"]


def test_glued_words_and_figures_are_split() -> None:
    words = [raw for _, _, raw in iter_tokens("ما يقارب80% الحكوميةوذلك الراجحيةمديرة")]
    assert words == ["ما", "يقارب", "80", "%", "الحكومية", "وذلك", "الراجحية", "مديرة"]


def test_numbers_keep_decimals_and_thousands() -> None:
    assert [raw for _, _, raw in iter_tokens("3.9 مليار و15,000 و١٥٬٠٠٠")] == ["3.9", "مليار", "و", "15,000", "و", "١٥٬٠٠٠"]
    assert word_forms("15,000").stem == word_forms("١٥٬٠٠٠").stem == "15000"


def test_stop_words_and_name_particles_are_dropped_but_names_kept() -> None:
    assert word_forms("على").stem is None
    assert word_forms("بن").stem is None
    assert word_forms("علي").stem is not None  # the name Ali is not the preposition


def test_letter_folding_matches_archive_text() -> None:
    for word in ("الإعلام", "منتدى", "الحكوميّة", "آفاق", "مؤتمر", "ٱلله", "التـواصل", "٢٠٢٤"):
        assert normalize(word) == normalize_arabic(word)


def test_word_pairs_skip_stop_words() -> None:
    with_particle = analyze_document("إبراهيم بن سالم").pairs
    without = analyze_document("إبراهيم سالم").pairs
    assert set(with_particle) == set(without)
