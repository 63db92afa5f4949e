"""Where the program keeps its files: the per-user data folder and the bundled resources."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import fontpkg_sarabun
from platformdirs import user_data_path, user_log_path

APP_NAME = "OTOP Desktop"
APP_AUTHOR = "OTOP"
#: Points the per-user data folder elsewhere (tests, a portable install).
DATA_DIR_ENV = "OTOP_DATA_DIR"


def project_root() -> Path:
    """The folder holding db/ and resources/: the source tree, or the PyInstaller bundle."""
    bundle = getattr(sys, "_MEIPASS", None)
    return Path(bundle) if bundle else Path(__file__).resolve().parent.parent


def migrations_dir() -> Path:
    return project_root() / "db"


def resources_dir() -> Path:
    return project_root() / "resources"


def data_dir() -> Path:
    """The user's data folder: the default register, its backups and the number floors kept
    outside every register. Private to the user (0700)."""
    override = os.environ.get(DATA_DIR_ENV)
    folder = Path(override) if override else user_data_path(APP_NAME, APP_AUTHOR)
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    return folder


def log_dir() -> Path:
    """Where the program's logs go: under the data folder when it is pointed elsewhere."""
    override = os.environ.get(DATA_DIR_ENV)
    folder = Path(override) / "logs" if override else user_log_path(APP_NAME, APP_AUTHOR)
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    return folder


def default_database() -> Path:
    return data_dir() / "otop-register.sqlite3"


def sarabun_file(file_name: str = "Sarabun-Regular.ttf") -> Path:
    """A Sarabun face shipped by ``fontpkg-sarabun``: the screens and the printed documents
    set Thai in the same font, whatever the PC has installed."""
    return fontpkg_sarabun.ROOT / "files" / file_name
