"""OFOS (1 ครอบครัว 1 Soft Power) household surveys and their members' skills, and the list of
them in the manner of services/listing.py: ordered ids of the matches, and the display rows
of the few on screen."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, SQLColumnExpression, and_, exists, func, or_, select
from sqlalchemy.orm import Session

from otop_desktop.domain import Industry, SkillLevel
from otop_desktop.errors import NotFoundError
from otop_desktop.models import Household, HouseholdSkill, length
from otop_desktop.search import forgiving, indexed
from otop_desktop.services.numbers import allocate_household_code
from otop_desktop.services.office import get_office
from otop_desktop.services.versions import bump, check_version
from otop_desktop.textnorm import hidden_char, normalize, to_thai_digits
from otop_desktop.validation import Checker

E = TypeVar("E", bound=Enum)


@dataclass
class SkillInput:
    skill: str
    industry: Industry | str
    level: SkillLevel | str
    member_name: str = ""
    training_wanted: str = ""


@dataclass
class HouseholdInput:
    head_name: str
    subdistrict_code: str
    moo: int | str | None
    house_no: str = ""
    member_count: int | str = 1
    surveyed_on: date | str | None = None
    skills: list[SkillInput] = field(default_factory=list)


SKILL_INDUSTRY = ("สาขา Soft Power", "Soft Power industry")
SKILL_LEVEL = ("ระดับทักษะ", "skill level")


def _skill_choice(
    check: Checker,
    value: object,
    enum: type[E],
    row_th: str,
    row_en: str,
    what: tuple[str, str],
) -> E | None:
    if value is None or value == "":
        check.fail("skills", f"{row_th}: กรุณาเลือก{what[0]}", f"{row_en}: choose the {what[1]}")
        return None
    try:
        return enum(value)
    except ValueError:
        check.fail(
            "skills",
            f"{row_th}: {what[0]}ไม่ถูกต้อง: {value}",
            f"{row_en}: unknown {what[1]}: {value}",
        )
        return None


def _checked(
    session: Session, data: HouseholdInput
) -> tuple[dict[str, object], list[HouseholdSkill]]:
    check = Checker()
    values: dict[str, object] = {
        "head_name": check.text(
            "head_name", data.head_name, required=True, max_len=length(Household.head_name)
        ),
        "subdistrict_code": check.subdistrict(
            "subdistrict_code", data.subdistrict_code, get_office(session)
        ),
        "moo": check.integer("moo", data.moo, 1, 99, required=True),
        "house_no": check.text(
            "house_no", data.house_no, required=True, max_len=length(Household.house_no)
        ),
        "member_count": check.integer("member_count", data.member_count, 1, 99, required=True),
        "surveyed_on": check.date("surveyed_on", data.surveyed_on, required=False),
    }
    skills = []
    for number, item in enumerate(data.skills, 1):
        # All of a table's rows share one message line: each message says which row.
        row_th, row_en = f"ทักษะแถวที่ {number}", f"Skill row {number}"
        # Checked as typed: hidden characters are refused before the text is tidied.
        skill = check.text(
            "skills", item.skill, required=False, max_len=length(HouseholdSkill.skill)
        )
        if not skill and not (item.skill and hidden_char(item.skill)):
            check.fail("skills", f"{row_th}: กรุณากรอกทักษะ", f"{row_en}: the skill is required")
        industry = _skill_choice(check, item.industry, Industry, row_th, row_en, SKILL_INDUSTRY)
        level = _skill_choice(check, item.level, SkillLevel, row_th, row_en, SKILL_LEVEL)
        skills.append(
            HouseholdSkill(
                skill=skill,
                industry=industry.value if industry else "",
                level=level.value if level else "",
                member_name=check.text(
                    "skills",
                    item.member_name,
                    required=False,
                    max_len=length(HouseholdSkill.member_name),
                ),
                training_wanted=check.text(
                    "skills",
                    item.training_wanted,
                    required=False,
                    max_len=length(HouseholdSkill.training_wanted),
                ),
            )
        )
    check.done()
    return values, skills


def get_household(session: Session, household_id: int) -> Household:
    found = session.get(Household, household_id)
    if found is None:
        raise NotFoundError(f"ไม่พบครัวเรือนรหัส {household_id}", f"No household {household_id}")
    return found


def create_household(session: Session, data: HouseholdInput) -> Household:
    values, skills = _checked(session, data)
    subdistrict, moo = str(values["subdistrict_code"]), int(str(values["moo"]))
    household = Household(code=allocate_household_code(session, subdistrict, moo), **values)
    household.skills = skills
    session.add(household)
    session.flush()
    return household


def update_household(
    session: Session,
    household_id: int,
    data: HouseholdInput,
    *,
    expected_version: int | None = None,
) -> Household:
    """Changes a survey. The household code stays what was issued, even if the address moves;
    ``expected_version`` as in update_entrepreneur."""
    values, skills = _checked(session, data)
    household = get_household(session, household_id)
    check_version(session, household, expected_version)
    for key, value in values.items():
        setattr(household, key, value)
    household.skills = skills
    bump(household)
    session.flush()
    return household


def delete_household(session: Session, household_id: int) -> str:
    household = get_household(session, household_id)
    code = household.code
    session.delete(household)
    session.flush()
    return code


# --- the list of households -----------------------------------------------------------------


@dataclass(frozen=True)
class HouseholdFilter:
    #: part of the head of household's name, the house number or the household code
    query: str = ""
    province_code: str | None = None
    district_code: str | None = None
    subdistrict_code: str | None = None
    moo: int | None = None
    #: has a member with a skill in this Soft Power industry (an Industry value)
    industry: str | None = None


@dataclass(frozen=True)
class HouseholdRow:
    id: int
    code: str
    house_no: str
    moo: int
    subdistrict_code: str
    head_name: str
    member_count: int
    surveyed_on: date | None
    #: the industries of the members' skills, each once, in the order of ``Industry``
    industries: tuple[Industry, ...]


HOUSEHOLD_ORDER: dict[str, SQLColumnExpression[Any]] = {
    "code": Household.code,
    "head_name": Household.head_name,
    "house_no": Household.house_no,
    "subdistrict": Household.subdistrict_code,
    "moo": Household.moo,
    "member_count": Household.member_count,
    "surveyed_on": Household.surveyed_on,
}


def _area_where(f: HouseholdFilter) -> list[ColumnElement[bool]]:
    where = []
    if f.province_code:
        where.append(Household.subdistrict_code.startswith(f.province_code))
    if f.district_code:
        where.append(Household.subdistrict_code.startswith(f.district_code))
    if f.subdistrict_code:
        where.append(Household.subdistrict_code == f.subdistrict_code)
    return where


def _household_where(session: Session, f: HouseholdFilter) -> list[ColumnElement[bool]]:
    where = _area_where(f)
    if f.moo is not None:
        where.append(Household.moo == f.moo)
    if f.industry:
        where.append(
            exists().where(
                HouseholdSkill.household_id == Household.id, HouseholdSkill.industry == f.industry
            )
        )
    if q := normalize(f.query):
        # A household code begins with the query: a range of the code's index.
        code = and_(Household.code >= q, Household.code < q + "\U0010ffff")
        if (found := indexed(session, "households", Household.id, f.query)) is not None:
            where.append(or_(found, code))
        else:
            # Names are stored as typed (clean_text); a house number may have been typed in
            # Thai digits, which the query has turned to Arabic ones.
            where.append(
                or_(
                    *forgiving(f.query, Household.head_name),
                    Household.house_no.contains(q, autoescape=True),
                    Household.house_no.contains(to_thai_digits(q), autoescape=True),
                    code,
                )
            )
    return where


def household_ids(
    session: Session,
    f: HouseholdFilter,
    *,
    order: str = "code",
    descending: bool = False,
    offset: int = 0,
    limit: int | None = None,
) -> list[int]:
    """The ids of the households that match, in order (the lazy list's rows)."""
    key = HOUSEHOLD_ORDER[order]
    stmt = select(Household.id).where(*_household_where(session, f))
    if descending:
        stmt = stmt.order_by(key.desc(), Household.id.desc())
    else:
        stmt = stmt.order_by(key, Household.id)
    return list(session.scalars(stmt.offset(offset).limit(limit)))


def count_households(session: Session, f: HouseholdFilter) -> int:
    stmt = select(func.count()).select_from(Household).where(*_household_where(session, f))
    return int(session.scalar(stmt) or 0)


def household_rows(session: Session, ids: Sequence[int]) -> dict[int, HouseholdRow]:
    """The display rows of ``ids`` (those on screen), keyed by id."""
    industries: dict[int, set[str]] = {}
    for household_id, industry in session.execute(
        select(HouseholdSkill.household_id, HouseholdSkill.industry)
        .where(HouseholdSkill.household_id.in_(ids))
        .distinct()
    ):
        industries.setdefault(household_id, set()).add(industry)
    stmt = select(
        Household.id,
        Household.code,
        Household.house_no,
        Household.moo,
        Household.subdistrict_code,
        Household.head_name,
        Household.member_count,
        Household.surveyed_on,
    ).where(Household.id.in_(ids))
    return {
        row[0]: HouseholdRow(
            *row, tuple(i for i in Industry if i.value in industries.get(row[0], ()))
        )
        for row in session.execute(stmt)
    }


def household_moos(session: Session, f: HouseholdFilter) -> list[int]:
    """The หมู่ที่ that have surveyed households in the filter's area, in order."""
    stmt = select(Household.moo).where(*_area_where(f)).distinct().order_by(Household.moo)
    return list(session.scalars(stmt))
