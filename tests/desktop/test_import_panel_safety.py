"""The import panel reports what was lost reading a file, and goes on past files that fail (issue 11)."""

from __future__ import annotations

from pathlib import Path

from tests.desktop.conftest import OWN_ARTICLES


def test_damaged_bytes_are_shown_in_the_panel_and_a_bad_file_does_not_stop_the_others(qtbot, window, tmp_path: Path):
    from archive.i18n import ntr, tr

    data = (OWN_ARTICLES / "youth-media-forum-sohar.txt").read_bytes()
    cut = data.index(b"\n") + 1  # a character boundary
    (tmp_path / "1-damaged.txt").write_bytes(data[:cut] + b"\xff\xfe" + data[cut:])
    (tmp_path / "2-odd.html").write_text('<html><head><meta charset="undefined"></head><body>'
                                         + "<div>" * 50_000 + "</div>" * 50_000 + "</body></html>", encoding="utf-8")
    (tmp_path / "3-good.txt").write_bytes((OWN_ARTICLES / "ministry-content-workshop.txt").read_bytes())
    window.importer.import_paths([tmp_path])
    report = window.importer.report.text()
    warning = ntr("{n} byte could not be read and was replaced with \ufffd",
                  "{n} bytes could not be read and were replaced with \ufffd", 2)
    assert tr("{file}: warning: {warning}", file="1-damaged.txt", warning=warning) in report.splitlines()
    assert " ".join([ntr("{n} article imported.", "{n} articles imported.", 2),
                     ntr("{n} was skipped.", "{n} were skipped.", 1)]) in report.splitlines()
    assert "2-odd.html" in report
