"""Ordinals: edition numbers as the press writes them."""

from __future__ import annotations

import pytest

from archive.text.ordinals import find_ordinals, names_edition, ordinal_words, parse_ordinal

from .samples import load_sample


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("الأول", 1), ("الاول", 1), ("الأولى", 1), ("الاولى", 1), ("الاولي", 1), ("الثاني", 2),
        ("الثانية", 2), ("الثانيه", 2), ("الثالث", 3), ("الثالثة", 3), ("العاشر", 10), ("العاشرة", 10),
        ("الحادي عشر", 11), ("الحادية عشرة", 11), ("الحادية عشر", 11), ("الثاني عشر", 12),
        ("الثانية عشرة", 12), ("الخامس عشر", 15), ("التاسع عشر", 19), ("التاسعة عشرة", 19),
        ("العشرين", 20), ("العشرون", 20), ("الحادي والعشرين", 21), ("الحادية والعشرون", 21),
        ("الواحد والعشرين", 21), ("الثاني والعشرين", 22), ("التاسع والعشرين", 29),
        ("التاسع والعشرون", 29), ("الثلاثين", 30), ("الأربعين", 40), ("الاربعون", 40),
        ("الخامس والخمسين", 55), ("التسعين", 90), ("التاسع والتسعين", 99), ("المائة", 100),
        ("المئة", 100), ("المائه", 100),
        ("29", 29), ("٢٩", 29), ("الـ29", 29), ("الـ ٢٩", 29), ("ال29", 29), ("(29)", 29), ("(٢٩)", 29),
        ("التَّاسِعُ وَالعِشْرُونَ", 29), ("الثـــالث", 3),
        ("ثاني", 2), ("اول", 1), ("تاسع وعشرين", 29), ("حادي عشر", 11),
        ("الدورة الثالثة", 3), ("لقائه التاسع والعشرين", 29), ("منتدى التواصل الحكومي الأول", 1),
    ],
)
def test_parse_ordinal(written: str, value: int) -> None:
    assert parse_ordinal(written) == value


@pytest.mark.parametrize("written", ["", "المنتدى", "عشرون", "0", "2024", "الحادي", "الواحد", "في المائة"])
def test_parse_ordinal_refuses(written: str) -> None:
    assert parse_ordinal(written) is None


@pytest.mark.parametrize("feminine", [False, True])
@pytest.mark.parametrize("case", ["nominative", "genitive"])
def test_ordinal_words_round_trip_1_to_100(feminine: bool, case: str) -> None:
    for number in range(1, 101):
        words = ordinal_words(number, feminine=feminine, case=case)
        assert parse_ordinal(words) == number, words


@pytest.mark.parametrize(
    ("number", "feminine", "case", "words"),
    [
        (1, False, "nominative", "الأول"), (1, True, "nominative", "الأولى"),
        (2, True, "nominative", "الثانية"), (10, True, "nominative", "العاشرة"),
        (11, False, "nominative", "الحادي عشر"), (11, True, "nominative", "الحادية عشرة"),
        (12, True, "nominative", "الثانية عشرة"), (20, False, "nominative", "العشرون"),
        (21, True, "nominative", "الحادية والعشرون"), (29, False, "nominative", "التاسع والعشرون"),
        (29, False, "genitive", "التاسع والعشرين"), (40, False, "genitive", "الأربعين"),
        (100, False, "nominative", "المائة"),
    ],
)
def test_ordinal_words(number: int, feminine: bool, case: str, words: str) -> None:
    assert ordinal_words(number, feminine=feminine, case=case) == words


@pytest.mark.parametrize("number", [0, 101, -3])
def test_ordinal_words_out_of_range(number: int) -> None:
    with pytest.raises(ValueError):
        ordinal_words(number)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("نظم المركز لقائه التاسع والعشرين بحضور عدد من المسؤولين", [(29, "التاسع والعشرين")]),
        ("اختتم منتدى التواصل الحكومي الأول أعماله", [(1, "الأول")]),
        ("انطلقت الدورة الثالثة من الملتقى", [(3, "الثالثة")]),
        ("في دورته الحادية عشرة", [(11, "الحادية عشرة")]),
        ("والنسخة الـ15 من المعرض", [(15, "الـ15")]),
        ("المنتدى في نسخته الـ ٢٩", [(29, "الـ ٢٩")]),
        ("الدورة 12 من المؤتمر", [(12, "12")]),
        ("الدورة (7) للملتقى", [(7, "7")]),
        ("اللقاء رقم 30 للمركز", [(30, "30")]),
        ("للعام الثاني على التوالي والثالث", [(2, "الثاني"), (3, "الثالث")]),
        ("الذكرى المائة لتأسيس", [(100, "المائة")]),
        ("ارتفع 25 في المائة وبالمائة أيضا", []),
        ("حضر اللقاء 150 شخصا", []),  # a count after an event noun is not an edition
        ("التاسع\nوالعشرين", [(9, "التاسع"), (20, "والعشرين")]),  # a line break separates
    ],
)
def test_find_ordinals(sentence: str, expected: list[tuple[int, str]]) -> None:
    found = find_ordinals(sentence)
    # the glued و of a lone "والعشرين" is a conjunction, not part of the ordinal
    assert [(match.value, match.text) for match in found] == [
        (value, text.removeprefix("و")) for value, text in expected
    ]
    for match in found:
        assert sentence[match.start:match.end] == match.text


def test_sample_article_edition_is_found() -> None:
    article, gold = load_sample("alwatan-gcc-29th-meeting-meta")
    labels = {(match.text, match.value) for match in find_ordinals(article)}
    assert (gold["event"]["edition"], 29) in labels


def test_first_forum_edition_is_found() -> None:
    article, gold = load_sample("alroya-first-government-communication-forum")
    name = gold["event"]["name"]
    assert [match.value for match in find_ordinals(name)] == [1]
    assert any(match.text == gold["event"]["edition"] for match in find_ordinals(article))


@pytest.mark.parametrize(
    ("name", "edition", "label", "expected"),
    [
        ("اللقاء الحادي والثلاثون لمركز التواصل الحكومي", 31, "الحادي والثلاثين", True),
        ("منتدى التواصل الحكومي الأول", 1, "الأول", True),
        ("الدورة 29 من لقاءات المركز", 29, None, True),
        ("ملتقى الإعلام الرقمي", 4, "الرابع", False),
        ("ملتقى الإعلام الرقمي الثالث", 4, "الرابع", False),
        ("ملتقى الإعلام الرقمي", None, None, False),
    ],
)
def test_names_edition_tells_whether_a_name_already_says_its_edition(name, edition, label, expected):
    assert names_edition(name, edition, label) is expected
