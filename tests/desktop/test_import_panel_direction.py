"""The import panel's lines read in the interface's direction even when they begin with a Latin
file name ('a1256.txt — 4 اقتباسات' showed as '4 — a1256.txt اقتباسات' in the Arabic app)."""

from __future__ import annotations

from pathlib import Path

from bidi.algorithm import get_base_level, get_display

from tests.desktop.conftest import OWN_ARTICLES


def test_a_pending_article_named_by_its_file_reads_right_to_left(qtbot, window, tmp_path: Path):
    from archive.importing import service as importing

    text = (OWN_ARTICLES / "ministry-content-workshop.txt").read_text(encoding="utf-8")
    path = tmp_path / "a1256.txt"
    path.write_text(" ".join(text.split()), encoding="utf-8")  # one long paragraph: no headline, no title
    importing.import_files(window.workspace.archive, [path])
    window.importer.reload()
    rows = [window.importer.pending.item(row).text() for row in range(window.importer.pending.count())]
    named_by_file = [row for row in rows if "a1256.txt" in row]
    assert named_by_file
    assert all(get_base_level(row) == 1 for row in rows), rows
    # Laid out as Qt does (direction from the first strong letter), the name is read first: it
    # stands at the right end, the count to its left, not glued to it ("a1256.txt — 4").
    shown = get_display(named_by_file[0]).strip("\u200e\u200f")
    assert shown.endswith("a1256.txt"), shown
