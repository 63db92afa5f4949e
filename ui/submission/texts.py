"""How the submission pages write months, moments, districts and row counts."""

from __future__ import annotations

from datetime import datetime

import geothai
from PySide6.QtCore import QCoreApplication, QLocale

from otop_desktop.submission import spec
from otop_desktop.thaiformat import THAI_MONTHS_ABBR, Period, format_be_date
from ui.lang import pick, ui_is_thai
from ui.widgets.month_picker import month_name


def period_text(period: Period) -> str:
    return QCoreApplication.translate("Submission", "{month} B.E. {year}").format(
        month=month_name(period.month), year=period.year_be
    )


def short_period_text(period: Period) -> str:
    """``ต.ค. 68`` / ``Oct 68``: a column heading of the completeness grid."""
    if ui_is_thai():
        month = THAI_MONTHS_ABBR[period.month - 1]
    else:
        month = QLocale().standaloneMonthName(period.month, QLocale.FormatType.ShortFormat)
    return f"{month} {period.year_be % 100:02d}"


def when_text(at: datetime) -> str:
    """The date in B.E. and the time, in the computer's time zone."""
    local = at.astimezone()
    return QCoreApplication.translate("Submission", "{date} at {time}").format(
        date=format_be_date(local.date()), time=f"{local:%H:%M}"
    )


def made_at_text(iso: str) -> str:
    """A workbook's ``created_at`` (ISO text as the district wrote it), as ``when_text``."""
    try:
        return when_text(datetime.fromisoformat(iso))
    except ValueError:
        return iso


def district_text(code: str) -> str:
    found = geothai.district(code)
    if found is None:
        return code
    return f"{pick(found.name_th, found.name_en)} ({code})"


def rows_label(rows_key: str) -> str:
    """What a data sheet's row count counts."""
    labels = {
        spec.ENTREPRENEURS.rows_key: QCoreApplication.translate("Submission", "Entrepreneurs"),
        spec.PRODUCTS.rows_key: QCoreApplication.translate("Submission", "Products"),
        spec.SALES.rows_key: QCoreApplication.translate("Submission", "Sales rows of the month"),
        spec.HOUSEHOLDS.rows_key: QCoreApplication.translate(
            "Submission", "Soft Power household rows"
        ),
        spec.SUPPORT.rows_key: QCoreApplication.translate(
            "Submission", "Training and grant rows of the month"
        ),
    }
    return labels.get(rows_key, rows_key)
