"""Every message a user can read has an Arabic translation, with the same placeholders."""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

from archive.errors import MuntadaError
from archive.i18n import arabic_catalogue, tr

REPO = Path(__file__).resolve().parents[1]
PACKAGES = ("archive", "search", "desktop")
ERROR_NAMES = {cls.__name__ for cls in [MuntadaError, *MuntadaError.__subclasses__()]}


def user_messages() -> dict[str, str]:
    """English messages passed to ``tr``, marked with ``N_`` or given to a ``MuntadaError``, with where they are."""
    found: dict[str, str] = {}
    for package in PACKAGES:
        for path in sorted((REPO / package).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                if not isinstance(node, ast.Call) or not node.args:
                    continue
                name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")
                first = node.args[0]
                if name in {"tr", "N_", *ERROR_NAMES} and isinstance(first, ast.Constant) and isinstance(first.value, str):
                    found.setdefault(first.value, f"{path.relative_to(REPO)}:{node.lineno}")
    return found


def placeholders(text: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(text) if field}


def test_every_user_message_has_an_arabic_translation() -> None:
    catalogue = arabic_catalogue()
    missing = {message: where for message, where in user_messages().items() if message not in catalogue}
    assert not missing, "untranslated messages:\n" + "\n".join(f"{w}: {m}" for m, w in sorted(missing.items()))


def test_translations_keep_their_placeholders_and_are_arabic() -> None:
    arabic_letter = re.compile(r"[\u0600-\u06FF]")
    for english, arabic in arabic_catalogue().items():
        assert placeholders(arabic) == placeholders(english), english
        assert arabic_letter.search(arabic), f"not Arabic: {arabic!r}"


def test_tr_switches_language() -> None:
    assert tr("Interrupted.", language="en") == "Interrupted."
    assert tr("Interrupted.", language="ar") != "Interrupted."
    assert "7" in tr("{kind} {id} does not exist.", language="ar", kind="Quote", id=7)
