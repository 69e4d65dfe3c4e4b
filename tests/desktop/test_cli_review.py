"""``muntada review``: an article imported from the command line can be reviewed there too.

Before, ``muntada import`` left proposals that only the app's Import page could accept, and its
output did not say so.
"""

from __future__ import annotations

import json
from pathlib import Path

from desktop.cli import main
from tests.desktop.test_import_cli import ARTICLE, OTHER


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["--lang", "en", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def imported(tmp_path: Path, capsys) -> Path:
    archive = tmp_path / "a.sqlite"
    assert run(capsys, "--archive", str(archive), "init")[0] == 0
    for name, text in (("education.txt", ARTICLE), ("climate.txt", OTHER)):
        (tmp_path / name).write_text(text, encoding="utf-8")
        code, out, _ = run(capsys, "--archive", str(archive), "import", str(tmp_path / name))
        assert code == 0, out
    return archive


def test_import_says_where_its_proposals_wait(tmp_path: Path, capsys) -> None:
    archive = tmp_path / "a.sqlite"
    run(capsys, "--archive", str(archive), "init")
    (tmp_path / "education.txt").write_text(ARTICLE, encoding="utf-8")
    code, out, _ = run(capsys, "--archive", str(archive), "import", str(tmp_path / "education.txt"))
    assert code == 0 and "'muntada review 1'" in out and "Import page" in out, out


def test_review_lists_shows_and_accepts_an_articles_proposals(tmp_path: Path, capsys) -> None:
    archive = imported(tmp_path, capsys)
    code, out, _ = run(capsys, "--archive", str(archive), "review")
    assert code == 0
    rows = [line.split() for line in out.splitlines() if line[:5].strip().isdigit()]
    assert [row[0] for row in rows] == ["1", "2"], out
    code, out, _ = run(capsys, "--archive", str(archive), "review", "1")
    assert code == 0 and "سعاد بنت أحمد الهنائية" in out and "--accept" in out, out

    code, out, _ = run(capsys, "--archive", str(archive), "review", "1", "--accept")
    assert code == 0 and "The proposals of source 1 were accepted" in out, out
    code, out, _ = run(capsys, "--archive", str(archive), "list", "quotes", "--json")
    assert any("المعلم سيبقى محور العملية التعليمية" in quote["text"] for quote in json.loads(out)), out
    code, out, _ = run(capsys, "--archive", str(archive), "review", "--json")
    assert [row["source_id"] for row in json.loads(out)] == [2]

    code, out, err = run(capsys, "--archive", str(archive), "review", "1", "--accept")
    assert code != 0 and "already reviewed" in err, (out, err)  # never the same records twice


def test_an_acceptance_is_undone_like_any_change(tmp_path: Path, capsys) -> None:
    archive = imported(tmp_path, capsys)
    run(capsys, "--archive", str(archive), "review", "1", "--accept")
    assert run(capsys, "--archive", str(archive), "undo")[0] == 0
    out = run(capsys, "--archive", str(archive), "list", "quotes", "--json")[1]
    assert json.loads(out) == []


def test_a_rejected_article_stays_and_leaves_the_list(tmp_path: Path, capsys) -> None:
    archive = imported(tmp_path, capsys)
    code, out, _ = run(capsys, "--archive", str(archive), "review", "2", "--reject")
    assert code == 0 and "rejected" in out
    code, out, _ = run(capsys, "--archive", str(archive), "review", "--json")
    assert [row["source_id"] for row in json.loads(out)] == [1]
    code, out, _ = run(capsys, "--archive", str(archive), "list", "sources", "--json")
    assert len(json.loads(out)) == 2
    out = run(capsys, "--archive", str(archive), "list", "quotes", "--json")[1]
    assert json.loads(out) == []
    code, out, err = run(capsys, "--archive", str(archive), "review", "--accept")
    assert code == 2 and "muntada review ID --accept" in err


def test_an_article_naming_no_event_is_accepted_with_no_event_said_in_words(tmp_path: Path, capsys) -> None:
    """An agency release with a quote and no forum: the acceptance says "no event" (it printed "event -"),
    in both languages, and from 'import --accept-all' as from 'review --accept'."""
    archive = tmp_path / "a.sqlite"
    run(capsys, "--archive", str(archive), "init")
    release = "أعلنت الوزارة اليوم خطة جديدة. وقال وزير النقل سالم بن ناصر الحارثي إن الخطة تشمل 12 طريقا.\n"
    (tmp_path / "release.txt").write_text(release, encoding="utf-8")
    (tmp_path / "again.txt").write_text(release.replace("12", "14"), encoding="utf-8")
    code, out, _ = run(capsys, "--archive", str(archive), "import", str(tmp_path / "release.txt"))
    code, out, _ = run(capsys, "--archive", str(archive), "review", "1", "--accept")
    assert code == 0 and "The proposals of source 1 were accepted: no event, 0 sessions, 1 quote" in out, out
    code = main(["--lang", "ar", "--archive", str(archive), "import", "--accept-all", str(tmp_path / "again.txt")])
    out = capsys.readouterr().out
    assert code == 0 and "وقُبلت مقترحاته: لا فعالية، " in out and "-" not in out.split("مقترحاته:")[1], out
