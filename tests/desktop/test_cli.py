"""The ``muntada`` command line as a user runs it: real archive files, real output, exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.cli import main

REPO = Path(__file__).resolve().parents[2]


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_init_info_check_backup_on_a_new_archive(tmp_path: Path, capsys) -> None:
    path = tmp_path / "mine.sqlite"
    code, out, _ = run(capsys, "--lang", "en", "--archive", str(path), "init")
    assert code == 0 and "Created an empty archive" in out and path.exists()
    code, out, _ = run(capsys, "--archive", str(path), "info", "--json")
    info = json.loads(out)
    assert code == 0 and info["counts"]["quote"] == 0 and info["schema_version"] == info["newest_schema_version"]
    code, out, _ = run(capsys, "--lang", "en", "--archive", str(path), "check")
    assert code == 0 and "sound" in out
    code, out, _ = run(capsys, "--lang", "en", "--archive", str(path), "backup", "--to", str(tmp_path / "copy.sqlite"))
    assert code == 0 and (tmp_path / "copy.sqlite").exists()


def test_default_archive_lives_in_the_data_folder(capsys) -> None:
    code, _, _ = run(capsys, "--lang", "en", "init")
    assert code == 0
    assert (Path(os.environ["MUNTADA_HOME"]) / "archive.sqlite").exists()


def test_errors_are_one_translated_line_and_a_non_zero_exit(tmp_path: Path, capsys) -> None:
    not_sqlite = tmp_path / "notes.sqlite"
    not_sqlite.write_text("نص عادي", encoding="utf-8")
    code, out, err = run(capsys, "--archive", str(not_sqlite), "info")
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "ليس أرشيفًا لمنتدى" in err and "Traceback" not in err
    code, _, err = run(capsys, "--lang", "en", "--archive", str(tmp_path / "nowhere" / "a.sqlite"), "info")
    assert code == 2 and "does not exist" in err and "Traceback" not in err
    code, _, err = run(capsys, "--lang", "en", "--archive", str(tmp_path / "absent.sqlite"), "info")
    assert code == 2 and "muntada init" in err
    assert not (tmp_path / "absent.sqlite").exists()


def test_show_of_a_missing_record_is_a_clear_error(tmp_path: Path, capsys) -> None:
    path = tmp_path / "a.sqlite"
    run(capsys, "--archive", str(path), "init")
    code, _, err = run(capsys, "--lang", "en", "--archive", str(path), "show", "quote", "42")
    assert code == 2 and err.strip() == "Quote 42 does not exist."


def test_sample_archive_lists_quotes_with_speaker_event_and_provenance(tmp_path: Path, capsys) -> None:
    path = tmp_path / "sample.sqlite"
    code, _, _ = run(capsys, "--archive", str(path), "demo")
    assert code == 0
    code, out, _ = run(capsys, "--archive", str(path), "info", "--json")
    info = json.loads(out)
    assert info["is_sample"] and info["counts"]["quote"] > 50 and info["counts"]["event"] >= 10
    code, out, _ = run(capsys, "--archive", str(path), "list", "quotes", "--json")
    listed = json.loads(out)
    assert code == 0 and len(listed) == info["counts"]["quote"]
    with_source = [quote for quote in listed if quote["source"]]
    assert with_source, "sample quotes carry their provenance"
    quote = with_source[0]
    assert {"id", "text", "speaker", "event", "source"} <= quote.keys()
    assert {"id", "name"} <= quote["speaker"].keys() and {"id", "name"} <= quote["event"].keys()
    assert {"id", "start", "end", "file_name"} <= quote["source"].keys()
    code, out, _ = run(capsys, "--archive", str(path), "show", "source", str(quote["source"]["id"]), "--json")
    source = json.loads(out)
    assert source["full_text"][quote["source"]["start"] : quote["source"]["end"]] == quote["text"]
    code, _, _ = run(capsys, "--archive", str(path), "demo")
    assert code == 2  # never overwrites an existing archive


@pytest.mark.parametrize("kind", ["events", "sessions", "people", "organisations", "statistics", "sources", "series"])
def test_every_kind_lists_as_json_with_its_links(sample_archive: Path, capsys, kind: str) -> None:
    path = sample_archive
    code, out, _ = run(capsys, "--archive", str(path), "list", kind, "--json")
    listed = json.loads(out)
    assert code == 0 and listed and all("id" in item for item in listed)
    code, out, _ = run(capsys, "--archive", str(path), "list", kind)
    assert code == 0 and len(out.splitlines()) == len(listed)


def test_the_command_line_imports_no_qt(tmp_path: Path) -> None:
    script = (
        "import sys; from desktop.cli import main; "
        f"code = main(['--archive', {str(tmp_path / 'a.sqlite')!r}, 'init']); "
        "assert code == 0, code; "
        "qt = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))]; "
        "assert not qt, qt"
    )
    result = subprocess.run([sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
