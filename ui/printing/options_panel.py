"""The left side of the print page: which document, for which records or which month, and
how it is printed. ``options()`` turns the choices into the core's PrintOptions."""

from __future__ import annotations

import getpass
from datetime import date

import geothai
from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from otop_desktop.database import Register
from otop_desktop.domain import OfficeKind
from otop_desktop.errors import UserError
from otop_desktop.printing.documents import DocumentKind, PrintOptions
from otop_desktop.thaiformat import (
    Period,
    ThaiDateError,
    format_be_date,
    last_complete,
    parse_be_date,
    thai_today,
)
from ui.lang import label_of, ui_is_thai
from ui.printing.record_picker import RecordPicker
from ui.sales.sales_page import FIRST_YEAR_BE, month_name
from ui.widgets.be_date import BEDateEdit

NOTE_STYLE = "color: #7a4b00;"
COMBO_LETTERS = 12


def login_name() -> str:
    """Who the register's record of a print that shows personal data names."""
    try:
        return getpass.getuser()[:100]
    except (OSError, KeyError):
        return ""


class Scope:
    CHOSEN = 0
    ALL = 1
    BLANK = 2


class OptionsPanel(QWidget):
    """``changed`` whenever a choice changes (the preview then no longer shows them)."""

    changed = Signal()

    def __init__(
        self, register: Register, parent: QWidget | None = None, *, today: date | None = None
    ) -> None:
        super().__init__(parent)
        office = register.office()
        assert office is not None  # Register.open refuses a register without one
        self._today = today or thai_today()
        self._area_code = office.district_code or office.province_code or ""

        self.kind_combo = QComboBox()
        for kind in DocumentKind:
            self.kind_combo.addItem(label_of(kind), kind)
        self.kind_combo.setAccessibleName(self.tr("Document"))
        # The longest name is cut short in the closed box rather than widen the column.
        self.kind_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.kind_combo.setMinimumContentsLength(COMBO_LETTERS)

        # Which records: certificates and forms.
        self.chosen_radio = QRadioButton()
        self.all_radio = QRadioButton(self.tr("All active records"))
        self.blank_radio = QRadioButton(self.tr("A blank form, to fill in by hand"))
        self.scope = QButtonGroup(self)
        self.scope.addButton(self.chosen_radio, Scope.CHOSEN)
        self.scope.addButton(self.all_radio, Scope.ALL)
        self.scope.addButton(self.blank_radio, Scope.BLANK)
        self.chosen_radio.setChecked(True)
        self.picker = RecordPicker(register)
        self.records_box = QGroupBox(self.tr("Records"))
        records = QVBoxLayout(self.records_box)
        records.addWidget(self.chosen_radio)
        records.addWidget(self.picker, 1)
        records.addWidget(self.all_radio)
        records.addWidget(self.blank_radio)

        # The area and the month: lists and reports (and "all records" on a province).
        self.district_combo = QComboBox()
        self.district_combo.setAccessibleName(self.tr("District"))
        self.district_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.district_combo.setMinimumContentsLength(COMBO_LETTERS)
        if office.kind == OfficeKind.PROVINCE and office.province_code:
            self.district_combo.addItem(self.tr("All districts"), None)
            for district in geothai.districts(office.province_code):
                name = district.name_th if ui_is_thai() else district.name_en
                self.district_combo.addItem(name, district.code)
        self.month_combo = QComboBox()
        self.month_combo.addItems([month_name(m) for m in range(1, 13)])
        self.month_combo.setAccessibleName(self.tr("Month"))
        self.year_spin = QSpinBox()
        self.year_spin.setRange(FIRST_YEAR_BE, Period.of(self._today).year_be)
        self.year_spin.setPrefix(self.tr("B.E. "))
        self.year_spin.setAccessibleName(self.tr("Year (B.E.)"))
        self.set_period(last_complete(self._today))
        month_row = QHBoxLayout()
        month_row.setContentsMargins(0, 0, 0, 0)
        month_row.addWidget(self.month_combo, 1)
        month_row.addWidget(self.year_spin)
        self.month_row = QWidget()
        self.month_row.setLayout(month_row)
        self.area_box = QGroupBox(self.tr("Area and month"))
        self.area_form = QFormLayout(self.area_box)
        self.area_form.addRow(self.tr("District:"), self.district_combo)
        self.area_form.addRow(self.tr("Month:"), self.month_row)

        # How it is printed.
        self.issued_edit = BEDateEdit()
        self.issued_edit.setDate(self._today)
        self.issued_edit.setRequired(True)
        self.thai_digits_check = QCheckBox(self.tr("Thai digits (๐๑๒๓)"))
        self.personal_check = QCheckBox(self.tr("Show full citizen IDs and phone numbers"))
        self.personal_note = QLabel()
        self.personal_note.setWordWrap(True)
        self.personal_note.setStyleSheet(NOTE_STYLE)
        self.how_box = QGroupBox(self.tr("Printing"))
        self.how_form = QFormLayout(self.how_box)
        self.how_form.addRow(self.tr("Date of issue:"), self.issued_edit)
        self.how_form.addRow(self.thai_digits_check)
        self.how_form.addRow(self.personal_check)
        self.how_form.addRow(self.personal_note)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        kind_form = QFormLayout()
        kind_form.addRow(self.tr("Document:"), self.kind_combo)
        layout.addLayout(kind_form)
        # The list of records takes the height there is; without it, the rest sits on top.
        layout.addWidget(self.records_box, 10)
        layout.addWidget(self.area_box)
        layout.addWidget(self.how_box)
        layout.addStretch(1)

        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        self.scope.idToggled.connect(self._scope_toggled)
        self.picker.changed.connect(self._picked)
        for signal in (
            self.district_combo.currentIndexChanged,
            self.month_combo.currentIndexChanged,
            self.year_spin.valueChanged,
            self.issued_edit.dateChanged,
            self.thai_digits_check.toggled,
            self.personal_check.toggled,
        ):
            signal.connect(self._changed)
        self._kind_changed()

    # --- reading and setting the choices ----------------------------------------------------

    def kind(self) -> DocumentKind:
        return DocumentKind(self.kind_combo.currentData())

    def set_kind(self, kind: DocumentKind) -> None:
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(kind))

    def set_scope(self, scope: int) -> None:
        self.scope.button(scope).setChecked(True)

    def period(self) -> Period:
        return Period(self.year_spin.value(), self.month_combo.currentIndex() + 1)

    def set_period(self, period: Period) -> None:
        self.month_combo.setCurrentIndex(period.month - 1)
        self.year_spin.setValue(period.year_be)

    def options(self) -> PrintOptions:
        """What to print; a UserError when a choice is missing or wrong (no record chosen,
        an issue date that is not a date)."""
        kind = self.kind()
        scope = self.scope.checkedId()
        registrations: tuple[str, ...] = ()
        if kind.per_record and scope == Scope.CHOSEN:
            registrations = self.picker.reg_nos()
            if not registrations:
                raise UserError(
                    "ยังไม่ได้เลือกผู้ประกอบการที่จะพิมพ์ พิมพ์ชื่อหรือเลขทะเบียนในช่องค้นหาเพื่อเพิ่ม "
                    "หรือเลือก “ผู้ประกอบการที่ดำเนินการอยู่ทั้งหมด”",
                    "No record is chosen to print: type a name or a registration number in the "
                    "search field to add one, or choose “All active records”",
                )
        return PrintOptions(
            registrations=registrations,
            district_code=self._district_code(kind, scope),
            blank=kind is DocumentKind.FORM and scope == Scope.BLANK,
            period=self.period() if kind is DocumentKind.MONTHLY else None,
            thai_digits=self.thai_digits_check.isChecked(),
            show_personal=kind is DocumentKind.REGISTER and self.personal_check.isChecked(),
            issued_on=self._issued_on() if kind is DocumentKind.CERTIFICATE else None,
            printed_by=login_name(),
        )

    def file_name(self, kind: DocumentKind, options: PrintOptions) -> str:
        """A name to offer when saving: what it is and for whom, e.g.
        ``certificate-5013-2567-0042.pdf``."""
        area = options.district_code or self._area_code or "all"
        if kind.per_record:
            stem = "certificate" if kind is DocumentKind.CERTIFICATE else "registration-form"
            if options.blank:
                return f"{stem}-blank.pdf"
            regs = options.registrations
            if len(regs) == 1:
                return f"{stem}-{regs[0]}.pdf"
            if regs:
                return f"{stem}s-{regs[0]}-and-{len(regs) - 1}-more.pdf"
            return f"{stem}s-{area}-all.pdf"
        if kind is DocumentKind.REGISTER:
            day = self._today
            return f"register-list-{area}-{format_be_date(day).replace('/', '-')}.pdf"
        assert options.period is not None
        return f"monthly-sales-{area}-{options.period.year_be}-{options.period.month:02d}.pdf"

    def _district_code(self, kind: DocumentKind, scope: int) -> str | None:
        if kind.per_record and scope != Scope.ALL:
            return None
        code = self.district_combo.currentData()
        return str(code) if code else None

    def _issued_on(self) -> date:
        try:
            return parse_be_date(self.issued_edit.text())
        except ThaiDateError as exc:
            raise UserError(
                f"วันที่ออกหนังสือรับรอง: {exc.message_th}", f"Date of issue: {exc.message_en}"
            ) from exc

    # --- showing what applies ---------------------------------------------------------------

    def _kind_changed(self) -> None:
        kind = self.kind()
        self.records_box.setVisible(kind.per_record)
        self.blank_radio.setVisible(kind is DocumentKind.FORM)
        if kind is not DocumentKind.FORM and self.blank_radio.isChecked():
            self.chosen_radio.setChecked(True)
        self.how_form.setRowVisible(self.issued_edit, kind is DocumentKind.CERTIFICATE)
        self.how_form.setRowVisible(self.personal_check, kind is DocumentKind.REGISTER)
        self._update_area()
        self._update_note()
        self._changed()

    def _scope_toggled(self, _id: int, checked: bool) -> None:
        if checked:
            self._update_area()
            self._update_note()
            self._changed()

    def _picked(self) -> None:
        if self.picker.reg_nos():
            self.chosen_radio.setChecked(True)
        self._update_chosen_count()
        self._changed()

    def _update_chosen_count(self) -> None:
        self.chosen_radio.setText(
            self.tr("The records in this list ({count})").format(count=len(self.picker.reg_nos()))
        )

    def _update_area(self) -> None:
        kind = self.kind()
        has_districts = self.district_combo.count() > 0
        district = has_districts and (not kind.per_record or self.scope.checkedId() == Scope.ALL)
        self.area_form.setRowVisible(self.district_combo, district)
        self.area_form.setRowVisible(self.month_row, kind is DocumentKind.MONTHLY)
        self.area_box.setVisible(district or kind is DocumentKind.MONTHLY)
        self.area_box.setTitle(
            self.tr("Area and month") if kind is DocumentKind.MONTHLY else self.tr("Area")
        )
        self.picker.setEnabled(self.scope.checkedId() == Scope.CHOSEN)
        self._update_chosen_count()

    def _update_note(self) -> None:
        kind = self.kind()
        if kind is DocumentKind.REGISTER:
            note = self.tr(
                "Otherwise citizen IDs and phone numbers are partly hidden. A print that "
                "shows them in full is recorded in the register, with your user name."
            )
        elif kind is DocumentKind.FORM and self.scope.checkedId() != Scope.BLANK:
            note = self.tr(
                "A filled form shows the producer's citizen ID and address: each preview or "
                "print of it is recorded in the register, with your user name."
            )
        else:
            note = ""
        self.personal_note.setText(note)
        self.how_form.setRowVisible(self.personal_note, bool(note))

    def _changed(self) -> None:
        self.changed.emit()
