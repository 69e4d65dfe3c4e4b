"""How the app looks and which language it speaks: bundled fonts, right to left, Qt's translations.

Set once for the whole application (``apply_language``): the layout direction follows the
language, Qt's own Arabic translations (standard buttons, context menus) are installed, and
the bundled fonts are used everywhere so Arabic looks the same on any Windows machine.

Fonts: IBM Plex Sans Arabic (``fontpkg-ibm-plex-sans-arabic``, Arabic and Latin in one family)
for the interface, Amiri (``fontpkg-amiri``, a Naskh) for reading articles and quotes.

Room for the ink at a label's sides (``LabelInkRoom``): Qt lays a line out by its glyphs'
advances, and several Arabic glyphs of the interface font draw past theirs (the tails of a final
ب، ن، ى، ر reach left of the advance, a ك's top right of it). A word-wrapped label fills each
line up to its width, so the last word's tail (at the left, in Arabic) was cut at the label's
edge: 1-3 pixels at 10 pt, up to 5 at 13 pt, enough to turn «أو» into «أ». Over the app's Arabic
messages wrapped at widths of 150-500 px, 4% of the layouts lost ink at 10 pt and 9% at 13 pt; no
English one did. Every label of the app, Qt's own message boxes' and tooltips' included, gets that
room as it is polished (before it is first laid out), from one filter on the application.
Measured against the other ways (2026-12-02, 9 alternating rounds, load 6.5; the main window on
the sample archive built and shown, then 20 grabs of its pages): this filter costs ×1.12 to build
and ×1.22 to paint, an application style sheet giving labels padding ×1.30 and ×1.43 (every widget
then goes through Qt's style sheet style). A ``QProxyStyle.polish`` would cost nothing, but in
PySide6 6.12 each call of ``QStyle.polish(widget)`` from Python releases a reference to None, and
the app crashed after some thousands of widgets (every Qt call that returns nothing does so on
Python 3.11: ``desktop.gui.none_references`` now keeps None alive).

Cells of tables, trees and lists are clipped at their sides by the style, which keeps their text
only 3 px in: at 13 pt a cell starting with ك lost the top of its first letter. The same filter
gives each view that has Qt's plain delegate an ``InkRoomDelegate`` as it is polished. Measured
(2026-12-02, two runs of 21 alternating rounds on a shared machine, load 2-4 on 2 cores; the sample
archive's browse page, its three tables and the expanded event tree, 10 grabs of each tab):
painting costs x1.22 and x1.41 by medians, x1.31 and x1.28 as the median of each round's ratio
(on the quiet rounds 4.4 ms a grab against 5.8 ms); a Python delegate that only calls Qt's own
costs x1.05 of that by itself.
"""

from __future__ import annotations

import math
from importlib import resources

from PySide6.QtCore import (
    QEvent,
    QLibraryInfo,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
    QTranslator,
)
from PySide6.QtGui import QBrush, QFont, QFontDatabase, QFontInfo, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QLabel,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from archive.i18n import is_rtl, set_language

UI_FONT_FILES = ("IBMPlexSansArabic-Regular.ttf", "IBMPlexSansArabic-Bold.ttf", "IBMPlexSansArabic-Medium.ttf")
READING_FONT_FILES = ("Amiri-Regular.ttf", "Amiri-Bold.ttf")
UI_POINT_SIZE = 10
READING_POINT_SIZE = 14
# How far, in ems (the font's pixel size), a glyph of the interface font was seen to draw past its
# advance: 3 px at 10 pt (13 px), 5 px at 13 pt (17 px); rounded up.
INK_OVERHANG_EM = 0.3

_families: dict[str, str] = {}
_translators: list[QTranslator] = []
_label_ink_room: list[LabelInkRoom] = []  # the application's one filter (kept referenced from Python)


def load_fonts() -> dict[str, str]:
    """Register the bundled fonts with Qt (once); returns {"ui": family, "reading": family}."""
    if _families:
        return _families
    for package, files, role in (
        ("fontpkg_ibm_plex_sans_arabic", UI_FONT_FILES, "ui"),
        ("fontpkg_amiri", READING_FONT_FILES, "reading"),
    ):
        for file_name in files:
            data = (resources.files(package) / "files" / file_name).read_bytes()
            font_id = QFontDatabase.addApplicationFontFromData(data)
            families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
            if families:
                _families.setdefault(role, families[0])
    return _families


def ui_font(point_size: int = UI_POINT_SIZE, bold: bool = False) -> QFont:
    font = QFont(load_fonts().get("ui", ""), point_size)
    font.setBold(bold)
    return font


def reading_font(point_size: int = READING_POINT_SIZE) -> QFont:
    """The Naskh font articles and quotes are read in."""
    return QFont(load_fonts().get("reading", ""), point_size)


def apply_language(app: QApplication, language: str) -> None:
    """Switch the whole application to ``language``: messages, direction, Qt's own texts, fonts."""
    set_language(language)
    app.setLayoutDirection(Qt.LayoutDirection.RightToLeft if is_rtl(language) else Qt.LayoutDirection.LeftToRight)
    QLocale.setDefault(QLocale(QLocale.Language.Arabic, QLocale.Country.Oman) if language == "ar"
                       else QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    _install_qt_translations(app, language)
    app.setFont(ui_font())
    if not _label_ink_room:
        _label_ink_room.append(LabelInkRoom(app))
        app.installEventFilter(_label_ink_room[0])


class LabelInkRoom(QObject):
    """Gives each label, as it is polished, room at its sides for the ink its font draws past the text's width;
    and each table, tree and list drawn by Qt's own delegate, the same room in its cells (``InkRoomDelegate``).

    A label's room is contents margins: a label's size hint and height for a width count them and its
    text is laid out inside them, while the ink of its plain text may still be drawn over them.
    A margin a label was given in the code is kept when it is wider.
    """

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Polish:
            if isinstance(watched, QLabel):
                keep_ink_inside(watched)
            elif isinstance(watched, QAbstractItemView) and not isinstance(watched, QHeaderView):
                give_cells_ink_room(watched)
        return False


def give_cells_ink_room(view: QAbstractItemView) -> None:
    """Draw ``view``'s cells with ``InkRoomDelegate`` when it has Qt's plain delegate (a delegate of the
    app's own, or a combo box's, is kept)."""
    delegate = view.itemDelegate()
    if delegate is not None and delegate.metaObject().className() == "QStyledItemDelegate":
        view.setItemDelegate(InkRoomDelegate(view))


class InkRoomDelegate(QStyledItemDelegate):
    """Qt's delegate, with each cell's text kept ``ink_room`` from the cell's sides, as labels are.

    The style keeps a cell's text 3 px from its sides (its focus frame margin, plus one) and clips
    the cell at its sides: the top of a first ك, 4 px right of its advance at 13 pt, was cut. The
    cell's background (selection, hover) is drawn by the style across the whole cell, then the
    cell itself by the style as ever, in a rectangle narrowed by the missing room on each side: its
    text elided and aligned as Qt does, its check box and icon as far in. Its size hint is wider by
    as much, so a column sized to its contents still shows them whole.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._room_of: tuple[QFont, QStyle, int] | None = None  # the last font and style's missing room

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        self.initStyleOption(option, index)
        widget = option.widget  # type: ignore[attr-defined]
        style = widget.style() if widget is not None else QApplication.style()
        missing = self._missing_room(option.font, style, widget) if option.text else 0  # type: ignore[attr-defined]
        if missing <= 0:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, widget)
            return
        focus = _focus_alone(option) if option.state & QStyle.StateFlag.State_HasFocus else None  # type: ignore[attr-defined]
        style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter, widget)
        _within_its_background(option, missing)
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, widget)
        if focus is not None:  # the current cell's frame, along the cell's sides as Qt draws it
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, focus, painter, widget)

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        widget = option.widget  # type: ignore[attr-defined]
        style = widget.style() if widget is not None else QApplication.style()
        font = index.data(Qt.ItemDataRole.FontRole)
        missing = self._missing_room(font if isinstance(font, QFont) else option.font, style, widget)  # type: ignore[attr-defined]
        return size + QSize(2 * missing, 0) if missing > 0 else size

    def _missing_room(self, font: QFont, style: QStyle, widget: QWidget | None) -> int:
        """How many pixels a cell's text in ``font`` lacks on each side: its ink room less the style's margin."""
        if self._room_of is None or self._room_of[1] is not style or self._room_of[0] != font:
            margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, widget) + 1
            self._room_of = (QFont(font), style, ink_room(font) - margin)
        return self._room_of[2]


def _focus_alone(option: QStyleOptionViewItem) -> QStyleOptionViewItem:
    """A copy of ``option`` that draws only the cell's focus frame (nothing else, nothing again)."""
    focus = QStyleOptionViewItem(option)
    focus.text = ""  # type: ignore[attr-defined]
    focus.features &= ~(QStyleOptionViewItem.ViewItemFeature.HasCheckIndicator  # type: ignore[attr-defined]
                        | QStyleOptionViewItem.ViewItemFeature.HasDecoration
                        | QStyleOptionViewItem.ViewItemFeature.Alternate)
    focus.backgroundBrush = QBrush()  # type: ignore[attr-defined]
    focus.state &= ~(QStyle.StateFlag.State_Selected | QStyle.StateFlag.State_MouseOver)  # type: ignore[attr-defined]
    return focus


def _within_its_background(option: QStyleOptionViewItem, missing: int) -> None:
    """Make ``option`` draw its cell's contents ``missing`` pixels further in from each side, over the
    background, selection and hover already drawn across the whole cell (a selected text keeps its colour)."""
    option.rect = option.rect.adjusted(missing, 0, -missing, 0)  # type: ignore[attr-defined]
    option.features &= ~QStyleOptionViewItem.ViewItemFeature.Alternate  # type: ignore[attr-defined]
    option.backgroundBrush = QBrush()  # type: ignore[attr-defined]
    if option.state & QStyle.StateFlag.State_Selected:  # type: ignore[attr-defined]
        palette = QPalette(option.palette)  # type: ignore[attr-defined]
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
            palette.setBrush(group, QPalette.ColorRole.Text, palette.brush(group, QPalette.ColorRole.HighlightedText))
        option.palette = palette  # type: ignore[attr-defined]
    option.state &= ~(QStyle.StateFlag.State_Selected | QStyle.StateFlag.State_MouseOver  # type: ignore[attr-defined]
                      | QStyle.StateFlag.State_HasFocus)


def keep_ink_inside(label: QLabel) -> None:
    """Widen ``label``'s left and right contents margins to its font's ink overhang (never narrower)."""
    room = ink_room(label.font())
    margins = label.contentsMargins()
    if margins.left() < room or margins.right() < room:
        label.setContentsMargins(max(margins.left(), room), margins.top(), max(margins.right(), room), margins.bottom())


def ink_room(font: QFont) -> int:
    """Pixels a line in ``font`` may draw past its laid-out width, on either side."""
    return math.ceil(QFontInfo(font).pixelSize() * INK_OVERHANG_EM)


def _install_qt_translations(app: QApplication, language: str) -> None:
    for translator in _translators:
        app.removeTranslator(translator)
    _translators.clear()
    if language == "en":
        return
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name in ("qtbase", "qt"):
        translator = QTranslator(app)
        if translator.load(f"{name}_{language}", folder):
            app.installTranslator(translator)
            _translators.append(translator)


def direction_mark() -> str:
    """The invisible mark of the interface's direction (RLM in Arabic, LRM in English)."""
    return "\u200f" if is_rtl() else "\u200e"


def in_reading_direction(text: str) -> str:
    """``text`` marked to start in the language's direction (a name in Arabic script inside English
    text would otherwise turn the whole line right to left)."""
    return direction_mark() + text
