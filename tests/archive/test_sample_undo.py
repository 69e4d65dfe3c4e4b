"""The sample archive is no edit of the officer's: there is nothing to undo after building it.

The run's sample archive is the one ``create_sample_archive`` built (``build_sample``, then the
sample mark, which is no step); a copy of it is checked rather than a second build (13 s).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from archive.db.engine import open_archive
from archive.services import undo


def test_building_the_sample_leaves_nothing_to_undo(sample_archive: Path) -> None:
    archive = open_archive(sample_archive, create=False)
    try:
        assert undo.next_undo(archive) is None
        with pytest.raises(undo.NothingToUndoError):
            undo.undo(archive)
    finally:
        archive.close()
