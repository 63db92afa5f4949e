"""The entrepreneur form: registering a producer, changing its record, deleting it, and its
digital financial readiness (a tab of its own: the checklist, the level it gives, the date
assessed). A clerk or a head sees the citizen ID and the phone in full here; a viewer sees
them masked and cannot change them."""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from datetime import date
from typing import Any, ClassVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import QueryableAttribute, Session

from otop_desktop.accounts.roles import sees_personal_data
from otop_desktop.database import Register
from otop_desktop.domain import READINESS_ITEMS, ProducerType, Status
from otop_desktop.errors import UserError
from otop_desktop.masking import mask
from otop_desktop.models import Entrepreneur, length
from otop_desktop.services.entrepreneurs import (
    DuplicateId,
    EntrepreneurInput,
    create_entrepreneur,
    delete_entrepreneur,
    get_entrepreneur,
    same_id,
    set_readiness,
    update_entrepreneur,
)
from otop_desktop.services.office import get_office
from otop_desktop.services.readiness import CHECKS, TOP_LEVEL, Assessment, checks_of
from otop_desktop.thaiformat import thai_today
from otop_desktop.thaiid import ThaiIdError, format_thai_id, parse_thai_id
from ui.forms.producer_activity import Activity, ProducerActivity, read_activity
from ui.forms.product_form import ProductDialog
from ui.forms.record_dialog import RecordDialog, set_entered
from ui.lang import label_of, pick
from ui.messages import show_user_error
from ui.widgets.be_date import BEDateEdit
from ui.widgets.field_error import FieldMessage, Level
from ui.widgets.place_picker import PlacePicker
from ui.widgets.record_number import record_number_label

ID_DIGITS = 13
# Room for the messages under the fields on the office PCs' 1366×768 screens.
DIALOG_WIDTH = 980
# The most duplicates the ID warning names; more would push the form off the screen.
DUPLICATES_NAMED = 3


@dataclass
class EntrepreneurValues(EntrepreneurInput):
    """What the form shows: the record as the service takes it, and on its own tab the
    digital-readiness checklist (``readiness``: one tick per item of ``CHECKS``, in order)
    with the date it was assessed. Compared field by field for unsaved edits and conflicts."""

    readiness: tuple[bool, ...] = (False,) * len(CHECKS)
    assessed_on: date | str | None = None

    def record(self) -> EntrepreneurInput:
        """The record alone, for the entrepreneurs service."""
        return EntrepreneurInput(
            **{f.name: getattr(self, f.name) for f in fields(EntrepreneurInput)}
        )


class EntrepreneurDialog(RecordDialog):
    """A new entrepreneur (``entrepreneur_id`` None) or an existing one. The production site
    lies in the office's own area: its province and district come from the office record
    (on a province register the district is chosen), the subdistrict is chosen from that
    district's. The registration number is given on the first save and never changes.

    Raises NotFoundError (a UserError) when the record to edit no longer exists."""

    # The district is the subdistrict's first four digits: one change, one label.
    FIELD_ALIASES: ClassVar[dict[str, str]] = {"district_code": "subdistrict_code"}

    def __init__(
        self, register: Register, entrepreneur_id: int | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(register, parent)
        self._id = entrepreneur_id
        with register.read() as session:
            office = get_office(session)
            # Inside the form of a record being edited: in full for a clerk or a head.
            self.masked = not sees_personal_data(session, in_form=True)
            record = None if entrepreneur_id is None else get_entrepreneur(session, entrepreneur_id)
            values = None if record is None else self._values(record)
            activity = None if entrepreneur_id is None else read_activity(session, entrepreneur_id)
        # Never assessed: the readiness tab says so until something is ticked or dated.
        self._assessed = record is not None and record.readiness is not None
        self._record_name = record.name if record else ""
        self._reg_no = record.reg_no if record else ""

        self.setWindowTitle(
            self.tr("New entrepreneur")
            if record is None
            else self.tr("Entrepreneur {reg_no}").format(reg_no=record.reg_no)
        )
        # Widgets are made in the order Tab visits them: down the left column, then the right.
        producer = self._producer_box(record)
        registration = self._registration_box()
        address = self._address_box(office.province_code, office.district_code)
        status = self._status_box()
        readiness = self._readiness_page()

        columns = QGridLayout()
        columns.setHorizontalSpacing(16)
        columns.addWidget(producer, 0, 0)
        columns.addWidget(registration, 1, 0)
        columns.addWidget(address, 0, 1)
        columns.addWidget(status, 1, 1)
        columns.setColumnStretch(0, 1)
        columns.setColumnStretch(1, 1)
        columns.setRowStretch(2, 1)
        record_page = QWidget()
        record_page.setLayout(columns)
        # Ctrl+Tab and Ctrl+PgDown go to the next tab, as in any Qt tab widget.
        self.tabs = QTabWidget()
        self.tabs.addTab(record_page, self.tr("Record"))
        self.tabs.addTab(readiness, self.tr("Digital readiness"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        # A registered producer's products, trainings and grants, under its record.
        self.activity: ProducerActivity | None = None
        if activity is not None:
            self.activity = ProducerActivity()
            self.activity.show_activity(activity)
            self.activity.addProduct.connect(self.add_product)
            self.activity.openProduct.connect(self.open_product)
            layout.addWidget(self.activity)
        layout.addWidget(self.general_message)
        layout.addLayout(self.button_row(can_delete=record is not None, history=self._reg_no))

        self.producer_type.currentIndexChanged.connect(self._follow_producer_type)
        self.status.currentIndexChanged.connect(self._follow_status)
        self.national_id.textChanged.connect(self._check_id)
        self.national_id.editingFinished.connect(self._format_id)
        for check in self.readiness_checks.values():
            check.toggled.connect(self._follow_readiness)
            check.clicked.connect(self._date_assessment)
        if self.masked:
            for edit in (self.national_id, self.phone):
                edit.setReadOnly(True)
                edit.setToolTip(self.tr("Hidden: your account does not see personal data"))
        if record is None or values is None:
            self.registered_on.setDate(thai_today())
        else:
            self.fill(values)
            self.version = record.version
        self._follow_producer_type()
        self._follow_status()
        self._follow_readiness()
        self._check_id()
        self.mark_clean()
        width = max(DIALOG_WIDTH, self.sizeHint().width())
        self.resize(width, self.heightForWidth(width))

    # --- building -------------------------------------------------------------------------

    def _line_edit(self, column: QueryableAttribute[str]) -> QLineEdit:
        edit = QLineEdit()
        edit.setMaxLength(length(column))  # so that the service never has to refuse a length
        return edit

    def _form(self, box: QGroupBox) -> QFormLayout:
        form = QFormLayout(box)
        # Thai labels are long; wrapping them keeps the two columns side by side at 1366 px.
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        return form

    def _producer_box(self, record: Entrepreneur | None) -> QGroupBox:
        box = QGroupBox(self.tr("Producer"))
        form = self._form(box)
        self.reg_no = record_number_label(record.reg_no if record else None)
        form.addRow(self.tr("Registration number"), self.reg_no)

        self.producer_type = QComboBox()
        self.producer_type.setPlaceholderText(self.tr("Choose…"))
        for kind in ProducerType:
            self.producer_type.addItem(label_of(kind), int(kind))
        self.producer_type.setCurrentIndex(-1)
        self.name = self._line_edit(Entrepreneur.name)
        self.contact_name = self._line_edit(Entrepreneur.contact_name)
        self.member_count = QSpinBox()
        self.member_count.setRange(0, 100_000)
        # 0 stands for "not given": a group must give its count, the others have none.
        self.member_count.setSpecialValueText("–")
        self.national_id = QLineEdit()
        self.national_id.setMaxLength(30)
        self.national_id.setPlaceholderText(self.tr("13 digits, dashes optional"))
        self.fields.add_row(form, self.tr("Producer &type"), self.producer_type, "producer_type")
        self.fields.add_row(form, self.tr("&Name"), self.name, "name")
        self.fields.add_row(
            form, self.tr("&Owner or group chair"), self.contact_name, "contact_name"
        )
        self.fields.add_row(form, self.tr("&Member count"), self.member_count, "member_count")
        # Its message line carries the live check as well, which typing must not clear.
        self.fields.add_row(
            form, self.tr("&ID number"), self.national_id, "national_id", clear_on_edit=False
        )
        return box

    def _registration_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Registration"))
        form = self._form(box)
        self.registered_on = BEDateEdit()
        self.registered_on.line_edit.setToolTip(self.tr("Left empty, today's date is used"))
        self.previous_reg_no = self._line_edit(Entrepreneur.previous_reg_no)
        self.fields.add_row(
            form, self.tr("Re&gistration date"), self.registered_on, "registered_on"
        )
        self.fields.add_row(
            form, self.tr("Pr&evious registration number"), self.previous_reg_no, "previous_reg_no"
        )
        return box

    def _address_box(self, province_code: str | None, district_code: str | None) -> QGroupBox:
        box = QGroupBox(self.tr("Production site and contact"))
        form = self._form(box)
        self.house_no = self._line_edit(Entrepreneur.house_no)
        self.moo = QSpinBox()
        self.moo.setRange(0, 99)
        self.moo.setSpecialValueText("–")  # no หมู่ที่ (a town address)
        self.fields.add_row(form, self.tr("&House number"), self.house_no, "house_no")
        self.fields.add_row(form, self.tr("&Village (moo)"), self.moo, "moo")

        # Chosen only where the office's area is wider than one district; otherwise shown.
        self.place = PlacePicker(province_code, district_code, self)
        self.place.add_rows(form, self.fields)
        self.phone = self._line_edit(Entrepreneur.phone)
        self.fields.add_row(form, self.tr("&Phone"), self.phone, "phone")
        return box

    # The address fields keep the names the form gave them before PlacePicker held them.
    @property
    def province_combo(self) -> QComboBox | None:
        return self.place.province_combo

    @property
    def district_combo(self) -> QComboBox | None:
        return self.place.district_combo

    @property
    def subdistrict(self) -> QComboBox:
        return self.place.subdistrict

    def _status_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Status of the business"))
        form = self._form(box)
        self.status = QComboBox()
        for status in Status:
            self.status.addItem(label_of(status), status.value)
        self.status_reason = self._line_edit(Entrepreneur.status_reason)
        self.status_reason.setPlaceholderText(self.tr("e.g. COVID-19"))
        self.status_date = BEDateEdit()
        self.fields.add_row(form, self.tr("St&atus"), self.status, "status")
        self.fields.add_row(form, self.tr("&Reason"), self.status_reason, "status_reason")
        self.fields.add_row(form, self.tr("Date o&f change"), self.status_date, "status_date")
        return box

    def _readiness_page(self) -> QWidget:
        box = QGroupBox(self.tr("Digital financial readiness"))
        form = self._form(box)
        about = QLabel(
            self.tr(
                "Tick what the producer has or does now. Without a bank account the level is "
                "0; with one, the level counts the five practices that build on it."
            )
        )
        about.setWordWrap(True)
        form.addRow(about)
        self.readiness_checks: dict[str, QCheckBox] = {}
        for key, label_th, label_en in READINESS_ITEMS:
            check = QCheckBox(pick(label_th, label_en))
            self.readiness_checks[key] = check
            form.addRow(check)
        self.assessed_on = BEDateEdit()
        self.assessed_on.line_edit.setToolTip(
            self.tr("Filled with today's date when you first tick or clear an item")
        )
        self.fields.add_row(form, self.tr("Date assessed"), self.assessed_on, "assessed_on")
        self.readiness_level = QLabel()
        self.readiness_level.setStyleSheet("font-weight: bold;")
        self.readiness_lacking = QLabel()
        self.readiness_lacking.setWordWrap(True)
        form.addRow(self.tr("Level"), self.readiness_level)
        form.addRow(self.tr("Still lacking"), self.readiness_lacking)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(box)
        layout.addStretch(1)
        return page

    # --- the producer's products -------------------------------------------------------------

    def add_product(self) -> None:
        """A new product of this producer, in its own form and unit of work."""
        self._product_form(None)

    def open_product(self, product_id: int) -> None:
        self._product_form(product_id)

    def _product_form(self, product_id: int | None) -> None:
        assert self._id is not None
        try:
            dialog = ProductDialog(self._register, self._id, product_id, self)
        except UserError as exc:  # deleted on another PC meanwhile
            show_user_error(self, exc)
            self.refresh_activity()
            return
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.refresh_activity()
        dialog.deleteLater()

    def refresh_activity(self) -> Activity | None:
        if self.activity is None or self._id is None:
            return None
        try:
            with self._register.read() as session:
                activity = read_activity(session, self._id)
        except UserError as exc:
            show_user_error(self, exc)
            return None
        self.activity.show_activity(activity)
        return activity

    # --- keeping the fields consistent -----------------------------------------------------

    def _is_group(self) -> bool:
        return bool(self.producer_type.currentData() == ProducerType.GROUP)

    def _is_active(self) -> bool:
        return bool(self.status.currentData() == Status.ACTIVE)

    def _follow_producer_type(self) -> None:
        self.member_count.setEnabled(self._is_group())

    def _follow_status(self) -> None:
        active = self._is_active()
        self.status_reason.setEnabled(not active)
        self.status_date.setEnabled(not active)

    def _ticks(self) -> tuple[bool, ...]:
        return tuple(self.readiness_checks[key].isChecked() for key in CHECKS)

    def _follow_readiness(self) -> None:
        """The level and what is lacking, as the checklist stands now."""
        ticks = self._ticks()
        if not self._assessed and not any(ticks) and not self.assessed_on.line_edit.text():
            self.readiness_level.setText(self.tr("Not assessed yet"))
            self.readiness_lacking.setText("")
            return
        found = Assessment(dict(zip(CHECKS, ticks, strict=True)), None)
        self.readiness_level.setText(
            self.tr("{level} of {top}").format(level=found.level, top=TOP_LEVEL)
        )
        names = {key: pick(th, en) for key, th, en in READINESS_ITEMS}
        self.readiness_lacking.setText(
            ", ".join(names[key] for key in found.lacking) or self.tr("nothing")
        )

    def _date_assessment(self) -> None:
        # A checklist is filled in when the producer is asked: that is the assessment's date
        # unless the clerk gives another.
        if not self.assessed_on.line_edit.text().strip():
            self.assessed_on.setDate(thai_today())

    def _check_id(self) -> None:
        """Judges the ID as it is typed: how many digits so far, a wrong check digit with the
        digit expected, and a warning (not a refusal) when another record has it."""
        message = self.fields.message("national_id")
        text = self.national_id.text()
        if not text.strip() or self.masked:
            message.clear_message()
            return
        try:
            national_id = parse_thai_id(text)
        except ThaiIdError as exc:
            typed = sum(ch.isdigit() for ch in text)
            if exc.code == "length" and typed < ID_DIGITS:
                message.show_message(
                    self.tr("{typed} of 13 digits").format(typed=typed), Level.HINT
                )
            else:
                message.show_message(pick(exc.message_th, exc.message_en), Level.ERROR)
            return
        with self._register.read() as session:
            duplicates = same_id(session, national_id, exclude=self._id)
        if duplicates:
            message.show_message(self._duplicate_warning(duplicates), Level.WARNING)
        else:
            message.show_message(self.tr("✓ The check digit is correct"), Level.OK)

    def _duplicate_warning(self, duplicates: list[DuplicateId]) -> str:
        named = [f"{d.reg_no} {d.name}" for d in duplicates[:DUPLICATES_NAMED]]
        if len(duplicates) > DUPLICATES_NAMED:
            named.append(
                self.tr("and {count} more").format(count=len(duplicates) - DUPLICATES_NAMED)
            )
        return self.tr(
            "⚠ This ID number is already registered: {records}. Check that this is not the "
            "same producer; you can still save."
        ).format(records=", ".join(named))

    def _format_id(self) -> None:
        if self.masked:
            return
        try:
            national_id = parse_thai_id(self.national_id.text())
        except ThaiIdError:
            return  # left as typed, so the clerk can see and fix the mistake
        self.national_id.setText(format_thai_id(national_id))

    # --- the record -----------------------------------------------------------------------

    def _values(self, record: Entrepreneur) -> EntrepreneurValues:
        """The record as the form shows it; the citizen ID and the phone masked for an
        account that does not see personal data."""
        readiness = record.readiness
        checks = checks_of(
            {key: getattr(readiness, key) for key in CHECKS} if readiness is not None else {}
        )
        values = EntrepreneurValues(
            producer_type=record.producer_type,
            name=record.name,
            national_id=record.national_id,
            subdistrict_code=record.subdistrict_code,
            contact_name=record.contact_name,
            house_no=record.house_no,
            moo=record.moo,
            phone=record.phone,
            member_count=record.member_count,
            status=record.status,
            status_reason=record.status_reason,
            status_date=record.status_date,
            registered_on=record.registered_on,
            previous_reg_no=record.previous_reg_no,
            readiness=tuple(checks[key] for key in CHECKS),
            assessed_on=readiness.assessed_on if readiness is not None else None,
        )
        if self.masked:
            values = replace(
                values,
                national_id=mask(self._shown_id(record.national_id)),
                phone=mask(record.phone),
            )
        return values

    def fill(self, values: Any) -> None:
        assert isinstance(values, EntrepreneurInput)
        self.producer_type.setCurrentIndex(self.producer_type.findData(values.producer_type))
        self.name.setText(values.name)
        self.contact_name.setText(values.contact_name)
        self.member_count.setValue(int(values.member_count or 0))
        self.national_id.setText(self._shown_id(values.national_id))
        self.house_no.setText(values.house_no)
        self.moo.setValue(int(values.moo or 0))
        self.place.set_code(values.subdistrict_code)
        self.phone.setText(values.phone)
        self.status.setCurrentIndex(self.status.findData(str(values.status)))
        self.status_reason.setText(values.status_reason)
        set_entered(self.status_date, values.status_date)
        set_entered(self.registered_on, values.registered_on)
        self.previous_reg_no.setText(values.previous_reg_no)
        if isinstance(values, EntrepreneurValues):
            for key, ticked in zip(CHECKS, values.readiness, strict=True):
                self.readiness_checks[key].setChecked(ticked)
            set_entered(self.assessed_on, values.assessed_on)
            self._follow_readiness()

    def current(self, session: Session) -> tuple[Any, int]:
        assert self._id is not None
        record = get_entrepreneur(session, self._id)
        return self._values(record), record.version

    @staticmethod
    def _shown_id(national_id: str) -> str:
        try:
            return format_thai_id(national_id)
        except ThaiIdError:
            return national_id  # an imported record with a malformed ID: shown as stored

    def entered(self) -> EntrepreneurInput:
        """The form as the service takes it. Fields that do not apply (the member count of a
        single owner, the reason of an active business) are left out, not saved hidden."""
        active = self._is_active()
        return EntrepreneurInput(
            producer_type=self.producer_type.currentData(),
            name=self.name.text(),
            national_id=self.national_id.text(),
            subdistrict_code=self.place.code(),
            contact_name=self.contact_name.text(),
            house_no=self.house_no.text(),
            moo=self.moo.value() or None,
            phone=self.phone.text(),
            member_count=(self.member_count.value() or None) if self._is_group() else None,
            status=str(self.status.currentData()),
            status_reason="" if active else self.status_reason.text(),
            status_date=None if active else self.status_date.entered(),
            registered_on=self.registered_on.entered(),
            previous_reg_no=self.previous_reg_no.text(),
        )

    def snapshot(self) -> Any:
        entered = self.entered()
        return EntrepreneurValues(
            **{f.name: getattr(entered, f.name) for f in fields(EntrepreneurInput)},
            readiness=self._ticks(),
            assessed_on=self.assessed_on.entered(),
        )

    def write(self, session: Session) -> int:
        typed = self.snapshot()
        if self._id is None:
            record = create_entrepreneur(session, typed.record())
            self.saved_number = record.reg_no
            entrepreneur_id = record.id
        else:
            # The record's version guards the checklist too: it is saved with the record.
            entrepreneur_id = update_entrepreneur(
                session, self._id, typed.record(), expected_version=self.version
            ).id
        loaded = self._clean
        if (typed.readiness, typed.assessed_on) != (loaded.readiness, loaded.assessed_on):
            # Only a checklist the clerk changed is saved: an entrepreneur never assessed
            # stays so (the list's readiness filter tells the two apart).
            set_readiness(
                session,
                entrepreneur_id,
                dict(zip(CHECKS, typed.readiness, strict=True)),
                typed.assessed_on,
            )
        return entrepreneur_id

    def save(self) -> bool:
        saved = super().save()
        if not saved:
            self._show_tab_at_fault()
        return saved

    def _show_tab_at_fault(self) -> None:
        """A refusal on the tab not shown: shows that tab, so the message is seen."""
        for index in range(self.tabs.count()):
            page = self.tabs.widget(index)
            assert page is not None
            refused = [m for m in page.findChildren(FieldMessage) if m.level is Level.ERROR]
            if not refused:
                continue
            if index != self.tabs.currentIndex():
                self.tabs.setCurrentIndex(index)
                # The field could not take the cursor while its tab was hidden: its row
                # (the message's ancestor with a focus proxy) gives it now.
                row = refused[0].parentWidget()
                while row is not None and row.focusProxy() is None:
                    row = row.parentWidget()
                if row is not None:
                    row.setFocus(Qt.FocusReason.OtherFocusReason)
            return

    def field_label(self, name: str) -> str:
        if name == "readiness":
            return self.tr("Digital readiness checklist")
        return super().field_label(name)

    def remove(self, session: Session) -> None:
        assert self._id is not None
        delete_entrepreneur(session, self._id)

    def saved_message(self) -> str:
        return self.tr("Saved the new entrepreneur {name}: registration number {reg_no}.").format(
            name=self.name.text().strip(), reg_no=self.saved_number
        )

    def delete_question(self) -> str:
        return self.tr(
            "Delete {reg_no} {name} from the register?\n\nIts products, monthly sales, "
            "trainings and grants are deleted with it. The registration number is not given "
            "out again."
        ).format(reg_no=self._reg_no, name=self._record_name)
