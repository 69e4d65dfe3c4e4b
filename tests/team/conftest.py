"""A throwaway PostgreSQL server for the team archive's tests, and a fresh database per test.

The server named by ``MUNTADA_TEST_POSTGRES`` (a ``postgresql://`` URL of a role that may
create databases and roles; other roles should log in with passwords, or the test of a wrong
password skips) is used when set. Otherwise one is started for the run: ``initdb`` into a
temporary folder and ``pg_ctl start`` listening only on a Unix socket in that folder (no TCP
port to clash with), stopped and removed at the end. PostgreSQL refuses to run as root, so
when the tests run as root (CI) the server runs as the unprivileged ``postgres`` user (or
``nobody``) through ``runuser``, and the folder is handed to that user.

Without PostgreSQL's programs the team tests skip, and the run says so in one line at its end;
in CI (``CI=true``) they must run, so their absence fails the run (``python dev.py test``
installs Debian's ``postgresql``).

Local connections as ``muntada`` (the server's superuser here) are trusted; every other role
logs in with a password (``scram-sha-256``), so tests can check a refused login.
"""

from __future__ import annotations

import os
import pwd
import shutil
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import create_engine
from sqlalchemy.engine import Engine, make_url

from tests.conftest import TEAM_SKIP_MARK, running_in_ci

SUPERUSER = "muntada"
SKIP_MARK = TEAM_SKIP_MARK  # the root conftest.py counts these skips at the end of the run
UNPRIVILEGED_USERS = ("postgres", "nobody")


@dataclass(frozen=True)
class PostgresServer:
    """A server the tests may create databases on: ``url(database)`` gives a user's address."""

    admin_url: str  # postgresql://... of a role that may create databases and roles
    socket_folder: Path | None  # the Unix socket folder of a server we started, else None

    def url(self, database: str, user: str | None = None, password: str | None = None) -> str:
        parsed = make_url(self.admin_url).set(database=database)
        if user is not None:
            parsed = parsed.set(username=user, password=password)
        return parsed.render_as_string(hide_password=False)

    def admin_engine(self, database: str = "postgres") -> Engine:
        url = make_url(self.url(database)).set(drivername="postgresql+psycopg")
        return create_engine(url, isolation_level="AUTOCOMMIT")


def postgres_bin_folder() -> Path | None:
    """The folder of ``initdb`` and ``pg_ctl``: on the PATH, else Debian's newest version."""
    found = shutil.which("initdb")
    if found and shutil.which("pg_ctl"):
        return Path(found).resolve().parent
    versions = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=lambda path: int(path.parts[-3]))
    return versions[-1].parent if versions else None


def _as_server_user(command: list[str], folder: Path) -> list[str]:
    """``command`` run as an unprivileged user when we are root (PostgreSQL refuses root)."""
    if os.name == "nt" or os.geteuid() != 0:
        return command
    for name in UNPRIVILEGED_USERS:
        try:
            user = pwd.getpwnam(name)
        except KeyError:
            continue
        for path in [folder, *folder.rglob("*")]:
            os.chown(path, user.pw_uid, user.pw_gid)
        return ["runuser", "-u", name, "--", *command]
    pytest.fail("the tests run as root and there is no unprivileged user (postgres, nobody) for PostgreSQL")


def _start_server(folder: Path, bin_folder: Path) -> None:
    data = folder / "data"

    def run(command: list[str]) -> None:
        done = subprocess.run(_as_server_user(command, folder), capture_output=True, text=True, timeout=120)
        if done.returncode != 0:
            pytest.fail(f"{Path(command[0]).name} failed ({done.returncode}): {done.stderr.strip()}")

    run([str(bin_folder / "initdb"), "-D", str(data), "-U", SUPERUSER, "-E", "UTF8", "--no-locale", "--auth=trust"])
    # Only Unix-socket connections; the superuser is trusted, every other role needs its password.
    (data / "pg_hba.conf").write_text(f"local all {SUPERUSER} trust\nlocal all all scram-sha-256\n")
    options = f"-k {folder} -c listen_addresses='' -F -c max_connections=60"
    run([str(bin_folder / "pg_ctl"), "start", "-D", str(data), "-w", "-t", "60", "-l", str(folder / "server.log"),
         "-o", options])


def _stop_server(folder: Path, bin_folder: Path) -> None:
    subprocess.run(_as_server_user([str(bin_folder / "pg_ctl"), "stop", "-D", str(folder / "data"), "-m",
                                    "immediate", "-w"], folder), capture_output=True, timeout=60)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """The PostgreSQL server of this run (see the module's docstring)."""
    given = os.environ.get("MUNTADA_TEST_POSTGRES", "").strip()
    if given:
        yield PostgresServer(admin_url=given, socket_folder=None)
        return
    bin_folder = postgres_bin_folder()
    if bin_folder is None or os.name == "nt":
        reason = (f"{SKIP_MARK} 15+ (initdb and pg_ctl not found; install Debian's postgresql, "
                  "or set MUNTADA_TEST_POSTGRES to a server's postgresql:// URL)")
        if running_in_ci():
            pytest.fail(f"CI=true: {reason}")
        pytest.skip(reason)
    folder = Path(tempfile.mkdtemp(prefix="muntada-pg-", dir="/tmp" if Path("/tmp").is_dir() else None))
    try:
        _start_server(folder, bin_folder)
        yield PostgresServer(admin_url=f"postgresql://{SUPERUSER}@/postgres?host={folder}", socket_folder=folder)
    finally:
        _stop_server(folder, bin_folder)
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def team_database(postgres_server: PostgresServer) -> Iterator[str]:
    """The name of a new, empty database of this test's own on the server (dropped afterwards)."""
    name = f"muntada_test_{uuid.uuid4().hex[:12]}"
    engine = postgres_server.admin_engine()
    try:
        with engine.connect() as connection:
            connection.exec_driver_sql(f'CREATE DATABASE "{name}" ENCODING \'UTF8\' TEMPLATE template0')
        yield name
        with engine.connect() as connection:
            connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        engine.dispose()


@pytest.fixture
def team_url(postgres_server: PostgresServer, team_database: str) -> str:
    """The address of this test's empty team database, as an officer types it."""
    return postgres_server.url(team_database)


@pytest.fixture
def sample_archive(sample_archive: Path) -> Path:
    """The sample archive's records as an officer's own archive: the sample mark removed.

    The sample archive itself is refused by ``team push`` and ``sync`` (``archive.team.sample_guard``);
    the team tests need an archive full of records that may be pushed.
    """
    import sqlite3

    from archive.services.maintenance import SAMPLE_MARK

    with sqlite3.connect(sample_archive) as connection:
        connection.execute("DELETE FROM archive_meta WHERE key = ?", (SAMPLE_MARK,))
    return sample_archive
