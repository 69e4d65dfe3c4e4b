"""``SearchIndex.open_files``: an index opened before its archive trusts no more than ``SearchIndex.open``.

The app's search process opens the index files while the app is still opening the archive
(``desktop.search_worker.prepare``). That early open must refuse what the ordinary open refuses
(a planted TOC is never unpickled, a folder signed with another key is not opened) and must
write nothing: no key, no rebuild. Real archives, real Whoosh indexes.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from archive.location import index_folder_for, index_key_path
from search.index import SearchIndex
from search.storage import IndexFormat

from .test_index_safety import crafted_toc, found


def test_an_intact_index_opens_before_its_archive_and_attaches_it(filled) -> None:
    archive, ids = filled
    index_dir = index_folder_for(archive.path)
    SearchIndex.open(index_dir, archive).close()
    built = IndexFormat.read(index_dir).build
    early = SearchIndex.open_files(index_dir, index_key_path())
    assert early is not None
    early.attach(archive)
    assert ("quote", ids.quote) in found(early, "الإعلام الرقمي")
    assert IndexFormat.read(index_dir).build == built
    early.close()


def test_a_planted_toc_is_never_unpickled_by_the_early_open(filled, tmp_path: Path) -> None:
    archive, _ids = filled
    index_dir = index_folder_for(archive.path)
    SearchIndex.open(index_dir, archive).close()
    marker = tmp_path / "code-ran"
    (index_dir / "_MAIN_99.toc").write_bytes(crafted_toc(marker))
    assert SearchIndex.open_files(index_dir, index_key_path()) is None
    assert not marker.exists()
    assert (index_dir / "_MAIN_99.toc").exists()  # the early open changes nothing: the ordinary open rebuilds


def test_an_index_signed_with_another_key_is_not_opened_early(filled, tmp_path: Path) -> None:
    archive, _ids = filled
    index_dir = index_folder_for(archive.path)
    SearchIndex.open(index_dir, archive, key_file=tmp_path / "other.key").close()
    assert SearchIndex.open_files(index_dir, index_key_path()) is None


def test_without_a_key_nothing_is_opened_and_no_key_is_made(filled, tmp_path: Path) -> None:
    archive, _ids = filled
    index_dir = index_folder_for(archive.path)
    SearchIndex.open(index_dir, archive, key_file=tmp_path / "first.key").close()
    missing = tmp_path / "missing.key"
    assert SearchIndex.open_files(index_dir, missing) is None
    assert not missing.exists()


def test_an_index_without_its_archive_says_so(filled) -> None:
    archive, _ids = filled
    index_dir = index_folder_for(archive.path)
    SearchIndex.open(index_dir, archive).close()
    early = SearchIndex.open_files(index_dir, index_key_path())
    assert early is not None
    try:
        with pytest.raises(RuntimeError, match="attach"):
            _ = early.source
    finally:
        early.close()
