"""Regenerate the app screenshots of docs/desktop.md (``python docs/screenshots.py``).

Builds a fresh sample archive in a temporary folder, imports one of our own annotated articles
without accepting it (so the import review has something to show), then renders each view in
Arabic and English with ``muntada gui --screenshot`` into ``docs/images/app-VIEW-LANG.png``.

``--to FOLDER`` writes them elsewhere, to compare with the committed ones before replacing them.
``python docs/screenshots.py team-status`` draws ``docs/images/team-status.png`` alone (the app views are
not redrawn): the status bar's team sync part (desktop/gui/sync_status.py) in four states, each drawn
by the widget itself from a ``SyncState`` (no team server is needed): synced with one conflict and
offline after a "Sync now", in Arabic; a reader whose changes the server refused, in Arabic; offline
after a "Sync now", in English. The offline rows are whole status bars, with the message a "Sync now"
that could not reach the server leaves on their other side.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
IMAGES = ROOT / "docs" / "images"
ARTICLE = ROOT / "bench" / "annotations" / "articles" / "ona-oman-media-forum-third.txt"
_keep: list = []  # the workspaces behind the drawn widgets
TEAM_STATUS = IMAGES / "team-status.png"
VIEWS = ("search", "browse", "record", "source", "dashboard", "review", "brief", "editor", "history", "settings")


def muntada(home: Path, *args: str) -> None:
    environment = {**os.environ, "MUNTADA_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    subprocess.run([sys.executable, "-m", "desktop.cli", *args], cwd=ROOT, env=environment, check=True)


def team_status_rows(language: str) -> list:
    """The sync states of the picture in ``language``, each as the widget that shows it (Qt widgets)."""
    from datetime import datetime

    from PySide6.QtWidgets import QApplication, QStatusBar

    from archive.settings import Settings
    from desktop.gui.sync_status import SyncStatus
    from desktop.gui.tasks import TaskRunner
    from desktop.gui.team_sync import SyncController, SyncState
    from desktop.gui.workspace import Workspace

    today = datetime.now().astimezone()
    synced, tried = today.replace(hour=10, minute=42, second=0), today.replace(hour=10, minute=45, second=7)
    workspace = Workspace(None, Settings(language=language), TaskRunner(synchronous=True))
    controller = SyncController.of(workspace)
    offline = SyncState(team=True, offline=True, tried_at=tried, asked=True, last_synced=synced, pending=2)
    states = [offline]
    if language == "ar":
        refused = SyncState(team=True, problem="refused", refused=True, last_synced=synced)
        states = [SyncState(team=True, last_synced=synced, conflicts=1), offline, refused]
    rows = []
    for state in states:  # each in a status bar, as the main window holds it (the notice on its other side)
        status = SyncStatus(controller)
        bar = QStatusBar()
        bar.setSizeGripEnabled(False)
        bar.setLayoutDirection(QApplication.layoutDirection())  # kept when the next language is applied
        bar.addPermanentWidget(status)
        status.sig_notice.connect(lambda text, bar=bar: bar.showMessage(text))
        status.show_state(state)  # offline after a "Sync now": the notice that it tried
        notice_width = bar.fontMetrics().horizontalAdvance(bar.currentMessage())
        bar.resize(notice_width + status.sizeHint().width() + 40, bar.sizeHint().height())
        rows.append(bar)
    _keep.append(workspace)  # the widgets' controller lives as long as its workspace
    return rows


def draw_team_status(path: Path = TEAM_STATUS) -> None:
    """Draw the sync status's states, Arabic rows above the English one, into ``path``."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QColor, QImage, QPainter

    from desktop.app import qt_application

    rows = []
    for language in ("ar", "en"):
        qt_application(language)
        rows += [(language, row) for row in team_status_rows(language)]
    width = max(row.width() for _, row in rows)
    grabs = []
    for language, row in rows:  # one width for all, each row drawn in its own language's direction
        app = qt_application(language)
        row.resize(width, row.height())
        app.processEvents()
        grabs.append(row.grab().toImage())
    margin, gap = 8, 6
    picture = QImage(width + 2 * margin, sum(grab.height() + gap for grab in grabs) - gap + 2 * margin,
                     QImage.Format.Format_RGB32)
    picture.fill(QColor("white"))
    painter = QPainter(picture)
    top = margin
    for grab in grabs:
        painter.drawImage(margin, top, grab)
        top += grab.height() + gap
    painter.end()
    if not picture.save(str(path)):
        raise SystemExit(f"Cannot write {path}")


def main() -> None:
    parser = argparse.ArgumentParser(description="Redraw the screenshots of docs/desktop.md and docs/team.md.")
    parser.add_argument("what", nargs="?", choices=("app", "team-status"), default="app",
                        help="the app's views (app-VIEW-LANG.png) or the sync status (team-status.png)")
    parser.add_argument("--to", type=Path, default=IMAGES, metavar="FOLDER",
                        help="where to write them (to compare with docs/images before replacing them)")
    args = parser.parse_args()
    args.to.mkdir(parents=True, exist_ok=True)
    if args.what == "team-status":
        draw_team_status(args.to / TEAM_STATUS.name)
        return
    draw_app_views(args.to)


def draw_app_views(folder: Path) -> None:
    """Each view of a fresh sample archive, in Arabic and English, into ``folder``."""
    with tempfile.TemporaryDirectory(prefix="muntada-shots-") as temporary:
        home = Path(temporary)
        archive = home / "sample.sqlite"
        muntada(home, "--archive", str(archive), "demo")
        muntada(home, "--archive", str(archive), "import", str(ARTICLE))
        for language in ("ar", "en"):
            for view in VIEWS:
                target = folder / f"app-{view}-{language}.png"
                muntada(home, "--archive", str(archive), "--lang", language, "gui", "--screenshot", str(target),
                        "--view", view)


if __name__ == "__main__":
    main()
