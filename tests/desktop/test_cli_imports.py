"""The command line's entry module loads no database code until a command opens the archive.

The app's search process is spawned by re-running the program (``multiprocessing``'s spawn): when
the program is the ``muntada`` console script, the child imports ``desktop.cli`` first, so
whatever it loads delays the first search (SQLAlchemy and the engine: about 0.4 s).
"""

from __future__ import annotations

import json
import subprocess
import sys

IMPORT_CLI = """
import json, sys
import desktop.cli
print(json.dumps(sorted(name for name in ("sqlalchemy", "archive.db.engine", "alembic") if name in sys.modules)))
"""


def test_importing_the_command_line_loads_no_database_code() -> None:
    completed = subprocess.run([sys.executable, "-c", IMPORT_CLI], capture_output=True, text=True, check=True,
                               timeout=120)
    assert json.loads(completed.stdout.strip().splitlines()[-1]) == []
