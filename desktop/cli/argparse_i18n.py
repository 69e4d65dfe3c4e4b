"""argparse's own words (``usage:``, ``options``, ``invalid choice: ...``) in the user's language.

argparse translates what it writes itself through the module-level names ``argparse._`` and
``argparse.ngettext`` (``from gettext import gettext as _, ngettext``, Python 3.11-3.13), which
read the process's global gettext domain, not ours. ``install()`` points both at Muntada's
catalogue, looked up in the language chosen at the time of each message (``set_language``), so
``--lang en`` still reads argparse's English. argparse's messages are in ``muntada.po`` with
their Arabic, keeping argparse's ``%`` placeholders (they are filled with ``%``, not ``format``);
``tests/desktop/test_cli_arabic.py`` checks every message of the running Python's argparse.

The names of positional arguments (``COMMAND``, ``ID``, and ``id`` or ``query`` where a parser
names none) are shown in the user's language by ``TranslatedNamesFormatter``, which
``translate_names`` gives every parser of the tree: the Arabic help listed "id" and "query"
under «الوسائط الموضعية». The values to type (``{events,people,…}``) and the option names stay
as they are typed.
"""

from __future__ import annotations

import argparse

# The catalogue object itself: tr takes only messages written in our code (tests/test_i18n_sources.py).
from archive.i18n import N_, current_language, tr
from archive.i18n import translations as translations_of

# A positional argument's name as help and usage show it (its metavar, else its dest).
POSITIONAL_NAMES = {
    "COMMAND": N_("COMMAND"), "KIND": N_("KIND"), "ID": N_("ID"), "id": N_("ID"), "FILE": N_("FILE"),
    "FILE|DIR": N_("FILE|DIR"), "BACKUP": N_("BACKUP"), "query": N_("QUERY"), "URL": N_("URL"), "NAME": N_("NAME"),
    "KEEP_ID": N_("KEEP_ID"), "OTHER_ID": N_("OTHER_ID"),
}


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
    if not getattr(argparse._get_action_name, "translates_names", False):  # type: ignore[attr-defined]
        argparse._get_action_name = _action_name(argparse._get_action_name)  # type: ignore[attr-defined]


def _action_name(original):  # type: ignore[no-untyped-def]
    """argparse's name of an argument in its errors ("argument COMMAND: invalid choice"), translated
    for a positional argument as the help shows it."""
    def action_name(argument: argparse.Action | None) -> str | None:
        if argument is not None and not argument.option_strings:
            name = argument.metavar if isinstance(argument.metavar, str) else argument.dest
            if name in POSITIONAL_NAMES:
                return tr(POSITIONAL_NAMES[name])
        return original(argument)

    action_name.translates_names = True  # type: ignore[attr-defined]
    return action_name


class TranslatedNamesFormatter(argparse.HelpFormatter):
    """argparse's formatter, with the names of positional arguments in the current language."""

    def _metavar_formatter(self, action: argparse.Action, default_metavar: str):  # type: ignore[no-untyped-def]
        name = action.metavar if isinstance(action.metavar, str) else default_metavar
        if not action.option_strings and name in POSITIONAL_NAMES:
            shown = tr(POSITIONAL_NAMES[name])
            return lambda tuple_size: (shown,) * tuple_size
        return super()._metavar_formatter(action, default_metavar)


def translate_names(parser: argparse.ArgumentParser) -> None:
    """Give ``parser`` and every sub-command's parser under it ``TranslatedNamesFormatter``
    (a parser's own formatter keeps its settings: it is made a subclass of both)."""
    own = parser.formatter_class
    if not issubclass(own, TranslatedNamesFormatter):
        parser.formatter_class = type(f"Translated{own.__name__}", (TranslatedNamesFormatter, own), {})
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for child in dict.fromkeys(action.choices.values()):  # an alias names the same parser
                translate_names(child)
