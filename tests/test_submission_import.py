"""The province imports district workbooks: what it stores, what a later or an older file
does, importing again, the warnings it keeps, and every rule that refuses a file (each
leaving the register as it was)."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from otop_desktop.cli import main
from otop_desktop.domain import OfficeKind
from otop_desktop.errors import UserError
from otop_desktop.models import (
    DigitalReadiness,
    DistrictKey,
    Entrepreneur,
    Grant,
    Household,
    HouseholdSkill,
    Product,
    ProductStandard,
    ReceivedSubmission,
    Sale,
    StarRating,
    Training,
    TrainingParticipant,
)
from otop_desktop.search import search_mask
from otop_desktop.services import status_history
from otop_desktop.services.entrepreneurs import create_entrepreneur
from otop_desktop.services.listing import (
    EntrepreneurFilter,
    ProductFilter,
    list_entrepreneurs,
    list_products,
)
from otop_desktop.services.office import init_register
from otop_desktop.submission import spec
from otop_desktop.submission.province_import import FileResult, import_submissions
from tests.conftest import db_of, person
from tests.submission_files import (
    NOV,
    OCT,
    SEP,
    copy_as,
    district_register,
    edited,
    export,
    set_meta,
)

TABLES = (
    Entrepreneur,
    Product,
    ProductStandard,
    StarRating,
    DigitalReadiness,
    Sale,
    Household,
    HouseholdSkill,
    Training,
    TrainingParticipant,
    Grant,
    ReceivedSubmission,
    DistrictKey,
)


@pytest.fixture(scope="module")
def files(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("district")
    with district_register(folder) as register:
        key = register.office().signing_public_key
        out = {
            "sep": export(register, SEP, folder / "sep"),
            "oct": export(register, OCT, folder / "oct"),
            "nov": export(register, NOV, folder / "nov"),
        }
    (folder / "key").write_text(key)
    out["key"] = folder / "key"
    return out


def one(register, path: Path, **kwargs: object) -> FileResult:
    (result,) = import_submissions(register, [path], **kwargs)
    return result


def snapshot(register) -> dict[str, object]:
    """Every table's rows (without the import's own timestamps), to compare before/after."""
    found: dict[str, object] = {}
    with register.read() as s:
        for model in TABLES:
            columns = [
                c
                for c in model.__table__.columns
                # search_pos: the place in list order the register gives a record itself.
                if c.name not in ("created_at", "updated_at", "imported_at", "id", "search_pos")
            ]
            found[model.__tablename__] = sorted(map(repr, s.execute(select(*columns)).all()))
    return found


def month_total(register, period) -> Decimal:
    with register.read() as s:
        rows = s.scalars(select(Sale.amount).where(Sale.period == period.key)).all()
    return sum(rows, Decimal("0.00"))


def reasons_of(result: FileResult) -> list[str]:
    assert not result.accepted
    return [r.text_en for r in result.reasons]


# --- what an accepted file stores -------------------------------------------------------


def test_a_district_month_is_stored_whole(province_register, files) -> None:
    result = one(province_register, files["oct"])
    assert result.accepted, reasons_of(result)
    assert (result.district_code, result.period, result.snapshot) == ("5013", OCT, True)
    assert not result.replaced
    with province_register.read() as s:
        weaver = s.scalars(select(Entrepreneur).where(Entrepreneur.name.startswith("="))).one()
        assert weaver.name == "=กลุ่มทอผ้า+ฝ้าย"
        assert (weaver.district_code, weaver.subdistrict_code) == ("5013", "501301")
        assert weaver.readiness is not None and weaver.readiness.level == 2
        silk = next(p for p in weaver.products if p.name == "ผ้าไหมยกดอก")
        assert (silk.price, silk.soft_power, silk.current_stars) == (
            Decimal("1250.50"),
            "Fashion",
            5,
        )
        assert sorted(x.standard for x in silk.standards) == ["มผช.", "อย."]
        assert [(r.year_be, r.stars) for r in silk.ratings] == [(2567, 5)]
        figures = s.execute(
            select(Product.code, Sale.amount, Sale.online_amount)
            .outerjoin(Product, Product.id == Sale.product_id)
            .where(Sale.period == OCT.key)
            .order_by(Sale.amount)
        ).all()
        assert [tuple(f[1:]) for f in figures] == [
            (Decimal("0.60"), Decimal("0.00")),
            (Decimal("9000.00"), Decimal("0.00")),
            (Decimal("24691.00"), Decimal("100.25")),
        ]
        assert figures[1][0] is None  # the whole-business row
        household = s.scalars(select(Household).where(Household.moo == 3)).one()
        assert [(k.skill, k.industry, k.level, k.training_wanted) for k in household.skills] == [
            ("ทอผ้าตีนจก", "แฟชั่น", "ชำนาญ", "ย้อมสีธรรมชาติ"),
            ("ทำขนมจีน", "อาหาร", "เริ่มต้น", ""),
        ]
        assert s.scalar(select(func.count()).select_from(Household)) == 2
        training = s.scalars(select(Training)).one()
        assert (training.topic, training.budget, len(training.participants)) == (
            "การตลาดออนไลน์",
            Decimal("1000.01"),
            2,
        )
        grant = s.scalars(select(Grant)).one()
        assert (grant.amount, grant.purpose, grant.funder) == (
            Decimal("5000.00"),
            "เครื่องบรรจุ",
            "อบต.",
        )
        received = s.scalars(select(ReceivedSubmission)).one()
        assert (received.district_code, received.period, received.sales_total) == (
            "5013",
            OCT.key,
            Decimal("33691.60"),
        )
        assert received.file_name == "OTOP-5013-256810.xlsx"
        assert received.rows_products == 3 and received.rows_households == 3
        key = s.get(DistrictKey, "5013")
        assert key is not None and key.public_key == files["key"].read_text()
        assert key.period == OCT.key
    with province_register.read() as s:
        # The search index knows the new records.
        found = list_entrepreneurs(s, EntrepreneurFilter(query="น้ำพริก"))
        assert [e.name for e in found] == ["ร้านน้ำพริกแม่ศรี"]
        assert [p.name for p in list_products(s, ProductFilter(query="ไหมยก"))] == ["ผ้าไหมยกดอก"]


def test_imported_businesses_have_a_status_history(province_register, files) -> None:
    """Workbook rows do not go through the entrepreneur services: the import brings the
    status history in step (registration, then the status the district reports)."""
    assert one(province_register, files["oct"]).accepted
    with province_register.read() as s:
        for entrepreneur in s.scalars(select(Entrepreneur)):
            entries = status_history.history(s, entrepreneur.id)
            assert entries[0].changed_on == entrepreneur.registered_on
            assert entries[-1].status == entrepreneur.status


def test_importing_the_same_file_again_changes_no_figure(province_register, files) -> None:
    assert one(province_register, files["oct"]).accepted
    before = snapshot(province_register)
    again = one(province_register, files["oct"])
    assert again.accepted and again.replaced
    after = snapshot(province_register)
    for table, rows in before.items():
        if table != "received_submissions":
            assert after[table] == rows, table
    with province_register.read() as s:
        assert s.scalar(select(func.count()).select_from(ReceivedSubmission)) == 2


def test_a_later_file_of_the_same_month_replaces_the_earlier(
    province_register, files, tmp_path
) -> None:
    assert one(province_register, files["oct"]).accepted

    def correct(book) -> None:
        ws = book[spec.SALES.name]
        ws.cell(2, 4).value = 7000  # the first row's amount
        ws.delete_rows(3)  # and a sale withdrawn

    later = edited(files["oct"], correct, tmp_path / "OTOP-5013-256810.xlsx")
    result = one(province_register, later)
    assert result.accepted, reasons_of(result)
    assert result.replaced
    with province_register.read() as s:
        amounts = sorted(s.scalars(select(Sale.amount).where(Sale.period == OCT.key)))
    assert len(amounts) == 2 and Decimal("7000.00") in amounts


def test_a_renamed_producer_is_found_by_short_searches_too(
    province_register, files, tmp_path
) -> None:
    assert one(province_register, files["oct"]).accepted

    def rename(book) -> None:
        book[spec.ENTREPRENEURS.name].cell(2, 3).value = "ร้านฬาฬิกาทอง"

    later = edited(files["oct"], rename, tmp_path / "OTOP-5013-256810.xlsx")
    assert one(province_register, later).accepted
    with province_register.read() as s:
        # The rows are written with Core: the character mask must follow the new name.
        for text, mask in s.execute(select(Entrepreneur.search_text, Entrepreneur.search_mask)):
            assert mask == search_mask(text)
        assert [e.name for e in list_entrepreneurs(s, EntrepreneurFilter(query="ฬ"))] == [
            "ร้านฬาฬิกาทอง"
        ]


def test_an_older_month_sent_late_keeps_the_newer_register(
    province_register, files, tmp_path
) -> None:
    assert one(province_register, files["nov"]).accepted

    def rename(book) -> None:
        book[spec.ENTREPRENEURS.name].cell(3, 3).value = "ชื่อเก่าเมื่อเดือนกันยายน"

    late = edited(files["sep"], rename, tmp_path / "OTOP-5013-256809.xlsx")
    result = one(province_register, late)
    assert result.accepted, reasons_of(result)
    assert not result.snapshot
    with province_register.read() as s:
        names = set(s.scalars(select(Entrepreneur.name)))
        assert "ชื่อเก่าเมื่อเดือนกันยายน" not in names
        assert s.get(DistrictKey, "5013").period == NOV.key
    assert month_total(province_register, SEP) == Decimal("16845.80")
    assert month_total(province_register, NOV) == Decimal("50537.40")


def test_a_producer_gone_from_a_newer_file_is_gone_from_the_province(
    province_register, files, tmp_path
) -> None:
    assert one(province_register, files["oct"]).accepted

    def drop_cook(book) -> None:
        cook = book[spec.ENTREPRENEURS.name].cell(3, 1).value
        for sheet, column in ((spec.ENTREPRENEURS, 1), (spec.PRODUCTS, 2), (spec.SALES, 1)):
            ws = book[sheet.name]
            for row in range(ws.max_row, 1, -1):
                if ws.cell(row, column).value == cook:
                    ws.delete_rows(row)
        ws = book[spec.SUPPORT.name]
        for row in range(ws.max_row, 1, -1):
            if ws.cell(row, 1).value == cook:
                ws.delete_rows(row)

    newer = edited(files["nov"], drop_cook, tmp_path / "OTOP-5013-256811.xlsx")
    assert one(province_register, newer).accepted
    with province_register.read() as s:
        assert list(s.scalars(select(Entrepreneur.name))) == ["=กลุ่มทอผ้า+ฝ้าย"]
        assert not list_products(s, ProductFilter(query="น้ำพริก"))
        # Its October sales went with it, as they did in the district's register.
        assert s.scalar(select(func.count()).where(Sale.period == OCT.key)) == 2


def test_a_dry_run_checks_everything_and_keeps_nothing(province_register, files) -> None:
    result = one(province_register, files["oct"], dry_run=True)
    assert result.accepted
    assert all(rows == [] for rows in snapshot(province_register).values())


def test_progress_is_reported_and_may_cancel_between_files(province_register, files) -> None:
    seen: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> None:
        seen.append((done, total))
        if done == 1:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        import_submissions(province_register, [files["oct"], files["nov"]], progress)
    assert seen == [(0, 2), (1, 2)]
    with province_register.read() as s:
        assert s.scalar(select(func.count()).select_from(ReceivedSubmission)) == 1


# --- warnings ---------------------------------------------------------------------------


def test_a_file_name_that_disagrees_with_the_metadata_is_a_warning(
    province_register, files, tmp_path
) -> None:
    renamed = copy_as(files["oct"], tmp_path, "ตุลาคม สันกำแพง.xlsx")
    result = one(province_register, renamed)
    assert result.accepted
    assert any("OTOP-5013-256810.xlsx" in w.text_en for w in result.warnings)
    with province_register.read() as s:
        stored = json.loads(s.scalars(select(ReceivedSubmission.warnings)).one())
    assert any("OTOP-5013-256810.xlsx" in w["th"] for w in stored)


def test_a_citizen_id_in_two_districts_is_flagged(province_register, files, tmp_path) -> None:
    shared = load_workbook(files["oct"])[spec.ENTREPRENEURS.name].cell(2, 5).value
    with init_register(tmp_path / "mueang.sqlite3", OfficeKind.DISTRICT, "5001") as other:
        with other.write() as s:
            create_entrepreneur(s, person(national_id=shared, subdistrict_code="500101"))
        mueang = export(other, OCT, tmp_path / "mueang")
    assert not one(province_register, files["oct"]).warnings
    result = one(province_register, mueang)
    assert result.accepted
    flagged = [w.text_en for w in result.warnings if shared in w.text_en]
    assert flagged and "5013" in flagged[0]


def test_an_abolished_subdistrict_is_flagged_not_refused(
    province_register, files, tmp_path
) -> None:
    def move(book) -> None:
        book[spec.ENTREPRENEURS.name].cell(2, 8).value = "501307"  # ออนเหนือ, abolished

    result = one(province_register, edited(files["oct"], move, tmp_path / "OTOP-5013-256810.xlsx"))
    assert result.accepted, reasons_of(result)
    assert any("501307" in w.text_en and "abolished" in w.text_en for w in result.warnings)


# --- refusals: each leaves the register as it was ----------------------------------------


def _set(sheet: spec.DataSheet | str, row: int, column: int, value: object):
    name = sheet if isinstance(sheet, str) else sheet.name

    def edit(book) -> None:
        book[name].cell(row, column).value = value

    return edit


def _delete_sheet(book) -> None:
    del book[spec.SALES.name]


def _merge(book) -> None:
    book[spec.PRODUCTS.name].merge_cells("C2:D2")


def _formula(book) -> None:
    book[spec.PRODUCTS.name].cell(2, 8).value = "=1000+250.5"


def _text_cell(sheet: spec.DataSheet, row: int, column: int, text: str):
    def edit(book) -> None:
        cell = book[sheet.name].cell(row, column)
        cell.value = text
        cell.data_type = "s"

    return edit


REFUSALS = [
    pytest.param(_delete_sheet, False, "the sheet “ยอดจำหน่าย” is missing", id="missing-sheet"),
    pytest.param(
        _set(spec.PRODUCTS, 1, 8, "ราคา"),
        True,
        "sheet “ผลิตภัณฑ์”, row 1, column H: the header must be “ราคา (บาท)”",
        id="missing-column",
    ),
    pytest.param(
        _set(spec.ENTREPRENEURS, 1, 13, None),
        True,
        "column M: the header must be “ระดับความพร้อมดิจิทัล” (found empty)",
        id="column-cut",
    ),
    pytest.param(
        _formula, True, "row 2, column H (ราคา (บาท)): the cell is a formula", id="formula"
    ),
    pytest.param(_merge, True, "cells C2:D2 are merged", id="merged"),
    pytest.param(
        _set(spec.ENTREPRENEURS, 2, 1, "5013-67-0001"),
        True,
        "column A (รหัสทะเบียน): “5013-67-0001” is not a registration number",
        id="registration-number",
    ),
    pytest.param(
        _set(spec.ENTREPRENEURS, 2, 1, "5001-2567-0001"),
        True,
        "the registration number 5001-2567-0001 is not of district 5013",
        id="other-district-prefix",
    ),
    pytest.param(
        _set(spec.PRODUCTS, 2, 1, "5013-2567-0001-X01"),
        True,
        "“5013-2567-0001-X01” is not a product code",
        id="product-code",
    ),
    pytest.param(
        _set(spec.PRODUCTS, 2, 1, "5013-2567-0002-P09"),
        True,
        "the product code 5013-2567-0002-P09 does not belong to 5013-2567-0001",
        id="product-of-another-producer",
    ),
    pytest.param(
        _set(spec.HOUSEHOLDS, 2, 1, "501301-3-0001"),
        True,
        "“501301-3-0001” is not a household code",
        id="household-code",
    ),
    pytest.param(
        _set(spec.ENTREPRENEURS, 2, 8, "509999"),
        True,
        "column H (รหัสตำบล): there is no subdistrict 509999",
        id="subdistrict",
    ),
    pytest.param(
        _set(spec.HOUSEHOLDS, 2, 4, "500101"),
        True,
        "the subdistrict 500101 (Si Phum) is not in district 5013",
        id="subdistrict-of-another-district",
    ),
    pytest.param(
        _set(spec.ENTREPRENEURS, 2, 5, "1101700203452"),
        True,
        "column E (เลขประจำตัว): the ID 1101700203452 is not valid (its check digit should be 0)",
        id="citizen-id-check-digit",
    ),
    pytest.param(
        _set(spec.ENTREPRENEURS, 2, 7, "3"),
        True,
        "column G (หมู่ที่): must be a whole number (found text “3”)",
        id="text-for-a-number",
    ),
    pytest.param(
        _set(spec.PRODUCTS, 2, 8, "1,250.50"),
        True,
        "column H (ราคา (บาท)): must be an amount (a number) (found text “1,250.50”)",
        id="text-for-money",
    ),
    pytest.param(
        _set(spec.PRODUCTS, 2, 8, 1250.555),
        True,
        "must be an amount (a number) (found a number with over two decimals “1250.555”)",
        id="money-with-three-decimals",
    ),
    pytest.param(
        _text_cell(spec.SUPPORT, 2, 3, "15/10/2568"),
        True,
        "column C (วันที่): must be an Excel date (found text “15/10/2568”)",
        id="text-for-a-date",
    ),
    pytest.param(
        _set(spec.ENTREPRENEURS, 2, 2, 2),
        True,
        "column B (ประเภทผู้ผลิต): must be a text cell (found a number “2”)",
        id="number-for-text",
    ),
    pytest.param(
        _set(spec.SALES, 2, 3, "2568-09"),
        True,
        "the period 2568-09 is not the file's (2568-10)",
        id="sales-of-another-month",
    ),
    pytest.param(
        _set(spec.SALES, 2, 1, "5013-2567-0099"),
        True,
        "the registration number 5013-2567-0099 is not in the sheet “ผู้ประกอบการ”",
        id="sale-of-an-unknown-producer",
    ),
    pytest.param(
        _set(spec.META_SHEET, 1, 2, "2"),
        True,
        "the file is format 2 (written by OTOP Desktop",
        id="unknown-format-version",
    ),
    pytest.param(
        _set(spec.META_SHEET, 3, 2, "1001"),
        True,
        "the district 1001 (Phra Nakhon) is not in this province (50)",
        id="district-of-another-province",
    ),
    pytest.param(
        _set(spec.META_SHEET, 3, 2, "5099"),
        True,
        "there is no district with the code 5099",
        id="unknown-district",
    ),
    pytest.param(
        _set(spec.META_SHEET, 1, 1, "formatversion"),
        True,
        "there is no format_version: not a monthly submission workbook",
        id="missing-metadata",
    ),
    pytest.param(
        _set(spec.ENTREPRENEURS, 2, 3, "แก้ชื่อหลังส่งออก"),
        False,
        "the sha256 does not match the data",
        id="sha256",
    ),
    pytest.param(
        lambda book: set_meta(book, "rows_products", 4),
        False,
        "rows_products says 4 rows but the sheet “ผลิตภัณฑ์” holds 3",
        id="count",
    ),
    pytest.param(
        lambda book: set_meta(book, "sales_total", "33691.61"),
        False,
        "sales_total says 33691.61 but the sheet “ยอดจำหน่าย” adds up to 33691.60",
        id="total",
    ),
    pytest.param(
        _set(spec.SALES, 6, 4, 100),
        False,
        "sheet “ยอดจำหน่าย”, row 6: a blank row inside the data (row 5)",
        id="blank-row-inside",
    ),
]


@pytest.mark.parametrize(("edit", "seal", "expected"), REFUSALS)
def test_a_file_breaking_a_rule_is_refused_and_changes_nothing(
    province_register, files, tmp_path, edit, seal, expected
) -> None:
    assert one(province_register, files["oct"]).accepted
    before = snapshot(province_register)
    bad = edited(files["oct"], edit, tmp_path / "OTOP-5013-256810.xlsx", seal=seal)
    result = one(province_register, bad)
    assert not result.accepted
    assert any(expected in r for r in reasons_of(result)), reasons_of(result)
    assert all(r.text_th for r in result.reasons)
    assert snapshot(province_register) == before


def test_the_other_files_are_still_read_and_the_command_exits_2(
    province_register, files, tmp_path, capsys
) -> None:
    broken = tmp_path / "OTOP-5013-256809.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    db = db_of(province_register)
    assert main(["import", "submission", "--db", db, str(broken), str(files["oct"])]) == 2
    out, err = capsys.readouterr()
    assert "rejected: " in err and "damaged" in err
    assert "accepted: " in out and "OTOP-5013-256810.xlsx" in out
    assert month_total(province_register, OCT) == Decimal("33691.60")
    assert main(["import", "submission", "--db", db, str(files["nov"]), "--dry-run"]) == 0
    assert "nothing was changed" in capsys.readouterr().out
    assert month_total(province_register, NOV) == Decimal("0.00")


def test_a_district_register_cannot_import_submissions(register, files) -> None:
    with pytest.raises(UserError, match="province register"):
        import_submissions(register, [files["oct"]])


def test_a_cell_type_the_reader_did_not_expect_costs_that_file_only(
    province_register, files, tmp_path
) -> None:
    # Found by bench/bench_fuzz.py: a TRUE in the format_version cell made the reader raise
    # TypeError out of the whole run.
    def true_version(book) -> None:
        set_meta(book, "format_version", True)

    bad = edited(files["oct"], true_version, tmp_path / files["oct"].name, seal=False)
    first, second = import_submissions(province_register, [bad, files["nov"]])
    assert not first.accepted and first.reasons
    # Refused for what it is, an unknown format version, not as a file that could not be read.
    [reason] = first.reasons
    assert "True" in reason.en and "format" in reason.en, reason.en
    assert "could not be checked" not in reason.en
    assert second.accepted
