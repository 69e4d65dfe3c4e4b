"""Settings: language, archive location, officer's name, organisation and logo for briefs, backups, sync.

Saved with ``archive.settings`` (shared with the command line). A new language or archive
location takes effect at once: the app rebuilds its window or reopens the archive.
"Restore a backup…" lets the officer pick one of the archive's backups (or another file); once
confirmed, ``sig_restore_requested`` carries it to the app, which closes the archive, restores
(the current archive is kept aside, never deleted) and opens it again.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QLocale, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from archive.i18n import tr
from archive.settings import SETTING_TITLES, Settings
from desktop.gui.workspace import Workspace


def _setting_title(name: str) -> str:
    """A setting's title (marked in archive.settings) in the current language."""
    return tr(SETTING_TITLES[name])


def _with_button(line: QLineEdit, label: str, handler) -> QWidget:
    holder = QWidget()
    row = QHBoxLayout(holder)
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(line, 1)
    button = QPushButton(label)
    button.clicked.connect(handler)
    row.addWidget(button)
    return holder



def number_box(minimum: int, maximum: int, value: int) -> QSpinBox:
    """A spin box writing its number in the digits the rest of the app uses ("7", not "٧").

    The app's Arabic locale (Oman) writes Arabic-Indic digits, so these two boxes alone read
    "٧" and "٥" beside "128 اقتباسًا" and "3 صفحات" everywhere else.
    """
    box = QSpinBox(minimum=minimum, maximum=maximum, value=value)
    box.setLocale(QLocale.c())
    return box


def backup_choice_label(info) -> str:  # type: ignore[no-untyped-def]
    """A backup as the restore list offers it: when, what kind, how large ("2026-12-02 16:49:15 · تلقائية · 1084 ك.ب").

    It showed the file's English name and no kind, so an officer could not tell the automatic
    backup of the morning from the copy kept aside before the last restore.
    """
    from archive.backups import kind_label

    size = tr("{size} KB", size=max(1, round(info.size_bytes / 1024)))
    return f"{info.taken_at:%Y-%m-%d %H:%M:%S} · {kind_label(info.kind)} · {size}"

class SettingsDialog(QDialog):
    """Edit the settings; ``result_settings`` holds them after ``accept``."""

    sig_restore_requested = Signal(object)  # Path of the backup to put back

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        settings = workspace.settings
        self.result_settings: Settings | None = None
        self.setWindowTitle(tr("Settings"))
        self.language = QComboBox()
        self.language.addItem("العربية", "ar")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        self.archive_path = QLineEdit(settings.archive_path or str(workspace.archive.path))
        self.officer = QLineEdit(settings.officer_name)
        self.organisation = QLineEdit(settings.organisation_name)
        self.logo = QLineEdit(settings.logo_path)
        self.paper = QComboBox()
        self.paper.addItem("A4", "a4")
        self.paper.addItem(tr("Letter"), "letter")
        self.paper.setCurrentIndex(max(0, self.paper.findData(settings.paper)))
        self.backup_days = number_box(0, 365, settings.backup_every_days)
        self.backup_days.setSpecialValueText(tr("never"))
        self.sync_minutes = number_box(0, 24 * 60, settings.sync_every_minutes)
        self.sync_minutes.setSpecialValueText(tr("only when I ask"))
        self.backup_status = QLabel()
        self.backup_status.setWordWrap(True)
        backup_now = QPushButton(tr("Back up now"))
        backup_now.clicked.connect(self.back_up_now)
        restore = QPushButton(tr("Restore a backup…"))
        restore.clicked.connect(self.choose_backup_to_restore)
        restore.setEnabled(not workspace.archive.read_only)
        backup_buttons = QWidget()
        backup_row = QHBoxLayout(backup_buttons)
        backup_row.setContentsMargins(0, 0, 0, 0)
        backup_row.addWidget(backup_now)
        backup_row.addWidget(restore)
        backup_row.addStretch(1)
        form = QFormLayout()
        form.addRow(_setting_title("language"), self.language)
        form.addRow(_setting_title("archive_path"),
                    _with_button(self.archive_path, tr("Choose…"), self._choose_archive))
        form.addRow(_setting_title("officer_name"), self.officer)
        form.addRow(_setting_title("organisation_name"), self.organisation)
        form.addRow(_setting_title("logo_path"), _with_button(self.logo, tr("Choose…"), self._choose_logo))
        form.addRow(_setting_title("paper"), self.paper)
        form.addRow(_setting_title("backup_every_days"), self.backup_days)
        form.addRow("", backup_buttons)
        form.addRow(_setting_title("sync_every_minutes"), self.sync_minutes)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.backup_status)
        layout.addWidget(buttons)
        self.resize(640, 380)

    def _choose_archive(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, tr("Archive location"), self.archive_path.text(),
                                              tr("Muntada archive (*.sqlite)"),
                                              options=QFileDialog.Option.DontConfirmOverwrite)
        if path:
            self.archive_path.setText(path)

    def _choose_logo(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, tr("Logo (on brief covers)"), self.logo.text(),
                                              tr("Images (*.png *.jpg *.jpeg)"))
        if path:
            self.logo.setText(path)

    def chosen_settings(self) -> Settings:
        archive_text = self.archive_path.text().strip()
        default_kept = archive_text == str(self.workspace.archive.path) and not self.workspace.settings.archive_path
        archive_path = "" if default_kept else archive_text
        return replace(self.workspace.settings, language=self.language.currentData(), archive_path=archive_path,
                       officer_name=self.officer.text().strip(), organisation_name=self.organisation.text().strip(),
                       logo_path=self.logo.text().strip(), paper=self.paper.currentData(),
                       backup_every_days=self.backup_days.value(), sync_every_minutes=self.sync_minutes.value())

    def save(self) -> None:
        self.result_settings = self.chosen_settings()
        self.accept()

    def back_up_now(self) -> None:
        from archive.services import maintenance

        archive = self.workspace.archive
        self.backup_status.setText(tr("Backing up…"))
        self.workspace.tasks.run(lambda: maintenance.backup_archive(archive),
                                 lambda path: self.backup_status.setText(tr("Backed up to {path}", path=str(path))),
                                 owner=self)


    def choose_backup_to_restore(self) -> None:
        """Pick a backup of this archive (or another file), confirm, and ask the app to restore it."""
        from archive.backups import list_backups

        found = list_backups(self.workspace.archive.path)
        other_file = tr("Another file…")
        labels = [backup_choice_label(info) for info in found]
        label, chosen = QInputDialog.getItem(self, tr("Restore a backup"), tr("Backup to put back:"),
                                             [*labels, other_file], 0, False)
        if not chosen:
            return
        if label == other_file:
            path, _ = QFileDialog.getOpenFileName(self, tr("Restore a backup"), str(self.workspace.archive.path.parent),
                                                  tr("Muntada archive (*.sqlite)"))
            if not path:
                return
            backup = Path(path)
        else:
            backup = found[labels.index(label)].path
        from desktop.gui.dialogs import ask

        if ask(self, tr("Put back the backup {name}? The archive as it is now is kept in the backups folder, "
                        "and the search index is rebuilt.", name=backup.name)):
            self.request_restore(backup)

    def request_restore(self, backup: Path) -> None:
        """Hand the chosen backup to the app (which restores it) and close the dialog unsaved."""
        self.sig_restore_requested.emit(backup)
        self.reject()
