"""What the officer can do to records from anywhere in the window: new, edit, delete, merge, history, brief, review.

Each action reads what its dialog needs on the db lane, then opens the dialog window-modal
(``open``, not ``exec``: the event loop keeps running, so background results still arrive).
Each read is owned by these actions (a child of the window): a window closed or rebuilt before
it arrives opens no dialog on its deleted self.
The dialogs' modules (and the services, briefs and import code they use) are imported when
first needed, so the window appears before any of them is loaded.
``last_dialog`` is the dialog opened most recently (the tests drive it as a user would).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDialog, QWidget

from archive.i18n import tr
from archive.i18n.counts import quotes
from archive.kinds import KIND_LABELS
from desktop.gui.dialogs import AuditDialog, MergeDialog, ask, load_history
from desktop.gui.workspace import Workspace


def merge_choice_label(record: Any) -> str:
    """A duplicate as the merge dialog offers it: name, title and organisation, and its quotes.

    Duplicates share a name: by name and count alone ("سالم الهاشمي (3 اقتباسات)") the officer
    could not tell which one to keep.
    """
    organisation = getattr(record, "organisation", None)
    parts = [getattr(record, "display_name", record.name), getattr(record, "title", None),
             organisation.name if organisation is not None else None, quotes(record.quote_count)]
    return " · ".join(part for part in parts if part)


class RecordActions(QObject):
    """Opens the editors and dialogs for the main window."""

    sig_dialog_opened = Signal(object)
    sig_saved = Signal(str, object)  # kind, record

    def __init__(self, workspace: Workspace, window: QWidget) -> None:
        super().__init__(window)
        self.workspace = workspace
        self.window = window
        self.last_dialog: QDialog | None = None

    def run(self, action: str, kind: str, ids: list[int]) -> None:
        handlers = {"new": lambda: self.edit(kind, None), "edit": lambda: self.edit(kind, ids[0]),
                    "delete": lambda: self.delete(kind, ids[0]), "merge": lambda: self.merge(kind, ids),
                    "history": lambda: self.history(kind, ids[0]),
                    "brief": lambda: self.brief(kind, ids[0] if ids else None)}
        handlers[action]()

    def _open(self, dialog: QDialog) -> None:
        self.last_dialog = dialog
        dialog.open()
        self.sig_dialog_opened.emit(dialog)

    def edit(self, kind: str, record_id: int | None, defaults: dict | None = None) -> None:
        from desktop.gui.editors import EditorDialog, load_editor

        archive = self.workspace.archive

        def show(loaded) -> None:
            current, choices = loaded
            dialog = EditorDialog(self.workspace, kind, record_id, current, choices, defaults, self.window)
            dialog.accepted.connect(lambda: self.sig_saved.emit(kind, dialog.saved_record))
            self._open(dialog)

        self.workspace.tasks.run(lambda: load_editor(archive, kind, record_id), show, owner=self)

    def delete(self, kind: str, record_id: int) -> None:
        if not ask(self.window, tr("Delete this {kind}? You can undo it with Ctrl+Z.", kind=tr(KIND_LABELS[kind]))):
            return
        from archive.services import history

        self.workspace.edit(tr("Delete {kind}", kind=tr(KIND_LABELS[kind])),
                            lambda archive: history.delete(archive, kind, record_id))

    def merge(self, kind: str, ids: list[int]) -> None:
        from archive.services import organisations, people

        archive = self.workspace.archive
        getter = people.get_person if kind == "person" else organisations.get_organisation
        merger = people.merge_people if kind == "person" else organisations.merge_organisations

        def show(records: list[Any]) -> None:
            dialog = MergeDialog(records, merge_choice_label, self.window)

            def merge_chosen() -> None:
                keep, others = dialog.keep_id, dialog.merge_ids
                self.workspace.change(kind, lambda a: merger(a, keep, others))

            dialog.accepted.connect(merge_chosen)
            self._open(dialog)

        self.workspace.tasks.run(lambda: [getter(archive, record_id) for record_id in ids], show, owner=self)

    def history(self, kind: str, record_id: int) -> None:
        archive = self.workspace.archive
        title = f"{tr(KIND_LABELS.get(kind, kind))} {record_id}"
        self.workspace.tasks.run(lambda: load_history(archive, kind, record_id), lambda loaded: self._open(
            AuditDialog(title, loaded[0], self.window, kind, loaded[1])), owner=self)

    def brief(self, kind: str | None, record_id: int | None, quote_ids: list[int] | None = None) -> None:
        from desktop.gui.brief_dialog import BriefDialog, load_brief_choices

        archive = self.workspace.archive
        brief_kind = "selection" if quote_ids else (kind if kind in ("event", "person") else "event")
        self.workspace.tasks.run(lambda: load_brief_choices(archive), lambda choices: self._open(
            BriefDialog(self.workspace, choices, brief_kind, record_id, quote_ids, self.window)), owner=self)

    def review(self, source_id: int) -> None:
        from desktop.gui.review import ReviewDialog, load_review

        archive = self.workspace.archive
        self.workspace.tasks.run(lambda: load_review(archive, source_id),
                                 lambda data: self._open(ReviewDialog(self.workspace, data, self.window)), owner=self)
