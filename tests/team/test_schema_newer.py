"""A team archive upgraded by a newer Muntada is refused by every team command of this one, in one
line that says to install that version, and nothing on the server or the desktop is changed."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine

from tests.team.test_roles import Muntada, admin, muntada  # noqa: F401 (fixtures)
from tests.team.test_team_cli import one_clear_line

FUTURE_REVISION = "0999_from_a_newer_muntada"


@pytest.fixture
def newer_team_archive(muntada: Muntada, team_url: str, admin: Engine) -> str:  # noqa: F811
    """The test's team archive as a newer Muntada leaves it: a later revision, a table this one does not know."""
    assert muntada("team", "init", team_url).returncode == 0
    with admin.connect() as connection:
        connection.exec_driver_sql("CREATE TABLE from_the_future (id integer PRIMARY KEY)")
        connection.exec_driver_sql(f"UPDATE alembic_version SET version_num = '{FUTURE_REVISION}'")
    return team_url


def dump(archive: Path) -> list[str]:
    """The desktop archive's content as SQL (opening it may switch its journal mode: not a change)."""
    connection = sqlite3.connect(archive)
    try:
        return list(connection.iterdump())
    finally:
        connection.close()


def server_state(admin: Engine) -> tuple[str, int]:  # noqa: F811
    with admin.connect() as connection:
        revision = connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalar_one()
        quotes = connection.exec_driver_sql("SELECT count(*) FROM quote").scalar_one()
    return revision, quotes


@pytest.mark.parametrize("command", [["team", "init", "{url}"], ["team", "push", "{url}"], ["sync", "{url}"],
                                     ["team", "pull", "{url}"]], ids=["init", "push", "sync", "pull"])
def test_every_team_command_refuses_a_newer_team_archive(
        muntada: Muntada, newer_team_archive: str, admin: Engine, sample_archive: Path,  # noqa: F811
        command: list[str]) -> None:
    arguments = [part.replace("{url}", newer_team_archive) for part in command]
    before = dump(sample_archive)
    line = one_clear_line(muntada("--archive", str(sample_archive), *arguments))
    assert "was prepared by a newer version of Muntada" in line and FUTURE_REVISION in line
    assert "Install that version" in line
    assert server_state(admin) == (FUTURE_REVISION, 0)
    assert dump(sample_archive) == before
