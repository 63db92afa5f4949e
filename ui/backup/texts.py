"""How backups are written on screen: when one was made (B.E. date and time), why, its size
and the newest registration number it holds."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, QLocale

from otop_desktop.backup.make import CLOSING, DAILY, MANUAL
from otop_desktop.thaiformat import format_be_date


def when_text(at: datetime) -> str:
    """``15/10/2568 เวลา 14:30 น.``: the moment in B.E., in the computer's time zone."""
    local = at.astimezone()
    return QCoreApplication.translate("Backups", "{date} at {time}").format(
        date=format_be_date(local.date()), time=f"{local:%H:%M}"
    )


def reason_text(reason: str) -> str:
    texts = {
        MANUAL: QCoreApplication.translate("Backups", "Backed up by hand"),
        DAILY: QCoreApplication.translate("Backups", "Daily, automatic"),
        CLOSING: QCoreApplication.translate("Backups", "On closing, automatic"),
    }
    return texts.get(reason, reason)


def size_text(size: int) -> str:
    locale = QLocale()
    if size < 1_000_000:
        return QCoreApplication.translate("Backups", "{n} KB").format(
            n=locale.toString(max(1, round(size / 1000)))
        )
    return QCoreApplication.translate("Backups", "{n} MB").format(
        n=locale.toString(size / 1_000_000, "f", 1)
    )


def newest_number(highest: dict[str, str]) -> str:
    """The newest registration number of those per district and year (``5013-2567-0042``):
    the latest year's highest; "–" when the register had none."""
    return max(highest.values(), key=lambda number: number[5:], default="–")


def count_text(n: int) -> str:
    return QLocale().toString(n)
