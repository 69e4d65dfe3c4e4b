"""``muntada conflicts`` shows each side's value as the officer knows it, as the app's conflicts
view does: a linked record by its name (and number), a choice and a yes/no in words, an empty
field as a dash; never Python's ``None``, ``True`` or ``False``."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from archive.db import models as m
from archive.team.conflicts import record_conflict
from archive.team.local import wire_row
from archive.team.wire import UidMap, shared_table
from desktop.cli import main


def conflict_on_the_quote(filled) -> None:  # type: ignore[no-untyped-def]
    """Another officer gave the quote to the other person, marked it verified and direct, and noted it."""
    with filled.archive.engine.connect() as connection:
        uid = connection.execute(select(m.Quote.uid).where(m.Quote.id == filled.quote_id)).scalar_one()
        other_person = connection.execute(select(m.Person.uid).where(m.Person.id == filled.duplicate_id)).scalar_one()
        mine = wire_row(connection, shared_table("quote"), uid, UidMap(connection))
    assert mine["notes"] is None and mine["verified"] is False and mine["speech"] == "direct"
    theirs = {**mine, "speaker_id": other_person, "verified": True, "speech": "indirect", "notes": "من الجلسة الأولى"}
    record_conflict(filled.archive, "quote", uid, mine, theirs, theirs_version=2)


@pytest.mark.parametrize(("language", "expected"), [
    ("ar", [("المتحدث (speaker_id): نسختي = معالي الدكتور سالم بن ناصر الهاشمي (#{speaker}) | "
             "نسخة الخادم = سالم الهاشمي (#{other})"),
            "نوع الكلام (speech): نسختي = اقتباس مباشر | نسخة الخادم = كلام منقول",
            "تم التحقق (verified): نسختي = لا | نسخة الخادم = نعم",
            "ملاحظات (notes): نسختي = — | نسخة الخادم = من الجلسة الأولى"]),
    ("en", [("Speaker (speaker_id): mine = معالي الدكتور سالم بن ناصر الهاشمي (#{speaker}) | "
             "theirs = سالم الهاشمي (#{other})"),
            "Speech (speech): mine = Direct quote | theirs = Reported speech",
            "Verified (verified): mine = No | theirs = Yes",
            "Notes (notes): mine = — | theirs = من الجلسة الأولى"]),
])
def test_conflicts_show_values_as_the_officer_knows_them(filled, capsys, language: str, expected: list[str]) -> None:
    conflict_on_the_quote(filled)
    capsys.readouterr()
    assert main(["--lang", language, "--archive", str(filled.archive.path), "conflicts"]) == 0
    out = capsys.readouterr().out
    lines = [line.strip() for line in out.splitlines()[1:]]
    assert lines == [line.format(speaker=filled.speaker_id, other=filled.duplicate_id) for line in expected], out
    for raw in ("None", "True", "False"):
        assert raw not in out
