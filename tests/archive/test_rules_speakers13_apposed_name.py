"""A name printed after a post's comma and closed by its family name with the article is the post's holder,
whatever preposition follows it (issue 10, the speakers round pooled over every studied set, 3 December
2026): in "كشف وزير الإعلام، فلان الفلاني عن خطة ..." and "تحدث الأمين العام، فلان الفلاني من القمة ..."
the preposition is the verb's complement or where he spoke, not the rest of a verb's object; "انتقد
الوزير، إقدام فلان على ..." (a verbal noun and its object, no family name with the article) stays no name.

Every sentence here is written for these tests.
"""

from __future__ import annotations

from tests.archive.extracted import proposed_people, quote_speakers


def test_a_name_closed_by_the_verbs_complement_holds_the_post() -> None:
    text = ("كشف وزير الثقافة الليبي، سالم البرعصي عن خطة جديدة لترميم المتاحف في المدن الساحلية، "
            "مؤكدا أن العمل سيبدأ في الربيع المقبل.\n"
            "وأضاف الوزير الليبي أن الخطة تشمل تدريب مئة موظف على حفظ المخطوطات.")
    assert proposed_people(text)[0] == ("سالم البرعصي", "وزير الثقافة الليبي")
    assert quote_speakers(text) == ["سالم البرعصي", "سالم البرعصي"]


def test_a_name_closed_before_where_he_spoke_holds_the_post() -> None:
    text = ("تحدث الأمين العام لاتحاد الموانئ العربية، خالد أبو الفضل من المؤتمر البحري المنعقد في جدة، "
            "عن الذكرى العاشرة لتأسيس الاتحاد، مؤكدا أن التعاون بين الموانئ ضرورة للتجارة.")
    assert proposed_people(text)[0] == ("خالد أبو الفضل", "الأمين العام لاتحاد الموانئ العربية")
    assert quote_speakers(text) == ["خالد أبو الفضل"]


def test_a_verbal_noun_and_its_object_after_the_comma_is_no_name() -> None:
    text = "انتقد وزير الخارجية، إقدام سامي رضا على زيارة الإقليم، مؤكدا أن الزيارة لم تنسق مع الحكومة."
    assert all(name is None or "إقدام" not in name for name, _ in proposed_people(text))
