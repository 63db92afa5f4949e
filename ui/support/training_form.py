"""The training form: when and what, who organised and paid for it, and which entrepreneurs of
the register took part."""

from __future__ import annotations

from datetime import date

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
from otop_desktop.services.support import (
    EntrepreneurChoice,
    TrainingInput,
    delete_training,
    get_training,
    save_training,
    training_participants,
)
from ui.forms.record_dialog import RecordDialog
from ui.support.entrepreneur_search import EntrepreneurSearch, choice_text
from ui.support.money import MoneyEdit
from ui.widgets.be_date import BEDateEdit

TOPIC_LEN = 300
ORGANISER_LEN = 200
DIALOG_WIDTH = 1000
_ID = Qt.ItemDataRole.UserRole


class TrainingDialog(RecordDialog):
    """A new training (``training_id`` None) or an existing one. Raises NotFoundError (a
    UserError) when the training to edit no longer exists."""

    def __init__(
        self, register: Register, training_id: int | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(register, parent)
        self._id = training_id
        with register.read() as session:
            record = None if training_id is None else get_training(session, training_id)
            participants = [] if record is None else training_participants(session, record.id)
        self._topic = record.topic if record else ""
        self.setWindowTitle(self.tr("New training") if record is None else self.tr("Training"))

        details = QGroupBox(self.tr("Training"))
        form = QFormLayout(details)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.held_on = BEDateEdit(required=True)
        self.topic = QLineEdit()
        self.topic.setMaxLength(TOPIC_LEN)
        self.organiser = QLineEdit()
        self.organiser.setMaxLength(ORGANISER_LEN)
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

        if record is None:
            self.held_on.setDate(date.today())
        else:
            self.held_on.setDate(record.held_on)
            self.topic.setText(record.topic)
            self.organiser.setText(record.organiser)
            self.budget.set_amount(record.budget)
            for choice in participants:
                self.add_participant(choice)
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
            item = QListWidgetItem(choice_text(choice))
            item.setData(_ID, choice.id)
            self.participants.addItem(item)
            self.participants.setCurrentItem(item)
        self.search.clear()
        self._show_count()

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

    def snapshot(self) -> object:
        return self.entered()

    def write(self, session: Session) -> int:
        return save_training(session, self.entered(), self._id).id

    def remove(self, session: Session) -> None:
        assert self._id is not None
        delete_training(session, self._id)

    def delete_question(self) -> str:
        return self.tr(
            "Delete the training “{topic}”?\n\nThe list of its participants is deleted with "
            "it; the entrepreneurs stay in the register."
        ).format(topic=self._topic)
