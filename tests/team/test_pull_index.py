"""The search index of a desktop after its first pull of a team archive: built once, in bulk, from
the archive, with no outbox row applied again; and an index already open (the app's) takes the
pulled records in (issue 14)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from archive.db.engine import Archive, open_archive
from archive.services import outbox
from archive.team.push import push_archive
from search.index import SearchIndex
from search.records import ArchiveDocuments
from search.whoosh_internals import segment_count
from tests.team.sync_helpers import Team, new_desktop, prepared_template, team_fixture  # noqa: F401 (fixtures)


@pytest.fixture
def first(sample_archive: Path, team: Team) -> Iterator[Archive]:
    """The first officer's desktop: the sample archive, pushed as the team's."""
    archive = open_archive(sample_archive, create=False, officer="amina")
    push_archive(archive, team.engine, team.address)
    yield archive
    archive.close()


@pytest.fixture
def second(tmp_path: Path) -> Iterator[Archive]:
    archive = new_desktop(tmp_path, "second", officer="omar")
    yield archive
    archive.close()


def _keys(index: SearchIndex) -> set[str]:
    with index._search_lock:
        return {fields["key"] for fields in index._current_searcher().all_stored_fields()}


def _archive_keys(archive: Archive) -> set[str]:
    return {f"{kind}:{record_id}" for kind, record_id in ArchiveDocuments(archive).rebuild_order()}


def test_the_first_pull_s_index_is_built_once_in_bulk(first: Archive, second: Archive, team: Team,
                                                      tmp_path: Path) -> None:
    result = team.sync(second)
    assert result.pulled > 0 and outbox.pending_count(second) == 0
    index = SearchIndex.open(tmp_path / "second.index", second)
    try:
        # One segment, written by the bulk writer: no commit applying the pulled records one by one.
        assert segment_count(index._ix) == 1
        assert _keys(index) == _archive_keys(second) and len(_archive_keys(second)) > 10
    finally:
        index.close()


def test_an_index_open_during_the_first_pull_takes_in_every_pulled_record(first: Archive, second: Archive,
                                                                          team: Team, tmp_path: Path) -> None:
    index = SearchIndex.open(tmp_path / "second.index", second)  # open as in the app, before the sync
    try:
        assert index.document_count() == 0
        team.sync(second)
        index.catch_up()
        assert _keys(index) == _archive_keys(second) and segment_count(index._ix) == 1
        assert outbox.pending_count(second) == 0
    finally:
        index.close()
