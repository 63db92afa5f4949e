"""Importing a clerk's old spreadsheet of producers and products (``.xlsx``, ``.xls``, CSV in
UTF-8 or cp874): read it, find its heading row, suggest a mapping of its columns, check every
row, and import all of them in one transaction or none."""

from __future__ import annotations

from pathlib import Path

from otop_desktop.legacy.headings import (
    TARGET_FIELDS,
    Mapping,
    Table,
    check_mapping,
    choose_table,
    load_mapping,
    mapping_json,
    suggest_mapping,
)
from otop_desktop.legacy.importing import ImportResult, RowsRefused, import_table, preview_table
from otop_desktop.legacy.reading import read_workbook
from otop_desktop.legacy.rows import Preview, Problem, Row

__all__ = [
    "TARGET_FIELDS",
    "ImportResult",
    "Mapping",
    "Preview",
    "Problem",
    "Row",
    "RowsRefused",
    "Table",
    "check_mapping",
    "import_table",
    "load_mapping",
    "mapping_json",
    "open_table",
    "preview_table",
    "suggest_mapping",
]


def open_table(path: str | Path) -> Table:
    """The sheet of ``path`` that holds the producers, as a table below its heading row."""
    workbook = read_workbook(path)
    return choose_table(workbook.path, workbook.sheets)
