"""OFOS (1 ครอบครัว 1 Soft Power) household surveys and their members' skills."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy.orm import Session

from otop_desktop.domain import Industry, SkillLevel
from otop_desktop.errors import NotFoundError
from otop_desktop.models import Household, HouseholdSkill
from otop_desktop.services.numbers import allocate_household_code
from otop_desktop.services.office import get_office
from otop_desktop.validation import Checker


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


def _checked(
    session: Session, data: HouseholdInput
) -> tuple[dict[str, object], list[HouseholdSkill]]:
    check = Checker()
    values: dict[str, object] = {
        "head_name": check.text("head_name", data.head_name, required=True, max_len=200),
        "subdistrict_code": check.subdistrict(
            "subdistrict_code", data.subdistrict_code, get_office(session)
        ),
        "moo": check.integer("moo", data.moo, 1, 99, required=True),
        "house_no": check.text("house_no", data.house_no, required=True, max_len=20),
        "member_count": check.integer("member_count", data.member_count, 1, 99, required=True),
        "surveyed_on": check.date("surveyed_on", data.surveyed_on, required=False),
    }
    skills = []
    for item in data.skills:
        industry = check.choice("skills", item.industry, Industry)
        level = check.choice("skills", item.level, SkillLevel)
        skills.append(
            HouseholdSkill(
                skill=check.text("skills", item.skill, required=True, max_len=200),
                industry=industry.value if industry else "",
                level=level.value if level else "",
                member_name=check.text("skills", item.member_name, required=False, max_len=200),
                training_wanted=check.text(
                    "skills", item.training_wanted, required=False, max_len=200
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


def update_household(session: Session, household_id: int, data: HouseholdInput) -> Household:
    """Changes a survey. The household code stays what was issued, even if the address moves."""
    values, skills = _checked(session, data)
    household = get_household(session, household_id)
    for key, value in values.items():
        setattr(household, key, value)
    household.skills = skills
    session.flush()
    return household


def delete_household(session: Session, household_id: int) -> str:
    household = get_household(session, household_id)
    code = household.code
    session.delete(household)
    session.flush()
    return code
