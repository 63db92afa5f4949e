"""``import legacy``: a clerk's old spreadsheet of producers and products."""

from __future__ import annotations

import argparse


def add_commands(imports: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Adds ``legacy`` under ``import``."""
