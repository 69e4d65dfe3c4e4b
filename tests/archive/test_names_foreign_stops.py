"""Where a name from any language ends: read by its position and its stops, not by a list of foreign
names (issue 10, sixth set's round, 2 December 2026).

A preposition glued to its noun after a name's first word ("للصحفيين", "بلهجة", "لأردوغان") is never part
of the name; a Maghreb family name opening with لـ/بـ before a plain letter stays whole.

Every sentence here is written for these tests.
"""

from __future__ import annotations

from tests.archive.extracted import quote_speakers


def test_whom_the_words_were_said_to_is_not_part_of_a_foreign_name() -> None:
    text = ("التقى وزير الخارجية الياباني هيروشي تاناكا نظيره في المدينة.\n"
            "وقال تاناكا للصحفيين إن الحكومة تتابع الوضع عن كثب.")
    assert quote_speakers(text) == ["هيروشي تاناكا"]


def test_the_manner_of_speaking_is_not_part_of_a_foreign_name() -> None:
    text = ("استقبل رئيس الوزراء الكندي جيمس كولينز نظيره في العاصمة.\n"
            "وقال كولينز بلهجة حازمة إن بلاده لن تقبل بأي تدخل في شؤونها.")
    assert quote_speakers(text) == ["جيمس كولينز"]


def test_a_name_glued_to_its_preposition_is_the_addressee_not_the_family_name() -> None:
    text = ("التقى رئيس الوزراء الماليزي عمر حسن نظيره التركي.\n"
            "وقال حسن لأردوغان إن بلاده تريد تقوية العلاقات.")
    assert quote_speakers(text) == ["عمر حسن"]


def test_a_family_name_opening_with_lam_before_a_plain_letter_stays_whole() -> None:
    """Guard: "لعمامرة" is a family name (لـ before a plain letter, no article, no hamza)."""
    text = "وقال رمطان لعمامرة إن الجزائر تدعم الحوار بين الأطراف."
    assert quote_speakers(text) == ["رمطان لعمامرة"]


def test_a_hyphen_joins_the_parts_of_a_korean_name() -> None:
    text = "قال وزير التجارة في الحكومة الجديدة بارك جونغ-هو اليوم الأحد إن \"الصادرات ستنمو\" هذا العام."
    assert quote_speakers(text) == ["بارك جونغ-هو"]


def test_a_portuguese_name_goes_on_through_its_particle_and_its_short_form_is_the_same_person() -> None:
    text = ("وقال الرئيس البرازيلي لويس إيناسيو لولا دا سيلفا اليوم إن المنطقة تحتاج إلى الوحدة.\n"
            "وقال لولا في خطابه: \"علينا أن نتحد من أجل التنمية\".")
    assert quote_speakers(text) == ["لويس إيناسيو لولا دا سيلفا", "لويس إيناسيو لولا دا سيلفا"]


def test_an_envoys_name_goes_on_through_its_particle() -> None:
    text = "وقال المبعوث الأممي ستافان دي ميستورا اليوم إن المحادثات ستستأنف الأسبوع المقبل."
    assert quote_speakers(text) == ["ستافان دي ميستورا"]


def test_a_name_of_three_words_ends_before_a_conjunction_of_time() -> None:
    text = "وقال خوسيه مانويل ألباريس عندما سئل عن الزيارة: \"إنها زيارة خاصة\"."
    assert quote_speakers(text) == ["خوسيه مانويل ألباريس"]
