"""``muntada search`` answers while another program is writing to the archive.

Opening the index applies the archive's pending changes and then deletes their outbox rows,
which needs the write lock; while the app (or an import) held it, the search failed with
"the archive is locked" although it only had to read.
"""

from __future__ import annotations

import sqlite3

from archive.services import people
from archive.services.records import PersonInput
from desktop.cli import main


def test_a_search_answers_while_another_program_holds_the_write_lock(archive, capsys) -> None:
    archive_path = archive.path
    people.create_person(archive, PersonInput(name="سالم بن حمد الكلباني"))
    archive.close()
    assert main(["--archive", str(archive_path), "--lang", "en", "reindex"]) == 0
    from archive.db.engine import open_archive

    reopened = open_archive(archive_path)
    people.create_person(reopened, PersonInput(name="نوال بنت أحمد الزدجالية"))  # an outbox row, not yet applied
    reopened.close()
    capsys.readouterr()
    writer = sqlite3.connect(archive_path, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")  # another program writing (a long import, the app saving)
    try:
        code = main(["--archive", str(archive_path), "--lang", "en", "search", "الزدجالية"])
        out, err = capsys.readouterr()
    finally:
        writer.execute("ROLLBACK")
        writer.close()
    assert code == 0, err
    assert "نوال بنت أحمد الزدجالية" in out, (out, err)
    # The row stays pending and is applied again by the next search (the same document again), then removed.
    assert outbox_rows(archive_path) == 1
    assert main(["--archive", str(archive_path), "--lang", "en", "search", "الزدجالية"]) == 0
    assert "نوال بنت أحمد الزدجالية" in capsys.readouterr().out
    assert outbox_rows(archive_path) == 0


def outbox_rows(path) -> int:
    with sqlite3.connect(path) as connection:
        return connection.execute("SELECT count(*) FROM outbox").fetchone()[0]
