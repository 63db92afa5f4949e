"""The registration certificate (หนังสือรับรองการลงทะเบียน): a framed sheet per producer,
with a QR code its office signed (see ``signature``), and when its products do not all fit
at a readable size, an attached list (รายการผลิตภัณฑ์แนบท้ายหนังสือรับรอง) on the sheets
that follow, each carrying the registration number, its page number and the same QR.

Nothing on a certificate is set below 14 pt. Each sheet is laid out here line by line,
centred between the two sides of its border, and drawn in page coordinates by one
flowable (:class:`Sheet`): a batch of thousands of certificates is mostly the same few
lines, and each line is set with ``typeset.draw_text`` (shaped, with its real text
behind it). Lines break only at spaces; a no-break space (NBSP) holds a phrase together
(a date, ``OTOP Desktop``), and a piece that has no spaces, such as จังหวัดเชียงใหม่, is
never broken unless it is wider than the whole line."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from itertools import pairwise

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import cm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, PageBreak

from otop_desktop.domain import Category, ProducerType
from otop_desktop.errors import UserError
from otop_desktop.models import Entrepreneur, Office
from otop_desktop.printing.layout import GRID, HEADER_FILL, Document, QrCode, look
from otop_desktop.printing.print_data import address, place
from otop_desktop.printing.signature import Claim, ProductList, qr_text
from otop_desktop.printing.typeset import (
    FONT,
    FONT_BOLD,
    TextOptions,
    digits,
    draw_text,
    hold,
    ink,
    line_texts,
    para,
    text_width,
)
from otop_desktop.thaiformat import format_be_date, format_be_date_words

PAGE_WIDTH, PAGE_HEIGHT = A4
QR_SIZE = 3.6 * cm
BORDER = colors.Color(0.55, 0.45, 0.2)
# The double rule, outer and inner, in from each edge of the page.
BORDER_OUTER = 1.3 * cm
BORDER_INNER = 1.5 * cm
# The content: 1 cm inside the inner rule on either side, so it is centred in the border.
CONTENT_LEFT = BORDER_INNER + 1.0 * cm
CONTENT_WIDTH = PAGE_WIDTH - 2 * CONTENT_LEFT
CONTENT_TOP = PAGE_HEIGHT - BORDER_INNER - 0.9 * cm
CONTENT_BOTTOM = BORDER_INNER + 0.8 * cm

#: Nothing on a certificate is smaller.
MIN_SIZE = 14.0
BODY = 16.0
CELL = 14.0
NBSP = "\u00a0"

# Lines and table rows are spaced by the ink of what they hold (``typeset.ink``: a tone
# mark over an upper vowel reaches 1.2 em, ฎู 0.54 em below), so no mark touches a rule or
# the line above: this much clear space is kept between ink and a rule or other ink.
INK_GAP = 1.5
CELL_GAP = 2.5  # inside a table cell, above and below its text
CELL_PAD = 4.0  # left and right, points

#: Where the desktop program checks a certificate: its menu names as the Thai program
#: shows them (ui/main_window.py: File → Verify a certificate…).
VERIFY_CAPTION = (
    "คิวอาร์โค้ดนี้คือข้อความของหนังสือรับรองที่สำนักงานลงลายมือชื่อดิจิทัลไว้ "
    f"ตรวจได้ด้วยโปรแกรม{NBSP}OTOP{NBSP}Desktop ของสำนักงานพัฒนาชุมชนแห่งใดก็ได้ "
    f"ที่เมนู{NBSP}ไฟล์{NBSP}→{NBSP}ตรวจสอบหนังสือรับรอง"
)
PREVIEW_CAPTION = "ตัวอย่าง ยังไม่ได้ลงนาม ใช้เป็นหนังสือรับรองไม่ได้"
ATTACHED_TITLE = "รายการผลิตภัณฑ์แนบท้ายหนังสือรับรอง"
#: The QR text of a preview printed before a head unlocked signing: not a certificate code.
UNSIGNED = "OTOP-PREVIEW-NOT-SIGNED"


def decorate(canvas: Canvas, doc: Document) -> None:
    """A double rule around the page, as printed certificates have."""
    width, height = doc.pagesize
    canvas.saveState()
    canvas.setStrokeColor(BORDER)
    canvas.setLineWidth(2.2)
    canvas.rect(BORDER_OUTER, BORDER_OUTER, width - 2 * BORDER_OUTER, height - 2 * BORDER_OUTER)
    canvas.setLineWidth(0.7)
    canvas.rect(BORDER_INNER, BORDER_INNER, width - 2 * BORDER_INNER, height - 2 * BORDER_INNER)
    canvas.restoreState()


def no_products(entrepreneur: Entrepreneur) -> UserError:
    return UserError(
        f"{entrepreneur.reg_no} {entrepreneur.name} ยังไม่มีผลิตภัณฑ์ในทะเบียน "
        "จึงออกหนังสือรับรองไม่ได้ (เพิ่มผลิตภัณฑ์ก่อน)",
        f"{entrepreneur.reg_no} {entrepreneur.name} has no products in the register, so no "
        "certificate can be printed (add its products first)",
    )


# --- what a sheet draws -----------------------------------------------------------------


@dataclass(frozen=True)
class Line:
    """One line of text: ``x`` is its left edge, ``y`` its baseline (page coordinates).
    ``repeats``: the same line recurs on other certificates of the batch, so its drawing
    is kept and replayed (see :func:`_draw_line`)."""

    text: str
    font: str
    size: float
    x: float
    y: float
    repeats: bool = False


@dataclass(frozen=True)
class Rules:
    """A ruled table's lines and header fill, page coordinates."""

    segments: tuple[tuple[float, float, float, float], ...]
    fill: tuple[float, float, float, float]  # x, y, width, height of the header row


class Sheet(Flowable):
    """One sheet of a certificate, laid out in full before it is drawn. It takes no room
    in the frame and draws in page coordinates: its place on the page is the border's,
    whatever the frame's margins. Page breaks go between the sheets (``Certificate``)."""

    def __init__(
        self, lines: Sequence[Line], rules: Sequence[Rules], qr: str, qr_at: tuple[float, float]
    ) -> None:
        super().__init__()
        self.lines = tuple(lines)
        self.rules = tuple(rules)
        self.qr = qr
        self.qr_at = qr_at

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 0, 0

    def drawOn(self, canvas: Canvas, x: float, y: float, _sW: float = 0) -> None:
        canvas.saveState()
        for table in self.rules:
            canvas.setFillColor(HEADER_FILL)
            canvas.rect(*table.fill, stroke=0, fill=1)
            canvas.setStrokeColor(GRID)
            canvas.setLineWidth(0.5)
            canvas.lines(table.segments)
        canvas.setFillColor(colors.black)
        for line in self.lines:
            _draw_line(canvas, line)
        # Encoded only now: a batch's story holds thousands of sheets until they are drawn.
        QrCode(self.qr, QR_SIZE).drawOn(canvas, *self.qr_at)
        canvas.restoreState()

    def texts(self) -> list[str]:
        """The text of each line, top to bottom as laid out (for checks)."""
        return [line.text for line in self.lines]


def _draw_line(canvas: Canvas, line: Line) -> None:
    """Draws ``line``. A line that repeats is drawn once per PDF at the origin and its
    operators kept on the canvas, then replayed moved into place: setting a line costs far
    more than copying it, and the glyph codes of the PDF's font subset stay the same for
    the whole file."""
    if not line.repeats:
        draw_text(canvas, line.x, line.y, line.text, line.font, line.size, keep=False)
        return
    kept: dict[tuple[str, str, float], list[str]] = canvas.__dict__.setdefault(
        "_certificate_lines", {}
    )
    key = (line.text, line.font, line.size)
    canvas.saveState()
    canvas.translate(line.x, line.y)
    operators = kept.get(key)
    if operators is None:
        # reportlab collects a page's operators in ``_code``.
        start = len(canvas._code)
        draw_text(canvas, 0, 0, line.text, line.font, line.size)
        kept[key] = canvas._code[start:]
    else:
        canvas._code.extend(operators)
    canvas.restoreState()


# --- laying out -----------------------------------------------------------------------------


# The space between ที่ and the number it makes an ordinal of.
_ORDINAL_SPACE = re.compile("(?<=ที่) (?=[0-9๐-๙])")


def wrap_words(
    text: str, font: str, size: float, width: float, keep: bool = True
) -> list[tuple[str, float]]:
    """``text`` as lines no wider than ``width``, with their widths, broken at its spaces
    only (NBSPs hold; they come out as spaces). A piece with no spaces that is wider than a
    whole line is broken between its words as paragraphs are (``typeset.para``). Each
    piece is shaped once: a line's width is its pieces' and the spaces' between them. An
    ordinal stays with its number (แบบที่ 6, ครั้งที่ ๒), whatever text it comes in."""
    text = _ORDINAL_SPACE.sub(NBSP, text)
    shown = text.replace(NBSP, " ")
    whole = text_width(shown, font, size, keep=keep)
    if whole <= width:
        return [(shown, whole)]
    pieces: list[tuple[str, float]] = []
    for phrase in text.split(" "):
        if not phrase:
            continue
        piece = phrase.replace(NBSP, " ")
        piece_width = text_width(piece, font, size, keep=keep)
        if piece_width <= width:
            pieces.append((piece, piece_width))
            continue
        style = look().body.clone("wrap", fontName=font, fontSize=size, leading=size * 1.3)
        paragraph = para(piece, style)
        paragraph.wrap(width, 10_000)
        pieces += [(cut, text_width(cut, font, size, keep=keep)) for cut in line_texts(paragraph)]
    space = text_width(" ", font, size)
    lines: list[tuple[str, float]] = []
    for piece, piece_width in pieces:
        if lines and lines[-1][1] + space + piece_width <= width:
            lines[-1] = (f"{lines[-1][0]} {piece}", lines[-1][1] + space + piece_width)
        else:
            lines.append((piece, piece_width))
    return lines or [("", 0.0)]


class _Column:
    """Lines set top down, centred between ``left`` and ``left + width``. ``y`` is where
    the ink of what is set so far ends: the next line's marks go ``INK_GAP`` below it, and
    baselines are at least 1.3 em apart, as paragraphs' leading."""

    def __init__(self, top: float) -> None:
        self.y = top
        self.lines: list[Line] = []
        self._baseline: float | None = None  # of the last line

    def text(
        self,
        text: str,
        font: str,
        size: float,
        *,
        repeats: bool = False,
        left: float = CONTENT_LEFT,
        width: float = CONTENT_WIDTH,
    ) -> None:
        for line, line_width in wrap_words(text, font, size, width, keep=repeats):
            above, below = ink(line, font, size)
            baseline = self.y - INK_GAP - above
            if self._baseline is not None:
                baseline = min(baseline, self._baseline - 1.3 * size)
            x = left + (width - line_width) / 2
            self.lines.append(Line(line, font, size, x, baseline, repeats))
            self._baseline = baseline
            self.y = baseline - below

    def gap(self, points: float) -> None:
        self.y -= points
        if self._baseline is not None:
            self._baseline -= points


def _height(build: Callable[[_Column], None]) -> float:
    column = _Column(0.0)
    build(column)
    return -column.y


def _placed(build: Callable[[_Column], None], top: float) -> _Column:
    column = _Column(top)
    build(column)
    return column


# --- the products table -----------------------------------------------------------------


@dataclass(frozen=True)
class _Cell:
    lines: tuple[str, ...]
    widths: tuple[float, ...]
    #: Each line's baseline below the first.
    drops: tuple[float, ...]
    above: float  # the first line's ink above its baseline
    depth: float  # from the first baseline to the bottom of the last line's ink


@dataclass(frozen=True)
class _Row:
    cells: tuple[_Cell, ...]
    height: float
    above: float  # from below the row's top padding to its first baseline


def _cell(laid_out: Sequence[tuple[str, float]], font: str) -> _Cell:
    """A cell's lines spaced by their ink: the tails of one clear of the marks of the
    next, and at least the 1.3 em leading apart."""
    lines = [text for text, _ in laid_out]
    inks = [ink(text, font, CELL) for text in lines]
    drops = [0.0]
    for (_, below), (above, _) in pairwise(inks):
        drops.append(drops[-1] + max(below + above + INK_GAP, 1.3 * CELL))
    widths = tuple(width for _, width in laid_out)
    return _Cell(tuple(lines), widths, tuple(drops), inks[0][0], drops[-1] + inks[-1][1])


class _Table:
    """The products table across the content width at ``CELL`` size. A row never splits:
    one that does not fit goes on the next sheet, under the heading repeated."""

    HEAD = ("ที่", "รหัสผลิตภัณฑ์", "ชื่อผลิตภัณฑ์", "ประเภทผลิตภัณฑ์")
    # Per column: the text recurs on other certificates (numbers, categories); centred.
    REPEATS = (True, False, False, True)
    CENTRED = (True, False, False, False)

    def __init__(self, products: Sequence[tuple[str, str, str]], options: TextOptions) -> None:
        columns = [
            [digits(str(n), options) for n in range(1, len(products) + 1)],
            [digits(code, options) for code, _, _ in products],
            [digits(name, options) for _, name, _ in products],
            [category for _, _, category in products],
        ]

        def fitted(column: int) -> float:
            keep = self.REPEATS[column]
            widest = max(
                text_width(self.HEAD[column], FONT_BOLD, CELL),
                *(text_width(t, FONT, CELL, keep=keep) for t in columns[column]),
            )
            return widest + 2 * CELL_PAD + 2

        # The long category names wrap at their spaces rather than squeeze the names.
        widths = [fitted(0), fitted(1), 0.0, min(fitted(3), CONTENT_WIDTH * 0.3)]
        widths[2] = CONTENT_WIDTH - sum(widths)
        self.widths = widths
        self.head = self._row(self.HEAD, FONT_BOLD, (True,) * 4)
        self.rows = [self._row(row, FONT, self.REPEATS) for row in zip(*columns, strict=True)]

    def _row(self, texts: Sequence[str], font: str, repeats: Sequence[bool]) -> _Row:
        cells = tuple(
            _cell(wrap_words(text, font, CELL, width - 2 * CELL_PAD, keep), font)
            for text, width, keep in zip(texts, self.widths, repeats, strict=True)
        )
        # One first baseline for the row, below the tallest first line's marks.
        above = max(cell.above for cell in cells)
        height = CELL_GAP + above + max(cell.depth for cell in cells) + CELL_GAP
        return _Row(cells, height, above)

    def lay_out(
        self, rows: Sequence[_Row], top: float, lines: list[Line], rules: list[Rules]
    ) -> float:
        """The heading and ``rows`` from ``top`` down, into ``lines`` and ``rules``;
        returns the table's bottom."""
        xs = [CONTENT_LEFT]
        for width in self.widths:
            xs.append(xs[-1] + width)
        y = top
        bottoms = [top]
        for number, row in enumerate([self.head, *rows]):
            heading = number == 0
            font = FONT_BOLD if heading else FONT
            first = y - CELL_GAP - row.above
            for column, cell in enumerate(row.cells):
                inner = self.widths[column] - 2 * CELL_PAD
                repeats = heading or self.REPEATS[column]
                for text, width, drop in zip(cell.lines, cell.widths, cell.drops, strict=True):
                    x = xs[column] + CELL_PAD
                    if heading or self.CENTRED[column]:
                        x += (inner - width) / 2
                    lines.append(Line(text, font, CELL, x, first - drop, repeats))
            y -= row.height
            bottoms.append(y)
        segments = [(xs[0], b, xs[-1], b) for b in bottoms]
        segments += [(x, top, x, y) for x in xs]
        fill = (xs[0], bottoms[1], xs[-1] - xs[0], self.head.height)
        rules.append(Rules(tuple(segments), fill))
        return y


def _fitting(rows: Sequence[_Row], room: float) -> int:
    """How many of ``rows``, from the first, fit in ``room`` points."""
    used = 0.0
    for count, row in enumerate(rows):
        used += row.height
        if used > room:
            return count
    return len(rows)


# --- the foot: date, QR code and signature, the same on every sheet of a batch -------------


@dataclass(frozen=True)
class _Foot:
    lines: tuple[Line, ...]
    qr_at: tuple[float, float]
    #: Where the lowest table may end (its ink clear of the date line's).
    top: float


# Of the width under the date line: the QR code; the signature block the rest.
QR_SHARE = 0.4
TABLE_GAP = 0.3 * cm


@lru_cache(maxsize=16)
def _foot(office: _OfficeWords, issued_on: date, options: TextOptions, preview: bool) -> _Foot:
    """The date line, the QR code beside the signature block, and the QR's caption under
    both across the width, set on the bottom of the content area."""
    left_width = CONTENT_WIDTH * QR_SHARE
    right_left = CONTENT_LEFT + left_width
    right_width = CONTENT_WIDTH - left_width
    caption = PREVIEW_CAPTION if preview else VERIFY_CAPTION
    issued = digits(f"ให้ไว้ ณ {format_be_date_words(issued_on)}", options)

    def date_line(column: _Column) -> None:
        column.text(issued, FONT, BODY, repeats=True)

    def signature(column: _Column) -> None:
        column.gap(0.5 * cm)  # room to sign above the dotted line
        for text in (
            "(ลงชื่อ) ......................................",
            f"({office.officer_name})",
            office.officer_position,
            office.name,
        ):
            column.text(
                digits(text, options), FONT, BODY, repeats=True, left=right_left, width=right_width
            )

    def under(column: _Column) -> None:
        column.text(caption, FONT, CELL, repeats=True)

    row_bottom = CONTENT_BOTTOM + _height(under)
    row_top = row_bottom + max(QR_SIZE, _height(signature))
    date_top = row_top + 0.2 * cm + _height(date_line)
    lines = [
        *_placed(date_line, date_top).lines,
        *_placed(signature, row_top).lines,
        *_placed(under, row_bottom).lines,
    ]
    qr_at = (CONTENT_LEFT + (left_width - QR_SIZE) / 2, row_top - QR_SIZE)
    return _Foot(tuple(lines), qr_at, date_top + TABLE_GAP)


@dataclass(frozen=True)
class _OfficeWords:
    name: str
    officer_name: str
    officer_position: str


# --- the certificate --------------------------------------------------------------------


def certificate(
    entrepreneur: Entrepreneur,
    office: Office,
    issued_on: date,
    width: float,
    options: TextOptions,
    private_key: bytes | None,
) -> list[Flowable]:
    """One certificate (its products must be loaded) as a :class:`Certificate` flowable.
    ``width`` is the frame's and not needed: a sheet lays itself out in its border. Without
    ``private_key`` (signing not unlocked by a head) it is a preview: its QR code says so
    instead of carrying a signature, and the caption under it too."""
    if not entrepreneur.products:
        raise no_products(entrepreneur)
    kind, registered_on = entrepreneur.producer_type, entrepreneur.registered_on
    if kind is None or registered_on is None:
        # Batches hold incomplete records out (print_data.chosen_ids); this is the guard.
        raise UserError(
            f"{entrepreneur.reg_no} {entrepreneur.name} ยังไม่ระบุประเภทผู้ผลิตหรือวันที่ลงทะเบียน "
            "จึงออกหนังสือรับรองไม่ได้",
            f"{entrepreneur.reg_no} {entrepreneur.name} has no producer type or registration "
            "date yet, so no certificate can be printed",
        )
    products = tuple(
        (p.code, p.name, Category(p.category).label_th if p.category is not None else "")
        for p in entrepreneur.products
    )
    signed = ProductList.of((code, name) for code, name, _ in products)
    claim = Claim(entrepreneur.reg_no, entrepreneur.name, issued_on, signed)
    words = _OfficeWords(office.name, office.officer_name, office.officer_position)
    facts = _Facts(
        reg_no=entrepreneur.reg_no,
        name=entrepreneur.name,
        kind=ProducerType(kind).label_th,
        address=_address_lines(entrepreneur),
        registered_on=registered_on,
        products=products,
        office_name=office.name,
        qr=qr_text(claim, private_key) if private_key is not None else UNSIGNED,
        foot=_foot(words, issued_on, options, private_key is None),
        options=options,
    )
    return [Certificate(facts)]


@dataclass(frozen=True)
class _Facts:
    """What a certificate prints, read from the register when the batch is made."""

    reg_no: str
    name: str
    kind: str
    address: tuple[str, str]  # up to the subdistrict; the district, province and postcode
    registered_on: date
    products: tuple[tuple[str, str, str], ...]  # code, name, category
    office_name: str
    qr: str
    foot: _Foot
    options: TextOptions


class Certificate(Flowable):
    """A certificate in a batch's story: only its facts until the frame reaches it, then
    laid out into its sheets (:func:`sheets`) and drawn. A batch's story holds thousands of
    certificates before the first is drawn, so none holds its layout for long."""

    def __init__(self, facts: _Facts) -> None:
        super().__init__()
        self.facts = facts
        self._sheets: list[Sheet] | None = None

    def sheets(self) -> list[Sheet]:
        if self._sheets is None:
            self._sheets = sheets(self.facts)
        return self._sheets

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        # More than one sheet: too tall, so that the frame asks for the split.
        return (0, 0) if len(self.sheets()) == 1 else (available_width, available_height + 1)

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        parts: list[Flowable] = []
        for sheet in self.sheets():
            parts += [PageBreak(), sheet] if parts else [sheet]
        self._sheets = None
        return parts

    def drawOn(self, canvas: Canvas, x: float, y: float, _sW: float = 0) -> None:
        self.sheets()[0].drawOn(canvas, x, y)
        self._sheets = None


@lru_cache(maxsize=4)
def _note_height(options: TextOptions) -> float:
    """The height of the "continued" note under a sheet's table."""

    def continued(column: _Column) -> None:
        column.text(digits("(มีต่อในรายการแนบท้าย แผ่นที่ 2 จาก 2)", options), FONT, CELL)

    return _height(continued)


def sheets(facts: _Facts) -> list[Sheet]:
    """The certificate's sheet and, for the products that do not fit on it, the sheets of
    the attached list."""
    options = facts.options
    foot = facts.foot
    table = _Table(facts.products, options)
    registered = hold(format_be_date(facts.registered_on, "long"))
    counted = f"โดยมีผลิตภัณฑ์ที่ลงทะเบียนไว้{NBSP}{len(facts.products)}{NBSP}รายการ"

    def first_sheet(listed: str) -> _Column:
        column = _Column(CONTENT_TOP)
        column.text("หนังสือรับรองการลงทะเบียน", FONT_BOLD, 26, repeats=True)
        column.text("ผู้ผลิต ผู้ประกอบการ OTOP", FONT_BOLD, 20, repeats=True)
        column.text("(หนึ่งตำบล หนึ่งผลิตภัณฑ์)", FONT_BOLD, BODY, repeats=True)
        column.gap(0.3 * cm)
        column.text(digits(f"เลขทะเบียน{NBSP}{facts.reg_no}", options), FONT_BOLD, BODY)
        column.gap(0.3 * cm)
        column.text(f"{facts.office_name} ขอรับรองว่า", FONT, BODY, repeats=True)
        column.text(digits(facts.name, options), FONT_BOLD, 22)
        column.text(f"ประเภท{facts.kind}", FONT, BODY, repeats=True)
        street, area = facts.address
        column.text(digits(f"ที่ตั้ง {_held(street)}", options), FONT, BODY)
        if area:  # the same for all the district's producers: set once, replayed
            column.text(digits(_held(area), options), FONT, BODY, repeats=True)
        # The sentence on lines of their own, the first and last the same on many
        # certificates.
        column.text("ได้ลงทะเบียนเป็นผู้ผลิต ผู้ประกอบการ OTOP", FONT, BODY, repeats=True)
        since = f"เมื่อวันที่{NBSP}{registered}"
        # Not kept: a province's producers registered on some 1,500 different days.
        column.text(digits(since, options), FONT, BODY)
        column.text(digits(f"{counted} {listed}", options), FONT, BODY, repeats=True)
        column.gap(TABLE_GAP)
        return column

    first = first_sheet("ดังนี้")
    room = first.y - foot.top - table.head.height
    parts: list[Sequence[_Row]] = []
    rest: Sequence[_Row] = table.rows
    if _fitting(rest, room) < len(rest):
        note = _note_height(options)
        attached_room = _attached_head(facts, 2, 2).y - foot.top - table.head.height
        while rest:
            taken = _fitting(rest, room)
            if taken < len(rest):
                taken = _fitting(rest, room - note)
            if parts:  # a sheet of the list holds at least one row, however tall
                taken = max(taken, 1)
            parts.append(rest[:taken])
            rest = rest[taken:]
            room = attached_room
        if not parts[0]:
            # Not one row fits under a long name and address: the list is all attached.
            first = first_sheet(f"ตาม{ATTACHED_TITLE}นี้")
    else:
        parts.append(rest)
    total = len(parts)

    result: list[Sheet] = []
    for number, part in enumerate(parts, 1):
        column = first if number == 1 else _attached_head(facts, number, total)
        lines = list(column.lines)
        rules: list[Rules] = []
        bottom = table.lay_out(part, column.y, lines, rules) if part else column.y
        if number < total and part:
            after = _Column(bottom)
            after.text(
                digits(
                    f"(มีต่อในรายการแนบท้าย แผ่นที่{NBSP}{number + 1}{NBSP}จาก{NBSP}{total})", options
                ),
                FONT,
                CELL,
            )
            lines += after.lines
        lines += foot.lines
        result.append(Sheet(lines, rules, facts.qr, foot.qr_at))
    return result


def _address_lines(entrepreneur: Entrepreneur) -> tuple[str, str]:
    """The address on two lines: up to the subdistrict, then the district, province and
    postcode (``print_data.address`` split where the district begins)."""
    whole = address(entrepreneur.house_no, entrepreneur.moo, entrepreneur.subdistrict_code)
    where = place(entrepreneur.subdistrict_code)
    area = " ".join(part for part in (*where.words()[1:], where.postal_code) if part)
    if area and whole.endswith(area) and whole != area:
        return whole[: -len(area)].rstrip(), area
    return whole, ""


def _held(text: str) -> str:
    """An address with its numbers held to their labels and the postcode to the province:
    ``เลขที่ 71/2`` and ``จังหวัดเชียงใหม่ 50130`` never split across lines."""
    for label in ("เลขที่ ", "หมู่ที่ "):
        text = text.replace(label, label[:-1] + NBSP)
    head, _, last = text.rpartition(" ")
    return f"{head}{NBSP}{last}" if head and last.isdigit() else text


def _attached_head(facts: _Facts, number: int, total: int) -> _Column:
    """The top of a sheet of the attached list: its page number in the official style
    (``- 2 -``), the title, and the certificate it belongs to."""
    options = facts.options
    column = _Column(CONTENT_TOP)
    column.text(digits(f"-{NBSP}{number}{NBSP}-", options), FONT, BODY, repeats=True)
    column.gap(0.2 * cm)
    column.text(ATTACHED_TITLE, FONT_BOLD, 20, repeats=True)
    reg_no = f"เลขทะเบียน{NBSP}{facts.reg_no} แผ่นที่{NBSP}{number}{NBSP}จาก{NBSP}{total}"
    column.text(digits(reg_no, options), FONT_BOLD, BODY)
    column.text(digits(facts.name, options), FONT, BODY)
    column.gap(TABLE_GAP)
    return column
