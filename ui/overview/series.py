"""The overview's charts as plain figures: for each chart its rows (one per bar group, with
the key the list behind it filters on), its columns (the numbers of each row, some drawn,
all saved to the workbook) and the list a click opens. Built from the service's Overview
alone, so that what a chart draws and what its workbook holds are the service's figures."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale

from otop_desktop.services.overview import AreaRow, Overview, Target
from otop_desktop.thaiformat import THAI_MONTHS_ABBR, Period
from ui.lang import pick, ui_is_thai
from ui.widgets.month_picker import month_name

# The subdistricts of a district register drawn: the rest are in the workbook. A province
# has 25 districts, all drawn.
TOP_AREAS = 12


class Shape(Enum):
    COLUMNS = "columns"  # vertical bars, rows along the bottom
    BARS = "bars"  # horizontal bars, rows down the side (long names)


@dataclass(frozen=True)
class Column:
    """One number of every row: ``drawn`` columns are the chart's bar sets; ``money`` in
    baht (Decimal), otherwise a count (int). ``target`` overrides the chart's list for a
    click on this column's bars (grants lead to the grants list, trainings to theirs);
    ``keys`` the filter value of each row's bar when it is not the row's key (last year's
    month is another period; a closed bar filters on the status, not the year)."""

    title: str
    values: tuple[int | Decimal, ...]
    money: bool = False
    drawn: bool = True
    target: Target | None = None
    keys: tuple[Any, ...] | None = None


@dataclass(frozen=True)
class Chart:
    name: str  # the Overview field it comes from
    title: str
    shape: Shape
    # What the rows are ("Month", "Category"): the first column's title in the workbook.
    row_title: str
    labels: tuple[str, ...]  # one per row, as the workbook and tooltips say it
    axis_labels: tuple[str, ...]  # one per row, as short as the axis needs
    keys: tuple[Any, ...]  # one per row: the list's filter value (None: no list)
    columns: tuple[Column, ...]
    target: Target | None  # the list a click opens, None when there is none
    note: str = ""  # said under the chart: what it counts

    @property
    def drawn(self) -> tuple[Column, ...]:
        return tuple(c for c in self.columns if c.drawn)

    def target_of(self, column: Column) -> Target | None:
        return column.target or self.target

    def key_of(self, column: Column, row: int) -> Any:
        return column.keys[row] if column.keys is not None else self.keys[row]


def short_month(key: int) -> str:
    """A month on an axis: ``ต.ค.``, ``Oct``."""
    month = Period.from_key(key).month
    if ui_is_thai():
        return THAI_MONTHS_ABBR[month - 1]
    return QLocale().standaloneMonthName(month, QLocale.FormatType.ShortFormat)


def month_text(period: Period) -> str:
    """A month in a sentence: ``ตุลาคม 2568``, ``October 2568``."""
    return f"{month_name(period.month)} {period.year_be}"


def year_name(overview: Overview, year: int) -> str:
    if overview.calendar:
        return QCoreApplication.translate("Overview", "B.E. {year}").format(year=year)
    return QCoreApplication.translate("Overview", "FY {year}").format(year=year)


def charts(overview: Overview, *, clickable: Callable[[Target], bool]) -> list[Chart]:
    """Every chart of the overview, in the page's order. ``clickable`` says which lists the
    program can filter as a target asks (a chart leading elsewhere is drawn, not clicked)."""

    def target(series: str) -> Target | None:
        wanted = overview.target(series)
        return wanted if clickable(wanted) else None

    def labels(rows: Sequence[Any]) -> tuple[str, ...]:
        return tuple(pick(r.label_th, r.label_en) for r in rows)

    def keys(rows: Sequence[Any]) -> tuple[Any, ...]:
        return tuple(r.key for r in rows)

    o = overview
    this_year, last_year = year_name(o, o.year), year_name(o, o.year - 1)
    months = o.months
    areas = o.areas if o.kind != "district" else o.areas[:TOP_AREAS]
    area_word = (
        QCoreApplication.translate("Overview", "Subdistrict")
        if o.kind == "district"
        else QCoreApplication.translate("Overview", "District")
    )
    month = month_text(o.completeness_month)
    support_target = target("support")
    result = [
        Chart(
            "months",
            QCoreApplication.translate(
                "Overview", "Sales by month, against the year before (baht)"
            ),
            Shape.COLUMNS,
            QCoreApplication.translate("Overview", "Month"),
            labels(months),
            tuple(short_month(r.key) for r in months),
            keys(months),
            (
                Column(this_year, tuple(r.sales for r in months), money=True),
                Column(
                    last_year,
                    tuple(r.previous_year for r in months),
                    money=True,
                    keys=tuple(r.key - 100 for r in months),  # the same month a year earlier
                ),
            ),
            target("months"),
        ),
        Chart(
            "categories",
            QCoreApplication.translate("Overview", "Sales by product category (baht)"),
            Shape.BARS,
            QCoreApplication.translate("Overview", "Category"),
            labels(o.categories),
            labels(o.categories),
            keys(o.categories),
            (
                Column(
                    QCoreApplication.translate("Overview", "Sales"),
                    tuple(r.sales for r in o.categories),
                    money=True,
                ),
                Column(
                    QCoreApplication.translate("Overview", "Products"),
                    tuple(r.products for r in o.categories),
                    drawn=False,
                ),
            ),
            target("categories"),
        ),
        Chart(
            "category_counts",
            QCoreApplication.translate("Overview", "Products by category"),
            Shape.BARS,
            QCoreApplication.translate("Overview", "Category"),
            labels(o.categories),
            labels(o.categories),
            keys(o.categories),
            (
                Column(
                    QCoreApplication.translate("Overview", "Products"),
                    tuple(r.products for r in o.categories),
                ),
            ),
            target("categories"),
        ),
        Chart(
            "areas",
            QCoreApplication.translate("Overview", "Sales by subdistrict, largest first (baht)")
            if o.kind == "district"
            else QCoreApplication.translate("Overview", "Sales by district, largest first (baht)"),
            Shape.BARS,
            area_word,
            labels(areas),
            labels(areas),
            keys(areas),
            (
                Column(
                    QCoreApplication.translate("Overview", "Sales"),
                    tuple(r.sales for r in areas),
                    money=True,
                ),
                Column(
                    QCoreApplication.translate("Overview", "Entrepreneurs"),
                    tuple(r.entrepreneurs for r in areas),
                    drawn=False,
                ),
                Column(
                    QCoreApplication.translate("Overview", "Products"),
                    tuple(r.products for r in areas),
                    drawn=False,
                ),
            ),
            target("areas"),
            QCoreApplication.translate(
                "Overview", "The {count} largest of {total}; the workbook has them all."
            ).format(count=len(areas), total=len(o.areas))
            if len(areas) < len(o.areas)
            else "",
        ),
        _completeness(o, areas, area_word, month, target("areas")),
        Chart(
            "stars",
            QCoreApplication.translate("Overview", "Products by star rating"),
            Shape.BARS,
            QCoreApplication.translate("Overview", "Stars"),
            labels(o.stars),
            # Stars as the product list shows them; the unrated keep their words.
            tuple("★" * int(r.key or 0) or pick(r.label_th, r.label_en) for r in o.stars),
            keys(o.stars),
            (
                Column(
                    QCoreApplication.translate("Overview", "Products"),
                    tuple(r.count for r in o.stars),
                ),
            ),
            target("stars"),
        ),
        Chart(
            "standards",
            QCoreApplication.translate("Overview", "Products holding each standard"),
            Shape.BARS,
            QCoreApplication.translate("Overview", "Standard"),
            labels(o.standards),
            # The short name, in the program's language ("ฮาลาล", not the stored "Halal").
            tuple(label.split(" (")[0] for label in labels(o.standards)),
            keys(o.standards),
            (
                Column(
                    QCoreApplication.translate("Overview", "Products"),
                    tuple(r.count for r in o.standards),
                ),
            ),
            target("standards"),
            QCoreApplication.translate(
                "Overview",
                "Certificates not expired before the year began. A bar lists every product "
                "holding the standard, expired or not.",
            ),
        ),
        Chart(
            "readiness",
            QCoreApplication.translate("Overview", "Digital readiness levels (entrepreneurs)"),
            Shape.BARS,
            QCoreApplication.translate("Overview", "Level"),
            labels(o.readiness),
            labels(o.readiness),
            # Never assessed (None) is EntrepreneurFilter.readiness_level's -1.
            tuple(-1 if r.key is None else r.key for r in o.readiness),
            (
                Column(
                    QCoreApplication.translate("Overview", "Entrepreneurs"),
                    tuple(r.count for r in o.readiness),
                ),
            ),
            target("readiness"),
        ),
        Chart(
            "readiness_checks",
            QCoreApplication.translate(
                "Overview", "Digital readiness checklist: entrepreneurs with each item"
            ),
            Shape.BARS,
            QCoreApplication.translate("Overview", "Item"),
            labels(o.readiness_checks),
            labels(o.readiness_checks),
            keys(o.readiness_checks),
            (
                Column(
                    QCoreApplication.translate("Overview", "Entrepreneurs"),
                    tuple(r.count for r in o.readiness_checks),
                ),
            ),
            target("readiness_checks"),
            QCoreApplication.translate("Overview", "A click lists those lacking the item."),
        ),
        Chart(
            "soft_power",
            QCoreApplication.translate("Overview", "Soft Power products"),
            Shape.BARS,
            QCoreApplication.translate("Overview", "Soft Power"),
            labels(o.soft_power),
            labels(o.soft_power),
            keys(o.soft_power),
            (
                Column(
                    QCoreApplication.translate("Overview", "Products"),
                    tuple(r.products for r in o.soft_power),
                ),
                Column(
                    QCoreApplication.translate("Overview", "Sales"),
                    tuple(r.sales for r in o.soft_power),
                    money=True,
                    drawn=False,
                ),
            ),
            target("soft_power"),
        ),
        Chart(
            "industries",
            QCoreApplication.translate("Overview", "OFOS households by Soft Power industry"),
            Shape.BARS,
            QCoreApplication.translate("Overview", "Industry"),
            labels(o.industries),
            labels(o.industries),
            keys(o.industries),
            (
                Column(
                    QCoreApplication.translate("Overview", "Households"),
                    tuple(r.households for r in o.industries),
                ),
                Column(
                    QCoreApplication.translate("Overview", "Skills"),
                    tuple(r.skills for r in o.industries),
                    drawn=False,
                ),
            ),
            target("industries"),
        ),
        Chart(
            "support",
            QCoreApplication.translate("Overview", "Training budgets and grants by month (baht)"),
            Shape.COLUMNS,
            QCoreApplication.translate("Overview", "Month"),
            labels(o.support),
            tuple(short_month(r.key) for r in o.support),
            keys(o.support),
            (
                Column(
                    QCoreApplication.translate("Overview", "Training budgets"),
                    tuple(r.training_budget for r in o.support),
                    money=True,
                    target=Target("trainings", "period") if support_target else None,
                ),
                Column(
                    QCoreApplication.translate("Overview", "Grants"),
                    tuple(r.grant_amount for r in o.support),
                    money=True,
                    target=Target("grants", "period") if support_target else None,
                ),
                Column(
                    QCoreApplication.translate("Overview", "Trainings"),
                    tuple(r.trainings for r in o.support),
                    drawn=False,
                ),
                Column(
                    QCoreApplication.translate("Overview", "Participants"),
                    tuple(r.participants for r in o.support),
                    drawn=False,
                ),
                Column(
                    QCoreApplication.translate("Overview", "Grants given"),
                    tuple(r.grants for r in o.support),
                    drawn=False,
                ),
            ),
            support_target,
        ),
        Chart(
            "statuses",
            QCoreApplication.translate(
                "Overview", "Businesses opened, suspended and closed by year"
            ),
            Shape.COLUMNS,
            QCoreApplication.translate("Overview", "Year"),
            labels(o.statuses),
            tuple(str(r.key) for r in o.statuses),
            keys(o.statuses),
            (
                Column(
                    QCoreApplication.translate("Overview", "Opened"),
                    tuple(r.opened for r in o.statuses),
                ),
                Column(
                    QCoreApplication.translate("Overview", "Suspended"),
                    tuple(r.suspended for r in o.statuses),
                    target=target("statuses"),
                    keys=("suspended",) * len(o.statuses),
                ),
                Column(
                    QCoreApplication.translate("Overview", "Reopened"),
                    tuple(r.reopened for r in o.statuses),
                ),
                Column(
                    QCoreApplication.translate("Overview", "Closed"),
                    tuple(r.closed for r in o.statuses),
                    target=target("statuses"),
                    keys=("closed",) * len(o.statuses),
                ),
            ),
            None,
            QCoreApplication.translate(
                "Overview",
                "A click on a suspended or closed bar lists the businesses in that state now.",
            ),
        ),
    ]
    return result


def _completeness(
    o: Overview, areas: Sequence[AreaRow], area_word: str, month: str, target: Target | None
) -> Chart:
    """The last ended month's completeness beside the areas' sales: on a district register
    the producers of each subdistrict with and without that month's sales entered; on a
    province (or nation) register each district's producers, under whether its workbook of
    the month has come in."""
    names = tuple(pick(r.label_th, r.label_en) for r in areas)
    axis = names
    keys = tuple(r.key for r in areas)
    if o.kind == "district":
        title = QCoreApplication.translate("Overview", "Sales entered for {month} (entrepreneurs)")
        reporting = tuple(r.reporting or 0 for r in areas)
        columns = (
            Column(QCoreApplication.translate("Overview", "With sales entered"), reporting),
            Column(
                QCoreApplication.translate("Overview", "Without"),
                tuple(r.entrepreneurs - n for r, n in zip(areas, reporting, strict=True)),
            ),
        )
        note = ""
    else:
        title = QCoreApplication.translate(
            "Overview", "Workbooks of {month}: ✓ received (entrepreneurs of each district)"
        )
        # The district's bar is its producers, its name ticked once its workbook came in.
        axis = tuple(
            f"✓ {name}" if r.submitted else name for name, r in zip(names, areas, strict=True)
        )
        columns = (
            Column(
                QCoreApplication.translate("Overview", "Entrepreneurs"),
                tuple(r.entrepreneurs for r in areas),
            ),
            Column(
                QCoreApplication.translate("Overview", "Workbook received (1 = yes)"),
                tuple(int(bool(r.submitted)) for r in areas),
                drawn=False,
            ),
        )
        received = sum(1 for r in o.areas if r.submitted)
        note = QCoreApplication.translate(
            "Overview", "Workbooks received for the month: {count} of {total} districts."
        ).format(count=received, total=len(o.areas))
    return Chart(
        "completeness",
        title.format(month=month),
        Shape.BARS,
        area_word,
        names,
        axis,
        keys,
        columns,
        target,
        note,
    )
