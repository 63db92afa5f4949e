"""How far Thai stacked marks reach above a font's ascent. Qt sizes a one-line widget to the
font's ascent and descent, but a tone mark over an upper vowel (นี้, ปี่) is set higher: in
Sarabun about a fifth of an em above the ascent, so a label with no top margin cuts it off."""

from __future__ import annotations

import math

from PySide6.QtGui import QFont, QTextLayout

# The highest stacks Thai text makes: a tone mark over an upper vowel over a tall consonant.
TALLEST = "ปี่ปี้นี้ฟื้"


def mark_overshoot(font: QFont) -> int:
    """Pixels the tallest stacked marks in ``font`` reach above its ascent (0 if none)."""
    layout = QTextLayout(TALLEST, font)
    layout.beginLayout()
    line = layout.createLine()
    layout.endLayout()
    highest = 0.0  # ink above the baseline, in pixels
    for run in layout.glyphRuns():
        raw = run.rawFont()
        for glyph, position in zip(run.glyphIndexes(), run.positions(), strict=True):
            top = position.y() + raw.pathForGlyph(glyph).boundingRect().top()
            highest = max(highest, line.ascent() - top)
    return max(0, math.ceil(highest - line.ascent()))
