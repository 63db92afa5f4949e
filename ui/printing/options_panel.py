"""The left side of the print page: which document, for which records or which month, and
how it is printed. ``options()`` turns the choices into the core's PrintOptions (documents of
records, lists and reports) or OfficeOptions (sign-in sheet, survey form, memo, expiring
standards, annual report)."""

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
    QLabel,
    QLineEdit,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from otop_desktop.database import Register
from otop_desktop.domain import OfficeKind
from otop_desktop.errors import UserError
from otop_desktop.printing.documents import DocumentKind, PrintOptions
from otop_desktop.printing.memo import NUMBER_MAX
from otop_desktop.printing.office_documents import OfficeDocument, OfficeOptions
from otop_desktop.printing.standards import MAX_MONTHS
from otop_desktop.services.support import TrainingFilter, training_ids, training_rows
from otop_desktop.thaiformat import (
    Period,
    ThaiDateError,
    fiscal_year_be,
    format_be_date,
    parse_be_date,
    thai_today,
)
from ui.lang import label_of, ui_is_thai
from ui.printing.record_picker import RecordPicker
from ui.widgets.be_date import BEDateEdit
from ui.widgets.month_picker import FIRST_YEAR_BE, MonthPicker

NOTE_STYLE = "color: #7a4b00;"
COMBO_LETTERS = 12
# Trainings the sign-in sheet offers, the latest first.
TRAININGS_SHOWN = 500

Kind = DocumentKind | OfficeDocument
Options = PrintOptions | OfficeOptions


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


def uses_month(kind: Kind) -> bool:
    return kind in (DocumentKind.MONTHLY, OfficeDocument.MEMO)


def uses_district(kind: Kind) -> bool:
    """Lists and reports of a province register may be narrowed to one district."""
    return kind in (DocumentKind.REGISTER, DocumentKind.MONTHLY, OfficeDocument.STANDARDS)


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
        for kind in (*DocumentKind, *OfficeDocument):
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
        self.month_row = MonthPicker(today=self._today)
        self.area_box = QGroupBox(self.tr("Area and month"))
        self.area_form = QFormLayout(self.area_box)
        self.area_form.addRow(self.tr("District:"), self.district_combo)
        self.area_form.addRow(self.tr("Month:"), self.month_row)

        # The sign-in sheet's training.
        self.training_combo = QComboBox()
        self.training_combo.setAccessibleName(self.tr("Training"))
        self.training_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.training_combo.setMinimumContentsLength(COMBO_LETTERS)
        self._fill_trainings(register)
        self.training_box = QGroupBox(self.tr("Training"))
        QVBoxLayout(self.training_box).addWidget(self.training_combo)

        # The survey form's household, all of them, or the blank form.
        self.household_radio = QRadioButton(self.tr("The household with the code:"))
        self.household_edit = QLineEdit()
        self.household_edit.setPlaceholderText(self.tr("e.g. 501301-03-0001"))
        self.household_edit.setAccessibleName(self.tr("Household code"))
        self.households_all_radio = QRadioButton(self.tr("Every household"))
        self.survey_blank_radio = QRadioButton(self.tr("A blank form, to take on a visit"))
        self.survey_scope = QButtonGroup(self)
        self.survey_scope.addButton(self.household_radio, Scope.CHOSEN)
        self.survey_scope.addButton(self.households_all_radio, Scope.ALL)
        self.survey_scope.addButton(self.survey_blank_radio, Scope.BLANK)
        self.survey_blank_radio.setChecked(True)
        self.household_box = QGroupBox(self.tr("Household"))
        household = QVBoxLayout(self.household_box)
        household.addWidget(self.household_radio)
        household.addWidget(self.household_edit)
        household.addWidget(self.households_all_radio)
        household.addWidget(self.survey_blank_radio)

        # The memo's outgoing number; how far ahead the standards list looks; the report's year.
        self.number_edit = QLineEdit()
        self.number_edit.setMaxLength(NUMBER_MAX)
        self.number_edit.setPlaceholderText(self.tr("e.g. ชม 0019.13/123 (empty: written by hand)"))
        self.number_edit.setAccessibleName(self.tr("Outgoing number"))
        self.months_spin = QSpinBox()
        self.months_spin.setRange(1, MAX_MONTHS)
        self.months_spin.setValue(6)
        self.months_spin.setSuffix(self.tr(" months"))
        self.months_spin.setAccessibleName(self.tr("Months ahead"))
        self.report_year_spin = QSpinBox()
        self.report_year_spin.setRange(FIRST_YEAR_BE, fiscal_year_be(self._today) + 1)
        # The last fiscal year that has ended.
        self.report_year_spin.setValue(fiscal_year_be(self._today) - 1)
        self.report_year_spin.setPrefix(self.tr("B.E. "))
        self.report_year_spin.setAccessibleName(self.tr("Year of the report (B.E.)"))
        self.calendar_check = QCheckBox(self.tr("Calendar year (January–December)"))
        self.calendar_check.setToolTip(
            self.tr("Otherwise the fiscal year: October to September, named by the year it ends in")
        )
        self.details_box = QGroupBox(self.tr("Details"))
        self.details_form = QFormLayout(self.details_box)
        self.details_form.addRow(self.tr("Outgoing &number:"), self.number_edit)
        self.details_form.addRow(self.tr("Expiring &within:"), self.months_spin)
        self.details_form.addRow(self.tr("&Year:"), self.report_year_spin)
        self.details_form.addRow(self.calendar_check)

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
        layout.addWidget(self.training_box)
        layout.addWidget(self.household_box)
        layout.addWidget(self.area_box)
        layout.addWidget(self.details_box)
        layout.addWidget(self.how_box)
        layout.addStretch(1)

        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        self.scope.idToggled.connect(self._scope_toggled)
        self.survey_scope.idToggled.connect(self._scope_toggled)
        self.picker.changed.connect(self._picked)
        self.household_edit.textEdited.connect(self._household_typed)
        for signal in (
            self.training_combo.currentIndexChanged,
            self.number_edit.textChanged,
            self.months_spin.valueChanged,
            self.report_year_spin.valueChanged,
            self.calendar_check.toggled,
            self.district_combo.currentIndexChanged,
            self.month_row.changed,
            self.issued_edit.dateChanged,
            self.thai_digits_check.toggled,
            self.personal_check.toggled,
        ):
            signal.connect(self._changed)
        self._kind_changed()

    # --- reading and setting the choices ----------------------------------------------------

    def kind(self) -> Kind:
        # Qt hands the item's data back as a plain str.
        data = str(self.kind_combo.currentData())
        if data in {kind.value for kind in OfficeDocument}:
            return OfficeDocument(data)
        return DocumentKind(data)

    def set_kind(self, kind: Kind) -> None:
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(kind))

    def set_scope(self, scope: int) -> None:
        self.scope.button(scope).setChecked(True)

    def period(self) -> Period:
        return self.month_row.period()

    def set_period(self, period: Period) -> None:
        self.month_row.set_period(period)
        self._changed()

    def options(self) -> Options:
        """What to print; a UserError when a choice is missing or wrong (no record chosen,
        an issue date that is not a date, no household code)."""
        kind = self.kind()
        if isinstance(kind, OfficeDocument):
            return self._office_options(kind)
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

    def _office_options(self, kind: OfficeDocument) -> OfficeOptions:
        survey = self.survey_scope.checkedId()
        households: tuple[str, ...] = ()
        if kind is OfficeDocument.SURVEY and survey == Scope.CHOSEN:
            code = self.household_edit.text().strip()
            if not code:
                raise UserError(
                    "ยังไม่ได้ระบุรหัสครัวเรือน พิมพ์รหัส เช่น 501301-03-0001 หรือเลือกแบบว่างหรือทุกครัวเรือน",
                    "No household code is given: type one, e.g. 501301-03-0001, or choose the "
                    "blank form or every household",
                )
            households = (code,)
        training = self.training_combo.currentData()
        if kind is OfficeDocument.SIGNIN and training is None:
            raise UserError(
                "ทะเบียนนี้ยังไม่มีการอบรม บันทึกการอบรมและผู้เข้าร่วมที่หน้าการอบรมก่อน",
                "This register has no training yet: record one with its participants on the "
                "Trainings page first",
            )
        return OfficeOptions(
            training_id=int(training) if kind is OfficeDocument.SIGNIN else None,
            households=households,
            blank=kind is OfficeDocument.SURVEY and survey == Scope.BLANK,
            period=self.period() if kind is OfficeDocument.MEMO else None,
            number=self.number_edit.text().strip() if kind is OfficeDocument.MEMO else "",
            months=self.months_spin.value(),
            district_code=self._district_code(kind, Scope.ALL) if uses_district(kind) else None,
            year=self.report_year_spin.value() if kind is OfficeDocument.ANNUAL else None,
            calendar=kind is OfficeDocument.ANNUAL and self.calendar_check.isChecked(),
            thai_digits=self.thai_digits_check.isChecked(),
        )

    def file_name(self, kind: Kind, options: Options) -> str:
        """A name to offer when saving: what it is and for whom, e.g.
        ``certificate-5013-2567-0042.pdf``."""
        area = options.district_code or self._area_code or "all"
        if isinstance(options, OfficeOptions):
            return self._office_file_name(options, area)
        assert isinstance(kind, DocumentKind)
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

    def _office_file_name(self, options: OfficeOptions, area: str) -> str:
        kind = self.kind()
        day = format_be_date(self._today).replace("/", "-")
        if kind is OfficeDocument.SIGNIN:
            return f"training-{options.training_id}-sign-in.pdf"
        if kind is OfficeDocument.SURVEY:
            which = (
                "blank" if options.blank else options.households[0] if options.households else "all"
            )
            return f"household-survey-{which}.pdf"
        if kind is OfficeDocument.MEMO:
            assert options.period is not None
            return f"memo-{area}-{options.period.year_be}-{options.period.month:02d}.pdf"
        if kind is OfficeDocument.STANDARDS:
            return f"standards-expiring-{area}-{options.months}-months-{day}.pdf"
        year = f"{options.year}-calendar" if options.calendar else f"{options.year}-fiscal"
        return f"annual-report-{area}-{year}.pdf"

    def _fill_trainings(self, register: Register) -> None:
        """The register's trainings, the latest first, each with the id the trainings list
        shows (the same as ``print signin --training ID``)."""
        with register.read() as session:
            ids = training_ids(session, TrainingFilter(), descending=True, limit=TRAININGS_SHOWN)
            rows = training_rows(session, ids)
        for training_id in ids:
            row = rows[training_id]
            self.training_combo.addItem(
                f"{training_id}: {format_be_date(row.held_on)} {row.topic}", training_id
            )

    def _household_typed(self) -> None:
        self.household_radio.setChecked(True)

    def _district_code(self, kind: Kind, scope: int) -> str | None:
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
        self.training_box.setVisible(kind is OfficeDocument.SIGNIN)
        self.household_box.setVisible(kind is OfficeDocument.SURVEY)
        details = {
            self.number_edit: kind is OfficeDocument.MEMO,
            self.months_spin: kind is OfficeDocument.STANDARDS,
            self.report_year_spin: kind is OfficeDocument.ANNUAL,
            self.calendar_check: kind is OfficeDocument.ANNUAL,
        }
        for widget, shown in details.items():
            self.details_form.setRowVisible(widget, shown)
        self.details_box.setVisible(any(details.values()))
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
        district = has_districts and (
            uses_district(kind) or (kind.per_record and self.scope.checkedId() == Scope.ALL)
        )
        month = uses_month(kind)
        self.area_form.setRowVisible(self.district_combo, district)
        self.area_form.setRowVisible(self.month_row, month)
        self.area_box.setVisible(district or month)
        if district:
            self.area_box.setTitle(self.tr("Area and month") if month else self.tr("Area"))
        else:
            self.area_box.setTitle(self.tr("Month"))
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
