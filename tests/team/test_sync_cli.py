"""``muntada sync``, ``team pull`` and ``conflicts`` as officers run them: two desktops, one real
server, each finding the other's quotes with the real search index (issue 14)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from desktop.cli import main


@dataclass(frozen=True)
class Done:
    returncode: int
    stdout: str
    stderr: str


@pytest.fixture
def muntada(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """Run ``muntada --lang en --archive ARCHIVE ARGS`` with the desktop's own data folder."""
    def run(archive: Path, *arguments: str) -> Done:
        monkeypatch.setenv("MUNTADA_HOME", str(archive.parent / f"{archive.stem}-home"))
        capsys.readouterr()
        code = main(["--lang", "en", "--archive", str(archive), *arguments])
        out, err = capsys.readouterr()
        return Done(code, out, err)
    return run


def test_two_desktops_sync_and_each_finds_the_others_quotes(muntada, team_url: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    first, second = tmp_path / "first.sqlite", tmp_path / "second.sqlite"
    assert muntada(first, "init").returncode == 0
    assert muntada(first, "add", "quote", "--text", "أطلقنا منصة البيانات المفتوحة للباحثين").returncode == 0
    assert muntada(first, "team", "init", team_url).returncode == 0
    assert muntada(first, "team", "push", team_url).returncode == 0

    pulled = muntada(second, "team", "pull", team_url)  # a new laptop: the archive is made by the pull
    assert pulled.returncode == 0, pulled.stderr
    assert "Pulling: " in pulled.stdout and "Pulled: 1. Pushed: 0. New conflicts: 0." in pulled.stdout
    assert "البيانات المفتوحة" in muntada(second, "search", "المنصات").stdout  # another form of the word

    assert muntada(second, "add", "quote", "--text", "الحكومة الرقمية تختصر زمن الخدمة").returncode == 0
    assert muntada(first, "add", "quote", "--text", "نراهن على الشباب في قطاع الإعلام").returncode == 0
    synced = muntada(second, "sync")  # the address was saved by the pull
    assert synced.returncode == 0, synced.stderr
    assert "Pushing: 1/1" in synced.stdout and "Pulled: 0. Pushed: 1." in synced.stdout
    assert "Pulled: 1. Pushed: 1." in muntada(first, "sync").stdout
    assert "تختصر زمن الخدمة" in muntada(first, "search", "الرقمي").stdout
    assert "Pulled: 1. Pushed: 0." in muntada(second, "sync").stdout
    assert "قطاع الإعلام" in muntada(second, "search", "شباب").stdout


def test_a_conflict_is_listed_and_resolved_on_the_command_line(muntada, team_url: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    first, second = tmp_path / "first.sqlite", tmp_path / "second.sqlite"
    muntada(first, "init")
    muntada(first, "add", "person", "--name", "سالم الهاشمي")
    muntada(first, "team", "init", team_url)
    muntada(first, "team", "push", team_url)
    muntada(second, "team", "pull", team_url)
    muntada(first, "edit", "person", "1", "--title", "وزير الإعلام")
    muntada(second, "edit", "person", "1", "--title", "المتحدث الرسمي")
    muntada(first, "sync")
    synced = muntada(second, "sync")
    assert "New conflicts: 1." in synced.stdout and "Open conflicts: 1." in synced.stdout
    listed = muntada(second, "conflicts")
    assert "سالم الهاشمي" in listed.stdout and "Person" in listed.stdout.splitlines()[0]
    assert "Title (title): mine = المتحدث الرسمي | theirs = وزير الإعلام" in listed.stdout  # label, --field name
    conflict_id = listed.stdout.split()[0]
    refused = muntada(second, "conflicts", conflict_id, "--field", "title")
    assert refused.returncode == 2 and len(refused.stderr.strip().splitlines()) == 1
    assert muntada(second, "conflicts", conflict_id, "--keep", "theirs").returncode == 0
    assert "No open conflicts." in muntada(second, "conflicts").stdout
    assert "وزير الإعلام" in muntada(second, "show", "person", "1").stdout


def test_sync_with_an_unreachable_server_is_exit_3_and_one_line(muntada, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    archive = tmp_path / "desk.sqlite"
    muntada(archive, "init")
    done = muntada(archive, "sync", "postgresql://amina@127.0.0.1:9/muntada?connect_timeout=2")
    assert done.returncode == 3
    assert len(done.stderr.strip().splitlines()) == 1 and "cannot be reached" in done.stderr


def test_the_sample_archive_never_reaches_the_team_from_the_command_line(muntada, team_url: str,  # type: ignore[no-untyped-def]
                                                                         tmp_path: Path) -> None:
    """The refusal is the domain's (archive.team), not only the app's: push and sync both refuse."""
    sample, own = tmp_path / "sample.sqlite", tmp_path / "own.sqlite"
    assert muntada(sample, "demo").returncode == 0
    assert muntada(sample, "team", "init", team_url).returncode == 0
    pushed = muntada(sample, "team", "push", team_url)
    assert pushed.returncode != 0 and "sample archive" in pushed.stderr
    synced = muntada(sample, "sync", team_url)
    assert synced.returncode != 0 and "sample archive" in synced.stderr
    assert muntada(own, "team", "pull", team_url).returncode == 0
    assert "Nothing to list." in muntada(own, "list", "quotes").stdout  # none of the invented quotes reached it
