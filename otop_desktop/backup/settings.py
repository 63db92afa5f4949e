"""Where a register's backups go and whether the program makes them by itself: per register
(keyed by its id) in the user's data folder, since a backup folder is a place on this PC — a
USB drive, a shared folder — not a fact about the register."""

from __future__ import annotations

import json
import logging
from dataclasses import asdict, dataclass
from pathlib import Path

from otop_desktop.paths import data_dir

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class BackupSettings:
    #: None: the default folder in the user's data folder.
    folder: str | None = None
    #: A backup when the program closes and once a day while it is open.
    automatic: bool = True


def _path(register_id: str) -> Path:
    return data_dir() / "registers" / register_id / "backup.json"


def default_folder(register_id: str) -> Path:
    return data_dir() / "backups" / register_id


def load(register_id: str) -> BackupSettings:
    try:
        stored = json.loads(_path(register_id).read_text(encoding="utf-8"))
        return BackupSettings(
            folder=stored.get("folder") or None, automatic=bool(stored.get("automatic", True))
        )
    except FileNotFoundError:
        return BackupSettings()
    except (OSError, ValueError, AttributeError) as exc:
        log.warning("backup settings unreadable, using the defaults: %s", exc)
        return BackupSettings()


def save(register_id: str, settings: BackupSettings) -> None:
    path = _path(register_id)
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    temp = path.with_name(f".{path.name}.tmp")
    temp.write_text(json.dumps(asdict(settings), ensure_ascii=False), encoding="utf-8")
    temp.replace(path)


def folder_of(register_id: str, settings: BackupSettings | None = None) -> Path:
    chosen = (settings or load(register_id)).folder
    return Path(chosen) if chosen else default_folder(register_id)
