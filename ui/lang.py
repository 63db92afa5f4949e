"""The core gives every message and every name of a domain value in Thai and in English; the
UI shows the one of the language it runs in (Thai unless started with ``--lang en``)."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QLocale


class Labelled(Protocol):
    @property
    def label_th(self) -> str: ...

    @property
    def label_en(self) -> str: ...


def ui_is_thai() -> bool:
    # configure_application sets the default locale with the language; it is the one record
    # of which language the program runs in.
    return QLocale().language() == QLocale.Language.Thai


def pick(message_th: str, message_en: str) -> str:
    return message_th if ui_is_thai() else message_en


def label_of(value: Labelled) -> str:
    return pick(value.label_th, value.label_en)
