"""Pieces the documents offices used to make by hand share (sign-in sheet, survey form,
memo, standards list)."""

from __future__ import annotations

from reportlab.platypus import Flowable, Table

from otop_desktop.models import Office
from otop_desktop.printing.layout import signature_block
from otop_desktop.printing.typeset import TextOptions, hold

#: How a person's name begins in the register (a single owner's business is their name).
TITLES = ("นาย", "นาง", "นางสาว", "ด.ช.", "ด.ญ.", "เด็กชาย", "เด็กหญิง")


def person_name(text: str) -> str:
    """``text`` held whole when it is a person's name: Thai word breaking does not know
    surnames and would split one (เป็ง|คำ); a business name still wraps between words."""
    return hold(text) if text.startswith(TITLES) else text


def officer_signature(
    office: Office, role: str, width: float, options: TextOptions, *, date_line: bool = True
) -> Table:
    """The office's officer signs, right of centre (layout.signature_block)."""
    position = office.officer_position or office.name
    return signature_block(role, office.officer_name, position, width, options, date_line=date_line)


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

    def _after(self, width: float, height: float) -> list[tuple[Flowable, float, float, float]]:
        """Each flowable that follows, with its space above, its width and its height."""
        return [(item, item.getSpaceBefore(), *item.wrap(width, height)) for item in self.after]

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self._table_height = self.table.wrap(available_width, available_height)[1]
        below = sum(above + h for _, above, _w, h in self._after(available_width, available_height))
        self.width = available_width
        self.height = self._table_height + below
        return self.width, self.height

    def draw(self) -> None:
        y = self.height - self._table_height
        self.table.drawOn(self.canv, self._x(self.table, self.table._width), y)
        for item, above, width, height in self._after(self.width, self.height):
            y -= above + height
            item.drawOn(self.canv, self._x(item, width), y)

    def _x(self, item: Flowable, width: float) -> float:
        """Where ``item`` starts across, as its hAlign says (a signature block: right)."""
        spare = self.width - width
        align = getattr(item, "hAlign", "LEFT")
        return {"RIGHT": spare, "CENTER": spare / 2, "CENTRE": spare / 2}.get(align, 0.0)

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
