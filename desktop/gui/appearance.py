"""How the app looks and which language it speaks: bundled fonts, right to left, Qt's translations.

Set once for the whole application (``apply_language``): the layout direction follows the
language, Qt's own Arabic translations (standard buttons, context menus) are installed, and
the bundled fonts are used everywhere so Arabic looks the same on any Windows machine.

Fonts: IBM Plex Sans Arabic (``fontpkg-ibm-plex-sans-arabic``, Arabic and Latin in one family)
for the interface, Amiri (``fontpkg-amiri``, a Naskh) for reading articles and quotes.

Room for the ink at a label's sides (``LABEL_INK_ROOM``): Qt lays a line out by its glyphs'
advances, and several Arabic glyphs of the interface font draw past theirs (the tails of a final
ى، ن، ر، و reach left of the advance, a ك's top right of it). A word-wrapped label fills each line
up to its width, so the last word's tail (at the left, in Arabic) was cut at the label's edge: 1-3
pixels at 10 pt, up to 5 at 13 pt, enough to turn «أو» into «أ». Over the app's Arabic messages
wrapped at widths 150-500 px, about one layout in twenty lost ink at 10 pt (one in ten at 13 pt),
no English one. Every label of the app, Qt's own message boxes' and tooltips' included, gets that
room from the application's style sheet, in ems so that it grows with the label's font.
(Not a ``QProxyStyle.polish`` that sets contents margins: in PySide6 6.12 each call of
``QStyle.polish(widget)`` from Python releases a reference to None, and the app crashed after a few
thousand widgets.)
"""

from __future__ import annotations

from importlib import resources

from PySide6.QtCore import QLibraryInfo, QLocale, Qt, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from archive.i18n import is_rtl, set_language

UI_FONT_FILES = ("IBMPlexSansArabic-Regular.ttf", "IBMPlexSansArabic-Bold.ttf", "IBMPlexSansArabic-Medium.ttf")
READING_FONT_FILES = ("Amiri-Regular.ttf", "Amiri-Bold.ttf")
UI_POINT_SIZE = 10
READING_POINT_SIZE = 14
# The most a glyph of the interface font was seen to draw past its advance is 3 px at 10 pt and
# 5 px at 13 pt: a fifth of the font's height (Qt's "em" in a style sheet), rounded up to a quarter.
LABEL_INK_ROOM = "QLabel { padding-left: 0.25em; padding-right: 0.25em; }"

_families: dict[str, str] = {}
_translators: list[QTranslator] = []


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
    if app.styleSheet() != LABEL_INK_ROOM:
        app.setStyleSheet(LABEL_INK_ROOM)


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
