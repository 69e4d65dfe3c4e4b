"""``muntada search --limit`` takes a whole number from 1: "0" showed 20 results and "-3" one."""

from __future__ import annotations

import pytest

from desktop.cli import main

from .conftest import fill_archive


@pytest.mark.parametrize("argv", [["--limit", "0", "الهاتف"], ["--limit", "-3", "الهاتف"], ["الهاتف", "--limit", "0"],
                                  ["الهاتف", "--limit=-1"]])
def test_a_limit_below_one_is_refused_in_the_officers_words(archive, capsys, argv) -> None:
    fill_archive(archive)
    archive.close()
    try:
        code = main(["--archive", str(archive.path), "--lang", "en", "search", *argv])
    except SystemExit as stop:  # argparse's own refusal of an option before the query
        code = int(stop.code or 0)
    out, err = capsys.readouterr()
    assert code == 2 and out == "", out
    assert "--limit takes a number of results" in err, err
