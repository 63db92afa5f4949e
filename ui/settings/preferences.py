"""Per-user preferences, kept by QSettings (the registry on Windows) apart from the register,
which every clerk of the office shares. Each preference is a typed key with its default,
declared once on ``Preferences`` (as Picard declares its options)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Generic, TypeVar, overload

from PySide6.QtCore import QSettings

from otop_desktop.errors import UserError
from otop_desktop.paths import APP_AUTHOR, APP_NAME
from ui.app import LANGUAGES
from ui.lang import ui_is_thai

T = TypeVar("T", str, int, bool)


class Setting(Generic[T]):
    """One preference: read back as the type of its default, and the default whenever the
    stored value is missing or not one of ``choices`` (an older program's, or hand-edited)."""

    def __init__(self, default: T, choices: tuple[T, ...] = ()) -> None:
        self.default: T = default
        self.choices: tuple[T, ...] = choices
        self.key = ""

    def __set_name__(self, owner: type, name: str) -> None:
        self.key = name

    @overload
    def __get__(self, obj: None, owner: type) -> Setting[T]: ...

    @overload
    def __get__(self, obj: Preferences, owner: type) -> T: ...

    def __get__(self, obj: Preferences | None, owner: type) -> Setting[T] | T:
        if obj is None:
            return self
        value = obj.settings.value(self.key, self.default, type=type(self.default))
        # QSettings gives the value as ``type`` asks; the test tells the type checker so.
        if not isinstance(value, type(self.default)) or (
            self.choices and value not in self.choices
        ):
            return self.default
        return value

    def __set__(self, obj: Preferences, value: T) -> None:
        if self.choices and value not in self.choices:
            raise ValueError(f"{self.key} must be one of {self.choices}, not {value!r}")
        obj.settings.setValue(self.key, value)
        obj.settings.sync()


# How many registers File → Recent registers offers.
RECENT_MAX = 6


def location_to_keep(db: str | Path) -> str:
    """A register's location fit to be kept among the preferences: a file's absolute path,
    or a server URL without its password (in the URL or its query), which is never stored;
    the driver then finds it where the server's own tools keep it (e.g. a .pgpass file)."""
    # Here, not at the top: the preferences are read before the first window, which on a
    # register with accounts shows before the core (SQLAlchemy) is loaded.
    from sqlalchemy.engine import URL

    from otop_desktop.database import database_url

    url = database_url(db)
    if url.get_backend_name() == "sqlite":
        return str(Path(url.database or "").absolute())
    # Made anew: URL.set() ignores a None, so it cannot take a password away.
    bare = URL.create(
        url.drivername,
        username=url.username,
        host=url.host,
        port=url.port,
        database=url.database,
        query={k: v for k, v in url.query.items() if k.lower() != "password"},
    )
    return bare.render_as_string(hide_password=False)


class Preferences:
    language = Setting("th", choices=LANGUAGES)
    # The registers opened last, newest first, as a JSON list (see ``recent_registers``).
    recent = Setting("")

    def __init__(self, settings: QSettings | None = None) -> None:
        # Named explicitly rather than through the application, so that main.py can read the
        # language before the application is configured in it.
        self.settings = settings if settings is not None else QSettings(APP_AUTHOR, APP_NAME)

    def recent_registers(self) -> list[str]:
        try:
            stored = json.loads(self.recent or "[]")
        except ValueError:
            return []  # hand-edited: forgotten rather than refused
        if not isinstance(stored, list):
            return []
        return [item for item in stored if isinstance(item, str) and item][:RECENT_MAX]

    def remember_register(self, db: str | Path) -> None:
        """Puts the register first among the recent ones (without any password)."""
        try:
            kept = location_to_keep(db)
        except UserError:
            return  # not a location one could open again
        others = [item for item in self.recent_registers() if item != kept]
        self.recent = json.dumps([kept, *others][:RECENT_MAX], ensure_ascii=False)

    def forget_register(self, db: str | Path) -> None:
        """Takes a register off the recent ones (its file has gone)."""
        try:
            kept = location_to_keep(db)
        except UserError:
            return
        others = [item for item in self.recent_registers() if item != kept]
        self.recent = json.dumps(others, ensure_ascii=False)


def running_language() -> str:
    """The language the program started in (configure_application set the locale to it)."""
    return "th" if ui_is_thai() else "en"
