"""Pieces the documents offices used to make by hand share (sign-in sheet, survey form,
memo, standards list)."""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Table

from otop_desktop.models import Office
from otop_desktop.printing.layout import look
from otop_desktop.printing.typeset import TextOptions, hold, para, text_width

#: Where the officer's signature block starts: right of centre, as official letters sign.
SIGNATURE_INDENT = 0.4
#: The longest line to sign, in dots; shorter where the block is narrow.
MAX_DOTS = 32
#: Of the block's width, what the line to sign may take (the rest is air on either side).
LINE_SHARE = 0.85


#: How a person's name begins in the register (a single owner's business is their name).
TITLES = ("นาย", "นาง", "นางสาว", "ด.ช.", "ด.ญ.", "เด็กชาย", "เด็กหญิง")


def person_name(text: str) -> str:
    """``text`` held whole when it is a person's name: Thai word breaking does not know
    surnames and would split one (เป็ง|คำ); a business name still wraps between words."""
    return hold(text) if text.startswith(TITLES) else text


def signature_lines(
    role: str,
    name: str,
    position: str,
    style: ParagraphStyle,
    width: float,
    options: TextOptions,
) -> list[Flowable]:
    """The line to sign followed by ``role`` (empty in a letter), the name in parentheses
    (a line to write it on when empty) and the position (left out when empty), each on one
    line of a block ``width`` wide."""
    words = f"(ลงชื่อ)  {role}".rstrip()
    room = width * LINE_SHARE - text_width(words, style.fontName, style.fontSize)
    dots = max(8, min(MAX_DOTS, int(room / text_width(".", style.fontName, style.fontSize))))
    lines = [
        para(f"(ลงชื่อ) {'.' * dots} {role}".rstrip(), style, options),
        para(f"({hold(name)})" if name.strip() else f"({'.' * dots})", style, options),
    ]
    if position:
        lines.append(para(position, style, options))
    return lines


def signature(office: Office, role: str, width: float, options: TextOptions) -> list[Flowable]:
    """The office's officer signs, centred in the right part of the page."""
    indent = width * SIGNATURE_INDENT
    style = ParagraphStyle("signature", parent=look().centre, leftIndent=indent)
    position = office.officer_position or office.name
    return signature_lines(role, office.officer_name, position, style, width - indent, options)


class KeepTail(Flowable):
    """A ruled table and what follows it (a total line, a signature block), split so that
    what follows never starts a page without at least ``rows`` of the table's last rows above
    it: a page holding only a signature block or a lone total is not a page an office sends."""

    def __init__(self, table: Table, after: list[Flowable], rows: int = 2) -> None:
        super().__init__()
        self.table = table
        self.after = after
        self.rows = rows
        self._table_height = 0.0

    def _after(self, width: float, height: float) -> list[tuple[Flowable, float, float]]:
        """Each flowable that follows, with its space above and its height."""
        return [(item, item.getSpaceBefore(), item.wrap(width, height)[1]) for item in self.after]

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self._table_height = self.table.wrap(available_width, available_height)[1]
        below = sum(above + h for _, above, h in self._after(available_width, available_height))
        self.width = available_width
        self.height = self._table_height + below
        return self.width, self.height

    def draw(self) -> None:
        y = self.height - self._table_height
        spare = self.width - self.table._width
        x = {"RIGHT": spare, "CENTER": spare / 2, "CENTRE": spare / 2}.get(self.table.hAlign, 0)
        self.table.drawOn(self.canv, x, y)
        for item, above, height in self._after(self.width, self.height):
            y -= above + height
            item.drawOn(self.canv, 0, y)

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        table = self.table
        parts = table.split(available_width, available_height)
        if not parts:
            return []
        heights = table._rowHeights
        if len(parts) == 2 and len(heights) - len(parts[0]._cellvalues) >= self.rows:
            return [parts[0], KeepTail(parts[1], self.after, self.rows)]
        # The whole table fits but not what follows, or too few rows would go over with it:
        # the last ``rows`` rows go to the next page with it (a little air for rounding).
        keep = len(heights) - self.rows
        if keep <= table.repeatRows:
            return []
        parts = table.split(available_width, sum(heights[:keep]) + 0.01)
        if len(parts) != 2:
            return []
        return [parts[0], KeepTail(parts[1], self.after, self.rows)]
