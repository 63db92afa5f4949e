"""Signing certificates: on a register with accounts the office's key is sealed, and a head
unlocks it with a password once per program run; until then certificates are previews."""

from __future__ import annotations

from otop_desktop.errors import UserError


class SigningLocked(UserError):
    def __init__(self) -> None:
        super().__init__(
            "การลงนามหนังสือรับรองยังไม่ได้ปลดล็อก: หัวหน้าสำนักงานต้องใส่รหัสผ่านก่อนพิมพ์หรือบันทึก",
            "Signing is locked: a head of office must give a password before certificates "
            "are printed or saved",
        )
