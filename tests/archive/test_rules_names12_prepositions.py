"""Prepositions of circumstance are neither a name's words nor a post's (issue 10, the tenth set's speaker
round, 3 December 2026): "وزير الزراعة بشأن قضية ..."، "تحت شعار"، "ضد"، "بخصوص" open what the words are
about or under; "غير" (other than) opens no name; a post printed before "عبر صفحته"، "أمام الجمعية" ends there.

Every sentence here is written for these tests.
"""

from __future__ import annotations

import pytest

from archive.importing.extraction import extract


@pytest.mark.parametrize(("text", "title"), [
    ("وقال وزير الزراعة بشأن قضية مياه البلدة إن الحكومة ستتابع الملف حتى نهايته.", "وزير الزراعة"),
    ("وأوضح وزير الاتصال بخصوص حادثة التفتيش أن الوزارة فتحت تحقيقا في الأمر.", "وزير الاتصال"),
])
def test_a_post_before_a_preposition_of_circumstance_speaks_alone(text: str, title: str) -> None:
    proposals = extract(text)
    assert [(quote.speaker, quote.speaker_title) for quote in proposals.quotes] == [(title, title)]
    assert [(person.name, person.title) for person in proposals.people] == [(None, title)]


@pytest.mark.parametrize("text", [
    "وسينطلق الملتقى الإعلامي لهذا العام تحت شعار \"الإعلام والمستقبل\" بمشاركة واسعة.",
    "من جهته، أكد الوزير أن موقف بلاده مشرف ومساند للجيران وغير متردد، وأن حكومته تحترم دور الشركاء.",
])
def test_a_preposition_or_other_than_opens_no_person(text: str) -> None:
    names = [person.name or "" for person in extract(text).people]
    assert not any(word in name for name in names for word in ("تحت", "غير"))


@pytest.mark.parametrize(("text", "speaker", "title"), [
    ("وقال وزير الخارجية السويسري أمام الجمعية العامة للأمم المتحدة في دورتها الأخيرة إن بلاده تدعم الحوار.",
     "وزير الخارجية السويسري", "وزير الخارجية السويسري"),
    ("وقال وزير الثقافة خالد الإعيسر عبر صفحته الرسمية إن الوزارة ستعقد مؤتمرا صحفيا كل أسبوع.",
     "خالد الإعيسر", "وزير الثقافة"),
])
def test_a_post_ends_before_where_it_was_said(text: str, speaker: str, title: str) -> None:
    assert [(quote.speaker, quote.speaker_title) for quote in extract(text).quotes] == [(speaker, title)]
