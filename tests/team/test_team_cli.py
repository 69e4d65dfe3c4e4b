"""``muntada team init`` and ``team push`` as an officer runs them, against a real server.

The command line runs in this process (``desktop.cli.main``, as tests/desktop/test_cli.py does):
a process of its own costs seconds, and only the crash test needs one (test_push_crash.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail

from desktop.cli import main
from tests.team.conftest import PostgresServer
from tests.team.file_keyring import FILE_VARIABLE, FileKeyring

PASSWORD = "sesame-٣٤٥"


@dataclass(frozen=True)
class Done:
    returncode: int
    stdout: str
    stderr: str


@pytest.fixture
def keyring_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A credential store the test can read (test machines have none), put back afterwards."""
    previous = keyring.get_keyring()
    monkeypatch.setenv(FILE_VARIABLE, str(tmp_path / "keyring.json"))
    keyring.set_keyring(FileKeyring())
    yield tmp_path / "keyring.json"
    keyring.set_keyring(previous)


@pytest.fixture
def no_credential_store() -> Iterator[None]:
    """No credential store at all, as on a bare Linux desktop."""
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(previous)


@pytest.fixture
def muntada(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """Run ``muntada --lang en ARGS`` with MUNTADA_HOME=home; returns its exit code and output."""
    def run(*arguments: str, home: Path) -> Done:
        monkeypatch.setenv("MUNTADA_HOME", str(home))
        monkeypatch.delenv("PGPASSWORD", raising=False)
        capsys.readouterr()
        code = main(["--lang", "en", *arguments])
        out, err = capsys.readouterr()
        return Done(code, out, err)
    return run


def one_clear_line(done: Done) -> str:
    assert done.returncode != 0
    assert "Traceback" not in done.stderr + done.stdout and "Unexpected" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    return lines[0]


@pytest.fixture
def officer_url(postgres_server: PostgresServer, team_database: str) -> str:
    """The address of the team database for the role ``officer``, who owns it and logs in with a password."""
    engine = postgres_server.admin_engine()
    with engine.connect() as connection:
        connection.exec_driver_sql(
            "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'officer') THEN "
            "CREATE ROLE officer LOGIN; END IF; END $$")
        connection.exec_driver_sql(f"ALTER ROLE officer PASSWORD '{PASSWORD}'")
        connection.exec_driver_sql(f'ALTER DATABASE "{team_database}" OWNER TO officer')
    engine.dispose()
    return postgres_server.url(team_database, user="officer")


@pytest.mark.parametrize("address", [
    "postgresql://officer@/team?host=/nonexistent-muntada-folder",  # no server at that socket
    "postgresql://officer@127.0.0.1:1/team",  # nothing listens on port 1
])
def test_an_unreachable_server_is_one_clear_line(muntada, tmp_path: Path, address: str) -> None:
    done = muntada("team", "init", address, home=tmp_path)
    line = one_clear_line(done)
    assert done.returncode == 3
    assert line.startswith("The team server postgresql://officer@") and "cannot be reached" in line
    assert "try again later" in line


def test_sslmode_in_the_address_reaches_the_connection(muntada, tmp_path: Path, team_url: str) -> None:
    """libpq itself judges sslmode: an invalid one is its error, so the option was passed through."""
    done = muntada("team", "init", f"{team_url}&sslmode=bogus", home=tmp_path)
    assert "sslmode" in one_clear_line(done)


def test_an_address_that_is_not_postgresql_is_refused(muntada, tmp_path: Path) -> None:
    line = one_clear_line(muntada("team", "init", "mysql://officer:secret@host/team", home=tmp_path))
    assert "is not a team server address" in line and "secret" not in line


def test_push_without_any_server_set_up_says_how_to_set_one_up(muntada, tmp_path: Path) -> None:
    assert "muntada init" not in muntada("init", home=tmp_path).stderr
    line = one_clear_line(muntada("team", "push", home=tmp_path))
    assert "No team server is set up" in line and "muntada team init" in line and "muntada sync postgresql" in line


def test_init_then_push_keep_the_password_in_the_credential_store_only(
        muntada, tmp_path: Path, officer_url: str, sample_archive: Path, keyring_file: Path) -> None:
    home = tmp_path / "home"
    with_password = officer_url.replace("officer@", f"officer:{PASSWORD}@")

    done = muntada("team", "init", with_password, home=home)
    assert done.returncode == 0, done.stderr
    assert "The team archive is ready at postgresql://officer@" in done.stdout
    assert "credential store" in done.stdout
    assert PASSWORD in keyring_file.read_text(encoding="utf-8")
    for path in home.rglob("*"):
        assert not path.is_file() or PASSWORD not in path.read_text(encoding="utf-8", errors="replace"), path

    # No address and no password given: the saved address and the kept password are used.
    done = muntada("--archive", str(sample_archive), "team", "push", home=home)
    assert done.returncode == 0, done.stderr
    assert "Uploading quote:" in done.stdout and "was uploaded to the team archive" in done.stdout

    again = one_clear_line(muntada("--archive", str(sample_archive), "team", "push", home=home))
    assert "already holds records" in again


def test_a_wrong_password_is_one_clear_line_and_never_replaces_the_kept_one(
        muntada, tmp_path: Path, officer_url: str, keyring_file: Path) -> None:
    right = officer_url.replace("officer@", f"officer:{PASSWORD}@")
    assert muntada("team", "init", right, home=tmp_path).returncode == 0
    wrong = officer_url.replace("officer@", "officer:wrong@")
    refused = muntada("team", "init", wrong, home=tmp_path)
    if refused.returncode == 0:  # only a server given by MUNTADA_TEST_POSTGRES: ours asks for passwords
        pytest.skip("the server of MUNTADA_TEST_POSTGRES trusts every login (pg_hba.conf): no wrong password")
    line = one_clear_line(refused)
    assert "refused the login of officer" in line and "officer:wrong" not in line
    assert PASSWORD in keyring_file.read_text(encoding="utf-8")
    done = muntada("team", "init", officer_url, home=tmp_path)  # no password given: the kept one
    assert done.returncode == 0 and "already prepared" in done.stdout, done.stderr


def test_without_a_credential_store_the_password_still_works_for_the_command(
        muntada, tmp_path: Path, officer_url: str, no_credential_store: None) -> None:
    with_password = officer_url.replace("officer@", f"officer:{PASSWORD}@")
    done = muntada("team", "init", with_password, home=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "could not be kept" in done.stderr
    assert PASSWORD not in (tmp_path / "team.json").read_text(encoding="utf-8")
