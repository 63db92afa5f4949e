"""The history of each business's status (models.register.StatusChange): its registration,
then every suspension, reopening and closure. The entrepreneur services write it as a status
changes; code that writes entrepreneurs without them (bulk loads, workbook imports) calls
:func:`catch_up` once afterwards, in the same transaction."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Selectable, and_, func, insert, literal, select
from sqlalchemy.orm import Session, aliased

from otop_desktop.domain import Status
from otop_desktop.models import Entrepreneur
from otop_desktop.models.register import StatusChange
from otop_desktop.thaiformat import thai_today


def history(session: Session, entrepreneur_id: int) -> list[StatusChange]:
    """One business's entries, oldest first."""
    return list(
        session.scalars(
            select(StatusChange)
            .where(StatusChange.entrepreneur_id == entrepreneur_id)
            .order_by(StatusChange.changed_on, StatusChange.id)
        )
    )


def opened(session: Session, entrepreneur: Entrepreneur) -> None:
    """The entries of a business just registered: its registration (active), and its status
    if it is registered suspended or closed (an old business entered late)."""
    if entrepreneur.registered_on is None:
        # An incomplete import: its entries come when the record is completed.
        return
    session.add(
        StatusChange(
            entrepreneur_id=entrepreneur.id,
            changed_on=entrepreneur.registered_on,
            status=Status.ACTIVE.value,
            reason="",
        )
    )
    if entrepreneur.status != Status.ACTIVE:
        _append(session, entrepreneur)


def changed(
    session: Session,
    entrepreneur: Entrepreneur,
    *,
    status_before: str,
    registered_before: date | None,
) -> None:
    """Keeps the history in step after the record was edited: a new entry when the status
    changed, the latest entry corrected with the status's date and reason when only those
    changed, the registration entry moved with a corrected registration date, the first
    entries of a record completed only now."""
    entries = history(session, entrepreneur.id)
    if not entries:
        opened(session, entrepreneur)
        return
    first = entries[0]
    if entrepreneur.registered_on is not None and entrepreneur.registered_on != registered_before:
        # The first entry is the registration, on the registration date (figures read
        # reopenings as the other active entries).
        first.changed_on = entrepreneur.registered_on
    latest = entries[-1]
    if entrepreneur.status != status_before or latest.status != entrepreneur.status:
        _append(session, entrepreneur)
    elif len(entries) > 1 and entrepreneur.status_date is not None:
        # The same status, its date or reason corrected: the entry says what the record says.
        latest.changed_on = entrepreneur.status_date
        latest.reason = entrepreneur.status_reason or ""


def _append(session: Session, entrepreneur: Entrepreneur) -> None:
    session.add(
        StatusChange(
            entrepreneur_id=entrepreneur.id,
            changed_on=entrepreneur.status_date or thai_today(),
            status=entrepreneur.status,
            reason=entrepreneur.status_reason or "",
        )
    )


def catch_up(session: Session, *, today: date | None = None) -> int:
    """Brings the history of every business in step with its record, set-wise: the entries of
    businesses that have none (as migration 0010 seeds them), and an entry for each business
    whose status differs from its latest entry (on its status date, or ``today``). Returns
    how many entries were added."""
    day = today or thai_today()
    added = 0
    no_history = (
        ~select(StatusChange.id).where(StatusChange.entrepreneur_id == Entrepreneur.id).exists()
    )
    fresh = select(Entrepreneur.id).where(Entrepreneur.registered_on.is_not(None), no_history)
    fresh_ids = list(session.scalars(fresh))
    if fresh_ids:
        added += _insert_from(
            session,
            select(
                Entrepreneur.id,
                Entrepreneur.registered_on,
                literal(Status.ACTIVE.value),
                literal(""),
            ).where(Entrepreneur.id.in_(fresh_ids)),
        )
    latest = aliased(StatusChange)
    last_id = (
        select(func.max(StatusChange.id))
        .where(StatusChange.entrepreneur_id == Entrepreneur.id)
        .scalar_subquery()
    )
    stale = (
        select(
            Entrepreneur.id,
            func.coalesce(Entrepreneur.status_date, day),
            Entrepreneur.status,
            Entrepreneur.status_reason,
        )
        .join(latest, and_(latest.entrepreneur_id == Entrepreneur.id, latest.id == last_id))
        .where(latest.status != Entrepreneur.status)
    )
    added += _insert_from(session, stale)
    return added


def _insert_from(session: Session, rows: Selectable) -> int:
    # The ids returned are counted: a driver's rowcount of INSERT … SELECT may be -1.
    result = session.execute(
        insert(StatusChange)
        .from_select(
            ["entrepreneur_id", "changed_on", "status", "reason"],
            rows,
        )
        .returning(StatusChange.id)
    )
    return len(result.all())
