"""The brief dialog offers what ``muntada brief`` does: quotes grouped by session or by speaker,
and a cover title of the officer's own (before, only the command line could)."""

from __future__ import annotations

from pathlib import Path

from tests.archive.briefs.pdf_checks import pdftotext


def _dialog(workspace, kind: str, record_id: int | None):
    from desktop.gui.brief_dialog import BriefDialog, load_brief_choices

    return BriefDialog(workspace, load_brief_choices(workspace.archive), kind, record_id)


def test_an_event_brief_can_group_its_quotes_by_speaker_under_a_title_of_ones_own(qtbot, workspace, filled,
                                                                                 tmp_path: Path) -> None:
    from desktop.gui.brief_dialog import make_brief

    dialog = _dialog(workspace, "event", filled.event_id)
    qtbot.addWidget(dialog)
    assert dialog.group_by.isEnabled()
    assert dialog.options().group_quotes_by == "session"
    dialog.group_by.setCurrentIndex(dialog.group_by.findData("speaker"))
    dialog.cover_title.setText("موجز الاجتماع التنسيقي")
    options = dialog.options()
    assert options.group_quotes_by == "speaker" and options.title == "موجز الاجتماع التنسيقي"
    path = tmp_path / "brief.pdf"
    make_brief(workspace.archive, "event", [filled.event_id], options).write(path)
    assert "التنسيقي" in pdftotext(path)


def test_grouping_is_offered_only_where_it_applies(qtbot, workspace, filled) -> None:
    dialog = _dialog(workspace, "person", filled.speaker_id)
    qtbot.addWidget(dialog)
    assert not dialog.group_by.isEnabled()  # a speaker's quotes go by year
    dialog.kind.setCurrentIndex(dialog.kind.findData("event"))
    assert dialog.group_by.isEnabled()
    dialog.cover_title.setText("   ")
    assert dialog.options().title is None  # blank: the brief's own title


def test_only_the_sections_a_kind_of_brief_prints_are_offered(qtbot, workspace, filled) -> None:
    """A selection brief offered Sessions, Charts and Press coverage, which it never prints."""
    dialog = _dialog(workspace, "event", filled.event_id)
    qtbot.addWidget(dialog)
    offered = lambda: {name for name, box in dialog.sections.items() if not box.isHidden()}  # noqa: E731
    assert offered() == {"cover", "summary", "statistics", "charts", "sessions", "quotes", "coverage"}
    dialog.kind.setCurrentIndex(dialog.kind.findData("selection"))
    assert offered() == {"cover", "statistics", "quotes"}
    dialog.kind.setCurrentIndex(dialog.kind.findData("person"))
    assert offered() == {"cover", "summary", "statistics", "charts", "quotes"}
