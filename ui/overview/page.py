"""The overview page: the office, the year's three figures against the year before, and the
charts of the year — fiscal (ปีงบประมาณ, October–September) by default, calendar as an
option, in B.E. The figures are counted off the GUI thread each time the page is shown or
another year is chosen; each chart leads to the list behind it and saves as a picture or a
workbook."""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QPalette, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select
from sqlalchemy.orm import Session

from otop_desktop.database import Register
from otop_desktop.domain import OfficeKind
from otop_desktop.errors import UserError
from otop_desktop.models import Entrepreneur, Office
from otop_desktop.services.office import get_office
from otop_desktop.services.overview import Overview, Target, overview
from otop_desktop.thaiformat import (
    be_year,
    fiscal_year_be,
    format_be_date,
    format_money,
    thai_today,
)
from ui.file_dialogs import save_file_name
from ui.headings import heading
from ui.jobs import report_error
from ui.office_text import office_area_text, office_kind_text
from ui.overview.chart_card import ChartCard
from ui.overview.counting import Counting
from ui.overview.series import Chart, charts, month_text

# The first year offered: OTOP began in 2544 B.E. (its first fiscal year ends in 2545).
FIRST_YEAR = 2544
# Charts side by side: two fit the window at 1366×768.
CHART_COLUMNS = 2
# Charts of months or years, each the whole width: a bar per month of two years, or per year
# since OTOP began, is too narrow at half of it.
WIDE_CHARTS = frozenset({"months", "support", "statuses"})
# Characters a file name may not hold on Windows, out of a chart's title.
_NOT_IN_FILE_NAMES = re.compile(r'[\\/:*?"<>|]+')


class Figure(QFrame):
    """One number of the register with what it counts, large enough to read at a glance."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.value = heading(size_delta=8)
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.value)
        layout.addWidget(self.caption)

    def set(self, value: str, caption: str) -> None:
        self.value.setText(value)
        self.caption.setText(caption)


@dataclass(frozen=True)
class Counted:
    """What one count gives the page: the year's figures, and whether the register holds
    any entrepreneur at all (an empty one says what to do first)."""

    figures: Overview
    empty: bool


def count(session: Session, year: int, calendar: bool) -> Counted:
    empty = session.scalar(select(Entrepreneur.id).limit(1)) is None
    return Counted(overview(session, year, calendar=calendar), empty)


def change_text(now: int | Decimal, before: int | Decimal) -> str:
    """ "+5.2%" against the year before; "" when the year before had none."""
    if not before:
        return ""
    percent = (Decimal(now) - Decimal(before)) * 100 / Decimal(before)
    return f"{percent.quantize(Decimal('0.1'), ROUND_HALF_UP):+}%"


class OverviewPage(QWidget):
    """``openRequested(target, key)`` when a chart's bar asks for its list. ``clickable``
    says which lists the window can filter as a target asks."""

    openRequested = Signal(object, object)

    def __init__(
        self,
        register: Register,
        parent: QWidget | None = None,
        *,
        clickable: Callable[[Target], bool] = lambda _target: False,
    ) -> None:
        super().__init__(parent)
        self._register = register
        self._clickable = clickable
        self._kind = OfficeKind.DISTRICT
        self._office_name = ""
        self.counting: Counting[Counted] | None = None
        self.figures: Overview | None = None
        self.cards: dict[str, ChartCard] = {}

        self.office_name = heading()
        self.kind = QLabel()
        self.area = QLabel()
        self.officer = QLabel()
        for label in (self.office_name, self.kind, self.area, self.officer):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            # Wrapped rather than widening the page past the window (a long officer's title).
            label.setWordWrap(True)
        # The office on one line under its name: the charts need the height.
        office_row = self._office_row = QHBoxLayout()
        office_row.setSpacing(6)
        for caption, value in (
            (QCoreApplication.translate("Overview", "Kind:"), self.kind),
            (QCoreApplication.translate("Overview", "Area:"), self.area),
            (QCoreApplication.translate("Overview", "Signing officer:"), self.officer),
        ):
            name = QLabel(caption)
            name.setForegroundRole(QPalette.ColorRole.PlaceholderText)
            office_row.addWidget(name, 0, Qt.AlignmentFlag.AlignTop)
            # Each value takes its share of the width, wrapping only when the window is narrow.
            office_row.addWidget(value, 1, Qt.AlignmentFlag.AlignTop)
            office_row.addSpacing(18)

        # The year: fiscal unless the clerk asks for the calendar year.
        self.year_kind = QComboBox()
        self.year_kind.addItem(QCoreApplication.translate("Overview", "Fiscal year"), False)
        self.year_kind.addItem(QCoreApplication.translate("Overview", "Calendar year"), True)
        self.year_kind.setAccessibleName(QCoreApplication.translate("Overview", "Kind of year"))
        self.year = QSpinBox()
        self.year.setAccessibleName(QCoreApplication.translate("Overview", "Year (B.E.)"))
        self.year.setPrefix(QCoreApplication.translate("Overview", "B.E. "))
        # Typed years are read when complete (Enter or leaving the box), not digit by digit.
        self.year.setKeyboardTracking(False)
        self._set_year_range(select_latest=True)
        self.year_kind.currentIndexChanged.connect(self._year_kind_changed)
        self.year.valueChanged.connect(self.refresh_figures)
        self.state = QLabel()
        self.state.setWordWrap(True)
        year_row = QHBoxLayout()
        year_label = QLabel(QCoreApplication.translate("Overview", "Figures of the"))
        year_row.addWidget(year_label)
        year_row.addWidget(self.year_kind)
        year_row.addWidget(self.year)
        year_row.addWidget(self.state, 1)

        self.entrepreneurs = Figure()
        self.products = Figure()
        self.sales = Figure()
        figures_row = QHBoxLayout()
        for figure in (self.entrepreneurs, self.products, self.sales):
            figures_row.addWidget(figure, 1)

        # An empty register says what to do first, rather than showing charts of zeros.
        self.first_steps = QLabel()
        self.first_steps.setWordWrap(True)
        self.first_steps.setTextFormat(Qt.TextFormat.RichText)
        self.first_steps.setFrameShape(QFrame.Shape.StyledPanel)
        self.first_steps.setContentsMargins(12, 8, 12, 8)
        self.first_steps.hide()

        # Said once for every chart.
        self.charts_hint = QLabel(
            QCoreApplication.translate(
                "Overview",
                "A bar opens the list behind it: click it, or Tab to its chart, choose it with "
                "the arrow keys and press Enter. PNG… saves a chart as a picture, Excel… its "
                "figures as a workbook.",
            )
        )
        self.charts_hint.setWordWrap(True)
        self.charts_hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.chart_grid = QGridLayout()
        self.chart_grid.setSpacing(12)
        for column in range(CHART_COLUMNS):
            self.chart_grid.setColumnStretch(column, 1)

        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.setSpacing(12)
        layout.addWidget(self.office_name)
        layout.addWidget(self.first_steps)
        layout.addLayout(office_row)
        layout.addLayout(year_row)
        layout.addLayout(figures_row)
        layout.addWidget(self.charts_hint)
        layout.addLayout(self.chart_grid)
        layout.addStretch(1)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        # The page follows the window's width; only its height scrolls.
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.scroll_area)

    # --- the year ---------------------------------------------------------------------------

    def calendar(self) -> bool:
        return bool(self.year_kind.currentData())

    def _latest_year(self) -> int:
        today = thai_today()
        return be_year(today) if self.calendar() else fiscal_year_be(today)

    def _set_year_range(self, *, select_latest: bool) -> None:
        latest = self._latest_year()
        self.year.blockSignals(True)
        self.year.setRange(FIRST_YEAR + (0 if self.calendar() else 1), latest)
        if select_latest:
            self.year.setValue(latest)
        self.year.blockSignals(False)

    def _year_kind_changed(self) -> None:
        # The same B.E. number stays chosen (fiscal 2565 → calendar 2565) within the range.
        self._set_year_range(select_latest=False)
        self.refresh_figures()

    def show_year(self, year: int, *, calendar: bool = False) -> None:
        """Chooses a year (as the clerk would) and counts its figures."""
        self.year_kind.blockSignals(True)
        self.year_kind.setCurrentIndex(self.year_kind.findData(calendar))
        self.year_kind.blockSignals(False)
        self._set_year_range(select_latest=False)
        self.year.blockSignals(True)
        self.year.setValue(year)
        self.year.blockSignals(False)
        self.refresh_figures()

    def year_text(self, year: int | None = None) -> str:
        year = self.year.value() if year is None else year
        if self.calendar():
            return QCoreApplication.translate("Overview", "the calendar year B.E. {year}").format(
                year=year
            )
        return QCoreApplication.translate("Overview", "fiscal year {year}").format(year=year)

    # --- reading ----------------------------------------------------------------------------

    def focus_content(self) -> None:
        # Ctrl+1: the keyboard starts at the year; Tab goes on to the charts.
        self.year.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def showEvent(self, event: QShowEvent) -> None:
        # Read on being shown, not when built: the window shows it first thing anyway. Not on
        # spontaneous shows (the window restored from the taskbar): nothing changed then.
        if not event.spontaneous():
            self.refresh()
        super().showEvent(event)

    def refresh(self) -> None:
        with self._register.read() as session:
            office = get_office(session)
        self._office_name = office.name
        self.office_name.setText(office.name)
        self._kind = OfficeKind(office.kind)
        self.kind.setText(office_kind_text(self._kind))
        self.area.setText(office_area_text(office))
        self.officer.setText(self._officer_text(office))
        for label in (self.kind, self.area, self.officer):
            self._office_row.setStretchFactor(label, len(label.text()) + 1)
        self.refresh_figures()

    def refresh_figures(self) -> None:
        """Counts the chosen year's figures off the GUI thread (a national register takes a
        while), dropping a count under way for another year."""
        self.stop()
        year, calendar = self.year.value(), self.calendar()
        counting: Counting[Counted] = Counting(
            self._register, lambda session: count(session, year, calendar)
        )
        counting.job.succeeded.connect(lambda counted: self._counted(counting, counted))
        counting.job.failed.connect(lambda error: self._failed(counting, error))
        self.counting = counting
        self.state.setText(
            QCoreApplication.translate("Overview", "Counting the figures of {year}…").format(
                year=self.year_text()
            )
        )
        counting.start()

    def stop(self) -> None:
        """Stops a count under way and waits for its connection to be given back: before
        the register closes, and before another count."""
        if self.counting is not None:
            self.counting.stop()
            self.counting = None

    def _counted(self, counting: Counting[Counted], counted: Counted) -> None:
        if counting is not self.counting:
            return  # a count for a year no longer chosen
        self.counting = None
        self.show_figures(counted.figures, empty=counted.empty)

    def _failed(self, counting: Counting[Counted], error: Exception) -> None:
        if counting is not self.counting:
            return
        self.counting = None
        self.state.setText(
            QCoreApplication.translate("Overview", "The figures could not be counted.")
        )
        report_error(self, error)

    def show_figures(self, figures: Overview, *, empty: bool = False) -> None:
        self.figures = figures
        self.state.setText(self._span_text(figures))
        self._show_numbers(figures)
        if empty:
            self.first_steps.setText(self._first_steps_text())
        self.first_steps.setVisible(empty)
        self._show_charts(figures, visible=not empty)
        self.charts_hint.setVisible(not empty)

    # --- showing ----------------------------------------------------------------------------

    def _span_text(self, o: Overview) -> str:
        span = QCoreApplication.translate("Overview", "{start} to {end}").format(
            start=format_be_date(o.span_start), end=format_be_date(o.span_end)
        )
        if o.as_of is not None:
            return QCoreApplication.translate(
                "Overview", "{span}; as of the end of {month}"
            ).format(span=span, month=month_text(o.as_of))
        return span

    def _show_numbers(self, o: Overview) -> None:
        locale = self.locale()
        before = self.year_text(o.year - 1)

        def compared(
            now: int | Decimal, previous: int | Decimal, shown: str, year: str = before
        ) -> str:
            change = change_text(now, previous)
            text = QCoreApplication.translate("Overview", "{year}: {figure}").format(
                year=year, figure=shown
            )
            return f"{text} ({change})" if change else text

        self.entrepreneurs.set(
            locale.toString(o.entrepreneurs),
            QCoreApplication.translate("Overview", "entrepreneurs")
            + "\n"
            + compared(
                o.entrepreneurs,
                o.previous_entrepreneurs,
                locale.toString(o.previous_entrepreneurs),
            ),
        )
        self.products.set(
            locale.toString(o.products),
            QCoreApplication.translate("Overview", "products")
            + "\n"
            + compared(o.products, o.previous_products, locale.toString(o.previous_products)),
        )
        previous_sales, sales_before = o.previous_sales, before
        if o.as_of is not None:
            # A year under way against the same months of the year before, not all twelve.
            previous_sales = sum(
                (r.previous_year for r in o.months if r.key <= o.as_of.key), Decimal(0)
            )
            sales_before = QCoreApplication.translate(
                "Overview", "the same months of {year}"
            ).format(year=before)
        self.sales.set(
            format_money(o.sales),
            QCoreApplication.translate("Overview", "baht of sales")
            + "\n"
            + compared(o.sales, previous_sales, format_money(previous_sales), sales_before),
        )

    def _show_charts(self, figures: Overview, *, visible: bool) -> None:
        place = 0  # the next free cell, counted along the rows of the grid
        for chart in charts(figures, clickable=self._clickable):
            card = self.cards.get(chart.name)
            if card is None:
                card = ChartCard()
                card.openRequested.connect(self.openRequested)
                card.focused.connect(lambda c=card: self.scroll_area.ensureWidgetVisible(c, 0, 0))
                card.saveImageRequested.connect(lambda c=card: self.save_chart_image(c))
                card.saveFiguresRequested.connect(lambda c=card: self.save_chart_figures(c))
                self.cards[chart.name] = card
                if chart.name in WIDE_CHARTS:
                    place += -place % CHART_COLUMNS  # to the start of a row
                    self.chart_grid.addWidget(card, place // CHART_COLUMNS, 0, 1, CHART_COLUMNS)
                    place += CHART_COLUMNS
                else:
                    self.chart_grid.addWidget(card, *divmod(place, CHART_COLUMNS))
                    place += 1
            card.set_chart(chart)
            card.setVisible(visible)

    def _first_steps_text(self) -> str:
        if self._kind is OfficeKind.DISTRICT:
            steps = [
                QCoreApplication.translate(
                    "Overview",
                    "Check the office's name and its signing officer on the Settings page.",
                ),
                QCoreApplication.translate(
                    "Overview",
                    "If the office kept its register in a spreadsheet, bring it in: Submission "
                    "page, Import an old spreadsheet…",
                ),
                QCoreApplication.translate(
                    "Overview",
                    "Or add the first entrepreneur: Entrepreneurs page (Ctrl+2), then New "
                    "(Ctrl+N).",
                ),
            ]
        else:
            steps = [
                QCoreApplication.translate(
                    "Overview",
                    "Check the office's name and its signing officer on the Settings page.",
                ),
                QCoreApplication.translate(
                    "Overview",
                    "Bring in the districts' monthly workbooks on the Submission page: their "
                    "entrepreneurs, products and sales come with them.",
                ),
            ]
        title = QCoreApplication.translate("Overview", "This register is empty. To begin:")
        guide = QCoreApplication.translate("Overview", "Press F1 for the guide to the program.")
        items = "".join(f"<li>{html.escape(step)}</li>" for step in steps)
        return f"<b>{html.escape(title)}</b><ol>{items}</ol><p>{html.escape(guide)}</p>"

    def _officer_text(self, office: Office) -> str:
        if not office.officer_name:
            return QCoreApplication.translate("Overview", "not set yet")
        if not office.officer_position:
            return office.officer_name
        return QCoreApplication.translate("Overview", "{name}, {position}").format(
            name=office.officer_name, position=office.officer_position
        )

    # --- saving a chart ---------------------------------------------------------------------

    def _suggested(self, chart: Chart, suffix: str) -> str:
        name = _NOT_IN_FILE_NAMES.sub(" ", f"{chart.title} {self.year_text()}")
        return str(Path.home() / f"{' '.join(name.split())}{suffix}")

    def _about_lines(self) -> list[str]:
        figures = self.figures
        assert figures is not None
        now = datetime.now()
        return [
            self._office_name,
            self.year_text(figures.year),
            self._span_text(figures),
            QCoreApplication.translate("Overview", "Saved on {date} at {time}").format(
                date=format_be_date(now.date()), time=f"{now:%H:%M}"
            ),
        ]

    def _target_path(
        self, title: str, suggested: str, filters: str, suffix: str
    ) -> tuple[Path, bool] | None:
        """Where to save, and whether an existing file there may be replaced: the dialog
        asked about the name chosen, not about one the suffix was added to."""
        name = save_file_name(self, title, suggested, filters)
        if not name:
            return None
        path = Path(name)
        if path.suffix.lower() == suffix:
            return path, True
        return path.with_name(path.name + suffix), False

    def save_chart_image(self, card: ChartCard) -> Path | None:
        chart = card.chart_data
        if chart is None:
            return None
        chosen = self._target_path(
            QCoreApplication.translate("Overview", "Save the chart as a picture"),
            self._suggested(chart, ".png"),
            QCoreApplication.translate("Overview", "PNG pictures (*.png)"),
            ".png",
        )
        if chosen is None:
            return None
        target, force = chosen
        return self.write_chart_image(card, target, force=force)

    def write_chart_image(self, card: ChartCard, target: Path, *, force: bool) -> Path | None:
        # Imported when first used: the workbook writer (openpyxl) is slow to import, and
        # the window opens with this page.
        from ui.overview.saving import save_image

        try:
            return save_image(self._register, target, card.view.grab(), force=force)
        except UserError as exc:
            report_error(self, exc)
            return None

    def save_chart_figures(self, card: ChartCard) -> Path | None:
        chart = card.chart_data
        if chart is None:
            return None
        chosen = self._target_path(
            QCoreApplication.translate("Overview", "Save the chart's figures as a workbook"),
            self._suggested(chart, ".xlsx"),
            QCoreApplication.translate("Overview", "Excel workbooks (*.xlsx)"),
            ".xlsx",
        )
        if chosen is None:
            return None
        target, force = chosen
        return self.write_chart_figures(card, target, force=force)

    def write_chart_figures(self, card: ChartCard, target: Path, *, force: bool) -> Path | None:
        chart = card.chart_data
        assert chart is not None
        from ui.overview.saving import save_figures

        try:
            return save_figures(self._register, target, chart, self._about_lines(), force=force)
        except UserError as exc:
            report_error(self, exc)
            return None
