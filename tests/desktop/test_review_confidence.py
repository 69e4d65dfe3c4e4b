"""The import review shows each quote's kind, speaker and confidence, and sorts by confidence (issue 10)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from archive.i18n import tr
from archive.importing import service as importing
from archive.services import quotes
from desktop.gui import review
from tests.desktop.conftest import OWN_ARTICLES

ARTICLE = OWN_ARTICLES / "ona-oman-media-forum-third.txt"


@pytest.fixture
def dialog(window, filled):
    if not ARTICLE.exists():
        pytest.skip(f"our own annotated article is missing: {ARTICLE}")
    window.importer.import_paths([ARTICLE])
    return window.actions_helper.last_dialog


def _confidences(dialog) -> list[float]:
    return [dialog.table.item(row, review.CONFIDENCE).data(review.CONFIDENCE_ROLE)
            for row in range(dialog.table.rowCount())]


def test_quotes_show_kind_speaker_and_confidence(dialog) -> None:
    quote_rows = [row for row, (name, _i) in enumerate(dialog.rows) if name in ("quotes", "further_quotes")]
    assert quote_rows
    kinds = {tr(label) for label in review.QUOTE_KIND_NAMES.values()}
    for row in quote_rows:
        name, index = dialog.rows[row]
        proposal = dialog.proposals[name][index]
        assert dialog.table.item(row, review.KIND).text() in kinds
        assert dialog.table.item(row, review.WHO).text() == (proposal.get("speaker") or "")
        cell = dialog.table.item(row, review.CONFIDENCE)
        assert cell.data(review.CONFIDENCE_ROLE) == pytest.approx(proposal["confidence"])
        # A percentage in Western digits like the rest of the app, not the locale's "٠٫٩٥".
        assert cell.text() == f"{round(proposal['confidence'] * 100)}%"
        assert cell.data(Qt.ItemDataRole.DisplayRole) == cell.text()


def test_sorted_by_confidence_the_rows_still_save_their_own_proposals(dialog, filled) -> None:
    dialog.sort_by_confidence()
    confidences = _confidences(dialog)
    values = [value for value in confidences if value is not None]
    assert values == sorted(values) and len(set(values)) > 1  # the least sure first, where the officer looks
    assert confidences[:len(values)] == values  # a proposal without a confidence comes after them all
    quote_rows = [row for row, (name, _i) in enumerate(dialog.rows) if name == "quotes"]
    last_quote_row = quote_rows[0]  # after sorting: the least sure quote, not the first one proposed
    name, index = dialog.rows[last_quote_row]
    proposal = dialog.proposals[name][index]
    dialog.table.setCurrentCell(last_quote_row, review.TEXT)
    assert dialog.article.extraSelections()[-1].cursor.selectionStart() == proposal["start"]
    dialog.set_all(False)
    dialog.set_accepted(last_quote_row, True)
    dialog.save()
    [quote_id] = dialog.accepted_records.quote_ids
    saved = quotes.get_quote(filled.archive, quote_id)
    assert saved.source_start == proposal["start"] and saved.text == proposal["text"]
    assert importing.pending_reviews(filled.archive) == []


def test_continuations_are_ticked_like_any_other_quote(dialog) -> None:
    """Issue 10: a continuation is a quote; the officer unticks what is wrong, not what is right."""
    continuation_rows = [row for row, (name, _i) in enumerate(dialog.rows) if name == "further_quotes"]
    assert continuation_rows
    for row in continuation_rows:
        assert dialog.table.item(row, review.ACCEPT).checkState() == Qt.CheckState.Checked
