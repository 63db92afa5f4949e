"""The product form: one product of an entrepreneur, with its standards and star ratings. A
new product's producer is shown and can be changed by typing part of a name or a registration
number; it starts as the producer the clerk came from, if any."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any, ClassVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from otop_desktop.database import Register
from otop_desktop.domain import Category, SoftPower, Standard
from otop_desktop.errors import FieldError, ValidationError
from otop_desktop.models import Product, ProductStandard, length
from otop_desktop.services.products import (
    FIRST_SELECTION_YEAR,
    ProductInput,
    RatingInput,
    StandardInput,
    create_product,
    delete_product,
    get_product,
    update_product,
)
from otop_desktop.services.support import EntrepreneurChoice, entrepreneur_choice
from otop_desktop.thaiformat import be_year, format_money, thai_today
from ui.forms.record_dialog import RecordDialog, set_entered
from ui.lang import label_of
from ui.support.entrepreneur_search import EntrepreneurSearch, choice_text
from ui.widgets.be_date import BEDateEdit
from ui.widgets.record_number import record_number_label
from ui.widgets.row_table import RowTable

# Units clerks write most; any other can be typed. Stored as typed, so they stay Thai in the
# English UI as well: they are data, not labels.
COMMON_UNITS = ("ผืน", "ชิ้น", "ขวด", "กล่อง", "ถุง", "คัน", "ห่อ", "กิโลกรัม", "ชุด")
# Room for the standards table and the messages on the office PCs' 1366×768 screens.
DIALOG_WIDTH = 980
# The field a refusal about the producer goes under.
PRODUCER = "entrepreneur"


@dataclass
class ProductValues(ProductInput):
    """The form's values: the product as the service takes it, and whose product it is."""

    entrepreneur_id: int | None = None


class ProductDialog(RecordDialog):
    """A new product (``product_id`` None) of the producer the clerk picks, at first
    ``entrepreneur_id`` (None: none yet), or an existing product, whose producer is shown but
    not changed. The product code is given on the first save. Raises NotFoundError (a
    UserError) when the producer or the product no longer exists."""

    # The trail's names of the product's fields, as the validation labels know them.
    FIELD_ALIASES: ClassVar[dict[str, str]] = {
        "name": "product_name",
        "current_stars": "ratings",
        "current_star_year": "ratings",
    }

    def __init__(
        self,
        register: Register,
        entrepreneur_id: int | None,
        product_id: int | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(register, parent)
        self._id = product_id
        with register.read() as session:
            record = None if product_id is None else get_product(session, product_id)
            if record is not None:
                entrepreneur_id = record.entrepreneur_id
            producer = (
                None if entrepreneur_id is None else entrepreneur_choice(session, entrepreneur_id)
            )
            # Read while the session is open: the rows are loaded on first access.
            values = None if record is None else self._values(record)
        self.producer_choice: EntrepreneurChoice | None = None
        self._record_code = record.code if record else ""
        self._record_name = record.name if record else ""
        self.setWindowTitle(
            self.tr("New product")
            if record is None
            else self.tr("Product {code}").format(code=record.code)
        )

        details = self._details_box(record)
        self.standards = RowTable(
            [self.tr("Standard"), self.tr("Certificate number"), self.tr("Expires on")],
            self.tr("Add s&tandard"),
            self._standard_row,
            stretch_column=1,
        )
        self.ratings = RowTable(
            [self.tr("Selection year (B.E.)"), self.tr("Stars")],
            self.tr("Add &rating"),
            self._rating_row,
        )
        standards_box = QGroupBox(self.tr("Standards"))
        self.fields.add_row(QFormLayout(standards_box), None, self.standards, "standards")
        ratings_box = QGroupBox(self.tr("Star ratings (OTOP Product Champion)"))
        self.fields.add_row(QFormLayout(ratings_box), None, self.ratings, "ratings")

        right = QVBoxLayout()
        right.addWidget(standards_box)
        right.addWidget(ratings_box)
        right.addStretch(1)
        columns = QHBoxLayout()
        columns.setSpacing(16)
        columns.addWidget(details, 1)
        columns.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addWidget(self.general_message)
        layout.addLayout(self.button_row(can_delete=record is not None, history=self._record_code))

        self._show_producer(producer)
        if record is not None and values is not None:
            self.fill(values)
            self.version = record.version
        elif producer is None:
            self.producer.setFocus(Qt.FocusReason.OtherFocusReason)
        self.mark_clean()
        width = max(DIALOG_WIDTH, self.sizeHint().width())
        self.resize(width, self.heightForWidth(width))

    # --- building -------------------------------------------------------------------------

    def _details_box(self, record: Product | None) -> QGroupBox:
        box = QGroupBox(self.tr("Product"))
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.producer = EntrepreneurSearch(self._register)
        self.producer.picked.connect(self._pick_producer)
        self.producer.textEdited.connect(self._producer_edited)
        if record is not None:
            # The product code carries the producer's registration number: a product stays
            # with the producer it was registered under.
            self.producer.setReadOnly(True)
            self.producer.setClearButtonEnabled(False)
            self.producer.setToolTip(self.tr("A registered product stays with its producer"))
        self.fields.add_row(form, self.tr("Pro&ducer"), self.producer, PRODUCER)
        self.code = record_number_label(record.code if record else None)
        form.addRow(self.tr("Product code"), self.code)

        self.name = QLineEdit()
        self.name.setMaxLength(length(Product.name))
        self.category = QComboBox()
        self.category.setPlaceholderText(self.tr("Choose…"))
        for category in Category:
            self.category.addItem(label_of(category), int(category))
        self.category.setCurrentIndex(-1)
        self.price = QLineEdit()
        self.price.setPlaceholderText(self.tr("e.g. 1,250.50"))
        self.price.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.unit = QComboBox()
        self.unit.setEditable(True)
        self.unit.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.unit.addItems(COMMON_UNITS)
        self.unit.setCurrentIndex(-1)
        unit_edit = self.unit.lineEdit()
        assert unit_edit is not None  # an editable combo box has one
        unit_edit.setMaxLength(length(Product.unit))
        self.soft_power = QComboBox()
        self.soft_power.addItem(self.tr("None"), None)
        self.soft_power.addItem(self.tr("Food (food and beverages)"), SoftPower.FOOD.value)
        self.soft_power.addItem(self.tr("Fashion (clothing and dress)"), SoftPower.FASHION.value)

        self.fields.add_row(form, self.tr("&Name"), self.name, "product_name")
        self.fields.add_row(form, self.tr("&Category"), self.category, "category")
        self.fields.add_row(form, self.tr("&Price (baht)"), self.price, "price")
        self.price.setToolTip(self.tr("Thai digits and thousands commas are accepted"))
        self.fields.add_row(form, self.tr("&Unit"), self.unit, "unit")
        self.fields.add_row(form, self.tr("S&oft Power"), self.soft_power, "soft_power")
        return box

    def _standard_row(self) -> list[QWidget]:
        standard = QComboBox()
        for item in Standard:
            standard.addItem(item.value, item.value)
        taken = {
            str(row[0].currentData())
            for row in self.standards.rows()
            if isinstance(row[0], QComboBox)  # each row starts with its standard's box
        }
        # A new row offers the first standard not yet listed: each may be listed once.
        free = next((s for s in Standard if s.value not in taken), Standard.FDA)
        standard.setCurrentIndex(standard.findData(free.value))
        cert_no = QLineEdit()
        cert_no.setMaxLength(length(ProductStandard.cert_no))
        expires_on = BEDateEdit(inline_message=False)
        return [standard, cert_no, expires_on]

    def _rating_row(self) -> list[QWidget]:
        year = QSpinBox()
        this_year = be_year(thai_today())
        year.setRange(FIRST_SELECTION_YEAR, this_year)
        taken = {row[0].value() for row in self.ratings.rows() if isinstance(row[0], QSpinBox)}
        free = (y for y in range(this_year, FIRST_SELECTION_YEAR - 1, -1) if y not in taken)
        year.setValue(next(free, this_year))
        # A year is not a quantity: 2,568 would read wrong.
        year.setGroupSeparatorShown(False)
        stars = QSpinBox()
        stars.setRange(1, 5)
        stars.setSuffix(" ★")
        return [year, stars]

    # --- the producer ---------------------------------------------------------------------

    def _show_producer(self, choice: EntrepreneurChoice | None) -> None:
        self.producer_choice = choice
        self.producer.setText(choice_text(choice) if choice else "")
        self.producer.setCursorPosition(0)

    def _pick_producer(self, choice: EntrepreneurChoice) -> None:
        self.fields.message(PRODUCER).clear_error()
        self._show_producer(choice)
        self.name.setFocus(Qt.FocusReason.OtherFocusReason)

    def _producer_edited(self) -> None:
        # The text no longer names the producer picked: none is, until one is picked again.
        self.producer_choice = None

    # --- the record -----------------------------------------------------------------------

    @staticmethod
    def _values(record: Product) -> ProductValues:
        return ProductValues(
            entrepreneur_id=record.entrepreneur_id,
            name=record.name,
            category=record.category,
            price=record.price,
            unit=record.unit,
            soft_power=record.soft_power,
            standards=[
                StandardInput(s.standard, s.cert_no, s.expires_on) for s in record.standards
            ],
            ratings=[RatingInput(r.year_be, r.stars) for r in record.ratings],
        )

    def fill(self, values: Any) -> None:
        assert isinstance(values, ProductValues)
        if values.entrepreneur_id != (self.producer_choice and self.producer_choice.id):
            with self._register.read() as session:
                self._show_producer(
                    None
                    if values.entrepreneur_id is None
                    else entrepreneur_choice(session, values.entrepreneur_id)
                )
        self.name.setText(values.name)
        self.category.setCurrentIndex(self.category.findData(values.category))
        price = values.price
        self.price.setText(price if isinstance(price, str) else format_money(Decimal(price)))
        self.unit.setCurrentText(values.unit)
        self.soft_power.setCurrentIndex(self.soft_power.findData(values.soft_power))
        self.standards.clear()
        for item in values.standards:
            combo, cert_edit, date_edit = self.standards.add_row()
            assert isinstance(combo, QComboBox) and isinstance(cert_edit, QLineEdit)
            assert isinstance(date_edit, BEDateEdit)
            combo.setCurrentIndex(combo.findData(str(item.standard)))
            cert_edit.setText(item.cert_no)
            set_entered(date_edit, item.expires_on)
        self.ratings.clear()
        for rating in values.ratings:
            year_spin, stars_spin = self.ratings.add_row()
            assert isinstance(year_spin, QSpinBox) and isinstance(stars_spin, QSpinBox)
            year_spin.setValue(int(rating.year_be))
            stars_spin.setValue(int(rating.stars))

    def current(self, session: Session) -> tuple[Any, int]:
        assert self._id is not None
        record = get_product(session, self._id)
        return self._values(record), record.version

    def entered(self) -> ProductValues:
        standards = []
        for combo, cert_edit, date_edit in self.standards.rows():
            assert isinstance(combo, QComboBox) and isinstance(cert_edit, QLineEdit)
            assert isinstance(date_edit, BEDateEdit)
            standards.append(
                StandardInput(str(combo.currentData()), cert_edit.text(), date_edit.entered())
            )
        ratings = []
        for year_spin, stars_spin in self.ratings.rows():
            assert isinstance(year_spin, QSpinBox) and isinstance(stars_spin, QSpinBox)
            ratings.append(RatingInput(year_spin.value(), stars_spin.value()))
        return ProductValues(
            entrepreneur_id=self.producer_choice.id if self.producer_choice else None,
            name=self.name.text(),
            category=self.category.currentData(),
            price=self.price.text(),
            unit=self.unit.currentText(),
            soft_power=self.soft_power.currentData(),
            standards=standards,
            ratings=ratings,
        )

    def snapshot(self) -> Any:
        return self.entered()

    def field_label(self, name: str) -> str:
        if name == "entrepreneur_id":
            return self.tr("Producer")
        return super().field_label(name)

    def write(self, session: Session) -> int:
        data = self.entered()
        if self._id is None:
            if data.entrepreneur_id is None:
                raise ValidationError(
                    [
                        FieldError(
                            PRODUCER,
                            "เลือกผู้ผลิตจากรายชื่อที่ค้นพบ: พิมพ์ชื่อหรือเลขทะเบียนบางส่วน",
                            "Pick the producer from the matches: type part of its name or "
                            "registration number",
                        )
                    ]
                )
            record = create_product(session, data.entrepreneur_id, data)
            self.saved_number = record.code
            return record.id
        return update_product(session, self._id, data, expected_version=self.version).id

    def remove(self, session: Session) -> None:
        assert self._id is not None
        delete_product(session, self._id)

    def saved_message(self) -> str:
        return self.tr("Saved the new product {name}: product code {code}.").format(
            name=self.name.text().strip(), code=self.saved_number
        )

    def delete_question(self) -> str:
        return self.tr(
            "Delete the product {code} {name}?\n\nIts monthly sales are deleted with it. The "
            "product code is not given out again."
        ).format(code=self._record_code, name=self._record_name)
