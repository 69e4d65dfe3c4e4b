"""What an officer reads when an undo is refused: one line naming the step once, in either language.

A step's label already quotes the record's name (Edit Person “Salim”); the refusals put it in a
sentence as it is, never inside a second pair of quotation marks ("“Edit Person “Salim””").
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from archive.db.engine import open_archive
from archive.i18n import set_language
from archive.services import people, steps, undo
from archive.services.records import PersonInput

DOUBLED = ("““", "””", "««", "»»", "“Edit", "«تعديل", "«إضافة")


@pytest.fixture(params=["en", "ar"])
def language(request: pytest.FixtureRequest):  # type: ignore[no-untyped-def]
    set_language(request.param)
    yield request.param
    set_language("ar")


def _refusal(archive_path: Path, make_refused) -> undo.UndoRefusedError:  # type: ignore[no-untyped-def]
    archive = open_archive(archive_path, officer="ضابط الاختبار")
    try:
        make_refused(archive)
        with pytest.raises(undo.UndoRefusedError) as caught:
            undo.undo(archive)
        return caught.value
    finally:
        archive.close()


def _changed_by_hand(archive) -> None:  # type: ignore[no-untyped-def]
    person = people.create_person(archive, PersonInput(name="سالم الهاشمي"))
    with sqlite3.connect(archive.path) as connection:
        connection.execute("UPDATE person SET title = 'مستشار' WHERE id = ?", (person.id,))


def _too_old(archive) -> None:  # type: ignore[no-untyped-def]
    for number in range(3):
        people.create_person(archive, PersonInput(name=f"شخص رقم {number}"))
    undo.undo(archive)
    undo.undo(archive)


def test_a_refused_undo_names_the_step_once(language: str, tmp_path: Path) -> None:
    error = _refusal(tmp_path / "archive.sqlite", _changed_by_hand)
    message = error.user_message()
    assert not any(sign in message for sign in DOUBLED), message
    expected = {"en": "Add Person “سالم الهاشمي” cannot be undone: Person 1 was changed since",
                "ar": "تعذّر التراجع عن إضافة الشخص «سالم الهاشمي»: تغيّر الشخص 1 بعده"}
    assert message.startswith(expected[language]), message


def test_a_step_too_old_to_undo_is_named_once(language: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(steps, "KEPT_EDITS", 2)
    message = _refusal(tmp_path / "archive.sqlite", _too_old).user_message()
    assert not any(sign in message for sign in DOUBLED), message
    expected = {"en": "Add Person “شخص رقم 0” is too old to be undone",
                "ar": "تعذّر التراجع عن إضافة الشخص «شخص رقم 0» لقدمه"}
    assert message.startswith(expected[language]), message
