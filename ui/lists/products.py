"""The list of products: every product of the office's area, searched and filtered."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from otop_desktop.database import Register
from otop_desktop.domain import Category, SoftPower, Standard
from otop_desktop.services.listing import (
    ProductFilter,
    ProductRow,
    count_products,
    product_ids,
    product_rows,
)
from otop_desktop.thaiformat import format_money
from ui.lang import label_of
from ui.lists.model import NAME_SAMPLE, RIGHT, Column, LazyTableModel, subdistrict_name
from ui.lists.page import ListPage


class ProductsPage(ListPage[ProductFilter, ProductRow]):
    """``openRequested(id)`` with the product id on double-click or Enter, ``newRequested()``
    on Ctrl+N or the button; ``reload()`` after a record changed, ``select_id(id)``."""

    def __init__(self, register: Register, parent: QWidget | None = None) -> None:
        super().__init__(register, parent)
        self.search.setPlaceholderText(self.tr("Search by product name, code or producer (Ctrl+F)"))
        self.new_button.setText(self.tr("New product"))
        self.category_box = self.add_filter(self.tr("All categories"), self.category_choices())
        self.stars_box = self.add_filter(self.tr("Any stars"), self.stars_choices())
        self.standard_box = self.add_filter(
            self.tr("Any standard"), [(label_of(s), s.value) for s in Standard]
        )
        self.soft_power_box = self.add_filter(
            self.tr("Soft Power: any"), [(s.value, s.value) for s in SoftPower]
        )
        self.status_box = self.add_filter(self.tr("All producer statuses"), self.status_choices())
        columns: list[Column[ProductRow]] = [
            Column(self.tr("Code"), lambda r: r.code, "code", "5013-2567-0000-P00"),
            Column(self.tr("Product"), lambda r: r.name, "name", NAME_SAMPLE, fill=True),
            Column(
                self.tr("Category"),
                # None: imported from an old spreadsheet without it (services.incomplete).
                lambda r: (
                    label_of(Category(r.category))
                    if r.category is not None
                    else self.tr("not given")
                ),
                "category",
                # A typical one: the longest are elided, whole in the tooltip.
                label_of(Category.TEXTILE),
            ),
            Column(
                self.tr("Price (baht)"),
                lambda r: format_money(r.price),
                "price",
                "00,000.00",
                RIGHT,
            ),
            Column(self.tr("Unit"), lambda r: r.unit, None, "กระปุก"),
            Column(self.tr("Stars"), lambda r: "★" * r.current_stars, "stars", "★★★★★"),
            Column(self.tr("Soft Power"), lambda r: r.soft_power or "", None, "Fashion"),
            Column(self.tr("Producer"), lambda r: r.entrepreneur_name, None, "กลุ่มทอผ้าบ้านดอน"),
            Column(
                self.tr("Subdistrict"),
                lambda r: subdistrict_name(r.subdistrict_code),
                None,
                "ร้องวัวแดง",
            ),
        ]
        self.set_model(
            LazyTableModel(
                register,
                columns,
                product_ids,
                product_rows,
                ProductFilter(),
                order="code",
                parent=self,
            ),
            lambda session: count_products(session, ProductFilter()),
        )

    def current_filter(self) -> ProductFilter:
        return ProductFilter(
            query=self.search.text(),
            category=self.category_box.currentData(),
            stars=self.stars_box.currentData(),
            soft_power=self.soft_power_box.currentData(),
            standard=self.standard_box.currentData(),
            status=self.status_box.currentData(),
            **self.area_filter(),
        )

    def list_title(self) -> str:
        return self.tr("Products")

    def empty_text(self) -> str:
        return self.tr(
            "No product is registered yet. A product belongs to a producer: register the "
            "entrepreneur first (Entrepreneurs page), then press Ctrl+N here or “Add product” "
            "in the entrepreneur's form."
        )

    def count_text(self, count: int, complete: bool) -> str:
        if not complete:
            return self.tr("At least {count} of {total} products…").format(**self.numbers(count))
        return self.tr("{count} of {total} products").format(**self.numbers(count))
