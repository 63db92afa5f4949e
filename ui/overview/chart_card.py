"""One chart of the overview in its frame: the title, the bars, a line saying what the bar
under the mouse or the keyboard is, and the buttons that save the chart as an image and its
figures as a workbook. A click on a bar, or Enter on the bar chosen with the arrow keys,
asks for the list behind it (``openRequested(target, key)``)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from PySide6.QtCharts import (
    QAbstractBarSeries,
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QCoreApplication, QMargins, Qt, Signal
from PySide6.QtGui import QColor, QCursor, QFocusEvent, QFont, QKeyEvent, QPainter, QPalette
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from otop_desktop.services.overview import Target
from otop_desktop.thaiformat import format_money
from ui.headings import heading
from ui.overview.series import Chart, Column, Shape

CHART_HEIGHT = 290
# The height of a horizontal chart's value axis, legend and margins, beside its rows.
AXIS_ROOM = 90
# Columns beyond which the names under them stand upright (a month's fit lying down).
UPRIGHT_ROWS = 12
# A horizontal chart's row, in lines of the font, for each bar it holds.
ROW_LINES = 1.6
OPEN_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space)
# The bar the keyboard is on: a colour none of the theme's bar sets has.
SELECTED_COLOUR = QColor("#d9480f")


@dataclass(frozen=True)
class Scale:
    """Money drawn in baht, thousands or millions of baht, so that the axis reads at a
    glance; the exact figures are in the tooltip, the line under the chart and the
    workbook."""

    divisor: int
    unit: str

    def drawn(self, value: int | Decimal) -> float:
        return float(Decimal(value) / self.divisor)


def scale_for(columns: tuple[Column, ...]) -> Scale:
    if not any(c.money for c in columns):
        return Scale(1, "")
    top = max((abs(Decimal(v)) for c in columns for v in c.values), default=Decimal(0))
    if top >= 10_000_000:
        return Scale(1_000_000, QCoreApplication.translate("Overview", "million baht"))
    if top >= 10_000:
        return Scale(1_000, QCoreApplication.translate("Overview", "thousand baht"))
    return Scale(1, QCoreApplication.translate("Overview", "baht"))


def value_text(column: Column, value: int | Decimal, locale_number: Any) -> str:
    if column.money:
        return QCoreApplication.translate("Overview", "{amount} baht").format(
            amount=format_money(value)
        )
    return str(locale_number(int(value)))


class ChartView(QChartView):
    """The chart itself; takes the keyboard: the arrows go from bar to bar, Enter (or
    Space) opens the list behind the bar."""

    moved = Signal(int, int)  # row, drawn column
    activated = Signal(int, int)
    focused = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setFixedHeight(CHART_HEIGHT)
        # The chart that has the keyboard is framed, as a field with the cursor is.
        self.setStyleSheet("ChartView:focus { border: 2px solid palette(highlight); }")
        self.rows = 0
        self.columns = 0
        self.current: tuple[int, int] | None = None

    def reset(self, rows: int, columns: int) -> None:
        self.rows, self.columns = rows, columns
        self.current = None

    def _step(self, forward: bool) -> None:
        # Bar after bar in reading order: the columns of a row, then the next row.
        bars = self.rows * self.columns
        if bars == 0:
            return
        if self.current is None:
            at = 0 if forward else bars - 1
        else:
            row, column = self.current
            at = (row * self.columns + column + (1 if forward else -1)) % bars
        self.current = divmod(at, self.columns)
        self.moved.emit(*self.current)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Right, Qt.Key.Key_Down):
            self._step(True)
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Up):
            self._step(False)
        elif key in OPEN_KEYS and self.current is not None:
            self.activated.emit(*self.current)
        else:
            super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.focused.emit()
        if self.current is None and self.rows:
            self._step(True)


class ChartCard(QFrame):
    """``set_chart`` draws a chart; ``openRequested(target, key)`` when a bar is clicked
    (or chosen and Enter pressed) on a chart that leads to a list."""

    openRequested = Signal(object, object)
    # The chart took the keyboard: the page scrolls it into sight.
    focused = Signal()
    saveImageRequested = Signal()
    saveFiguresRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.chart_data: Chart | None = None
        self.bar_sets: list[QBarSet] = []
        self.scale = Scale(1, "")
        self.title = heading(size_delta=1)
        self.title.setWordWrap(True)
        self.view = ChartView()
        self.view.moved.connect(self._show_bar)
        self.view.activated.connect(self._open)
        self.view.focused.connect(self.focused)
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.save_image = QPushButton(QCoreApplication.translate("Overview", "PNG…"))
        self.save_image.setToolTip(
            QCoreApplication.translate("Overview", "Save this chart as a PNG picture")
        )
        self.save_image.clicked.connect(self.saveImageRequested)
        self.save_figures = QPushButton(QCoreApplication.translate("Overview", "Excel…"))
        self.save_figures.setToolTip(
            QCoreApplication.translate(
                "Overview", "Save this chart's figures to an Excel workbook (.xlsx)"
            )
        )
        self.save_figures.clicked.connect(self.saveFiguresRequested)
        for button in (self.save_image, self.save_figures):
            button.setAutoDefault(False)
            button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        top = QHBoxLayout()
        top.addWidget(self.title, 1, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.save_image, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.save_figures, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.note)
        layout.addWidget(self.caption)

    # --- drawing ---------------------------------------------------------------------------

    def set_chart(self, data: Chart) -> None:
        self.chart_data = data
        self.title.setText(data.title)
        self.view.setAccessibleName(data.title)
        self.note.setText(data.note)
        self.note.setVisible(bool(data.note))
        drawn = data.drawn
        self.scale = scale_for(drawn)
        chart = QChart()
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.setBackgroundRoundness(0)
        # The program's own font (Sarabun): the chart's theme would pick one without Thai.
        font = QFont(self.font())
        chart.legend().setFont(font)
        chart.legend().setVisible(len(drawn) > 1)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        horizontal = data.shape is not Shape.COLUMNS
        series: QAbstractBarSeries = QHorizontalBarSeries() if horizontal else QBarSeries()
        rows = len(data.labels)
        self.bar_sets = []
        for column in drawn:
            bar_set = QBarSet(column.title)
            values = [self.scale.drawn(v) for v in column.values]
            # Horizontal bars are drawn bottom up: reversed, the first row is at the top.
            bar_set.append(list(reversed(values)) if horizontal else values)
            bar_set.setSelectedColor(SELECTED_COLOUR)
            series.append(bar_set)
            self.bar_sets.append(bar_set)
        series.clicked.connect(self._clicked)
        series.hovered.connect(self._hovered)
        chart.addSeries(series)
        categories = QBarCategoryAxis()
        names = list(data.axis_labels)
        categories.append(list(reversed(names)) if horizontal else names)
        categories.setLabelsFont(font)
        if not horizontal and rows > UPRIGHT_ROWS:
            # A year since OTOP began per bar: their names fit only standing up.
            categories.setLabelsAngle(-90)
        values_axis = QValueAxis()
        values_axis.setLabelsFont(font)
        values_axis.setMin(0)
        values_axis.setLabelFormat("%.0f")
        top = max((v for s in self.bar_sets for v in _values(s)), default=0.0)
        values_axis.setMax(top if top > 0 else 1)
        values_axis.applyNiceNumbers()
        if self.scale.unit:
            values_axis.setTitleText(self.scale.unit)
            values_axis.setTitleFont(font)
        if horizontal:
            chart.addAxis(categories, Qt.AlignmentFlag.AlignLeft)
            chart.addAxis(values_axis, Qt.AlignmentFlag.AlignBottom)
        else:
            chart.addAxis(categories, Qt.AlignmentFlag.AlignBottom)
            chart.addAxis(values_axis, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(categories)
        series.attachAxis(values_axis)
        old = self.view.chart()
        self.view.setChart(chart)
        old.deleteLater()
        self.view.reset(rows, len(drawn))
        # Room for every row's name: a province's 25 districts need more than the default.
        # An axis elides every other name to "…" when a row is lower than the name's line
        # (Thai lines are tall: their marks above and below).
        height = CHART_HEIGHT
        if horizontal:
            row = self.fontMetrics().height() * ROW_LINES * (1 + len(drawn)) / 2
            height = max(height, AXIS_ROOM + int(rows * row))
        self.view.setFixedHeight(height)
        self.caption.setText("")

    # --- bars --------------------------------------------------------------------------------

    def _place(self, bar_set: QBarSet, index: int) -> tuple[int, int]:
        """The row and drawn column of a bar as Qt numbers it."""
        assert self.chart_data is not None
        column = self.bar_sets.index(bar_set)
        horizontal = self.chart_data.shape is not Shape.COLUMNS
        row = len(self.chart_data.labels) - 1 - index if horizontal else index
        return row, column

    def bar_text(self, row: int, column: int) -> str:
        """What a bar stands for: its row, its column and its exact figure."""
        assert self.chart_data is not None
        data = self.chart_data
        col = data.drawn[column]
        number = value_text(col, col.values[row], self.locale().toString)
        name = data.labels[row] if len(data.drawn) == 1 else f"{data.labels[row]}, {col.title}"
        return f"{name}: {number}"

    def _select(self, row: int, column: int) -> None:
        assert self.chart_data is not None
        horizontal = self.chart_data.shape is not Shape.COLUMNS
        index = len(self.chart_data.labels) - 1 - row if horizontal else row
        for i, bar_set in enumerate(self.bar_sets):
            bar_set.deselectAllBars()
            if i == column:
                bar_set.selectBar(index)

    def _show_bar(self, row: int, column: int) -> None:
        self._select(row, column)
        text = self.bar_text(row, column)
        if self.target(row, column) is not None:
            text = QCoreApplication.translate("Overview", "{bar} — Enter opens its list").format(
                bar=text
            )
        self.caption.setText(text)

    def target(self, row: int, column: int) -> tuple[Target, Any] | None:
        """The list a bar leads to and the value it filters on; None when it leads nowhere
        (no list filters so, or a row without a key such as "not given")."""
        assert self.chart_data is not None
        data = self.chart_data
        col = data.drawn[column]
        target = data.target_of(col)
        key = data.key_of(col, row)
        if target is None or key is None:
            return None
        return target, key

    def _open(self, row: int, column: int) -> None:
        found = self.target(row, column)
        if found is not None:
            self.openRequested.emit(*found)

    def _clicked(self, index: int, bar_set: QBarSet) -> None:
        row, column = self._place(bar_set, index)
        self.view.current = (row, column)
        self._show_bar(row, column)
        self._open(row, column)

    def _hovered(self, status: bool, index: int, bar_set: QBarSet) -> None:
        if not status:
            QToolTip.hideText()
            return
        row, column = self._place(bar_set, index)
        QToolTip.showText(QCursor.pos(), self.bar_text(row, column), self.view)


def _values(bar_set: QBarSet) -> list[float]:
    return [bar_set.at(i) for i in range(bar_set.count())]
