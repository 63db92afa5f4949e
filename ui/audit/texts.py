"""How the trail is written on screen: each kind of action and of record by name, and the
moment of an entry as a B.E. date and time in the computer's time zone."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication

from otop_desktop.thaiformat import format_be_date


def action_labels() -> dict[str, str]:
    """Each kind of action by name (read once per page of the trail, not once per cell)."""
    return {
        "create": QCoreApplication.translate("Audit", "Added"),
        "update": QCoreApplication.translate("Audit", "Changed"),
        "delete": QCoreApplication.translate("Audit", "Deleted"),
        "export": QCoreApplication.translate("Audit", "Exported a file"),
        "print": QCoreApplication.translate("Audit", "Printed"),
        "backup": QCoreApplication.translate("Audit", "Backed up"),
        "restore": QCoreApplication.translate("Audit", "Restored a backup"),
        "import": QCoreApplication.translate("Audit", "Imported a file"),
        "import_legacy": QCoreApplication.translate("Audit", "Imported an old spreadsheet"),
        "import_workbook": QCoreApplication.translate("Audit", "Imported a district workbook"),
        "withdraw": QCoreApplication.translate("Audit", "Withdrew a district workbook"),
        "demo": QCoreApplication.translate("Audit", "Filled with demo data"),
        "login": QCoreApplication.translate("Audit", "Logged in"),
        "login_failed": QCoreApplication.translate("Audit", "Failed login"),
        "reveal": QCoreApplication.translate("Audit", "Revealed personal data"),
        "unlock": QCoreApplication.translate("Audit", "Unlocked"),
        "unlock_key": QCoreApplication.translate("Audit", "Unlocked signing"),
        "unlock_failed": QCoreApplication.translate("Audit", "Failed to unlock signing"),
        "new_key": QCoreApplication.translate("Audit", "New signing key"),
        "submitted": QCoreApplication.translate("Audit", "Sent to the province"),
        "unlocked": QCoreApplication.translate("Audit", "Unlocked a sent month"),
        "recovered": QCoreApplication.translate("Audit", "Recovered with the code"),
        "recovery_failed": QCoreApplication.translate("Audit", "Wrong recovery code"),
        "upgrade": QCoreApplication.translate("Audit", "Register upgraded"),
    }


def action_text(action: str) -> str:
    """The kind of action by name; an action the program does not know yet as it is."""
    return action_labels().get(action, action)


def entity_labels() -> dict[str, str]:
    return {
        "entrepreneur": QCoreApplication.translate("Audit", "Entrepreneur"),
        "product": QCoreApplication.translate("Audit", "Product"),
        "sale": QCoreApplication.translate("Audit", "Sales"),
        "household": QCoreApplication.translate("Audit", "Household"),
        "training": QCoreApplication.translate("Audit", "Training"),
        "grant": QCoreApplication.translate("Audit", "Grant"),
        "office": QCoreApplication.translate("Audit", "Office"),
        "account": QCoreApplication.translate("Audit", "Account"),
        "month": QCoreApplication.translate("Audit", "Month"),
        "file": QCoreApplication.translate("Audit", "File"),
    }


def record_text(entity: str, record: str, labels: dict[str, str] | None = None) -> str:
    """``ผู้ประกอบการ 5013-2567-0042``: what the entry was about."""
    if not entity:
        return record
    name = (labels if labels is not None else entity_labels()).get(entity, entity)
    return f"{name} {record}".strip()


def when_text(at: datetime) -> str:
    """``15/10/2568 14:30:05``: B.E. date and time, in the computer's time zone."""
    local = at.astimezone()
    return f"{format_be_date(local.date())} {local:%H:%M:%S}"
