"""The numbers a register has handed out, kept outside it: a restored older copy must never
hand out a registration number, product code or household code again that a producer, a
certificate or the province already holds.

Each commit that draws a number appends ``name<TAB>value`` lines to a journal in the user's
data folder, keyed by the register's id (every copy and backup of a register shares it). A
backup compacts the journal into one snapshot, written there and beside the backups too. On
restore every floor is applied; on every open the counters (a small table) are raised to
theirs, which covers an old file copied over the register by hand."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable, Mapping
from pathlib import Path

from sqlalchemy import event, select, update
from sqlalchemy.orm import Session

from otop_desktop.models import Counter, Entrepreneur, Office
from otop_desktop.paths import data_dir

log = logging.getLogger(__name__)

#: session.info key: the numbers drawn in the session's transaction, name -> value.
ISSUED = "otop_issued_numbers"
_REGISTER_ID = "otop_register_id"
#: The prefix of a producer's product-code sequence (its registration number follows).
PRODUCT_PREFIX = "prod:"
JOURNAL_NAME = "numbers.log"


def product_floor_name(reg_no: str) -> str:
    return f"{PRODUCT_PREFIX}{reg_no}"


def note_issued(session: Session, name: str, value: int) -> None:
    """Called where a number is drawn; journaled once the transaction commits."""
    issued: dict[str, int] = session.info.setdefault(ISSUED, {})
    issued[name] = max(value, issued.get(name, 0))


def journal_path(register_id: str) -> Path:
    return data_dir() / "registers" / register_id / JOURNAL_NAME


def folder_journal(folder: Path, register_id: str) -> Path:
    """The snapshot kept beside a register's backups."""
    return folder / f"{register_id}.numbers"


def read(path: Path) -> dict[str, int]:
    """The highest value per name in a journal; a missing or partly written file gives what
    it holds (a line cut by a crash is skipped)."""
    floors: dict[str, int] = {}
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return floors
    except OSError as exc:
        log.warning("cannot read number floors %s: %s", path, exc.strerror)
        return floors
    for line in text.splitlines():
        name, _, value = line.partition("\t")
        if value.isdigit():
            floors[name] = max(int(value), floors.get(name, 0))
    return floors


def merge(*sources: Mapping[str, int]) -> dict[str, int]:
    merged: dict[str, int] = {}
    for source in sources:
        for name, value in source.items():
            if value > merged.get(name, 0):
                merged[name] = value
    return merged


def _lines(floors: Mapping[str, int]) -> str:
    return "".join(f"{name}\t{value}\n" for name, value in sorted(floors.items()))


def _write(path: Path, floors: Mapping[str, int], how: int) -> None:
    """Writes the lines private to the user and waits for the disk."""
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | how, 0o600)
    try:
        os.write(fd, _lines(floors).encode("utf-8"))
        os.fsync(fd)
    finally:
        os.close(fd)


def append(path: Path, floors: Mapping[str, int]) -> None:
    """Appends to a journal and waits for the disk, as the commit before it did."""
    _write(path, floors, os.O_APPEND)


def write_snapshot(path: Path, floors: Mapping[str, int]) -> None:
    """Replaces a journal by its compacted form, atomically: the old one stays whole until
    the new one is on disk."""
    temp = path.with_name(f".{path.name}.tmp")
    _write(temp, floors, os.O_TRUNC)
    os.replace(temp, path)


def in_register(session: Session) -> dict[str, int]:
    """The highest numbers the register itself has drawn: its counters and each producer's
    product sequence."""
    floors = {name: value for name, value in session.execute(select(Counter.name, Counter.value))}
    for reg_no, next_seq in session.execute(
        select(Entrepreneur.reg_no, Entrepreneur.next_product_seq).where(
            Entrepreneur.next_product_seq > 1
        )
    ):
        floors[product_floor_name(reg_no)] = next_seq - 1
    return floors


def outside(register_id: str, folders: Iterable[Path] = ()) -> dict[str, int]:
    """Every floor kept outside the register: the data folder's journal and the snapshots
    beside the given backup folders."""
    return merge(
        read(journal_path(register_id)), *(read(folder_journal(f, register_id)) for f in folders)
    )


def counters_behind(session: Session, floors: Mapping[str, int]) -> dict[str, int]:
    """The counter floors the register's counters are below (product floors left out)."""
    if not floors:
        return {}
    have = dict(session.execute(select(Counter.name, Counter.value)).all())
    return {
        name: value
        for name, value in floors.items()
        if not name.startswith(PRODUCT_PREFIX) and value > have.get(name, 0)
    }


def apply(session: Session, floors: Mapping[str, int], *, products: bool = True) -> int:
    """Raises the register's counters (and, with ``products``, each producer's product
    sequence) to the floors; returns how many were behind."""
    raised = 0
    counters = {n: v for n, v in floors.items() if not n.startswith(PRODUCT_PREFIX)}
    have = dict(session.execute(select(Counter.name, Counter.value)).all())
    for name, value in counters.items():
        if value > have.get(name, 0):
            if name in have:
                session.execute(update(Counter).where(Counter.name == name).values(value=value))
            else:
                session.add(Counter(name=name, value=value))
            raised += 1
    if products:
        wanted = {
            n.removeprefix(PRODUCT_PREFIX): v
            for n, v in floors.items()
            if n.startswith(PRODUCT_PREFIX)
        }
        if wanted:
            rows = session.execute(
                select(Entrepreneur.id, Entrepreneur.reg_no, Entrepreneur.next_product_seq)
            )
            for eid, reg_no, next_seq in rows.all():
                floor = wanted.get(reg_no)
                if floor is not None and next_seq <= floor:
                    session.execute(
                        update(Entrepreneur)
                        .where(Entrepreneur.id == eid)
                        .values(next_product_seq=floor + 1)
                    )
                    raised += 1
    session.flush()
    return raised


@event.listens_for(Session, "before_commit")
def _remember_register(session: Session) -> None:
    if session.info.get(ISSUED):
        office = session.get(Office, 1)
        session.info[_REGISTER_ID] = office.register_id if office is not None else ""


@event.listens_for(Session, "after_commit")
def _journal_issued(session: Session) -> None:
    issued = session.info.pop(ISSUED, None)
    register_id = session.info.pop(_REGISTER_ID, "")
    if not issued or not register_id:
        return
    try:
        append(journal_path(register_id), issued)
    except OSError as exc:
        # The action is committed; the floors beside the backups and the next backup's
        # snapshot still hold the number. Say so in the log, not to the clerk mid-save.
        log.warning("cannot journal issued numbers: %s", exc.strerror)


@event.listens_for(Session, "after_rollback")
def _forget_issued(session: Session) -> None:
    session.info.pop(ISSUED, None)
    session.info.pop(_REGISTER_ID, None)
