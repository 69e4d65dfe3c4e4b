"""``muntada import --accept-all`` as a user runs it, on a real archive file: records, sessions, re-import, failures.

The articles are our own text, written for these tests.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from desktop.cli import main

ARTICLE = """مسقط - الرؤية

افتتحت وزارة التربية منتدى التعليم الذكي الثالث في قاعة المؤتمرات بحضور عدد من التربويين.

وفي حلقة نقاشية بعنوان «المعلم والذكاء الاصطناعي» قالت الدكتورة سعاد بنت أحمد الهنائية إن المعلم سيبقى محور العملية التعليمية، وشارك في الحلقة نحو 200 معلم.

وأوضح الأستاذ ناصر بن خلفان العامري أن المنتدى سيصدر توصياته في نهاية الشهر.
"""

OTHER = """مسقط - الوطن

نظمت هيئة البيئة ملتقى المناخ الأول في مسقط.

وقال المهندس هلال بن سالم المعمري إن الملتقى يبحث حلولا عملية لخفض الانبعاثات.
"""


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _row_counts(path: Path) -> dict[str, int]:
    with sqlite3.connect(path) as connection:
        tables = [name for (name,) in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]
        return {table: connection.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0] for table in tables}


def test_import_accept_all_creates_event_sessions_quotes_and_figures_and_again_changes_nothing(
        tmp_path: Path, capsys) -> None:
    archive = tmp_path / "a.sqlite"
    article = tmp_path / "forum.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    assert run(capsys, "--archive", str(archive), "init")[0] == 0
    code, out, _ = run(capsys, "--lang", "en", "--archive", str(archive), "import", "--accept-all", str(article))
    assert code == 0
    assert out.strip() == ("forum.txt: imported as source 1 and accepted: "
                           "event 1, 1 session, 2 quotes, 1 figure, 2 people.")
    code, out, _ = run(capsys, "--archive", str(archive), "list", "sessions", "--json")
    listed = json.loads(out)
    assert [(item["kind"], item["title"], item["event"]["id"]) for item in listed] == [
        ("panel", "المعلم والذكاء الاصطناعي", 1)]
    code, out, _ = run(capsys, "--archive", str(archive), "list", "quotes", "--json")
    in_session = {quote["speaker"]["name"]: quote["session"] for quote in json.loads(out)}
    assert in_session["سعاد بنت أحمد الهنائية"]["id"] == listed[0]["id"]
    assert in_session["ناصر بن خلفان العامري"] is None
    code, out, _ = run(capsys, "--archive", str(archive), "list", "statistics", "--json")
    assert [(figure["figure_text"], figure["session"]["id"]) for figure in json.loads(out)] == [
        ("نحو 200 معلم", listed[0]["id"])]

    before = _row_counts(archive)
    code, out, _ = run(capsys, "--lang", "en", "--archive", str(archive), "import", "--accept-all", "--json",
                       str(article))
    assert code == 0 and json.loads(out)[0]["duplicate"] is True
    code, out, _ = run(capsys, "--lang", "en", "--archive", str(archive), "import", "--accept-all", str(article))
    assert out.strip() == "forum.txt: already in the archive (source 1); nothing changed."
    assert _row_counts(archive) == before


def test_a_file_that_cannot_be_accepted_is_one_line_and_leaves_nothing_while_the_others_go_on(
        tmp_path: Path, capsys) -> None:
    archive = tmp_path / "a.sqlite"
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "1-forum.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "in" / "2-climate.txt").write_text(OTHER, encoding="utf-8")
    run(capsys, "--archive", str(archive), "init")
    with sqlite3.connect(archive) as connection:  # the archive refuses the forum's second quote, midway
        connection.execute("CREATE TRIGGER refuse_quote BEFORE INSERT ON quote WHEN NEW.text LIKE '%توصياته%' "
                           "BEGIN SELECT RAISE(ABORT, 'quote refused'); END")
    before = _row_counts(archive)
    code, out, _ = run(capsys, "--lang", "en", "--archive", str(archive), "import", "--accept-all",
                       str(tmp_path / "in"))
    lines = out.splitlines()
    assert code == 1 and len(lines) == 2
    assert lines[0] == "1-forum.txt: skipped: the archive refused it, so nothing of it was stored: quote refused"
    assert lines[1].startswith("2-climate.txt: imported as source 1 and accepted: event 1, 0 sessions, 1 quote")
    after = _row_counts(archive)
    added = {table: after[table] - before[table] for table in after if after[table] != before[table]}
    # Only the climate article: its source, review, event, organiser, speaker and quote, with their audit and outbox.
    assert added["source"] == 1 and added["event"] == 1 and added["quote"] == 1 and added["person"] == 1
    assert added.get("session", 0) == 0 and added.get("statistic", 0) == 0
    with sqlite3.connect(archive) as connection:
        audited = {kind for (kind,) in connection.execute("SELECT DISTINCT record_kind FROM audit_entry")}
        queued = connection.execute("SELECT count(*) FROM outbox WHERE record_kind = 'session'").fetchone()[0]
    assert "session" not in audited and queued == 0


# --- import safety (issue 11) -----------------------------------------------------------------


def test_import_into_an_archive_that_does_not_exist_creates_nothing(tmp_path: Path, capsys) -> None:
    article = tmp_path / "forum.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    archive = tmp_path / "typo.sqlite"
    code, _, err = run(capsys, "--lang", "en", "--archive", str(archive), "import", str(article))
    assert code != 0 and not archive.exists()
    assert "muntada init" in err and err.count("\n") == 1 and "Traceback" not in err


def test_each_result_line_names_its_file_safely_and_warns_of_damaged_bytes(tmp_path: Path, capsys) -> None:
    import sys

    import pytest

    if sys.platform == "win32":
        pytest.skip("Windows file names cannot hold a newline")
    archive = tmp_path / "a.sqlite"
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "1-two\nlines.txt").write_text(ARTICLE, encoding="utf-8")
    data = OTHER.encode("utf-8")
    cut = data.index("هيئة".encode())  # between two characters: one bad byte
    (folder / "2-damaged.txt").write_bytes(data[:cut] + b"\xff" + data[cut:])
    run(capsys, "--archive", str(archive), "init")
    code, out, _ = run(capsys, "--lang", "en", "--archive", str(archive), "import", str(folder))
    assert code == 0
    assert out.splitlines() == [
        ("1-two\\nlines.txt: imported as source 1; proposals waiting for review (2 quotes, 1 figure, 2 people): "
         "'muntada review 1', or the app's Import page."),
        ("2-damaged.txt: imported as source 2; proposals waiting for review (1 quote, 0 figures, 1 person): "
         "'muntada review 2', or the app's Import page."),
        "2-damaged.txt: warning: 1 byte could not be read and was replaced with \ufffd",
    ]
    code, out, err = run(capsys, "--lang", "en", "extract", "--json", str(folder / "2-damaged.txt"))
    assert code == 0 and json.loads(out)["quotes"]
    assert err == "2-damaged.txt: warning: 1 byte could not be read and was replaced with \ufffd\n"


def test_a_failing_file_is_one_line_the_others_are_imported_and_the_exit_code_says_so(tmp_path: Path, capsys) -> None:
    archive = tmp_path / "a.sqlite"
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "1-odd.html").write_text('<html><head><meta charset="undefined"></head><body>'
                                       + "<div>" * 100_000 + "</div>" * 100_000 + "</body></html>", encoding="utf-8")
    (folder / "2-forum.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "3-climate.txt").write_text(OTHER, encoding="utf-8")
    run(capsys, "--archive", str(archive), "init")
    code, out, err = run(capsys, "--lang", "en", "--archive", str(archive), "import", str(folder))
    lines = out.splitlines()
    assert code == 1 and len(lines) == 3, out
    assert lines[0] == "1-odd.html: skipped: 1-odd.html is not a readable web page: its elements are nested too deeply."
    assert lines[1].startswith("2-forum.txt: imported as source 1")
    assert lines[2].startswith("3-climate.txt: imported as source 2")
    assert "Unexpected" not in err
    code, out, _ = run(capsys, "--lang", "en", "--archive", str(archive), "import", str(folder / "2-forum.txt"))
    assert code == 0  # a duplicate is not a failure


def test_the_import_line_counts_continuations_among_the_quotes(tmp_path: Path, capsys) -> None:
    article = tmp_path / "minister.txt"
    article.write_text(
        "وقال وزير الإعلام سالم بن خلفان الحارثي إن المنصات الرقمية أصبحت القناة الأولى للتواصل مع الجمهور، "
        "مشيرا إلى أن الوزارة ستطلق منصة جديدة للبيانات المفتوحة.\n", encoding="utf-8")
    archive = tmp_path / "a.sqlite"
    run(capsys, "--archive", str(archive), "init")
    code, out, _ = run(capsys, "--lang", "en", "--archive", str(archive), "import", str(article))
    assert code == 0
    assert "(2 quotes, 0 figures, 1 person)" in out
