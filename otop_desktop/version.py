"""The program's version: the workbooks, the window titles, About, the wheel (pyproject.toml
reads it from here) and the bundle's name and Windows version resource (build.spec).

A constant rather than the installed package's metadata: reading that imports
importlib.metadata and its e-mail parser, some 90 ms of every start, and a bundle has no
metadata unless it is copied in."""

from __future__ import annotations

VERSION = "0.1.0"


def program_version() -> str:
    return VERSION
