"""Sessions inside an event as the press names them (issue 10): opening and numbered sessions, and
titles after "تحت عنوان" or in parentheses. Every sentence here is our own."""

from __future__ import annotations

import pytest

from archive.importing.extraction import extract


def _sessions(text: str) -> list[tuple[str, str | None]]:
    return [(session.kind, session.title) for session in extract(text).sessions]


@pytest.mark.parametrize(("text", "sessions"), [
    ("وتبدأ الجلسة الافتتاحية بكلمة للأمين العام، ثم تعقد الجلسة الأولى حول الإعلام الرقمي.",
     [("other", "الجلسة الافتتاحية"), ("other", "الجلسة الأولى")]),
    ("وناقشت الجلسة الثانية دور المنصات، فيما تناولت الجلسة الختامية التوصيات.",
     [("other", "الجلسة الثانية"), ("other", "الجلسة الختامية")]),
])
def test_opening_closing_and_numbered_sessions(text: str, sessions: list[tuple[str, str | None]]) -> None:
    assert _sessions(text) == sessions


@pytest.mark.parametrize(("text", "title"), [
    ("ويتضمن البرنامج جلسة حوارية تحت عنوان «الإعلام والمجتمع» بمشاركة خبراء.", "الإعلام والمجتمع"),
    ("ويتضمن البرنامج جلسة حوارية بعنوان (الإعلام والمجتمع) بمشاركة خبراء.", "الإعلام والمجتمع"),
    ("ويتضمن البرنامج ورشة عمل تحت عنوان: \"الإعلام والمجتمع\" بمشاركة خبراء.", "الإعلام والمجتمع"),
])
def test_a_session_title_after_its_introducer_or_in_parentheses(text: str, title: str) -> None:
    assert [found for _, found in _sessions(text)] == [title]
