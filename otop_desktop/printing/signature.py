"""The signed text a certificate's QR code carries, and its Ed25519 signature.

The text is ``OTOP1|<registration number>|<producer name>|<issue date>|<signature>``, the
date as the B.E. year, month and day (``2568-11-24``) and the signature as unpadded
base64url. The office signs the UTF-8 bytes of everything before the last ``|``, exactly as
printed, so that a changed letter anywhere fails. The name may itself hold a ``|``: the
registration number is the second field and the date and signature the last two."""

from __future__ import annotations

import base64
import re
from dataclasses import dataclass
from datetime import date

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from otop_desktop.errors import UserError
from otop_desktop.thaiformat import ThaiDateError, be_year, parse_be_date

VERSION = "OTOP1"
SEPARATOR = "|"
_DATE_RE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
# 64 bytes are 86 base64url letters without padding; anything else is refused rather than
# skipped, as the base64 module would skip it.
_SIGNATURE_RE = re.compile(r"[A-Za-z0-9_-]{86}")


@dataclass(frozen=True)
class Claim:
    """What a certificate states and its office signs."""

    reg_no: str
    name: str
    issued_on: date

    @property
    def message(self) -> bytes:
        day = self.issued_on
        issued = f"{be_year(day):04d}-{day.month:02d}-{day.day:02d}"
        return SEPARATOR.join((VERSION, self.reg_no, self.name, issued)).encode("utf-8")


@dataclass(frozen=True)
class SignedClaim:
    claim: Claim
    signature: bytes

    def matches(self, public_key_hex: str) -> bool:
        """True when ``public_key_hex`` (a raw Ed25519 key as hex) signed this claim."""
        try:
            key = Ed25519PublicKey.from_public_bytes(bytes.fromhex(public_key_hex))
        except ValueError:
            return False  # a damaged key on record verifies nothing
        try:
            key.verify(self.signature, self.claim.message)
        except InvalidSignature:
            return False
        return True


def qr_text(claim: Claim, private_key: bytes) -> str:
    """The QR code's text: the claim and the office's signature of it."""
    if SEPARATOR in claim.reg_no:
        raise ValueError(f"registration number with {SEPARATOR!r}: {claim.reg_no!r}")
    signature = Ed25519PrivateKey.from_private_bytes(private_key).sign(claim.message)
    encoded = base64.urlsafe_b64encode(signature).rstrip(b"=").decode("ascii")
    return claim.message.decode("utf-8") + SEPARATOR + encoded


def _not_ours(text: str, why_th: str, why_en: str) -> UserError:
    shown = text if len(text) <= 60 else text[:57] + "…"
    return UserError(
        f"ข้อความ “{shown}” ไม่ใช่รหัสหนังสือรับรอง OTOP ({why_th})",
        f"“{shown}” is not an OTOP certificate code ({why_en})",
    )


def parse_qr_text(text: str) -> SignedClaim:
    """Reads a QR code's text (surrounding white space, as scanners add, is ignored). Text
    that is not a certificate code at all is a UserError; whether the signature is good is
    :meth:`SignedClaim.matches`'s question."""
    text = text.strip()
    head = text.split(SEPARATOR, 2)
    if len(head) < 3 or head[0] != VERSION:
        raise _not_ours(text, f"ต้องขึ้นต้นด้วย {VERSION}|", f"it must start with {VERSION}|")
    tail = head[2].rsplit(SEPARATOR, 2)
    if len(tail) < 3:
        raise _not_ours(text, "ข้อมูลไม่ครบ", "fields are missing")
    name, issued, encoded = tail
    if not head[1] or not name:
        raise _not_ours(text, "ไม่มีเลขทะเบียนหรือชื่อ", "the registration number or name is empty")
    try:
        if not _DATE_RE.fullmatch(issued):
            raise ValueError(issued)
        issued_on = parse_be_date(issued)
    except (ValueError, ThaiDateError):
        raise _not_ours(
            text, f"วันที่ออก “{issued}” ไม่ถูกต้อง", f"the issue date “{issued}” is not valid"
        ) from None
    if not _SIGNATURE_RE.fullmatch(encoded):
        raise _not_ours(text, "ลายมือชื่อดิจิทัลไม่ครบหรือผิดรูปแบบ", "the digital signature is damaged")
    signature = base64.urlsafe_b64decode(encoded + "==")
    # The last letter carries 4 unused bits: only the one spelling of the signature counts,
    # so that no altered text passes.
    if base64.urlsafe_b64encode(signature).rstrip(b"=").decode("ascii") != encoded:
        raise _not_ours(text, "ลายมือชื่อดิจิทัลไม่ครบหรือผิดรูปแบบ", "the digital signature is damaged")
    return SignedClaim(Claim(head[1], name, issued_on), signature)
