"""What a backup holds, written beside it (``NAME.otopbackup.json``) once it has been checked,
so that the list of backups says what each holds without opening one."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path

BACKUP_SUFFIX = ".otopbackup"
SIDECAR_SUFFIX = ".otopbackup.json"


# Compared by identity: rotation sorts backups into sets.
@dataclass(frozen=True, eq=False)
class BackupInfo:
    file: Path
    made_at: datetime  # aware, UTC
    reason: str  # manual | daily | closing
    register_id: str
    office_kind: str
    office_code: str
    office_name: str
    schema: str
    program_version: str
    sha256: str
    size: int
    counts: dict[str, int] = field(default_factory=dict)
    #: The highest registration number per district and B.E. year.
    highest: dict[str, str] = field(default_factory=dict)
    #: The register's number counters when the backup was made.
    counters: dict[str, int] = field(default_factory=dict)
    #: The audit trail's newest entry ("id:sha256"): kept outside the register, so that a
    #: trail cut or edited later is found by ``check``.
    audit_head: str = ""

    @property
    def entrepreneurs(self) -> int:
        return self.counts.get("entrepreneurs", 0)

    @property
    def products(self) -> int:
        return self.counts.get("products", 0)

    def to_json(self) -> str:
        data = asdict(self)
        data["file"] = self.file.name
        data["made_at"] = self.made_at.isoformat()
        return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True)


def sidecar_of(backup: Path) -> Path:
    return backup.with_name(backup.name + ".json")


def read(backup: Path) -> BackupInfo | None:
    """The sidecar's record of ``backup``; None when it is missing or unreadable (a backup
    killed before its check finished has none, and is not offered as good)."""
    try:
        data = json.loads(sidecar_of(backup).read_text(encoding="utf-8"))
        made_at = datetime.fromisoformat(data.pop("made_at"))
        data.pop("file", None)
        return BackupInfo(file=backup, made_at=made_at, **data)
    except (OSError, ValueError, TypeError, KeyError):
        return None


def in_folder(folder: Path, register_id: str | None = None) -> list[BackupInfo]:
    """The checked backups in ``folder`` (of one register, when given), newest first."""
    try:
        files = sorted(folder.glob(f"*{BACKUP_SUFFIX}"))
    except OSError:
        return []
    found = [info for f in files if (info := read(f)) is not None]
    if register_id is not None:
        found = [i for i in found if i.register_id == register_id]
    return sorted(found, key=lambda i: i.made_at, reverse=True)
