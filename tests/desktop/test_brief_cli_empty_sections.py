"""``muntada brief --event/--speaker``: chosen sections that leave nothing to print are refused.

Before, ``--event ID --sections quotes`` for an event without quotes wrote a PDF whose one page
said "Nothing to show in this brief." and exited 0, while a selection in the same case was refused
(``test_brief_cli_sections.py``). Now the same: exit 2, one line naming the empty sections and
what to give instead, no file.
"""

from __future__ import annotations

from desktop.cli import main


def _brief(archive: str, chosen: list[str], sections: str, output, capsys) -> tuple[int, str]:
    code = main(["--archive", archive, "--lang", "en", "brief", *chosen, "--sections", sections,
                 "-o", str(output)])
    return code, capsys.readouterr().err


def test_an_event_brief_whose_sections_are_all_empty_is_refused_naming_them(filled, tmp_path, capsys):
    filled.archive.close()
    archive, output = str(filled.archive.path), tmp_path / "nothing.pdf"
    # The first edition holds one figure and nothing else: no quotes, sessions or coverage.
    code, err = _brief(archive, ["--event", str(filled.earlier_event_id)], "cover,quotes,sessions", output, capsys)
    assert code == 2 and not output.exists(), err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    # The first edition's figure is charted with the second's: statistics and charts would print.
    assert "sessions,quotes:" in lines[0] and "--sections statistics,charts " in lines[0], err
    # A section the event does have prints as before.
    code, err = _brief(archive, ["--event", str(filled.earlier_event_id)], "statistics", output, capsys)
    assert code == 0 and output.read_bytes().startswith(b"%PDF"), err


def test_the_cover_alone_is_nothing_to_print(filled, tmp_path, capsys):
    filled.archive.close()
    output = tmp_path / "cover.pdf"
    code, err = _brief(str(filled.archive.path), ["--event", str(filled.event_id)], "cover", output, capsys)
    assert code == 2 and not output.exists(), err
    assert "--sections cover,statistics," in err and "quotes,coverage" in err, err


def test_a_speaker_brief_whose_sections_are_empty_is_refused(filled, tmp_path, capsys):
    filled.archive.close()
    archive, output = str(filled.archive.path), tmp_path / "speaker.pdf"
    # The duplicate person said nothing and has no notes: nothing of theirs prints in any section.
    code, err = _brief(archive, ["--speaker", str(filled.duplicate_id)], "summary,quotes", output, capsys)
    assert code == 2 and not output.exists(), err
    assert len(err.strip().splitlines()) == 1 and "nothing to print in any section" in err, err
    # Sessions are not a section of a speaker brief: asked alone, nothing would print either.
    code, err = _brief(archive, ["--speaker", str(filled.speaker_id)], "sessions", output, capsys)
    assert code == 2 and not output.exists() and "--sections statistics,quotes" in err, err
    code, err = _brief(archive, ["--speaker", str(filled.speaker_id)], "cover,quotes", output, capsys)
    assert code == 0 and output.read_bytes().startswith(b"%PDF"), err


def test_the_refusal_reads_in_arabic(filled, tmp_path, capsys):
    filled.archive.close()
    output = tmp_path / "nothing.pdf"
    code = main(["--archive", str(filled.archive.path), "--lang", "ar", "brief", "--event",
                 str(filled.earlier_event_id), "--sections", "quotes", "-o", str(output)])
    err = capsys.readouterr().err
    assert code == 2 and not output.exists(), err
    assert "--sections statistics" in err and "nothing to print" not in err, err
    assert "لا شيء يُطبع" in err and "quotes" in err, err
