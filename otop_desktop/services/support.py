"""Trainings with their participants, and support grants to entrepreneurs; and their lists in
the manner of services/listing.py: ordered ids of the matches, and the display rows of the
few on screen."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, Select, SQLColumnExpression, and_, func, or_, select
from sqlalchemy.orm import Session

from otop_desktop.errors import NotFoundError
from otop_desktop.models import Entrepreneur, Grant, Training, TrainingParticipant, length
from otop_desktop.search import forgiving, indexed
from otop_desktop.services.entrepreneurs import get_entrepreneur
from otop_desktop.services.listing import EntrepreneurFilter, entrepreneur_ids, holding
from otop_desktop.services.versions import bump, check_version
from otop_desktop.textnorm import normalize
from otop_desktop.thaiformat import fiscal_year_be, fiscal_year_range
from otop_desktop.validation import Checker

R = TypeVar("R", Training, Grant)


@dataclass
class TrainingInput:
    held_on: date | str | None
    topic: str
    organiser: str = ""
    budget: Decimal | str | int = Decimal(0)
    participant_ids: list[int] = field(default_factory=list)


@dataclass
class GrantInput:
    granted_on: date | str | None
    amount: Decimal | str | int
    purpose: str
    funder: str = ""


def _checked_training(session: Session, data: TrainingInput) -> dict[str, object]:
    check = Checker()
    values: dict[str, object] = {
        "held_on": check.date("held_on", data.held_on, required=True, planned=True),
        "topic": check.text("topic", data.topic, required=True, max_len=length(Training.topic)),
        "organiser": check.text(
            "organiser", data.organiser, required=False, max_len=length(Training.organiser)
        ),
        "budget": check.money("budget", data.budget, required=False),
    }
    wanted = set(data.participant_ids)
    found = set(session.scalars(select(Entrepreneur.id).where(Entrepreneur.id.in_(wanted))))
    if missing := sorted(wanted - found):
        check.fail(
            "participants",
            f"ไม่พบผู้ประกอบการรหัส {', '.join(map(str, missing))}",
            f"No entrepreneur {', '.join(map(str, missing))}",
        )
    check.done()
    return values


def _get(session: Session, model: type[R], record_id: int) -> R:
    found = session.get(model, record_id)
    if found is None:
        raise NotFoundError(f"ไม่พบรายการรหัส {record_id}", f"No record {record_id}")
    return found


def save_training(
    session: Session,
    data: TrainingInput,
    training_id: int | None = None,
    *,
    expected_version: int | None = None,
) -> Training:
    """Creates a training, or replaces one's details and participants (``expected_version``
    as in update_entrepreneur)."""
    values = _checked_training(session, data)
    training = Training() if training_id is None else _get(session, Training, training_id)
    if training_id is not None:
        check_version(session, training, expected_version)
        bump(training)
    for key, value in values.items():
        setattr(training, key, value)
    training.participants = [
        TrainingParticipant(entrepreneur_id=eid) for eid in sorted(set(data.participant_ids))
    ]
    session.add(training)
    session.flush()
    return training


def delete_training(session: Session, training_id: int) -> None:
    session.delete(_get(session, Training, training_id))
    session.flush()


# validation.LABELS names the field "amount" for sales (ยอดจำหน่าย); a grant's is money given.
GRANT_LABELS = {"amount": ("จำนวนเงิน", "amount")}


def save_grant(
    session: Session,
    entrepreneur_id: int | None,
    data: GrantInput,
    grant_id: int | None = None,
    *,
    expected_version: int | None = None,
) -> Grant:
    """Creates a grant to ``entrepreneur_id``, or replaces one's details; a form that has no
    entrepreneur picked yet passes None, which is refused with the other fields."""
    check = Checker(GRANT_LABELS)
    if entrepreneur_id is None:
        check.fail("entrepreneur", "กรุณาเลือกผู้ประกอบการ", "Choose the entrepreneur")
    values: dict[str, object] = {
        "granted_on": check.date("granted_on", data.granted_on, required=True),
        "amount": check.money("amount", data.amount),
        "purpose": check.text(
            "purpose", data.purpose, required=True, max_len=length(Grant.purpose)
        ),
        "funder": check.text("funder", data.funder, required=False, max_len=length(Grant.funder)),
    }
    check.done()
    assert entrepreneur_id is not None
    get_entrepreneur(session, entrepreneur_id)
    grant = Grant() if grant_id is None else _get(session, Grant, grant_id)
    if grant_id is not None:
        check_version(session, grant, expected_version)
        bump(grant)
    grant.entrepreneur_id = entrepreneur_id
    for key, value in values.items():
        setattr(grant, key, value)
    session.add(grant)
    session.flush()
    return grant


def delete_grant(session: Session, grant_id: int) -> None:
    session.delete(_get(session, Grant, grant_id))
    session.flush()


def get_training(session: Session, training_id: int) -> Training:
    return _get(session, Training, training_id)


def get_grant(session: Session, grant_id: int) -> Grant:
    return _get(session, Grant, grant_id)


# --- picking entrepreneurs ------------------------------------------------------------------


@dataclass(frozen=True)
class EntrepreneurChoice:
    """An entrepreneur as a picker offers it: who it is, in a line."""

    id: int
    reg_no: str
    name: str


def find_entrepreneurs(session: Session, query: str, limit: int = 20) -> list[EntrepreneurChoice]:
    """The first ``limit`` entrepreneurs whose name, contact, registration number or product
    matches ``query`` (the register's own search), by registration number."""
    if not normalize(query):
        return []
    ids = entrepreneur_ids(session, EntrepreneurFilter(query=query), limit=limit)
    return _choices(session, ids)


def training_participants(session: Session, training_id: int) -> list[EntrepreneurChoice]:
    ids = session.scalars(
        select(TrainingParticipant.entrepreneur_id).where(
            TrainingParticipant.training_id == training_id
        )
    )
    return _choices(session, list(ids))


def entrepreneur_choice(session: Session, entrepreneur_id: int) -> EntrepreneurChoice:
    found = get_entrepreneur(session, entrepreneur_id)
    return EntrepreneurChoice(found.id, found.reg_no, found.name)


def _choices(session: Session, ids: list[int]) -> list[EntrepreneurChoice]:
    stmt = (
        select(Entrepreneur.id, Entrepreneur.reg_no, Entrepreneur.name)
        .where(Entrepreneur.id.in_(ids))
        .order_by(Entrepreneur.reg_no)
    )
    return [EntrepreneurChoice(*row) for row in session.execute(stmt)]


# --- the lists of trainings and grants ------------------------------------------------------


@dataclass(frozen=True)
class TrainingFilter:
    #: part of the topic or the organiser
    query: str = ""
    #: held in this fiscal year (B.E., 1 October – 30 September)
    fiscal_year: int | None = None


@dataclass(frozen=True)
class TrainingRow:
    id: int
    held_on: date
    topic: str
    organiser: str
    budget: Decimal
    participant_count: int


@dataclass(frozen=True)
class GrantFilter:
    #: part of the entrepreneur's name or registration number, the purpose or the funder
    query: str = ""
    fiscal_year: int | None = None
    province_code: str | None = None
    district_code: str | None = None
    subdistrict_code: str | None = None


@dataclass(frozen=True)
class GrantRow:
    id: int
    granted_on: date
    entrepreneur_id: int
    reg_no: str
    entrepreneur_name: str
    amount: Decimal
    purpose: str
    funder: str


_PARTICIPANTS = (
    select(func.count())
    .where(TrainingParticipant.training_id == Training.id)
    .correlate(Training)
    .scalar_subquery()
)

TRAINING_ORDER: dict[str, SQLColumnExpression[Any]] = {
    "held_on": Training.held_on,
    "topic": Training.topic,
    "organiser": Training.organiser,
    "budget": Training.budget,
    "participants": _PARTICIPANTS,
}
GRANT_ORDER: dict[str, SQLColumnExpression[Any]] = {
    "granted_on": Grant.granted_on,
    "reg_no": Entrepreneur.reg_no,
    "entrepreneur": Entrepreneur.name,
    "amount": Grant.amount,
    "purpose": Grant.purpose,
    "funder": Grant.funder,
}


def _in_fiscal_year(column: Any, fiscal_year: int | None) -> list[ColumnElement[bool]]:
    if fiscal_year is None:
        return []
    first, last = fiscal_year_range(fiscal_year)
    return [column.between(first, last)]


def _ordered_ids(
    session: Session,
    stmt: Select[int],
    key: SQLColumnExpression[Any],
    tiebreak: Any,
    *,
    descending: bool,
    offset: int,
    limit: int | None,
) -> list[int]:
    if descending:
        stmt = stmt.order_by(key.desc(), tiebreak.desc())
    else:
        stmt = stmt.order_by(key, tiebreak)
    return list(session.scalars(stmt.offset(offset).limit(limit)))


def _training_where(session: Session, f: TrainingFilter) -> list[ColumnElement[bool]]:
    where = _in_fiscal_year(Training.held_on, f.fiscal_year)
    if (found := indexed(session, "trainings", Training.id, f.query)) is not None:
        where.append(found)
    elif tests := forgiving(f.query, Training.topic, Training.organiser):
        where.append(or_(*tests))
    return where


def training_ids(
    session: Session,
    f: TrainingFilter,
    *,
    order: str = "held_on",
    descending: bool = False,
    offset: int = 0,
    limit: int | None = None,
) -> list[int]:
    stmt = select(Training.id).where(*_training_where(session, f))
    return _ordered_ids(
        session,
        stmt,
        TRAINING_ORDER[order],
        Training.id,
        descending=descending,
        offset=offset,
        limit=limit,
    )


def count_trainings(session: Session, f: TrainingFilter) -> int:
    stmt = select(func.count()).select_from(Training).where(*_training_where(session, f))
    return int(session.scalar(stmt) or 0)


def training_rows(session: Session, ids: Sequence[int]) -> dict[int, TrainingRow]:
    stmt = select(
        Training.id,
        Training.held_on,
        Training.topic,
        Training.organiser,
        Training.budget,
        _PARTICIPANTS,
    ).where(Training.id.in_(ids))
    return {row[0]: TrainingRow(*row) for row in session.execute(stmt)}


def _grant_where(session: Session, f: GrantFilter) -> list[ColumnElement[bool]]:
    where = _in_fiscal_year(Grant.granted_on, f.fiscal_year)
    if f.province_code:
        where.append(Entrepreneur.district_code.startswith(f.province_code))
    if f.district_code:
        where.append(Entrepreneur.district_code == f.district_code)
    if f.subdistrict_code:
        where.append(Entrepreneur.subdistrict_code == f.subdistrict_code)
    if q := normalize(f.query):
        # A registration number beginning with the query: a range of its index.
        reg_no = and_(Entrepreneur.reg_no >= q, Entrepreneur.reg_no < q + "\U0010ffff")
        found = indexed(session, "grants", Grant.id, f.query)
        producers = holding(session, f.query)
        if found is not None and producers is not None:
            # The producer's name tested only on those the register's own index finds.
            named = producers.where(*forgiving(f.query, Entrepreneur.name))
            where.append(or_(found, Grant.entrepreneur_id.in_(named), reg_no))
        else:
            where.append(
                or_(*forgiving(f.query, Entrepreneur.name, Grant.purpose, Grant.funder), reg_no)
            )
    return where


def _grant_select(*columns: Any) -> Select[Any]:
    return select(*columns).join(Entrepreneur, Entrepreneur.id == Grant.entrepreneur_id)


def grant_ids(
    session: Session,
    f: GrantFilter,
    *,
    order: str = "granted_on",
    descending: bool = False,
    offset: int = 0,
    limit: int | None = None,
) -> list[int]:
    stmt = _grant_select(Grant.id).where(*_grant_where(session, f))
    return _ordered_ids(
        session,
        stmt,
        GRANT_ORDER[order],
        Grant.id,
        descending=descending,
        offset=offset,
        limit=limit,
    )


def count_grants(session: Session, f: GrantFilter) -> int:
    return int(
        session.scalar(_grant_select(func.count(Grant.id)).where(*_grant_where(session, f))) or 0
    )


def grant_rows(session: Session, ids: Sequence[int]) -> dict[int, GrantRow]:
    stmt = _grant_select(
        Grant.id,
        Grant.granted_on,
        Grant.entrepreneur_id,
        Entrepreneur.reg_no,
        Entrepreneur.name,
        Grant.amount,
        Grant.purpose,
        Grant.funder,
    ).where(Grant.id.in_(ids))
    return {row[0]: GrantRow(*row) for row in session.execute(stmt)}


def _fiscal_years(session: Session, column: Any) -> list[int]:
    """Every fiscal year from the earliest record's to the latest's (or today's, if later),
    newest first: the choices of a year filter."""
    first, last = session.execute(select(func.min(column), func.max(column))).one()
    if first is None:
        return []
    newest = max(fiscal_year_be(last), fiscal_year_be(date.today()))
    return list(range(newest, fiscal_year_be(first) - 1, -1))


def training_fiscal_years(session: Session) -> list[int]:
    return _fiscal_years(session, Training.held_on)


def grant_fiscal_years(session: Session) -> list[int]:
    return _fiscal_years(session, Grant.granted_on)


def entrepreneur_support(
    session: Session, entrepreneur_id: int
) -> tuple[list[Training], list[Grant]]:
    """One producer's trainings (those it took part in) and grants, newest first: two
    indexed queries, whatever the size of the register."""
    trainings = session.scalars(
        select(Training)
        .join(TrainingParticipant, TrainingParticipant.training_id == Training.id)
        .where(TrainingParticipant.entrepreneur_id == entrepreneur_id)
        .order_by(Training.held_on.desc(), Training.id.desc())
    ).all()
    grants = session.scalars(
        select(Grant)
        .where(Grant.entrepreneur_id == entrepreneur_id)
        .order_by(Grant.granted_on.desc(), Grant.id.desc())
    ).all()
    return list(trainings), list(grants)
