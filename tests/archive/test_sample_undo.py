"""The sample archive is no edit of the officer's: there is nothing to undo after building it."""

from __future__ import annotations

import pytest

from archive.demo.builder import build_sample
from archive.services import undo


def test_building_the_sample_leaves_nothing_to_undo(archive) -> None:
    build_sample(archive)
    assert undo.next_undo(archive) is None
    with pytest.raises(undo.NothingToUndoError):
        undo.undo(archive)
