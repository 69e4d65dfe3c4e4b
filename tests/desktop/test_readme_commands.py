"""README's command table names every command ``muntada --help`` lists (and every team subcommand)."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from desktop.cli import build_parser

README = Path(__file__).resolve().parents[2] / "README.md"


def _subcommands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    action = next(action for action in parser._actions if isinstance(action, argparse._SubParsersAction))
    return dict(action.choices)


def test_every_command_is_in_the_readme_table() -> None:
    table = "\n".join(line for line in README.read_text(encoding="utf-8").splitlines() if line.startswith("| `"))
    named = set(re.findall(r"`(?:muntada )?([a-z][a-z-]*)", table))
    commands = _subcommands(build_parser())
    team = {f"team {name}" for name in _subcommands(commands["team"])}
    missing = sorted(name for name in commands if name not in named)
    missing += sorted(name for name in team if f"`{name}" not in table and f"`muntada {name}" not in table)
    assert not missing, f"commands missing from README.md's command table: {missing}"
