"""``muntada add`` and ``muntada edit``: each kind's fields as options, validated by the services."""

from __future__ import annotations

import json
from pathlib import Path

from desktop.cli import main


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_add_edit_show_and_list_a_figure_and_a_person(tmp_path: Path, capsys) -> None:
    archive = ("--lang", "en", "--archive", str(tmp_path / "a.sqlite"))
    assert run(capsys, *archive, "init")[0] == 0
    code, out, _ = run(capsys, *archive, "add", "person", "--name", "سالم الكندي", "--title", "مدير عام")
    assert code == 0 and "Added Person 1" in out
    code, out, err = run(capsys, *archive, "add", "statistic", "--figure-text", "12٪", "--subject", "نسبة البطالة",
                         "--speaker-id", "1", "--tags", "عمل، بطالة")
    assert code == 0, err
    code, out, err = run(capsys, *archive, "edit", "statistic", "1", "--verified", "yes", "--stated-on", "2025-01")
    assert code == 0, err
    code, out, _ = run(capsys, *archive, "show", "statistic", "1", "--json")
    shown = json.loads(out)
    assert shown["verified"] is True and shown["stated_on"] == "2025-01" and shown["speaker"]["name"] == "سالم الكندي"
    assert shown["subject"] == "نسبة البطالة" and sorted(shown["tags"]) == sorted(["عمل", "بطالة"])
    code, out, _ = run(capsys, *archive, "edit", "statistic", "1", "--subject", "")
    assert json.loads(run(capsys, *archive, "show", "statistic", "1", "--json")[1])["subject"] is None
    code, out, _ = run(capsys, *archive, "list", "statistics")
    assert code == 0 and "12٪" in out


def test_add_and_edit_refuse_bad_values_in_one_line(tmp_path: Path, capsys) -> None:
    archive = ("--lang", "en", "--archive", str(tmp_path / "a.sqlite"))
    run(capsys, *archive, "init")
    code, _, err = run(capsys, *archive, "add", "statistic")
    assert code != 0 and "--figure-text" in err and len(err.strip().splitlines()) == 1
    code, _, err = run(capsys, *archive, "add", "statistic", "--figure-text", "5", "--speaker-id", "x")
    assert code != 0 and "number" in err
    code, _, err = run(capsys, *archive, "add", "statistic", "--figure-text", "5", "--speaker-id", "7")
    assert code != 0 and "7" in err and "Traceback" not in err
    code, _, err = run(capsys, *archive, "edit", "quote", "3", "--text", "x")
    assert code != 0 and "3" in err
    code, _, err = run(capsys, *archive, "add", "quote", "--text", "x", "--verified", "maybe")
    assert code != 0 and "yes or no" in err


def test_a_source_with_section_and_page_and_a_figure_with_its_period(tmp_path: Path, capsys) -> None:
    archive = ("--lang", "en", "--archive", str(tmp_path / "a.sqlite"))
    run(capsys, *archive, "init")
    code, out, err = run(capsys, *archive, "add", "source", "--full-text", "بلغت نسبة البطالة 12% في 2024.",
                         "--outlet", "الوطن", "--section", "الاقتصاد", "--page", "12", "--kind", "article")
    assert code == 0 and "Added Source 1" in out, err
    code, out, err = run(capsys, *archive, "add", "statistic", "--figure-text", "12%", "--period", "2024")
    assert code == 0, err
    code, out, err = run(capsys, *archive, "edit", "statistic", "1", "--period", "2023-2024")
    assert code == 0, err
    assert json.loads(run(capsys, *archive, "show", "statistic", "1", "--json")[1])["period"] == "2023-2024"
    shown = json.loads(run(capsys, *archive, "show", "source", "1", "--json")[1])
    assert (shown["section"], shown["page"], shown["kind"]) == ("الاقتصاد", "12", "article")
    code, out, _ = run(capsys, *archive, "show", "source", "1")
    assert "Section: الاقتصاد" in out and "Page: 12" in out
