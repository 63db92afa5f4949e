"""The training form: when and what, who organised and paid for it, and which entrepreneurs of
the register took part."""

from __future__ import annotations

from decimal import Decimal
from typing import Any, ClassVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from otop_desktop.database import Register
from otop_desktop.models import Training, length
from otop_desktop.services.support import (
    EntrepreneurChoice,
    TrainingInput,
    delete_training,
    get_training,
    save_training,
    training_participants,
)
from otop_desktop.thaiformat import thai_today
from ui.forms.record_dialog import RecordDialog, set_entered
from ui.support.entrepreneur_search import EntrepreneurSearch, choice_text
from ui.support.money import MoneyEdit
from ui.widgets.be_date import BEDateEdit

DIALOG_WIDTH = 1000
_ID = Qt.ItemDataRole.UserRole


class TrainingDialog(RecordDialog):
    """A new training (``training_id`` None) or an existing one. Raises NotFoundError (a
    UserError) when the training to edit no longer exists."""

    FIELD_ALIASES: ClassVar[dict[str, str]] = {"participant_ids": "participants"}

    def __init__(
        self, register: Register, training_id: int | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(register, parent)
        self._id = training_id
        # Every entrepreneur the form has listed, by id: a list put back (a reload, the
        # clerk's list over the record as it is now) names them without asking again.
        self._known: dict[int, EntrepreneurChoice] = {}
        with register.read() as session:
            record = None if training_id is None else get_training(session, training_id)
            values = None if record is None else self._values(session, record)
        self._topic = record.topic if record else ""
        self.setWindowTitle(self.tr("New training") if record is None else self.tr("Training"))

        details = QGroupBox(self.tr("Training"))
        form = QFormLayout(details)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.held_on = BEDateEdit(required=True)
        self.topic = QLineEdit()
        self.topic.setMaxLength(length(Training.topic))
        self.organiser = QLineEdit()
        self.organiser.setMaxLength(length(Training.organiser))
        self.organiser.setPlaceholderText(
            self.tr("e.g. the provincial Community Development office")
        )
        self.budget = MoneyEdit()
        self.fields.add_row(form, self.tr("&Date"), self.held_on, "held_on")
        self.fields.add_row(form, self.tr("&Topic"), self.topic, "topic")
        self.fields.add_row(form, self.tr("&Organiser"), self.organiser, "organiser")
        self.fields.add_row(form, self.tr("&Budget (baht)"), self.budget, "budget")

        people = QGroupBox(self.tr("Participants"))
        people_form = QFormLayout(people)
        people_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.search = EntrepreneurSearch(register)
        self.search.picked.connect(self.add_participant)
        self.fields.add_row(people_form, self.tr("&Add"), self.search)
        self.participants = QListWidget()
        self.participants.setAccessibleName(self.tr("Participants"))
        self.remove_button = QPushButton(self.tr("&Remove from the training"))
        self.remove_button.setAutoDefault(False)
        self.remove_button.clicked.connect(self.remove_participant)
        QShortcut(
            QKeySequence.StandardKey.Delete,
            self.participants,
            self.remove_participant,
            Qt.ShortcutContext.WidgetShortcut,
        )
        self.count_label = QLabel()
        list_cell = QWidget()
        list_layout = QVBoxLayout(list_cell)
        list_layout.setContentsMargins(0, 0, 0, 0)
        list_layout.addWidget(self.participants, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.count_label)
        buttons.addStretch(1)
        buttons.addWidget(self.remove_button)
        list_layout.addLayout(buttons)
        list_cell.setFocusProxy(self.participants)
        self.fields.add_row(people_form, None, list_cell, "participants")

        columns = QHBoxLayout()
        columns.setSpacing(16)
        columns.addWidget(details, 1)
        columns.addWidget(people, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addWidget(self.general_message)
        layout.addLayout(self.button_row(can_delete=record is not None))

        if record is None or values is None:
            self.held_on.setDate(thai_today())
        else:
            self.fill(values)
            self.version = record.version
        self._show_count()
        self.mark_clean()
        self.resize(DIALOG_WIDTH, self.sizeHint().height())
        self.held_on.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- participants ---------------------------------------------------------------------

    def participant_ids(self) -> list[int]:
        return [
            int(self.participants.item(row).data(_ID)) for row in range(self.participants.count())
        ]

    def add_participant(self, choice: EntrepreneurChoice) -> None:
        """Adds a participant, once: picking one already listed makes it current."""
        self.fields.message("participants").clear_error()
        ids = self.participant_ids()
        if choice.id in ids:
            self.participants.setCurrentRow(ids.index(choice.id))
        else:
            self.participants.setCurrentItem(self._list(choice))
        self.search.clear()
        self._show_count()

    def _list(self, choice: EntrepreneurChoice) -> QListWidgetItem:
        self._known[choice.id] = choice
        item = QListWidgetItem(choice_text(choice))
        item.setData(_ID, choice.id)
        self.participants.addItem(item)
        return item

    def remove_participant(self) -> None:
        row = self.participants.currentRow()
        if row >= 0:
            self.participants.takeItem(row)
            self._show_count()

    def _show_count(self) -> None:
        count = self.participants.count()
        self.remove_button.setEnabled(count > 0)
        self.count_label.setText(
            self.tr("1 participant")
            if count == 1
            else self.tr("{count} participants").format(count=self.locale().toString(count))
        )

    # --- the record -----------------------------------------------------------------------

    def entered(self) -> TrainingInput:
        return TrainingInput(
            held_on=self.held_on.entered(),
            topic=self.topic.text(),
            organiser=self.organiser.text(),
            budget=self.budget.text(),
            participant_ids=self.participant_ids(),
        )

    def snapshot(self) -> Any:
        return self.entered()

    def _values(self, session: Session, record: Training) -> TrainingInput:
        participants = training_participants(session, record.id)
        self._known.update((p.id, p) for p in participants)
        return TrainingInput(
            held_on=record.held_on,
            topic=record.topic,
            organiser=record.organiser,
            budget=record.budget,
            participant_ids=[p.id for p in participants],
        )

    def fill(self, values: Any) -> None:
        assert isinstance(values, TrainingInput)
        set_entered(self.held_on, values.held_on)
        self.topic.setText(values.topic)
        self.organiser.setText(values.organiser)
        budget = values.budget
        if isinstance(budget, str):
            self.budget.setText(budget)
        else:
            self.budget.set_amount(Decimal(budget))
        self.participants.clear()
        for entrepreneur_id in values.participant_ids:
            # Always known: listed by the record as read, or by the clerk.
            self._list(self._known[entrepreneur_id])
        self._show_count()

    def current(self, session: Session) -> tuple[Any, int]:
        assert self._id is not None
        record = get_training(session, self._id)
        return self._values(session, record), record.version

    def write(self, session: Session) -> int:
        return save_training(session, self.entered(), self._id, expected_version=self.version).id

    def remove(self, session: Session) -> None:
        assert self._id is not None
        delete_training(session, self._id)

    def saved_message(self) -> str:
        return self.tr("Saved the new training “{topic}”.").format(topic=self.entered().topic)

    def delete_question(self) -> str:
        return self.tr(
            "Delete the training “{topic}”?\n\nThe list of its participants is deleted with "
            "it; the entrepreneurs stay in the register."
        ).format(topic=self._topic)
