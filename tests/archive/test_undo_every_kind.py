"""Undo and redo of a create, an edit and a delete of EVERY record kind, row for row, across a restart.

``test_undo.py`` walks the kinds of step (create, update, delete, merge, import, accept) on people
and events. Here every kind of the registry (``archive.kinds.registry.KINDS``) is created, edited
and deleted through its own services, in a copy of the filled archive of the app's tests; the
archive is closed and opened again before the undo and before the redo, and every captured
table must be exactly as before the step after the undo, and as after it after the redo.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from archive.db.engine import open_archive
from archive.kinds.registry import KINDS, KindSpec
from archive.services import undo
from archive.services.history import current_input
from tests.archive.test_undo import snapshot
from tests.conftest import BuiltArchives
from tests.desktop.conftest import Filled, fill_archive

OFFICER = "ضابط الاختبار"
# The filled archive's record of each kind (edited and deleted), and a new one's fewest fields.
EXISTING = {"organisation": "ministry_id", "person": "speaker_id", "series": "series_id", "event": "event_id",
            "session": "session_id", "source": "source_id", "quote": "quote_id", "statistic": "statistic_id"}
NEW: dict[str, dict[str, object]] = {
    "organisation": {"name": "هيئة تنظيم الاتصالات"},
    "person": {"name": "منى بنت خالد البلوشية"},
    "series": {"name": "ملتقى الإعلام الرقمي"},
    "event": {"name": "ملتقى الإعلام الرقمي الأول", "start_date": "2025-02-10"},
    "session": {"title": "جلسة عن الذكاء الاصطناعي في الإعلام"},  # event_id: the filled event's
    "source": {"full_text": "مسقط - أعلنت الهيئة عن ملتقى جديد للإعلام الرقمي.", "file_name": "new.txt"},
    "quote": {"text": "الإعلام الرقمي شريك في التنمية"},
    "statistic": {"figure_text": "120", "subject": "جهة مشاركة"},
}
EDITED_FIELDS = ("name", "title", "text", "subject")  # the first of these a kind has is edited


@pytest.fixture
def filled(built_archives: BuiltArchives, tmp_path: Path) -> Iterator[Filled]:
    path, made = built_archives.copy(fill_archive, tmp_path / "archive.sqlite", officer=OFFICER)
    archive = open_archive(path, officer=OFFICER)
    yield replace(made, archive=archive)
    archive.close()


def _create(spec: KindSpec, filled: Filled) -> object:
    values = dict(NEW[spec.kind])
    if spec.kind == "session":
        values["event_id"] = filled.event_id
    return spec.create(filled.archive, spec.input_type(**values))


def _update(spec: KindSpec, filled: Filled) -> object:
    record_id = getattr(filled, EXISTING[spec.kind])
    data = current_input(filled.archive, spec.kind, record_id)  # the editable form, as the editors read it
    field = next(name for name in EDITED_FIELDS if name in {f.name for f in dataclasses.fields(data)})
    return spec.update(filled.archive, record_id, replace(data, **{field: f"{getattr(data, field) or ''} (معدل)"}))


def _delete(spec: KindSpec, filled: Filled) -> object:
    spec.delete(filled.archive, getattr(filled, EXISTING[spec.kind]))
    return None


STEPS = {"create": _create, "update": _update, "delete": _delete}


def _reopened(filled: Filled) -> Filled:
    filled.archive.close()
    return replace(filled, archive=open_archive(filled.archive.path, officer=OFFICER))


def test_every_kind_of_the_registry_is_covered() -> None:
    assert set(EXISTING) == set(NEW) == set(KINDS)


@pytest.mark.parametrize("step", sorted(STEPS))
@pytest.mark.parametrize("kind", sorted(KINDS))
def test_a_create_edit_or_delete_of_every_kind_is_undone_and_redone_row_for_row(kind: str, step: str,
                                                                                 filled: Filled) -> None:
    before = snapshot(filled.archive.path)
    STEPS[step](KINDS[kind], filled)
    after = snapshot(filled.archive.path)
    assert after != before

    filled = _reopened(filled)
    outcome = undo.undo(filled.archive)
    assert snapshot(filled.archive.path) == before
    assert outcome.changes.touches(kind)  # it says which records changed

    filled = _reopened(filled)
    undo.redo(filled.archive)
    assert snapshot(filled.archive.path) == after
    filled.archive.close()
