"""What an officer is told when the team server refuses the login (with and without a credential store,
against a real server) and when the archive is the sample: true, and something they can do."""

from __future__ import annotations

from pathlib import Path

import pytest

from archive.db.engine import open_archive
from archive.services.maintenance import mark_as_sample
from archive.team.errors import SampleArchiveNotSyncedError
from archive.team.server import make_engine, parse_address
from archive.team.sync import sync_archive
from tests.team.conftest import PostgresServer, postgres_server, team_database  # noqa: F401 (fixtures)
from tests.team.test_team_cli import (  # noqa: F401 (fixtures)
    keyring_file,
    muntada,
    no_credential_store,
    officer_url,
    one_clear_line,
)


def refused_line(muntada, tmp_path: Path, officer_url: str) -> str:  # noqa: F811
    wrong = officer_url.replace("officer@", "officer:wrong@")
    refused = muntada("--archive", str(tmp_path / "a.sqlite"), "sync", wrong, home=tmp_path)
    if refused.returncode == 0:  # only a server given by MUNTADA_TEST_POSTGRES: ours asks for passwords
        pytest.skip("the server of MUNTADA_TEST_POSTGRES trusts every login (pg_hba.conf): no wrong password")
    return one_clear_line(refused)


def test_a_refused_login_says_where_to_give_the_password_once_it_can_be_kept(
        muntada, tmp_path: Path, officer_url: str, keyring_file: Path) -> None:  # noqa: F811
    line = refused_line(muntada, tmp_path, officer_url)
    assert "refused the login of officer" in line and "on the command line" in line and "muntada sync" in line
    assert "muntada-cli.exe" in line and "kept in the system's credential store" in line


def test_without_a_credential_store_a_refused_login_does_not_promise_to_keep_the_password(
        muntada, tmp_path: Path, officer_url: str, no_credential_store: None) -> None:  # noqa: F811
    line = refused_line(muntada, tmp_path, officer_url)
    assert "refused the login of officer" in line and "no credential store" in line and "PGPASSWORD" in line
    assert "kept in" not in line


def test_the_sample_archive_is_refused_with_a_way_to_make_an_archive_of_ones_own(tmp_path: Path) -> None:
    sample = open_archive(tmp_path / "archive.sqlite")
    mark_as_sample(sample)
    address = parse_address("postgresql://officer@127.0.0.1:1/muntada")[0]
    engine = make_engine(address, None)
    try:
        with pytest.raises(SampleArchiveNotSyncedError) as refused:
            sync_archive(sample, engine, address)
    finally:
        engine.dispose()
        sample.close()
    line = refused.value.user_message("en")
    assert "Open your own archive" not in line  # they have none
    assert "a new file name" in line and "--archive NEW.sqlite sync" in line and "muntada-cli.exe" in line
