"""Checking a certificate: the clerk pastes or scans the text of its QR code, and the dialog
says in plain words whether a known office signed it, whether the business is still active
in the register, and (for a code of the current version, OTOP2) what was signed of its
products and whether they are the register's now."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from otop_desktop.database import Register
from otop_desktop.domain import Status
from otop_desktop.errors import UserError
from otop_desktop.thaiformat import format_be_date
from ui.headings import heading
from ui.lang import label_of, pick
from ui.messages import user_message

if TYPE_CHECKING:
    from otop_desktop.printing.verify import Verification

GOOD_STYLE = "color: #1b6e2a;"
BAD_STYLE = "color: #9b1c1c;"
DIALOG_WIDTH = 680


def verify_action(register: Register, parent: QWidget) -> QAction:
    """The menu entry "Verify a certificate…", which opens the dialog over ``parent``."""
    action = QAction(QCoreApplication.translate("VerifyDialog", "&Verify a certificate…"), parent)
    action.triggered.connect(lambda: VerifyDialog(register, parent).exec())
    return action


class VerifyDialog(QDialog):
    def __init__(self, register: Register, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._register = register
        self.setWindowTitle(self.tr("Verify a certificate"))
        self.setMinimumWidth(DIALOG_WIDTH)

        intro = QLabel(
            self.tr(
                "Scan the QR code on the certificate with a QR scanner, or paste or type its "
                "text here, then press Check. The text begins with OTOP2| (OTOP1| on older "
                "certificates)."
            )
        )
        intro.setWordWrap(True)
        self.text_edit = QLineEdit()
        self.text_edit.setPlaceholderText("OTOP2|5013-2567-0001|…")
        self.text_edit.setClearButtonEnabled(True)
        self.text_edit.setAccessibleName(self.tr("Text of the QR code"))
        self.check_button = QPushButton(self.tr("Check"))
        self.check_button.setDefault(True)
        entry = QHBoxLayout()
        entry.addWidget(self.text_edit, 1)
        entry.addWidget(self.check_button)

        self.verdict = heading(size_delta=4)
        self.explanation = QLabel()
        self.explanation.setWordWrap(True)
        self.reg_no = QLabel()
        self.name = QLabel()
        self.issued = QLabel()
        self.signed_by = QLabel()
        self.standing = QLabel()
        self.products = QLabel()
        for label in (
            self.explanation,
            self.reg_no,
            self.name,
            self.signed_by,
            self.standing,
            self.products,
        ):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setWordWrap(True)
        self.details = QWidget()
        form = QFormLayout(self.details)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Registration no.:"), self.reg_no)
        form.addRow(self.tr("Name on the certificate:"), self.name)
        form.addRow(self.tr("Issued on:"), self.issued)
        form.addRow(self.tr("Signed by:"), self.signed_by)
        form.addRow(self.tr("In the register now:"), self.standing)
        form.addRow(self.tr("Products:"), self.products)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(entry)
        layout.addSpacing(8)
        layout.addWidget(self.verdict)
        layout.addWidget(self.explanation)
        layout.addWidget(self.details)
        layout.addStretch(1)
        layout.addWidget(buttons)

        self.check_button.clicked.connect(self.check)
        self.text_edit.returnPressed.connect(self.check)
        self.text_edit.textEdited.connect(self._clear)
        self._clear()

    def check(self) -> Verification | None:
        """Checks the text and shows the answer; None when the text is not a certificate
        code at all (said so in the dialog)."""
        text = self.text_edit.text()
        if not text.strip():
            self._clear()
            return None
        # Imported when first used: the signatures' cryptography would otherwise load with
        # the main window's menu, at the program's start.
        from otop_desktop.printing.verify import verify_qr_text

        try:
            with self._register.read() as session:
                result = verify_qr_text(session, text)
        except UserError as exc:
            self._show_verdict(False, self.tr("This is not a certificate code"), user_message(exc))
            self.details.hide()
            return None
        self._show(result)
        return result

    def _show(self, result: Verification) -> None:
        if result.valid and not result.in_register:
            self._show_verdict(
                False,
                self.tr("⚠ Signature good, but the number is not in this register"),
                self.tr(
                    "The signature matches a key this register knows, yet no business with "
                    "this registration number is in the register. It may be for a business "
                    "that does not exist, signed with a key taken from a copy of the register. "
                    "Do not rely on it until the office has checked it."
                ),
            )
            self.signed_by.setText(result.office_name or "")
        elif result.valid:
            self._show_verdict(
                True,
                self.tr("✔ Genuine: the signature is good"),
                self.tr("An office whose key this register knows signed exactly this text."),
            )
            self.signed_by.setText(result.office_name or "")
        else:
            self._show_verdict(
                False,
                self.tr("✘ NOT genuine: the signature does not match"),
                self.tr(
                    "No office whose key this register knows signed this text. It may have "
                    "been altered or forged, or come from an office this register does not "
                    "know. Do not rely on what it says below."
                ),
            )
            self.signed_by.setText(self.tr("no known office"))
        self.reg_no.setText(result.reg_no)
        self.name.setText(result.name)
        self.issued.setText(
            pick(format_be_date(result.issued_on, "long"), format_be_date(result.issued_on))
        )
        self.standing.setText(self._standing_text(result))
        self.products.setText(self._products_text(result))
        self.details.show()

    def _standing_text(self, result: Verification) -> str:
        if result.status is None:
            return self.tr("not in this register")
        if result.status is Status.ACTIVE:
            text = self.tr("{status}: the business is still active").format(
                status=label_of(result.status)
            )
        else:
            text = self.tr("{status}: the business is not active now").format(
                status=label_of(result.status)
            )
        if result.current_name:
            text += "\n" + self.tr("The register's name for it now: {name}").format(
                name=result.current_name
            )
        return text

    def _products_text(self, result: Verification) -> str:
        """What the code signed of the products, and how that compares with the register."""
        from otop_desktop.printing.verify import ProductsCheck  # loaded by check() already

        signed = result.products_signed
        if signed is None:
            return self.tr(
                "Not signed: an OTOP1 code signs the number, name and date only. Compare the "
                "printed products with the register."
            )
        text = self.tr("{count} signed (digest {digest})").format(
            count=signed.count, digest=signed.digest
        )
        listed = "\n".join(f"{code}  {name}" for code, name in result.current_products)
        if result.products_check is ProductsCheck.SAME:
            text += "\n" + self.tr(
                "✔ The same codes and names as the register holds now; the printed list "
                "should read:"
            )
            text += "\n" + listed
        elif result.products_check is ProductsCheck.CHANGED:
            text += "\n" + self.tr(
                "✘ Not the register's products now: one was added, dropped or renamed since "
                "the certificate was issued. The register holds now:"
            )
            text += "\n" + (listed or self.tr("no products"))
        return text

    def _show_verdict(self, good: bool, verdict: str, explanation: str) -> None:
        self.verdict.setText(verdict)
        self.verdict.setStyleSheet(GOOD_STYLE if good else BAD_STYLE)
        self.explanation.setText(explanation)
        self.verdict.show()
        self.explanation.show()

    def _clear(self) -> None:
        for widget in (self.verdict, self.explanation, self.details):
            widget.hide()
