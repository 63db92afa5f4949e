"""The signed text a certificate's QR code carries, and its Ed25519 signature.

Two versions are read; certificates are issued in the second:

- ``OTOP1|<registration number>|<producer name>|<issue date>|<signature>``
- ``OTOP2|<registration number>|<producer name>|<issue date>|<products>|<digest>|<signature>``,
  which also signs the products the certificate lists (on its first sheet and the attached
  list): their number, and a digest of their codes and names (see :class:`ProductList`).

The date is the B.E. year, month and day (``2568-11-24``) and the signature unpadded
base64url. The office signs the UTF-8 bytes of everything before the last ``|``, exactly as
printed, so that a changed letter anywhere fails. The name may itself hold a ``|``: the
registration number is the second field and the fields after the name are counted from
the end."""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from otop_desktop.errors import UserError
from otop_desktop.thaiformat import ThaiDateError, be_year, parse_be_date

VERSION_1 = "OTOP1"
VERSION_2 = "OTOP2"
#: The version new certificates carry.
VERSION = VERSION_2
SEPARATOR = "|"
_DATE_RE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
# 64 bytes are 86 base64url letters without padding; anything else is refused rather than
# skipped, as the base64 module would skip it.
_SIGNATURE_RE = re.compile(r"[A-Za-z0-9_-]{86}")
# 16 bytes are 22 letters.
_DIGEST_RE = re.compile(r"[A-Za-z0-9_-]{22}")
_COUNT_RE = re.compile(r"[1-9][0-9]{0,3}")


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes | None:
    """The bytes of unpadded base64url ``text``, None unless ``text`` is their one spelling
    (the last letter carries unused bits: an altered spelling must not pass)."""
    data = base64.urlsafe_b64decode(text + "==")
    return data if _b64(data) == text else None


@dataclass(frozen=True)
class ProductList:
    """What an ``OTOP2`` code signs of the products: how many, and the first 16 bytes of
    the SHA-256 of their codes and names, one product a line (``code<TAB>name``) in code
    order. The QR stays small enough to read, and a product added, dropped or renamed
    after the certificate was issued no longer matches."""

    count: int
    digest: str  # 22 letters of base64url

    @classmethod
    def of(cls, products: Iterable[tuple[str, str]]) -> ProductList:
        """The list of ``(code, name)`` pairs, in any order."""
        ordered = sorted(products)
        text = "\n".join(f"{code}\t{name}" for code, name in ordered)
        return cls(len(ordered), _b64(hashlib.sha256(text.encode("utf-8")).digest()[:16]))


@dataclass(frozen=True)
class Claim:
    """What a certificate states and its office signs."""

    reg_no: str
    name: str
    issued_on: date
    #: The products it lists: an ``OTOP2`` claim; None for an ``OTOP1`` one.
    products: ProductList | None = None

    @property
    def version(self) -> str:
        return VERSION_1 if self.products is None else VERSION_2

    @property
    def message(self) -> bytes:
        day = self.issued_on
        fields = [self.version, self.reg_no, self.name]
        fields.append(f"{be_year(day):04d}-{day.month:02d}-{day.day:02d}")
        if self.products is not None:
            fields += [str(self.products.count), self.products.digest]
        return SEPARATOR.join(fields).encode("utf-8")


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
    return claim.message.decode("utf-8") + SEPARATOR + _b64(signature)


def _not_ours(text: str, why_th: str, why_en: str) -> UserError:
    shown = text if len(text) <= 60 else text[:57] + "…"
    return UserError(
        f"ข้อความ “{shown}” ไม่ใช่รหัสหนังสือรับรอง OTOP ({why_th})",
        f"“{shown}” is not an OTOP certificate code ({why_en})",
    )


def parse_qr_text(text: str) -> SignedClaim:
    """Reads a QR code's text, ``OTOP1`` or ``OTOP2`` (surrounding white space, as scanners
    add, is ignored). Text that is not a certificate code at all is a UserError; whether the
    signature is good is :meth:`SignedClaim.matches`'s question."""
    text = text.strip()
    head = text.split(SEPARATOR, 2)
    if len(head) < 3 or head[0] not in (VERSION_1, VERSION_2):
        raise _not_ours(
            text,
            f"ต้องขึ้นต้นด้วย {VERSION_2}| หรือ {VERSION_1}|",
            f"it must start with {VERSION_2}| or {VERSION_1}|",
        )
    version, reg_no, rest = head
    # The fields after the name: date (, products, digest), signature.
    after_name = 4 if version == VERSION_2 else 2
    tail = rest.rsplit(SEPARATOR, after_name)
    if len(tail) < after_name + 1:
        raise _not_ours(text, "ข้อมูลไม่ครบ", "fields are missing")
    name, issued = tail[0], tail[1]
    encoded = tail[-1]
    if not reg_no or not name:
        raise _not_ours(text, "ไม่มีเลขทะเบียนหรือชื่อ", "the registration number or name is empty")
    try:
        if not _DATE_RE.fullmatch(issued):
            raise ValueError(issued)
        issued_on = parse_be_date(issued)
    except (ValueError, ThaiDateError):
        raise _not_ours(
            text, f"วันที่ออก “{issued}” ไม่ถูกต้อง", f"the issue date “{issued}” is not valid"
        ) from None
    products = None
    if version == VERSION_2:
        count, digest = tail[2], tail[3]
        if not _COUNT_RE.fullmatch(count) or not _DIGEST_RE.fullmatch(digest) or not _unb64(digest):
            raise _not_ours(
                text,
                "จำนวนหรือรหัสสรุปรายการผลิตภัณฑ์ผิดรูปแบบ",
                "the number or digest of the products is damaged",
            )
        products = ProductList(int(count), digest)
    signature = _unb64(encoded) if _SIGNATURE_RE.fullmatch(encoded) else None
    if signature is None:
        raise _not_ours(text, "ลายมือชื่อดิจิทัลไม่ครบหรือผิดรูปแบบ", "the digital signature is damaged")
    return SignedClaim(Claim(reg_no, name, issued_on, products), signature)
