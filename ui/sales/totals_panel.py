"""The month's totals under the sales grid: one line always shown (all sales, online, who has
figures), the breakdown by product category folded away until asked for, so that the grid
keeps the window's height."""

from __future__ import annotations

import html
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from otop_desktop.domain import Category
from otop_desktop.thaiformat import format_money
from ui.lang import ui_is_thai
from ui.sales.sheet_model import Totals


def captioned(caption: str, amount: Decimal) -> str:
    return f"{html.escape(caption)} <b>{format_money(amount)}</b>"


class TotalsPanel(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.toggle = QToolButton()
        self.toggle.setText(self.tr("Totals of the month (baht)"))
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setCheckable(True)
        self.toggle.setAutoRaise(True)
        self.toggle.setToolTip(self.tr("Show or hide the totals by product category"))
        self.all_sales = QLabel()
        self.online_sales = QLabel()
        self.reported = QLabel()
        self.category_totals = {category: QLabel() for category in Category}
        self.whole_total = QLabel()

        line = QHBoxLayout()
        line.setContentsMargins(0, 0, 0, 0)
        line.setSpacing(24)
        line.addWidget(self.toggle)
        for label in (self.all_sales, self.online_sales, self.reported):
            label.setTextFormat(Qt.TextFormat.RichText)
            line.addWidget(label)
        line.addStretch(1)

        self.details = QWidget()
        grid = QGridLayout(self.details)
        grid.setContentsMargins(24, 0, 0, 0)
        grid.setHorizontalSpacing(24)
        cells = [*self.category_totals.values(), self.whole_total]
        for n, cell in enumerate(cells):
            cell.setTextFormat(Qt.TextFormat.RichText)
            grid.addWidget(cell, *divmod(n, 3))
        grid.setColumnStretch(3, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(line)
        layout.addWidget(self.details)
        self.toggle.toggled.connect(self.set_expanded)
        self.set_expanded(False)

    @property
    def expanded(self) -> bool:
        return self.toggle.isChecked()

    def set_expanded(self, expanded: bool) -> None:
        self.toggle.setChecked(expanded)
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if expanded else Qt.ArrowType.RightArrow)
        self.details.setVisible(expanded)

    def show_totals(self, totals: Totals) -> None:
        self.all_sales.setText(captioned(self.tr("All sales"), totals.amount))
        self.online_sales.setText(captioned(self.tr("Sold online"), totals.online))
        reported = self.tr("{reported} of {count} entrepreneurs have figures").format(
            reported=f"{totals.reported:,}", count=f"{totals.entrepreneurs:,}"
        )
        if totals.not_expected:
            reported += " " + self.tr("({count} not expected this month)").format(
                count=f"{totals.not_expected:,}"
            )
        self.reported.setText(html.escape(reported))
        for category, cell in self.category_totals.items():
            name = category.label_th if ui_is_thai() else category.label_en
            cell.setText(captioned(name, totals.by_category[category]))
        self.whole_total.setText(captioned(self.tr("Whole business"), totals.whole_business))
