"""``muntada brief``: a selection none of whose records fits the chosen sections is refused, and its help line.

Before, ``--quotes 1 --sections sessions`` wrote a PDF saying "Nothing to show in this brief." and
exited 0; and the command's help line was the only capitalised one ("Write a brief ...").
"""

from __future__ import annotations

import pytest

from desktop.cli import main


def test_a_selection_that_fits_none_of_the_sections_is_refused_and_no_file_is_written(filled, tmp_path, capsys):
    filled.archive.close()
    archive = str(filled.archive.path)
    for chosen, sections, fitting in ((["--quotes", str(filled.quote_id)], "sessions", "quotes"),
                                      (["--quotes", str(filled.quote_id)], "cover,statistics", "quotes"),
                                      (["--quotes", str(filled.quote_id), "--statistics", str(filled.statistic_id)],
                                       "sessions", "statistics,quotes")):
        output = tmp_path / "nothing.pdf"
        code = main(["--archive", archive, "--lang", "en", "brief", *chosen, "--sections", sections,
                     "-o", str(output)])
        err = capsys.readouterr().err
        assert code == 2 and not output.exists(), err
        lines = err.strip().splitlines()
        assert len(lines) == 1 and sections in lines[0] and f"--sections {fitting}" in lines[0], err
    output = tmp_path / "quotes.pdf"
    assert main(["--archive", archive, "brief", "--quotes", str(filled.quote_id), "--sections", "cover,quotes",
                 "-o", str(output)]) == 0
    assert output.read_bytes().startswith(b"%PDF")


def test_the_brief_help_line_reads_like_every_other_commands_in_both_languages(capsys) -> None:
    lines = {}
    for language in ("en", "ar"):
        with pytest.raises(SystemExit):
            main(["--lang", language, "--help"])
        out = capsys.readouterr().out
        lines[language] = next(line.split(None, 1)[1] for line in out.splitlines() if line.split()[:1] == ["brief"])
    assert lines["en"] == "write a brief as a PDF file", lines
    assert lines["ar"] == "إنشاء موجز في ملف PDF", lines
