"""Per-user preferences, kept by QSettings (the registry on Windows) apart from the register,
which every clerk of the office shares. Each preference is a typed key with its default,
declared once on ``Preferences`` (as Picard declares its options)."""

from __future__ import annotations

from typing import Generic, TypeVar, overload

from PySide6.QtCore import QSettings

from otop_desktop.paths import APP_AUTHOR, APP_NAME
from ui.app import LANGUAGES
from ui.lang import ui_is_thai

T = TypeVar("T", str, int, bool)


class Setting(Generic[T]):
    """One preference: read back as the type of its default, and the default whenever the
    stored value is missing or not one of ``choices`` (an older program's, or hand-edited)."""

    def __init__(self, default: T, choices: tuple[T, ...] = ()) -> None:
        self.default = default
        self.choices = choices
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
        if self.choices and value not in self.choices:
            return self.default
        return value

    def __set__(self, obj: Preferences, value: T) -> None:
        if self.choices and value not in self.choices:
            raise ValueError(f"{self.key} must be one of {self.choices}, not {value!r}")
        obj.settings.setValue(self.key, value)
        obj.settings.sync()


class Preferences:
    language = Setting("th", choices=LANGUAGES)

    def __init__(self, settings: QSettings | None = None) -> None:
        # Named explicitly rather than through the application, so that main.py can read the
        # language before the application is configured in it.
        self.settings = settings if settings is not None else QSettings(APP_AUTHOR, APP_NAME)


def running_language() -> str:
    """The language the program started in (configure_application set the locale to it)."""
    return "th" if ui_is_thai() else "en"
