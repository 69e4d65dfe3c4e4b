"""A post printed again as a verb's subject is the person named with it before (issue 10, the tenth set's
speaker round, 3 December 2026). The press names a post's holder once, then writes the post as the subject of
a verb and the verb's object after it ("وشن وزير الخارجية هجوما ..."، "وسلط الرئيس ... الضوء على"): what the
verb governs is read as a name or as more of the title, and the quote must still go to the post's holder.

Every sentence here is written for these tests.
"""

from __future__ import annotations

from tests.archive.extracted import quote_speakers


def test_a_verbs_object_after_the_post_is_no_second_holder() -> None:
    text = ("قال وزير الخارجية العماني السيد بدر بن حمد البوسعيدي إن السلطنة تدعم الحوار بين الأطراف.\n"
            "ووجه وزير الخارجية العماني انتقادا حادا للمنظمة، وقال إنها تعرقل جهود السلام في المنطقة.")
    assert quote_speakers(text) == ["بدر بن حمد البوسعيدي", "بدر بن حمد البوسعيدي"]


def test_a_verbs_object_read_into_the_title_is_no_other_post() -> None:
    text = ("قال الرئيس التونسي قيس سعيد إن بلاده ماضية في إصلاح الاقتصاد.\n"
            "وسلط الرئيس التونسي الضوء على النمو الكبير للتجارة بين البلدين، التي \"تضاعفت خلال عامين فقط، رغم "
            "أن الظروف لم تكن سهلة على الجانبين\".")
    assert quote_speakers(text) == ["قيس سعيد", "قيس سعيد"]


def test_a_second_person_with_a_lineage_under_the_same_post_stays_apart() -> None:
    text = ("قال وزير الخارجية العماني السيد بدر بن حمد البوسعيدي إن السلطنة تدعم الحوار بين الأطراف.\n"
            "وقال وزير الخارجية العماني يوسف بن علوي بن عبدالله إن الحوار طريق السلام الوحيد.")
    assert quote_speakers(text) == ["بدر بن حمد البوسعيدي", "يوسف بن علوي بن عبدالله"]


def test_words_after_a_post_held_by_a_short_name_stay_as_printed() -> None:
    # "بخصوص حادثة التفتيش" may be the verb's object, but "حميد قرين" is no plainly full name either: which of
    # the two is the name cannot be told from the post, so neither is made the other.
    text = ("قال وزير الاتصال حميد قرين إن القطاع يعرف تحولات عميقة.\n"
            "وقال وزير الاتصال سليم دحمان إن القنوات الخاصة ستخضع للقانون.")
    assert quote_speakers(text) == ["حميد قرين", "سليم دحمان"]
