"""Finding text a widget cuts at its edge, by looking at what it draws (helpers of test_wrapped_text_screens.py).

A label is drawn twice: as it is, and as a copy laying its text out in the same width (same text,
font, format, alignment, direction, wrapping and margins) with room all around. What the copy
draws in that room is what the label itself cuts off. A text view (record page, article, search
results) keeps its text off its viewport's edges: ink in the viewport's outermost column is text
cut at the edge.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QRect
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QAbstractItemView, QLabel, QListView, QPlainTextEdit, QTextEdit, QTreeView, QWidget

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


def cut_cells(view: QAbstractItemView) -> list[str]:
    """Each cell (and header section) of ``view`` whose text's ink reaches the cell's left or right
    edge: the style clips a cell's drawing at its edges, so ink there is a letter cut."""
    cut = []
    viewport = view.viewport()
    if not view.isVisible() or viewport.width() <= 2 or view.model() is None:
        return cut
    image = viewport.grab().toImage().convertToFormat(QImage.Format.Format_Grayscale8)
    for index in _shown_indexes(view):
        rect = view.visualRect(index)
        if rect.width() < 8 or not viewport.rect().contains(rect):
            continue  # scrolled partly out of sight: cut by the viewport, not by the cell
        edges = _inked_edges(image, rect)
        if edges:
            text = str(index.data() or "")[:40]
            cut.append(f"{type(view).__name__} cell {text!r} at {rect.width()} px: ink at its {edges} edge")
    return cut


def _shown_indexes(view: QAbstractItemView) -> list[QModelIndex]:
    """The indexes of ``view`` whose rows are in sight (expanded tree rows included)."""
    model, found = view.model(), []
    pending = [QModelIndex()]
    while pending:
        parent = pending.pop()
        for row in range(model.rowCount(parent)):
            first = model.index(row, 0, parent)
            if isinstance(view, QTreeView) and view.isExpanded(first):
                pending.append(first)
            columns = 1 if isinstance(view, QListView) else model.columnCount(parent)  # a list's is private
            found += [model.index(row, column, parent) for column in range(columns)
                      if str(model.index(row, column, parent).data() or "").strip()]
    return found


def _inked_edges(image: QImage, rect: QRect) -> str:
    """"left", "right", "left and right" or "" : which outermost columns of ``rect`` in ``image`` hold ink
    (against the cell's own background, its top-left pixel)."""
    data, stride = bytes(image.constBits()), image.bytesPerLine()
    top, bottom = max(rect.top(), 0), min(rect.bottom(), image.height() - 1)
    background = data[top * stride + rect.left() + 1]
    sides = []
    for name, x in (("left", rect.left()), ("right", rect.right())):
        if 0 <= x < image.width() and any(abs(data[y * stride + x] - background) > INK for y in range(top + 1, bottom)):
            sides.append(name)
    return " and ".join(sides)
