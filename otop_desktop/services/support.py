"""Trainings with their participants, and support grants to entrepreneurs."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from otop_desktop.errors import NotFoundError
from otop_desktop.models import Entrepreneur, Grant, Training, TrainingParticipant
from otop_desktop.services.entrepreneurs import get_entrepreneur
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
        "held_on": check.date("held_on", data.held_on, required=True, future=True),
        "topic": check.text("topic", data.topic, required=True, max_len=300),
        "organiser": check.text("organiser", data.organiser, required=False, max_len=200),
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
    session: Session, data: TrainingInput, training_id: int | None = None
) -> Training:
    """Creates a training, or replaces one's details and participants."""
    values = _checked_training(session, data)
    training = Training() if training_id is None else _get(session, Training, training_id)
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


def save_grant(
    session: Session, entrepreneur_id: int, data: GrantInput, grant_id: int | None = None
) -> Grant:
    check = Checker()
    values: dict[str, object] = {
        "granted_on": check.date("granted_on", data.granted_on, required=True),
        "amount": check.money("amount", data.amount),
        "purpose": check.text("purpose", data.purpose, required=True, max_len=300),
        "funder": check.text("funder", data.funder, required=False, max_len=200),
    }
    check.done()
    get_entrepreneur(session, entrepreneur_id)
    grant = Grant() if grant_id is None else _get(session, Grant, grant_id)
    grant.entrepreneur_id = entrepreneur_id
    for key, value in values.items():
        setattr(grant, key, value)
    session.add(grant)
    session.flush()
    return grant


def delete_grant(session: Session, grant_id: int) -> None:
    session.delete(_get(session, Grant, grant_id))
    session.flush()
