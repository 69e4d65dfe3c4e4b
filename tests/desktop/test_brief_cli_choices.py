"""``muntada brief`` refuses what it would not print: a selection with no ids (before: an empty
two-page brief), and figures given to an event or speaker brief (before: silently left out)."""

from __future__ import annotations

from desktop.cli import main


def test_an_empty_selection_is_refused_and_no_file_is_written(filled, tmp_path, capsys):
    filled.archive.close()
    output = tmp_path / "empty.pdf"
    code = main(["--archive", str(filled.archive.path), "--lang", "en", "brief", "--quotes", "", "-o", str(output)])
    assert code != 0 and not output.exists()
    assert "quote" in capsys.readouterr().err.lower()


def test_figures_with_an_event_brief_are_refused(filled, tmp_path, capsys):
    filled.archive.close()
    output = tmp_path / "event.pdf"
    code = main(["--archive", str(filled.archive.path), "--lang", "en", "brief", "--event", str(filled.event_id),
                 "--statistics", str(filled.statistic_id), "-o", str(output)])
    assert code != 0 and not output.exists()
    assert "--statistics" in capsys.readouterr().err


def test_figures_alone_make_a_selection(filled, tmp_path):
    filled.archive.close()
    output = tmp_path / "figures.pdf"
    assert main(["--archive", str(filled.archive.path), "brief", "--quotes", "", "--statistics",
                 str(filled.statistic_id), "-o", str(output)]) == 0
    assert output.read_bytes().startswith(b"%PDF")
