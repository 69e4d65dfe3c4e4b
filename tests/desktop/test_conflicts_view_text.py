"""The conflicts view's explanation is read whole: no wrapped line of it is cut at the label's edge.

Qt lays a wrapped Arabic line out by the glyphs' advances, and with the app's font (IBM Plex Sans
Arabic) some lines are drawn a little wider than that: at about one width in ten, the line's far
end (the left, in Arabic) was cut at the label's edge ("أو" read "أ", seen in the delete-against-
edit explanation). Each width of the view from narrow to wide is tried, as an officer resizing it.
"""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel

from archive.team.credentials import save_address
from archive.team.server import parse_address
from tests.desktop.test_conflicts_view import open_view, quote_conflict
from tests.desktop.test_sync_status import UNREACHABLE

INK = 60  # a pixel this much darker or lighter than the background is text
PAD = 30  # room around a copy of the label, to see what the label itself would cut off


def ink_outside(label: QLabel) -> int:
    """How many columns of text a copy of ``label`` with room around it draws beyond ``label``'s own edges.

    The copy lays the text out in the same width (same font, margin and direction), so what it
    draws in the room around it is what ``label`` cuts off.
    """
    copy = QLabel(label.text())
    copy.setFont(label.font())
    copy.setLayoutDirection(label.layoutDirection())
    copy.setAlignment(label.alignment())
    copy.setWordWrap(True)
    copy.setMargin(label.margin() + PAD)
    copy.resize(label.width() + 2 * PAD, label.height() + 2 * PAD)
    image = copy.grab().toImage()
    background = image.pixelColor(0, 0).lightness()
    outside = [*range(PAD), *range(PAD + label.width(), image.width())]
    return sum(1 for x in outside
               if any(abs(image.pixelColor(x, y).lightness() - background) > INK for y in range(image.height())))


@pytest.mark.parametrize("theirs", [None, "edited"])
def test_the_explanation_is_never_cut_at_the_edge(qtbot, workspace, filled, collected_errors, theirs) -> None:
    from desktop.gui.main_window import MainWindow

    save_address(workspace.locations.data_folder, parse_address(UNREACHABLE)[0])
    quote_conflict(filled.archive, filled.quote_id, theirs=theirs)
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.show()
    window.start_loading()
    view = open_view(qtbot, window)
    cut = []
    for width in range(700, 1400, 9):
        view.resize(width, 540)
        qtbot.wait(1)
        if ink_outside(view.description):
            cut.append(width)
    assert cut == [], f"the explanation is cut at view widths {cut}"
    assert view.description.width() > 300  # the view's widths were tried, not one narrow label
