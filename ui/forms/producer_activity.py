"""What an entrepreneur's form shows below the record: the producer's products with their
star ratings, the trainings it attended and the grants it received, read through the
services. A product opens in its form from here, and "Add product…" registers one for this
producer."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from otop_desktop.services.entrepreneurs import get_entrepreneur
from otop_desktop.services.support import entrepreneur_support
from otop_desktop.thaiformat import format_be_date, format_money

# Rows a table shows before it scrolls: the form must still fit a 1366×768 screen.
VISIBLE_ROWS = 3
_ID = Qt.ItemDataRole.UserRole


@dataclass(frozen=True)
class ProductLine:
    id: int
    code: str
    name: str
    stars: int
    # (B.E. year, stars), oldest first.
    ratings: tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class TrainingLine:
    held_on: date
    topic: str
    organiser: str


@dataclass(frozen=True)
class GrantLine:
    granted_on: date
    amount: Decimal
    purpose: str
    funder: str


@dataclass(frozen=True)
class Activity:
    products: list[ProductLine]
    trainings: list[TrainingLine]
    grants: list[GrantLine]


def read_activity(session: Session, entrepreneur_id: int) -> Activity:
    """The producer's products, trainings and grants, newest trainings and grants first."""
    record = get_entrepreneur(session, entrepreneur_id)
    products = [
        ProductLine(
            p.id,
            p.code,
            p.name,
            p.current_stars,
            tuple(sorted((r.year_be, r.stars) for r in p.ratings)),
        )
        for p in sorted(record.products, key=lambda p: p.code)
    ]
    attended, given = entrepreneur_support(session, entrepreneur_id)
    trainings = [TrainingLine(t.held_on, t.topic, t.organiser) for t in attended]
    grants = [GrantLine(g.granted_on, g.amount, g.purpose, g.funder) for g in given]
    return Activity(products, trainings, grants)


def stars_text(stars: int) -> str:
    return "★" * stars if stars else "–"


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setTabKeyNavigation(False)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    rows = table.fontMetrics().height() + 8
    table.verticalHeader().setDefaultSectionSize(rows)
    table.setFixedHeight(header.sizeHint().height() + rows * VISIBLE_ROWS + 4)
    return table


def _fill(table: QTableWidget, rows: list[list[str]], ids: list[int] | None = None) -> None:
    table.setRowCount(len(rows))
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            if ids is not None:
                item.setData(_ID, ids[r])
            table.setItem(r, c, item)


class ProducerActivity(QTabWidget):
    """``addProduct()`` on "Add product…", ``openProduct(id)`` on a product's double-click
    or Enter; ``show_activity`` fills the tabs."""

    addProduct = Signal()
    openProduct = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.products = _table(
            [self.tr("Product code"), self.tr("Product"), self.tr("Stars"), self.tr("Ratings")]
        )
        self.products.itemActivated.connect(self._activated)
        self.add_product_button = QPushButton(self.tr("Add product…"))
        self.add_product_button.setAutoDefault(False)
        self.add_product_button.setToolTip(self.tr("Register a new product of this producer"))
        self.add_product_button.clicked.connect(self.addProduct)
        self.no_products = QLabel(self.tr("No product registered yet."))
        products_page = QWidget()
        layout = QVBoxLayout(products_page)
        layout.addWidget(self.products)
        row = QHBoxLayout()
        row.addWidget(self.no_products)
        row.addStretch(1)
        row.addWidget(self.add_product_button)
        layout.addLayout(row)
        self.trainings = _table([self.tr("Date"), self.tr("Topic"), self.tr("Organiser")])
        self.grants = _table(
            [self.tr("Date"), self.tr("Amount (baht)"), self.tr("Purpose"), self.tr("Funder")]
        )
        self.addTab(products_page, "")
        self.addTab(self.trainings, "")
        self.addTab(self.grants, "")

    def show_activity(self, activity: Activity) -> None:
        _fill(
            self.products,
            [
                [
                    p.code,
                    p.name,
                    stars_text(p.stars),
                    ", ".join(f"{year}: {stars_text(stars)}" for year, stars in p.ratings),
                ]
                for p in activity.products
            ],
            [p.id for p in activity.products],
        )
        self.no_products.setVisible(not activity.products)
        _fill(
            self.trainings,
            [[format_be_date(t.held_on), t.topic, t.organiser] for t in activity.trainings],
        )
        _fill(
            self.grants,
            [
                [format_be_date(g.granted_on), format_money(g.amount), g.purpose, g.funder]
                for g in activity.grants
            ],
        )
        locale = self.locale()
        for index, text in (
            (0, self.tr("Products and star ratings ({count})")),
            (1, self.tr("Trainings ({count})")),
            (2, self.tr("Grants ({count})")),
        ):
            count = (activity.products, activity.trainings, activity.grants)[index]
            self.setTabText(index, text.format(count=locale.toString(len(count))))

    def _activated(self, item: QTableWidgetItem) -> None:
        product_id = item.data(_ID)
        if isinstance(product_id, int):
            self.openProduct.emit(product_id)
