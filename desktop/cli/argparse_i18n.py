"""argparse's own words (``usage:``, ``options``, ``invalid choice: ...``) in the user's language.

argparse translates what it writes itself through the module-level names ``argparse._`` and
``argparse.ngettext`` (``from gettext import gettext as _, ngettext``, Python 3.11-3.13), which
read the process's global gettext domain, not ours. ``install()`` points both at Muntada's
catalogue, looked up in the language chosen at the time of each message (``set_language``), so
``--lang en`` still reads argparse's English. argparse's messages are in ``muntada.po`` with
their Arabic, keeping argparse's ``%`` placeholders (they are filled with ``%``, not ``format``);
``tests/desktop/test_cli_arabic.py`` checks every message of the running Python's argparse.
"""

from __future__ import annotations

import argparse

# The catalogue object itself: tr takes only messages written in our code (tests/test_i18n_sources.py).
from archive.i18n import current_language
from archive.i18n import translations as translations_of


def gettext(message: str) -> str:
    """argparse's ``_``: one of its own English messages in the current language."""
    if not message:
        return message  # gettext("") is the catalogue's header; argparse passes None or "" for "no description"
    return translations_of(current_language()).gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """argparse's ``ngettext``: a message about ``count`` things, in the current language's plural form."""
    return translations_of(current_language()).ngettext(singular, plural, count)


def install() -> None:
    """Make argparse translate its own messages through Muntada's catalogue (idempotent)."""
    argparse._ = gettext  # type: ignore[attr-defined]
    argparse.ngettext = ngettext  # type: ignore[attr-defined]
