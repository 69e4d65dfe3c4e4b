"""A post printed again with other qualifiers is its holder's (issue 10, the tenth set's speaker round,
3 December 2026). The press varies how a post ends (where, which ministry, which country, a woman's post in
the masculine) but never its head and complement: "وزير الدولة للتعاون الدولي بوزارة الخارجية" is the one
person the article prints as "وزيرة الدولة للتعاون الدولي في قطر"; a country's adjective closing a title of
two posts is each post's. Another country or another complement is another post.

Every sentence here is written for these tests.
"""

from __future__ import annotations

from archive.importing.speakers import varied_post_of
from tests.archive.extracted import quote_speakers


def test_a_womans_post_printed_in_the_masculine_with_another_ending_is_hers() -> None:
    text = ("زارت وزيرة الدولة للشؤون الثقافية في قطر السيدة مريم بنت سالم الكواري معرض الكتاب أمس.\n"
            "وقال سعادة وزير الدولة للشؤون الثقافية بوزارة الثقافة إن المعرض يعكس نهضة ثقافية كبيرة.")
    assert quote_speakers(text) == ["مريم بنت سالم الكواري"]


def test_a_country_closing_a_title_of_two_posts_is_each_posts() -> None:
    text = ("رئيس الوزراء الفلسطيني: الحل السياسي وحده يضمن الاستقرار\n"
            "التقى رئيس الوزراء ووزير الخارجية والمغتربين الفلسطيني محمد سالم عودة، مساعدة وزير الخارجية "
            "الأمريكي سارة جون ميلر، في مكتبه اليوم الأحد.\n"
            "وقالت ميلر إن بلادها تدعم جهود التهدئة في المنطقة.")
    assert quote_speakers(text) == ["محمد سالم عودة", "سارة جون ميلر"]


def test_a_post_of_another_country_is_another_person() -> None:
    assert varied_post_of("وزير الدولة للتعاون الدولي بوزارة الخارجية", "وزيرة الدولة للتعاون الدولي في قطر")
    assert not varied_post_of("وزير الخارجية الكويتي", "وزيرة الخارجية الليبية")
    text = ("قالت وزيرة الخارجية الليبية نجلاء سالم المنقوش إن المؤتمر خطوة نحو الاستقرار.\n"
            "بدوره قال وزير الخارجية الكويتي إن بلاده تدعم استقرار ليبيا.")
    assert quote_speakers(text)[1] != "نجلاء سالم المنقوش"


def test_a_post_with_another_complement_is_another_post() -> None:
    assert not varied_post_of("وزير الدولة لشؤون مجلس الوزراء", "وزير الدولة للشؤون الخارجية")
