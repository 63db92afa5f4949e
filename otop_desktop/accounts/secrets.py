"""Passwords and keys: Argon2id (argon2-cffi) both to check a password and to derive the key
that wraps the office's vault key from it; AES-GCM (cryptography) to seal."""

from __future__ import annotations

import os
import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

#: argon2-cffi's defaults (RFC 9106's second recommendation); a stored hash made with other
#: parameters is rehashed at the next login.
HASHER = PasswordHasher()
KEY_BYTES, SALT_BYTES, NONCE_BYTES = 32, 16, 12
#: The recovery code: 20 letters and digits a head writes down (about 100 bits).
_RECOVERY_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
RECOVERY_LENGTH = 20


def hash_password(password: str) -> str:
    return HASHER.hash(password)


def password_matches(stored: str, password: str) -> bool:
    try:
        return HASHER.verify(stored, password)
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(stored: str) -> bool:
    return HASHER.check_needs_rehash(stored)


def derive_key(secret: str, salt: bytes) -> bytes:
    """A key from a password or recovery code (Argon2id, the hasher's parameters)."""
    return hash_secret_raw(
        secret.encode("utf-8"),
        salt,
        time_cost=HASHER.time_cost,
        memory_cost=HASHER.memory_cost,
        parallelism=HASHER.parallelism,
        hash_len=KEY_BYTES,
        type=Type.ID,
    )


def new_salt() -> bytes:
    return os.urandom(SALT_BYTES)


def new_key() -> bytes:
    return AESGCM.generate_key(bit_length=8 * KEY_BYTES)


def seal(key: bytes, plain: bytes) -> tuple[bytes, bytes]:
    """(nonce, ciphertext) of ``plain`` under ``key``."""
    nonce = os.urandom(NONCE_BYTES)
    return nonce, AESGCM(key).encrypt(nonce, plain, None)


def unseal(key: bytes, nonce: bytes, ciphertext: bytes) -> bytes | None:
    """The plain bytes; None when the key is wrong or the data was changed."""
    try:
        return AESGCM(key).decrypt(nonce, ciphertext, None)
    except InvalidTag:
        return None


def new_recovery_code() -> str:
    code = "".join(secrets.choice(_RECOVERY_ALPHABET) for _ in range(RECOVERY_LENGTH))
    return "-".join(code[i : i + 5] for i in range(0, RECOVERY_LENGTH, 5))


def normalise_recovery_code(text: str) -> str:
    letters = "".join(ch for ch in text.upper() if ch.isalnum())
    return "-".join(letters[i : i + 5] for i in range(0, len(letters), 5))
