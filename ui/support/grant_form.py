"""The grant form: support given to one entrepreneur of the register — when, how much, what
for and from whom."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QLineEdit, QVBoxLayout, QWidget
from sqlalchemy.orm import Session

from otop_desktop.database import Register
from otop_desktop.models import Grant, length
from otop_desktop.services.support import (
    GRANT_LABELS,
    EntrepreneurChoice,
    GrantInput,
    delete_grant,
    entrepreneur_choice,
    get_grant,
    save_grant,
)
from otop_desktop.thaiformat import format_money, thai_today
from ui.forms.record_dialog import RecordDialog, set_entered
from ui.lang import pick
from ui.support.entrepreneur_search import EntrepreneurSearch, choice_text
from ui.support.money import MoneyEdit
from ui.widgets.be_date import BEDateEdit

DIALOG_WIDTH = 760


@dataclass
class GrantValues:
    """The grant as the form holds it: to whom, and the service's input."""

    entrepreneur_id: int | None
    granted_on: date | str | None
    amount: Decimal | str | int
    purpose: str
    funder: str

    def data(self) -> GrantInput:
        return GrantInput(self.granted_on, self.amount, self.purpose, self.funder)


class GrantDialog(RecordDialog):
    """A new grant (``grant_id`` None) or an existing one. Raises NotFoundError (a UserError)
    when the grant to edit, or its entrepreneur, no longer exists."""

    def __init__(
        self, register: Register, grant_id: int | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(register, parent)
        self._id = grant_id
        # Every entrepreneur the form has shown, by id, to show one again by its id.
        self._known: dict[int, EntrepreneurChoice] = {}
        with register.read() as session:
            record = None if grant_id is None else get_grant(session, grant_id)
            owner = None if record is None else entrepreneur_choice(session, record.entrepreneur_id)
            values = None if record is None else self._values(session, record)
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
        self.purpose.setMaxLength(length(Grant.purpose))
        self.purpose.setPlaceholderText(self.tr("e.g. a loom for the group"))
        self.funder = QLineEdit()
        self.funder.setMaxLength(length(Grant.funder))
        self.fields.add_row(form, self.tr("&Date"), self.granted_on, "granted_on")
        self.fields.add_row(form, self.tr("&Amount (baht)"), self.amount, "amount")
        self.fields.add_row(form, self.tr("&Purpose"), self.purpose, "purpose")
        self.fields.add_row(form, self.tr("&Funder"), self.funder, "funder")

        layout = QVBoxLayout(self)
        layout.addWidget(box, 1)
        layout.addWidget(self.general_message)
        layout.addLayout(self.button_row(can_delete=record is not None))

        self._show_chosen(owner)
        if record is None or values is None:
            self.granted_on.setDate(thai_today())
            self.search.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.fill(values)
            self.version = record.version
            self.granted_on.setFocus(Qt.FocusReason.OtherFocusReason)
        self.mark_clean()
        self.resize(DIALOG_WIDTH, self.sizeHint().height())

    def pick(self, choice: EntrepreneurChoice) -> None:
        self.fields.message("entrepreneur").clear_error()
        self._show_chosen(choice)
        self.search.clear()
        self.granted_on.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_chosen(self, choice: EntrepreneurChoice | None) -> None:
        if choice is not None:
            self._known[choice.id] = choice
        self.entrepreneur = choice
        font = QFont(self.chosen.font())
        font.setBold(choice is not None)
        font.setItalic(choice is None)
        self.chosen.setFont(font)
        self.chosen.setText(
            choice_text(choice) if choice else self.tr("none chosen yet: find it below")
        )

    # --- the record -----------------------------------------------------------------------

    def entered(self) -> GrantValues:
        return GrantValues(
            entrepreneur_id=self.entrepreneur.id if self.entrepreneur else None,
            granted_on=self.granted_on.entered(),
            amount=self.amount.text(),
            purpose=self.purpose.text(),
            funder=self.funder.text(),
        )

    def snapshot(self) -> Any:
        return self.entered()

    def field_label(self, name: str) -> str:
        if name == "entrepreneur_id":
            return self.tr("Entrepreneur")
        if name in GRANT_LABELS:
            return pick(*GRANT_LABELS[name])
        return super().field_label(name)

    def _values(self, session: Session, record: Grant) -> GrantValues:
        owner = entrepreneur_choice(session, record.entrepreneur_id)
        self._known[owner.id] = owner
        return GrantValues(
            entrepreneur_id=record.entrepreneur_id,
            granted_on=record.granted_on,
            amount=record.amount,
            purpose=record.purpose,
            funder=record.funder,
        )

    def fill(self, values: Any) -> None:
        assert isinstance(values, GrantValues)
        chosen = values.entrepreneur_id
        self._show_chosen(None if chosen is None else self._known[chosen])
        set_entered(self.granted_on, values.granted_on)
        amount = values.amount
        if isinstance(amount, str):
            self.amount.setText(amount)
        else:
            self.amount.set_amount(Decimal(amount))
        self.purpose.setText(values.purpose)
        self.funder.setText(values.funder)

    def current(self, session: Session) -> tuple[Any, int]:
        assert self._id is not None
        record = get_grant(session, self._id)
        return self._values(session, record), record.version

    def write(self, session: Session) -> int:
        values = self.entered()
        return save_grant(
            session, values.entrepreneur_id, values.data(), self._id, expected_version=self.version
        ).id

    def remove(self, session: Session) -> None:
        assert self._id is not None
        delete_grant(session, self._id)

    def saved_message(self) -> str:
        name = self.entrepreneur.name if self.entrepreneur else ""
        return self.tr("Saved the new grant to {name}.").format(name=name)

    def delete_question(self) -> str:
        return self._question
