"""Splitting a whole number into parts by weight so that the parts add up exactly
(largest-remainder method, integer arithmetic only)."""

from __future__ import annotations

from collections.abc import Sequence

#: Float weights are scaled to integers with this many steps per unit; integer arithmetic
#: then makes the result exact and the same on every platform.
_RESOLUTION = 1_000_000


def apportion(total: int, weights: Sequence[float], cap: int | None = None) -> list[int]:
    """Parts of ``total`` proportional to ``weights`` (none negative), each at most ``cap``.
    Leftover units go to the largest remainders, ties to the earlier part."""
    if total < 0:
        raise ValueError(f"cannot apportion a negative total ({total})")
    scaled = [round(w * _RESOLUTION) for w in weights]
    if cap is None:
        return _largest_remainder(total, scaled)
    open_ = [i for i, w in enumerate(scaled) if w > 0]
    if cap * len(open_) < total:
        raise ValueError(f"{total} does not fit in {len(open_)} parts of at most {cap}")
    parts = [0] * len(scaled)
    left = total
    # Parts that would exceed the cap are fixed at it and the rest is shared again; each
    # round fixes at least one part, so this ends.
    while True:
        share = _largest_remainder(left, [scaled[i] for i in open_])
        over = {k for k, part in enumerate(share) if part > cap}
        if not over:
            for i, part in zip(open_, share, strict=True):
                parts[i] = part
            return parts
        for k in over:
            parts[open_[k]] = cap
        left -= cap * len(over)
        open_ = [i for k, i in enumerate(open_) if k not in over]


def _largest_remainder(total: int, weights: list[int]) -> list[int]:
    whole = sum(weights)
    if whole == 0:
        if total:
            raise ValueError("cannot apportion over weights that are all zero")
        return [0] * len(weights)
    parts = []
    remainders = []
    for i, w in enumerate(weights):
        q, r = divmod(total * w, whole)
        parts.append(q)
        remainders.append((-r, i))
    remainders.sort()
    for _, i in remainders[: total - sum(parts)]:
        parts[i] += 1
    return parts
