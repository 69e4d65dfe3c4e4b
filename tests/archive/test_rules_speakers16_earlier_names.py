"""A full name read back from its family name keeps the post printed before it out (issue 10, the speakers
round pooled over every studied set with the eleventh, 3 December 2026): in "وزير خارجية إيطاليا فلان
الفلاني" the country, "جمهورية" and the ministry's word "خارجية" (no article, so they looked like name words)
belong to the post, and "وأضاف الفلاني" or a headline "وزير خارجية إيطاليا:" is "فلان الفلاني". A person
known by a given name alone ("وزير الخارجية ماركو") is the one full name the article opens with it.

Every sentence here is written for these tests.
"""

from __future__ import annotations

from archive.importing.extraction import extract
from tests.archive.extracted import quote_speakers


def test_a_country_and_a_ministry_before_the_name_stay_in_the_post() -> None:
    text = ("وزير خارجية إيطاليا: الحل السياسي هو الطريق الوحيد\n"
            "أكد وزير خارجية إيطاليا ماركو بيلوتي في تغريدة على حسابه أن الحل السياسي هو الطريق الوحيد.\n"
            "وأضاف بيلوتي أن بلاده ستدعم المفاوضات في جنيف.")
    assert quote_speakers(text) == ["ماركو بيلوتي"] * 3
    assert [person.name for person in extract(text).people] == ["ماركو بيلوتي"]


def test_a_three_word_name_is_still_read_back_whole() -> None:
    text = ("قال المدير العام سالم محمد بنعلي إن المشروع سينتهي في الصيف.\n"
            "وأضاف بنعلي أن التمويل متوفر لكل مراحل المشروع الجديد.")
    assert quote_speakers(text) == ["سالم محمد بنعلي"] * 2


def test_a_headline_and_a_post_with_the_given_name_alone_are_the_one_person_it_opens() -> None:
    text = ("وزير الخارجية ماركو: إيطاليا تعمل بجد لتكون جزءا من الحلول\n"
            "روما - أكدت وزيرة خارجية جمهورية إيطاليا ماركو بيلوتي أن إيطاليا ستكون ملتزمة دائما بالسلام.\n"
            "هذا ما قاله وزير الخارجية ماركو بحضور عشرات السفراء يوم الاثنين.\n"
            'وقال وزير الخارجية في خطابه "نحن نحاول أن نكون جسرا بين الشمال والجنوب في كل المحافل".')
    assert quote_speakers(text) == ["ماركو بيلوتي"] * 3
    assert [person.name for person in extract(text).people] == ["ماركو بيلوتي"]

