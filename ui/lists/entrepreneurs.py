"""The list of entrepreneurs: every producer of the office's area, searched and filtered."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from otop_desktop.database import Register
from otop_desktop.domain import ProducerType, Status
from otop_desktop.services.listing import (
    EntrepreneurFilter,
    EntrepreneurRow,
    entrepreneur_ids,
    entrepreneur_rows,
)
from otop_desktop.thaiformat import format_be_date
from ui.lang import label_of, pick
from ui.lists.model import CENTER, RIGHT, Column, LazyTableModel, subdistrict_name
from ui.lists.page import ListPage


def _short(producer_type: ProducerType) -> str:
    return pick(producer_type.short_th, producer_type.short_en)


class EntrepreneursPage(ListPage[EntrepreneurFilter, EntrepreneurRow]):
    """``openRequested(id)`` on double-click or Enter, ``newRequested()`` on Ctrl+N or the
    button; ``reload()`` after a record changed, ``select_id(id)`` to show one."""

    def __init__(self, register: Register, parent: QWidget | None = None) -> None:
        super().__init__(register, parent)
        self.search.setPlaceholderText(
            self.tr("Search by name, contact, registration no. or product (Ctrl+F)")
        )
        self.new_button.setText(self.tr("New entrepreneur"))
        self.producer_type_box = self.add_filter(
            self.tr("All producer types"), [(label_of(t), int(t)) for t in ProducerType]
        )
        self.status_box = self.add_filter(self.tr("All statuses"), self.status_choices())
        self.category_box = self.add_filter(
            self.tr("All product categories"), self.category_choices()
        )
        self.stars_box = self.add_filter(self.tr("Any stars"), self.stars_choices())
        locale = self.locale()
        columns = [
            Column(self.tr("Registration no."), lambda r: r.reg_no, "reg_no", "5013-2567-0000"),
            Column(self.tr("Name"), lambda r: r.name, "name", "กลุ่มกาแฟบ้านสบเตี๊ยะ", fill=True),
            Column(
                self.tr("Producer type"),
                lambda r: _short(ProducerType(r.producer_type)),
                "producer_type",
                _short(ProducerType.GROUP),  # the widest short name, in the UI's language
            ),
            Column(self.tr("Contact"), lambda r: r.contact_name, None, "นางอัมพร สุขเกษม"),
            Column(
                self.tr("Subdistrict"),
                lambda r: subdistrict_name(r.subdistrict_code),
                "subdistrict",
                "ร้องวัวแดง",
            ),
            Column(self.tr("Moo"), lambda r: str(r.moo or ""), None, "00", CENTER),
            Column(self.tr("Phone"), lambda r: r.phone, None, "0800000000"),
            Column(
                self.tr("Status"),
                lambda r: label_of(Status(r.status)),
                "status",
                label_of(Status.SUSPENDED),
            ),
            Column(
                self.tr("Registered"),
                lambda r: format_be_date(r.registered_on),
                "registered_on",
                "00/00/0000",
            ),
            Column(
                self.tr("Products"), lambda r: locale.toString(r.product_count), None, "000", RIGHT
            ),
        ]
        self.set_model(
            LazyTableModel(
                register,
                columns,
                entrepreneur_ids,
                entrepreneur_rows,
                EntrepreneurFilter(),
                order="reg_no",
                parent=self,
            )
        )

    def current_filter(self) -> EntrepreneurFilter:
        return EntrepreneurFilter(
            query=self.search.text(),
            producer_type=self.producer_type_box.currentData(),
            status=self.status_box.currentData(),
            category=self.category_box.currentData(),
            stars=self.stars_box.currentData(),
            **self.area_filter(),
        )

    def count_text(self, count: int, complete: bool) -> str:
        number = self.locale().toString(count)
        if not complete:
            return self.tr("At least {count} entrepreneurs…").format(count=number)
        if count == 1:
            return self.tr("1 entrepreneur")
        return self.tr("{count} entrepreneurs").format(count=number)
