"""Issue 13, explicit units of work: a larger change is one transaction handed to each service it calls,
and a database error becomes the user's message in one place (the engine's ``handle_error``) however
deep in that change it happens.

Accepting an imported article's proposals is such a change: people, an event, sessions, quotes and
figures are created by their own services inside the acceptance's unit. Here another program
holds the archive's write lock (a real second SQLite connection), so the first write inside the
unit fails: the officer must get the "locked" message, not SQLite's error, and nothing of the
change may be stored; once the lock is gone the same acceptance goes through as one undoable step.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from archive.db import engine
from archive.db.engine import open_archive
from archive.errors import ArchiveBusyError
from archive.importing.service import accept_proposals, import_files, pending_reviews
from archive.services import events, people, quotes, steps, undo
from tests.desktop.conftest import ARTICLE


def test_a_locked_archive_in_the_middle_of_a_larger_change_is_one_clear_message_and_stores_nothing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(engine, "BUSY_TIMEOUT_SECONDS", 0.2)  # the test need not wait 5 s for the lock
    article = tmp_path / "forum.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    archive = open_archive(tmp_path / "archive.sqlite", officer="ضابط الاختبار")
    try:
        [imported] = import_files(archive, [article])
        assert imported.source_id is not None
        before = (len(people.list_people(archive)), len(events.list_events(archive)), len(quotes.list_quotes(archive)))
        last_step = steps.last_step_id(archive)
        blocker = sqlite3.connect(archive.path)
        blocker.execute("BEGIN IMMEDIATE")  # another program holds the write lock
        try:
            with pytest.raises(ArchiveBusyError) as caught:
                accept_proposals(archive, imported.source_id)
        finally:
            blocker.rollback()
            blocker.close()
        assert "is locked by another program" in str(caught.value)  # the message, not SQLite's "database is locked"
        assert "مقفل من برنامج آخر" in caught.value.user_message()  # and in the officer's language
        after = (len(people.list_people(archive)), len(events.list_events(archive)), len(quotes.list_quotes(archive)))
        assert after == before  # nothing of the change was stored
        assert [review.source_id for review in pending_reviews(archive)] == [imported.source_id]
        assert steps.last_step_id(archive) == last_step  # and no step was recorded

        accepted = accept_proposals(archive, imported.source_id)  # the lock gone: the same change, whole
        assert len(quotes.list_quotes(archive)) > before[2] and accepted
        undo.undo(archive)
        assert (len(people.list_people(archive)), len(events.list_events(archive)),
                len(quotes.list_quotes(archive))) == before
    finally:
        archive.close()
