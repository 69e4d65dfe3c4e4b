"""Two things read at a glance: the editor's fields start at the form's edge, and the status bar's parts keep apart.

- A date (digits, laid out left to right) in the Arabic editor was drawn at the left while every
  Arabic field started at the right: the column of values was ragged at both ends.
- The archive's path in the status bar ran flush into the team sync's status, reading as one text.
"""

from __future__ import annotations

import pytest

from archive.team.credentials import save_address
from archive.team.server import parse_address
from tests.desktop.test_edit_flow import open_editor
from tests.desktop.test_sync_status import UNREACHABLE

INK = 80  # a pixel this much darker or lighter than the field's background is text


def ink_columns(widget) -> list[int]:
    """The columns of ``widget``'s own drawing that hold text (its frame's 4 pixels left out)."""
    image = widget.grab().toImage()
    background = image.pixelColor(image.width() // 2, 2).lightness()
    return [x for x in range(4, image.width() - 4)
            if any(abs(image.pixelColor(x, y).lightness() - background) > INK for y in range(4, image.height() - 4))]


@pytest.mark.parametrize("language", ["ar", "en"])
def test_every_field_of_the_editor_starts_at_the_forms_edge(qtbot, qapp, window, filled, language) -> None:
    from desktop.gui.appearance import apply_language

    apply_language(qapp, language)
    dialog = open_editor(window, "quote", filled.quote_id)
    dialog.resize(700, 620)
    qtbot.wait(1)
    starts = {}
    for name in ("said_on", "speaker_title"):
        widget = dialog.widgets[name]
        columns = ink_columns(widget)
        assert columns, f"{name} shows nothing"
        # The distance from the form's start edge (right in Arabic, left in English) to the text.
        starts[name] = widget.width() - 1 - columns[-1] if language == "ar" else columns[0]
    assert starts["said_on"] < 12, f"the date starts {starts['said_on']} px from the form's edge ({language}): {starts}"
    assert starts["speaker_title"] < 12, starts
    dialog.reject()


LONG_PATH = "C:\\Users\\officer\\Documents\\Muntada\\" + "forum archives\\" * 8 + "archive.sqlite"
GAP = 24  # the least room, in pixels, between the path and the sync status


@pytest.mark.parametrize("language", ["ar", "en"])
def test_the_archive_path_keeps_apart_from_the_sync_status(qtbot, qapp, workspace, collected_errors, language) -> None:
    from desktop.gui.appearance import apply_language
    from desktop.gui.main_window import MainWindow

    apply_language(qapp, language)
    save_address(workspace.locations.data_folder, parse_address(UNREACHABLE)[0])
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.show()
    window.start_loading()
    window.resize(1000, 600)
    qtbot.wait(1)
    assert window.sync_status.isVisible()
    bar = window.statusBar()
    path = ink_in_bar(window.archive_label, bar)
    # The path starts where the bar is read from: the right in Arabic (it was drawn at the far left,
    # against the sync status), the left in English.
    start_distance = bar.width() - 1 - max(path) if language == "ar" else min(path)
    assert start_distance < GAP, f"the path starts {start_distance} px from the bar's start ({language})"
    for text in (str(workspace.archive_path), LONG_PATH):  # a path too long for the bar is cut, still apart
        window.archive_label.setText(text)
        qtbot.wait(1)
        path, sync = ink_in_bar(window.archive_label, bar), ink_in_bar(window.sync_status.label, bar)
        gap = min(path) - max(sync) if language == "ar" else min(sync) - max(path)
        assert gap >= GAP, f"the archive path and the sync status are {gap} px apart ({language}, {text[:12]}…)"


def ink_in_bar(label, bar) -> list[int]:
    """The columns of the status bar where ``label`` draws text."""
    left = label.mapTo(bar, label.rect().topLeft()).x()
    return [left + x for x in ink_columns_of_label(label)]


def ink_columns_of_label(label) -> list[int]:
    image = label.grab().toImage()
    background = image.pixelColor(0, 0).lightness()
    return [x for x in range(image.width())
            if any(abs(image.pixelColor(x, y).lightness() - background) > INK for y in range(image.height()))]
