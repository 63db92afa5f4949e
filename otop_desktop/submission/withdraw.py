"""Withdrawing an accepted district workbook (province side): the district's register
snapshot and months come back as they were before the file, in one transaction, recorded in
the trail; only a head may do it.

What the file changed is kept when it is stored (:func:`keep_before`): every row of the
district's register snapshot (entrepreneurs, products with their standards, ratings and
readiness, households with their skills), the district's rows of the file's month (sales,
grants, trainings taken part in), the rows of other months the file took away with a
producer or product it removed, and the district's keys. That is what an import may change
and no more, so the kept copy is about the size of one district's register, not of its
history. A district's imports are undone newest first: a file can be withdrawn while no
later file of its district has come in, and each withdrawal makes the one before it the
newest again (the copies of the last :data:`KEEP_UNDO` files of each district are kept)."""

from __future__ import annotations

import json
import zlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any, TypeVar, cast

from sqlalchemy import (
    Table,
    delete,
    func,
    insert,
    or_,
    select,
    update,
)
from sqlalchemy.orm import Session

from otop_desktop.accounts.roles import require
from otop_desktop.audit.record import bulk
from otop_desktop.database import Register
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
    ReceivedSubmissionUndo,
    Sale,
    SigningKey,
    StarRating,
    Training,
    TrainingParticipant,
)
from otop_desktop.models.accounts import HEAD
from otop_desktop.services import status_history
from otop_desktop.thaiformat import Period

#: Files per district whose earlier state is kept (and so can be withdrawn in turn).
KEEP_UNDO = 3
#: Ids per ``IN (…)`` list.
_IN_CHUNK = 5_000

T = TypeVar("T")


def _t(model: Any) -> Table:
    return cast(Table, model.__table__)


E, P, PS, SR, DR = (
    _t(m) for m in (Entrepreneur, Product, ProductStandard, StarRating, DigitalReadiness)
)
H, HS, S, G = (_t(m) for m in (Household, HouseholdSkill, Sale, Grant))
TR, TP, DK, SK, RS = (
    _t(m) for m in (Training, TrainingParticipant, DistrictKey, SigningKey, ReceivedSubmission)
)
#: The kept copies (models.ReceivedSubmissionUndo).
UNDO = _t(ReceivedSubmissionUndo)


#: Columns the register fills in itself (search_pos: a row's place in list order, kept by
#: migration 0011's triggers). A kept copy's value is stale once rows were renumbered since,
#: and writing it back would give two rows one place in the search index: never restored.
_PLACED = frozenset({"search_pos"})

_MODELS: dict[str, Any] = {
    "entrepreneurs": Entrepreneur,
    "products": Product,
    "households": Household,
}


def chunks(items: Sequence[T]) -> Iterator[Sequence[T]]:
    """``items`` in slices small enough for one ``IN (…)`` list (also the import's)."""
    for start in range(0, len(items), _IN_CHUNK):
        yield items[start : start + _IN_CHUNK]


def _rows(session: Session, table: Table, *where: Any) -> list[dict[str, Any]]:
    return [dict(row._mapping) for row in session.execute(select(table).where(*where))]


def _rows_in(
    session: Session, table: Table, column: str, ids: Iterable[int], *where: Any
) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    for chunk in chunks(sorted(set(ids))):
        found += _rows(session, table, table.c[column].in_(chunk), *where)
    return found


def _household_of(district: str) -> Any:
    return or_(
        func.substr(H.c.subdistrict_code, 1, 4) == district,
        func.substr(H.c.code, 1, 4) == district,
    )


# --- keeping what a file changes ------------------------------------------------------------


@dataclass
class Before:
    """The district's rows a file may change, as they were before it."""

    district: str
    rows: dict[str, list[dict[str, Any]]]


def keep_before(
    session: Session, district: str, period: Period, kept: tuple[set[str], set[str]] | None
) -> Before:
    """What storing a file of ``district`` for ``period`` may change. ``kept``: the
    registration numbers and product codes the file keeps, when it replaces the register
    snapshot (the others go, with their rows of every month); None for an older month."""
    rows: dict[str, list[dict[str, Any]]] = {}
    rows["entrepreneurs"] = _rows(session, E, E.c.district_code == district)
    e_ids = [r["id"] for r in rows["entrepreneurs"]]
    rows["products"] = _rows_in(session, P, "entrepreneur_id", e_ids)
    p_ids = [r["id"] for r in rows["products"]]
    rows["product_standards"] = _rows_in(session, PS, "product_id", p_ids)
    rows["star_ratings"] = _rows_in(session, SR, "product_id", p_ids)
    rows["digital_readiness"] = _rows_in(session, DR, "entrepreneur_id", e_ids)
    rows["households"] = _rows(session, H, _household_of(district))
    rows["household_skills"] = _rows_in(
        session, HS, "household_id", [r["id"] for r in rows["households"]]
    )
    gone_e: list[int] = []
    gone_p: list[int] = []
    if kept is not None:
        reg_nos, codes = kept
        gone_e = [r["id"] for r in rows["entrepreneurs"] if r["reg_no"] not in reg_nos]
        gone_p = [r["id"] for r in rows["products"] if r["code"] not in codes]
    first, last = period.first_day, period.last_day
    sales = {
        r["id"]: r
        for r in [
            *_rows_in(session, S, "entrepreneur_id", e_ids, S.c.period == period.key),
            *_rows_in(session, S, "entrepreneur_id", gone_e),
            *_rows_in(session, S, "product_id", gone_p),
        ]
    }
    rows["sales"] = list(sales.values())
    grants = {
        r["id"]: r
        for r in [
            *_rows_in(session, G, "entrepreneur_id", e_ids, G.c.granted_on.between(first, last)),
            *_rows_in(session, G, "entrepreneur_id", gone_e),
        ]
    }
    rows["grants"] = list(grants.values())
    in_month = select(TR.c.id).where(TR.c.held_on.between(first, last))
    taken = {
        (r["training_id"], r["entrepreneur_id"]): r
        for r in [
            *_rows_in(session, TP, "entrepreneur_id", e_ids, TP.c.training_id.in_(in_month)),
            *_rows_in(session, TP, "entrepreneur_id", gone_e),
        ]
    }
    rows["training_participants"] = list(taken.values())
    rows["trainings"] = _rows_in(session, TR, "id", [t for t, _ in taken])
    rows["district_keys"] = _rows(session, DK, DK.c.district_code == district)
    rows["signing_keys"] = _rows(session, SK, SK.c.owner == district)
    return Before(district, rows)


def save_before(session: Session, received_id: int, before: Before) -> None:
    """Keeps ``before`` with the file ``received_id`` stored from it; a district's older
    copies past :data:`KEEP_UNDO` go."""
    data = zlib.compress(json.dumps(before.rows, default=_encode).encode("utf-8"), 6)
    session.execute(
        insert(UNDO).values(received_id=received_id, district_code=before.district, data=data)
    )
    old = session.scalars(
        select(UNDO.c.received_id)
        .where(UNDO.c.district_code == before.district)
        .order_by(UNDO.c.received_id.desc())
        .offset(KEEP_UNDO)
    ).all()
    if old:
        session.execute(delete(UNDO).where(UNDO.c.received_id.in_(old)))


def _encode(value: object) -> object:
    # The types a register's columns hold beyond JSON's own, tagged to come back as they were.
    if isinstance(value, datetime):
        return {"$dt": value.isoformat()}
    if isinstance(value, date):
        return {"$d": value.isoformat()}
    if isinstance(value, Decimal):
        return {"$n": str(value)}
    raise TypeError(f"{type(value).__name__} is not kept")


def _decode(obj: dict[str, Any]) -> object:
    if len(obj) == 1:
        if "$dt" in obj:
            return datetime.fromisoformat(obj["$dt"])
        if "$d" in obj:
            return date.fromisoformat(obj["$d"])
        if "$n" in obj:
            return Decimal(obj["$n"])
    return obj


# --- withdrawing ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Withdrawn:
    received_id: int
    district_code: str
    period: Period
    file_name: str


def withdraw(
    register: Register,
    *,
    received_id: int | None = None,
    district: str = "",
    period: Period | None = None,
) -> Withdrawn:
    """Withdraws the accepted file ``received_id``, or the latest one of ``district`` for
    ``period``: one transaction; refused (nothing changed) unless whoever acts is a head and
    the file is its district's newest with its earlier state kept."""
    with register.write() as session:
        require(session, HEAD, "ถอนแบบฟอร์มที่รับไว้แล้ว", "withdraw an accepted workbook")
        received = _chosen(session, received_id, district, period)
        kept = _kept(session, received)
        done = Withdrawn(
            received.id,
            received.district_code,
            Period.from_key(received.period),
            received.file_name,
        )
        detail = {
            "received_id": received.id,
            "district": received.district_code,
            "period": str(done.period),
            "file": received.file_name,
            "sha256": received.sha256,
        }
        with bulk(session, "withdraw", detail):
            _Restore(session, received.district_code, done.period, kept).run()
            # Records put back by whole rows lost their history with the rows deleted.
            status_history.catch_up(session)
            session.execute(delete(UNDO).where(UNDO.c.received_id == received.id))
            session.execute(delete(RS).where(RS.c.id == received.id))
    return done


def _chosen(
    session: Session, received_id: int | None, district: str, period: Period | None
) -> ReceivedSubmission:
    if received_id is not None:
        found = session.get(ReceivedSubmission, received_id)
        if found is None:
            raise UserError(
                f"ไม่มีแบบฟอร์มที่รับไว้หมายเลข {received_id} จึงไม่มีสิ่งที่จะถอน",
                f"No accepted workbook has the number {received_id}: nothing to withdraw",
            )
        return found
    if not district or period is None:
        raise UserError(
            "ระบุอำเภอและงวดของแบบฟอร์มที่จะถอน (หรือหมายเลขที่รับไว้)",
            "Give the district and month of the workbook to withdraw (or its number)",
        )
    found = session.scalars(
        select(ReceivedSubmission)
        .where(
            ReceivedSubmission.district_code == district,
            ReceivedSubmission.period == period.key,
        )
        .order_by(ReceivedSubmission.id.desc())
        .limit(1)
    ).first()
    if found is None:
        raise UserError(
            f"ยังไม่ได้รับแบบฟอร์มของอำเภอ {district} งวด {period.label_th} จึงไม่มีสิ่งที่จะถอน",
            f"No workbook of district {district} for {period} has been accepted: nothing to "
            "withdraw",
        )
    return found


def _kept(session: Session, received: ReceivedSubmission) -> dict[str, list[dict[str, Any]]]:
    later = session.scalars(
        select(ReceivedSubmission)
        .where(
            ReceivedSubmission.district_code == received.district_code,
            ReceivedSubmission.id > received.id,
        )
        .order_by(ReceivedSubmission.id.desc())
        .limit(1)
    ).first()
    if later is not None:
        later_period = Period.from_key(later.period)
        raise UserError(
            f"ถอน {received.file_name} ไม่ได้: รับแบบฟอร์มของอำเภอ {received.district_code} "
            f"ฉบับหลังกว่า ({later.file_name} งวด {later_period.label_th}) แล้ว "
            "ให้ถอนฉบับหลังก่อน",
            f"Cannot withdraw {received.file_name}: a later workbook of district "
            f"{received.district_code} ({later.file_name}, {later_period}) came in after it; "
            "withdraw that one first",
        )
    data = session.scalar(select(UNDO.c.data).where(UNDO.c.received_id == received.id))
    if data is None:
        raise UserError(
            f"ถอน {received.file_name} ไม่ได้: ไม่ได้เก็บข้อมูลก่อนรับไฟล์นี้ไว้ (รับไว้ก่อนมีการถอน "
            f"หรือเก่ากว่า {KEEP_UNDO} ฉบับล่าสุดของอำเภอ) ให้นำเข้าแบบฟอร์มฉบับที่ถูกต้องของอำเภอแทน",
            f"Cannot withdraw {received.file_name}: the district's data before it was not kept "
            f"(accepted before withdrawals existed, or older than its district's last "
            f"{KEEP_UNDO}); import the district's corrected workbook instead",
        )
    rows: dict[str, list[dict[str, Any]]] = json.loads(
        zlib.decompress(data).decode("utf-8"), object_hook=_decode
    )
    return rows


class _Restore:
    """Puts a district's rows back as :func:`keep_before` found them: what the file added
    goes, what it changed or removed comes back (under its old id where that is free)."""

    def __init__(
        self, session: Session, district: str, period: Period, rows: dict[str, list[dict[str, Any]]]
    ) -> None:
        self.session = session
        self.district = district
        self.period = period
        self.rows = rows
        #: Old id → id now, per table, for rows whose old id another row has taken since.
        self.ids: dict[str, dict[int, int]] = {}

    def run(self) -> None:
        self._clear_month()
        self._parents(E, "reg_no", E.c.district_code == self.district)
        ours = select(E.c.id).where(E.c.district_code == self.district)
        self._parents(P, "code", P.c.entrepreneur_id.in_(ours))
        self._parents(H, "code", _household_of(self.district))
        ours_p = select(P.c.id).where(P.c.entrepreneur_id.in_(ours))
        ours_h = select(H.c.id).where(_household_of(self.district))
        for table, where in (
            (PS, PS.c.product_id.in_(ours_p)),
            (SR, SR.c.product_id.in_(ours_p)),
            (DR, DR.c.entrepreneur_id.in_(ours)),
            (HS, HS.c.household_id.in_(ours_h)),
        ):
            self.session.execute(delete(table).where(where))
            self._insert(table, self.rows[table.name], keep_id=False)
        self._trainings()
        self._insert(S, self.rows["sales"], keep_id=False)
        self._insert(G, self.rows["grants"], keep_id=False)
        self._keys()

    def _clear_month(self) -> None:
        """The district's rows of the file's month go (they come back from the copy)."""
        key, first, last = self.period.key, self.period.first_day, self.period.last_day
        ours = select(E.c.id).where(E.c.district_code == self.district)
        self.session.execute(delete(S).where(S.c.period == key, S.c.entrepreneur_id.in_(ours)))
        self.session.execute(
            delete(G).where(G.c.granted_on.between(first, last), G.c.entrepreneur_id.in_(ours))
        )
        in_month = select(TR.c.id).where(TR.c.held_on.between(first, last))
        touched = self.session.scalars(
            select(TP.c.training_id)
            .where(TP.c.training_id.in_(in_month), TP.c.entrepreneur_id.in_(ours))
            .distinct()
        ).all()
        self.session.execute(
            delete(TP).where(TP.c.training_id.in_(in_month), TP.c.entrepreneur_id.in_(ours))
        )
        for chunk in chunks(list(touched)):
            self.session.execute(
                delete(TR).where(TR.c.id.in_(chunk), TR.c.id.not_in(select(TP.c.training_id)))
            )

    def _parents(self, table: Table, code: str, where: Any) -> None:
        """Rows found by a code: those the copy lacks (or holds under another id) go, the
        others take the copy's values; the copy's rows missing now come back."""
        kept = {r["id"]: r for r in self.rows[table.name]}
        now = {
            row.id: row[1]
            for row in self.session.execute(select(table.c.id, table.c[code]).where(where))
        }
        gone = [i for i, c in now.items() if i not in kept or kept[i][code] != c]
        for chunk in chunks(gone):
            self.session.execute(delete(table).where(table.c.id.in_(chunk)))
        same = [self._mapped_row(table, r) for i, r in kept.items() if i in now and i not in gone]
        if same:
            # By primary key, as the import writes them (the model's columns are its fields).
            self.session.execute(update(_MODELS[table.name]), same)
        missing = [r for i, r in kept.items() if i not in now or i in gone]
        self._insert(table, missing, keep_id=True)

    def _mapped_row(self, table: Table, row: dict[str, Any]) -> dict[str, Any]:
        """``row`` with its references to rows that came back under a new id changed, without
        the columns the register places itself."""
        out = {k: v for k, v in row.items() if k not in _PLACED}
        for column in table.c:
            for fk in column.foreign_keys:
                target = fk.column.table.name
                if target in self.ids and out.get(column.name) in self.ids[target]:
                    out[column.name] = self.ids[target][out[column.name]]
        return out

    def _insert(self, table: Table, rows: list[dict[str, Any]], *, keep_id: bool) -> None:
        if not rows:
            return
        rows = [self._mapped_row(table, r) for r in rows]
        if "id" not in table.c:
            self.session.execute(insert(table), rows)
            return
        if not keep_id:
            self.session.execute(
                insert(table), [{k: v for k, v in r.items() if k != "id"} for r in rows]
            )
            return
        taken: set[int] = set()
        for chunk in chunks([r["id"] for r in rows]):
            taken |= set(self.session.scalars(select(table.c.id).where(table.c.id.in_(chunk))))
        free = [r for r in rows if r["id"] not in taken]
        if free:
            self.session.execute(insert(table), free)
        moved = self.ids.setdefault(table.name, {})
        for r in rows:
            if r["id"] in taken:
                new_id = self.session.scalar(
                    insert(table)
                    .values({k: v for k, v in r.items() if k != "id"})
                    .returning(table.c.id)
                )
                moved[r["id"]] = cast(int, new_id)

    def _trainings(self) -> None:
        kept = self.rows["trainings"]
        kept_as = {r["id"]: (r["held_on"], r["topic"], r["organiser"]) for r in kept}
        there: set[int] = set()
        for chunk in chunks(list(kept_as)):
            there |= {
                row.id
                for row in self.session.execute(
                    select(TR.c.id, TR.c.held_on, TR.c.topic, TR.c.organiser).where(
                        TR.c.id.in_(chunk)
                    )
                )
                if kept_as[row.id] == (row.held_on, row.topic, row.organiser)
            }
        # A training still held (by another district's people too) keeps its row; one whose
        # id another training has taken since comes back under a new id.
        self._insert(TR, [r for r in kept if r["id"] not in there], keep_id=True)
        self._insert(TP, self.rows["training_participants"], keep_id=False)

    def _keys(self) -> None:
        self.session.execute(delete(DK).where(DK.c.district_code == self.district))
        self._insert(DK, self.rows["district_keys"], keep_id=False)
        kept = {r["id"]: r for r in self.rows["signing_keys"]}
        self.session.execute(
            delete(SK).where(SK.c.owner == self.district, SK.c.id.not_in(list(kept) or [-1]))
        )
        for key_id, row in kept.items():
            self.session.execute(
                update(SK).where(SK.c.id == key_id).values(valid_to=row["valid_to"])
            )
