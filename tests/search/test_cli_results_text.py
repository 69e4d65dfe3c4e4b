"""``muntada search`` prints a record that is its own text once, the hit in its title (marked only on a terminal)."""

from __future__ import annotations

from desktop.cli import main

from .conftest import fill_archive


def test_a_figure_that_is_its_own_text_is_printed_once(archive, capsys) -> None:
    fill_archive(archive)
    archive.close()
    assert main(["--archive", str(archive.path), "--lang", "en", "search", "الهاتف", "--kind", "statistic"]) == 0
    lines = [line for line in capsys.readouterr().out.splitlines() if line.strip()]
    figure_lines = [line for line in lines if "يتابعون الأخبار" in line]
    assert len(figure_lines) == 1, lines
    # Printed to a program (not a terminal), the hit is unmarked (test_cli_hit_marks: never «…»).
    assert "الهاتف" in figure_lines[0] and "«" not in figure_lines[0] and figure_lines[0].startswith("[statistic ")
