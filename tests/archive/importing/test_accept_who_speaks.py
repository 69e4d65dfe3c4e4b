"""Accepting an article's quotes: a body's words go to the body, a group is nobody, continuations count."""

from __future__ import annotations

from pathlib import Path

from archive.importing.service import import_files
from archive.services import people, quotes

ARTICLE = (
    "أكدت وزارة الإعلام أن الملتقى يعكس اهتمام الدولة بتطوير الخطاب الإعلامي الحكومي في المرحلة المقبلة.\n"
    "وقال منظمو الملتقى إن عدد المشاركين تجاوز التوقعات هذا العام بشكل واضح وملموس.\n"
    "وقال وزير الإعلام سالم بن خلفان الحارثي إن المنصات الرقمية أصبحت القناة الأولى للتواصل مع الجمهور، "
    "مشيرا إلى أن الوزارة ستطلق منصة جديدة للبيانات المفتوحة.\n"
)


def _accept_all(archive, tmp_path: Path) -> dict[str, quotes.QuoteRecord]:
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    result = import_files(archive, [path], accept_all=True)[0]
    assert result.records is not None
    return {quote.text[:20]: quote for quote in (quotes.get_quote(archive, id) for id in result.records.quote_ids)}


def test_a_ministrys_words_are_the_ministrys_and_no_person_is_made_of_it(archive, tmp_path: Path) -> None:
    accepted = _accept_all(archive, tmp_path)
    ministry = accepted["الملتقى يعكس اهتمام "]
    assert ministry.speaker is None
    assert ministry.organisation is not None and ministry.organisation.name == "وزارة الإعلام"
    assert "وزارة الإعلام" not in {person.name for person in people.list_people(archive)}


def test_a_group_speaks_without_a_person(archive, tmp_path: Path) -> None:
    accepted = _accept_all(archive, tmp_path)
    group = accepted["عدد المشاركين تجاوز "]
    assert group.speaker is None
    assert {person.name for person in people.list_people(archive)} == {"سالم بن خلفان الحارثي"}


def test_accepting_everything_keeps_the_continuation_with_its_speaker(archive, tmp_path: Path) -> None:
    accepted = _accept_all(archive, tmp_path)
    continuation = accepted["الوزارة ستطلق منصة ج"]
    assert continuation.speaker is not None and continuation.speaker.name == "سالم بن خلفان الحارثي"
    assert len(accepted) == 4
