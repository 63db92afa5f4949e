"""How accounts are written on screen: each role by its name in the office, the rule a new
password must meet, and the fields every password dialog shares."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLineEdit

# The login dialog, shown before the core (SQLAlchemy, the models) is loaded, uses the fields
# below: the roles and the password rule are imported from the core where they are asked for.


def role_text(role: str) -> str:
    from otop_desktop.models.accounts import CLERK, HEAD, VIEWER

    texts = {
        HEAD: QCoreApplication.translate("Accounts", "Head of office"),
        CLERK: QCoreApplication.translate("Accounts", "Clerk"),
        VIEWER: QCoreApplication.translate("Accounts", "Viewer"),
    }
    return texts.get(role, role)


def role_hint(role: str) -> str:
    from otop_desktop.models.accounts import CLERK, HEAD, VIEWER

    texts = {
        HEAD: QCoreApplication.translate(
            "Accounts",
            "Everything a clerk does, and manages accounts, unlocks sent months, sees full "
            "personal data, signs certificates and restores backups",
        ),
        CLERK: QCoreApplication.translate(
            "Accounts", "Enters and edits the register, prints and exports"
        ),
        VIEWER: QCoreApplication.translate(
            "Accounts", "Reads the register and prints masked lists"
        ),
    }
    return texts.get(role, "")


def password_rule() -> str:
    from otop_desktop.accounts.service import MIN_PASSWORD

    return QCoreApplication.translate("Accounts", "at least {n} characters").format(n=MIN_PASSWORD)


def passwords_differ() -> str:
    return QCoreApplication.translate("Accounts", "The two passwords are not the same")


def name_missing() -> str:
    return QCoreApplication.translate("Accounts", "Type the account name")


def password_missing() -> str:
    return QCoreApplication.translate("Accounts", "Type the password")


def password_edit(placeholder: str = "") -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setMaxLength(200)
    if placeholder:
        edit.setPlaceholderText(placeholder)
    return edit


def name_edit() -> QLineEdit:
    edit = QLineEdit()
    edit.setMaxLength(60)
    return edit
