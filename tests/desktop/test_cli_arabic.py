"""The Arabic command line speaks Arabic throughout: argparse's own words, every option's help,
record-not-found messages that agree with their kind, and well-formed indefinite accusatives.

Issues 12 and 13, from an officer's-eye pass over ``muntada`` in Arabic.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.extract import extract_python

from archive.i18n import set_language, tr
from archive.kinds.registry import KINDS
from desktop.cli import build_parser, main
from tools.fold_translations import is_translated, read_catalogue

REPO = Path(__file__).resolve().parents[2]
# The words argparse writes itself, in English, that an Arabic user must not see.
ARGPARSE_ENGLISH = ("usage:", "positional arguments", "options:", "show this help message and exit",
                    "error:", "invalid choice", "choose from", "argument COMMAND", "the following arguments",
                    "unrecognized arguments", "expected one argument", "required")
PERCENT_PLACEHOLDER = re.compile(r"%(?:\([a-z_]+\))?[rsd]")


def run(capsys, *argv: str) -> tuple[int, str, str]:
    """``main`` as the console script runs it; argparse's --help and usage errors exit through SystemExit."""
    try:
        code = main(list(argv))
    except SystemExit as stop:
        code = int(stop.code or 0)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def english_argparse_words(text: str) -> list[str]:
    return [word for word in ARGPARSE_ENGLISH if word in text]


# --- 1. argparse's own text -----------------------------------------------------------------------

def test_help_in_arabic_has_no_english_argparse_words() -> None:
    """As a user runs it: the console script, in its own process, with the default language (Arabic)."""
    done = subprocess.run([sys.executable, "-m", "desktop.cli", "--help"], capture_output=True, text=True,
                          encoding="utf-8", check=False, cwd=REPO)
    assert done.returncode == 0, done.stderr
    assert not english_argparse_words(done.stdout), done.stdout
    assert "الاستخدام:" in done.stdout and "عرض هذه المساعدة والخروج" in done.stdout


def test_a_wrong_command_in_arabic_is_an_arabic_error(capsys) -> None:
    code, out, err = run(capsys, "no-such-command")
    assert code == 2 and out == ""
    assert not english_argparse_words(err), err
    assert "اختيار غير صالح" in err and "no-such-command" in err and "Traceback" not in err


def test_argparse_errors_in_arabic_for_missing_and_extra_arguments(capsys) -> None:
    for argv in (("show",), ("show", "quote", "1", "extra"), ("search",), ("show", "quote", "one")):
        code, _, err = run(capsys, *argv)
        assert code == 2, argv
        assert not english_argparse_words(err), (argv, err)
        assert re.search(r"[\u0600-\u06FF]", err), (argv, err)


def test_english_stays_english(capsys) -> None:
    code, out, _ = run(capsys, "--lang", "en", "--help")
    assert code == 0 and "usage: muntada" in out and "show this help message and exit" in out
    code, _, err = run(capsys, "--lang", "en", "no-such-command")
    assert code == 2 and "invalid choice: 'no-such-command'" in err and "error:" in err


def _argparse_messages() -> list[str | tuple[str, str]]:
    """Every message the running Python's argparse passes to gettext or ngettext."""
    with open(argparse.__file__, "rb") as source:
        found = extract_python(source, {"_": None, "ngettext": (1, 2)}, [], {})
        # a call with a variable message (``_(kwargs.pop('title', ...))``) gives None; ngettext (singular, plural, None)
        return [message if isinstance(message, str) else (message[0], message[1])
                for _, _, message, _ in found if message and (isinstance(message, str) or message[0])]


def test_every_argparse_message_has_arabic_with_the_same_placeholders() -> None:
    """argparse fills its messages with ``%``: a translation that drops one would crash it."""
    catalog = read_catalogue()
    messages = _argparse_messages()
    assert "usage: " in messages and ("expected %s argument", "expected %s arguments") in messages
    for message in messages:
        entry = catalog.get(message)
        assert entry is not None and is_translated(entry), f"untranslated argparse message: {message!r}"
        english = message if isinstance(message, tuple) else (message,)
        wanted = sorted(PERCENT_PLACEHOLDER.findall(english[0]))
        for arabic in entry.string if isinstance(entry.string, tuple | list) else (entry.string,):
            assert sorted(PERCENT_PLACEHOLDER.findall(arabic)) == wanted, (message, arabic)
            assert re.search(r"[\u0600-\u06FF]", arabic), (message, arabic)


# --- 2. every option of add and edit has help, beside it --------------------------------------------

@pytest.mark.parametrize("command", ["add", "edit"])
@pytest.mark.parametrize("kind", sorted(KINDS))
def test_every_option_of_add_and_edit_has_arabic_help_on_its_line(capsys, kind: str, command: str) -> None:
    code, text, _ = run(capsys, command, kind, "--help")
    assert code == 0
    options = re.findall(r"^  (--[a-z-]+)(.*)$", text, flags=re.MULTILINE)
    assert options, text
    for option, rest in options:
        help_text = rest.replace("VALUE", "", 1).strip()
        assert help_text, f"{command} {kind} {option}: no help beside the option:\n{text}"
        assert re.search(r"[\u0600-\u06FF]", help_text), (option, help_text)


# --- 3. a record that does not exist, in words that agree with its kind ----------------------------

@pytest.mark.parametrize(("argv", "expected"), [
    (("brief", "--event", "999", "-o", "x.pdf"), "لم يُعثر على الفعالية رقم 999."),  # feminine
    (("show", "quote", "999"), "لم يُعثر على الاقتباس رقم 999."),  # masculine
    (("show", "person", "7"), "لم يُعثر على الشخص رقم 7."),
])
def test_record_not_found_agrees_with_its_kind(tmp_path: Path, capsys, argv: tuple[str, ...], expected: str) -> None:
    archive = ("--archive", str(tmp_path / "a.sqlite"))
    assert run(capsys, *archive, "init")[0] == 0
    if "-o" in argv:
        argv = tuple(str(tmp_path / part) if part == "x.pdf" else part for part in argv)
    code, out, err = run(capsys, *archive, *argv)
    assert code != 0 and out == ""
    assert err.strip() == expected


def test_a_new_records_title_agrees_with_a_feminine_kind() -> None:
    """The editor's title of a new event read «الفعالية جديد» (a masculine adjective on a feminine, definite noun)."""
    for kind in ("Event", "Quote"):
        title = tr("New {kind}", language="ar", kind=tr(kind, language="ar"))
        assert title == f"سجل جديد: {tr(kind, language='ar')}"


@pytest.mark.parametrize(("argv", "expected"), [
    # «تم التحقق» and «القيمة» are not nouns «يجب أن يكون» agrees with; the value's own word does
    (("add", "quote", "--text", "ن", "--verified", "ربما"), "يجب أن تكون قيمة «تم التحقق» نعم أو لا (المُدخل: ربما)."),
    (("add", "statistic", "--figure-text", "5", "--value", "خمسة"),
     "يجب أن تكون قيمة «القيمة» عددًا (المُدخل: خمسة)."),
    (("add", "quote", "--text", "ن", "--speech", "x"), "يجب أن تكون قيمة «نوع الكلام» واحدة من: direct, indirect."),
])
def test_a_wrong_field_value_reads_well_for_every_field(tmp_path: Path, capsys, argv: tuple[str, ...],
                                                        expected: str) -> None:
    archive = ("--archive", str(tmp_path / "a.sqlite"))
    assert run(capsys, *archive, "init")[0] == 0
    code, _, err = run(capsys, *archive, *argv)
    assert code != 0 and err.strip() == expected


# --- 4. indefinite accusatives carry their tanween ------------------------------------------------

def test_not_a_text_file_reads_with_tanween() -> None:
    message = "{name} is not a text file (it looks like binary data)."
    assert "ليس ملفًا نصيًا" in tr(message, language="ar", name="x.bin")  # from muntada.mo (the JSON files are folded)


def test_no_indefinite_accusative_without_tanween_in_the_catalogues() -> None:
    missing_tanween = re.compile(r"(?<![\u0621-\u064A])(ملفا|نصيا|نصا|صالحا|ضوئيا|بدلا|مقالا|جديدا|واحدا)"
                                 r"(?![\u0621-\u0652])")
    texts = [path.read_text(encoding="utf-8") for path in (REPO / "archive" / "i18n" / "catalog").glob("*.json")]
    texts.append((REPO / "archive" / "i18n" / "locale" / "ar" / "LC_MESSAGES" / "muntada.po").read_text("utf-8"))
    found = [match.group(0) for text in texts for match in missing_tanween.finditer(text)]
    assert not found, found


def _parsers(parser: argparse.ArgumentParser, path: str = "muntada"):
    """Every parser of the command line with its command path (``muntada add quote``)."""
    yield path, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, child in action.choices.items():
                yield from _parsers(child, f"{path} {name}")


def test_every_argument_of_every_command_has_help() -> None:
    """A positional (``muntada show KIND ID``) or option shown in --help with nothing beside it reads as missing."""
    set_language("ar")
    without_help = [f"{path}: {action.dest}" for path, parser in _parsers(build_parser())
                    for action in parser._actions
                    if not isinstance(action, argparse._SubParsersAction) and not action.help]
    assert not without_help, without_help
