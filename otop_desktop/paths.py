"""Where the program keeps its files: the per-user data folder and the bundled resources."""

from __future__ import annotations

import sys
from pathlib import Path

import fontpkg_sarabun
from platformdirs import user_data_path

APP_NAME = "OTOP Desktop"
APP_AUTHOR = "OTOP"


def project_root() -> Path:
    """The folder holding db/ and resources/: the source tree, or the PyInstaller bundle."""
    bundle = getattr(sys, "_MEIPASS", None)
    return Path(bundle) if bundle else Path(__file__).resolve().parent.parent


def migrations_dir() -> Path:
    return project_root() / "db"


def resources_dir() -> Path:
    return project_root() / "resources"


def default_database() -> Path:
    return user_data_path(APP_NAME, APP_AUTHOR, ensure_exists=True) / "otop-register.sqlite3"


def sarabun_file(file_name: str = "Sarabun-Regular.ttf") -> Path:
    """A Sarabun face shipped by ``fontpkg-sarabun``: the screens and the printed documents
    set Thai in the same font, whatever the PC has installed."""
    return fontpkg_sarabun.ROOT / "files" / file_name
