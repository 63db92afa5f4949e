"""``print certificate|form|register|monthly`` and ``verify``."""

from __future__ import annotations

import argparse


def add_commands(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Adds ``print`` and ``verify`` to the top-level commands."""
