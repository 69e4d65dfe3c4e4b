"""The search index catches up with undo and redo: after each, draining the outbox leaves it as a rebuild would.

A real archive and real Whoosh indexes: the incremental index, kept up to date through the
outbox as the app keeps it, is compared with a fresh index built from the archive after the
undo and after the redo (the same documents found by the names and words of every record, with
the same titles, speakers and events shown).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from archive.services import undo
from search.index import SearchIndex
from tests.archive.test_undo import SCENARIOS, Scenario
from tests.desktop.conftest import Filled

QUERIES = ("الهاشمي", "speaker:الهاشمي", "سالم", "منتدى", "event:منتدى", "الرقمي", "الإعلام", "الثالثة",
           "البلوشية", "المتابعين", "الاتصال")


def shown(search_index: SearchIndex) -> dict[str, list[tuple]]:
    return {query: sorted((hit.kind, hit.id, hit.title, hit.speaker_name, hit.event_name)
                          for hit in search_index.search(query, limit=500).hits) for query in QUERIES}


def same_as_a_rebuild(incremental: SearchIndex, filled: Filled, folder: Path) -> None:
    incremental.drain_outbox()
    fresh = SearchIndex.open(folder, filled.archive)
    try:
        assert shown(incremental) == shown(fresh)
    finally:
        fresh.close()


@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda scenario: scenario.name)
def test_the_index_follows_undo_and_redo(filled: Filled, tmp_path: Path, scenario: Scenario) -> None:
    scenario.prepare(filled, tmp_path)
    incremental = SearchIndex.open(tmp_path / "incremental.index", filled.archive)
    try:
        scenario.edit(filled, tmp_path)
        incremental.drain_outbox()
        undo.undo(filled.archive)
        same_as_a_rebuild(incremental, filled, tmp_path / "after-undo.index")
        undo.redo(filled.archive)
        same_as_a_rebuild(incremental, filled, tmp_path / "after-redo.index")
    finally:
        incremental.close()
