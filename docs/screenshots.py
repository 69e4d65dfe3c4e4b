"""Regenerate the app screenshots of docs/desktop.md (``python docs/screenshots.py``).

Builds a fresh sample archive in a temporary folder, imports one of our own annotated articles
without accepting it (so the import review has something to show), then renders each view in
Arabic and English with ``muntada gui --screenshot`` into ``docs/images/app-VIEW-LANG.png``.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
IMAGES = ROOT / "docs" / "images"
ARTICLE = ROOT / "bench" / "annotations" / "articles" / "ona-oman-media-forum-third.txt"
VIEWS = ("search", "browse", "source", "dashboard", "review", "brief", "editor", "history", "settings")


def muntada(home: Path, *args: str) -> None:
    environment = {**os.environ, "MUNTADA_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    subprocess.run([sys.executable, "-m", "desktop.cli", *args], cwd=ROOT, env=environment, check=True)


def main() -> None:
    IMAGES.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="muntada-shots-") as folder:
        home = Path(folder)
        archive = home / "sample.sqlite"
        muntada(home, "--archive", str(archive), "demo")
        muntada(home, "--archive", str(archive), "import", str(ARTICLE))
        for language in ("ar", "en"):
            for view in VIEWS:
                target = IMAGES / f"app-{view}-{language}.png"
                muntada(home, "--archive", str(archive), "--lang", language, "gui", "--screenshot", str(target),
                        "--view", view)


if __name__ == "__main__":
    main()
