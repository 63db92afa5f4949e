"""``export monthly``, ``export province`` and ``import submission``."""

from __future__ import annotations

import argparse


def add_commands(
    exports: argparse._SubParsersAction,  # type: ignore[type-arg]
    imports: argparse._SubParsersAction,  # type: ignore[type-arg]
) -> None:
    """Adds ``monthly`` and ``province`` under ``export``, ``submission`` under ``import``."""
