"""The team sync in the status bar: how it stands in words, "Sync now", "Cancel", and the conflicts.

Shown only on a computer with a team server set up. The words come from ``status_text`` (a
``SyncState`` in, one short line out): "Synced 10:42", "Syncing… (receiving 120/400)",
"Offline: could not reach the team server at 10:45 (last synced 10:42)", "Not synced yet", "Sync failed"
with "Why?" beside it (the reason), or for a reader, whose pull goes through and whose changes the
server refuses, "Received 10:42, but the team server refused your changes" (and "Why?"); a button
"3 conflicts" opens the conflicts view. Being offline is said calmly
here and never in a dialog; when the officer pressed "Sync now" (a server switched off refuses at
once, so the line alone would read as before the press), ``sig_notice`` also says in the status
bar's message that it tried, at what second, and that their changes wait for the next sync.
``sync_asked`` is the Archive menu's "Sync with the team server" (F9).
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import PurePath

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QWidget

from archive.i18n import N_, ntr, tr
from desktop.gui.errors import inform
from desktop.gui.team_sync import SyncController, SyncState

STAGE_LABELS = {"connect": N_("connecting"), "pull": N_("receiving"), "push": N_("sending"),
                "index": N_("indexing")}


def local_time(when: datetime) -> datetime:
    """``when`` in this computer's time zone (the archive keeps naive UTC times)."""
    return (when if when.tzinfo is not None else when.replace(tzinfo=UTC)).astimezone()


def synced_when(when: datetime, now: datetime | None = None) -> str:
    """The time of the last sync as the officer reads it: "10:42" today, "2026-12-01 10:42" before."""
    local = local_time(when)
    today = (now or datetime.now(local.tzinfo)).date()
    return f"{local:%H:%M}" if local.date() == today else f"{local:%Y-%m-%d %H:%M}"


def status_text(state: SyncState, now: datetime | None = None) -> str:
    """The status bar's line for ``state`` (empty without a team server)."""
    if not state.team:
        return ""
    if state.running:
        stage = tr(STAGE_LABELS[state.stage]) if state.stage in STAGE_LABELS else ""
        if state.total:
            return tr("Syncing… ({stage} {done}/{total})", stage=stage, done=state.done, total=state.total)
        return tr("Syncing… ({stage})", stage=stage) if stage else tr("Syncing…")
    if state.offline and state.tried_at is not None:  # when it tried, and how fresh this computer's archive is
        tried = synced_when(state.tried_at, now)
        if state.last_synced is not None:
            return tr("Offline: could not reach the team server at {tried} (last synced {time})",
                      tried=tried, time=synced_when(state.last_synced, now))
        return tr("Offline: could not reach the team server at {tried}", tried=tried)
    if state.offline:
        if state.last_synced is not None:
            return tr("Offline: the team server cannot be reached (last synced {time})",
                      time=synced_when(state.last_synced, now))
        return tr("Offline: the team server cannot be reached")
    if state.problem:
        if state.refused and state.last_synced is not None:  # a reader: the pull went through, the push not
            return tr("Received {time}, but the team server refused your changes",
                      time=synced_when(state.last_synced, now))
        return tr("Sync failed")
    if state.last_synced is None:
        return tr("Not synced yet")
    return tr("Synced {time}", time=synced_when(state.last_synced, now))


def status_tooltip(state: SyncState) -> str:
    """More about ``state``: the reason of a failure, what is waiting to be sent."""
    lines = [state.problem] if state.problem and not state.running else []
    if state.offline:
        lines.append(tr("Your changes are kept on this computer and sent at the next sync."))
    if state.pending:
        lines.append(ntr("{n} change waits to be sent to the team server.",
                         "{n} changes wait to be sent to the team server.", state.pending))
    return "\n".join(lines)


def offline_notice(state: SyncState) -> str:
    """What a sync the officer asked for, that could not reach the server, says in the status bar's
    message: that it tried and when (to the second: each press reads differently), and that the
    changes waiting here are kept for the next sync."""
    tried = local_time(state.tried_at or datetime.now(UTC))
    lines = [tr("Tried to sync at {time}: the team server could not be reached.", time=f"{tried:%H:%M:%S}")]
    if state.pending:
        lines.append(tr("Your changes are kept on this computer and sent at the next sync."))
    return " ".join(lines)


def command_line_program() -> str:
    """How the officer starts Muntada's command line here: the installed ``muntada-cli.exe`` beside the
    program (by its full path: it is not on the PATH), else ``muntada``."""
    if not getattr(sys, "frozen", False):
        return "muntada"
    program = PurePath(sys.executable).with_name("muntada-cli.exe" if sys.platform == "win32" else "muntada-cli")
    return f'"{program}"'


def sync_asked(controller: SyncController, parent: QWidget | None) -> None:
    """The officer asked for a sync (the Archive menu): start one, or say why there is none."""
    if controller.sync_now(manual=True) or controller.state.running:
        return
    if controller.address is None:
        inform(parent, tr("No team server is set up on this computer. Ask for the team archive's address, then "
                          "run once, in a terminal (on Windows, a Command Prompt): {program} sync "
                          "postgresql://USER:PASSWORD@HOST/DATABASE", program=command_line_program()))


class SyncStatus(QWidget):
    """The status bar's part for the team sync (hidden without a team server)."""

    sig_show_conflicts = Signal()
    sig_notice = Signal(str)  # a sync the officer asked for could not reach the server: for the status bar

    def __init__(self, controller: SyncController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self._noticed_try: datetime | None = None  # the try whose notice was given (given once)
        self.label = QLabel()
        self.label.setObjectName("sync-status")
        self.sync_button = QToolButton(text=tr("Sync now"))
        self.sync_button.setAutoRaise(True)
        self.sync_button.setToolTip(tr("Send this computer's changes to the team server and receive the other "
                                       "officers' changes"))
        self.sync_button.clicked.connect(lambda: controller.sync_now(manual=True))
        self.cancel_button = QToolButton(text=tr("Cancel"))
        self.cancel_button.setAutoRaise(True)
        self.cancel_button.clicked.connect(controller.cancel)
        self.why_button = QToolButton(text=tr("Why?"))
        self.why_button.setAutoRaise(True)
        self.why_button.clicked.connect(lambda: inform(self, self.controller.state.problem))
        self.conflicts_button = QToolButton()
        self.conflicts_button.setObjectName("sync-conflicts")
        self.conflicts_button.setStyleSheet("QToolButton#sync-conflicts { color: #8a3b00; font-weight: bold; }")
        self.conflicts_button.setAutoRaise(True)
        self.conflicts_button.clicked.connect(self.sig_show_conflicts.emit)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(4)
        for widget in (self.conflicts_button, self.label, self.why_button, self.sync_button, self.cancel_button):
            row.addWidget(widget)
        controller.sig_state.connect(self.show_state)
        self.show_state(controller.state)

    def show_state(self, state: SyncState) -> None:
        self.setVisible(state.team)
        self.label.setText(status_text(state))
        self.label.setToolTip(status_tooltip(state))
        self.why_button.setVisible(bool(state.problem) and not state.running)
        self.sync_button.setVisible(not state.running)
        self.cancel_button.setVisible(state.running)
        self.conflicts_button.setVisible(state.conflicts > 0)
        self.conflicts_button.setText(ntr("{n} conflict", "{n} conflicts", state.conflicts))
        if state.offline and state.asked and state.tried_at is not None and state.tried_at != self._noticed_try:
            self._noticed_try = state.tried_at
            self.sig_notice.emit(offline_notice(state))
