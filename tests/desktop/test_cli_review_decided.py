"""``muntada review ID`` on an article already decided says so: when, accepted or rejected, no invitation.

Before, it showed the proposals and said "Accept them all with ...", and ``--accept`` then refused.
"""

from __future__ import annotations

import json
from pathlib import Path

from tests.desktop.test_cli_review import imported, run


def test_an_accepted_article_says_when_it_was_accepted_and_invites_nothing(tmp_path: Path, capsys) -> None:
    archive = imported(tmp_path, capsys)
    assert run(capsys, "--archive", str(archive), "review", "1", "--accept")[0] == 0
    code, out, _ = run(capsys, "--archive", str(archive), "review", "1")
    assert code == 0 and "already accepted on 20" in out, out
    assert "--accept" not in out and "Accept them all" not in out, out
    assert "سعاد بنت أحمد الهنائية" not in out, out  # the proposals are no longer offered
    code, out, _ = run(capsys, "--archive", str(archive), "review", "1", "--json")
    decision = json.loads(out)["decision"]
    assert decision["status"] == "accepted" and decision["decided_at"].startswith("20"), decision


def test_a_rejected_article_says_it_was_rejected_and_nothing_was_stored(tmp_path: Path, capsys) -> None:
    archive = imported(tmp_path, capsys)
    assert run(capsys, "--archive", str(archive), "review", "2", "--reject")[0] == 0
    code, out, _ = run(capsys, "--archive", str(archive), "review", "2")
    assert code == 0 and "already rejected on 20" in out and "--accept" not in out, out
    code, out, _ = run(capsys, "--lang", "ar", "--archive", str(archive), "review", "2")
    assert code == 0 and "رُفضت" in out and "--accept" not in out, out


def test_a_waiting_article_still_invites_a_decision(tmp_path: Path, capsys) -> None:
    archive = imported(tmp_path, capsys)
    code, out, _ = run(capsys, "--archive", str(archive), "review", "1")
    assert code == 0 and "--accept" in out, out
    assert json.loads(run(capsys, "--archive", str(archive), "review", "1", "--json")[1])["decision"] is None
