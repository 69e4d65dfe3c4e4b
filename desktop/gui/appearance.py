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
the app crashed after some thousands of widgets.
"""

from __future__ import annotations

import math
from importlib import resources

from PySide6.QtCore import QEvent, QLibraryInfo, QLocale, QObject, Qt, QTranslator
from PySide6.QtGui import QFont, QFontDatabase, QFontInfo
from PySide6.QtWidgets import QApplication, QLabel

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
    """Gives each label, as it is polished, room at its sides for the ink its font draws past the text's width.

    The room is contents margins: a label's size hint and height for a width count them and its
    text is laid out inside them, while the ink of its plain text may still be drawn over them.
    A margin a label was given in the code is kept when it is wider.
    """

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Polish and isinstance(watched, QLabel):
            keep_ink_inside(watched)
        return False


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
