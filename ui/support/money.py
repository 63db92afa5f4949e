"""A field for an amount of baht: typed as clerks write it (``1,250.50``, Thai digits), shown
back with thousands commas. The service judges the text; this only tidies a good one."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QWidget

from otop_desktop.textnorm import to_arabic_digits
from otop_desktop.thaiformat import format_money

MAX_TEXT = 30


class MoneyEdit(QLineEdit):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMaxLength(MAX_TEXT)
        self.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.setPlaceholderText(self.tr("e.g. 1,250.50"))
        self.setToolTip(self.tr("Thai digits and thousands commas are accepted"))
        self.editingFinished.connect(self._tidy)

    def set_amount(self, amount: Decimal) -> None:
        self.setText(format_money(amount))

    def _tidy(self) -> None:
        try:
            amount = Decimal(to_arabic_digits(self.text()).replace(",", "").strip())
        except InvalidOperation:
            return  # left as typed: the service says what is wrong with it
        if amount.is_finite() and amount >= 0 and amount == amount.quantize(Decimal("0.01")):
            self.set_amount(amount)
