"""The editors show a figure's period and a source's section and page, and the record page shows them."""

from __future__ import annotations

from archive.services import sources, statistics
from tests.desktop.test_edit_flow import open_editor
from tests.desktop.test_search_flow import type_text


def test_a_figures_period_is_typed_in_its_editor_and_shown_on_its_page(qtbot, window, filled):
    dialog = open_editor(window, "statistic", filled.statistic_id)
    type_text(dialog.widgets["period"], "2023")
    dialog.save()
    assert not dialog.isVisible()
    assert statistics.get_statistic(filled.archive, filled.statistic_id).period == "2023"
    window.open_record("statistic", filled.statistic_id)
    assert "2023" in window.record_view.details.toPlainText()


def test_a_sources_section_and_page_are_typed_in_its_editor_and_cited(qtbot, window, filled):
    dialog = open_editor(window, "source", filled.source_id)
    type_text(dialog.widgets["section"], "المحليات")
    type_text(dialog.widgets["page"], "7")
    dialog.save()
    assert not dialog.isVisible()
    source = sources.get_source(filled.archive, filled.source_id)
    assert (source.section, source.page) == ("المحليات", "7")
    window.open_record("statistic", filled.statistic_id)  # read from this source: its citation says where
    assert "المحليات" in window.record_view.details.toPlainText()


def test_saving_an_untouched_editor_of_a_record_without_tags_adds_no_tag(qtbot, window, filled):
    before = statistics.get_statistic(filled.archive, filled.statistic_id)
    assert before.tags == ()
    dialog = open_editor(window, "statistic", filled.statistic_id)
    assert dialog.widgets["tags"].text() == ""
    dialog.save()
    assert statistics.get_statistic(filled.archive, filled.statistic_id).tags == ()


def test_the_history_names_every_field_of_every_kind() -> None:
    import dataclasses

    from archive.kinds.registry import KINDS
    from desktop.gui.dialogs import field_label

    for kind, spec in KINDS.items():
        for field in dataclasses.fields(spec.input_type):
            assert field_label(field.name, kind) != field.name, (kind, field.name)
