"""Importing into a real archive: sources stored once, proposals pending review, acceptance, bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from archive.db.engine import open_archive
from archive.importing.service import (
    ReviewChoices,
    accept_proposals,
    get_review,
    import_files,
    pending_reviews,
    reject_proposals,
)
from archive.services import events, people, quotes, sources, statistics
from archive.services.records import PersonInput
from tests.conftest import copy_archive


@pytest.fixture
def archive(empty_archive_master: Path, tmp_path: Path):
    opened = open_archive(copy_archive(empty_archive_master, tmp_path / "test.muntada"), officer="tester")
    yield opened
    opened.close()


def _counts(archive) -> tuple[int, int, int, int]:
    return (len(sources.list_sources(archive)), len(quotes.list_quotes(archive)),
            len(statistics.list_statistics(archive)), len(pending_reviews(archive)))


def test_import_stores_sources_at_once_and_keeps_proposals_pending(archive, sample_paths) -> None:
    seen = []
    results = import_files(archive, [sample_paths[0].parent],
                           progress=lambda done, total, name: seen.append((done, total)))
    assert [result.skipped for result in results] == [None, None]
    assert seen == [(1, 2), (2, 2)]
    assert _counts(archive) == (2, 0, 0, 2)
    stored = sources.get_source(archive, results[0].source_id)
    assert stored.full_text == sample_paths[0].read_text(encoding="utf-8")
    assert stored.outlet == "الرؤية" and stored.file_name == sample_paths[0].name
    review = get_review(archive, results[1].source_id)
    assert review.counts["quotes"] == 7 and review.proposals["event"]["edition"] == 29


def test_importing_the_same_article_again_changes_nothing(archive, sample_paths, tmp_path: Path) -> None:
    first = import_files(archive, sample_paths)
    before = _counts(archive)
    copy = tmp_path / "copy.txt"  # same text, other name and Windows line endings
    copy.write_bytes(sample_paths[0].read_text(encoding="utf-8").replace("\n", "\r\n").encode("utf-16"))
    again = import_files(archive, [*sample_paths, copy])
    assert all(result.duplicate for result in again)
    assert [result.source_id for result in again] == [first[0].source_id, first[1].source_id, first[0].source_id]
    assert _counts(archive) == before


def test_bad_files_are_skipped_with_a_reason_and_leave_the_archive_unchanged(archive, tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (tmp_path / "broken.docx").write_bytes(b"PK\x03\x04 not really a zip")
    with (tmp_path / "huge.txt").open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    results = import_files(archive, sorted(tmp_path.glob("*.*")))
    assert all(result.skipped and result.source_id is None for result in results)
    assert _counts(archive) == (0, 0, 0, 0)


def test_cancel_stops_before_the_next_file(archive, sample_paths) -> None:
    results = import_files(archive, sample_paths, cancel=lambda: len(sources.list_sources(archive)) >= 1)
    assert len(results) == 1 and _counts(archive)[0] == 1


def test_accepting_creates_records_with_provenance_and_links_known_people(archive, sample_paths) -> None:
    # The officer already knows al-Salmi under another spelling (no hamza): the quote must link to him.
    known = people.create_person(archive, PersonInput(name="ابراهيم بن سالم السالمي"))
    source_id = import_files(archive, [sample_paths[1]])[0].source_id
    review = get_review(archive, source_id)
    choices = ReviewChoices(quotes={0: {}, 1: {"text": "التواصل الحكومي ركيزة أساسية"}}, statistics={2: {}},
                            further_quotes={})
    accepted = accept_proposals(archive, source_id, choices)
    assert len(accepted.quote_ids) == 2 and len(accepted.statistic_ids) == 1
    first = quotes.get_quote(archive, accepted.quote_ids[0])
    assert first.speaker.id == known.id
    text = sources.get_source(archive, source_id).full_text
    assert text[first.source_start:first.source_end] == first.text == review.proposals["quotes"][0]["text"]
    assert quotes.get_quote(archive, accepted.quote_ids[1]).text == "التواصل الحكومي ركيزة أساسية"
    figure = statistics.get_statistic(archive, accepted.statistic_ids[0])
    assert figure.figure_text == "ما يقارب80% من الأفراد" and figure.value == 80 and figure.unit == "percent"
    event = events.get_event(archive, accepted.event_id)
    assert event.edition == 29 and event.name == "اللقاء التاسع والعشرون"
    assert event.series.name == "لقاءات مركز التواصل الحكومي"
    assert pending_reviews(archive) == []


def test_accept_all_and_reject(archive, sample_paths) -> None:
    results = import_files(archive, sample_paths[:1], accept_all=True)
    assert results[0].accepted
    assert len(quotes.list_quotes(archive)) == 3 and len(statistics.list_statistics(archive)) == 3
    assert pending_reviews(archive) == []
    other = import_files(archive, sample_paths[1:])[0]
    reject_proposals(archive, other.source_id)
    assert pending_reviews(archive) == [] and len(quotes.list_quotes(archive)) == 3
    assert len(sources.list_sources(archive)) == 2


def test_the_same_event_from_two_articles_is_one_event(archive, tmp_path: Path) -> None:
    for number in (1, 2):
        (tmp_path / f"a{number}.txt").write_text(
            f"مسقط - الرؤية\nاختتم منتدى التواصل الحكومي الأول أعماله. "
            f"وقال محمد الهشامي إن المنتدى ناجح جدا {number}.\n",
            encoding="utf-8")
    import_files(archive, [tmp_path], accept_all=True)
    assert len(events.list_events(archive)) == 1
    assert len(people.list_people(archive)) == 1


def test_command_line_extract_and_import(archive, sample_paths, capsys) -> None:
    from desktop.cli import main

    path = str(archive.path)
    archive.close()
    assert main(["--archive", path, "extract", "--json", str(sample_paths[1])]) == 0
    extracted = json.loads(capsys.readouterr().out)
    # One list of quotes (issue 10): the 7 said by someone named, then the continuations.
    assert len([quote for quote in extracted["quotes"] if quote["kind"] != "continuation"]) == 7
    assert "further_quotes" not in extracted and len(extracted["quotes"]) == 12
    assert extracted["event"]["edition"] == 29
    assert main(["--archive", path, "import", "--json", str(sample_paths[1])]) == 0
    imported = json.loads(capsys.readouterr().out)
    assert imported[0]["source_id"] and imported[0]["counts"]["quotes"] == 7 and not imported[0]["duplicate"]
    assert main(["--archive", path, "import", "--json", str(sample_paths[1])]) == 0
    assert json.loads(capsys.readouterr().out)[0]["duplicate"] is True
