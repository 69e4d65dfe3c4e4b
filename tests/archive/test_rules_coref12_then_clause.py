"""A clause opened by "ثم" has its own subject, who speaks in it (issue 10, the tenth set's speaker round,
3 December 2026). The press runs one sentence on through several clauses, each opened by "ثم" with its verb
and then its subject ("بدئ الحفل بالنشيد، ثم ألقى فلان كلمة قال فيها: ..."); the speech in that clause is its
subject's, not the previous speaker's nor the words right after "ثم".

Every sentence here is written for these tests.
"""

from __future__ import annotations

from tests.archive.extracted import quote_speakers


def test_a_speech_in_a_then_clause_is_its_subjects() -> None:
    text = ("وقال رئيس الهيئة الدكتور سالم بن خميس الحجري إن الهيئة تواصل عملها في خدمة المواطنين.\n"
            "وافتتح الحفل بتلاوة آيات من القرآن الكريم،ثم ألقى معالي المدير العام للهيئة الأستاذ ناصر علي "
            "الكندي،كلمة له قال فيها: “يسعدني أن أرحب بكم جميعا في هذه المناسبة الكريمة”.")
    assert quote_speakers(text) == ["سالم بن خميس الحجري", "ناصر علي الكندي"]


def test_a_then_clause_opening_a_line_names_its_subject_after_the_verb() -> None:
    text = ("قال سفير الأردن في المغرب الدكتور حازم عادل الطويل إن الجالية تنعم بالاستقرار.\n"
            "وكان وزير الثقافة مالك يوسف العمري قد وصل إلى الرباط صباح الأحد.\n"
            "ثم تحدث الوزير العمري، فشكر للسفير حسن الضيافة، وقال: “أنا سعيد بلقائكم في هذه المدينة الجميلة”.")
    assert quote_speakers(text)[-1] == "مالك يوسف العمري"


def test_a_then_clause_with_no_person_after_its_verb_keeps_the_previous_speaker() -> None:
    text = ("قال وزير الإعلام خالد محمد الشامي إن الملتقى يجمع الإعلاميين العرب.\n"
            "ثم انتقل الحديث إلى ملف التدريب، وقال: “سنطلق برنامجا جديدا للصحفيين الشباب”.")
    assert quote_speakers(text) == ["خالد محمد الشامي", "خالد محمد الشامي"]
