"""Keeping the Arabic gettext catalogue up to date (a developer's tool, run from a checkout).

``python tools/fold_translations.py`` does, in order:

1. extracts every English message from the code (Babel's extractor configured by
   ``babel.cfg``: ``tr``, ``ntr``, ``ptr``, ``N_``, ``NP_``; and every ``MuntadaError`` class);
2. folds in the translations still in the JSON catalogues (``catalog/*.json``, English message
   to Arabic), adding those the ``.po`` lacks; a JSON translation that differs from the ``.po``'s
   is listed and the ``.po``'s kept (``--prefer-json`` takes the JSON's);
3. adds the messages of the code that the ``.po`` lacks, untranslated, for a translator to fill in
   (a plural message gets Arabic's six forms, a label its context);
4. writes ``locale/ar/LC_MESSAGES/muntada.po`` (sorted, with the files each message is used
   in) and compiles it into ``muntada.mo``, which is what the program reads.

``--remove-json`` then deletes the JSON files whose every translation is in the ``.po``;
``--drop-obsolete`` drops the translations of messages the code no longer has (kept otherwise, without a
location), and ``--no-json`` leaves the JSON catalogues alone (neither folded nor removed).
A message is in the code when the extractor finds it (what ``tests/test_translations.py`` checks
has a translation), or when it is one of argparse's own (what ``tests/desktop/test_cli_arabic.py``
checks): those of the running Python, and every entry marked as argparse's in the ``.po`` (argparse
of Python 3.11-3.13 differs, and the Windows build may run another than this one); or when a
translation call inside an f-string names it (Babel does not see those).
``--pot FILE`` also writes the extracted template. Babel is needed here (the test extras), not at
run time: this tool is not part of the installed program.
"""

from __future__ import annotations

import argparse
import ast
import io
import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_dir, extract_python
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

CHECKOUT = Path(__file__).resolve().parents[1]
HERE = CHECKOUT / "archive" / "i18n"
PACKAGES = ("archive", "search", "desktop")
MAPPING = HERE / "babel.cfg"
JSON_FOLDER = HERE / "catalog"
LANGUAGE = "ar"
PO_PATH = HERE / "locale" / LANGUAGE / "LC_MESSAGES" / "muntada.po"
MO_PATH = PO_PATH.with_suffix(".mo")

MessageId = str | tuple[str, ...]
# GNU gettext's Arabic rule (Babel's CLDR-derived rule orders the last two forms the other way):
# none, one, two, a few (3-10), many (11-99, also 111-199 ...), and the rest (100-102, 200 ...).
ARABIC_PLURAL_FORMS = (
    "nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5);"
)
# The extracted comment of argparse's own messages in the .po: argparse_i18n translates them.
ARGPARSE_COMMENT = "argparse's own message"
HEADER_COMMENT = """# Arabic translations of Muntada's messages: the source of truth (see docs/translation.md).
# Edit the msgstr lines (a plural has six: 0, 1, 2, 3-10, 11-99, 100 and above), then run
# `python tools/fold_translations.py`, which compiles muntada.mo beside this file.
#"""


@dataclass
class FoldReport:
    """What a fold changed or found."""

    folded: int = 0  # translations taken from the JSON catalogues
    added: int = 0  # messages of the code added untranslated
    conflicts: list[tuple[str, str, str]] = field(default_factory=list)  # (English, .po, JSON)
    untranslated: list[str] = field(default_factory=list)
    unused: int = 0  # translations of messages not found in the code (kept)
    dropped: list[str] = field(default_factory=list)  # translations of messages gone from the code


@dataclass(frozen=True)
class Extracted:
    """One message found in the code: its id (a pair for a plural), context and where it is."""

    id: MessageId
    context: str | None
    location: str


def extract_messages(checkout: Path = CHECKOUT) -> Iterator[Extracted]:
    """Every translatable message of the code, as Babel's extractor finds it with ``babel.cfg``.

    The keywords of ``babel.cfg`` are used with every ``MuntadaError`` class of the code (their
    first argument is a message).
    """
    with MAPPING.open(encoding="utf-8") as mapping:
        method_map, options_map = parse_mapping_cfg(mapping, str(MAPPING))  # type: ignore[no-untyped-call]
    error_classes: dict[str, None] = dict.fromkeys(sorted(error_class_names(checkout)))
    for package in PACKAGES:
        found = extract_from_dir(checkout / package, method_map, options_map, keywords=error_classes)
        for filename, lineno, message, _comments, context in found:
            location = f"{package}/{filename}:{lineno}".replace("\\", "/")
            yield Extracted(tuple(message) if isinstance(message, (list, tuple)) else message, context, location)


def error_class_names(checkout: Path = CHECKOUT) -> set[str]:
    """The names of ``MuntadaError`` and every class of the code derived from it, however deeply."""
    bases: dict[str, set[str]] = {}
    for package in PACKAGES:
        for path in (checkout / package).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_bytes())):
                if isinstance(node, ast.ClassDef):
                    bases[node.name] = {base.id for base in node.bases if isinstance(base, ast.Name)}
    names = {"MuntadaError"}
    while grown := {name for name, parents in bases.items() if parents & names} - names:
        names |= grown
    return names


def argparse_messages() -> set[MessageId]:
    """Every message the running Python's argparse passes to gettext or ngettext (as its own words
    are translated by ``desktop/cli/argparse_i18n.py``)."""
    with open(argparse.__file__, "rb") as source:
        found = extract_python(source, {"_": None, "ngettext": (1, 2)}, [], {})  # type: ignore[no-untyped-call]
        # a call with a variable message (``_(kwargs.pop('title', ...))``) gives None
        return {message if isinstance(message, str) else (message[0], message[1])
                for _, _, message, _ in found if message and (isinstance(message, str) or message[0])}


def is_argparse_entry(entry: Message, running: set[MessageId]) -> bool:
    """Whether a catalogue entry is one of argparse's own messages: of the running Python
    (``running``), or marked as argparse's in the ``.po`` (another Python's argparse)."""
    entry_id = entry.id if isinstance(entry.id, str) else tuple(entry.id)
    return entry_id in running or any(comment.startswith(ARGPARSE_COMMENT) for comment in entry.auto_comments)


def messages_in_fstrings(checkout: Path = CHECKOUT) -> set[str]:
    """The literal messages of translation calls inside f-strings (``f"{tr(N_('mine'))} = ..."``): Babel's
    extractor on Python 3.11 reads an f-string as one string and never sees them, yet they are in use."""
    keywords = {"tr", "ntr", "ptr", "N_", "NP_"}
    found: set[str] = set()
    for package in PACKAGES:
        for path in (checkout / package).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_bytes())):
                if not isinstance(node, ast.JoinedStr):
                    continue
                calls = [call for call in ast.walk(node) if isinstance(call, ast.Call)
                         and getattr(call.func, "id", getattr(call.func, "attr", "")) in keywords]
                found |= {arg.value for call in calls for arg in call.args
                          if isinstance(arg, ast.Constant) and isinstance(arg.value, str)}
    return found


def drop_obsolete(catalog: Catalog, code: Catalog, report: FoldReport, in_fstrings: set[str] | None = None) -> None:
    """Drop the catalogue's entries for messages the code no longer has (argparse's own, and those of
    translation calls inside f-strings, ``in_fstrings``, read from the checkout when not given, are kept)."""
    running = argparse_messages()
    hidden = messages_in_fstrings() if in_fstrings is None else in_fstrings
    for entry in list(catalog):
        singular = entry.id if isinstance(entry.id, str) else entry.id[0]
        if entry.id and code.get(entry.id, context=entry.context) is None and not is_argparse_entry(entry, running) \
                and singular not in hidden:
            catalog.delete(entry.id, context=entry.context)
            report.dropped.append(f"{entry.context + ': ' if entry.context else ''}{entry.id}")


def template(extracted: Iterable[Extracted]) -> Catalog:
    """The messages of the code as a catalogue template (a .pot), with the files using each."""
    catalog = Catalog(domain="muntada", project="Muntada", charset="utf-8", fuzzy=False)
    for message in extracted:
        path, _, lineno = message.location.rpartition(":")
        catalog.add(message.id, None, locations=[(path, int(lineno))], context=message.context)
    return catalog


def read_catalogue(path: Path = PO_PATH) -> Catalog:
    """The Arabic ``.po`` catalogue (an empty one, with Arabic's plural forms, if there is none)."""
    if path.exists():
        with path.open("rb") as po_file:
            catalog = read_po(po_file, locale=LANGUAGE)
    else:
        started = datetime(2026, 12, 2, tzinfo=UTC)
        catalog = Catalog(locale=LANGUAGE, domain="muntada", project="Muntada", version="1",
                          creation_date=started, revision_date=started, fuzzy=False)
    catalog.header_comment = HEADER_COMMENT
    catalog.msgid_bugs_address = catalog.last_translator = catalog.language_team = "Muntada"
    catalog.mime_headers = [("Plural-Forms", ARABIC_PLURAL_FORMS)]
    return catalog


def json_translations(folder: Path = JSON_FOLDER) -> dict[Path, dict[str, str]]:
    """Each JSON catalogue file with its translations (English message to Arabic)."""
    return {path: json.loads(path.read_text(encoding="utf-8")) for path in sorted(folder.glob("*.json"))}


def fold_json(catalog: Catalog, files: dict[Path, dict[str, str]], prefer_json: bool, report: FoldReport) -> None:
    """Add the JSON translations the catalogue lacks; list those that differ from it."""
    for translations in files.values():
        for english, arabic in translations.items():
            entry = catalog.get(english)
            if entry is None:
                catalog.add(english, arabic)
                report.folded += 1
            elif not entry.string:  # added from the code, untranslated
                entry.string = arabic
                report.folded += 1
            elif entry.string != arabic and isinstance(entry.string, str):
                report.conflicts.append((english, entry.string, arabic))
                if prefer_json:
                    entry.string = arabic


def add_new_messages(catalog: Catalog, code: Catalog, report: FoldReport) -> None:
    """Add the code's messages the catalogue lacks (untranslated) and refresh where each is used.

    An entry the code no longer uses keeps its translation (a message may be built at run time,
    as ``tr(kind.capitalize())``) with no location; one that is also untranslated is dropped.
    """
    for stored in list(catalog):
        if stored.id and code.get(stored.id, context=stored.context) is None:
            stored.locations = []
            if not is_translated(stored):
                catalog.delete(stored.id, context=stored.context)
    for message in code:
        if not message.id:
            continue
        entry = catalog.get(message.id, context=message.context)
        if entry is None:
            empty: str | tuple[str, ...] = ("",) * catalog.num_plurals if message.pluralizable else ""
            entry = catalog.add(message.id, empty, context=message.context)
            report.added += 1
        entry.locations = sorted({(path, 0) for path, _ in message.locations})
    report.unused = sum(1 for entry in catalog if entry.id and not entry.locations)


def is_translated(entry: Message) -> bool:
    """Whether an entry has every form translated (all six for an Arabic plural)."""
    forms = entry.string if isinstance(entry.string, (list, tuple)) else (entry.string,)
    return bool(forms) and all(forms) and not entry.fuzzy


def write_catalogue(catalog: Catalog, po_path: Path = PO_PATH) -> None:
    """Write the ``.po`` (sorted by message, locations without line numbers) and its ``.mo``."""
    po_path.parent.mkdir(parents=True, exist_ok=True)
    with po_path.open("wb") as po_file:
        write_po(po_file, catalog, width=100, sort_output=True, include_lineno=False, ignore_obsolete=True)
    po_path.with_suffix(".mo").write_bytes(compiled(catalog))


def compiled(catalog: Catalog) -> bytes:
    """The ``.mo`` form of a catalogue (untranslated and fuzzy entries left out)."""
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    return buffer.getvalue()


def fold(prefer_json: bool = False, remove_json: bool = False, pot: Path | None = None,
         drop: bool = False, use_json: bool = True) -> FoldReport:
    """Bring the Arabic catalogue up to date with the code and the JSON catalogues; see the module.

    ``drop`` drops the translations of messages gone from the code; ``use_json=False`` leaves the
    JSON catalogues out (neither folded nor removed).
    """
    report = FoldReport()
    code = template(extract_messages())
    catalog = read_catalogue()
    files = json_translations() if use_json else {}
    fold_json(catalog, files, prefer_json, report)
    if drop:
        drop_obsolete(catalog, code, report)
    add_new_messages(catalog, code, report)
    write_catalogue(catalog)
    if pot is not None:
        with pot.open("wb") as pot_file:
            write_po(pot_file, code, width=100, sort_output=True, include_lineno=False)
    report.untranslated = sorted(str(entry.id) for entry in catalog if entry.id and not is_translated(entry))
    if remove_json:
        for path, translations in files.items():
            if all(catalog.get(english) is not None and is_translated(catalog[english]) for english in translations):
                path.unlink()
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python tools/fold_translations.py", description=__doc__.splitlines()[0])
    parser.add_argument("--prefer-json", action="store_true", help="take the JSON translation where it differs")
    parser.add_argument("--remove-json", action="store_true", help="delete the JSON files wholly folded in")
    parser.add_argument("--pot", type=Path, help="also write the extracted template to this file")
    parser.add_argument("--drop-obsolete", action="store_true",
                        help="drop the translations of messages the code no longer has (argparse's own are kept)")
    parser.add_argument("--no-json", action="store_true", help="leave the JSON catalogues alone (not folded)")
    args = parser.parse_args(argv)
    report = fold(args.prefer_json, args.remove_json and not args.no_json, args.pot,
                  drop=args.drop_obsolete, use_json=not args.no_json)
    print(f"{PO_PATH.relative_to(CHECKOUT)}: {report.folded} translations folded from JSON, "
          f"{report.added} new messages, {len(report.untranslated)} untranslated, "
          f"{report.unused} not found in the code (kept, without a location), {len(report.dropped)} dropped.")
    for english in report.dropped:
        print(f"dropped (no longer in the code): {english}")
    for english, kept, other in report.conflicts:
        kept_from = "JSON" if args.prefer_json else ".po"
        print(f"differs in JSON (kept the {kept_from}'s): {english!r}: .po {kept!r}, JSON {other!r}")
    for english in report.untranslated:
        print(f"untranslated: {english}")
    return 1 if report.untranslated else 0


if __name__ == "__main__":
    sys.exit(main())
