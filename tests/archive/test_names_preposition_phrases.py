"""A preposition's phrase after a one-word later mention of a foreign name (issue 10, seventh set's round,
2 December 2026): "لـ" glued to a noun in construct with a noun that has the article ("لوسائل الإعلام"), or
"لـ/بـ" glued to a feminine noun with its indefinite feminine adjective ("لفترة وجيزة"), is what follows
the name, never its family name; a word shaped like a present-tense verb right before "إن" is the family
name. Read by what the next word is, not by a list of foreign names.

Every sentence here is written for these tests.
"""

from __future__ import annotations

from tests.archive.extracted import quote_speakers


def test_to_whom_in_construct_is_not_part_of_the_name() -> None:
    text = ("استقبل رئيس الوزراء البيروفي خوان فارغاس نظيره في ليما.\n"
            "وقال فارغاس لوسائل الإعلام المحلية قبل الاجتماع: «جئنا لنفتح صفحة جديدة».")
    assert quote_speakers(text) == ["خوان فارغاس"]


def test_a_feminine_noun_and_its_adjective_are_not_part_of_the_name() -> None:
    text = ("التقى الرئيس اليوناني ديميتريس باباس نظيره في أثينا.\n"
            "وفي بيانه، ذكر باباس لفترة وجيزة أن الحوار بين البلدين له أهمية كبرى.")
    assert quote_speakers(text) == ["ديميتريس باباس"]


def test_a_family_name_opening_with_ba_before_a_definite_word_stays_whole() -> None:
    """Guard: "بهزاد" opens with بـ and a definite word follows it; it is a family name, not a phrase."""
    text = "وقال المدير محمد بهزاد الرئيس التنفيذي للمركز إن المركز يتابع الوضع."
    assert quote_speakers(text) == ["محمد بهزاد"]


def test_a_family_name_shaped_like_a_present_verb_before_inna_is_the_name() -> None:
    """After "قال" the press opens what was said with "إن"; a present-tense verb never stands before it, so
    a word shaped like one ("يلما", "يوهانس") right before "إن" ends the name as its family name."""
    text = "قال وزير الدولة للشؤون الخارجية أبيبي يرغا إن بلاده ستواصل موقفها الثابت."
    assert quote_speakers(text) == ["أبيبي يرغا"]


def test_a_present_verb_before_anna_still_ends_the_name() -> None:
    """Guard: "يرى أن" is a verb and its complement, not a family name."""
    text = "وقال وزير الخارجية أبيبي يرى أن بلاده ستواصل موقفها الثابت."
    assert quote_speakers(text) != ["أبيبي يرى"]
