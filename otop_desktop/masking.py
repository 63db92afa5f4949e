"""Personal data masked where it is listed (PDPA): a citizen ID or a phone number shows only
its last three digits, enough to tell two records apart on a list.

One mask everywhere a masked value appears — the lists and the record's form on screen, their
Excel copies, the printed register list — and in either digits: the mask character is a
bullet, which belongs to neither script, so a list printed in Thai digits reads
``•-••••-•••••-๔๒-๔`` where a Latin X would have stood among Thai digits."""

from __future__ import annotations

__all__ = ["MASK", "mask"]

MASK = "\u2022"
#: The digits left showing at the end of a masked value.
SHOWN = 3


def mask(value: str) -> str:
    """``value`` with every digit (Arabic or Thai) but the last three replaced by ``MASK``,
    separators where they were: ``3-5001-00325-42-4`` → ``•-••••-•••••-42-4``,
    ``081-234-5678`` → ``•••-•••-•678``. A value of six digits or fewer is not a citizen ID
    or a phone and would show half of itself: all of its digits are hidden."""
    places = [i for i, char in enumerate(value) if char.isdigit()]
    hidden = set(places[:-SHOWN] if len(places) > 2 * SHOWN else places)
    return "".join(MASK if i in hidden else char for i, char in enumerate(value))
