"""The one reader of incoming .xlsx files: each sheet streams through the guarded expat
parser of ``checks`` a chunk at a time, its rows handed on as they complete, every limit of
``limits`` kept at the cell that would cross it. Cells come with their type as openpyxl names
it (``s`` text, ``n`` number, ``d`` date, ``b`` TRUE/FALSE, ``e`` error value, ``f``
formula), and their values as openpyxl gives them, so a file reads the same as it did
through openpyxl — only some ten times faster, and never more than the limits allow.

openpyxl stays the program's writer; reading needs none of its objects, and building them
for every cell was most of the import's time."""

from __future__ import annotations

import contextlib
import re
import zipfile
from collections.abc import Generator, Iterator
from pathlib import Path
from types import TracebackType
from typing import NamedTuple

from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format, is_timedelta_format
from openpyxl.utils.cell import column_index_from_string, get_column_letter
from openpyxl.utils.datetime import (
    CALENDAR_MAC_1904,
    CALENDAR_WINDOWS_1900,
    from_excel,
    from_ISO8601,
)

from otop_desktop.incoming import checks
from otop_desktop.incoming.checks import MAIN_NS, MAX_DEPTH, Package, fed, xml_parser
from otop_desktop.incoming.limits import (
    Limits,
    RefusedAt,
    too_long_cell,
    too_many_rows,
    too_much_text,
)
from otop_desktop.textnorm import hidden_char


class Cell(NamedTuple):
    value: object
    #: openpyxl's names: s, n, d, b, e, f.
    data_type: str


EMPTY = Cell(None, "n")

_C = f"{MAIN_NS}}}c"
_V = f"{MAIN_NS}}}v"
_F = f"{MAIN_NS}}}f"
_T = f"{MAIN_NS}}}t"
_IS = f"{MAIN_NS}}}is"
_RPH = f"{MAIN_NS}}}rPh"
_ROW = f"{MAIN_NS}}}row"
_SI = f"{MAIN_NS}}}si"
_MERGE = f"{MAIN_NS}}}mergeCell"
_DIMENSION = f"{MAIN_NS}}}dimension"
_DIGITS = "0123456789"
_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ$"
#: How Excel writes a character XML cannot hold (a control character) into a text: ``_x001B_``.
_ESCAPED = re.compile(r"_x([0-9A-Fa-f]{4})_")


def hidden_in_text(text: str) -> str | None:
    """``textnorm.hidden_char`` of a cell's text as Excel shows it, its ``_xHHHH_`` escapes
    read as the characters they stand for."""
    found = hidden_char(text)
    if found is None and "_x" in text:
        found = hidden_char(_ESCAPED.sub(lambda m: chr(int(m.group(1), 16)), text))
    return found


class _LongString(Exception):
    """A shared string over the cell limit, found while the shared strings load."""

    def __init__(self, index: int) -> None:
        self.index = index


class _Found(Exception):
    def __init__(self, ref: str) -> None:
        self.ref = ref


def damaged_cell(path: Path, sheet: str, row: int | None, column: str, what: str) -> RefusedAt:
    return RefusedAt(
        path,
        sheet,
        row,
        column,
        f"ไฟล์เสียหาย อ่านเซลล์นี้ไม่ได้ ({what})",
        f"the file is damaged; the cell cannot be read ({what})",
    )


class XlsxReader:
    """An open, checked .xlsx. ``formulas``: a formula cell reads as type ``f`` with its
    formula (the monthly workbook refuses them); otherwise as the value Excel last saved."""

    def __init__(self, path: Path, limits: Limits, *, formulas: bool) -> None:
        self.path = path
        self.limits = limits
        self.formulas = formulas
        self.package: Package = checks.check_xlsx(path, limits)
        self.chars = 0
        self._merged: dict[str, list[str]] = {}
        self._open: list[Generator[tuple[Cell, ...]]] = []
        self._archive = zipfile.ZipFile(path)
        try:
            self._strings = self._shared_strings()
            self._dates, self._durations = self._date_styles()
        except BaseException:
            self._archive.close()
            raise
        self._epoch = CALENDAR_MAC_1904 if self.package.date1904 else CALENDAR_WINDOWS_1900

    def __enter__(self) -> XlsxReader:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        for rows in self._open:
            rows.close()
        self._archive.close()

    @property
    def sheet_names(self) -> list[str]:
        return list(self.package.sheets)

    def merged(self, sheet: str) -> list[str]:
        """The merged ranges of ``sheet`` (known once its rows have been read)."""
        return self._merged.get(sheet, [])

    # --- shared strings and styles -------------------------------------------------------

    def _shared_strings(self) -> list[str]:
        part = self.package.shared_strings
        strings: list[str] = []
        if part is None:
            return strings
        limits = self.limits
        current: list[str] | None = None
        collect = False
        length = 0
        depth = 0
        phonetic = 0

        def start(name: str, _attrs: dict[str, str]) -> None:
            nonlocal current, collect, length, depth, phonetic
            depth += 1
            if depth > MAX_DEPTH:
                raise checks.too_deep(self.path, part)
            if name == _SI:
                current, length = [], 0
            elif name == _T and current is not None and not phonetic:
                collect = True
            elif name == _RPH:
                phonetic += 1

        def end(name: str) -> None:
            nonlocal current, collect, depth, phonetic
            depth -= 1
            if name == _SI and current is not None:
                strings.append("".join(current))
                current = None
            elif name == _T:
                collect = False
            elif name == _RPH:
                phonetic -= 1

        def data(text: str) -> None:
            nonlocal length
            self.chars += len(text)
            if collect and current is not None:
                length += len(text)
                if length > limits.cell_chars:
                    raise _LongString(len(strings))
                current.append(text)
            if self.chars > limits.total_chars:
                raise too_much_text(self.path, limits, "", None, "")

        parser = xml_parser(self.path, part)
        parser.StartElementHandler = start
        parser.EndElementHandler = end
        parser.CharacterDataHandler = data
        try:
            with checks.open_part(self.path, self._archive, part) as stream:
                for _ in fed(self.path, part, parser, stream):
                    pass
        except _LongString as long:
            raise self._long_string_at(long.index) from None
        return strings

    def _long_string_at(self, index: int) -> RefusedAt:
        """The refusal of a shared string over the cell limit, naming the first cell that
        shows it (a short scan: the string is not read again)."""
        for sheet, part in self.package.sheets.items():
            ref = self._cell_showing(part, str(index))
            if ref is not None:
                letters = ref.rstrip(_DIGITS)
                digits = ref[len(letters) :]
                row = int(digits) if digits.isdigit() else None
                return too_long_cell(self.path, self.limits, sheet, row, letters)
        return too_long_cell(self.path, self.limits, "", None, "")

    def _cell_showing(self, part: str, wanted: str) -> str | None:
        """The reference of the first cell of ``part`` showing the shared string ``wanted``."""
        ref, kind = "", ""
        value: list[str] = []

        def start(name: str, attrs: dict[str, str]) -> None:
            nonlocal ref, kind
            if name == _C:
                ref, kind = attrs.get("r", ""), attrs.get("t", "n")
                value.clear()

        def end(name: str) -> None:
            if name == _C and kind == "s" and "".join(value).strip() == wanted:
                raise _Found(ref)

        def data(text: str) -> None:
            if kind == "s" and len(value) < 4:
                value.append(text)

        parser = xml_parser(self.path, part)
        parser.StartElementHandler = start
        parser.EndElementHandler = end
        parser.CharacterDataHandler = data
        try:
            with checks.open_part(self.path, self._archive, part) as stream:
                for _ in fed(self.path, part, parser, stream):
                    pass
        except _Found as found:
            return found.ref
        return None

    def _date_styles(self) -> tuple[frozenset[str], frozenset[str]]:
        """The cell style indexes (as written in ``s``) whose number format shows a date, and
        those showing a duration, as openpyxl tells them."""
        part = self.package.styles
        if part is None:
            return frozenset(), frozenset()
        custom: dict[int, str] = {}
        formats: list[int] = []
        in_cell_xfs = False

        def start(name: str, attrs: dict[str, str]) -> None:
            nonlocal in_cell_xfs
            local = name.rpartition("}")[2]
            if local == "numFmt":
                with contextlib.suppress(ValueError):
                    custom[int(attrs.get("numFmtId", ""))] = attrs.get("formatCode", "")
            elif local == "cellXfs":
                in_cell_xfs = True
            elif local == "xf" and in_cell_xfs:
                try:
                    formats.append(int(attrs.get("numFmtId", "0")))
                except ValueError:
                    formats.append(0)

        checks.parse_small(self.path, self._archive, part, start)
        dates, durations = set(), set()
        for index, fmt_id in enumerate(formats):
            code = custom.get(fmt_id) or BUILTIN_FORMATS.get(fmt_id, "General")
            if is_timedelta_format(code):
                durations.add(str(index))
            elif is_date_format(code):
                dates.add(str(index))
        return frozenset(dates), frozenset(durations)

    # --- rows -----------------------------------------------------------------------------

    def rows(self, sheet: str, max_col: int, *, pad: bool = True) -> Iterator[tuple[Cell, ...]]:
        """The rows of ``sheet`` (see ``_rows``); closed with the reader, so that a reading
        stopped by a refusal leaves no part open."""
        rows = self._rows(sheet, max_col, pad)
        self._open.append(rows)
        return rows

    def _rows(self, sheet: str, max_col: int, pad: bool) -> Generator[tuple[Cell, ...]]:
        """The rows of ``sheet`` from row 1, each ``max_col`` cells wide (with ``pad``; else
        as wide as its last cell, at most ``max_col``); a row the file leaves out comes as
        a row of empty cells, as the spreadsheet shows it."""
        path, limits = self.path, self.limits
        part = self.package.sheets[sheet]
        strings, dates, durations = self._strings, self._dates, self._durations
        formulas, epoch = self.formulas, self._epoch
        merged: list[str] = []
        self._merged[sheet] = merged
        done: list[tuple[int, list[Cell]]] = []
        columns: dict[str, int] = {}
        # The state of the row and cell being parsed.
        row_no = 0
        width = max_col if pad else 0
        cells: list[Cell] = [EMPTY] * width
        column = 0
        ref = kind = style = ""
        value: list[str] | None = None
        formula: list[str] | None = None
        inline: list[str] | None = None
        collect: list[str] | None = None
        length = 0
        depth = 0
        phonetic = 0
        #: The file's text so far (kept on the reader between sheets).
        chars = self.chars

        def where() -> str:
            return get_column_letter(column) if column else ""

        def start(name: str, attrs: dict[str, str]) -> None:
            nonlocal row_no, cells, column, ref, kind, style, value, formula, inline, collect
            nonlocal length, depth, phonetic
            depth += 1
            if depth > MAX_DEPTH:
                raise checks.too_deep(path, part)
            if name == _C:
                ref = attrs.get("r", "")
                kind = attrs.get("t", "n")
                style = attrs.get("s", "")
                value = formula = inline = collect = None
                length = 0
                if ref:
                    letters = ref.rstrip(_DIGITS)
                    found = columns.get(letters)
                    if found is None:
                        try:
                            found = column_index_from_string(letters)
                        except ValueError:
                            raise damaged_cell(
                                path, sheet, row_no, "", f"“{ref[:20]}” is no cell"
                            ) from None
                        columns[letters] = found
                    column = found
                else:
                    column += 1
            elif name == _IS:
                inline = []
            elif name == _T and inline is not None and not phonetic:
                collect = inline
            elif name == _V:
                value = collect = []
            elif name == _ROW:
                given = attrs.get("r")
                number = row_no + 1
                if given is not None:
                    try:
                        number = int(given)
                    except ValueError:
                        raise damaged_cell(path, sheet, None, "", f"row “{given[:20]}”") from None
                if number <= row_no:
                    raise damaged_cell(path, sheet, number, "", "a row out of order")
                if number > limits.sheet_rows:
                    raise too_many_rows(path, limits, sheet, number)
                row_no = number
                cells = [EMPTY] * width
                column = 0
            elif name == _F:
                formula = collect = []
            elif name == _RPH:
                phonetic += 1
            elif name == _MERGE:
                merged.append(attrs.get("ref", ""))
            elif name == _DIMENSION:
                # The extent the writer recorded, before any row: a sheet that says it goes on
                # past the limit is refused at once (one that says less is still counted).
                last = attrs.get("ref", "").rpartition(":")[2].lstrip(_LETTERS)
                if last.isdigit() and len(last) < 10 and int(last) > limits.sheet_rows:
                    raise too_many_rows(path, limits, sheet, int(last))

        def end(name: str) -> None:
            nonlocal depth, collect, phonetic
            depth -= 1
            if name == _C:
                if column <= max_col:
                    if column > len(cells):
                        cells.extend([EMPTY] * (column - len(cells)))
                    cells[column - 1] = cell()
            elif name == _ROW:
                done.append((row_no, cells))
            elif name == _RPH:
                phonetic -= 1
            else:
                collect = None

        def data(text: str) -> None:
            nonlocal length, chars
            chars += len(text)
            if collect is not None:
                length += len(text)
                if length > limits.cell_chars:
                    raise too_long_cell(path, limits, sheet, row_no, where())
                collect.append(text)
            if chars > limits.total_chars:
                raise too_much_text(path, limits, sheet, row_no, where())

        def cell() -> Cell:
            if formula is not None and formulas:
                return Cell("=" + "".join(formula), "f")
            if kind == "inlineStr":
                return EMPTY if inline is None else Cell("".join(inline), "s")
            text = "".join(value) if value else ""
            if not text:
                return EMPTY
            try:
                if kind == "n":
                    number = float(text) if "." in text or "E" in text or "e" in text else int(text)
                    if style in dates or style in durations:
                        try:
                            return Cell(
                                from_excel(number, epoch, timedelta=style in durations), "d"
                            )
                        except (OverflowError, ValueError):
                            return Cell("#VALUE!", "e")  # as openpyxl: no such date
                    return Cell(number, "n")
                if kind == "s":
                    return Cell(strings[int(text)], "s")
                if kind == "str":
                    return Cell(text, "s")
                if kind == "b":
                    return Cell(bool(int(text)), "b")
                if kind == "e":
                    return Cell(text, "e")
                if kind == "d":
                    return Cell(from_ISO8601(text), "d")
            except (ValueError, IndexError, OverflowError):
                pass
            raise damaged_cell(
                path, sheet, row_no, where(), f"type “{kind[:10]}”, value “{text[:40]}”"
            )

        parser = xml_parser(path, part)
        parser.StartElementHandler = start
        parser.EndElementHandler = end
        parser.CharacterDataHandler = data
        shown = 0
        with checks.open_part(self.path, self._archive, part) as stream:
            for _ in fed(path, part, parser, stream):
                self.chars = chars
                for number, row in done:
                    while shown + 1 < number:
                        shown += 1
                        yield (EMPTY,) * width
                    shown = number
                    yield tuple(row)
                done.clear()
