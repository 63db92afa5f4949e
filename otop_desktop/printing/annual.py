"""The annual OTOP report of a district or a province (or the nation) for a fiscal or a
calendar year, as a PDF or a workbook: the year's districts, entrepreneurs, products and
sales against the year before; categories ranked by sales and by count; stars and standards;
businesses opened and closed; trainings and grants; the OFOS survey and digital readiness.
Every figure is counted by otop_desktop.services.figures (through services.overview), the
same rules as the overview's charts and ``stats --year``. A year not yet over is reported
"as of" its last ended month."""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

import geothai
from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer
from sqlalchemy.orm import Session

from otop_desktop.database import Register
from otop_desktop.errors import UserError
from otop_desktop.models import Office
from otop_desktop.outputs import PendingOutputs
from otop_desktop.printing.layout import (
    OFFICIAL_MARGINS,
    Document,
    cell,
    fitted,
    grid_table,
    look,
    signature_block,
)
from otop_desktop.printing.print_data import district_name
from otop_desktop.printing.typeset import (
    FONT,
    LINE_HEIGHT,
    TextOptions,
    hold,
    para,
    register_fonts,
    words,
)
from otop_desktop.services import figures
from otop_desktop.services.office import get_office
from otop_desktop.services.overview import Overview, StatusYearRow, overview
from otop_desktop.thaiformat import THAI_MONTHS, THAI_MONTHS_ABBR, format_money
from otop_desktop.xlsx_print import BOLD_FONT, print_workbook, set_up_printing

SUFFIXES = (".pdf", ".xlsx")
#: Years of openings and closings the report shows, up to the report's year.
STATUS_YEARS = 6
#: The two series of the charts: this year dark, the year before light.
THIS_YEAR = colors.Color(0.16, 0.35, 0.6)
YEAR_BEFORE = colors.Color(0.7, 0.78, 0.88)


@dataclass(frozen=True)
class Annual:
    """Everything the report prints, ready for either format."""

    office: Office
    figures: Overview
    #: Districts with counted entrepreneurs in the year and the year before (a province or
    #: nation register); None on a district register.
    districts: int | None
    previous_districts: int | None
    #: Area code → the year before's sales, beside each area's row.
    previous_area_sales: dict[str, Decimal]
    #: Category → the year's businesses whose main category it is.
    businesses: dict[int | None, int]

    @property
    def title(self) -> str:
        year = "ปี" if self.figures.calendar else "ปีงบประมาณ"
        return f"รายงานผลการดำเนินงานหนึ่งตำบล หนึ่งผลิตภัณฑ์ (OTOP) ประจำ{year} พ.ศ. {self.figures.year}"

    @property
    def area(self) -> str:
        office = self.office
        if office.kind == "district" and office.district_code:
            return f"อำเภอ{district_name(office.district_code)}"
        if office.kind == "province" and office.province_code:
            found = geothai.province(office.province_code)
            return f"จังหวัด{found.name_th}" if found else ""
        return "ทั่วประเทศ"

    @property
    def period(self) -> str:
        o = self.figures
        first, last = o.span_start, o.span_end
        text = (
            f"ระหว่าง {first.day} {THAI_MONTHS[first.month - 1]} {first.year + 543}"
            f" ถึง {last.day} {THAI_MONTHS[last.month - 1]} {last.year + 543}"
        )
        if o.as_of is not None:
            end = o.as_of.last_day
            text += f" (ปีนี้ยังไม่สิ้นสุด: ข้อมูล ณ สิ้นเดือน{THAI_MONTHS[end.month - 1]} {end.year + 543})"
        return text

    @property
    def area_word(self) -> str:
        return "ตำบล" if self.office.kind == "district" else "อำเภอ"


def annual_figures(
    session: Session, year: int, *, calendar: bool, today: date | None = None
) -> Annual:
    office = get_office(session)
    o = overview(session, year, calendar=calendar, today=today)
    span = figures.year_span(year, calendar=calendar)
    key = "subdistrict_code" if office.kind == "district" else "district_code"
    before = figures.by_area(session, span.previous(), key)
    districts = previous = None
    if office.kind != "district":
        districts = sum(1 for a in o.areas if a.entrepreneurs)
        previous = sum(1 for t in before.values() if t.entrepreneurs)
    return Annual(
        office,
        o,
        districts,
        previous,
        {code: figures.baht(t.sales) for code, t in before.items()},
        dict(figures.businesses_by_main_category(session, span)),
    )


def write_annual(register: Register, year: int, *, calendar: bool, out: Path) -> Path:
    """Writes the report of B.E. ``year`` (fiscal, or calendar with ``calendar``) to ``out``,
    a PDF or a workbook as its suffix says; any other suffix is refused. The caller has
    checked the target (outputs.check_target, with its own ``force``): the file is placed
    whole, never over the register or a database. Returns the path written."""
    out = Path(out)
    suffix = out.suffix.lower()
    if suffix not in SUFFIXES:
        raise UserError(
            f"รายงานประจำปีบันทึกได้เป็น .pdf หรือ .xlsx เท่านั้น (ได้ “{out.name}”)",
            f"The annual report is saved as .pdf or .xlsx only (got “{out.name}”)",
        )
    with register.read() as session:
        report = annual_figures(session, year, calendar=calendar)
    data = _pdf(report) if suffix == ".pdf" else _xlsx(report)
    with PendingOutputs(register_db=register.path, force=True) as files:
        target = files.check(out)
        files.write(target, data)
        files.place()
    return target


# --- the figures as rows, shared by both formats -------------------------------------------


def _change(now: Decimal | int, before: Decimal | int) -> str:
    if not before:
        return "-"
    return f"{(Decimal(now) - Decimal(before)) * 100 / Decimal(before):+.2f}"


def _share(part: Decimal | int, whole: Decimal | int) -> str:
    return f"{Decimal(part) * 100 / Decimal(whole):.2f}" if whole else "-"


def _n(value: int) -> str:
    return f"{value:,}"


def _summary_rows(r: Annual) -> list[list[str]]:
    o = r.figures
    rows = []
    if r.districts is not None and r.previous_districts is not None:
        rows.append(
            [
                "อำเภอที่มีผู้ประกอบการ",
                _n(r.districts),
                _n(r.previous_districts),
                _change(r.districts, r.previous_districts),
            ]
        )
    rows += [
        [
            "ผู้ประกอบการ (ราย)",
            _n(o.entrepreneurs),
            _n(o.previous_entrepreneurs),
            _change(o.entrepreneurs, o.previous_entrepreneurs),
        ],
        [
            "ผลิตภัณฑ์ (รายการ)",
            _n(o.products),
            _n(o.previous_products),
            _change(o.products, o.previous_products),
        ],
        [
            "ยอดจำหน่าย (บาท)",
            format_money(o.sales),
            format_money(_previous_sales(r)),
            _change(o.sales, _previous_sales(r)),
        ],
    ]
    return rows


def _previous_sales(r: Annual) -> Decimal:
    """The year before's sales: of the same months when the year is not yet over."""
    o = r.figures
    if o.as_of is None:
        return o.previous_sales
    return sum((m.previous_year for m in o.months if m.key <= o.as_of.key), Decimal(0))


def _previous_heading(r: Annual) -> str:
    o = r.figures
    return f"ปี {o.year - 1}" + ("\n(ช่วงเดียวกัน)" if o.as_of is not None else "")


def _category_rows(r: Annual) -> list[list[str]]:
    """Categories by sales, largest first, with their rank by number of products."""
    o = r.figures
    by_count = {
        c.key: i
        for i, c in enumerate(sorted(o.categories, key=lambda c: (-c.products, c.key or 9)), 1)
    }
    ranked = sorted(o.categories, key=lambda c: (-c.sales, c.key or 9))
    return [
        [
            f"{i}. {c.label_th}",
            format_money(c.sales),
            _share(c.sales, o.sales),
            str(by_count[c.key]),
            _n(c.products),
            _n(r.businesses.get(c.key, 0)),
        ]
        for i, c in enumerate(ranked, 1)
    ]


def _area_rows(r: Annual) -> list[list[str]]:
    return [
        [
            a.label_th,
            _n(a.entrepreneurs),
            _n(a.products),
            format_money(a.sales),
            format_money(r.previous_area_sales.get(a.key, Decimal(0))),
            _change(a.sales, r.previous_area_sales.get(a.key, Decimal(0))),
        ]
        for a in r.figures.areas
    ]


def _status_years(r: Annual) -> list[StatusYearRow]:
    """The report's year and the years before it, with a row of noughts for a year
    without openings or changes."""
    found = {s.key: s for s in r.figures.statuses}
    years = range(r.figures.year - STATUS_YEARS + 1, r.figures.year + 1)
    return [found.get(y) or StatusYearRow(y, str(y), str(y), 0, 0, 0, 0) for y in years]


def _status_rows(r: Annual) -> list[list[str]]:
    shown = _status_years(r)
    return [
        [str(s.key), _n(s.opened), _n(s.suspended), _n(s.reopened), _n(s.closed)] for s in shown
    ]


def _support_rows(r: Annual) -> list[list[str]]:
    s = r.figures.support
    return [
        ["การฝึกอบรม (ครั้ง)", _n(sum(x.trainings for x in s))],
        ["ผู้ประกอบการที่เข้ารับการอบรม (ราย-ครั้ง)", _n(sum(x.participants for x in s))],
        ["งบประมาณการฝึกอบรม (บาท)", format_money(sum(x.training_budget for x in s))],
        ["เงินสนับสนุน (ราย)", _n(sum(x.grants for x in s))],
        ["จำนวนเงินสนับสนุน (บาท)", format_money(sum(x.grant_amount for x in s))],
    ]


def _headline(r: Annual) -> str:
    o = r.figures
    ranked = sorted(o.categories, key=lambda c: (-c.sales, c.key or 9))
    # A category's name (ของใช้ ของตกแต่ง ของที่ระลึก), a figure with its unit and พ.ศ. with
    # its year each stay on one line.
    order = [hold(c.label_th) for c in ranked if c.sales][:3]
    lead = ""
    if order:
        lead = f" ประเภทที่มียอดจำหน่ายสูงสุดคือ {order[0]}"
        if len(order) > 1:
            lead += " รองลงมาคือ " + " และ ".join(order[1:])
    districts = hold(f"{_n(r.districts)} อำเภอ") + " " if r.districts is not None else ""
    return (
        f"{r.area} {'ปี' if o.calendar else 'ปีงบประมาณ'} {hold(f'พ.ศ. {o.year}')}: {districts}"
        f"ผู้ประกอบการ {hold(f'{_n(o.entrepreneurs)} ราย')} "
        f"ผลิตภัณฑ์ {hold(f'{_n(o.products)} รายการ')} "
        f"ยอดจำหน่ายรวม {hold(f'{format_money(o.sales)} บาท')}{lead}"
    )


# --- PDF -------------------------------------------------------------------------------------


# A date, or a month with its year, as ``Annual.period`` writes them.
_DATE = re.compile(rf"(?:\d+ )?(?:{'|'.join(THAI_MONTHS)}) \d{{4}}")

#: The sizes a table may be set at to fit the page's width: so that each piece of its first
#: column between spaces stays whole (ของใช้ ของตกแต่ง ของที่ระลึก wraps at its spaces
#: only), down to 11 pt; else each of its words, down to 3/4 of the cell size.
WHOLE_LABELS_SMALLEST = 11.0
SMALLEST_TABLE = 0.75


def _table(
    headings: Sequence[str],
    rows: list[list[str]],
    width: float,
    options: TextOptions,
    *,
    total: list[str] | None = None,
) -> Flowable:
    """A ruled table as wide as the page's text, its first column taking what the figures
    leave. A heading breaks only where it says (``\\n``); a figure never breaks. When the
    figures and the first column's pieces do not fit in ``width`` at the cell size, the
    whole table is set smaller, in steps of half a point (see ``WHOLE_LABELS_SMALLEST``):
    a table never runs past the right margin."""
    body = [*rows, *([total] if total else [])]
    heads = [h.split("\n") for h in headings]
    cell_size = float(look().cell.fontSize)
    chunks = [chunk for row in body for chunk in row[0].split()]
    pieces = [word for row in body for word in words(row[0])]
    for labels, smallest in (
        (chunks, WHOLE_LABELS_SMALLEST),
        (pieces, cell_size * SMALLEST_TABLE),
    ):
        size = cell_size
        while True:
            head, plain, bold = (_sized(name, size) for name in ("cell_head", "cell", "cell_bold"))
            figures = [
                max(
                    fitted(heads[i], head, options),
                    fitted([row[i] for row in body], bold, options),
                )
                for i in range(1, len(headings))
            ]
            first = max(fitted(heads[0], head, options), fitted(labels, plain, options))
            if first + sum(figures) <= width or size - 0.5 < smallest:
                break
            size -= 0.5
        if first + sum(figures) <= width:
            break
    widths = [width - sum(figures), *figures]
    right, right_bold = _sized("cell_right", size), _sized("cell_right_bold", size)
    table: list[list[object]] = [[cell("\n".join(map(hold, h)), head, options) for h in heads]]
    for row in rows:
        table.append([cell(row[0], plain, options)] + [cell(x, right, options) for x in row[1:]])
    if total:
        table.append(
            [cell(total[0], bold, options)] + [cell(x, right_bold, options) for x in total[1:]]
        )
    return grid_table(table, widths, bold_last=bool(total))


@lru_cache(maxsize=64)
def _sized(name: str, size: float) -> ParagraphStyle:
    """The table style ``name`` of ``layout.look()`` at ``size`` points."""
    style: ParagraphStyle = getattr(look(), name)
    if size == style.fontSize:
        return style
    return ParagraphStyle(
        f"{name}@{size}", parent=style, fontSize=size, leading=round(size * LINE_HEIGHT, 1)
    )


def _bar_chart(
    labels: Sequence[str],
    series: Sequence[tuple[str, Sequence[float], colors.Color]],
    width: float,
    height: float,
) -> Drawing:
    """Grouped bars with a legend; labels and legend are short (digits and Thai month
    abbreviations without tone marks), as reportlab's graphics draw text unshaped."""
    register_fonts()
    drawing = Drawing(width, height)
    chart = VerticalBarChart()
    chart.x, chart.y = 1.6 * cm, 1.0 * cm
    chart.width, chart.height = width - 2.0 * cm, height - 2.0 * cm
    chart.data = [list(values) for _, values, _ in series]
    for i, (_, _, colour) in enumerate(series):
        chart.bars[i].fillColor = colour
        chart.bars[i].strokeColor = None
    chart.categoryAxis.categoryNames = list(labels)
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = 9
    chart.valueAxis.labels.fontName = FONT
    chart.valueAxis.labels.fontSize = 9
    chart.valueAxis.valueMin = 0
    chart.valueAxis.labelTextFormat = "{:,.0f}".format
    chart.groupSpacing = 4
    drawing.add(chart)
    legend = Legend()
    legend.x, legend.y = chart.x, height - 0.2 * cm
    legend.fontName, legend.fontSize = FONT, 10
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.deltax = 3.2 * cm
    legend.colorNamePairs = [(colour, name) for name, _, colour in series]
    drawing.add(legend)
    return drawing


def _pdf(r: Annual) -> bytes:
    options = TextOptions()
    buffer = io.BytesIO()
    doc = Document(buffer, margins=OFFICIAL_MARGINS, options=options, title=r.title)
    doc.build(_story(r, doc.width, options))
    return buffer.getvalue()


def _story(r: Annual, width: float, options: TextOptions) -> list[Flowable]:
    """The report's flowables for a frame ``width`` wide."""
    lk = look()
    o = r.figures
    area_word = r.area_word
    return [
        para(r.title, lk.title, options),
        para(r.area, lk.centre_bold, options),
        # Each date, and a month with its year, stays on one line.
        para(_DATE.sub(lambda found: hold(found.group()), r.period), lk.centre, options),
        para(r.office.name, lk.centre, options),
        Spacer(1, 0.3 * cm),
        para(_headline(r), lk.body, options),
        Spacer(1, 0.3 * cm),
        para("1. ภาพรวมเทียบกับปีก่อน", lk.heading, options),
        _table(
            ["รายการ", f"ปี {o.year}", _previous_heading(r), "เปลี่ยนแปลง\n(ร้อยละ)"],
            _summary_rows(r),
            width,
            options,
        ),
        Spacer(1, 0.3 * cm),
        KeepTogether(
            [
                para("ยอดจำหน่ายรายเดือน (ล้านบาท)", lk.bold, options),
                _bar_chart(
                    [THAI_MONTHS_ABBR[(m.key % 100) - 1] for m in o.months],
                    [
                        (f"{o.year}", [float(m.sales) / 1e6 for m in o.months], THIS_YEAR),
                        (
                            f"{o.year - 1}",
                            [float(m.previous_year) / 1e6 for m in o.months],
                            YEAR_BEFORE,
                        ),
                    ],
                    width,
                    6.5 * cm,
                ),
            ]
        ),
        CondPageBreak(6 * cm),
        para("2. ประเภทผลิตภัณฑ์ เรียงตามยอดจำหน่าย", lk.heading, options),
        _table(
            [
                "ประเภท\n(อันดับตามยอด)",
                "ยอดจำหน่าย\n(บาท)",
                "ร้อยละ",
                "อันดับ\n(จำนวน)",
                "ผลิตภัณฑ์",
                "ผู้ประกอบการ*",
            ],
            _category_rows(r),
            width,
            options,
            total=[
                "รวม",
                format_money(o.sales),
                _share(o.sales, o.sales),
                "",
                _n(o.products),
                _n(sum(r.businesses.values())),
            ],
        ),
        para(
            "* ผู้ประกอบการนับตามประเภทหลัก (ประเภทของผลิตภัณฑ์ส่วนใหญ่ของกิจการ) "
            "ยอดจำหน่ายที่รายงานรวมทั้งกิจการนับในประเภทหลักของกิจการนั้น",
            lk.small,
            options,
        ),
        CondPageBreak(6 * cm),
        para(f"3. ราย{area_word}", lk.heading, options),
        _table(
            [
                area_word,
                "ผู้ประกอบการ",
                "ผลิตภัณฑ์",
                f"ยอดจำหน่าย\nปี {o.year}",
                f"ยอดจำหน่าย\nปี {o.year - 1}",
                "เปลี่ยนแปลง\n(ร้อยละ)",
            ],
            _area_rows(r),
            width,
            options,
            total=[
                "รวม",
                _n(o.entrepreneurs),
                _n(o.products),
                format_money(o.sales),
                format_money(o.previous_sales),
                _change(o.sales, o.previous_sales),
            ],
        ),
        CondPageBreak(6 * cm),
        para("4. ระดับดาวและมาตรฐานผลิตภัณฑ์", lk.heading, options),
        _table(
            ["ระดับดาว (ผลการคัดสรรล่าสุดถึงปีที่รายงาน)", "ผลิตภัณฑ์", "ร้อยละ"],
            [[s.label_th, _n(s.count), _share(s.count, o.products)] for s in reversed(o.stars)],
            width,
            options,
        ),
        Spacer(1, 0.2 * cm),
        _table(
            ["มาตรฐาน", "ผลิตภัณฑ์ที่ได้รับ"],
            [[s.label_th, _n(s.count)] for s in o.standards],
            width,
            options,
        ),
        CondPageBreak(8 * cm),
        para("5. การเปิด หยุด และเลิกกิจการ", lk.heading, options),
        _table(
            [
                "ปี" if o.calendar else "ปีงบประมาณ",
                "เปิด\n(ลงทะเบียน)",
                "หยุดชั่วคราว",
                "กลับมาดำเนินการ",
                "เลิกกิจการ",
            ],
            _status_rows(r),
            width,
            options,
        ),
        Spacer(1, 0.2 * cm),
        _status_chart(r, width),
        CondPageBreak(5 * cm),
        para("6. การฝึกอบรมและเงินสนับสนุน", lk.heading, options),
        _table(["รายการ", f"ปี {o.year}"], _support_rows(r), width, options),
        CondPageBreak(6 * cm),
        para("7. การสำรวจครัวเรือน OFOS (1 ครอบครัว 1 Soft Power)", lk.heading, options),
        _table(
            ["อุตสาหกรรม Soft Power", "ครัวเรือน", "ทักษะ"],
            [[i.label_th, _n(i.households), _n(i.skills)] for i in o.industries],
            width,
            options,
        ),
        Spacer(1, 0.2 * cm),
        _table(
            ["ผลิตภัณฑ์ Soft Power", "ผลิตภัณฑ์", "ยอดจำหน่าย\n(บาท)"],
            [[s.label_th, _n(s.products), format_money(s.sales)] for s in o.soft_power],
            width,
            options,
        ),
        # The last section goes over whole with the signature: the signature never stands
        # alone on a page, nor a table without the heading that says what it counts.
        KeepTogether(
            [
                para("8. ความพร้อมด้านการเงินดิจิทัล", lk.heading, options),
                _table(
                    ["ระดับความพร้อม", "ผู้ประกอบการ", "ร้อยละ"],
                    [
                        [x.label_th, _n(x.count), _share(x.count, o.entrepreneurs)]
                        for x in o.readiness
                    ],
                    width,
                    options,
                ),
                Spacer(1, 0.2 * cm),
                _table(
                    ["รายการตรวจ", "มีแล้ว\n(ราย)"],
                    [[x.label_th, _n(x.count)] for x in o.readiness_checks],
                    width,
                    options,
                ),
                Spacer(1, 1.0 * cm),
                signature_block(
                    "ผู้จัดทำ",
                    r.office.officer_name,
                    r.office.officer_position or r.office.name,
                    width,
                    options,
                ),
            ]
        ),
    ]


def _status_chart(r: Annual, width: float) -> Drawing:
    rows = _status_years(r)
    return _bar_chart(
        [str(s.key) for s in rows],
        [
            ("เปิด", [s.opened for s in rows], THIS_YEAR),
            ("หยุด", [s.suspended for s in rows], colors.Color(0.95, 0.65, 0.2)),
            ("เลิก", [s.closed for s in rows], colors.Color(0.75, 0.2, 0.2)),
        ],
        width,
        5.5 * cm,
    )


# --- workbook --------------------------------------------------------------------------------


def _xlsx(r: Annual) -> bytes:
    o = r.figures
    wb = print_workbook()
    del wb[wb.active.title]

    def sheet(name: str, headings: Sequence[str], rows: list[list[object]]) -> None:
        ws = wb.create_sheet(name)
        set_up_printing(ws, heading_rows=3, landscape=False)
        ws.append([r.title])
        ws.append([f"{r.area} {r.period}"])
        ws.append(list(headings))
        for c in ws[1] + ws[3]:
            c.font = BOLD_FONT
        for row in rows:
            ws.append(row)
        ws.column_dimensions["A"].width = 42
        for letter in "BCDEFG":
            ws.column_dimensions[letter].width = 18

    sheet(
        "ภาพรวม",
        ["รายการ", f"ปี {o.year}", f"ปี {o.year - 1}"],
        [
            *(
                [["อำเภอที่มีผู้ประกอบการ", r.districts, r.previous_districts]]
                if r.districts is not None
                else []
            ),
            ["ผู้ประกอบการ (ราย)", o.entrepreneurs, o.previous_entrepreneurs],
            ["ผลิตภัณฑ์ (รายการ)", o.products, o.previous_products],
            ["ยอดจำหน่าย (บาท)", o.sales, o.previous_sales],
        ],
    )
    sheet(
        "รายเดือน",
        ["เดือน", f"ปี {o.year} (บาท)", f"ปี {o.year - 1} (บาท)"],
        [[m.label_th, m.sales, m.previous_year] for m in o.months],
    )
    ranked = sorted(o.categories, key=lambda c: (-c.sales, c.key or 9))
    sheet(
        "ประเภทผลิตภัณฑ์",
        ["ประเภท", "ยอดจำหน่าย (บาท)", "ผลิตภัณฑ์", "ผู้ประกอบการ (ประเภทหลัก)"],
        [[c.label_th, c.sales, c.products, r.businesses.get(c.key, 0)] for c in ranked],
    )
    sheet(
        f"ราย{r.area_word}",
        [r.area_word, "รหัส", "ผู้ประกอบการ", "ผลิตภัณฑ์", f"ยอดจำหน่ายปี {o.year}", f"ปี {o.year - 1}"],
        [
            [
                a.label_th,
                a.key,
                a.entrepreneurs,
                a.products,
                a.sales,
                r.previous_area_sales.get(a.key, Decimal(0)),
            ]
            for a in o.areas
        ],
    )
    sheet(
        "ดาวและมาตรฐาน",
        ["รายการ", "ผลิตภัณฑ์"],
        [[s.label_th, s.count] for s in reversed(o.stars)]
        + [[]]
        + [[s.label_th, s.count] for s in o.standards],
    )
    sheet(
        "เปิดและเลิกกิจการ",
        ["ปี", "เปิด", "หยุดชั่วคราว", "กลับมาดำเนินการ", "เลิกกิจการ"],
        [[s.key, s.opened, s.suspended, s.reopened, s.closed] for s in o.statuses],
    )
    sheet(
        "อบรมและเงินสนับสนุน",
        ["เดือน", "การฝึกอบรม", "ผู้เข้าอบรม", "งบประมาณ (บาท)", "เงินสนับสนุน (ราย)", "จำนวนเงิน (บาท)"],
        [
            [s.label_th, s.trainings, s.participants, s.training_budget, s.grants, s.grant_amount]
            for s in o.support
        ],
    )
    sheet(
        "OFOS และดิจิทัล",
        ["รายการ", "จำนวน", ""],
        [[i.label_th, i.households, i.skills] for i in o.industries]
        + [[]]
        + [[x.label_th, x.count] for x in o.readiness]
        + [[]]
        + [[x.label_th, x.count] for x in o.readiness_checks],
    )
    for ws in wb.worksheets:
        for row in ws.iter_rows(min_row=4):
            for c in row:
                if isinstance(c.value, Decimal):
                    c.number_format = "#,##0.00"
                elif isinstance(c.value, int):
                    c.number_format = "#,##0"
    ws = wb.worksheets[0]
    ws.append([])
    ws.append(["ผู้จัดทำ", r.office.officer_name, r.office.officer_position or r.office.name])
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()
