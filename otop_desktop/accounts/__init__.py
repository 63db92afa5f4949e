"""Local accounts and their roles, logins with a growing back-off, and the office's signing
key sealed so that only a head's password (or the recovery code) unlocks it."""
