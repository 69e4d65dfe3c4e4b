"""Tests of the release build's own code (packaging/): the files derived from pyproject.toml, the
icon, the installer script, and the smoke test's checks. The frozen build itself is tested by
``python dev.py package`` (packaging/smoke.py), not here: it takes minutes."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

PACKAGING = Path(__file__).resolve().parents[2] / "packaging"


def load_packaging_module(name: str) -> ModuleType:
    """Import ``packaging/<name>.py`` (not a package: ``packaging`` is also a PyPI project's name)."""
    qualified = f"muntada_packaging_{name}"
    if qualified in sys.modules:
        return sys.modules[qualified]
    spec = importlib.util.spec_from_file_location(qualified, PACKAGING / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[qualified] = module  # dataclasses look their module up while the class is made
    spec.loader.exec_module(module)
    return module
