"""Where the program keeps its files: the per-user data folder and the bundled resources."""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

import fontpkg_sarabun
from platformdirs import user_data_path, user_log_path

APP_NAME = "OTOP Desktop"
APP_AUTHOR = "OTOP"
#: Points the per-user data folder elsewhere (tests, a portable install).
DATA_DIR_ENV = "OTOP_DATA_DIR"


def _package_data(name: str, checkout_name: str) -> Path:
    """A folder of package data: ``otop_desktop/<name>`` of an installed wheel or of the
    PyInstaller bundle (both carry it inside the package, see setup.py and build.spec), or,
    in a checkout (run in place or installed editable), the folder at the top of the tree
    where the repository keeps it. A real folder either way: alembic and Qt take paths."""
    packaged = resources.files("otop_desktop") / name
    if isinstance(packaged, Path) and packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / checkout_name


def migrations_dir() -> Path:
    """The Alembic migrations (the repository's db/)."""
    return _package_data("migrations", "db")


def resources_dir() -> Path:
    """Translations, help pages and icons (the repository's resources/)."""
    return _package_data("resources", "resources")


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
    root: Path = fontpkg_sarabun.ROOT  # the package has no type information
    return root / "files" / file_name
