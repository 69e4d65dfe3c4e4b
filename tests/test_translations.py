"""Every message a user can read has an Arabic translation, with the same placeholders.

The messages are found by Babel's extractor configured by ``archive/i18n/babel.cfg`` (the same
extraction ``python tools/fold_translations.py`` and ``pybabel extract`` do): ``tr``, ``ntr`` (a
plural needs all six Arabic forms), ``ptr``/``NP_`` (a context), ``N_`` and the ``MuntadaError``
classes. A translation is in ``muntada.po`` (compiled into ``muntada.mo``, which must be up to
date) or, until they are folded in, in a JSON catalogue.
"""

from __future__ import annotations

import gettext
import io
import re
import string
from pathlib import Path

import pytest

from archive.i18n import json_catalogue, tr
from tools.fold_translations import (
    ARABIC_PLURAL_FORMS,
    MO_PATH,
    Extracted,
    compiled,
    error_class_names,
    extract_messages,
    is_translated,
    read_catalogue,
)

REPO = Path(__file__).resolve().parents[1]
ARABIC_LETTER = re.compile(r"[\u0600-\u06FF]")


@pytest.fixture(scope="module")
def extracted() -> list[Extracted]:
    return list(extract_messages(REPO))


def placeholders(text: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(text) if field}


def untranslated(extracted: list[Extracted]) -> dict[str, str]:
    catalog, fallback = read_catalogue(), json_catalogue()
    missing: dict[str, str] = {}
    for message in extracted:
        entry = catalog.get(message.id, context=message.context)
        if entry is not None and is_translated(entry):
            continue
        if message.context is None and isinstance(message.id, str) and message.id in fallback:
            continue
        missing.setdefault(f"{message.context + ': ' if message.context else ''}{message.id}", message.location)
    return missing


def test_every_user_message_has_an_arabic_translation(extracted: list[Extracted]) -> None:
    missing = untranslated(extracted)
    assert not missing, "untranslated messages (add them to muntada.po, see docs/translation.md):\n" + "\n".join(
        f"{where}: {message}" for message, where in sorted(missing.items())
    )


def test_plural_and_context_messages_are_found_and_checked() -> None:
    """The check above sees plural messages lacking a form and messages lacking a context."""
    plural = Extracted(("{n} thing never translated", "{n} things never translated"), None, "x.py:1")
    in_context = Extracted("Title", "a context never translated", "x.py:2")
    assert set(untranslated([plural, in_context])) == {
        "('{n} thing never translated', '{n} things never translated')",
        "a context never translated: Title",
    }


def test_extraction_finds_every_kind_of_call(extracted: list[Extracted]) -> None:
    assert any(isinstance(message.id, tuple) for message in extracted), "no ntr(...) found"
    assert any(message.context for message in extracted), "no ptr(...) or NP_(...) found"
    found = {message.id for message in extracted}
    assert "{kind} {id} does not exist." in found  # a RecordNotFoundError
    assert "Unknown view {view}; choose one of: {views}." in found  # an error class defined in desktop


def test_every_error_class_is_an_extraction_keyword() -> None:
    """The messages of an error class defined anywhere, derived from another error class, are checked."""
    names = error_class_names(REPO)
    assert {"MuntadaError", "ValidationError", "BackupError", "UnknownViewError", "SearchOptionError"} <= names
    assert "Exception" not in names and "CliContext" not in names


def _messages(mo: bytes) -> dict[object, object]:
    """What a compiled catalogue translates, header left out (it names the Babel version that wrote it)."""
    from babel.messages.mofile import read_mo

    def frozen(value: object) -> object:  # a plural entry holds lists of forms
        return tuple(value) if isinstance(value, list | tuple) else value

    return {(message.context, frozen(message.id)): frozen(message.string)
            for message in read_mo(io.BytesIO(mo)) if message.id}


def test_the_compiled_catalogue_is_up_to_date() -> None:
    committed = _messages(MO_PATH.read_bytes())
    assert committed, "the compiled catalogue holds no translations"
    assert committed == _messages(compiled(read_catalogue())), "run: python tools/fold_translations.py"


def test_translations_keep_their_placeholders_and_are_arabic() -> None:
    catalog = read_catalogue()
    for entry in catalog:
        if not entry.id or not is_translated(entry):
            continue
        if isinstance(entry.id, tuple):
            english = placeholders(entry.id[0]) | placeholders(entry.id[1])
            forms = list(entry.string)
            assert len(forms) == 6, entry.id
            for index, form in enumerate(forms):
                # none, one and two may leave the number out ("لا نتائج", "نتيجة واحدة", "نتيجتان")
                assert placeholders(form) <= english if index < 3 else placeholders(form) == english, (entry.id, form)
                assert ARABIC_LETTER.search(form), f"not Arabic: {form!r}"
        else:
            assert placeholders(entry.string) == placeholders(entry.id), entry.id
            assert ARABIC_LETTER.search(entry.string), f"not Arabic: {entry.string!r}"
    for english, arabic in json_catalogue().items():
        assert placeholders(arabic) == placeholders(english), english
        assert ARABIC_LETTER.search(arabic), f"not Arabic: {arabic!r}"


def test_the_arabic_catalogue_has_arabic_plural_forms() -> None:
    translations = gettext.GNUTranslations(io.BytesIO(MO_PATH.read_bytes()))
    assert translations.info()["plural-forms"] == ARABIC_PLURAL_FORMS
    forms = {n: translations.plural(n) for n in (0, 1, 2, 3, 10, 11, 99, 100, 101, 102, 103, 111, 1000)}
    assert forms == {0: 0, 1: 1, 2: 2, 3: 3, 10: 3, 11: 4, 99: 4, 100: 5, 101: 5, 102: 5, 103: 3, 111: 4, 1000: 5}


def test_tr_switches_language() -> None:
    assert tr("Interrupted.", language="en") == "Interrupted."
    assert tr("Interrupted.", language="ar") != "Interrupted."
    assert "7" in tr("{kind} {id} does not exist.", language="ar", kind="Quote", id=7)
