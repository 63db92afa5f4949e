"""The page furniture every document shares: A4 pages with the margins of Thai official
letters, a footer per page, ruled tables, form lines with dotted rules, tick boxes and the
QR code. All text still goes through ``typeset.para`` / ``typeset.draw_text``."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, BinaryIO, TypeAlias

import zxingcpp
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepInFrame,
    PageTemplate,
    Table,
    TableStyle,
)

from otop_desktop.printing.typeset import (
    FONT,
    FONT_BOLD,
    SHRINK_FLOOR,
    TextOptions,
    digits,
    draw_text,
    first_baseline,
    hold,
    para,
    styles,
    text_width,
)

Progress = Callable[[int, int], None]
Cell: TypeAlias = str | Flowable

GRID = colors.Color(0.35, 0.35, 0.35)
HEADER_FILL = colors.Color(0.9, 0.9, 0.9)
DOTS = colors.Color(0.45, 0.45, 0.45)
CHECK = "\u2713"


@dataclass(frozen=True)
class Look:
    """The derived styles the documents use, made once per process from ``styles()``."""

    body: ParagraphStyle
    bold: ParagraphStyle
    title: ParagraphStyle
    big_title: ParagraphStyle
    heading: ParagraphStyle
    centre: ParagraphStyle
    centre_bold: ParagraphStyle
    name: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    cell_centre: ParagraphStyle
    cell_head: ParagraphStyle
    cell_right: ParagraphStyle
    cell_right_bold: ParagraphStyle
    small: ParagraphStyle
    small_centre: ParagraphStyle
    small_grey: ParagraphStyle


@lru_cache(maxsize=1)
def look() -> Look:
    s = styles()
    return Look(
        body=s.body,
        bold=s.body_bold,
        title=s.title,
        big_title=ParagraphStyle("big_title", parent=s.title, fontSize=26, leading=34),
        heading=s.heading,
        centre=s.centre,
        centre_bold=ParagraphStyle("centre_bold", parent=s.centre, fontName=FONT_BOLD),
        name=ParagraphStyle(
            "name", parent=s.title, fontSize=22, leading=29, spaceBefore=4, spaceAfter=4
        ),
        cell=s.cell,
        cell_bold=s.cell_bold,
        cell_centre=ParagraphStyle("cell_centre", parent=s.cell, alignment=TA_CENTER),
        cell_head=ParagraphStyle("cell_head", parent=s.cell_bold, alignment=TA_CENTER),
        cell_right=ParagraphStyle("cell_right", parent=s.cell, alignment=TA_RIGHT),
        cell_right_bold=ParagraphStyle("cell_right_bold", parent=s.cell_bold, alignment=TA_RIGHT),
        small=s.small,
        small_centre=ParagraphStyle("small_centre", parent=s.small, alignment=TA_CENTER),
        small_grey=ParagraphStyle(
            "small_grey", parent=s.cell, textColor=colors.Color(0.3, 0.3, 0.3)
        ),
    )


# --- pages ---------------------------------------------------------------------------------

PORTRAIT = A4
LANDSCAPE = landscape(A4)
# Thai official letters (งานสารบรรณ): 3 cm on the left (the binding side), 2 cm on the
# right, 2.5 cm at the top, 2 cm at the bottom.
OFFICIAL_MARGINS = (3 * cm, 2 * cm, 2.5 * cm, 2 * cm)  # left, right, top, bottom
# Lists are filed with the letters they go out with: the same margins, on landscape pages.
LIST_MARGINS = OFFICIAL_MARGINS
#: The running head's baseline, from the top edge: inside the top margin, as offices
#: number pages.
HEAD_BASELINE = 1.5 * cm
HEAD_SIZE = 14.0


@dataclass
class Section:
    """Where one document of a batch begins: its running-head label and its first page."""

    label: str = ""
    first_page: int = 1


def page_number(number: int, options: TextOptions) -> str:
    """The official page number: ``- 2 -`` (``- ๒ -`` with Thai digits)."""
    return digits(f"- {number} -", options)


class Document(BaseDocTemplate):
    """A4 pages in one frame inside the official margins, text from the margin itself (no
    frame padding). From a document's second page on, the running head in the top margin:
    the page number centred (``- ๒ -``) and the current document's label at the right. In
    a batch every document counts its own pages from 1 (see :class:`Start`)."""

    def __init__(
        self,
        out: BinaryIO,
        *,
        page_size: tuple[float, float] = PORTRAIT,
        margins: tuple[float, float, float, float] = OFFICIAL_MARGINS,
        options: TextOptions,
        decorate: Callable[[Canvas, Document], None] | None = None,
        title: str = "",
        footer: bool = True,
    ) -> None:
        left, right, top, bottom = margins
        super().__init__(
            out,
            pagesize=page_size,
            leftMargin=left,
            rightMargin=right,
            topMargin=top,
            bottomMargin=bottom,
            title=title,
            author="OTOP Desktop",
            creator="OTOP Desktop",
        )
        self.options = options
        self.section = Section()
        self._decorate = decorate
        self._head = footer
        frame = Frame(
            left,
            bottom,
            self.width,
            self.height,
            id="body",
            showBoundary=0,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        self.addPageTemplates(
            [PageTemplate("page", [frame], onPage=self._on_page, onPageEnd=self._on_page_end)]
        )

    def _on_page(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        if self._decorate:
            self._decorate(canvas, self)

    def _on_page_end(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        if not self._head:
            return
        page = canvas.getPageNumber() - self.section.first_page + 1
        if page < 2:
            return
        y = self.pagesize[1] - HEAD_BASELINE
        centre = self.leftMargin + self.width / 2
        draw_text(canvas, centre, y, page_number(page, self.options), FONT, HEAD_SIZE, "centre")
        if self.section.label:
            right = self.leftMargin + self.width
            draw_text(
                canvas, right, y, self.section.label, FONT, HEAD_SIZE - 2, "right", self.options
            )


class Start(Flowable):
    """Zero-size marker at the start of each document of a batch: sets the running head's label,
    restarts the page count, and reports progress (which may raise to cancel)."""

    def __init__(self, label: str, done: int, total: int, progress: Progress | None) -> None:
        super().__init__()
        self.label = label
        self.done = done
        self.total = total
        self.progress = progress

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        doc = self.canv._doctemplate
        if isinstance(doc, Document):
            doc.section = Section(self.label, self.canv.getPageNumber())
        if self.progress is not None:
            self.progress(self.done, self.total)


# --- signatures --------------------------------------------------------------------------------

#: The date to fill by hand under a signature.
DATE_LINE = "วันที่ ........ เดือน .................... พ.ศ. ............"
#: A signature block's width: right of centre on the page, as offices sign.
SIGNATURE_WIDTH = 8.5 * cm
_NO_NAME = "(" + "." * 40 + ")"


def signature(
    role: str,
    name: str,
    position: str,
    width: float,
    options: TextOptions,
    *,
    date_line: bool = True,
) -> list[Flowable]:
    """The lines of one signature, centred in ``width``: ``ลงชื่อ ....... <role>``, the name
    in parentheses (dots to fill when blank), the position (when given) and the date line.
    Each line is held whole (set smaller rather than broken), the rule as long as fits."""
    lk = look()
    style = lk.centre
    dot = text_width(".", style.fontName, style.fontSize)
    # A gutter of 0.5 cm keeps two signatures side by side apart.
    room = width - 0.5 * cm

    def dots(used: str) -> int:
        """How many dots fit beside ``used`` on the line."""
        return int((room - text_width(used, style.fontName, style.fontSize)) / dot)

    rule = "." * max(12, min(40, dots(f"ลงชื่อ  {role}")))
    lines = [f"ลงชื่อ {rule} {role}".strip(), f"({name})" if name.strip() else _NO_NAME]
    if position.strip():
        lines.append(position)
    if date_line:
        # DATE_LINE's dots in its proportions (day 8, month 20, year 12), as many as fit.
        scale = dots("วันที่  เดือน  พ.ศ. ") / 40
        day, month, year = (max(4, int(n * scale)) for n in (8, 20, 12))
        short = f"วันที่ {'.' * day} เดือน {'.' * month} พ.ศ. {'.' * year}"
        lines.append(DATE_LINE if scale >= 1 else short)
    return [para(hold(line), style, options) for line in lines]


def signature_block(
    role: str,
    name: str,
    position: str,
    width: float,
    options: TextOptions,
    *,
    date_line: bool = True,
) -> Table:
    """One signature right of centre in a column ``width`` wide (see ``signature``)."""
    block = min(SIGNATURE_WIDTH, width)
    lines = signature(role, name, position, block, options, date_line=date_line)
    table = Table([[lines]], colWidths=[block], hAlign="RIGHT")
    table.setStyle(TableStyle(_NO_PADDING))
    return table


_NO_PADDING: list[tuple[Any, ...]] = [
    ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ("LEFTPADDING", (0, 0), (-1, -1), 0),
    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
    ("TOPPADDING", (0, 0), (-1, -1), 0),
    ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
]


# --- tables ----------------------------------------------------------------------------------


def cell(text: str, style: ParagraphStyle, options: TextOptions) -> Flowable:
    return para(text, style, options)


def grid_table(
    rows: Sequence[Sequence[Cell]],
    widths: Sequence[float],
    *,
    header_rows: int = 1,
    bold_last: bool = False,
    extra: Sequence[tuple[Any, ...]] = (),
    title: Flowable | None = None,
) -> Table:
    """A ruled table; its header repeats on every page it runs over. ``title`` (a
    subdistrict's heading) stands above the header, unruled, and repeats with it: a page
    the table runs onto says whose rows it holds."""
    # The title row is not ruled: white lines drawn over its rules would also wipe out the
    # rule at the foot of a table just above it.
    first = 0 if title is None else 1
    if title is not None:
        rows = [[title, *[""] * (len(widths) - 1)], *rows]
        header_rows += 1
    commands: list[tuple[Any, ...]] = [
        ("GRID", (0, first), (-1, -1), 0.5, GRID),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        # The paragraphs' own heights hold their marks (typeset.ThaiParagraph): a point
        # of air above and below is enough to keep them off the rules.
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
    ]
    if header_rows > first:
        commands += [
            ("BACKGROUND", (0, first), (-1, header_rows - 1), HEADER_FILL),
            ("VALIGN", (0, first), (-1, header_rows - 1), "MIDDLE"),
        ]
    if bold_last:
        commands.append(("LINEABOVE", (0, -1), (-1, -1), 1.2, colors.black))
        # The total row never stands alone on a page: it goes over with the row above.
        if len(rows) - header_rows >= 2:
            commands.append(("NOSPLIT", (0, -2), (-1, -1)))
    if title is not None:
        commands += [("SPAN", (0, 0), (-1, 0)), ("LEFTPADDING", (0, 0), (0, 0), 0)]
    commands += list(extra)
    table = Table(
        [list(row) for row in rows], colWidths=list(widths), repeatRows=header_rows, hAlign="LEFT"
    )
    table.setStyle(TableStyle(commands))
    return table


@dataclass
class FormLines:
    """Lines of a form: labels followed by the value written on a dotted rule, several to
    a line, as Thai paper forms are laid out. Blank values leave the rule to fill by hand.

    Nothing is cut: the parts of a line that do not fit beside each other go on the next
    line; a value wider than what its label leaves is set smaller (``typeset``), and one
    that would still be squeezed gets the whole next line to itself. Values up to
    ``HOLD_LENGTH`` characters (codes, dates, amounts, places, most names) are held on one
    line; longer ones break between words."""

    width: float
    options: TextOptions
    rows: list[list[Cell]] = field(default_factory=list)
    widths: list[list[float]] = field(default_factory=list)
    dotted: list[list[int]] = field(default_factory=list)

    HOLD_LENGTH = 40
    # A value gets a line of its own when its label leaves it less than this share.
    OWN_LINE = 0.4

    def line(self, *parts: tuple[str, str | None, float]) -> FormLines:
        """Each part is (label, value, share of the line for the value); a value of None is
        a label alone (no rule), e.g. a unit after a value. Each value gets at least its
        own width, then what is left of the line by the shares."""
        lk = look()
        packed: list[list[tuple[str, str | None, float, float, float]]] = [[]]
        used = 0.0
        for label, value, share in parts:
            label_width = fitted([label], lk.body, self.options) - 3 if label else 0.0
            value_width = 0.0
            if value is not None:
                value_width = fitted([value], lk.bold, self.options) if value else 12.0
            need = label_width + value_width
            if packed[-1] and used + need > self.width:
                packed.append([])
                used = 0.0
            packed[-1].append((label, value, share, label_width, value_width))
            used += need
        for group in packed:
            self._row(group)
        return self

    def _row(self, group: list[tuple[str, str | None, float, float, float]]) -> None:
        lk = look()
        cells: list[Cell] = []
        dotted: dict[int, float] = {}  # cell index: share
        widths: list[float] = []
        for label, value, share, label_width, value_width in group:
            squeezed = value_width > self.width - label_width
            if label and value and squeezed and label_width > (1 - self.OWN_LINE) * self.width:
                # Too little room beside the label: the value on the next line.
                self._add([para(hold(label), lk.body, self.options)], [self.width], [])
                label = ""
            if label:
                cells.append(para(hold(label), lk.body, self.options))
                widths.append(label_width)
            if value is not None:
                dotted[len(cells)] = share
                shown = hold(value) if len(value) <= self.HOLD_LENGTH else value
                cells.append(para(shown, lk.bold, self.options))
                widths.append(value_width)
        spare = self.width - sum(widths)
        if dotted:
            shares = sum(dotted.values()) or 1
            for i, share in dotted.items():
                widths[i] += spare * (share or 0) / shares if spare >= 0 else 0
            if spare < 0:
                # One value wider than its room: it takes what the labels leave.
                i = max(dotted, key=lambda j: widths[j])
                widths[i] += spare
        self._add(cells, widths, list(dotted))

    def _add(self, cells: list[Cell], widths: list[float], dotted: list[int]) -> None:
        self.rows.append(cells)
        self.widths.append(widths)
        self.dotted.append(dotted)

    def tables(self) -> list[Table]:
        result = []
        for cells, widths, dotted in zip(self.rows, self.widths, self.dotted, strict=True):
            commands: list[tuple[Any, ...]] = [
                # Tops aligned: every paragraph of a size has its first baseline equally
                # far down (typeset), so label and value sit on one line.
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 2),
                ("RIGHTPADDING", (0, 0), (-1, -1), 2),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                # The first label starts at the margin, as the text above and below it.
                ("LEFTPADDING", (0, 0), (0, 0), 0),
            ]
            for i in dotted:
                commands.append(("LINEBELOW", (i, 0), (i, 0), 0.6, DOTS, 1, (1, 2)))
            table = Table([cells], colWidths=widths, hAlign="LEFT")
            table.setStyle(TableStyle(commands))
            result.append(table)
        return result


class TickBox(Flowable):
    """A square to tick by hand, ticked when ``checked``."""

    SIZE = 11.0

    def __init__(self, checked: bool = False, size: float = SIZE) -> None:
        super().__init__()
        self.checked = checked
        self.size = size

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.size, self.size + 4

    def draw(self) -> None:
        c = self.canv
        c.setLineWidth(0.8)
        c.rect(0, 1, self.size, self.size, stroke=1, fill=0)
        if self.checked:
            c.setLineWidth(1.6)
            path = c.beginPath()
            path.moveTo(self.size * 0.18, self.size * 0.55 + 1)
            path.lineTo(self.size * 0.42, self.size * 0.25 + 1)
            path.lineTo(self.size * 0.85, self.size * 0.9 + 1)
            c.drawPath(path, stroke=1, fill=0)


def ticks(
    items: Sequence[tuple[str, bool]],
    width: float,
    options: TextOptions,
    *,
    label: str = "",
    per_line: bool = False,
    style: ParagraphStyle | None = None,
) -> list[Table]:
    """Tick boxes with their labels set one after another as on a paper form, as many to a
    line as fit (or one a line with ``per_line``), after an optional ``label``."""
    style = style or look().body
    box, gap = 18.0, 12.0
    lines: list[tuple[list[Cell], list[float]]] = []
    cells: list[Cell] = []
    widths: list[float] = []
    indent = text_width(label, style.fontName, style.fontSize) + gap / 2 if label else 0
    if label:
        cells.append(para(label, style, options))
        widths.append(indent)
    lead = len(cells)
    # The box's foot on the labels' baseline (TickBox stands 1 pt above its foot).
    box_top = first_baseline(style) - TickBox.SIZE
    for text, checked in items:
        needed = box + text_width(text, style.fontName, style.fontSize) + gap
        if len(cells) > lead and (per_line or sum(widths) + needed > width):
            lines.append((cells, widths))
            # Later lines start under the first box, not under the label.
            cells, widths = ([""], [indent]) if label else ([], [])
        used = sum(widths)
        cells += [TickBox(checked), para(text, style, options)]
        widths += [box, min(needed - box, width - used - box)]
    lines.append((cells, widths))
    tables = []
    for row, row_widths in lines:
        table = Table([row], colWidths=row_widths, hAlign="LEFT")
        table.setStyle(
            TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                    ("TOPPADDING", (0, 0), (-1, -1), 3),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                    *(
                        ("TOPPADDING", (i, 0), (i, 0), box_top)
                        for i, item in enumerate(row)
                        if isinstance(item, TickBox)
                    ),
                ]
            )
        )
        tables.append(table)
    return tables


def fitted(texts: Iterable[str], style: ParagraphStyle, options: TextOptions) -> float:
    """The width of a table column that holds each of ``texts`` on one line."""
    widest = max(
        (text_width(digits(t, options), style.fontName, style.fontSize) for t in texts), default=0
    )
    return widest + 8  # the cell's padding and a little air


def fitted_smallest(texts: Iterable[str], style: ParagraphStyle, options: TextOptions) -> float:
    """The narrowest column that holds each of ``texts`` (held whole: a code, a person's
    name) on one line once set smaller, at the floor para() goes down to: any narrower, and
    the widest would be cut."""
    floor = ParagraphStyle(
        f"{style.name}@floor", parent=style, fontSize=float(style.fontSize) * SHRINK_FLOOR
    )
    return fitted(texts, floor, options)


class Beside(Flowable):
    """Two stacks of flowables side by side, bottoms aligned (a QR code beside a signature
    block): far cheaper to lay out than a Table of flowable lists, which counts for a batch
    of thousands of certificates. It does not split across pages."""

    def __init__(self, left: list[Flowable], right: list[Flowable], left_share: float) -> None:
        super().__init__()
        self.stacks = (left, right)
        self.left_share = left_share
        self._sizes: list[list[float]] = []

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        widths = (available_width * self.left_share, available_width * (1 - self.left_share))
        self._widths = widths
        self._sizes = [
            [item.wrap(width, available_height)[1] for item in stack]
            for stack, width in zip(self.stacks, widths, strict=True)
        ]
        self.width = available_width
        self.height = max(sum(sizes) for sizes in self._sizes)
        return self.width, self.height

    def draw(self) -> None:
        x = 0.0
        for stack, sizes, width in zip(self.stacks, self._sizes, self._widths, strict=True):
            y = sum(sizes)
            for item, height in zip(stack, sizes, strict=True):
                y -= height
                item.drawOn(self.canv, x + (width - item.width) / 2 if item.width < width else x, y)
            x += width


class ShrinkToLeave(KeepInFrame):
    """``content``, shrunk if need be so that ``after`` (the flowables that follow it) still
    fit in the frame: a certificate stays one sheet however many products it lists. Only
    the content is laid out a second time, not the whole page."""

    def __init__(self, content: list[Flowable], after: list[Flowable]) -> None:
        super().__init__(0, 0, content, mode="shrink", hAlign="CENTER")
        self._after = after

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        below = sum(
            item.getSpaceBefore() + item.wrap(available_width, available_height)[1]
            for item in self._after
        )
        self.maxHeight = max(available_height - below, 1.0)
        self._scale = 1.0
        size: tuple[float, float] = super().wrap(available_width, available_height)
        return size

    def drawOn(self, canvas: Canvas, x: float, y: float, _sW: float = 0) -> None:
        if self._scale != 1.0 or len(self._content) != 1:
            super().drawOn(canvas, x, y, _sW)
            return
        # It fits as it is: draw the content as laid out by wrap, rather than have the
        # container lay it out again (a third of a certificate's table time).
        self._content[0].drawOn(canvas, x, y, _sW)


class Stamp(Flowable):
    """Flowables that print the same on every document of a batch (headings, the issue
    date, the officer's signature block), made and laid out once and drawn wherever the same
    stamp occurs. Use one instance for every occurrence (see ``stamps``). (Drawing them once
    into a PDF form XObject would be faster still, but reportlab then loses tone marks that
    HarfBuzz raised over an upper vowel, as in ชื่อ.)"""

    def __init__(self, content: list[Flowable]) -> None:
        super().__init__()
        self.content = content
        self._laid_out: tuple[float, list[tuple[float, float]]] | None = None

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        if self._laid_out is None or self._laid_out[0] != available_width:
            # (space above, height) of each item
            self._laid_out = (
                available_width,
                [
                    (item.getSpaceBefore(), item.wrap(available_width, available_height)[1])
                    for item in self.content
                ],
            )
        self.width = available_width
        self.height = sum(above + height for above, height in self._laid_out[1])
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        assert self._laid_out is not None
        y = self.height
        for item, (above, height) in zip(self.content, self._laid_out[1], strict=True):
            y -= above + height
            item.drawOn(canvas, 0, y)


_stamps = threading.local()


def stamps(key: tuple[object, ...], make: Callable[[], list[Flowable]]) -> Stamp:
    """The one Stamp of ``make()``'s content for ``key`` (everything the content depends
    on), kept per thread for the next document of the batch and the next batch."""
    cache: dict[tuple[object, ...], Stamp] = getattr(_stamps, "cache", None) or {}
    _stamps.cache = cache
    stamp = cache.get(key)
    if stamp is None:
        if len(cache) >= 64:
            cache.clear()
        stamp = cache[key] = Stamp(make())
    return stamp


# --- QR code ------------------------------------------------------------------------------


class QrCode(Flowable):
    """A QR code of ``text`` (error correction M, UTF-8), ``size`` points square with its
    quiet zone. Encoded by zxing-cpp: reportlab's own encoder takes ~50 ms a code, too slow
    for a batch of thousands of certificates."""

    QUIET = 4  # modules of white around the code, as the standard asks

    def __init__(self, text: str, size: float) -> None:
        super().__init__()
        barcode = zxingcpp.create_barcode(text, zxingcpp.BarcodeFormat.QRCode, ec_level="M")
        image = barcode.to_image(scale=1, add_quiet_zones=False)
        self.modules = image.shape[0]
        pixels = bytes(memoryview(image))  # type: ignore[arg-type]  # zxing-cpp's stub lacks Image's buffer protocol
        self.rows = [pixels[r * self.modules : (r + 1) * self.modules] for r in range(self.modules)]
        self.size = size

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = self.height = self.size
        return self.size, self.size

    def draw(self) -> None:
        # One "re" operator per run of dark modules, in module units under a scaling
        # transform: integers format fast, and a code has some 600 runs (drawing them as
        # reportlab path objects took 5 ms a code, most of a certificate's time).
        step = self.size / (self.modules + 2 * self.QUIET)
        runs: list[str] = []
        for r, row in enumerate(self.rows):
            y = self.modules - 1 - r
            c = 0
            while c < self.modules:
                if row[c] == 0:  # dark
                    start = c
                    while c < self.modules and row[c] == 0:
                        c += 1
                    runs.append(f"{start} {y} {c - start} 1 re")
                else:
                    c += 1
        canvas = self.canv
        canvas.saveState()
        canvas.setFillColor(colors.black)
        canvas.translate(self.QUIET * step, self.QUIET * step)
        canvas.scale(step, step)
        canvas.addLiteral("\n".join(runs) + "\nf")
        canvas.restoreState()
