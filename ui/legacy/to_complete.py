"""The records imported from an old spreadsheet without all required details, with what each
lacks: held out of certificates and submissions until the clerk completes them in the
entrepreneur's or product's form (saving there with every detail clears the mark).

``ToCompletePage(register)`` is a page of the main window; it reads the list again each time
it is shown, and emits ``open_entrepreneur(id)`` or ``open_product(id)`` when the clerk asks
to complete a record (double-click, Enter, or the button)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from otop_desktop.database import Register
from otop_desktop.errors import UserError
from otop_desktop.services.incomplete import IncompleteRecord, describe, list_incomplete
from ui.headings import heading
from ui.lang import pick
from ui.messages import show_user_error

# Which record an item stands for: (kind, id) in the item's user role.
_ENTREPRENEUR, _PRODUCT = "entrepreneur", "product"
_KEY = Qt.ItemDataRole.UserRole


class ToCompletePage(QWidget):
    open_entrepreneur = Signal(int)
    open_product = Signal(int)

    def __init__(self, register: Register, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._register = register
        self.records: list[IncompleteRecord] = []
        self.intro = QLabel(
            self.tr(
                "These records came from an old spreadsheet without some required details. "
                "They are not printed on certificates, and a month in which one of them has "
                "sales cannot be submitted, until they are completed: open each one, fill in "
                "what it lacks and save."
            )
        )
        self.intro.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels(
            [self.tr("Registration no. / code"), self.tr("Name"), self.tr("Lacks")]
        )
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.tree.itemActivated.connect(self._activated)
        self.tree.currentItemChanged.connect(self._follow_current)
        self.empty = QLabel(self.tr("Every record is complete."))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.count = QLabel()
        self.open_button = QPushButton(self.tr("&Complete this record…"))
        self.open_button.setEnabled(False)
        self.open_button.clicked.connect(self._open_current)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count, 1)
        bottom.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addWidget(heading(self.tr("Records to complete")))
        layout.addWidget(self.intro)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.empty, 1)
        layout.addLayout(bottom)
        self.setFocusProxy(self.tree)
        self._show([])

    def showEvent(self, event: QShowEvent) -> None:
        if not event.spontaneous():
            self.refresh()
        super().showEvent(event)

    def refresh(self) -> None:
        """Reads the list again (a record completed elsewhere leaves it)."""
        try:
            with self._register.read() as session:
                records = list_incomplete(session)
        except UserError as exc:
            show_user_error(self, exc)
            return
        self._show(records)

    def _show(self, records: list[IncompleteRecord]) -> None:
        self.records = records
        self.tree.clear()
        for record in records:
            own = pick(*describe(record.lacking)) if record.lacking else ""
            item = QTreeWidgetItem([record.reg_no, record.name, own])
            item.setData(0, _KEY, (_ENTREPRENEUR, record.entrepreneur_id))
            item.setToolTip(2, pick(*record.describe()))
            for product in record.products:
                child = QTreeWidgetItem(
                    [product.code, product.name, pick(*describe(product.lacking))]
                )
                child.setData(0, _KEY, (_PRODUCT, product.id))
                item.addChild(child)
            self.tree.addTopLevelItem(item)
        self.tree.expandAll()
        self.tree.resizeColumnToContents(1)
        self.tree.setColumnWidth(1, min(self.tree.columnWidth(1), 360))
        self.tree.setVisible(bool(records))
        self.empty.setVisible(not records)
        products = sum(len(r.products) for r in records)
        self.count.setText(
            self.tr("{records} producers to complete ({products} products among them)").format(
                records=f"{len(records):,}", products=f"{products:,}"
            )
            if records
            else ""
        )
        first = self.tree.topLevelItem(0)
        if records and first is not None:
            self.tree.setCurrentItem(first)
        self.open_button.setEnabled(bool(records))

    def _follow_current(self, current: QTreeWidgetItem | None) -> None:
        self.open_button.setEnabled(current is not None)

    def _open_current(self) -> None:
        current = self.tree.currentItem()
        if current is not None:
            self._activated(current)

    def _activated(self, item: QTreeWidgetItem) -> None:
        kind, ident = item.data(0, _KEY)
        if kind == _PRODUCT:
            self.open_product.emit(int(ident))
        else:
            self.open_entrepreneur.emit(int(ident))
