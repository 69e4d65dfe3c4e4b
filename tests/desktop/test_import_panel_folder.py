"""'Choose files…' opens where the officer keeps articles: the Documents folder at first, then the
folder of the last import (before: the program's own working folder, C:\\Program Files\\… on Windows)."""

from __future__ import annotations

from pathlib import Path


def test_choosing_files_starts_in_documents_then_in_the_last_folder(qtbot, window, tmp_path: Path):
    from tests.desktop.conftest import OWN_ARTICLES

    panel = window.importer
    first = panel.start_folder()
    assert first.is_dir() and first != Path.cwd()
    folder = tmp_path / "press"
    folder.mkdir()
    article = folder / "article.txt"
    article.write_bytes((OWN_ARTICLES / "ministry-content-workshop.txt").read_bytes())
    panel.import_paths([article])
    assert panel.start_folder() == folder
    panel.import_paths([tmp_path])  # a folder dropped on the window: the next choice starts in it
    assert panel.start_folder() == tmp_path
