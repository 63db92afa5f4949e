"""Checks a workbook file before any XML parser sees it. A workbook is a zip of XML parts, and
both can be made to explode: a zip part that inflates a thousandfold, a sheet of a gigabyte in
a file of a megabyte, entity declarations that expand to gigabytes ("billion laughs"). So the
zip's directory is checked first (part count, each part's and the total's uncompressed size,
their compression ratio), then every part is streamed once through zlib — never held whole —
to refuse document type declarations and to find merged cells, which openpyxl's read-only
mode does not report. openpyxl itself parses through defusedxml as a second guard."""

from __future__ import annotations

import re
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

import openpyxl
from openpyxl.xml import functions as openpyxl_xml

from otop_desktop.errors import UserError

# A district's month of 200,000 rows writes sheet parts of about 120 MB and a shared-string
# part of about 60 MB; these limits leave room for that and refuse anything far beyond it.
MAX_FILE_BYTES = 256 * 1024 * 1024
MAX_PARTS = 1_000
MAX_PART_BYTES = 512 * 1024 * 1024
MAX_TOTAL_BYTES = 1024 * 1024 * 1024
# openpyxl's sheets deflate 10–30 times; a zip bomb deflates a thousand times and more. Small
# parts (a few kilobytes of repeated styles) may have any ratio: they cannot hurt.
MAX_RATIO = 200
RATIO_FROM_BYTES = 1024 * 1024

REQUIRED_PARTS = ("[Content_Types].xml", "xl/workbook.xml")
_CHUNK = 1024 * 1024
# A worksheet nests some ten levels (worksheet, sheetData, row, c, is, r, t, extensions).
MAX_DEPTH = 64
_DEPTH_BLOCK = 4096
_DECLARATION = re.compile(rb"<!(?:DOCTYPE|ENTITY)")
_MERGE_CELL = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?mergeCell\b[^>]*?\bref=\"([A-Z0-9:$]{1,40})\"")
_XML_ENCODING = re.compile(rb"^<\?xml[^>]*encoding=[\"']([A-Za-z0-9_.-]+)[\"']")
_UTF8 = {b"utf-8", b"utf8"}


class UnsafeWorkbook(UserError):
    """The file is not a workbook, or not one it is safe to open."""


@dataclass(frozen=True)
class CheckedWorkbook:
    """A workbook that passed the checks: its merged cells by zip part name (e.g.
    ``xl/worksheets/sheet3.xml`` → ``("A2:B2",)``) and its total uncompressed size."""

    path: Path
    merged: dict[str, tuple[str, ...]] = field(default_factory=dict)
    uncompressed_bytes: int = 0


def _mb(size: int) -> str:
    return f"{size / (1024 * 1024):,.0f} MB"


def _refuse(path: Path, why_th: str, why_en: str) -> UnsafeWorkbook:
    return UnsafeWorkbook(f"{path.name}: {why_th}", f"{path.name}: {why_en}")


def require_defusedxml() -> None:
    """openpyxl parses with defusedxml only when it is installed and not switched off by the
    environment (OPENPYXL_DEFUSEDXML=False); refuse to read workbooks otherwise."""
    parsing_module = getattr(openpyxl_xml.iterparse, "__module__", "")
    if not (openpyxl.DEFUSEDXML and parsing_module.startswith("defusedxml")):
        raise UserError(
            "โปรแกรมติดตั้งไม่ครบ (ขาด defusedxml) จึงเปิดไฟล์ Excel จากภายนอกอย่างปลอดภัยไม่ได้",
            "The program is incompletely installed (openpyxl is not using defusedxml), so it "
            "cannot open outside workbooks safely",
        )


def check_workbook(path: Path) -> CheckedWorkbook:
    """Refuses (UnsafeWorkbook) a file that is not an .xlsx zip or could exhaust memory or
    time when parsed; otherwise returns what the scan found."""
    require_defusedxml()
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(8)
    except OSError as exc:
        raise _refuse(
            path, f"เปิดไฟล์ไม่ได้ ({exc.strerror})", f"cannot open ({exc.strerror})"
        ) from exc
    if size > MAX_FILE_BYTES:
        raise _refuse(
            path,
            f"ไฟล์ใหญ่เกินไป ({_mb(size)} เกิน {_mb(MAX_FILE_BYTES)})",
            f"the file is too large ({_mb(size)}, over {_mb(MAX_FILE_BYTES)})",
        )
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise _refuse(
            path,
            "เป็นไฟล์ Excel รุ่นเก่า (.xls) ไม่ใช่แบบฟอร์มส่งรายเดือน (.xlsx)",
            "this is an old Excel file (.xls), not a monthly submission workbook (.xlsx)",
        )
    if not head.startswith(b"PK"):
        raise _refuse(path, "ไม่ใช่ไฟล์ Excel (.xlsx)", "not an Excel workbook (.xlsx)")
    try:
        with zipfile.ZipFile(path) as archive:
            return _check_archive(path, archive)
    except (zipfile.BadZipFile, zlib.error, EOFError, ValueError, NotImplementedError) as exc:
        raise _refuse(
            path,
            "ไฟล์เสียหาย (อ่านไฟล์ zip ภายในไม่ได้)",
            f"the file is damaged (its zip cannot be read: {exc})",
        ) from exc


def _check_archive(path: Path, archive: zipfile.ZipFile) -> CheckedWorkbook:
    parts = archive.infolist()
    if len(parts) > MAX_PARTS:
        raise _refuse(
            path,
            f"มีส่วนประกอบภายในมากผิดปกติ ({len(parts):,} ส่วน)",
            f"it holds an unusual number of parts ({len(parts):,})",
        )
    names = {p.filename for p in parts}
    if missing := [n for n in REQUIRED_PARTS if n not in names]:
        raise _refuse(
            path,
            f"ไม่ใช่ไฟล์ Excel (.xlsx): ไม่มี {', '.join(missing)}",
            f"not an Excel workbook (.xlsx): {', '.join(missing)} is missing",
        )
    total = 0
    for part in parts:
        total += part.file_size
        if part.file_size > MAX_PART_BYTES or total > MAX_TOTAL_BYTES:
            raise _refuse(
                path,
                f"ข้อมูลภายในใหญ่เกินไปเมื่อคลายออก ({part.filename} {_mb(part.file_size)})",
                f"it inflates to too much data ({part.filename}: {_mb(part.file_size)}, "
                f"{_mb(total)} so far)",
            )
        ratio = part.file_size / max(part.compress_size, 1)
        if part.file_size > RATIO_FROM_BYTES and ratio > MAX_RATIO:
            raise _refuse(
                path,
                f"ข้อมูลภายในถูกบีบอัดผิดปกติ ({part.filename} ขยายได้ {ratio:,.0f} เท่า) "
                "อาจเป็นไฟล์อันตราย (zip bomb)",
                f"{part.filename} inflates {ratio:,.0f} times, which a workbook never does "
                "(a zip bomb?)",
            )
    merged: dict[str, tuple[str, ...]] = {}
    for part in parts:
        if part.filename.endswith((".xml", ".rels")):
            with archive.open(part) as stream:
                refs = _scan_xml(path, part.filename, stream)
            if refs:
                merged[part.filename] = refs
    return CheckedWorkbook(path, merged, total)


def _scan_xml(path: Path, name: str, stream: IO[bytes]) -> tuple[str, ...]:
    """Streams one XML part: refuses other encodings than UTF-8 (a byte scan could not see
    into them), any DOCTYPE or ENTITY declaration and nesting deeper than MAX_DEPTH;
    returns the merged cells' ranges."""
    first = stream.read(_CHUNK)
    if first[:2] in (b"\xff\xfe", b"\xfe\xff") or b"\x00" in first[:4]:
        raise _refuse(
            path,
            f"ส่วน {name} ไม่ได้เข้ารหัสแบบ UTF-8 ตามที่ Excel เขียน",
            f"{name} is not encoded in UTF-8 as Excel writes it",
        )
    declared = _XML_ENCODING.match(first.removeprefix(b"\xef\xbb\xbf"))
    if declared and declared.group(1).lower() not in _UTF8:
        raise _refuse(
            path,
            f"ส่วน {name} ไม่ได้เข้ารหัสแบบ UTF-8 ตามที่ Excel เขียน",
            f"{name} is declared in {declared.group(1).decode()}, not UTF-8 as Excel writes it",
        )
    scan = _Scan(path, name)
    carry = b""
    chunk = first
    while chunk:
        buffer = carry + chunk
        # Cut just before a tag, so that no tag, declaration or merged-cell element is ever
        # split between two pieces (none holds a "<" inside).
        cut = buffer.rfind(b"<")
        if cut <= 0:
            cut = len(buffer) if len(buffer) > 2 * _CHUNK else 0
        scan.piece(buffer[:cut])
        carry = buffer[cut:]
        chunk = stream.read(_CHUNK)
    scan.piece(carry)
    return tuple(scan.merged)


class _Scan:
    """What one part's pieces have shown so far."""

    def __init__(self, path: Path, name: str) -> None:
        self.path = path
        self.name = name
        self.depth = 0
        self.merged: list[str] = []

    def piece(self, data: bytes) -> None:
        if not data:
            return
        if _DECLARATION.search(data):
            raise _refuse(
                self.path,
                f"ส่วน {self.name} มีการประกาศ DOCTYPE/ENTITY ซึ่ง Excel ไม่เขียน (อาจเป็นไฟล์อันตราย)",
                f"{self.name} holds a DOCTYPE or ENTITY declaration, which Excel never writes "
                "(an XML bomb?)",
            )
        if b"mergeCell" in data:
            self.merged += [m.group(1).decode("ascii") for m in _MERGE_CELL.finditer(data)]
        start = 0
        while start < len(data):
            end = data.find(b"<", start + _DEPTH_BLOCK)
            end = len(data) if end < 0 else end
            self._nest(data[start:end])
            start = end

    def _nest(self, block: bytes) -> None:
        """Follows the nesting depth from block to block by counting tags (in C, not per
        element): opening tags less closing and self-closing ones. Nesting that opens and
        closes within one block stays unseen, but that is at most a few hundred levels."""
        closing = block.count(b"</")
        opening = block.count(b"<") - closing - block.count(b"<?") - block.count(b"<!")
        self.depth += opening - closing - block.count(b"/>")
        if self.depth > MAX_DEPTH:
            raise _refuse(
                self.path,
                f"ส่วน {self.name} ซ้อนกันลึกผิดปกติ (เกิน {MAX_DEPTH} ชั้น) อาจเป็นไฟล์อันตราย",
                f"{self.name} nests deeper than {MAX_DEPTH} levels, which a workbook never "
                "does (an XML bomb?)",
            )
