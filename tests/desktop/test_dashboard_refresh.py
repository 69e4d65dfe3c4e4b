"""The dashboard after a step: counts from the step itself where that is all that changed, else read again."""

from __future__ import annotations

from dataclasses import replace

from archive.services import history, organisations, sources
from archive.services.records import OrganisationInput
from desktop.gui.dashboard import load_dashboard


def test_a_new_organisation_is_counted_from_the_change_without_reading_the_page_again(window, filled):
    dashboard = window.dashboard
    reloads = dashboard.reload_count
    window.workspace.perform(lambda a: organisations.create_organisation(a, OrganisationInput(name="هيئة البث")))
    assert dashboard.reload_count == reloads
    assert dashboard.data.counts == load_dashboard(filled.archive).counts
    assert dashboard._count_labels["organisation"].text() == "2"


def test_a_deleted_source_is_taken_off_the_counts(window, filled):
    dashboard = window.dashboard
    window.workspace.perform(lambda a: sources.delete_source(a, filled.source_id))
    assert dashboard.data.counts == load_dashboard(filled.archive).counts
    assert dashboard._count_labels["source"].text() == "0"
    window.workspace.undo_stack.undo()
    assert dashboard.data.counts == load_dashboard(filled.archive).counts
    assert dashboard._count_labels["source"].text() == "1"


def test_a_quote_given_to_another_speaker_reads_the_top_speakers_again(window, filled):
    dashboard = window.dashboard
    reloads = dashboard.reload_count
    data = history.current_input(filled.archive, "quote", filled.quote_id)
    window.workspace.perform(lambda a: history.update(a, "quote", filled.quote_id,
                                                      replace(data, speaker_id=filled.duplicate_id)))
    assert dashboard.reload_count == reloads + 1
    assert dashboard.data.top_speakers == [("سالم الهاشمي", 1)]


def test_a_new_figure_reads_the_series_figures_again_and_keeps_the_top_speakers(window, filled):
    from archive.services import statistics
    from archive.services.records import StatisticInput

    dashboard = window.dashboard
    speakers = dashboard.data.top_speakers
    window.workspace.perform(lambda a: statistics.create_statistic(a, StatisticInput(
        figure_text="40%", subject="نسبة الحضور", event_id=filled.event_id)))
    window.workspace.perform(lambda a: statistics.create_statistic(a, StatisticInput(
        figure_text="30%", subject="نسبة الحضور", event_id=filled.earlier_event_id)))
    assert dashboard.data == load_dashboard(filled.archive)
    assert dashboard.data.top_speakers == speakers
    assert dashboard._count_labels["statistic"].text() == "4"
