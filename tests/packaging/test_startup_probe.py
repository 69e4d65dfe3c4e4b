"""The start-up probe (bench/startup.py, and the built program's launcher in probe mode) measures a real start."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.packaging import PACKAGING


def test_the_launcher_in_probe_mode_reports_the_window_and_the_first_search(sample_archive: Path) -> None:
    archive = sample_archive
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "MUNTADA_STARTUP_PROBE": str(archive),
                   "MUNTADA_STARTUP_PROBE_QUERY": "التواصل"}
    result = subprocess.run([sys.executable, str(PACKAGING / "launcher.py")], env=environment, capture_output=True,
                            text=True, encoding="utf-8", timeout=180, check=False)
    assert result.returncode == 0, result.stderr
    times = json.loads(result.stdout.strip().splitlines()[-1])
    assert 0 < times["window_shown"] <= times["first_search"]
    assert times["search_opening"] <= times["search_ready"] <= times["first_search"]
    assert times["first_search_hits"] > 0
