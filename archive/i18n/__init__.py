"""The translation layer shared by the command line and the desktop app: GNU gettext catalogues.

English is the source language. Code writes ``tr("Event not found: {id}", id=7)``; a count
``ntr("{n} result", "{n} results", count)`` (Arabic has six plural forms: none, one, two, a few
(3-10), many (11-99) and the rest); a short label whose Arabic differs by place
``ptr("person", "Title")``. Labels kept in tables are marked where they are defined with
``N_("Kind")`` (or ``NP_("person", "Title")`` to carry a context) and translated where they
are shown, by ``tr``.

The Arabic translations live in ``locale/ar/LC_MESSAGES/muntada.po`` (the source of truth,
edited by translators) compiled into ``muntada.mo`` beside it, which is what is read here, by
Python's own ``gettext``: Babel is needed only to extract, fold and compile (see
``tools/fold_translations.py`` and docs/translation.md). Arabic is the default language.

Only English messages written in the code go through the translator: names, titles, file
names, tags and anything else a user typed or the archive holds are shown as they are (an
error's parameters too, except the labels ``kind`` and ``field``).

While catalogues are being moved over, messages missing from the ``.mo`` are still looked up
in the older JSON catalogues in ``catalog/`` (English message to Arabic, one file per area);
``python tools/fold_translations.py`` folds them into the ``.po``.
"""

from __future__ import annotations

import gettext
import io
import json
from collections.abc import Iterable
from functools import cache
from importlib import resources

SUPPORTED_LANGUAGES = ("ar", "en")
DEFAULT_LANGUAGE = "ar"
DOMAIN = "muntada"

_chosen = {"language": DEFAULT_LANGUAGE}  # the language of messages, chosen once for the process


def set_language(language: str) -> None:
    """Choose the language of every later ``tr`` call ("ar" or "en"; anything else means Arabic)."""
    _chosen["language"] = language if language in SUPPORTED_LANGUAGES else DEFAULT_LANGUAGE


def current_language() -> str:
    return _chosen["language"]


def is_rtl(language: str | None = None) -> bool:
    """Whether the language is written right to left."""
    return (language or current_language()) == "ar"


def join_list(values: Iterable[str], language: str | None = None) -> str:
    """Items of a list in running text: "أ، ب، ج" in Arabic, "a, b, c" in English."""
    return ("، " if is_rtl(language) else ", ").join(values)


class ContextMessage(str):
    """An English label that carries its gettext context (made by ``NP_``); reads as the label."""

    context: str

    def __new__(cls, context: str, message: str) -> ContextMessage:
        made = super().__new__(cls, message)
        made.context = context
        return made


def N_(message: str) -> str:
    """Mark a message for translation where it is defined; ``tr`` translates it where it is shown."""
    return message


def NP_(context: str, message: str) -> str:
    """Mark a label with its context where it is defined; ``tr`` translates it in that context."""
    return ContextMessage(context, message)


def tr(message: str, language: str | None = None, **params: object) -> str:
    """Translate an English message into the current (or given) language and fill its ``{params}``.

    ``message`` must be English written in the code (a literal, or a label marked with ``N_`` or
    ``NP_``), never text a user typed or the archive holds.
    """
    if not message:
        return message  # gettext("") is the catalogue's header
    translations = _translations(language or current_language())
    context = getattr(message, "context", None)
    text = translations.pgettext(context, message) if context else translations.gettext(message)
    return _fill(str(text), message, params)  # str(): a plain string, not the label's ContextMessage


def ntr(singular: str, plural: str, n: int, language: str | None = None, **params: object) -> str:
    """A message about ``n`` things, in the plural form the language uses for ``n``; ``{n}`` is filled.

    ``ntr("{n} result", "{n} results", 11)`` is "11 results", and in Arabic "11 نتيجة".
    """
    text = _translations(language or current_language()).ngettext(singular, plural, n)
    return _fill(text, singular if n == 1 else plural, {"n": n, **params})


def ptr(context: str, message: str, language: str | None = None, **params: object) -> str:
    """Translate a message in a context, for a short label whose translation differs by place."""
    text = _translations(language or current_language()).pgettext(context, message)
    return _fill(text, message, params)


def _fill(text: str, english: str, params: dict[str, object]) -> str:
    if not params:
        return text
    try:
        return text.format(**params)
    except (KeyError, IndexError, ValueError):  # a broken translation: show the English
        return english.format(**params)


def translations(language: str) -> gettext.NullTranslations:
    """The gettext translations of a language, for code that translates another library's own
    messages (argparse's, in ``desktop.cli.argparse_i18n``); our own code calls ``tr``/``ntr``."""
    return _translations(language)


@cache
def _translations(language: str) -> gettext.NullTranslations:
    """The compiled catalogue of a language, falling back to the JSON catalogues, then English."""
    if language not in SUPPORTED_LANGUAGES or language == "en":
        return gettext.NullTranslations()
    fallback = _JsonTranslations()
    compiled = resources.files(__name__) / "locale" / language / "LC_MESSAGES" / f"{DOMAIN}.mo"
    try:
        translations = gettext.GNUTranslations(io.BytesIO(compiled.read_bytes()))
    except FileNotFoundError:
        return fallback
    translations.add_fallback(fallback)
    return translations


@cache
def json_catalogue() -> dict[str, str]:
    """The Arabic translations still in JSON catalogue files (``catalog/*.json``), merged."""
    merged: dict[str, str] = {}
    folder = resources.files(__name__) / "catalog"
    if not folder.is_dir():
        return merged
    for entry in sorted(folder.iterdir(), key=lambda item: item.name):
        if entry.name.endswith(".json"):
            merged.update(json.loads(entry.read_text(encoding="utf-8")))
    return merged


class _JsonTranslations(gettext.NullTranslations):
    """Messages not yet folded into the ``.po``: looked up in the JSON catalogues (no plurals).

    The files are read at the first message the ``.mo`` lacks, not at start-up.
    """

    def gettext(self, message: str) -> str:
        return json_catalogue().get(message, message)

    def pgettext(self, context: str, message: str) -> str:
        return json_catalogue().get(message, message)
