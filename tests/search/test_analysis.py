"""Arabic analysis: every spelling variant meets its counterpart on the same index terms."""

from __future__ import annotations

from collections import Counter
from itertools import pairwise

import pytest

from archive.text.normalize import normalize_arabic
from search.analysis import analyze_document, iter_tokens, normalize, pair_code, word_forms


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
    raws = [raw for _, _, raw in iter_tokens("3.9 مليار و15,000 و١٥٬٠٠٠")]
    assert raws == ["3.9", "مليار", "و", "15,000", "و", "١٥٬٠٠٠"]
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


TRICKY_TEXTS = [
    "قال\u00a0المتحدث:«الإعلام الرقمي»،والحكوميةوذلك يقارب80% من ١٥٬٠٠٠ مستخدم (3.9 مليار)",
    "#منتدى_التواصل_الحكومي_الأول\tو\u200cالتواصل\u200fالحكومي ﻹعلام e-mail x_y",
    "  الْعَرَبِيَّةُ\n\nالتـــواصل\r\n٪٨٠ ٣٫٩ 1,500,000 ",
    "",
]


def _document_terms(text: str) -> tuple:
    terms = analyze_document(text)
    return dict(terms.stems), dict(terms.bares), dict(terms.pairs)


def _terms_of_token_list(text: str) -> tuple:
    """The same terms computed from the regular expression over the whole text, without chunks."""
    forms = [word_forms(raw) for _start, _end, raw in iter_tokens(text)]
    forms = [word for word in forms if word.stem]
    stems = Counter(word.stem for word in forms) + Counter(word.alt_stem for word in forms if word.alt_stem)
    pairs = Counter(pair_code(left.stem_code, right.stem_code) for left, right in pairwise(forms))
    return dict(stems), dict(Counter(word.bare for word in forms)), dict(pairs)


@pytest.mark.parametrize("text", TRICKY_TEXTS)
def test_document_terms_are_those_of_the_text_tokens(text: str) -> None:
    # analyze_document reads a text chunk by chunk (split on whitespace, cached per chunk).
    assert _document_terms(text) == _terms_of_token_list(text)


def test_document_terms_of_the_sample_articles_are_those_of_their_tokens(samples_folder) -> None:
    paths = sorted((samples_folder / "articles").glob("*"))
    assert paths
    for path in paths:
        text = path.read_text(encoding="utf-8")
        assert _document_terms(text) == _terms_of_token_list(text), path.name
