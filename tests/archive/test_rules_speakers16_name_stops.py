"""A name runs to a clear stop, whatever its last word looks like (issue 10, the speakers round pooled over
every studied set with the eleventh, 3 December 2026). A Gulf lineage printed without "بن" ("فلان فلان الفلان
الفلاني") is closed by a time, a circumstance or a verb of speech as by a comma ("... الصباح أمس إن"); a
family name that is also a post word ("الوزير") is closed by the post printed after it ("اللواء كامل الوزير
رئيس الهيئة"). Whom the words were said to ("لوسائل الإعلام") is no father's name.

Every sentence here is written for these tests.
"""

from __future__ import annotations

from tests.archive.extracted import proposed_people, quote_speakers


def test_a_gulf_lineage_closed_by_a_time_word() -> None:
    text = ("قال وزير النفط الشيخ سالم خالد الفهد العتيبي أمس إن الإنتاج سيرتفع في الربع المقبل.\n"
            "وأوضح أن الصادرات ستذهب إلى آسيا أولا.")
    assert quote_speakers(text) == ["سالم خالد الفهد العتيبي", "سالم خالد الفهد العتيبي"]


def test_a_post_word_as_family_name_closed_by_a_post() -> None:
    text = ("قال الفريق سامي الوزير رئيس هيئة الموانئ إن العمل في الرصيف الجديد سينتهي في الصيف.\n"
            "وأكد الوزير أن الميناء سيستقبل السفن الكبيرة.")
    assert ("سامي الوزير", "الفريق رئيس هيئة الموانئ") in proposed_people(text)
    assert quote_speakers(text)[0] == "سامي الوزير"


def test_whom_he_spoke_to_is_no_fathers_name() -> None:
    text = "وقال لوكاس مارين لوسائل الإعلام المحلية قبل الاجتماع إن البلدين سيوقعان الاتفاق."
    assert all(name is None or "لوسائل" not in name for name, _ in proposed_people(text))
    assert quote_speakers(text) == ["لوكاس مارين"]


def test_a_part_of_the_day_after_a_family_name_is_when_not_who() -> None:
    text = ("قال الناطق باسم الحكومة سيدي ولد أحمدو إن الحكومة ستعلن الميزانية الأسبوع المقبل.\n"
            "وأضاف ولد أحمدو ظهر اليوم الأربعاء خلال المؤتمر الصحفي أن العجز سينخفض إلى النصف.")
    assert quote_speakers(text) == ["سيدي ولد أحمدو", "سيدي ولد أحمدو"]
    assert all(name is None or "ظهر" not in name for name, _ in proposed_people(text))
