"""Storing one checked district month in a province register, inside the caller's unit of
work: the month's sales and support rows are replaced; the district's register snapshot
(entrepreneurs, products with their standards and rating, households) is replaced when the
file's month is the latest the province holds for that district. Rows are matched by their
codes and only those that differ are written, so that importing a file again changes
nothing and keeps the search index and the ids stable."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from contextlib import nullcontext
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any, TypeVar, cast

from sqlalchemy import Column, Insert, Table, delete, func, insert, or_, select, update
from sqlalchemy.orm import InstrumentedAttribute, Session

from otop_desktop.domain import READINESS_ITEMS, readiness_level
from otop_desktop.models import (
    Base,
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
    SigningKey,
    StarRating,
    Training,
    TrainingParticipant,
)
from otop_desktop.models.base import utcnow
from otop_desktop.search import bulk_load, entrepreneur_doc, product_doc, search_mask
from otop_desktop.services import status_history
from otop_desktop.services.numbers import (
    household_counter,
    parse_household_code,
    raise_all,
    registration_counter,
)
from otop_desktop.submission.withdraw import chunks as _chunks
from otop_desktop.submission.withdraw import keep_before, save_before
from otop_desktop.submission.workbook_reading import Reason
from otop_desktop.submission.workbook_records import (
    EntrepreneurRecord,
    HouseholdRecord,
    ProductRecord,
    Submission,
)

#: Above this many entrepreneur and product rows written, the search index is rebuilt once
#: instead of kept row by row (see search.bulk_load).
BULK_FROM = 5_000
#: Ids per ``IN (…)`` list, well under every backend's parameter limit.
_IN_CHUNK = 5_000

T = TypeVar("T")


@dataclass(frozen=True)
class Stored:
    """What storing a file did."""

    received_id: int
    #: False when an older month came in late and the register snapshot was left alone.
    snapshot: bool
    #: An earlier file for the same district and month was replaced.
    replaced: bool
    warnings: tuple[Reason, ...]


def _insert(model: type[Base]) -> Insert:
    """A Core insert: the ORM's bulk insert groups rows by which of their values are None and
    sends one statement per group (hundreds for a district's products)."""
    return insert(cast(Table, model.__table__))


def _column(model: type[Base], name: str) -> Column[Any]:
    return cast(Table, model.__table__).c[name]


def store_submission(session: Session, sub: Submission) -> Stored:
    district, key = sub.district_code, sub.period.key
    latest = session.scalar(
        select(func.max(ReceivedSubmission.period)).where(
            ReceivedSubmission.district_code == district
        )
    )
    replaced = bool(
        session.scalar(
            select(func.count()).where(
                ReceivedSubmission.district_code == district, ReceivedSubmission.period == key
            )
        )
    )
    snapshot = latest is None or key >= latest
    # Kept so that a head can withdraw the file (otop_desktop.submission.withdraw).
    kept = ({e.reg_no for e in sub.entrepreneurs}, {p.code for p in sub.products})
    before = keep_before(session, district, sub.period, kept if snapshot else None)
    writer = _Writer(session, sub)
    big = len(sub.entrepreneurs) + len(sub.products) > BULK_FROM
    with bulk_load(session) if big else nullcontext():
        if snapshot:
            writer.snapshot()
        else:
            writer.referenced()
    writer.month()
    # The district's records changed by whole rows, not through the entrepreneur services.
    status_history.catch_up(session)
    warnings = [*sub.warnings, *_shared_ids(session, sub)]
    received = ReceivedSubmission(
        district_code=district,
        period=key,
        file_name=sub.file_name,
        sha256=sub.sha256,
        created_at_text=sub.created_at_text,
        program_version=sub.program_version,
        rows_entrepreneurs=sub.counts["rows_entrepreneurs"],
        rows_products=sub.counts["rows_products"],
        rows_sales=sub.counts["rows_sales"],
        rows_households=sub.counts["rows_households"],
        rows_support=sub.counts["rows_support"],
        sales_total=sub.sales_total,
        warnings=json.dumps([w.as_json() for w in warnings], ensure_ascii=False),
    )
    session.add(received)
    _keep_key(session, sub, warnings)
    session.flush()
    save_before(session, received.id, before)
    return Stored(received.id, snapshot, replaced, tuple(warnings))


def _keep_key(session: Session, sub: Submission, warnings: list[Reason]) -> None:
    """The district's public key from its latest month; an older month sent late does not
    replace a newer key."""
    found = session.get(DistrictKey, sub.district_code)
    if found is None:
        session.add(
            DistrictKey(
                district_code=sub.district_code, public_key=sub.public_key, period=sub.period.key
            )
        )
        session.add(SigningKey(owner=sub.district_code, public_key=sub.public_key))
        return
    if sub.period.key < found.period:
        return
    if found.public_key != sub.public_key:
        warnings.append(
            Reason(
                "กุญแจสาธารณะของอำเภอเปลี่ยนไปจากไฟล์ก่อน (เปลี่ยนกุญแจหรือติดตั้งโปรแกรมใหม่?) "
                "หนังสือรับรองที่พิมพ์ก่อนวันนี้ยังตรวจด้วยกุญแจเดิม",
                "the district's public key differs from its earlier files (a replaced key or a "
                "new installation?); certificates printed before today verify with the old key",
            )
        )
        # Every key stays on record with its days, so what the old one signed still verifies.
        now = utcnow()
        for old in session.scalars(
            select(SigningKey).where(
                SigningKey.owner == sub.district_code, SigningKey.valid_to.is_(None)
            )
        ):
            old.valid_to = now
        session.add(SigningKey(owner=sub.district_code, public_key=sub.public_key, valid_from=now))
    found.public_key = sub.public_key
    found.period = sub.period.key
    found.updated_at = utcnow()


def _shared_ids(session: Session, sub: Submission) -> list[Reason]:
    """Citizen IDs of this file's producers that another district has registered too."""
    ids = sorted({e.national_id for e in sub.entrepreneurs})
    mine = defaultdict(list)
    for e in sub.entrepreneurs:
        mine[e.national_id].append(e.reg_no)
    found: list[Reason] = []
    for chunk in _chunks(ids):
        for national_id, reg_no, other in session.execute(
            select(Entrepreneur.national_id, Entrepreneur.reg_no, Entrepreneur.district_code)
            .where(
                Entrepreneur.national_id.in_(chunk),
                Entrepreneur.district_code != sub.district_code,
            )
            .order_by(Entrepreneur.national_id, Entrepreneur.reg_no)
        ):
            ours = ", ".join(mine[national_id])
            found.append(
                Reason(
                    f"เลขประจำตัว {national_id} ของ {ours} ลงทะเบียนไว้ที่อำเภอ {other} ด้วย ({reg_no})",
                    f"the ID {national_id} of {ours} is also registered in district {other} "
                    f"({reg_no})",
                )
            )
    return found


def _readiness_flags(level: int) -> dict[str, bool]:
    """A checklist with the given level: a bank account and the first ``level`` practices
    (the workbook carries the level, not the items)."""
    keys = [key for key, _, _ in READINESS_ITEMS]
    return {key: level > 0 and i <= level for i, key in enumerate(keys)}


class _Writer:
    def __init__(self, session: Session, sub: Submission) -> None:
        self.session = session
        self.sub = sub
        self.district = sub.district_code
        self.products_of: dict[str, list[ProductRecord]] = defaultdict(list)
        for p in sub.products:
            self.products_of[p.reg_no].append(p)
        self.entrepreneur_ids: dict[str, int] = {}
        self.product_ids: dict[str, int] = {}

    # --- entrepreneurs -------------------------------------------------------------------

    def _entrepreneur_values(self, e: EntrepreneurRecord, previous_reg_no: str) -> dict[str, Any]:
        products = self.products_of.get(e.reg_no, [])
        seqs = [int(p.code.rsplit("-P", 1)[1]) for p in products]
        return {
            "reg_no": e.reg_no,
            "district_code": self.district,
            "producer_type": e.producer_type,
            "name": e.name,
            "contact_name": e.contact_name,
            "national_id": e.national_id,
            "house_no": e.house_no,
            "moo": e.moo,
            "subdistrict_code": e.subdistrict_code,
            "phone": e.phone,
            "status": e.status,
            "registered_on": e.registered_on,
            "next_product_seq": max(seqs, default=0) + 1,
            **_search(
                entrepreneur_doc(
                    e.name, e.contact_name, e.reg_no, previous_reg_no, (p.name for p in products)
                )
            ),
        }

    def _existing_entrepreneurs(self, reg_nos: Iterable[str] | None) -> dict[str, dict[str, Any]]:
        columns = [
            Entrepreneur.id,
            Entrepreneur.version,
            Entrepreneur.previous_reg_no,
            *_ENTREPRENEUR_COLUMNS,
        ]
        where = (
            Entrepreneur.district_code == self.district
            if reg_nos is None
            else Entrepreneur.reg_no.in_(list(reg_nos))
        )
        return {
            row.reg_no: row._asdict() for row in self.session.execute(select(*columns).where(where))
        }

    def _write_entrepreneurs(
        self, records: Sequence[EntrepreneurRecord], existing: dict[str, dict[str, Any]]
    ) -> None:
        new_rows, changed = [], []
        for e in records:
            old = existing.get(e.reg_no)
            values = self._entrepreneur_values(e, old["previous_reg_no"] if old else "")
            if old is None:
                new_rows.append(values)
            else:
                self.entrepreneur_ids[e.reg_no] = old["id"]
                if any(old[c.key] != values[c.key] for c in _ENTREPRENEUR_COLUMNS):
                    changed.append({"id": old["id"], "version": old["version"], **values})
        if changed:
            self.session.execute(update(Entrepreneur), changed)
        if new_rows:
            # Each id comes back with its code, so the order does not matter; asking for the
            # parameters' order (sort_by_parameter_order) makes SQLite insert row by row.
            for eid, reg_no in self.session.execute(
                _insert(Entrepreneur).returning(
                    _column(Entrepreneur, "id"), _column(Entrepreneur, "reg_no")
                ),
                new_rows,
            ):
                self.entrepreneur_ids[reg_no] = eid
        years: dict[int, int] = {}
        for e in records:
            _, year, seq = e.reg_no.split("-")
            years[int(year)] = max(years.get(int(year), 0), int(seq))
        raise_all(
            self.session,
            {registration_counter(self.district, year): seq for year, seq in years.items()},
        )
        self._write_readiness(records)

    def _write_readiness(self, records: Sequence[EntrepreneurRecord]) -> None:
        ids = [self.entrepreneur_ids[e.reg_no] for e in records]
        flags = [getattr(DigitalReadiness, key) for key, _, _ in READINESS_ITEMS]
        levels: dict[int, int] = {}
        for chunk in _chunks(ids):
            for eid, *values in self.session.execute(
                select(DigitalReadiness.entrepreneur_id, *flags).where(
                    DigitalReadiness.entrepreneur_id.in_(chunk)
                )
            ):
                levels[eid] = readiness_level(
                    {key: v for (key, _, _), v in zip(READINESS_ITEMS, values, strict=True)}
                )
        stale, fresh = [], []
        for e in records:
            eid = self.entrepreneur_ids[e.reg_no]
            if levels.get(eid, 0) == e.readiness:
                continue
            if eid in levels:
                stale.append(eid)
            fresh.append({"entrepreneur_id": eid, **_readiness_flags(e.readiness)})
        for chunk in _chunks(stale):
            self.session.execute(
                delete(DigitalReadiness).where(DigitalReadiness.entrepreneur_id.in_(chunk))
            )
        if fresh:
            self.session.execute(_insert(DigitalReadiness), fresh)

    # --- products ------------------------------------------------------------------------

    def _product_values(self, p: ProductRecord, owner: str) -> dict[str, Any]:
        return {
            "entrepreneur_id": self.entrepreneur_ids[p.reg_no],
            "code": p.code,
            "name": p.name,
            "category": p.category,
            "price": p.price,
            "unit": p.unit,
            "soft_power": p.soft_power,
            "current_stars": p.stars,
            "current_star_year": p.star_year,
            **_search(product_doc(p.name, p.code, owner)),
        }

    def _existing_products(self, where: Any) -> dict[str, dict[str, Any]]:
        rows = self.session.execute(
            select(Product.id, Product.version, *_PRODUCT_COLUMNS).where(where)
        )
        return {row.code: row._asdict() for row in rows}

    def _write_products(
        self, records: Sequence[ProductRecord], existing: dict[str, dict[str, Any]]
    ) -> None:
        names = {e.reg_no: e.name for e in self.sub.entrepreneurs}
        new_rows, changed = [], []
        for p in records:
            values = self._product_values(p, names[p.reg_no])
            old = existing.get(p.code)
            if old is None:
                new_rows.append(values)
            else:
                self.product_ids[p.code] = old["id"]
                if any(old[c.key] != values[c.key] for c in _PRODUCT_COLUMNS):
                    changed.append({"id": old["id"], "version": old["version"], **values})
        if changed:
            self.session.execute(update(Product), changed)
        if new_rows:
            for pid, code in self.session.execute(
                _insert(Product).returning(_column(Product, "id"), _column(Product, "code")),
                new_rows,
            ):
                self.product_ids[code] = pid
        self._write_standards_and_ratings(records)

    def _write_standards_and_ratings(self, records: Sequence[ProductRecord]) -> None:
        ids = [self.product_ids[p.code] for p in records]
        standards: dict[int, set[str]] = defaultdict(set)
        ratings: dict[int, set[tuple[int, int]]] = defaultdict(set)
        for chunk in _chunks(ids):
            for pid, standard in self.session.execute(
                select(ProductStandard.product_id, ProductStandard.standard).where(
                    ProductStandard.product_id.in_(chunk)
                )
            ):
                standards[pid].add(standard)
            for pid, year, stars in self.session.execute(
                select(StarRating.product_id, StarRating.year_be, StarRating.stars).where(
                    StarRating.product_id.in_(chunk)
                )
            ):
                ratings[pid].add((year, stars))
        gone_standards, new_standards, gone_ratings, new_ratings = [], [], [], []
        for p in records:
            pid = self.product_ids[p.code]
            wanted = set(p.standards)
            gone_standards += [(pid, s) for s in standards[pid] - wanted]
            new_standards += [
                {"product_id": pid, "standard": s} for s in p.standards if s not in standards[pid]
            ]
            rating = {(p.star_year, p.stars)} if p.stars and p.star_year else set()
            if ratings[pid] != rating:
                gone_ratings.append(pid)
                new_ratings += [{"product_id": pid, "year_be": y, "stars": s} for y, s in rating]
        for pid, standard in gone_standards:
            self.session.execute(
                delete(ProductStandard).where(
                    ProductStandard.product_id == pid, ProductStandard.standard == standard
                )
            )
        for chunk in _chunks(gone_ratings):
            self.session.execute(delete(StarRating).where(StarRating.product_id.in_(chunk)))
        if new_standards:
            self.session.execute(_insert(ProductStandard), new_standards)
        if new_ratings:
            self.session.execute(_insert(StarRating), new_ratings)

    # --- the register snapshot -----------------------------------------------------------

    def snapshot(self) -> None:
        """The district's entrepreneurs, products and households become the file's."""
        existing = self._existing_entrepreneurs(None)
        existing |= self._existing_entrepreneurs(e.reg_no for e in self.sub.entrepreneurs)
        wanted = {e.reg_no for e in self.sub.entrepreneurs}
        self._write_entrepreneurs(self.sub.entrepreneurs, existing)
        ours = [self.entrepreneur_ids[r] for r in wanted]
        products: dict[str, dict[str, Any]] = {}
        for chunk in _chunks(ours):
            products |= self._existing_products(Product.entrepreneur_id.in_(chunk))
        codes = {p.code for p in self.sub.products}
        products |= self._existing_products(Product.code.in_(list(codes)))
        # A product that moved to another producer is rewritten under it; one that is gone
        # is deleted, with its sales of every month (as the district deleted it).
        self._delete(Product, [v["id"] for c, v in products.items() if c not in codes])
        self._write_products(self.sub.products, products)
        self._delete(Entrepreneur, [v["id"] for r, v in existing.items() if r not in wanted])
        self._write_households()

    def referenced(self) -> None:
        """For an older month sent late: only the producers and products its sales and
        support rows name and the register lacks, so that the month's figures are whole."""
        wanted = {s.reg_no for s in self.sub.sales} | {s.reg_no for s in self.sub.support}
        existing = self._existing_entrepreneurs(sorted(wanted))
        missing = [
            e for e in self.sub.entrepreneurs if e.reg_no in wanted and e.reg_no not in existing
        ]
        self._write_entrepreneurs(missing, {})
        self.entrepreneur_ids |= {r: v["id"] for r, v in existing.items()}
        codes = sorted({s.product_code for s in self.sub.sales if s.product_code})
        products = self._existing_products(Product.code.in_(codes))
        self.product_ids |= {c: v["id"] for c, v in products.items()}
        self._write_products(
            [p for p in self.sub.products if p.code in codes and p.code not in products], {}
        )

    def _delete(self, model: type[Entrepreneur] | type[Product], ids: list[int]) -> None:
        for chunk in _chunks(ids):
            self.session.execute(
                delete(model)
                .where(model.id.in_(chunk))
                .execution_options(synchronize_session=False)
            )

    def _write_households(self) -> None:
        district_of = func.substr(Household.subdistrict_code, 1, 4)
        code_district = func.substr(Household.code, 1, 4)
        records = {h.code: h for h in self.sub.households}
        existing = {
            row.code: row._asdict()
            for row in self.session.execute(
                select(Household.id, Household.version, *_HOUSEHOLD_COLUMNS).where(
                    or_(district_of == self.district, code_district == self.district)
                )
            )
        }
        skills: dict[int, list[tuple[str, str, str, str]]] = defaultdict(list)
        for hid, skill, industry, level, training_wanted in self.session.execute(
            select(
                HouseholdSkill.household_id,
                HouseholdSkill.skill,
                HouseholdSkill.industry,
                HouseholdSkill.level,
                HouseholdSkill.training_wanted,
            )
            .join(Household)
            .where(or_(district_of == self.district, code_district == self.district))
            .order_by(HouseholdSkill.household_id, HouseholdSkill.id)
        ):
            skills[hid].append((skill, industry, level, training_wanted))
        gone = [v["id"] for c, v in existing.items() if c not in records]
        for chunk in _chunks(gone):
            self.session.execute(delete(Household).where(Household.id.in_(chunk)))
        new_rows, changed, reskilled = [], [], []
        ids: dict[str, int] = {}
        for code, h in records.items():
            values = _household_values(h)
            old = existing.get(code)
            wanted = [(s.skill, s.industry, s.level, s.training_wanted) for s in h.skills]
            if old is None:
                new_rows.append(values)
                continue
            ids[code] = old["id"]
            if any(old[c.key] != values[c.key] for c in _HOUSEHOLD_COLUMNS):
                changed.append({"id": old["id"], "version": old["version"], **values})
            if skills.get(old["id"], []) != wanted:
                reskilled.append(code)
        if changed:
            self.session.execute(update(Household), changed)
        if new_rows:
            for hid, code in self.session.execute(
                _insert(Household).returning(_column(Household, "id"), _column(Household, "code")),
                new_rows,
            ):
                ids[code] = hid
                reskilled.append(code)
        # As with registration numbers: the counters never stay below a code in the register.
        highest: dict[tuple[str, int], int] = {}
        for code in records:
            if parsed := parse_household_code(code):
                subdistrict, moo, seq = parsed
                highest[subdistrict, moo] = max(highest.get((subdistrict, moo), 0), seq)
        raise_all(
            self.session,
            {household_counter(sub, moo): seq for (sub, moo), seq in highest.items()},
        )
        stale = [ids[c] for c in reskilled if c in existing]
        for chunk in _chunks(stale):
            self.session.execute(
                delete(HouseholdSkill).where(HouseholdSkill.household_id.in_(chunk))
            )
        new_skills = [
            {
                "household_id": ids[code],
                "skill": s.skill,
                "industry": s.industry,
                "level": s.level,
                "training_wanted": s.training_wanted,
            }
            for code in reskilled
            for s in records[code].skills
        ]
        if new_skills:
            self.session.execute(_insert(HouseholdSkill), new_skills)

    # --- the month -----------------------------------------------------------------------

    def month(self) -> None:
        """The district's sales and support rows of the file's month become the file's."""
        key = self.sub.period.key
        first, last = self.sub.period.first_day, self.sub.period.last_day
        ours = select(Entrepreneur.id).where(Entrepreneur.district_code == self.district)
        self.session.execute(
            delete(Sale)
            .where(Sale.period == key, Sale.entrepreneur_id.in_(ours))
            .execution_options(synchronize_session=False)
        )
        self.session.execute(
            delete(Grant)
            .where(Grant.granted_on.between(first, last), Grant.entrepreneur_id.in_(ours))
            .execution_options(synchronize_session=False)
        )
        wanted = self._wanted_trainings()
        if self._held_trainings(ours) != wanted:
            self._drop_trainings(ours)
            self._add_trainings(wanted)
        sales = [
            {
                "entrepreneur_id": self.entrepreneur_ids[s.reg_no],
                "period": key,
                "product_id": self.product_ids[s.product_code] if s.product_code else None,
                "amount": s.amount,
                "online_amount": s.online_amount,
            }
            for s in self.sub.sales
        ]
        if sales:
            self.session.execute(_insert(Sale), sales)
        self._grants()

    def _grants(self) -> None:
        grants = [
            {
                "entrepreneur_id": self.entrepreneur_ids[s.reg_no],
                "granted_on": s.on,
                "amount": s.amount,
                "purpose": s.topic,
                "funder": s.organiser,
            }
            for s in self.sub.support
            if not s.training
        ]
        if grants:
            self.session.execute(_insert(Grant), grants)

    def _wanted_trainings(self) -> dict[tuple[date, str, str], tuple[Decimal, frozenset[int]]]:
        """One training per date, topic and organiser: its rows are its participants, their
        shares add up to the budget."""
        found: dict[tuple[date, str, str], tuple[Decimal, frozenset[int]]] = {}
        for s in self.sub.support:
            if s.training:
                key = (s.on, s.topic, s.organiser)
                budget, people = found.get(key, (Decimal(0), frozenset()))
                found[key] = (budget + s.amount, people | {self.entrepreneur_ids[s.reg_no]})
        return found

    def _held_trainings(
        self, ours: Any
    ) -> dict[tuple[date, str, str], tuple[Decimal, frozenset[int]]] | None:
        """The month's trainings this district's people took part in, as _wanted_trainings
        gives them; None if one also has people of another district (the province's own)."""
        first, last = self.sub.period.first_day, self.sub.period.last_day
        taken = select(TrainingParticipant.training_id).where(
            TrainingParticipant.entrepreneur_id.in_(ours)
        )
        rows = self.session.execute(
            select(
                Training.id,
                Training.held_on,
                Training.topic,
                Training.organiser,
                Training.budget,
                TrainingParticipant.entrepreneur_id,
                Entrepreneur.district_code,
            )
            .join(TrainingParticipant, TrainingParticipant.training_id == Training.id)
            .join(Entrepreneur, Entrepreneur.id == TrainingParticipant.entrepreneur_id)
            .where(Training.held_on.between(first, last), Training.id.in_(taken))
        ).all()
        if any(row.district_code != self.district for row in rows):
            return None
        held: dict[int, tuple[tuple[date, str, str], Decimal]] = {}
        people: dict[int, set[int]] = defaultdict(set)
        for row in rows:
            held[row.id] = ((row.held_on, row.topic, row.organiser), row.budget)
            people[row.id].add(row.entrepreneur_id)
        if len({key for key, _ in held.values()}) != len(held):
            return None  # two trainings alike: they are rewritten as one
        return {key: (budget, frozenset(people[tid])) for tid, (key, budget) in held.items()}

    def _drop_trainings(self, ours: Any) -> None:
        first, last = self.sub.period.first_day, self.sub.period.last_day
        # The month's trainings this district's people took part in lose them; those left
        # with nobody (the ones an earlier file of this district brought in) go. A training
        # the province keeps itself for several districts keeps the other districts' people.
        taken = list(
            self.session.scalars(
                select(TrainingParticipant.training_id)
                .join(Training, Training.id == TrainingParticipant.training_id)
                .where(
                    Training.held_on.between(first, last),
                    TrainingParticipant.entrepreneur_id.in_(ours),
                )
                .distinct()
            )
        )
        for chunk in _chunks(taken):
            self.session.execute(
                delete(TrainingParticipant).where(
                    TrainingParticipant.training_id.in_(chunk),
                    TrainingParticipant.entrepreneur_id.in_(ours),
                )
            )
            self.session.execute(
                delete(Training).where(
                    Training.id.in_(chunk),
                    Training.id.not_in(select(TrainingParticipant.training_id)),
                )
            )

    def _add_trainings(
        self, wanted: dict[tuple[date, str, str], tuple[Decimal, frozenset[int]]]
    ) -> None:
        if not wanted:
            return
        rows = [
            {"held_on": on, "topic": topic, "organiser": organiser, "budget": budget}
            for (on, topic, organiser), (budget, _) in wanted.items()
        ]
        returned = self.session.execute(
            _insert(Training).returning(
                *(_column(Training, c) for c in ("id", "held_on", "topic", "organiser"))
            ),
            rows,
        )
        participants = [
            {"training_id": tid, "entrepreneur_id": eid}
            for tid, *key in returned
            for eid in sorted(wanted[(key[0], key[1], key[2])][1])
        ]
        self.session.execute(_insert(TrainingParticipant), participants)


def _search(doc: str) -> dict[str, Any]:
    # Written with Core, not the ORM: the mask the model keeps beside the text goes along.
    return {"search_text": doc, "search_mask": search_mask(doc)}


def _household_values(h: HouseholdRecord) -> dict[str, Any]:
    return {
        "code": h.code,
        "house_no": h.house_no,
        "moo": h.moo,
        "subdistrict_code": h.subdistrict_code,
        "head_name": h.head_name,
        "member_count": h.member_count,
    }


_ENTREPRENEUR_COLUMNS: tuple[InstrumentedAttribute[Any], ...] = (
    Entrepreneur.reg_no,
    Entrepreneur.district_code,
    Entrepreneur.producer_type,
    Entrepreneur.name,
    Entrepreneur.contact_name,
    Entrepreneur.national_id,
    Entrepreneur.house_no,
    Entrepreneur.moo,
    Entrepreneur.subdistrict_code,
    Entrepreneur.phone,
    Entrepreneur.status,
    Entrepreneur.registered_on,
    Entrepreneur.next_product_seq,
    Entrepreneur.search_text,
)
_PRODUCT_COLUMNS: tuple[InstrumentedAttribute[Any], ...] = (
    Product.entrepreneur_id,
    Product.code,
    Product.name,
    Product.category,
    Product.price,
    Product.unit,
    Product.soft_power,
    Product.current_stars,
    Product.current_star_year,
    Product.search_text,
)
_HOUSEHOLD_COLUMNS: tuple[InstrumentedAttribute[Any], ...] = (
    Household.code,
    Household.house_no,
    Household.moo,
    Household.subdistrict_code,
    Household.head_name,
    Household.member_count,
)
