"""``muntada delete KIND ID`` and ``muntada merge KIND KEEP_ID OTHER_ID``, as an officer uses them.

On the sample archive (a real SQLite file): each kind of record deleted and merged, what else goes
or moves said first, and ``muntada undo`` bringing every row of every record table back as it was.
Before, the command line had neither command (argparse refused "delete" and "merge").
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from archive.db.models import Base
from archive.kinds.registry import KINDS
from archive.services.row_capture import NOT_CAPTURED
from desktop.cli import main

RECORD_TABLES = sorted(table.name for table in Base.metadata.sorted_tables if table.name not in NOT_CAPTURED)


def rows_of(path: Path) -> dict[str, list[tuple]]:
    """Every row of every table the officer's records live in, sorted: the archive's content."""
    with sqlite3.connect(path) as connection:
        return {table: sorted(connection.execute(f'SELECT * FROM "{table}"').fetchall(), key=repr)
                for table in RECORD_TABLES}


def run(path: Path, capsys, *args: str, language: str = "en") -> tuple[int, str, str]:
    code = main(["--archive", str(path), "--lang", language, *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def most_linked(path: Path, kind: str) -> int:
    """The record of ``kind`` with the most records linked to it (its deletion says the most)."""
    from archive.db.engine import open_archive
    from archive.services import record_links

    archive = open_archive(path)
    try:
        ids = [record.id for record in KINDS[kind].list(archive)]

        def linked_count(record_id: int) -> int:
            linked = record_links.linked(archive, kind, record_id)
            return sum(linked.kept.values()) + sum(linked.deleted_with.values())

        return max(ids, key=linked_count)
    finally:
        archive.close()


def two_of(path: Path, kind: str) -> tuple[int, int]:
    """Two records of ``kind`` to merge, each with links where the sample has them (sessions: of one event)."""
    with sqlite3.connect(path) as connection:
        if kind == "session":
            return connection.execute("SELECT min(id), max(id) FROM session GROUP BY event_id "
                                      "HAVING count(*) > 1 ORDER BY event_id LIMIT 1").fetchone()
        ids = [row[0] for row in connection.execute(f'SELECT id FROM "{KINDS[kind].model.__tablename__}" ORDER BY id')]
    return ids[0], ids[1]


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_delete_says_what_goes_with_the_record_and_undo_brings_every_row_back(sample_archive, capsys, kind):
    record_id = most_linked(sample_archive, kind)
    before = rows_of(sample_archive)
    code, out, err = run(sample_archive, capsys, "delete", kind, str(record_id), "--yes")
    assert code == 0, err
    assert out.splitlines()[-1].startswith(f"Deleted {KINDS[kind].label} {record_id} «"), out
    assert run(sample_archive, capsys, "show", kind, str(record_id))[0] != 0  # gone
    assert rows_of(sample_archive) != before
    code, out, err = run(sample_archive, capsys, "undo")
    assert code == 0 and out.startswith("Undone: Delete"), err
    assert rows_of(sample_archive) == before


def test_what_goes_and_what_stays_is_counted_in_words(filled, capsys):
    filled.archive.close()
    path = filled.archive.path
    code, out, err = run(path, capsys, "delete", "person", str(filled.speaker_id), "--yes")
    assert code == 0, err
    # The speaker said a quote, gave a figure and moderated a session: they stay, without him.
    assert "Kept, without their link to it: 1 session, 1 quote, 1 figure." in out.splitlines(), out
    run(path, capsys, "undo")
    code, out, err = run(path, capsys, "delete", "event", str(filled.event_id), "--yes")
    assert code == 0, err
    assert "Deleted with it: 1 session." in out.splitlines(), out
    assert "Kept, without their link to it: 1 quote, 1 figure, 1 source." in out.splitlines(), out
    run(path, capsys, "undo")
    code, out, err = run(path, capsys, "delete", "quote", str(filled.quote_id), "--yes", language="ar")
    assert code == 0 and "لا شيء آخر مرتبط به." in out, out


@pytest.mark.parametrize("kind", sorted(set(KINDS) - {"source"}))
def test_merge_moves_the_links_and_undo_brings_every_row_back(sample_archive, capsys, kind):
    keep_id, other_id = two_of(sample_archive, kind)
    before = rows_of(sample_archive)
    code, out, err = run(sample_archive, capsys, "merge", kind, str(keep_id), str(other_id), "--yes")
    assert code == 0, err
    assert out.splitlines()[0].startswith(f"Keep: {KINDS[kind].label} {keep_id}"), out
    assert out.splitlines()[-1].startswith(f"Merged {KINDS[kind].label} {other_id} «"), out
    assert run(sample_archive, capsys, "show", kind, str(other_id))[0] != 0  # merged away
    with sqlite3.connect(sample_archive) as connection:  # nothing points at it any more
        for table in Base.metadata.sorted_tables:
            for key in table.foreign_keys:
                if key.column.table.name == KINDS[kind].model.__tablename__:
                    assert connection.execute(f'SELECT count(*) FROM "{table.name}" WHERE "{key.parent.name}" = ?',
                                              (other_id,)).fetchone() == (0,), (table.name, key.parent.name)
    code, out, err = run(sample_archive, capsys, "undo")
    assert code == 0 and out.startswith("Undone: Merge"), err
    assert rows_of(sample_archive) == before
    code, out, err = run(sample_archive, capsys, "redo")
    assert code == 0 and out.startswith("Redone: Merge"), err
    assert run(sample_archive, capsys, "check")[0] == 0


def test_an_events_merge_says_what_moves_and_keeps_no_link_twice(sample_archive, capsys):
    with sqlite3.connect(sample_archive) as connection:
        sessions = dict(connection.execute("SELECT event_id, count(*) FROM session GROUP BY event_id"))
        covering = {row[0] for row in connection.execute("SELECT source_id FROM source_event WHERE event_id IN (1, 2)")}
    code, out, err = run(sample_archive, capsys, "merge", "event", "1", "2", "--yes")
    assert code == 0, err
    moves = next(line for line in out.splitlines() if line.startswith("Moves to the record kept: "))
    assert f"{sessions[2]} sessions" in moves, out
    with sqlite3.connect(sample_archive) as connection:
        assert connection.execute("SELECT count(*) FROM session WHERE event_id = 1").fetchone()[0] \
            == sessions[1] + sessions[2]
        assert {row[0] for row in connection.execute("SELECT source_id FROM source_event WHERE event_id = 1")} \
            == covering
        assert connection.execute("SELECT count(*) FROM source_event WHERE event_id = 2").fetchone()[0] == 0


@pytest.mark.parametrize(("args", "words"), [
    (("merge", "source", "1", "2"), "Two sources cannot be merged"),
    (("merge", "quote", "3", "3"), "Give two different records to merge"),
    (("merge", "person", "1", "99999"), "99999"),
    (("delete", "event", "99999"), "99999"),
])
def test_what_cannot_be_done_is_refused_in_one_line_and_nothing_changes(sample_archive, capsys, args, words):
    before = rows_of(sample_archive)
    code, out, err = run(sample_archive, capsys, *args, "--yes")
    assert code == 2 and len(err.strip().splitlines()) == 1 and words in err, err
    assert out == ""  # refused before anything is announced
    assert rows_of(sample_archive) == before


def test_sessions_of_different_events_are_not_merged(sample_archive, capsys):
    with sqlite3.connect(sample_archive) as connection:
        first, other = connection.execute("SELECT min(id), max(id) FROM session").fetchone()
        assert connection.execute("SELECT count(DISTINCT event_id) FROM session WHERE id IN (?, ?)",
                                  (first, other)).fetchone()[0] == 2
    before = rows_of(sample_archive)
    code, _out, err = run(sample_archive, capsys, "merge", "session", str(first), str(other), "--yes")
    assert code == 2 and "different events" in err and rows_of(sample_archive) == before, err


def test_without_a_terminal_nothing_changes_unless_yes_is_given(sample_archive, capsys):
    before = rows_of(sample_archive)
    for args in (("delete", "person", "1"), ("merge", "person", "1", "2")):
        code, _out, err = run(sample_archive, capsys, *args)
        assert code == 1 and "--yes" in err and len(err.strip().splitlines()) == 1, err
        assert rows_of(sample_archive) == before


def test_arabic_help_and_messages(sample_archive, capsys):
    for command in ("delete", "merge"):
        with pytest.raises(SystemExit):
            main(["--lang", "ar", command, "--help"])
        out = capsys.readouterr().out
        assert "بدون سؤال" in out, out
    code, out, err = run(sample_archive, capsys, "merge", "source", "1", "2", language="ar")
    assert code == 2 and "لا يُدمج مصدران" in err, err
    code, out, err = run(sample_archive, capsys, "delete", "event", "1", "--yes", language="ar")
    assert code == 0 and "تم حذف" in out.splitlines()[-1] and "muntada undo" in out.splitlines()[-1], out
    assert "Deleted" not in out and "Kept" not in out, out


@pytest.mark.skipif(sys.platform == "win32", reason="a pseudo-terminal is POSIX's")
def test_on_a_terminal_it_asks_and_only_a_yes_goes_ahead(sample_archive, tmp_path):
    """A real ``muntada`` process whose input is a terminal (a pseudo-terminal): "n" keeps the record,
    the Arabic «نعم» deletes it."""
    import pty

    def answer(text: str, language: str) -> subprocess.CompletedProcess[str]:
        controller, terminal = pty.openpty()
        try:
            os.write(controller, text.encode() + b"\n")
            return subprocess.run([sys.executable, "-m", "desktop.cli", "--archive", str(sample_archive), "--lang",
                                   language, "delete", "person", "1"], stdin=terminal, capture_output=True,
                                  text=True, timeout=60, env={**os.environ, "MUNTADA_HOME": str(tmp_path / "home")})
        finally:
            os.close(controller)
            os.close(terminal)

    before = rows_of(sample_archive)
    done = answer("n", "en")
    assert done.returncode == 1 and "Delete it? muntada undo brings it back. [y/N]" in done.stdout, done
    assert done.stderr.strip() == "Nothing was deleted." and rows_of(sample_archive) == before, done
    done = answer("نعم", "ar")
    assert done.returncode == 0 and "[نعم/لا]" in done.stdout and "تم حذف" in done.stdout, done
    assert rows_of(sample_archive) != before


def test_a_presenter_of_both_sessions_merged_presents_the_kept_one_once(filled, capsys):
    from archive.services import sessions
    from archive.services.records import SessionInput

    other = sessions.create_session(filled.archive, SessionInput(
        event_id=filled.event_id, title="جلسة مكررة", presenter_person_ids=(filled.speaker_id,)))
    kept = sessions.get_session(filled.archive, filled.session_id)
    sessions.update_session(filled.archive, kept.id, SessionInput(
        event_id=filled.event_id, title=kept.title, presenter_person_ids=(filled.speaker_id, filled.duplicate_id)))
    filled.archive.close()
    path = filled.archive.path
    before = rows_of(path)
    code, _out, err = run(path, capsys, "merge", "session", str(kept.id), str(other.id), "--yes")
    assert code == 0, err
    with sqlite3.connect(path) as connection:
        presenters = connection.execute("SELECT person_id FROM session_presenter WHERE session_id = ? "
                                        "ORDER BY person_id", (kept.id,)).fetchall()
    assert presenters == sorted([(filled.speaker_id,), (filled.duplicate_id,)]), presenters
    assert run(path, capsys, "undo")[0] == 0
    assert rows_of(path) == before
