"""A small table whose rows are ordinary input widgets (a product's standards, its star
ratings): each cell is typed into like any other field, Tab walks the rows in order, and
each row has its own remove button."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

# Rows shown before the table scrolls; a product rarely has more standards or ratings.
VISIBLE_ROWS = 3


class RowTable(QWidget):
    """Rows of widgets under column headings. ``make_row`` builds the widgets of one new row;
    ``stretch_column`` takes the spare width (without one, it is left after the rows).
    ``edited`` is emitted when a row is added or removed (the form's other change signals
    come from the widgets themselves)."""

    edited = Signal()

    def __init__(
        self,
        headings: Sequence[str],
        add_text: str,
        make_row: Callable[[], list[QWidget]],
        parent: QWidget | None = None,
        *,
        stretch_column: int | None = None,
    ) -> None:
        super().__init__(parent)
        self._make_row = make_row
        self._rows: list[tuple[list[QWidget], QToolButton]] = []
        self._columns_sized = False
        self._columns = len(headings)

        self._inner = QWidget()
        self._grid = QGridLayout(self._inner)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setHorizontalSpacing(12)
        self._grid.setVerticalSpacing(4)
        self._headings: list[QLabel] = []
        for column, text in enumerate(headings):
            heading = QLabel(text)
            font = heading.font()
            font.setBold(True)
            heading.setFont(font)
            self._grid.addWidget(heading, 0, column)
            self._headings.append(heading)
        # The remove buttons' column has a blank heading: the grid leaves out the spacing of
        # a column with no widget, which would shift an empty table's columns from its rows'.
        self._grid.addWidget(QLabel(), 0, self._columns)
        self.empty_label = QLabel(self.tr("None"))
        self.empty_label.setStyleSheet(f"color: {self.palette().placeholderText().color().name()};")
        self._grid.addWidget(self.empty_label, 1, 0, 1, self._columns)
        self._grid.setRowStretch(999, 1)
        self._grid.setColumnStretch(
            self._columns + 1 if stretch_column is None else stretch_column, 1
        )

        self._scroll = QScrollArea()
        self._scroll.setWidget(self._inner)
        self._scroll.setWidgetResizable(True)
        self._scroll.setFrameShape(QFrame.Shape.NoFrame)
        self._scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Tab goes to the cells; the area scrolls to whichever cell has the focus.
        self._scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        self.add_button = QPushButton(add_text)
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(self.add_row)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._scroll, 1)
        layout.addLayout(buttons)
        self._fit()

    def rows(self) -> list[list[QWidget]]:
        return [widgets for widgets, _ in self._rows]

    def add_row(self) -> list[QWidget]:
        """Appends a row, focused on its first cell, and returns its widgets."""
        widgets = self._make_row()
        remove = self._remove_button()
        remove.clicked.connect(lambda _checked=False, r=remove: self._remove(r))
        row = len(self._rows) + 1
        for column, widget in enumerate([*widgets, remove]):
            self._grid.addWidget(widget, row, column)
            # At once, not when the layout gets round to it: the first cell takes the focus.
            widget.show()
        # New widgets join the end of the window's focus chain; move them to where they sit:
        # after the last row (the first row after Add, which then moves behind it). Qt only
        # moves widgets that take the focus, so Add is the anchor, not what precedes it.
        anchor: QWidget = self._rows[-1][1] if self._rows else self.add_button
        for widget in [*widgets, remove]:
            # A compound cell (BEDateEdit) takes no focus itself: its focus proxy does.
            target: QWidget = widget.focusProxy() or widget
            QWidget.setTabOrder(anchor, target)
            anchor = target
        QWidget.setTabOrder(remove, self.add_button)
        self._rows.append((widgets, remove))
        self.empty_label.hide()
        self._fit()
        widgets[0].setFocus(Qt.FocusReason.OtherFocusReason)
        self._scroll.ensureWidgetVisible(remove)
        self.edited.emit()
        return widgets

    def _remove_button(self) -> QToolButton:
        remove = QToolButton()
        remove.setText("✕")
        tip = self.tr("Remove this row")
        remove.setToolTip(tip)
        remove.setAccessibleName(tip)
        return remove

    def _remove(self, button: QToolButton) -> None:
        index = next(i for i, (_, remove) in enumerate(self._rows) if remove is button)
        self.remove_row(index)

    def remove_row(self, index: int) -> None:
        widgets, remove = self._rows.pop(index)
        focus = QApplication.focusWidget()
        had_focus = focus is not None and any(
            w is focus or w.isAncestorOf(focus) for w in [*widgets, remove]
        )
        for widget in [*widgets, remove]:
            self._grid.removeWidget(widget)
            widget.hide()
            widget.deleteLater()
        # Rows below move up one grid row, so that no gap is left.
        for position, (row_widgets, row_remove) in enumerate(self._rows[index:], index + 1):
            for column, widget in enumerate([*row_widgets, row_remove]):
                self._grid.addWidget(widget, position, column)
        self.empty_label.setVisible(not self._rows)
        self._fit()
        if had_focus:
            # The focus would otherwise fall to the window, away from the table.
            target = self._rows[min(index, len(self._rows) - 1)][0][0] if self._rows else None
            (target or self.add_button).setFocus(Qt.FocusReason.OtherFocusReason)
        self.edited.emit()

    def clear(self) -> None:
        while self._rows:
            self.remove_row(len(self._rows) - 1)

    def showEvent(self, event: QShowEvent) -> None:
        if not self._columns_sized:
            self._size_columns()
        super().showEvent(event)

    def _size_columns(self) -> None:
        """Gives each column at least the width of a row's cell, measured on a sample row, so
        that an empty table spaces its headings as they stand over rows and the first row
        added moves nothing. Done when first shown, not when built: ``make_row`` may look at
        the table (which cells are taken), which its owner holds only once it is built."""
        self._columns_sized = True
        # Never parented nor shown, so they are gone with the list.
        sample = [*self._make_row(), self._remove_button()]
        for column, widget in enumerate(sample):
            # As the grid sizes a cell: its size hint, or its minimum width when wider.
            width = max(widget.sizeHint().width(), widget.minimumWidth())
            self._grid.setColumnMinimumWidth(column, width)
        self._fit()

    def _fit(self) -> None:
        # As wide as a row, so that no cell is cut off; as tall as the rows up to
        # VISIBLE_ROWS, then it scrolls instead of pushing the dialog off a 768-pixel screen.
        scroll_bar = self._scroll.verticalScrollBar().sizeHint().width()
        self._scroll.setMinimumWidth(self._grid.minimumSize().width() + scroll_bar)
        heading = max(label.sizeHint().height() for label in self._headings)
        row = max(
            (w.sizeHint().height() for widgets, _ in self._rows for w in widgets),
            default=self.empty_label.sizeHint().height(),
        )
        shown = max(1, min(len(self._rows), VISIBLE_ROWS))
        spacing = self._grid.verticalSpacing()
        self._scroll.setFixedHeight(heading + shown * (row + spacing))
