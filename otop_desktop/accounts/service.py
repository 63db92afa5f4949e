"""Accounts: adding, logging in (with a growing back-off), passwords, roles, disabling; the
office's signing key sealed under a vault key that each head's password — and a one-time
recovery code — unlocks. Every function runs in the caller's unit of work."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import timedelta

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from otop_desktop.accounts import secrets
from otop_desktop.accounts.roles import ROLE_TH, forget_accounts_state, has_accounts, require
from otop_desktop.audit.record import ACTOR, Actor, actor_of, note
from otop_desktop.errors import UserError
from otop_desktop.models import Account, KeyWrap, Office, SigningKey
from otop_desktop.models.accounts import HEAD, ROLES
from otop_desktop.models.base import utcnow

#: An account name: letters (Thai with its vowel and tone marks too), digits and . _ @ -.
_NAME_PUNCTUATION = frozenset("._@-")
MIN_PASSWORD = 8
#: Failed logins allowed before each further one makes the next wait, doubling up to the cap.
FREE_FAILURES = 3
MAX_WAIT = timedelta(minutes=15)


class LoginRefused(UserError):
    pass


@dataclass(frozen=True)
class Added:
    account: Account
    #: Shown once to the first head: the way back when no head remembers a password.
    recovery_code: str | None


def _office(session: Session) -> Office:
    office = session.get(Office, 1)
    if office is None:
        raise UserError("ทะเบียนยังไม่ได้ตั้งค่าสำนักงาน", "The register has no office set up")
    return office


def find(session: Session, name: str) -> Account:
    account = session.scalars(select(Account).where(Account.name == name)).first()
    if account is None:
        raise UserError(f"ไม่มีบัญชีชื่อ {name}", f"There is no account named {name}")
    return account


def list_accounts(session: Session) -> list[Account]:
    return list(session.scalars(select(Account).order_by(Account.name)))


def _check_name(name: str) -> str:
    allowed = all(ch in _NAME_PUNCTUATION or unicodedata.category(ch)[0] in "LMN" for ch in name)
    if not (1 <= len(name) <= 60 and allowed):
        raise UserError(
            "ชื่อบัญชีใช้ได้เฉพาะตัวอักษร ตัวเลข จุด ขีด และ @ ไม่เกิน 60 ตัว",
            "An account name is 1–60 letters, digits, '.', '-', '_' or '@'",
        )
    return name


def _check_role(role: str) -> str:
    if role not in ROLES:
        raise UserError(
            f"บทบาท {role} ไม่มี (ใช้ clerk, head หรือ viewer)",
            f"No role {role} (use clerk, head or viewer)",
        )
    return role


def _check_password(password: str) -> str:
    if len(password) < MIN_PASSWORD:
        raise UserError(
            f"รหัสผ่านต้องยาวอย่างน้อย {MIN_PASSWORD} ตัวอักษร",
            f"A password has at least {MIN_PASSWORD} characters",
        )
    return password


def _wrap(session: Session, vault_key: bytes, secret: str, account: Account | None) -> None:
    """Stores the vault key sealed under ``secret`` for ``account`` (None: the recovery
    code), replacing what that account had."""
    existing = session.scalars(
        select(KeyWrap).where(
            KeyWrap.account_id.is_(None) if account is None else KeyWrap.account_id == account.id
        )
    ).first()
    if existing is not None:
        session.delete(existing)
        session.flush()
    salt = secrets.new_salt()
    nonce, ciphertext = secrets.seal(secrets.derive_key(secret, salt), vault_key)
    session.add(
        KeyWrap(
            account_id=None if account is None else account.id,
            salt=salt,
            nonce=nonce,
            ciphertext=ciphertext,
        )
    )


def _unwrap(session: Session, secret: str, account: Account | None) -> bytes | None:
    wrap = session.scalars(
        select(KeyWrap).where(
            KeyWrap.account_id.is_(None) if account is None else KeyWrap.account_id == account.id
        )
    ).first()
    if wrap is None:
        return None
    return secrets.unseal(secrets.derive_key(secret, wrap.salt), wrap.nonce, wrap.ciphertext)


def _seal_signing_key(office: Office, vault_key: bytes, private: bytes) -> None:
    nonce, ciphertext = secrets.seal(vault_key, private)
    office.sealed_signing_key = nonce + ciphertext
    office.signing_private_key = None


def vault_key_of(session: Session, head_name: str, password: str) -> bytes:
    """The vault key, unlocked with a head's password; a UserError otherwise."""
    account = find(session, head_name)
    if (
        account.disabled
        or account.role != HEAD
        or not secrets.password_matches(account.password_hash, password)
    ):
        raise LoginRefused(
            f"ต้องใช้รหัสผ่านของหัวหน้าสำนักงาน ({head_name} ไม่ใช่หัวหน้าหรือรหัสผ่านไม่ถูกต้อง)",
            f"This needs a head of office's password ({head_name} is not a head, or the "
            "password is wrong)",
        )
    vault_key = _unwrap(session, password, account)
    if vault_key is None:
        raise UserError(
            f"กุญแจของ {head_name} อ่านไม่ได้ ให้หัวหน้าอีกคนตั้งรหัสผ่านใหม่ให้",
            f"{head_name}'s key cannot be read; have another head reset the password",
        )
    return vault_key


def add_account(
    session: Session,
    name: str,
    role: str,
    password: str,
    *,
    acting_password: str = "",
) -> Added:
    """Adds an account. The first account of a register must be a head: adding it seals the
    signing key and issues the recovery code. A later head needs the acting head's password
    (``acting_password``), which unlocks the key to wrap it for the new one."""
    _check_name(name)
    _check_role(role)
    _check_password(password)
    first = not has_accounts(session)
    if first and role != HEAD:
        raise UserError(
            "บัญชีแรกของทะเบียนต้องเป็นหัวหน้าสำนักงาน (head)",
            "The register's first account must be a head of office",
        )
    if not first:
        require(session, HEAD, "เพิ่มบัญชีผู้ใช้", "add accounts")
    if session.scalar(select(func.count()).where(Account.name == name)):
        raise UserError(f"มีบัญชีชื่อ {name} อยู่แล้ว", f"An account named {name} exists")
    account = Account(name=name, role=role, password_hash=secrets.hash_password(password))
    session.add(account)
    session.flush()
    recovery = None
    if first:
        office = _office(session)
        vault_key = secrets.new_key()
        private = office.signing_private_key
        if private is not None:
            _seal_signing_key(office, vault_key, private)
        _wrap(session, vault_key, password, account)
        recovery = secrets.new_recovery_code()
        _wrap(session, vault_key, recovery, None)
        forget_accounts_state(session)
    elif role == HEAD:
        vault_key = vault_key_of(session, _acting_name(session), acting_password)
        _wrap(session, vault_key, password, account)
    return Added(account, recovery)


def _acting_name(session: Session) -> str:
    return actor_of(session).name


def login(session: Session, name: str, password: str) -> Actor:
    """The actor for ``name`` when the password is right. A wrong one counts: after
    ``FREE_FAILURES`` each further failure doubles the wait before the next try. The
    caller commits either way, so a failed login is recorded (LoginRefused is raised after
    the counters and the trail are written — commit, then re-raise)."""
    account = session.scalars(select(Account).where(Account.name == name)).first()
    now = utcnow()
    if account is None or account.disabled:
        note(session, "login_failed", entity="account", record=name)
        raise LoginRefused("ชื่อบัญชีหรือรหัสผ่านไม่ถูกต้อง", "The account name or the password is wrong")
    if account.locked_until is not None and account.locked_until > now:
        wait = int((account.locked_until - now).total_seconds()) + 1
        raise LoginRefused(
            f"ใส่รหัสผ่านผิดหลายครั้ง กรุณารอ {wait} วินาทีแล้วลองใหม่",
            f"Too many wrong passwords: wait {wait} s and try again",
        )
    if not secrets.password_matches(account.password_hash, password):
        account.failed_logins += 1
        over = account.failed_logins - FREE_FAILURES
        if over > 0:
            account.locked_until = now + min(timedelta(seconds=2 ** (over - 1)), MAX_WAIT)
        note(session, "login_failed", entity="account", record=name)
        raise LoginRefused("ชื่อบัญชีหรือรหัสผ่านไม่ถูกต้อง", "The account name or the password is wrong")
    account.failed_logins = 0
    account.locked_until = None
    if secrets.needs_rehash(account.password_hash):
        account.password_hash = secrets.hash_password(password)
    actor = Actor(name=account.name, role=account.role, account_id=account.id)
    session.info[ACTOR] = actor  # the login entry is the account's own
    note(session, "login", entity="account", record=name)
    return actor


def change_password(session: Session, name: str, old: str, new: str) -> None:
    """An account's own new password (a head's key wrap follows it)."""
    _check_password(new)
    account = find(session, name)
    if not secrets.password_matches(account.password_hash, old):
        raise LoginRefused("รหัสผ่านเดิมไม่ถูกต้อง", "The current password is wrong")
    vault_key = _unwrap(session, old, account) if account.role == HEAD else None
    account.password_hash = secrets.hash_password(new)
    if vault_key is not None:
        _wrap(session, vault_key, new, account)


def reset_password(session: Session, name: str, new: str, *, acting_password: str) -> None:
    """A head sets a new password for an account whose owner forgot it."""
    require(session, HEAD, "ตั้งรหัสผ่านใหม่ให้ผู้อื่น", "reset passwords")
    _check_password(new)
    account = find(session, name)
    account.password_hash = secrets.hash_password(new)
    account.failed_logins, account.locked_until = 0, None
    if account.role == HEAD:
        vault_key = vault_key_of(session, _acting_name(session), acting_password)
        _wrap(session, vault_key, new, account)


def _heads_left(session: Session, without: Account) -> int:
    return (
        session.scalar(
            select(func.count()).where(
                Account.role == HEAD, Account.disabled.is_(False), Account.id != without.id
            )
        )
        or 0
    )


def set_role(
    session: Session,
    name: str,
    role: str,
    *,
    new_password: str = "",
    acting_password: str = "",
) -> None:
    """Changes an account's role. Making a head sets its password too (``new_password``),
    which the key is wrapped with; the last head is never demoted."""
    require(session, HEAD, "เปลี่ยนบทบาทของบัญชี", "change roles")
    _check_role(role)
    account = find(session, name)
    if account.role == role:
        return
    if account.role == HEAD and not _heads_left(session, account):
        raise UserError("ต้องมีหัวหน้าสำนักงานอย่างน้อยหนึ่งคน", "The register must keep at least one head")
    if role == HEAD:
        _check_password(new_password)
        vault_key = vault_key_of(session, _acting_name(session), acting_password)
        account.password_hash = secrets.hash_password(new_password)
        account.role = role
        _wrap(session, vault_key, new_password, account)
        return
    if account.role == HEAD:
        for wrap in session.scalars(select(KeyWrap).where(KeyWrap.account_id == account.id)):
            session.delete(wrap)
    account.role = role


def set_disabled(session: Session, name: str, disabled: bool) -> None:
    require(session, HEAD, "ปิดหรือเปิดบัญชี", "disable or enable accounts")
    account = find(session, name)
    if disabled and account.role == HEAD and not _heads_left(session, account):
        raise UserError("ต้องมีหัวหน้าสำนักงานอย่างน้อยหนึ่งคน", "The register must keep at least one head")
    account.disabled = disabled


def recover(session: Session, code: str, head_name: str, new_password: str) -> str:
    """When no head remembers a password: the recovery code makes ``head_name`` a head with
    ``new_password`` (creating the account if needed). The code is used up; the new one is
    returned, to be written down."""
    _check_password(new_password)
    vault_key = _unwrap(session, secrets.normalise_recovery_code(code), None)
    if vault_key is None:
        note(session, "recovery_failed", entity="account", record=head_name)
        raise LoginRefused("รหัสกู้คืนไม่ถูกต้อง", "The recovery code is wrong")
    account = session.scalars(select(Account).where(Account.name == head_name)).first()
    if account is None:
        account = Account(name=_check_name(head_name), role=HEAD, password_hash="")
        session.add(account)
        session.flush()
    account.role, account.disabled = HEAD, False
    account.password_hash = secrets.hash_password(new_password)
    account.failed_logins, account.locked_until = 0, None
    _wrap(session, vault_key, new_password, account)
    fresh = secrets.new_recovery_code()
    _wrap(session, vault_key, fresh, None)
    note(session, "recovered", entity="account", record=head_name)
    return fresh


def signing_key(session: Session, head_name: str = "", password: str = "") -> bytes:
    """The office's private signing key: as it is on a register without accounts; sealed
    otherwise, unlocked with a head's password (recorded)."""
    office = _office(session)
    if office.signing_private_key is not None:
        return office.signing_private_key
    if office.sealed_signing_key is None:
        raise UserError("ทะเบียนนี้ไม่มีกุญแจลงนาม", "This register has no signing key")
    vault_key = vault_key_of(session, head_name, password)
    sealed = office.sealed_signing_key
    private = secrets.unseal(
        vault_key, sealed[: secrets.NONCE_BYTES], sealed[secrets.NONCE_BYTES :]
    )
    if private is None:
        raise UserError("กุญแจลงนามเสียหาย", "The signing key is damaged")
    note(session, "unlock_key", entity="account", record=head_name)
    return private


def replace_signing_key(session: Session, head_name: str, password: str) -> str:
    """A new key pair for the office: certificates signed from now on use it; the old public
    key stays on record with the dates it was valid, so what it signed keeps verifying.
    Returns the new public key (hex)."""
    require(session, HEAD, "เปลี่ยนกุญแจลงนาม", "replace the signing key")
    office = _office(session)
    vault_key = vault_key_of(session, head_name, password)
    key = Ed25519PrivateKey.generate()
    private = key.private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    )
    public = (
        key.public_key()
        .public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
        .hex()
    )
    now = utcnow()
    owner = office.district_code or office.province_code or ""
    for old in session.scalars(
        select(SigningKey).where(SigningKey.owner == owner, SigningKey.valid_to.is_(None))
    ):
        old.valid_to = now
    session.add(SigningKey(owner=owner, public_key=public, valid_from=now))
    office.signing_public_key = public
    _seal_signing_key(office, vault_key, private)
    note(session, "new_key", entity="office", detail={"public_key": public})
    return public


def role_label(role: str) -> str:
    return ROLE_TH.get(role, role)
