"""An empty archive's Browse page says how records come in (it showed four empty tabs)."""

from __future__ import annotations

from archive.services import people
from archive.services.records import PersonInput


def test_an_empty_archive_says_how_to_fill_it_and_a_record_takes_the_note_away(qtbot, archive, qt_language,
                                                                               collected_errors) -> None:
    from archive.settings import Settings
    from desktop.gui.browse import BrowsePanel
    from desktop.gui.tasks import TaskRunner
    from desktop.gui.workspace import Workspace

    space = Workspace(archive, Settings(), TaskRunner(synchronous=True))
    try:
        page = BrowsePanel(space)
        qtbot.addWidget(page)
        page.reload()
        assert not page.empty_note.isHidden()
        assert "Ctrl+O" in page.empty_note.text() and "فارغ" in page.empty_note.text()
        people.create_person(archive, PersonInput(name="سالم الهاشمي"))
        page.reload()
        assert page.empty_note.isHidden()
    finally:
        space.close()
