"""Generated district workbooks for the province's import: one real workbook (exported by
the program) changed in memory cell by cell, type by type and part by part at the zip and
XML level, optionally sealed again (row counts, sales total and sha256 made to fit) so that
changed values reach the row checks and the register. ``judge`` imports one and checks the
contract: no exception escapes; accepted, or refused with reasons; a refused file changes
nothing; an accepted file's figures are the file's (and it is then withdrawn, so the next
case starts from the same register). Shared by tests/test_submission_fuzz.py and
bench/bench_fuzz.py."""

from __future__ import annotations

import io
import re
import warnings
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from xml.etree import ElementTree

from hypothesis import strategies as st
from openpyxl import load_workbook
from python_calamine import CalamineWorkbook
from sqlalchemy import func, select

from otop_desktop.database import Register
from otop_desktop.models import Entrepreneur, ReceivedSubmission, Sale
from otop_desktop.submission import spec
from otop_desktop.submission.province_import import FileResult, import_submissions
from otop_desktop.submission.withdraw import withdraw
from otop_desktop.textnorm import clean_text
from otop_desktop.thaiformat import Period

Parts = dict[str, bytes]


@dataclass(frozen=True)
class Mutation:
    """One change to the package, said in a few words (what a failing case prints)."""

    what: str
    apply: Callable[[Parts], None]

    def __repr__(self) -> str:
        return self.what


_CELL = re.compile(rb"<c r=\"([A-Z]+)(\d+)\"[^>]*?(?:/>|>.*?</c>)", re.S)
#: The importer's last line of defence: a file refused by an error the checks should have
#: named (a reader fault to report), not by a reason.
FALLBACK = "could not be checked or stored"


def parts_of(data: bytes) -> Parts:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {name: z.read(name) for name in z.namelist()}


def zipped(parts: Parts) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as z:
        for name, body in parts.items():
            z.writestr(name, body)
    return out.getvalue()


def sheet_parts(parts: Parts) -> list[str]:
    return sorted(n for n in parts if n.startswith("xl/worksheets/") and n.endswith(".xml"))


# --- what a cell may become ------------------------------------------------------------------

_TEXTS = st.one_of(
    st.text(max_size=40),
    st.sampled_from(
        [
            "",
            " ",
            "=1+1",
            "+SUM(A1)",
            "-",
            "กลุ่ม\u202eทอผ้า",
            "ก\x01ข",
            "a\tb\nc",
            "2600-10",
            "2568-13",
            "5013-2567-0001",
            "5013-2567-0001-P01",
            "501301-03-0001",
            "1e20",
            "NaN",
            "-0",
            "9" * 40,
            "ก" * 5000,
        ]
    ),
)
_NUMBERS = st.one_of(
    st.integers(min_value=-(10**20), max_value=10**20).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.decimals(allow_nan=False, allow_infinity=False, places=3).map(str),
    st.sampled_from(["1e400", "-1e400", "0", "0.005", "1E20", "nan", "inf", "", "1,000", " 5"]),
)


def _escape(text: str) -> str:
    # Characters XML 1.0 cannot hold at all are left out: a file with them is not XML, which
    # the part mutations cover.
    clean = "".join(
        c for c in text if c in "\t\n\r" or (" " <= c <= "\ud7ff") or ("\ue000" <= c <= "\ufffd")
    )
    return clean.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


@st.composite
def cell_bodies(draw: st.DrawFn) -> tuple[str, Callable[[str], bytes]]:
    """A new ``<c>`` element for a cell reference: any type Excel writes, and some it
    does not."""
    kind = draw(
        st.sampled_from(
            ["str", "num", "bool", "error", "formula", "shared", "date", "empty", "style"]
        )
    )
    if kind == "str":
        text = _escape(draw(_TEXTS))
        return (
            f"{kind} {text!r:.60}",
            lambda ref: f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'.encode(),
        )
    if kind == "num":
        number = _escape(draw(_NUMBERS))
        return kind, lambda ref: f'<c r="{ref}"><v>{number}</v></c>'.encode()
    if kind == "bool":
        value = draw(st.sampled_from(["0", "1", "2", "true", ""]))
        return (
            f"{kind} {value!r:.60}",
            lambda ref: f'<c r="{ref}" t="b"><v>{value}</v></c>'.encode(),
        )
    if kind == "error":
        value = draw(st.sampled_from(["#REF!", "#DIV/0!", "#N/A", "#VALUE!", "junk"]))
        return (
            f"{kind} {value!r:.60}",
            lambda ref: f'<c r="{ref}" t="e"><v>{value}</v></c>'.encode(),
        )
    if kind == "formula":
        body = draw(st.sampled_from(["1+1", "SUM(A1:A3)", "A1", 'HYPERLINK("x")']))
        return (
            f"{kind} {body!r:.60}",
            lambda ref: f'<c r="{ref}"><f>{body}</f><v>2</v></c>'.encode(),
        )
    if kind == "shared":
        index = draw(st.integers(min_value=-1, max_value=5))
        return (
            f"{kind} {index!r:.60}",
            lambda ref: f'<c r="{ref}" t="s"><v>{index}</v></c>'.encode(),
        )
    if kind == "date":
        value = draw(
            st.sampled_from(["2025-10-15", "2600-01-01", "1900-02-29", "x", "2025-10-15T25:00:00"])
        )
        return (
            f"{kind} {value!r:.60}",
            lambda ref: f'<c r="{ref}" t="d"><v>{value}</v></c>'.encode(),
        )
    if kind == "style":
        # A number with a date style (a serial that reads as a date) or a style not there.
        style = draw(st.integers(min_value=0, max_value=40))
        number = draw(st.sampled_from(["45945", "0", "-1", "2958466", "1.5"]))
        return (
            f"{kind} {number!r:.60}",
            lambda ref: f'<c r="{ref}" s="{style}"><v>{number}</v></c>'.encode(),
        )
    return kind, lambda ref: f'<c r="{ref}"/>'.encode()


@st.composite
def cell_mutations(draw: st.DrawFn) -> Mutation:
    """One cell of one sheet replaced (its reference kept, or sometimes moved)."""
    sheet = draw(st.integers(min_value=0, max_value=20))
    pick = draw(st.integers(min_value=0, max_value=10_000))
    kind, body = draw(cell_bodies())
    moved = draw(st.sampled_from([None, None, None, "A1", "XFD1048576", "A0", "ZZZZ1", "B2"]))

    def mutate(parts: Parts) -> None:
        names = sheet_parts(parts)
        name = names[sheet % len(names)]
        xml = parts[name]
        cells = list(_CELL.finditer(xml))
        if not cells:
            return
        cell = cells[pick % len(cells)]
        ref = moved or (cell.group(1) + cell.group(2)).decode()
        parts[name] = xml[: cell.start()] + body(ref) + xml[cell.end() :]

    return Mutation(f"cell(sheet {sheet}, cell {pick}, {kind}, moved to {moved})", mutate)


@st.composite
def type_mutations(draw: st.DrawFn) -> Mutation:
    """One cell's type attribute changed, its content kept."""
    sheet = draw(st.integers(min_value=0, max_value=20))
    pick = draw(st.integers(min_value=0, max_value=10_000))
    new_type = draw(
        st.sampled_from(
            ["", ' t="n"', ' t="s"', ' t="b"', ' t="e"', ' t="str"', ' t="d"', ' t="zz"']
        )
    )

    def mutate(parts: Parts) -> None:
        names = sheet_parts(parts)
        name = names[sheet % len(names)]
        xml = parts[name]
        cells = list(_CELL.finditer(xml))
        if not cells:
            return
        cell = cells[pick % len(cells)]
        text = re.sub(rb' t="[^"]*"', b"", cell.group(0), count=1)
        text = text.replace(b"<c ", b"<c" + new_type.encode() + b" ", 1)
        parts[name] = xml[: cell.start()] + text + xml[cell.end() :]

    return Mutation(f"type(sheet {sheet}, cell {pick}, {new_type.strip() or 'no t'})", mutate)


_HOSTILE_PARTS = [
    b"",
    b"not xml at all",
    b"<?xml version='1.0'?><!DOCTYPE x [<!ENTITY a 'aaaaaaaaaa'>"
    b"<!ENTITY b '&a;&a;&a;&a;&a;&a;&a;&a;'>]><x>&b;</x>",
    b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>',
    b"<worksheet xmlns='http://schemas.openxmlformats.org/spreadsheetml/2006/main'><sheetData/></worksheet>",
    b"\xff\xfe\x00<",
]


@st.composite
def part_mutations(draw: st.DrawFn) -> Mutation:
    """A part of the package removed, cut short, replaced, renamed or given merged cells, a
    huge dimension or a second copy of a sheet."""
    how = draw(
        st.sampled_from(
            [
                "delete",
                "truncate",
                "replace",
                "rename",
                "merge",
                "dimension",
                "duplicate",
                "swap",
                "bytes",
            ]
        )
    )
    index = draw(st.integers(min_value=0, max_value=50))
    cut = draw(st.integers(min_value=0, max_value=5_000))
    hostile = draw(st.sampled_from(_HOSTILE_PARTS))
    merge_ref = draw(st.sampled_from(["C2:C3", "A1:B1", "A2:J9", "A1"]))
    quote = draw(st.sampled_from(["'", '"']))
    flips = draw(st.lists(st.tuples(st.integers(0, 100_000), st.integers(0, 255)), max_size=4))

    def mutate(parts: Parts) -> None:
        names = sorted(parts)
        name = names[index % len(names)]
        sheets = sheet_parts(parts)
        sheet = sheets[index % len(sheets)]
        if how == "delete":
            del parts[name]
        elif how == "truncate":
            parts[name] = parts[name][: cut % (len(parts[name]) + 1)]
        elif how == "replace":
            parts[name] = hostile
        elif how == "rename":
            parts[name.replace(".xml", "x.xml") if name.endswith(".xml") else name + "x"] = (
                parts.pop(name)
            )
        elif how == "merge":
            q = quote
            merge = f"<mergeCells count={q}1{q}><mergeCell ref={q}{merge_ref}{q}/></mergeCells>"
            parts[sheet] = parts[sheet].replace(
                b"</sheetData>", b"</sheetData>" + merge.encode(), 1
            )
        elif how == "dimension":
            parts[sheet] = parts[sheet].replace(
                b"<sheetFormatPr", b'<dimension ref="A1:XFD1048576"/><sheetFormatPr', 1
            )
        elif how == "duplicate":
            parts[sheet] = parts[sheet].replace(
                b"</sheetData>",
                parts[sheet].split(b"<sheetData>")[-1].split(b"</sheetData>")[0] + b"</sheetData>",
                1,
            )
        elif how == "swap":
            other = sheets[(index + 1) % len(sheets)]
            parts[sheet], parts[other] = parts[other], parts[sheet]
        else:
            body = bytearray(parts[name])
            for at, value in flips:
                if body:
                    body[at % len(body)] = value
            parts[name] = bytes(body)

    return Mutation(f"part({how}, part {index}, cut {cut}, flips {flips})", mutate)


_REF = re.compile(rb"<c r=[\"']([A-Z]*)(\d*)")


def calamine_safe(data: bytes) -> bool:
    """Whether calamine may be given ``data``: it makes every sheet one dense grid from A1
    to the furthest cell, so a single cell at XFD1048576 asks for 512 GiB and aborts the
    whole process (python-calamine 0.9.1), which no ``except`` catches."""
    try:
        parts = parts_of(data)
    except Exception:
        return True  # not a zip: calamine refuses it with an exception
    for name in sheet_parts(parts):
        for column, row in _REF.findall(parts[name]):
            if len(column) > 2 or (row and int(row) > 100_000):
                return False
        if b"<dimension" in parts[name]:
            return False
    return True


# --- sealing again ----------------------------------------------------------------------------

_META_VALUE = re.compile(rb"(<c r=\"B(\d+)\"[^>]*><is><t>)([^<]*)(</t></is></c>)")


def sealed(data: bytes) -> bytes:
    """``data`` with its metadata's row counts, sales total and sha256 made to fit its rows
    (as tests/submission_files.reseal does, without saving through openpyxl; read with
    calamine, which is quick, and whose values give the same sha256 text); unchanged if the
    package cannot be read that far."""
    if not calamine_safe(data):
        return data
    try:
        book = CalamineWorkbook.from_filelike(io.BytesIO(data))
        sheets = []
        for sheet in spec.DATA_SHEETS:
            width = len(sheet.columns)
            rows = []
            for row in book.get_sheet_by_name(sheet.name).to_python()[1:]:
                values = [None if v == "" else v for v in row[:width]]
                values += [None] * (width - len(values))
                if all(v is None for v in values):
                    break
                rows.append(values)
            sheets.append(rows)
        meta = {
            str(row[0]): i + 1
            for i, row in enumerate(book.get_sheet_by_name(spec.META_SHEET).to_python())
        }
        total = sum(
            (Decimal(repr(r[spec.SALES_AMOUNT_COLUMN] or 0)) for r in sheets[2]), Decimal("0.00")
        )
        values = {
            s.rows_key: str(len(rows)) for s, rows in zip(spec.DATA_SHEETS, sheets, strict=True)
        }
        values["sales_total"] = f"{total:.2f}"
        values["sha256"] = spec.data_sha256(sheets)
    except Exception:  # a package calamine cannot read: left as it is, for the importer
        return data
    by_row = {meta[k]: v for k, v in values.items() if k in meta}
    parts = parts_of(data)
    meta_part = sheet_parts(parts)[0]

    def put(m: re.Match[bytes]) -> bytes:
        value = by_row.get(int(m.group(2)))
        return m.group(0) if value is None else m.group(1) + value.encode() + m.group(4)

    parts[meta_part] = _META_VALUE.sub(put, parts[meta_part])
    return zipped(parts)


@dataclass(frozen=True)
class Case:
    """A generated workbook: its changes, whether it is sealed again, and a damaged byte."""

    mutations: tuple[Mutation, ...]
    seal: bool
    flip: tuple[int, int] | None

    def build(self, base: bytes) -> bytes:
        parts = parts_of(base)
        for mutation in self.mutations:
            mutation.apply(parts)
        data = zipped(parts)
        if self.seal:
            data = sealed(data)
        if self.flip is not None:
            at, value = self.flip
            at %= len(data)
            data = data[:at] + bytes([value]) + data[at + 1 :]
        return data


@st.composite
def cases(draw: st.DrawFn) -> Case:
    """1–3 changes of any kind; about a third sealed again; one in ten with a damaged byte
    of the zip itself (a bad download)."""
    mutations = draw(
        st.lists(
            st.one_of(cell_mutations(), type_mutations(), part_mutations()), min_size=1, max_size=3
        )
    )
    seal = draw(st.integers(0, 2)) == 0
    flip = None
    if draw(st.integers(0, 9)) == 0:
        flip = (draw(st.integers(0, 1 << 20)), draw(st.integers(0, 255)))
    return Case(tuple(mutations), seal, flip)


# --- judging one file ------------------------------------------------------------------------


@dataclass
class Counts:
    accepted: int = 0
    refused: int = 0
    #: Files refused through the importer's last line of defence (reader faults), by reason.
    faults: int = 0


def fingerprint(register: Register) -> tuple[object, ...]:
    """The register's district data in a few numbers: a refused file must leave it alone."""
    with register.read() as s:
        return (
            s.scalar(select(func.count()).select_from(Entrepreneur)),
            s.scalar(select(func.group_concat(Entrepreneur.name))),
            s.scalar(select(func.count()).select_from(Sale)),
            s.scalar(select(func.sum(Sale.amount))),
            s.scalar(select(func.max(Sale.id))),
        )


_EMPTY_SHEET = (
    b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    b"<sheetData/></worksheet>"
)


def _well_formed(body: bytes) -> bool:
    if b"<!DOCTYPE" in body:
        return False
    try:
        ElementTree.fromstring(body)
    except ElementTree.ParseError:
        return False
    return True


def _sheets(data: bytes, base: bytes) -> dict[str, list[list[object]]]:
    """The cells of the meta, producers and sales sheets, read by openpyxl from the parts
    that can be read. The importer reads only the parts it needs, so a damaged part it does
    not need (the file's properties, its theme or styles, the summary sheet) is no reason to
    refuse a file; for reading such a file here, that part is taken from ``base``."""
    wanted = (spec.META_SHEET, spec.ENTREPRENEURS.name, spec.SALES.name)
    parts: Parts = {}
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        for name in z.namelist():
            try:
                parts[name] = z.read(name)
            except (zipfile.BadZipFile, OSError, ValueError):
                continue
    for name in list(parts):
        if name.startswith("docProps/"):
            del parts[name]
        elif name.startswith("xl/worksheets/") and not _well_formed(parts[name]):
            parts[name] = _EMPTY_SHEET
    for name, body in parts_of(base).items():
        if name.startswith("docProps/") or name.startswith("xl/worksheets/"):
            continue
        # The content types always: openpyxl finds the workbook through them, the importer
        # through the package's relationships.
        if name == "[Content_Types].xml" or name not in parts or not _well_formed(parts[name]):
            parts[name] = body
    with warnings.catch_warnings():
        # What openpyxl says of parts the importer does not read (defined names, styles).
        warnings.simplefilter("ignore")
        book = load_workbook(io.BytesIO(zipped(parts)), read_only=True)
    try:
        return {
            name: [list(row) for row in book[name].iter_rows(values_only=True)] for name in wanted
        }
    finally:
        book.close()


def written(data: bytes, base: bytes) -> tuple[str, Period, Decimal, set[str]]:
    """The district, month, sales total and producer names the file holds."""
    sheets = _sheets(data, base)
    meta = {str(row[0]): row[1] for row in sheets[spec.META_SHEET] if len(row) > 1}
    sales = Decimal("0.00")
    for row in sheets[spec.SALES.name][1:]:
        if len(row) > spec.SALES_AMOUNT_COLUMN and row[spec.SALES_AMOUNT_COLUMN] is not None:
            sales += Decimal(repr(row[spec.SALES_AMOUNT_COLUMN]))
    names = {
        clean_text(str(row[2]))
        for row in sheets[spec.ENTREPRENEURS.name][1:]
        if len(row) > 2 and row[2] is not None
    }
    return str(meta["district_code"]), Period.parse(str(meta["period"])), sales, names


def judge(
    register: Register,
    source: bytes,
    files: list[bytes],
    folder: Path,
    base: tuple[object, ...],
    counts: Counts,
) -> list[FileResult]:
    """Imports ``files`` (made from ``source``) in one run and checks the contract for each
    as its result comes (after its transaction): an accepted file is withdrawn at once, so
    that every file meets the register ``base``."""
    paths = []
    for i, data in enumerate(files):
        path = folder / f"case{i}" / "OTOP-5013-256810.xlsx"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        paths.append(path)
    by_path = dict(zip(paths, files, strict=True))

    def check(result: FileResult) -> None:
        if not result.accepted:
            counts.refused += 1
            assert result.reasons, "a refused file without a reason"
            for reason in result.reasons:
                assert reason.text_th.strip() and reason.text_en.strip()
                if FALLBACK in reason.text_en:
                    counts.faults += 1
            assert fingerprint(register) == base, "a refused file changed the register"
            return
        counts.accepted += 1
        try:
            _check_stored(register, by_path[result.path], source)
        finally:
            # Whatever the check found, the next file meets the same register.
            with register.read() as s:
                received = s.scalar(select(func.max(ReceivedSubmission.id)))
            withdraw(register, received_id=received)
        assert fingerprint(register) == base, "withdrawing did not bring the register back"

    return import_submissions(register, paths, on_result=check)


def _check_stored(register: Register, data: bytes, source: bytes) -> None:
    district, period, sales, names = written(data, source)
    with register.read() as s:
        stored = s.scalar(
            select(func.coalesce(func.sum(Sale.amount), 0))
            .join(Entrepreneur, Entrepreneur.id == Sale.entrepreneur_id)
            .where(Entrepreneur.district_code == district, Sale.period == period.key)
        )
        stored_names = set(
            s.scalars(select(Entrepreneur.name).where(Entrepreneur.district_code == district))
        )
    assert Decimal(stored) == sales, (stored, sales)
    assert stored_names == names, (stored_names, names)
