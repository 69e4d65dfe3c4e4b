"""Every module the program imports comes from the standard library or a declared dependency.

A user runs ``pip install muntada`` without the test extras (or the frozen build made from the
same list): a module that only arrives through a test tool works in every test and fails on the
user's machine. The imports are read from the source (also those inside functions, which load
only when a feature is used), and so are module names given to ``importlib.import_module`` and
``importlib.resources.files``.
"""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PROGRAM_PACKAGES = ("archive", "search", "desktop")
LOADERS = {"import_module", "files"}  # importlib.import_module("x"), importlib.resources.files("x")


def canonical(distribution: str) -> str:
    """A distribution name as pip compares them (PEP 503)."""
    return re.sub(r"[-_.]+", "-", distribution).lower()


def declared_distributions() -> set[str]:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return {canonical(re.split(r"[\s<>=!~;\[]", requirement, maxsplit=1)[0]) for requirement in project["dependencies"]}


def imported_top_level_modules(path: Path) -> set[str]:
    """Top-level names of the absolute imports in one source file, and of modules loaded by name."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module.split(".")[0])
        elif isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant):
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if name in LOADERS and isinstance(node.args[0].value, str):
                found.add(node.args[0].value.split(".")[0])
    return found


def third_party_imports() -> dict[str, str]:
    """Module name -> first file importing it, for every module neither ours nor the standard library's."""
    found: dict[str, str] = {}
    for package in PROGRAM_PACKAGES:
        for path in sorted((REPO / package).rglob("*.py")):
            for module in imported_top_level_modules(path):
                if module in PROGRAM_PACKAGES or module in sys.stdlib_module_names or module == "__future__":
                    continue
                found.setdefault(module, str(path.relative_to(REPO)))
    return found


def test_every_imported_module_comes_from_a_declared_dependency() -> None:
    declared = declared_distributions()
    providers = packages_distributions()
    undeclared = {}
    for module, where in third_party_imports().items():
        distributions = {canonical(name) for name in providers.get(module, [])}
        if not distributions & declared:
            undeclared[module] = f"{where} (installed from: {', '.join(sorted(distributions)) or 'nothing'})"
    assert not undeclared, f"imported but not declared in [project.dependencies]: {undeclared}"


def test_the_check_sees_imports_inside_functions_and_loaders(tmp_path: Path) -> None:
    source = tmp_path / "example.py"
    source.write_text(
        "import os.path\nfrom archive import x\nfrom . import sibling\n"
        "def preview():\n    import pypdfium2\n    return importlib.resources.files('fontpkg_amiri')\n",
        encoding="utf-8",
    )
    assert imported_top_level_modules(source) == {"os", "archive", "pypdfium2", "fontpkg_amiri"}
