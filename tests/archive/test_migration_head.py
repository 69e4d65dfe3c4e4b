"""Opening an archive already at the newest schema does not load Alembic (start-up time)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from archive.db import migrations


def test_the_head_known_without_alembic_is_alembics_head() -> None:
    assert migrations.head_revision() == migrations.HEAD_REVISION, (
        "a migration was added: set HEAD_REVISION in archive/db/migrations/__init__.py to its revision")


def test_opening_an_archive_at_head_does_not_import_alembic(tmp_path: Path) -> None:
    from archive.db.engine import open_archive

    path = tmp_path / "a.sqlite"
    open_archive(path).close()
    probe = (
        "import sys\n"
        "from archive.db.engine import open_archive\n"
        f"archive = open_archive({str(path)!r}, create=False)\n"
        "archive.close()\n"
        "print(sorted(name for name in sys.modules if name.split('.')[0] in ('alembic', 'mako')))\n")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
