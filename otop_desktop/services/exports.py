"""The register's record of the files it has written for the province (read only): the
district's monthly workbooks and the province's consolidated ones, newest first."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from otop_desktop.models import ExportRecord
from otop_desktop.models.submission import MONTHLY_EXPORT as MONTHLY
from otop_desktop.models.submission import PROVINCE_EXPORT as PROVINCE
from otop_desktop.thaiformat import Period

SUBMISSION_KINDS = (MONTHLY, PROVINCE)
#: A list a clerk reads; years of monthly exports stay far below it.
MAX_SHOWN = 500


@dataclass(frozen=True)
class PastExport:
    at: datetime
    kind: str
    period: Period | None
    district_code: str
    file_name: str
    created_by: str
    sha256: str


def past_exports(
    session: Session, kinds: Sequence[str] = SUBMISSION_KINDS, limit: int = MAX_SHOWN
) -> list[PastExport]:
    rows = session.scalars(
        select(ExportRecord)
        .where(ExportRecord.kind.in_(list(kinds)))
        .order_by(ExportRecord.created_at.desc(), ExportRecord.id.desc())
        .limit(limit)
    )
    return [
        PastExport(
            at=r.created_at,
            kind=r.kind,
            period=Period.from_key(r.period) if r.period else None,
            district_code=r.district_code or "",
            file_name=r.file_name,
            created_by=r.created_by,
            sha256=r.sha256,
        )
        for r in rows
    ]
