"""Finding text a widget cuts at its edge, by looking at what it draws (helpers of test_wrapped_text_screens.py).

A label is drawn twice: as it is, and as a copy laying its text out in the same width (same text,
font, format, alignment, direction, wrapping and margins) with room all around. What the copy
draws in that room is what the label itself cuts off. A text view (record page, article, search
results) keeps its text off its viewport's edges: ink in the viewport's outermost column is text
cut at the edge.
"""

from __future__ import annotations

from PySide6.QtGui import QImage
from PySide6.QtWidgets import QLabel, QListView, QPlainTextEdit, QTextEdit, QWidget

INK = 60  # a pixel this much darker or lighter than the background is text
ROOM = 20  # pixels around a label's copy, to see what the label would cut off


def inked_columns(image: QImage, columns: list[int]) -> list[int]:
    """Which of ``columns`` of ``image`` hold a pixel differing from the top-left one by more than INK."""
    gray = image.convertToFormat(QImage.Format.Format_Grayscale8)
    data, stride = bytes(gray.constBits()), gray.bytesPerLine()
    background = data[0]
    return [x for x in columns
            if any(abs(data[y * stride + x] - background) > INK for y in range(gray.height()))]


def cut_off_columns(label: QLabel) -> int:
    """How many columns of its text ``label`` cuts off at its left and right edges."""
    copy = QLabel(label.text())
    copy.setFont(label.font())
    copy.setTextFormat(label.textFormat())
    copy.setTextInteractionFlags(label.textInteractionFlags())
    copy.setLayoutDirection(label.layoutDirection())
    copy.setAlignment(label.alignment())
    copy.setWordWrap(label.wordWrap())
    copy.setMargin(label.margin())
    copy.setIndent(label.indent())
    copy.setStyleSheet("QLabel { padding: 0px; border: none; }")  # its room is set below, as the label's
    copy.ensurePolished()
    inside = label.contentsRect()
    copy.setContentsMargins(inside.left() + ROOM, inside.top() + ROOM,
                            label.width() - 1 - inside.right() + ROOM, label.height() - 1 - inside.bottom() + ROOM)
    copy.resize(label.width() + 2 * ROOM, label.height() + 2 * ROOM)
    image = copy.grab().toImage()
    return len(inked_columns(image, [*range(ROOM), *range(ROOM + label.width(), image.width())]))


def cut_texts(root: QWidget) -> list[str]:
    """Each text shown under ``root`` (``root`` included) that is cut at its edge, described for a failure."""
    cut = []
    for label in [root, *root.findChildren(QLabel)] if isinstance(root, QLabel) else root.findChildren(QLabel):
        if label.isVisible() and label.text().strip() and label.width() > 0:
            columns = cut_off_columns(label)
            if columns:
                cut.append(f"label {label.text()[:40]!r} at {label.width()} px: {columns} columns cut")
    # Text views and the search results' list (tables keep their cells' text margins and elide).
    for view in root.findChildren(QTextEdit) + root.findChildren(QPlainTextEdit) + root.findChildren(QListView):
        viewport = view.viewport()
        if view.isVisible() and viewport.width() > 2:
            image = viewport.grab().toImage()
            if inked_columns(image, [0, image.width() - 1]):
                cut.append(f"{type(view).__name__} {view.objectName()!r} at {viewport.width()} px: text at its edge")
    return cut
