"""`python dev.py lint`: ruff with the project's rules, then strict mypy on archive/ and search/ (real tools)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

REPO = Path(__file__).resolve().parents[1]


def load_dev_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("dev_script", REPO / "dev.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_lint_fails_on_a_file_breaking_a_rule_and_names_it(tmp_path: Path, capfd: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("import os\n\n\ndef loop(items=[]):\n    return [lambda: item for item in items]\n",
                   encoding="utf-8")
    assert load_dev_script().lint([str(bad)], python=sys.executable) != 0
    output = capfd.readouterr().out
    for rule in ("F401", "B006", "B023"):  # unused import, mutable default, closure over a loop variable
        assert rule in output, output
    assert "bad.py" in output


def test_lint_of_a_typed_module_runs_ruff_then_strict_mypy(capfd: pytest.CaptureFixture[str]) -> None:
    assert load_dev_script().lint([str(REPO / "archive" / "errors.py")], python=sys.executable) == 0
    output = capfd.readouterr().out
    assert "All checks passed" in output and "Success: no issues found in 1 source file" in output


def test_the_tools_dev_py_runs_are_test_extras() -> None:
    """A fresh checkout gets them from `pip install -e .[test]` (dev.py's own install step, as in CI)."""
    import re
    import tomllib

    extras = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]["optional-dependencies"]
    declared = {re.split(r"[\s<>=!~;\[]", requirement, maxsplit=1)[0].lower() for requirement in extras["test"]}
    run_as_modules = set(re.findall(r'"-m", "([a-z_]+)"', (REPO / "dev.py").read_text(encoding="utf-8")))
    assert {"ruff", "mypy", "pytest"} <= run_as_modules
    assert run_as_modules - {"desktop", "pip"} <= declared
