"""Which backups a folder keeps: the newest of each of the last 7 days, 4 weeks and 12 months
that have one (the grandfather-father-son rotation backup programs use)."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from datetime import datetime

from otop_desktop.backup.sidecar import BackupInfo

DAILY, WEEKLY, MONTHLY = 7, 4, 12


def _newest_per(
    backups: Sequence[BackupInfo], key: Callable[[datetime], Hashable], count: int
) -> set[BackupInfo]:
    kept: dict[Hashable, BackupInfo] = {}
    for info in backups:  # newest first
        bucket = key(info.made_at.astimezone())
        if bucket not in kept:
            if len(kept) == count:
                break
            kept[bucket] = info
    return set(kept.values())


def to_remove(backups: Sequence[BackupInfo]) -> list[BackupInfo]:
    """The backups of one register that rotation lets go, given newest first. The newest is
    always kept."""
    ordered = sorted(backups, key=lambda i: i.made_at, reverse=True)
    keep = (
        _newest_per(ordered, lambda t: t.date(), DAILY)
        | _newest_per(ordered, lambda t: t.isocalendar()[:2], WEEKLY)
        | _newest_per(ordered, lambda t: (t.year, t.month), MONTHLY)
        | set(ordered[:1])
    )
    return [info for info in ordered if info not in keep]
