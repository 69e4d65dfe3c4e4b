"""The import panel says when no article waits for review, instead of an empty box and a
"Review…" button that does nothing; the note goes as soon as an article waits."""

from __future__ import annotations

from pathlib import Path

from tests.desktop.conftest import OWN_ARTICLES


def test_the_panel_says_nothing_waits_until_an_article_is_imported_and_again_once_it_is_reviewed(
        qtbot, window, tmp_path: Path):
    from archive.importing import service as importing

    panel = window.importer
    panel.reload()
    assert panel.pending.count() == 0
    assert panel.nothing_waiting.isVisibleTo(panel)
    assert panel.nothing_waiting.text().startswith("لا توجد مقالات تنتظر المراجعة.")
    assert not panel.review_button.isEnabled()

    path = tmp_path / "workshop.txt"
    path.write_text((OWN_ARTICLES / "ministry-content-workshop.txt").read_text(encoding="utf-8"), encoding="utf-8")
    [result] = importing.import_files(window.workspace.archive, [path])
    panel.reload()
    assert panel.pending.count() == 1
    assert not panel.nothing_waiting.isVisibleTo(panel)
    assert panel.review_button.isEnabled()

    importing.reject_proposals(window.workspace.archive, result.source_id)
    panel.reload()
    assert panel.pending.count() == 0
    assert panel.nothing_waiting.isVisibleTo(panel)
    assert not panel.review_button.isEnabled()
