"""The grant form: support given to one entrepreneur of the register — when, how much, what
for and from whom."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QLineEdit, QVBoxLayout, QWidget
from sqlalchemy.orm import Session

from otop_desktop.database import Register
from otop_desktop.services.support import (
    EntrepreneurChoice,
    GrantInput,
    delete_grant,
    entrepreneur_choice,
    get_grant,
    save_grant,
)
from otop_desktop.thaiformat import format_money
from ui.forms.record_dialog import RecordDialog
from ui.support.entrepreneur_search import EntrepreneurSearch, choice_text
from ui.support.money import MoneyEdit
from ui.widgets.be_date import BEDateEdit

PURPOSE_LEN = 300
FUNDER_LEN = 200
DIALOG_WIDTH = 760


class GrantDialog(RecordDialog):
    """A new grant (``grant_id`` None) or an existing one. Raises NotFoundError (a UserError)
    when the grant to edit, or its entrepreneur, no longer exists."""

    def __init__(
        self, register: Register, grant_id: int | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(register, parent)
        self._id = grant_id
        with register.read() as session:
            record = None if grant_id is None else get_grant(session, grant_id)
            owner = None if record is None else entrepreneur_choice(session, record.entrepreneur_id)
        self.entrepreneur: EntrepreneurChoice | None = None
        self._question = (
            ""
            if record is None or owner is None
            else self.tr("Delete the grant of {amount} baht to {name}?").format(
                amount=format_money(record.amount), name=owner.name
            )
        )
        self.setWindowTitle(self.tr("New grant") if record is None else self.tr("Grant"))

        box = QGroupBox(self.tr("Grant"))
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.search = EntrepreneurSearch(register)
        self.search.picked.connect(self.pick)
        self.chosen = QLabel()
        self.chosen.setWordWrap(True)
        self.chosen.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.tr("Entrepreneur"), self.chosen)
        # The refusal of a grant without an entrepreneur goes under the search, to type in.
        self.fields.add_row(form, self.tr("Find the &entrepreneur"), self.search, "entrepreneur")
        self.granted_on = BEDateEdit(required=True)
        self.amount = MoneyEdit()
        self.purpose = QLineEdit()
        self.purpose.setMaxLength(PURPOSE_LEN)
        self.purpose.setPlaceholderText(self.tr("e.g. a loom for the group"))
        self.funder = QLineEdit()
        self.funder.setMaxLength(FUNDER_LEN)
        self.fields.add_row(form, self.tr("&Date"), self.granted_on, "granted_on")
        self.fields.add_row(form, self.tr("&Amount (baht)"), self.amount, "amount")
        self.fields.add_row(form, self.tr("&Purpose"), self.purpose, "purpose")
        self.fields.add_row(form, self.tr("&Funder"), self.funder, "funder")

        layout = QVBoxLayout(self)
        layout.addWidget(box, 1)
        layout.addWidget(self.general_message)
        layout.addLayout(self.button_row(can_delete=record is not None))

        self._show_chosen(owner)
        if record is None:
            self.granted_on.setDate(date.today())
            self.search.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.granted_on.setDate(record.granted_on)
            self.amount.set_amount(record.amount)
            self.purpose.setText(record.purpose)
            self.funder.setText(record.funder)
            self.granted_on.setFocus(Qt.FocusReason.OtherFocusReason)
        self.mark_clean()
        self.resize(DIALOG_WIDTH, self.sizeHint().height())

    def pick(self, choice: EntrepreneurChoice) -> None:
        self.fields.message("entrepreneur").clear_error()
        self._show_chosen(choice)
        self.search.clear()
        self.granted_on.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_chosen(self, choice: EntrepreneurChoice | None) -> None:
        self.entrepreneur = choice
        font = QFont(self.chosen.font())
        font.setBold(choice is not None)
        font.setItalic(choice is None)
        self.chosen.setFont(font)
        self.chosen.setText(
            choice_text(choice) if choice else self.tr("none chosen yet: find it below")
        )

    # --- the record -----------------------------------------------------------------------

    def entered(self) -> tuple[int | None, GrantInput]:
        return (
            self.entrepreneur.id if self.entrepreneur else None,
            GrantInput(
                granted_on=self.granted_on.entered(),
                amount=self.amount.text(),
                purpose=self.purpose.text(),
                funder=self.funder.text(),
            ),
        )

    def snapshot(self) -> object:
        return self.entered()

    def write(self, session: Session) -> int:
        entrepreneur_id, data = self.entered()
        return save_grant(session, entrepreneur_id, data, self._id).id

    def remove(self, session: Session) -> None:
        assert self._id is not None
        delete_grant(session, self._id)

    def delete_question(self) -> str:
        return self._question
