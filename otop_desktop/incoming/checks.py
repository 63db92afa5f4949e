"""Checks any incoming file before a parser reads it: what kind of file its first bytes say
it is (an .xlsx, an old .xls, an OpenDocument or other zip, text), its size, and for an
.xlsx its zip directory (part count, each part's and the total's unpacked size, their
compression ratio — a zip bomb inflates a thousandfold) and its structure: the workbook's
sheets found through its relationships, as Excel finds them, whatever their parts are named.

Every XML part is read by one guarded parser (``xml_parser``): expat, streaming, with no
document type declaration (so no entity can expand: "billion laughs"), no nesting deeper
than a workbook's, and UTF-8 only, as Excel writes it."""

from __future__ import annotations

import enum
import posixpath
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, NoReturn
from xml.parsers import expat

from otop_desktop.errors import UserError
from otop_desktop.incoming.limits import Limits

# openpyxl's sheets deflate 10–30 times; a zip bomb deflates a thousand times and more. Small
# parts (a few kilobytes of repeated styles) may have any ratio: they cannot hurt.
MAX_RATIO = 200
RATIO_FROM_BYTES = 1024 * 1024
#: A worksheet nests some ten levels (worksheet, sheetData, row, c, is, r, t, extensions).
MAX_DEPTH = 64
#: The workbook's own parts (its sheet list, relationships, content types) are small.
MAX_STRUCTURE_BYTES = 8 * 1024 * 1024
CHUNK = 64 * 1024

MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_WORKSHEET = _REL_NS + "/worksheet"
_SHARED_STRINGS = _REL_NS + "/sharedStrings"
_STYLES = _REL_NS + "/styles"
_UTF8 = {"utf-8", "utf8"}
_OLE_MAGIC = b"\xd0\xcf\x11\xe0"


class UnsafeFile(UserError):
    """The file is not of a kind the importer reads, or not one it is safe to read."""


class Kind(enum.Enum):
    XLSX = "xlsx"
    XLS = "xls"
    #: An OpenDocument spreadsheet (.ods) or another office zip that is not an .xlsx.
    OTHER_ZIP = "zip"
    TEXT = "text"


def refuse(path: Path, why_th: str, why_en: str) -> UnsafeFile:
    return UnsafeFile(f"{path.name}: {why_th}", f"{path.name}: {why_en}")


def _mb(size: int) -> str:
    return f"{size / (1024 * 1024):,.0f} MB"


def file_kind(path: Path, limits: Limits) -> Kind:
    """The kind of ``path`` by its first bytes (old files are often renamed), after its size
    is checked."""
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(8)
    except OSError as exc:
        raise refuse(
            path,
            f"ไม่พบไฟล์หรือเปิดไม่ได้ ({exc.strerror})",
            f"no such file or no access ({exc.strerror})",
        ) from exc
    if size > limits.file_bytes:
        raise refuse(
            path,
            f"ไฟล์ใหญ่เกินไป ({_mb(size)} เกิน {_mb(limits.file_bytes)})",
            f"the file is too large ({_mb(size)}, over {_mb(limits.file_bytes)})",
        )
    if head.startswith(_OLE_MAGIC):
        return Kind.XLS
    if not head.startswith(b"PK"):
        return Kind.TEXT
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
        raise refuse(
            path,
            "ไฟล์เสียหาย (อ่านไฟล์ zip ภายในไม่ได้)",
            f"the file is damaged (its zip cannot be read: {exc})",
        ) from exc
    return Kind.XLSX if "[Content_Types].xml" in names else Kind.OTHER_ZIP


def save_as_xlsx(path: Path, kind: Kind, accepted_th: str, accepted_en: str) -> UnsafeFile:
    """The refusal of a file of a kind the importer does not read, saying what to do."""
    if kind is Kind.XLS:
        what_th, what_en = "เป็นไฟล์ Excel รุ่นเก่า (.xls)", "this is an old Excel file (.xls)"
    elif kind is Kind.OTHER_ZIP and _is_opendocument(path):
        what_th = "เป็นไฟล์ OpenDocument (.ods) ไม่ใช่ไฟล์ Excel"
        what_en = "this is an OpenDocument spreadsheet (.ods), not an Excel workbook"
    elif kind is Kind.OTHER_ZIP:
        what_th = "ไม่ใช่ไฟล์ Excel (.xlsx): ไม่มี [Content_Types].xml"
        what_en = "not an Excel workbook (.xlsx): [Content_Types].xml is missing"
    else:
        what_th, what_en = "ไม่ใช่ไฟล์ Excel (.xlsx)", "not an Excel workbook (.xlsx)"
    return refuse(
        path,
        f"{what_th} โปรแกรมนี้อ่าน{accepted_th} กรุณาเปิดไฟล์ใน Excel หรือ LibreOffice แล้ว"
        "บันทึกเป็น (Save As) แบบ Excel Workbook (.xlsx)",
        f"{what_en}; this program reads {accepted_en}: open it in Excel or LibreOffice and "
        "save it as an Excel Workbook (.xlsx)",
    )


def _is_opendocument(path: Path) -> bool:
    try:
        with zipfile.ZipFile(path) as archive:
            info = archive.getinfo("mimetype")
            if info.file_size > 200:
                return False
            return archive.read(info).startswith(b"application/vnd.oasis.opendocument")
    except (KeyError, zipfile.BadZipFile, OSError, EOFError, ValueError, zlib.error):
        return False


@dataclass(frozen=True)
class Package:
    """An .xlsx that passed the checks: its sheets in workbook order (name → zip part, found
    through the workbook's relationships), its shared-strings and styles parts, whether its
    dates count from 1904, and its total unpacked size."""

    path: Path
    sheets: dict[str, str]
    shared_strings: str | None
    styles: str | None
    date1904: bool
    unpacked_bytes: int


def check_xlsx(path: Path, limits: Limits) -> Package:
    """Refuses (UnsafeFile) a file that is not an .xlsx or could exhaust memory or time when
    read; otherwise its structure."""
    kind = file_kind(path, limits)
    if kind is not Kind.XLSX:
        raise save_as_xlsx(path, kind, "เฉพาะไฟล์ .xlsx", "only .xlsx workbooks")
    try:
        with zipfile.ZipFile(path) as archive:
            unpacked = _check_directory(path, archive, limits)
            return _structure(path, archive, unpacked)
    except (zipfile.BadZipFile, zlib.error, EOFError, ValueError, NotImplementedError) as exc:
        raise refuse(
            path,
            "ไฟล์เสียหาย (อ่านไฟล์ zip ภายในไม่ได้)",
            f"the file is damaged (its zip cannot be read: {exc})",
        ) from exc


def _check_directory(path: Path, archive: zipfile.ZipFile, limits: Limits) -> int:
    parts = archive.infolist()
    if len(parts) > limits.parts:
        raise refuse(
            path,
            f"มีส่วนประกอบภายในมากผิดปกติ ({len(parts):,} ส่วน)",
            f"it holds an unusual number of parts ({len(parts):,})",
        )
    total = 0
    for part in parts:
        total += part.file_size
        if part.file_size > limits.part_bytes or total > limits.unpacked_bytes:
            raise refuse(
                path,
                f"ข้อมูลภายในใหญ่เกินไปเมื่อคลายออก ({part.filename} {_mb(part.file_size)})",
                f"it inflates to too much data when unpacked ({part.filename}: "
                f"{_mb(part.file_size)}, {_mb(total)} so far)",
            )
        ratio = part.file_size / max(part.compress_size, 1)
        if part.file_size > RATIO_FROM_BYTES and ratio > MAX_RATIO:
            raise refuse(
                path,
                f"ข้อมูลภายในถูกบีบอัดผิดปกติ ({part.filename} ขยายได้ {ratio:,.0f} เท่า) "
                "อาจเป็นไฟล์อันตราย (zip bomb)",
                f"{part.filename} inflates {ratio:,.0f} times, which a workbook never does "
                "(a zip bomb?)",
            )
    if "xl/workbook.xml" not in {p.filename for p in parts}:
        raise refuse(
            path,
            "ไม่ใช่ไฟล์ Excel (.xlsx): ไม่มี xl/workbook.xml กรุณาบันทึกเป็นไฟล์ .xlsx",
            "not an Excel workbook (.xlsx): xl/workbook.xml is missing; save it as .xlsx",
        )
    return total


def _structure(path: Path, archive: zipfile.ZipFile, unpacked: int) -> Package:
    sheets: list[tuple[str, str]] = []
    date1904 = False

    def workbook(name: str, attrs: dict[str, str]) -> None:
        nonlocal date1904
        if name == f"{MAIN_NS}}}sheet":
            sheets.append((attrs.get("name", ""), attrs.get(f"{_REL_NS}}}id", "")))
        elif name == f"{MAIN_NS}}}workbookPr":
            date1904 = attrs.get("date1904", "").lower() in ("1", "true")

    targets: dict[str, tuple[str, str]] = {}

    def relationships(name: str, attrs: dict[str, str]) -> None:
        if name == f"{_PKG_REL_NS}}}Relationship":
            targets[attrs.get("Id", "")] = (attrs.get("Type", ""), attrs.get("Target", ""))

    names = set(archive.namelist())
    parse_small(path, archive, "[Content_Types].xml", lambda name, attrs: None)
    parse_small(path, archive, "xl/workbook.xml", workbook)
    if "xl/_rels/workbook.xml.rels" in names:
        parse_small(path, archive, "xl/_rels/workbook.xml.rels", relationships)
    parts: dict[str, str] = {}
    for sheet, rel_id in sheets:
        kind, target = targets.get(rel_id, ("", ""))
        if kind != _WORKSHEET:
            continue  # a chart sheet or a dialog sheet holds no cells
        part = _resolve(target)
        if part not in names:
            raise refuse(
                path,
                f"ไฟล์เสียหาย: ไม่มีส่วนข้อมูลของชีต “{sheet}” ({part})",
                f"the file is damaged: the part of the sheet “{sheet}” ({part}) is missing",
            )
        parts.setdefault(sheet, part)

    def one(kind: str) -> str | None:
        found = [_resolve(t) for k, t in targets.values() if k == kind]
        return found[0] if found and found[0] in names else None

    return Package(path, parts, one(_SHARED_STRINGS), one(_STYLES), date1904, unpacked)


def _resolve(target: str) -> str:
    """A relationship's target as a zip part name (targets are relative to ``xl/``, or
    absolute from the package's root)."""
    joined = target.lstrip("/") if target.startswith("/") else posixpath.join("xl", target)
    return posixpath.normpath(joined)


def parse_small(
    path: Path,
    archive: zipfile.ZipFile,
    part: str,
    on_start: Callable[[str, dict[str, str]], None],
) -> None:
    """Parses one of the workbook's structural parts, calling ``on_start`` for each element."""
    info = archive.getinfo(part)
    if info.file_size > MAX_STRUCTURE_BYTES:
        raise refuse(
            path,
            f"ส่วน {part} ใหญ่ผิดปกติ ({_mb(info.file_size)})",
            f"{part} is unusually large ({_mb(info.file_size)})",
        )
    depth = 0

    def start(name: str, attrs: dict[str, str]) -> None:
        nonlocal depth
        depth += 1
        if depth > MAX_DEPTH:
            raise too_deep(path, part)
        on_start(name, attrs)

    def end(_name: str) -> None:
        nonlocal depth
        depth -= 1

    parser = xml_parser(path, part)
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    with open_part(path, archive, part) as stream:
        for _ in fed(path, part, parser, stream):
            pass


def open_part(path: Path, archive: zipfile.ZipFile, part: str) -> IO[bytes]:
    """The part's stream; a part zipfile cannot open (a damaged local header, a password, an
    unknown compression) refuses the file."""
    try:
        return archive.open(part)
    except (KeyError, zipfile.BadZipFile, NotImplementedError, RuntimeError, OSError) as exc:
        raise refuse(
            path,
            f"ไฟล์เสียหายหรือมีรหัสผ่าน เปิดส่วน {part} ไม่ได้",
            f"the file is damaged or has a password; {part} cannot be opened ({exc})",
        ) from exc


def too_deep(path: Path, part: str) -> UnsafeFile:
    return refuse(
        path,
        f"ส่วน {part} ซ้อนกันลึกผิดปกติ (เกิน {MAX_DEPTH} ชั้น) อาจเป็นไฟล์อันตราย",
        f"{part} nests deeper than {MAX_DEPTH} levels, which a workbook never does (an XML bomb?)",
    )


def xml_parser(path: Path, part: str) -> expat.XMLParserType:
    """A namespace-aware expat parser (names as ``namespace}local``) that refuses any
    document type declaration — no entity can be declared, so none can expand — and any
    declared encoding but UTF-8."""

    def declaration(*_args: object) -> NoReturn:
        raise refuse(
            path,
            f"ส่วน {part} มีการประกาศ DOCTYPE/ENTITY ซึ่ง Excel ไม่เขียน (อาจเป็นไฟล์อันตราย)",
            f"{part} holds a DOCTYPE or ENTITY declaration, which Excel never writes "
            "(an XML bomb?)",
        )

    def xml_declaration(_version: str, encoding: str | None, _standalone: int) -> None:
        if encoding and encoding.lower() not in _UTF8:
            raise not_utf8(path, part, encoding)

    parser = expat.ParserCreate(namespace_separator="}")
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.StartDoctypeDeclHandler = declaration
    parser.EntityDeclHandler = declaration
    parser.ExternalEntityRefHandler = declaration
    parser.XmlDeclHandler = xml_declaration
    parser.buffer_text = True
    parser.buffer_size = CHUNK
    return parser


def not_utf8(path: Path, part: str, declared: str | None = None) -> UnsafeFile:
    how = f"is declared in {declared}," if declared else "is not encoded in UTF-8,"
    return refuse(
        path,
        f"ส่วน {part} ไม่ได้เข้ารหัสแบบ UTF-8 ตามที่ Excel เขียน",
        f"{part} {how} not UTF-8 as Excel writes it",
    )


def fed(path: Path, part: str, parser: expat.XMLParserType, stream: IO[bytes]) -> Iterator[None]:
    """Feeds ``stream`` to ``parser`` a chunk at a time, yielding after each, so that what
    the handlers gathered is taken (and limits are kept) while the part streams."""
    first = True
    while True:
        try:
            chunk = stream.read(CHUNK)
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError) as exc:
            raise refuse(
                path,
                f"ไฟล์เสียหาย อ่านส่วน {part} ไม่ได้",
                f"the file is damaged; {part} cannot be read ({exc})",
            ) from exc
        if first and (chunk[:2] in (b"\xff\xfe", b"\xfe\xff") or b"\x00" in chunk[:4]):
            raise not_utf8(path, part)
        first = False
        try:
            parser.Parse(chunk, not chunk)
        except expat.ExpatError as exc:
            raise refuse(
                path,
                f"ไฟล์เสียหาย: ส่วน {part} ไม่ใช่ XML ที่ถูกต้อง (บรรทัด {exc.lineno})",
                f"the file is damaged: {part} is not well-formed XML "
                f"({expat.errors.messages[exc.code]}, line {exc.lineno})",
            ) from exc
        yield
        if not chunk:
            return
