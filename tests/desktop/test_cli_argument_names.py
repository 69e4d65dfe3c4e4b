"""The Arabic help names positional arguments in Arabic: it listed "id", "query" and "COMMAND"
under «الوسائط الموضعية», and errors said «الوسيط COMMAND». The values to type stay as typed."""

from __future__ import annotations

import re

import pytest

from desktop.cli import main

ENGLISH_NAMES = re.compile(r"(?<![\w-])(id|query|COMMAND|ID|FILE|BACKUP|URL|NAME|KIND|KEEP_ID|OTHER_ID)(?![\w-])")


def run(capsys, *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as stop:
        code = int(stop.code or 0)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def positional_section(help_text: str) -> str:
    return help_text.split("الوسائط الموضعية:")[1].split("الخيارات:")[0]


@pytest.mark.parametrize("command", [(), ("show",), ("edit", "person"), ("restore",), ("search",), ("review",),
                                     ("extract",), ("team",), ("delete",), ("merge",)])
def test_arabic_help_names_positional_arguments_in_arabic(capsys, command: tuple[str, ...]) -> None:
    code, out, _ = run(capsys, "--lang", "ar", *command, "--help")
    assert code == 0
    usage = out.split("\n\n")[0]
    names = [line.split()[0] for line in positional_section(out).splitlines() if line.startswith("  ")
             and not line.startswith("    ") and line.split()]
    assert names and not any(ENGLISH_NAMES.fullmatch(name) for name in names), names
    assert not ENGLISH_NAMES.search(usage.replace("muntada", "")), usage


def test_an_error_names_the_argument_as_the_help_does(capsys) -> None:
    code, _, err = run(capsys, "--lang", "ar", "show", "event")
    assert code == 2 and "الرقم" in err and "id" not in err, err
    code, _, err = run(capsys, "--lang", "ar", "no-such-command")
    assert code == 2 and "COMMAND" not in err and "الأمر" in err, err


def test_english_help_keeps_english_names(capsys) -> None:
    code, out, _ = run(capsys, "--lang", "en", "show", "--help")
    assert code == 0 and re.search(r"^  ID\s", out, re.MULTILINE), out
