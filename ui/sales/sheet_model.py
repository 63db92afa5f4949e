"""The month's sheet as a table model: a row per entrepreneur and, for one that reports per
product, a row per product under it. Figures are checked cell by cell as they are typed, with
the core's own check, and handed back as the changes services.sales.save_month_sheet saves."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from decimal import Decimal
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QUndoCommand, QUndoStack

from otop_desktop.domain import Category, Status
from otop_desktop.errors import ValidationError
from otop_desktop.search import search_key, search_variants
from otop_desktop.services.sales import Figure, MonthChange, SaleInput, SheetRow, check_sale
from otop_desktop.thaiformat import format_money
from otop_desktop.validation import label
from ui.lang import ui_is_thai
from ui.messages import user_message

ModelIndex = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()
NO_PRODUCT = -1
ERROR_BACKGROUND = QColor("#fbd5d5")
ERROR_FOREGROUND = QColor("#9b1c1c")
DERIVED_FOREGROUND = QColor("#6b7280")
# A month the business did not trade in: no cell to fill, greyed as a whole.
NOT_EXPECTED_BACKGROUND = QColor("#eceff3")
NOT_EXPECTED_MARK = "—"
# Product rows sit under their entrepreneur; a plain indent reads as "belongs to" without
# the cost of a tree view, whose keyboard moves would skip the collapsed rows.
PRODUCT_INDENT = "      "


class Column(IntEnum):
    NUMBER = 0
    NAME = 1
    BY_PRODUCT = 2
    AMOUNT = 3
    ONLINE = 4


AMOUNT_COLUMNS = (Column.AMOUNT, Column.ONLINE)
_FIELD_COLUMN = {"amount": Column.AMOUNT, "online_amount": Column.ONLINE}


@dataclass
class FigureLine:
    """One figure as the clerk typed it: the two texts, the checked figure (None when both
    are blank or either is wrong) and each wrong cell's message."""

    amount: str = ""
    online: str = ""
    figure: Figure | None = None
    errors: dict[Column, str] = field(default_factory=dict)

    @classmethod
    def of(cls, figure: Figure | None) -> FigureLine:
        if figure is None:
            return cls()
        online = format_money(figure.online_amount) if figure.online_amount else ""
        return cls(format_money(figure.amount), online, figure)

    def set_text(self, column: Column, text: str) -> None:
        if column is Column.AMOUNT:
            self.amount = text
        else:
            self.online = text
        self.errors = {}
        if not self.amount.strip() and not self.online.strip():
            self.figure = None
            return
        figure, errors = check_sale(SaleInput(self.amount, self.online))
        self.figure = None if errors else figure
        for error in errors:
            message = user_message(ValidationError([error]))
            self.errors.setdefault(_FIELD_COLUMN[error.field], message)

    def typed(self, column: Column) -> str:
        return self.amount if column is Column.AMOUNT else self.online

    def text(self, column: Column) -> str:
        typed = self.typed(column)
        if self.figure is None or not typed.strip():
            return typed
        value = self.figure.amount if column is Column.AMOUNT else self.figure.online_amount
        return format_money(value)


@dataclass
class EntrepreneurLine:
    row: SheetRow
    per_product: bool
    whole: FigureLine
    products: list[FigureLine]

    @classmethod
    def of(cls, row: SheetRow) -> EntrepreneurLine:
        return cls(
            row,
            row.per_product and bool(row.products),
            FigureLine.of(row.whole),
            [FigureLine.of(p.figure) for p in row.products],
        )

    def lines(self) -> list[FigureLine]:
        """The lines that count: the products' or the whole business's, by the choice."""
        return self.products if self.per_product else [self.whole]

    @property
    def trading(self) -> bool:
        """Whether the business may have figures this month (services.sales.not_trading)."""
        return self.row.not_trading is None

    def has_figures(self) -> bool:
        """Figures saved or typed: a month it did not trade in shows them, to be removed."""
        return any(
            line.amount.strip() or line.online.strip() for line in (self.whole, *self.products)
        )

    def has_errors(self) -> bool:
        return any(line.errors for line in self.lines())

    def figures(self) -> tuple[Figure | None, dict[int, Figure]]:
        if not self.per_product:
            return self.whole.figure, {}
        return None, {
            p.id: line.figure
            for p, line in zip(self.row.products, self.products, strict=True)
            if line.figure is not None
        }

    def changed(self) -> bool:
        saved = (self.row.whole, {p.id: p.figure for p in self.row.products if p.figure})
        return self.has_errors() or self.figures() != saved

    def product_sum(self) -> Figure | None:
        figures = [line.figure for line in self.products if line.figure is not None]
        if not figures:
            return None
        return Figure(
            sum((f.amount for f in figures), Decimal(0)),
            sum((f.online_amount for f in figures), Decimal(0)),
        )

    def change(self) -> MonthChange:
        whole, by_product = self.figures()
        return MonthChange(
            self.row.entrepreneur_id,
            whole=SaleInput(whole.amount, whole.online_amount) if whole else None,
            by_product={pid: SaleInput(f.amount, f.online_amount) for pid, f in by_product.items()},
        )


@dataclass(frozen=True)
class Totals:
    amount: Decimal
    online: Decimal
    # Per-product figures by the product's category.
    by_category: dict[Category, Decimal]
    # Figures given for a whole business, which belong to no one category.
    whole_business: Decimal
    # Of the businesses whose figures are owed this month, how many have them, and of how
    # many; and how many are listed but owe none (registered later, closed or suspended).
    reported: int
    entrepreneurs: int
    not_expected: int


class _CellEdit(QUndoCommand):
    """One figure typed or cleared; undone by putting back the text it replaced. It names its
    cell by entrepreneur and product, not by table row: rows move as businesses are split."""

    def __init__(
        self,
        model: SalesSheetModel,
        cell: tuple[int, int, Column],
        before: str,
        after: str,
        text: str,
    ) -> None:
        super().__init__(text)
        self._model = model
        self._edit = model.edit_count
        self._cell = cell
        self._before = before
        self._after = after
        self._done_once = False

    def redo(self) -> None:
        # The first time is the clerk's own typing, where the cursor already is.
        self._model._put(self._cell, self._after, show=self._done_once)
        self._done_once = True

    def undo(self) -> None:
        self._model._put(self._cell, self._before, show=True)

    def id(self) -> int:
        return 1

    def mergeWith(self, other: QUndoCommand) -> bool:
        # The cell's editor hands over every keystroke, so that the totals follow the typing;
        # the clerk undoes what they typed into the cell, not a digit.
        if not isinstance(other, _CellEdit) or (other._cell, other._edit) != (
            self._cell,
            self._edit,
        ):
            return False
        self._after = other._after
        self.setObsolete(self._after == self._before)
        return True


class SalesSheetModel(QAbstractTableModel):
    # Any figure or choice changed: totals and the unsaved state follow it.
    figures_changed = Signal()
    # An undo or redo changed this cell: the view shows it to the clerk.
    cell_restored = Signal(QModelIndex)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # Figures typed since the month was loaded; saving or loading another month clears it.
        self.undo_stack = QUndoStack(self)
        # Which opening of a cell's editor the figures come from: one opening, one undo step.
        self.edit_count = 0
        self._lines: list[EntrepreneurLine] = []
        # (entrepreneur line, product or NO_PRODUCT) per table row, in table order.
        self._rows: list[tuple[int, int]] = []
        # A month submitted to the province is shown, not changed, until it is unlocked.
        self._read_only = False

    # --- loading and reading back -----------------------------------------------------

    def load(self, rows: list[SheetRow]) -> None:
        self.beginResetModel()
        self._lines = [EntrepreneurLine.of(row) for row in rows]
        self._rows = [pos for i in range(len(self._lines)) for pos in self._layout(i)]
        self.endResetModel()
        self.undo_stack.clear()
        self.figures_changed.emit()

    @property
    def read_only(self) -> bool:
        return self._read_only

    def set_read_only(self, read_only: bool) -> None:
        if read_only == self._read_only:
            return
        self._read_only = read_only
        if read_only:
            self.undo_stack.clear()
        if self._rows:
            # The flags of every cell change.
            last = self.index(len(self._rows) - 1, self.columnCount() - 1)
            self.dataChanged.emit(self.index(0, 0), last)

    def _layout(self, i: int) -> list[tuple[int, int]]:
        line = self._lines[i]
        shown = len(line.products) if line.per_product else 0
        return [(i, NO_PRODUCT), *((i, k) for k in range(shown))]

    def has_changes(self) -> bool:
        return any(line.changed() for line in self._lines)

    def changes(self) -> list[MonthChange]:
        return [line.change() for line in self._lines if line.changed()]

    def error_count(self) -> int:
        return sum(len(fl.errors) for line in self._lines for fl in line.lines())

    def first_error(self) -> QModelIndex:
        for row in range(len(self._rows)):
            figure_line = self._figure_line(row)
            if figure_line is not None and figure_line.errors:
                return self.index(row, min(figure_line.errors))
        return QModelIndex()

    def error_at(self, index: ModelIndex) -> str:
        figure_line = self._figure_line(index.row()) if index.isValid() else None
        if figure_line is None or index.column() not in AMOUNT_COLUMNS:
            return ""
        return figure_line.errors.get(Column(index.column()), "")

    def totals(self) -> Totals:
        amount = online = whole = Decimal(0)
        by_category = dict.fromkeys(Category, Decimal(0))
        reported = expected = 0
        for line in self._lines:
            whole_figure, by_product = line.figures()
            if whole_figure is not None:
                whole += whole_figure.amount
                amount += whole_figure.amount
                online += whole_figure.online_amount
            for product in line.row.products:
                figure = by_product.get(product.id)
                if figure is not None:
                    # An incomplete product (imported without its category) counts in the
                    # total but under no category until the clerk completes it.
                    if product.category is not None:
                        by_category[Category(product.category)] += figure.amount
                    amount += figure.amount
                    online += figure.online_amount
            if line.row.expected:
                expected += 1
                reported += whole_figure is not None or bool(by_product)
        return Totals(
            amount, online, by_category, whole, reported, expected, len(self._lines) - expected
        )

    def find(self, text: str) -> QModelIndex:
        """The first row whose number, code or name holds ``text``, forgiving tone marks and
        the order of leading vowels as the lists do."""
        key = search_key(text)
        if not key:
            return QModelIndex()
        variants = search_variants(key)
        for row, (i, k) in enumerate(self._rows):
            line = self._lines[i]
            number, name = (
                (line.row.reg_no, line.row.name)
                if k == NO_PRODUCT
                else (line.row.products[k].code, line.row.products[k].name)
            )
            haystack = f"{search_key(number)}\n{search_key(name)}"
            if any(variant in haystack for variant in variants):
                return self.index(row, Column.NAME)
        return QModelIndex()

    # --- choosing whole-business or per-product figures --------------------------------

    def _row_of_line(self, i: int) -> int:
        return bisect_left(self._rows, (i, NO_PRODUCT))

    def set_per_product(self, i: int, per_product: bool) -> None:
        line = self._lines[i]
        if per_product == line.per_product or (per_product and not line.products):
            return
        row = self._row_of_line(i)
        count = len(line.products)
        if per_product:
            self.beginInsertRows(ROOT, row + 1, row + count)
            line.per_product = True
            self._rows[row + 1 : row + 1] = [(i, k) for k in range(count)]
            self.endInsertRows()
        else:
            total = line.product_sum()
            if total is not None and not (line.whole.amount or line.whole.online).strip():
                # The clerk gave up on the split: start the whole figure from its sum.
                line.whole = FigureLine.of(total)
            self.beginRemoveRows(ROOT, row + 1, row + count)
            line.per_product = False
            del self._rows[row + 1 : row + 1 + count]
            self.endRemoveRows()
        self.dataChanged.emit(self.index(row, Column.BY_PRODUCT), self.index(row, Column.ONLINE))
        self.figures_changed.emit()

    # --- the model interface ------------------------------------------------------------

    def rowCount(self, parent: ModelIndex = ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = ROOT) -> int:
        return 0 if parent.isValid() else len(Column)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(Column):
            return None
        column = Column(section)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._title(column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in AMOUNT_COLUMNS:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return None

    def _title(self, column: Column) -> str:
        if column in AMOUNT_COLUMNS:
            th, en = label("amount" if column is Column.AMOUNT else "online_amount")
            name = th if ui_is_thai() else en[:1].upper() + en[1:]
            return self.tr("{name} (baht)").format(name=name)
        return {
            Column.NUMBER: self.tr("Reg. no. / product code"),
            Column.NAME: self.tr("Name"),
            Column.BY_PRODUCT: self.tr("Figures given"),
        }[column]

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self._read_only:
            return flags
        column = index.column()
        if column == Column.BY_PRODUCT and self._checkable(index.row()):
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        if column in AMOUNT_COLUMNS and self._fillable(index.row()):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def _fillable(self, row: int) -> bool:
        """A figure cell the clerk may type in: not in a month the business did not trade
        in, unless figures stand there to be removed."""
        i, _ = self._rows[row]
        line = self._lines[i]
        return self._figure_line(row) is not None and (line.trading or line.has_figures())

    def _checkable(self, row: int) -> bool:
        i, k = self._rows[row]
        line = self._lines[i]
        return k == NO_PRODUCT and bool(line.products) and line.trading

    def _figure_line(self, row: int) -> FigureLine | None:
        """The figure a row edits, or None for an entrepreneur whose products carry it."""
        i, k = self._rows[row]
        line = self._lines[i]
        if k != NO_PRODUCT:
            return line.products[k]
        return None if line.per_product else line.whole

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        i, k = self._rows[index.row()]
        line = self._lines[i]
        column = Column(index.column())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._text(line, k, column)
        if not line.trading:
            found = self._not_trading_data(index, line, role)
            if found is not None:
                return found
        if role == Qt.ItemDataRole.CheckStateRole and column is Column.BY_PRODUCT:
            if not self._checkable(index.row()):
                return None
            return Qt.CheckState.Checked if line.per_product else Qt.CheckState.Unchecked
        if column in AMOUNT_COLUMNS:
            return self._amount_data(index, line, k, role)
        if role == Qt.ItemDataRole.ForegroundRole and k != NO_PRODUCT and column is Column.NUMBER:
            return DERIVED_FOREGROUND
        if role == Qt.ItemDataRole.ToolTipRole and column is Column.NAME and k == NO_PRODUCT:
            return line.row.name  # long group names are cut off at the column's edge
        if role == Qt.ItemDataRole.ToolTipRole and k != NO_PRODUCT:
            held = line.row.products[k].category
            if held is None:
                return self.tr("Category not given yet (to complete)")
            category = Category(held)
            return category.label_th if ui_is_thai() else category.label_en
        if role == Qt.ItemDataRole.ToolTipRole and self._checkable(index.row()):
            return self.tr(
                "Products: {count}. Space switches between one figure for the whole "
                "business and a figure per product."
            ).format(count=len(line.products))
        if role == Qt.ItemDataRole.FontRole and k == NO_PRODUCT and line.per_product:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _amount_data(self, index: ModelIndex, line: EntrepreneurLine, k: int, role: int) -> Any:
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        error = self.error_at(index)
        derived = k == NO_PRODUCT and line.per_product
        if role == Qt.ItemDataRole.ToolTipRole:
            return error or (self.tr("The sum of the products' figures") if derived else None)
        if role == Qt.ItemDataRole.BackgroundRole and error:
            return ERROR_BACKGROUND
        if role == Qt.ItemDataRole.ForegroundRole:
            if error:
                return ERROR_FOREGROUND
            if derived:
                return DERIVED_FOREGROUND
        return None

    def not_trading_text(self, line: EntrepreneurLine) -> str:
        """Why the business owes no figures this month, in the program's language."""
        assert line.row.not_trading is not None
        th, en = line.row.not_trading
        return self.tr("Not expected this month: {why}").format(why=th if ui_is_thai() else en)

    def _not_trading_data(self, index: ModelIndex, line: EntrepreneurLine, role: int) -> Any:
        """Colours and tooltips of a month the business did not trade in: greyed as a whole,
        and figures that stand there anyway marked as wrong, to be removed."""
        column = Column(index.column())
        _, k = self._rows[index.row()]
        stray = (
            column in AMOUNT_COLUMNS and line.has_figures() and bool(self._text(line, k, column))
        )
        if role == Qt.ItemDataRole.ToolTipRole:
            if stray or self.error_at(index):
                return self.error_at(index) or self.tr(
                    "{why}. These figures cannot be kept: press Delete to remove them."
                ).format(why=self.not_trading_text(line))
            return self.not_trading_text(line)
        if role == Qt.ItemDataRole.BackgroundRole:
            return ERROR_BACKGROUND if stray or self.error_at(index) else NOT_EXPECTED_BACKGROUND
        if role == Qt.ItemDataRole.ForegroundRole:
            return ERROR_FOREGROUND if stray or self.error_at(index) else DERIVED_FOREGROUND
        if role == Qt.ItemDataRole.TextAlignmentRole and column in AMOUNT_COLUMNS:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return None

    def mode_text(self, per_product: bool) -> str:
        return self.tr("per product") if per_product else self.tr("whole business")

    def _text(self, line: EntrepreneurLine, k: int, column: Column) -> str:
        row = line.row
        if column is Column.NUMBER:
            return row.reg_no if k == NO_PRODUCT else row.products[k].code
        if column is Column.NAME:
            if k != NO_PRODUCT:
                return PRODUCT_INDENT + row.products[k].name
            if row.not_trading is not None:
                return f"{row.name} ({row.not_trading[0 if ui_is_thai() else 1]})"
            if row.status == Status.ACTIVE:
                return row.name
            status = Status(row.status)
            return f"{row.name} ({status.label_th if ui_is_thai() else status.label_en})"
        if column is Column.BY_PRODUCT:
            if k == NO_PRODUCT and not line.trading:
                return self.tr("not expected")
            if k != NO_PRODUCT or not row.products:
                return ""
            return self.mode_text(line.per_product)
        if k == NO_PRODUCT and not line.trading and not line.has_figures():
            return NOT_EXPECTED_MARK
        if k != NO_PRODUCT:
            return line.products[k].text(column)
        if not line.per_product:
            return line.whole.text(column)
        total = line.product_sum()
        if total is None:
            return ""
        return format_money(total.amount if column is Column.AMOUNT else total.online_amount)

    def setData(self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or self._read_only:
            return False
        row, column = index.row(), index.column()
        i, k = self._rows[row]
        if role == Qt.ItemDataRole.CheckStateRole and column == Column.BY_PRODUCT:
            if not self._checkable(row):
                return False
            self.set_per_product(i, Qt.CheckState(value) == Qt.CheckState.Checked)
            return True
        figure_line = self._figure_line(row)
        if role != Qt.ItemDataRole.EditRole or column not in AMOUNT_COLUMNS or figure_line is None:
            return False
        text = str(value or "")
        before = figure_line.typed(Column(column))
        if text != before:
            line = self._lines[i]
            name = line.row.products[k].name if k != NO_PRODUCT else line.row.name
            edit = self.tr("the figure of {name}").format(name=name)
            self.undo_stack.push(_CellEdit(self, (i, k, Column(column)), before, text, edit))
        return True

    def finish_edit(self) -> None:
        """The cell's editor closed: what is typed next is another step to undo."""
        self.edit_count += 1

    def _put(self, cell: tuple[int, int, Column], text: str, *, show: bool) -> None:
        i, k, column = cell
        line = self._lines[i]
        figure_line = line.whole if k == NO_PRODUCT else line.products[k]
        figure_line.set_text(column, text)
        if not line.trading and figure_line.typed(column).strip():
            # The register refuses it (services.sales): say so in the cell, before saving.
            figure_line.figure = None
            figure_line.errors = {column: self.not_trading_text(line)}
        # Both cells: a check such as "online above the whole" moves between them. A product's
        # figure changes its owner's sum too.
        owner = self._row_of_line(i)
        rows = [owner]
        if k != NO_PRODUCT and line.per_product:
            rows.append(owner + 1 + k)
        for row in rows:
            self.dataChanged.emit(self.index(row, Column.AMOUNT), self.index(row, Column.ONLINE))
        self.figures_changed.emit()
        if show:
            # A product row is hidden while its business is reported whole; show the owner.
            self.cell_restored.emit(self.index(rows[-1], column))
