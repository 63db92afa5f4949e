"""The program's version, as the installed package says (the workbooks and the About box)."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version


def program_version() -> str:
    try:
        return version("otop-desktop")
    except PackageNotFoundError:  # run from a bundle without package metadata
        return "0"
