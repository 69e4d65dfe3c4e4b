"""Qt calls that return nothing never use up Python's references to None (the app aborted).

PySide6 6.12.0 on Python 3.11 takes a reference of None away at each call of a method that
returns nothing (``QLabel.setText``, ``QWidget.resize``, ``QStyle.drawControl``...); at zero the
process aborts with "Fatal Python error: none_dealloc". The app on the sample archive lost 565
per search typed and shown: it aborted after about 140. Run in a child process, as the abort
takes the whole process.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
CALLS = 200_000  # far more than the references None starts with (about 5,000 before the archive opens)

CHILD = f"""
from PySide6.QtWidgets import QApplication, QLabel
import desktop.gui.appearance  # what the app imports before its first window
app = QApplication([])
label = QLabel()
for _ in range({CALLS}):
    label.setText("منتدى")
    label.resize(120, 30)
print("still running")
"""


def test_a_long_session_of_qt_calls_does_not_abort_the_app() -> None:
    environment = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "-c", CHILD], cwd=REPO, env=environment, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0 and "still running" in done.stdout, done.stderr[-600:]
