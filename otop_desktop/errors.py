"""Errors a clerk may see. Each carries its message in Thai and in English, so the GUI, the
command line and the reports all say the same thing; none of them is ever a traceback."""

from __future__ import annotations

from dataclasses import dataclass


class UserError(Exception):
    """Something the user can fix: bad input, a missing register, a wrong kind of register."""

    def __init__(self, message_th: str, message_en: str) -> None:
        super().__init__(message_en)
        self.message_th = message_th
        self.message_en = message_en

    def one_line(self) -> str:
        return f"{self.message_th} / {self.message_en}"


@dataclass(frozen=True)
class FieldError:
    """One problem with one field of a form or a row."""

    field: str
    message_th: str
    message_en: str


class ValidationError(UserError):
    """A record was refused; nothing was written. ``errors`` name each field at fault."""

    def __init__(self, errors: list[FieldError]) -> None:
        self.errors = errors
        super().__init__(
            "; ".join(f"{e.field}: {e.message_th}" for e in errors),
            "; ".join(f"{e.field}: {e.message_en}" for e in errors),
        )

    def for_field(self, field: str) -> list[FieldError]:
        return [e for e in self.errors if e.field == field]


class NotFoundError(UserError):
    pass
