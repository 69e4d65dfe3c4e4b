"""``Archive.schema_version`` reads the archive's revision without loading Alembic (issue 12)."""

from __future__ import annotations

import json
import subprocess
import sys

from archive.db.engine import open_archive
from archive.db.migrations import HEAD_REVISION, current_revision

READ_VERSION = """
import json, sys
from archive.db.engine import open_archive
archive = open_archive(sys.argv[1], create=False)
print(json.dumps({"version": archive.schema_version(), "alembic": "alembic" in sys.modules}))
archive.close()
"""


def test_the_schema_version_is_read_without_importing_alembic(tmp_path):
    path = tmp_path / "archive.sqlite"
    open_archive(path).close()
    completed = subprocess.run([sys.executable, "-c", READ_VERSION, str(path)], capture_output=True, text=True,
                               check=True, timeout=120)
    assert json.loads(completed.stdout.strip().splitlines()[-1]) == {"version": HEAD_REVISION, "alembic": False}


def test_it_is_alembics_answer(tmp_path):
    archive = open_archive(tmp_path / "archive.sqlite")
    try:
        with archive.engine.connect() as connection:
            assert archive.schema_version() == current_revision(connection) == HEAD_REVISION
        with archive.engine.begin() as connection:
            connection.exec_driver_sql("DROP TABLE alembic_version")
        with archive.engine.connect() as connection:
            assert archive.schema_version() is None and current_revision(connection) is None
    finally:
        archive.close()


READ_INFO = """
import json, sys
from archive.db.engine import open_archive
from archive.services.maintenance import archive_info
archive = open_archive(sys.argv[1], create=False)
info = archive_info(archive)
print(json.dumps({"newest": info.newest_schema_version, "alembic": "alembic" in sys.modules}))
archive.close()
"""


def test_the_dashboards_archive_info_loads_no_alembic_either(tmp_path):
    """The dashboard reads it at every start, beside the search process's own start."""
    path = tmp_path / "archive.sqlite"
    open_archive(path).close()
    completed = subprocess.run([sys.executable, "-c", READ_INFO, str(path)], capture_output=True, text=True,
                               check=True, timeout=120)
    assert json.loads(completed.stdout.strip().splitlines()[-1]) == {"newest": HEAD_REVISION, "alembic": False}
