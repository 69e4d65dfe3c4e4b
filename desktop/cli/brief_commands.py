"""Commands of the brief area (placeholder until that area registers its commands here)."""

from __future__ import annotations

import argparse


def register(subparsers: argparse._SubParsersAction) -> None:
    """No commands yet."""
