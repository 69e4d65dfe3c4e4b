"""One person in two spellings, and a name in quotation marks introduced with its post (issue 10, the eighth
set's speaker round, 2 December 2026).

Every sentence here is written for these tests.
"""

from __future__ import annotations

from tests.archive.extracted import quote_speakers


def test_a_name_in_marks_after_a_verb_and_before_a_posts_comma_is_the_verbs_subject() -> None:
    text = ("أكد “سامر جبارين”، رئيس جمهورية الجبل، عمق العلاقات التاريخية بين بلاده والسهل،\n"
            "وأشار إلى أن هذه العلاقات تمتد لأكثر من ستين عاما من التعاون.")
    assert quote_speakers(text) == ["سامر جبارين"]


def test_the_articles_first_spelling_of_a_name_is_kept() -> None:
    text = ("وقال الرئيس سامر جبارين إن العلاقات بين البلدين متينة جدا.\n"
            "وأكد الرئيس سامر الجبارين أنه سيواصل العمل مع نظيره في كل المجالات.")
    assert quote_speakers(text) == ["سامر جبارين", "سامر جبارين"]


def test_a_foreign_name_spelt_with_a_long_vowel_more_and_the_same_post_is_one_person() -> None:
    text = ("أكد “سامر جبارين”، رئيس جمهورية الجبل، عمق العلاقات التاريخية بين بلاده والسهل،\n"
            "وأكد الرئيس الجبلي سامير جبارين، أنه سيواصل العمل مع نظيره في كل المجالات.")
    assert quote_speakers(text) == ["سامر جبارين"]


def test_two_names_a_long_vowel_apart_with_two_posts_are_two_people() -> None:
    text = ("وقال وزير الخارجية محمد عباس إن العلاقات متينة بين البلدين.\n"
            "وقال وزير الداخلية محمود عباس إن الأمن مستتب في البلاد.")
    assert quote_speakers(text) == ["محمد عباس", "محمود عباس"]
