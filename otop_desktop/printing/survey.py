"""The OFOS household survey form (แบบสำรวจครัวเรือน 1 ครอบครัว 1 Soft Power): filled from a
household the register holds, or blank to take on a visit. The household, then a table of
its members' skills, their Soft Power industry, level and the training they want, and the
signatures of the one who answered and the surveyor."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.units import cm
from reportlab.platypus import Flowable, Spacer, Table, TableStyle
from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from otop_desktop.domain import Industry, SkillLevel
from otop_desktop.errors import NotFoundError
from otop_desktop.models import Household, Office
from otop_desktop.printing.layout import (
    FormLines,
    cell,
    fitted,
    fitted_smallest,
    grid_table,
    look,
    signature,
)
from otop_desktop.printing.office_blocks import KeepTail
from otop_desktop.printing.print_data import place
from otop_desktop.printing.typeset import TextOptions, hold, para
from otop_desktop.thaiformat import format_be_date

TITLE = "แบบสำรวจข้อมูลครัวเรือน"
SUBTITLE = "โครงการ 1 ครอบครัว 1 Soft Power (OFOS)"
HEADINGS = (
    "ที่",
    "ชื่อ-สกุล สมาชิก",
    "ทักษะ / ความสามารถ",
    "สาขา Soft\u00a0Power",
    "ระดับ",
    "ต้องการอบรม",
)
#: Skill rows on the blank form, and at least this many on a filled one (to add by hand).
BLANK_SKILLS = 5
SPARE_SKILLS = 2
SURVEYOR_POSITION = "ตำแหน่ง ...................."
#: The room to write in an empty row.
ROW_HEIGHT = 0.75 * cm


def load(session: Session, codes: Sequence[str]) -> list[Household]:
    """The households of ``codes`` with their skills, in the order given (every household,
    by code, when none is given); NotFoundError naming a code the register does not hold."""
    stmt = select(Household).options(selectinload(Household.skills))
    if codes:
        stmt = stmt.where(Household.code.in_(codes))
    found = {h.code: h for h in session.scalars(stmt.order_by(Household.code))}
    missing = [code for code in codes if code not in found]
    if missing:
        shown = ", ".join(missing)
        raise NotFoundError(
            f"ไม่พบครัวเรือนรหัส {shown} ในทะเบียน",
            f"No household has the code {shown} in this register",
        )
    if not found:
        raise NotFoundError(
            "ทะเบียนนี้ยังไม่มีครัวเรือน Soft Power ให้พิมพ์ (พิมพ์แบบว่างได้)",
            "This register has no Soft Power household to print yet (a blank form can be)",
        )
    return [found[code] for code in codes] if codes else list(found.values())


def survey_form(
    household: Household | None, office: Office, width: float, options: TextOptions
) -> list[Flowable]:
    """One form; ``None`` gives the blank form. The surveyor signs with a name written by
    hand: whoever made the visit, not necessarily the office's officer."""
    lk = look()
    h = household
    where = place(h.subdistrict_code) if h else None
    story: list[Flowable] = [
        para(TITLE, lk.title, options),
        para(SUBTITLE, lk.centre_bold, options),
        para(office.name, lk.centre, options),
        Spacer(1, 0.2 * cm),
        para("ส่วนที่ 1 ข้อมูลครัวเรือน", lk.heading, options),
    ]
    story += (
        FormLines(width, options)
        .line(
            ("รหัสครัวเรือน", h.code if h else "", 1),
            ("วันที่สำรวจ", format_be_date(h.surveyed_on, "long") if h and h.surveyed_on else "", 1),
        )
        .line(
            ("บ้านเลขที่", h.house_no if h else "", 1),
            ("หมู่ที่", str(h.moo) if h else "", 1),
            ("ตำบล", where.subdistrict if where else "", 2),
        )
        .line(
            ("อำเภอ", where.district if where else "", 1),
            ("จังหวัด", where.province if where else "", 1),
        )
        .line(
            ("ชื่อ-สกุล หัวหน้าครัวเรือน", hold(h.head_name) if h else "", 3),
            ("จำนวนสมาชิก", str(h.member_count) if h else "", 1),
            ("คน", None, 0),
        )
        .tables()
    )
    story.append(Spacer(1, 0.2 * cm))
    story.append(para("ส่วนที่ 2 ทักษะของสมาชิกในครัวเรือน", lk.heading, options))
    half = width / 2
    after = _legend(options) if h is None else []
    after += [
        Spacer(1, 0.4 * cm),
        para(
            "ข้าพเจ้าขอรับรองว่าข้อมูลข้างต้นเป็นความจริง และยินยอมให้ใช้ข้อมูลนี้"
            "เพื่อการส่งเสริมและพัฒนาทักษะด้าน Soft Power ของครัวเรือน",
            lk.small,
            options,
        ),
        Spacer(1, 0.6 * cm),
        _side_by_side(
            signature("ผู้ให้ข้อมูล", h.head_name if h else "", "", half, options, date_line=False),
            signature("ผู้สำรวจ", "", SURVEYOR_POSITION, half, options, date_line=False),
            width,
        ),
    ]
    story.append(KeepTail(_skills(h, width, options), after))
    return story


def _skills(h: Household | None, width: float, options: TextOptions) -> Table:
    lk = look()
    skills = list(h.skills) if h else []
    count = max(len(skills) + SPARE_SKILLS, BLANK_SKILLS if h is None else 0)
    number = fitted(["ที่", str(count)], lk.cell_head, options)
    level = fitted(["ระดับ", *(lv.value for lv in SkillLevel)], lk.cell_head, options)
    # The headings on two lines at most: ทักษะ / over ความสามารถ, สาขา over Soft Power.
    skill_width = fitted(["ความสามารถ"], lk.cell_head, options)
    industry_width = fitted(["Soft Power"], lk.cell_head, options)
    rest = width - number - level
    skill_width = max(rest * 0.22, skill_width)
    industry_width = max(rest * 0.18, industry_width)
    # A member's name is held whole: its column holds the widest at the smallest size.
    names = fitted_smallest([s.member_name for s in skills], lk.cell, options) if skills else 0.0
    name = max(rest * 0.74 - skill_width - industry_width, names)
    wanted = rest - name - skill_width - industry_width
    widths = [number, name, skill_width, industry_width, level, wanted]
    rows: list[list[object]] = [[cell(text, lk.cell_head, options) for text in HEADINGS]]
    for i, skill in enumerate(skills, 1):
        rows.append(
            [
                cell(str(i), lk.cell_centre, options),
                cell(hold(skill.member_name), lk.cell, options),
                cell(skill.skill, lk.cell, options),
                cell(skill.industry, lk.cell, options),
                cell(skill.level, lk.cell, options),
                cell(skill.training_wanted, lk.cell, options),
            ]
        )
    for i in range(len(skills) + 1, count + 1):
        rows.append([cell(str(i), lk.cell_centre, options), Spacer(1, ROW_HEIGHT), "", "", "", ""])
    return grid_table(rows, widths)


def _legend(options: TextOptions) -> list[Flowable]:
    """On the blank form: the industries and levels to write in, as the register spells
    them (so that what is written can be typed in as it is)."""
    lk = look()
    industries = ", ".join(i.value for i in Industry)
    levels = ", ".join(lv.value for lv in SkillLevel)
    return [
        Spacer(1, 0.15 * cm),
        para(f"สาขา Soft Power (เขียนหนึ่งสาขา): {industries}", lk.small, options),
        para(f"ระดับ: {levels}", lk.small, options),
    ]


def _side_by_side(left: list[Flowable], right: list[Flowable], width: float) -> Table:
    """Two signature blocks in the two halves of the line, their first lines level."""
    table = Table([[left, right]], colWidths=[width / 2, width / 2], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return table
