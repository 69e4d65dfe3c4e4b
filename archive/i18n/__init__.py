"""The translation layer shared by the command line and the desktop app.

English is the source language: code writes ``tr("Event not found: {id}", id=7)`` and the
Arabic text comes from the JSON catalogues in ``catalog/`` (one file per area of the app,
each mapping an English message to its Arabic translation). Arabic is the default language.
Qt's own standard-dialog translations are loaded by the desktop app; everything Muntada says
goes through ``tr``.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources

SUPPORTED_LANGUAGES = ("ar", "en")
DEFAULT_LANGUAGE = "ar"

_current_language = DEFAULT_LANGUAGE


def set_language(language: str) -> None:
    """Choose the language of every later ``tr`` call ("ar" or "en"; anything else means Arabic)."""
    global _current_language
    _current_language = language if language in SUPPORTED_LANGUAGES else DEFAULT_LANGUAGE


def current_language() -> str:
    return _current_language


def is_rtl(language: str | None = None) -> bool:
    """Whether the language is written right to left."""
    return (language or _current_language) == "ar"


@cache
def arabic_catalogue() -> dict[str, str]:
    """All Arabic translations, merged from every catalogue file."""
    merged: dict[str, str] = {}
    folder = resources.files("archive.i18n") / "catalog"
    for entry in sorted(folder.iterdir(), key=lambda item: item.name):
        if entry.name.endswith(".json"):
            merged.update(json.loads(entry.read_text(encoding="utf-8")))
    return merged


def join_list(values, language: str | None = None) -> str:
    """Items of a list in running text: "أ، ب، ج" in Arabic, "a, b, c" in English."""
    return ("، " if is_rtl(language) else ", ").join(values)


def N_(message: str) -> str:
    """Mark a message for translation where it is defined; ``tr`` translates it where it is shown."""
    return message


def tr(message: str, language: str | None = None, **params: object) -> str:
    """Translate an English message into the current (or given) language and fill its ``{params}``."""
    language = language or _current_language
    text = arabic_catalogue().get(message, message) if language == "ar" else message
    if params:
        try:
            return text.format(**params)
        except (KeyError, IndexError, ValueError):
            return message.format(**params)
    return text
