"""Thai typesetting for printed documents: Sarabun, HarfBuzz shaping, breaks between words.

Every piece of printed text goes through here. ``para()`` turns plain text into a
reportlab Paragraph whose lines break only between words (see ``thai_words``) and whose
glyphs are shaped by HarfBuzz, so tone marks sit above upper vowels (ที่ ปี่ กิ่ง) and ญ
loses its tail before a lower vowel (กตัญญู). ``draw_text()`` does the same for the odd
string drawn straight on a canvas (page headers, footers, page numbers).

How the breaking works: reportlab accepts a Paragraph made of ready "frag words"
([width, (frag, text)] lists, the form its own ``split()`` passes on), breaks lines only
between them, and puts a space after those of class ``_HSFrag`` only. ``para()`` builds
that list from the Thai words itself, so reportlab never has to find words in Thai, which
has no spaces. Each word is shaped once and cached: certificates repeat the same words
thousands of times."""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

import uharfbuzz
from reportlab.lib.colors import Color, black
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import ShapeData, ShapedFragWord, ShapedStr, TTFont, shapeFragWord
from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfgen.textobject import PDFTextObject
from reportlab.platypus import Flowable, Paragraph
from reportlab.platypus.paragraph import _FK_BREAK, _FK_TEXT, _HSFrag
from reportlab.platypus.paraparser import ParaFrag

from otop_desktop.paths import sarabun_file
from otop_desktop.printing.thai_words import (
    Token,
    clusters,
    subwords,
    syllables,
    tokens,
    words,
)
from otop_desktop.textnorm import to_thai_digits

__all__ = [
    "BODY_SIZE",
    "FONT",
    "FONT_BOLD",
    "SHRINK_FLOOR",
    "Styles",
    "TextOptions",
    "ThaiParagraph",
    "cut_words",
    "digits",
    "draw_text",
    "first_baseline",
    "hold",
    "ink",
    "line_texts",
    "para",
    "register_fonts",
    "styles",
    "text_width",
    "words",
]

FONT = "Sarabun"
FONT_BOLD = "Sarabun-Bold"
_FONT_FILES = {FONT: "Sarabun-Regular.ttf", FONT_BOLD: "Sarabun-Bold.ttf"}

# Thai government documents are set at 16 pt (domain.md).
BODY_SIZE = 16.0
SMALL_SIZE = 14.0
TITLE_SIZE = 20.0
# Sarabun's ascent + descent is 1.3 em: room for a tone mark stacked on an upper vowel
# above and for the tails of ฤ ญ and lower vowels below, without lines touching.
LINE_HEIGHT = 1.3

Align = Literal["left", "centre", "right"]

_register_lock = threading.Lock()
_registered = False


def register_fonts() -> None:
    """Registers Sarabun and Sarabun Bold with reportlab, once per process."""
    global _registered
    if _registered:
        return
    with _register_lock:
        registered = pdfmetrics.getRegisteredFontNames()
        for name, file_name in _FONT_FILES.items():
            if name not in registered:
                pdfmetrics.registerFont(TTFont(name, str(sarabun_file(file_name)), shapable=True))
        pdfmetrics.registerFontFamily(
            FONT, normal=FONT, bold=FONT_BOLD, italic=FONT, boldItalic=FONT_BOLD
        )
        _registered = True


@dataclass(frozen=True)
class TextOptions:
    """How text is printed: ``thai_digits`` sets 0–9 as ๐–๙."""

    thai_digits: bool = False


def hold(text: str) -> str:
    """``text`` with its spaces made no-break: a short phrase (a date, a code with its
    suffix, จังหวัดเชียงใหม่ 50130) that must stay on one line; set smaller if too wide."""
    return text.replace(" ", "\u00a0")


def digits(text: str, options: TextOptions) -> str:
    """``text`` with its digits as the options ask (for text drawn outside paragraphs)."""
    return to_thai_digits(text) if options.thai_digits else text


@dataclass(frozen=True)
class Styles:
    """The paragraph styles of every printed document; all Sarabun, all shaped."""

    body: ParagraphStyle
    body_bold: ParagraphStyle
    title: ParagraphStyle
    heading: ParagraphStyle
    small: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    centre: ParagraphStyle
    right: ParagraphStyle


def _style(name: str, font: str, size: float, **kwargs: object) -> ParagraphStyle:
    return ParagraphStyle(
        name,
        fontName=font,
        fontSize=size,
        leading=round(size * LINE_HEIGHT, 1),
        shaping=1,
        # Breaks are placed by para(); reportlab's own splitting of long words cuts
        # between letters and marks, and para() never hands it a word too long.
        splitLongWords=0,
        # A line may not borrow from its spaces to fit: only justified text shrinks them
        # when drawn, so on other lines the text would overrun the column.
        spaceShrinkage=0,
        # Lines are spaced by their ink (ThaiParagraph), through reportlab's per-line
        # ascents.
        autoLeading="max",
        **kwargs,
    )


@lru_cache(maxsize=1)
def styles() -> Styles:
    """The shared styles (registers the fonts). Derive with ``ParagraphStyle(name,
    parent=...)`` rather than changing these."""
    register_fonts()
    return Styles(
        body=_style("body", FONT, BODY_SIZE),
        body_bold=_style("body_bold", FONT_BOLD, BODY_SIZE),
        title=_style("title", FONT_BOLD, TITLE_SIZE, alignment=TA_CENTER, spaceAfter=6),
        heading=_style("heading", FONT_BOLD, BODY_SIZE, spaceBefore=6, spaceAfter=3),
        small=_style("small", FONT, SMALL_SIZE),
        cell=_style("cell", FONT, SMALL_SIZE),
        cell_bold=_style("cell_bold", FONT_BOLD, SMALL_SIZE),
        centre=_style("centre", FONT, BODY_SIZE, alignment=TA_CENTER),
        right=_style("right", FONT, BODY_SIZE, alignment=TA_RIGHT),
    )


# --- paragraphs ---------------------------------------------------------------------------


class _Word(list[object]):
    """A frag word that a line may end after, with no space before the next word."""


class _SpacedWord(_HSFrag):
    """A frag word followed by a space."""


class _Unchanged(_Word, ShapedFragWord):
    """A word that shaping leaves as it is (digits, Latin): marked as shaped so reportlab
    does not shape it again at every layout."""


class _SpacedUnchanged(_SpacedWord, ShapedFragWord):
    """The same, followed by a space."""


# (font, size, colour, rise, background, shaped)
_FragKey = tuple[str, float, Color, float, Color | None, bool]
# Shaped frag words by (frag key, text, space follows). Shared between paragraphs:
# reportlab only reads frag words and clones their frags when it lays out a line.
_shaped: dict[tuple[_FragKey, str, bool], list[object]] = {}
_shaped_lock = threading.Lock()
# About 1.4 kB a word: the 2,475 certificates of a province use 4,500 words.
_SHAPED_LIMIT = 50_000
# Words shaped with keep=False (lines of one certificate), the last few only.
_recent: OrderedDict[tuple[_FragKey, str, bool], list[object]] = OrderedDict()
_RECENT_LIMIT = 512
# Text that HarfBuzz changes: Thai, or any combining mark. The rest (codes, numbers, dates
# in digits, Latin) is set as it is, without the cost of shaping.
_NEEDS_SHAPING = re.compile("[\u0e00-\u0e7f\u0300-\u036f\u1ab0-\u1aff\u20d0-\u20ff]")


def _frag_key(style: ParagraphStyle) -> _FragKey:
    return (
        style.fontName,
        float(style.fontSize),
        style.textColor or black,
        float(getattr(style, "rise", 0) or 0),
        style.backColor,
        # Only a style that turns shaping off explicitly gets unshaped text (tests do, to
        # show what shaping is for).
        bool(style.shaping),
    )


def _frag(key: _FragKey, text: str) -> ParaFrag:
    font, size, colour, rise, back, _ = key
    frag = ParaFrag()
    frag.text = text
    frag.fontName = font
    frag.fontSize = size
    frag.textColor = colour
    frag.rise = rise
    frag.bold = frag.italic = frag.greek = 0
    frag.link = []
    frag.us_lines = []
    frag._fkind = _FK_TEXT
    if back is not None:
        frag.backColor = back
    return frag


def _width(word: Sequence[object]) -> float:
    """A frag word's width: its first item."""
    width = word[0]
    assert isinstance(width, int | float)
    return width


def _fragments(word: Sequence[object]) -> list[tuple[ParaFrag, str]]:
    """A frag word's (frag, text) pairs: the items after its width."""
    pairs = []
    for item in word[1:]:
        assert isinstance(item, tuple | list)
        frag, text = item
        pairs.append((frag, text))
    return pairs


def _word(key: _FragKey, text: str, spaced: bool, keep: bool = True) -> list[object]:
    """The shaped frag word for ``text``, from the cache when it was seen before; kept
    there for the next time, or with ``keep`` False only among the last few such words
    (a line measured and then drawn is shaped once, and a batch's memory stays flat)."""
    cache_key = (key, text, spaced)
    word = _shaped.get(cache_key) or _recent.get(cache_key)
    if word is None:
        width = pdfmetrics.stringWidth(text, key[0], key[1])
        plain = (_SpacedWord if spaced else _Word)([width, (_frag(key, text), text)])
        word = plain
        if key[5] and _NEEDS_SHAPING.search(text):
            word = shapeFragWord(plain)
        if word is plain:
            # Codes, numbers and Latin: HarfBuzz would leave them as they are.
            word = (_SpacedUnchanged if spaced else _Unchanged)(plain)
        else:
            # One frag in, one frag out: HarfBuzz's glyphs of the whole word.
            frag, glyphs = _fragments(word)[0]
            word[1] = (frag, _Glyphs.of(glyphs, text, key[0]))
        with _shaped_lock:
            if keep:
                if len(_shaped) >= _SHAPED_LIMIT:
                    _shaped.clear()
                _shaped[cache_key] = word
            else:
                _recent[cache_key] = word
                if len(_recent) > _RECENT_LIMIT:
                    _recent.popitem(last=False)
    return word


class _Glyphs(ShapedStr):
    """Shaped glyphs that remember the text they were shaped from (``actual``), so that the
    PDF can say what they read as. reportlab writes a shaped glyph that has no character of
    its own (a tone mark lowered or moved left, ญ without its tail) as a private-use
    character, and ำ as ํ + า: the PDF's text would read กิ่ง as กิ + U+E000. Joining keeps
    ``actual`` (reportlab joins the words of a line with ``+``)."""

    actual: str

    @classmethod
    def of(cls, glyphs: str, actual: str, font: str) -> _Glyphs:
        data = getattr(glyphs, "__shapeData__", None)
        if data is None:
            # Glyphs HarfBuzz changed without moving any (reportlab gives a plain str):
            # drawn at their own widths, as reportlab would draw that str.
            widths = pdfmetrics.getFont(font).face.charWidths
            data = [
                ShapeData(i, widths.get(ord(c), 0), 0, 0, 0, widths.get(ord(c), 0))
                for i, c in enumerate(glyphs)
            ]
        result = cls(glyphs, shapeData=data)
        result.actual = actual
        return result

    def __add__(self, other: str) -> _Glyphs:
        joined = ShapedStr.__add__(self, other)
        result = _Glyphs(joined, shapeData=joined.__shapeData__)
        result.actual = self.actual + getattr(other, "actual", other)
        return result

    def __radd__(self, other: str) -> _Glyphs:
        joined = ShapedStr.__radd__(self, other)
        result = _Glyphs(joined, shapeData=joined.__shapeData__)
        result.actual = getattr(other, "actual", other) + self.actual
        return result


class _TextObject(PDFTextObject):
    """A PDF text object that puts each run of shaped glyphs in a marked-content span whose
    /ActualText is the text that was set (PDF 1.5, 14.9.4): what pdftotext, PDFium, and a
    PDF reader's search and copy read instead of the glyphs."""

    def _formatText(self, text: str) -> str:
        code: str = super()._formatText(text)
        actual = getattr(text, "actual", None)
        if actual is None:
            if "\u00a0" not in text:
                # Glyphs as the text with nothing moved: read right as they are.
                return code
            actual = text
        # A phrase held on one line (hold()) is read with the spaces it was written with, so
        # that a search for "25 อำเภอ" typed with a plain space finds it.
        actual = actual.replace("\u00a0", " ")
        # Even glyphs that spell the text need the span when HarfBuzz moved a mark
        # (ผู้ in bold): poppler orders the moved mark after the next letter.
        hex_text = ("\ufeff" + actual).encode("utf-16-be").hex().upper()
        return f"/Span <</ActualText <{hex_text}>>> BDC {code} EMC"


# A token that ends the line: para() turns each newline of the text into one.
_LINE_BREAK: Token = ("\n", False)


def _frag_word(key: _FragKey, token: Token) -> list[object]:
    if token is _LINE_BREAK:
        frag = _frag(key, "")
        frag.lineBreak = True
        frag._fkind = _FK_BREAK
        return [0, (frag, "")]
    return _word(key, *token)


class ThaiParagraph(Paragraph):
    """A Paragraph built from words (see the module doc). Keeps the text's tokens so that
    it can be fitted to the width it is given, and so that the laid-out lines can be read
    back (``line_texts``, ``cut_words``).

    Fitting: a line breaks only between tokens. A token wider than the column is first read
    as the dictionary words it is made of (ความ|กตัญญู), which may go on separate lines. If
    a piece is still too wide (a code, a number, a date held together, a long name) the
    whole paragraph is set smaller, down to ``SHRINK_FLOOR`` of its size; only past that is
    a piece cut between syllables or character clusters, and ``cut_words`` names it.

    Line spacing: a line is moved down from the one above only as far as the ink of the
    two needs (the stacked marks of ที่ ปี่ over the tails and lower vowels of ฏุ ฎู), never
    closer than the style's leading; the first line's marks and the last line's tails stay
    inside the paragraph's height, so a table rule above or below is never crossed.

    Pieces of a paragraph split across frames are plain word lists (reportlab makes them
    with ``frags=``) and are laid out as they are."""

    _key: _FragKey | None = None
    _base: ParagraphStyle | None = None
    _tokens: Sequence[Token] = ()
    _words: Sequence[list[object]] = ()
    # What the current ``frags`` were made from: the tokens, or pieces of the long ones.
    _laid_out: Sequence[Token] = ()
    # Words that had to be cut inside (nothing else left to do at the floor size).
    _cut: tuple[str, ...] = ()
    # Room added above the first line / below the last for their marks (points).
    _drop = 0.0
    _below = 0.0
    _min_size: float | None = None

    def _use_tokens(self, key: _FragKey, parts: list[Token]) -> None:
        self._key = key
        self._base = self.style
        self._tokens = self._laid_out = parts
        self._words = self.frags

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self._drop = self._below = 0.0
        width, height = super().wrap(availWidth, availHeight)
        self.height = height + self._drop + self._below
        return width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        if not hasattr(self, "blPara"):
            self.wrap(availWidth, availHeight)
        # The pieces carry their own room above and below; leave it for the first.
        room = self._drop + self._room_below
        pieces: list[Flowable] = super().split(availWidth, availHeight - room)
        return pieces

    def draw(self) -> None:
        if self._drop:
            self.canv.translate(0, -self._drop)
        super().draw()

    @property
    def first_baseline(self) -> float:
        """How far below the top of the wrapped paragraph its first baseline lies."""
        return float(self.style.fontSize) + self._drop

    def beginText(self, x: float, y: float) -> PDFTextObject:
        return _TextObject(self.canv, x, y)

    def breakLines(self, width: float | Sequence[float]) -> object:
        if self._key is not None:
            limit = min(width) if isinstance(width, Sequence) else width
            self._fit(limit)
        lines = super().breakLines(width)
        self._space_lines(lines)
        return lines

    def _fit(self, limit: float) -> None:
        """Sets the style size and the frag words for a column ``limit`` wide."""
        assert self._key is not None and self._base is not None
        base = self._base
        key = _frag_key(base)
        if all(_width(word) <= limit for word in self._words):
            self.style, self._key, self._cut = base, key, ()
            self.frags, self._laid_out = self._words, self._tokens
            return
        pieces = [_whole_pieces(key, text, limit) for text, _ in self._tokens]
        widest = max((_width(_word(key, p, False)) for ps in pieces for p in ps), default=0.0)
        size = float(base.fontSize)
        if widest > limit:
            floor = self._min_size if self._min_size is not None else size * SHRINK_FLOOR
            size = max(size * limit / widest, min(floor, size))
            # Sizes in steps of a tenth of a point: few distinct styles and words to cache.
            size = int(size * 10) / 10
            self.style = _shrunk(base, size)
            key = _frag_key(self.style)
        else:
            self.style = base
        self._key = key
        parts: list[Token] = []
        cut: list[str] = []
        for token, whole in zip(self._tokens, pieces, strict=True):
            text, space = token
            if token is _LINE_BREAK:
                parts.append(token)
                continue
            if len(whole) > 1 or _width(_word(key, text, False)) > limit:
                fitted = [p for piece in whole for p in _fitting_pieces(key, piece, limit)]
                if len(fitted) > len(whole):
                    cut.append(text)
            else:
                fitted = [text]
            parts.extend((piece, False) for piece in fitted[:-1])
            parts.append((fitted[-1], space))
        self._cut = tuple(cut)
        self._laid_out = parts
        self.frags = [_frag_word(key, part) for part in parts]

    def _space_lines(self, para_lines: object) -> None:
        """Gives each line the ascent that keeps its marks clear of the line above (see the
        class doc); reportlab's ``autoLeading="max"`` then sets baselines
        max(leading, needed) apart."""
        lines = getattr(para_lines, "lines", None)
        if not lines or getattr(para_lines, "kind", 0) != 1:
            return
        style = self.style
        leading = float(style.leading)
        size = float(style.fontSize)
        gap = INK_GAP * size
        starts = [line.sFW for line in lines]
        ends = [*starts[1:], len(self.frags)]
        inks = [_line_ink(self.frags[a:b], style) for a, b in zip(starts, ends, strict=True)]
        # reportlab: baseline distance = max(leading/6, -descent above) + max(5/6 leading,
        # ascent); with every descent at -leading/6 the ascent alone decides.
        sixth = leading / 6
        for i, line in enumerate(lines):
            line.descent = -sixth
            if i == 0:
                line.ascent = leading - sixth
            else:
                needed = inks[i - 1][1] + inks[i][0] + gap
                line.ascent = max(leading, needed) - sixth
        # The same room above every paragraph of a size (more only for the rare marks that
        # stack higher): cells of a table row, and a tick box beside its label, line up.
        self._drop = max(0.0, max(inks[0][0], stack_top(size)) + gap - size)
        self._room_below = max(0.0, max(ink[1] for ink in inks) + gap - (leading - size))
        self._below = max(0.0, inks[-1][1] + gap - (leading - size))

    _room_below = 0.0


#: How far a paragraph may be set smaller so that a value wider than its column stays whole.
SHRINK_FLOOR = 0.75
#: Clear space kept between the ink of two lines, and between ink and a paragraph's edge.
INK_GAP = 0.06

_shrunk_styles: dict[tuple[int, float], ParagraphStyle] = {}


def _shrunk(base: ParagraphStyle, size: float) -> ParagraphStyle:
    key = (id(base), size)
    style = _shrunk_styles.get(key)
    if style is None:
        ratio = size / float(base.fontSize)
        style = ParagraphStyle(
            f"{base.name}@{size}", parent=base, fontSize=size, leading=base.leading * ratio
        )
        # Keeps ``base`` alive with its id as long as the entry lives.
        style._base = base
        with _shaped_lock:
            if len(_shrunk_styles) >= 4096:
                _shrunk_styles.clear()
            _shrunk_styles[key] = style
    return style


def _whole_pieces(key: _FragKey, text: str, limit: float) -> list[str]:
    """``text`` as the dictionary words it is made of when it is Thai and too wide for
    ``limit`` (breaking between them is breaking between words); else whole."""
    if text == "\n" or _width(_word(key, text, False)) <= limit or not _THAI_RE.search(text):
        return [text]
    pieces = subwords(text)
    if len(pieces) == 1:
        return [text]
    return [whole for piece in pieces for whole in _whole_pieces(key, piece, limit)]


def _fitting_pieces(key: _FragKey, text: str, limit: float) -> list[str]:
    """``text`` cut, as far as needed for each piece to fit ``limit``: the last resort,
    between syllables, then character clusters; outside Thai after the hyphens, slashes
    and dots of addresses."""
    if len(text) < 2 or _width(_word(key, text, False)) <= limit:
        return [text]
    for cut in (subwords, syllables, clusters):
        pieces = cut(text)
        if len(pieces) > 1:
            return [fitted for piece in pieces for fitted in _fitting_pieces(key, piece, limit)]
    return [text]


# --- ink ---------------------------------------------------------------------------------

# Thai letters and marks: a run of them may break between dictionary words. Not the Thai
# digits, which make a code or a number (ORGANIC-๕๐-๙๖๔๖๕/๖๖) that never breaks.
_THAI_RE = re.compile("[\u0e01-\u0e4e]")


@lru_cache(maxsize=4)
def _hb_font(font: str) -> uharfbuzz.Font | None:
    file_name = _FONT_FILES.get(font)
    if file_name is None:
        return None
    blob = uharfbuzz.Blob.from_file_path(str(sarabun_file(file_name)))
    return uharfbuzz.Font(uharfbuzz.Face(blob))


@lru_cache(maxsize=65536)
def _ink_em(font: str, text: str) -> tuple[float, float]:
    """How far the ink of ``text`` as shaped reaches above and below the baseline, in em:
    Sarabun's tone mark over an upper vowel (ที่) reaches 1.2 em, ฎู 0.54 em below."""
    hb_font = _hb_font(font)
    if hb_font is None or not text:
        ascent, descent = pdfmetrics.getAscentDescent(font, 1)
        return float(ascent), float(-descent)
    buffer = uharfbuzz.Buffer()
    buffer.add_str(text)
    buffer.guess_segment_properties()
    uharfbuzz.shape(hb_font, buffer, {})
    upem = hb_font.face.upem
    top = bottom = 0.0
    for info, position in zip(buffer.glyph_infos, buffer.glyph_positions, strict=True):
        extents = hb_font.get_glyph_extents(info.codepoint)
        if extents is None or not extents.height:
            continue
        top = max(top, extents.y_bearing + position.y_offset)
        bottom = min(bottom, extents.y_bearing + extents.height + position.y_offset)
    return top / upem, -bottom / upem


def _line_ink(words: Sequence[list[object]], style: ParagraphStyle) -> tuple[float, float]:
    """(above, below) the baseline in points that the words of one line ink."""
    top = bottom = 0.0
    for word in words:
        for frag, text in _fragments(word):
            source = getattr(text, "actual", text)
            if not source:
                continue
            up, down = _ink_em(frag.fontName, source)
            top = max(top, up * frag.fontSize)
            bottom = max(bottom, down * frag.fontSize)
    return top, bottom


def stack_top(size: float) -> float:
    """How far above the baseline the usual stacked marks reach at ``size`` (points): a
    tone mark over an upper vowel on a tall letter (ฟื้, ปั้), in the bold face, the taller."""
    return max(_ink_em(font, "ฟื้ปั้")[0] for font in (FONT, FONT_BOLD)) * size


def first_baseline(style: ParagraphStyle) -> float:
    """How far below its top a one-line ``para()`` in ``style`` has its baseline (unless
    its marks stack higher still): for aligning things drawn beside text."""
    size = float(style.fontSize)
    return max(size, stack_top(size) + INK_GAP * size)


def cut_words(paragraph: Paragraph) -> tuple[str, ...]:
    """The words of a laid-out ``para()`` paragraph that had to be cut inside (too wide for
    the column even at the floor size): none, in a document laid out right."""
    return getattr(paragraph, "_cut", ())


def para(
    text: str,
    style: ParagraphStyle,
    options: TextOptions = TextOptions(),
    *,
    min_size: float | None = None,
) -> Paragraph:
    """``text`` (plain text, never markup; a newline starts a new line) as a shaped
    paragraph that breaks lines only between words; digits as ``options`` asks. A word
    too wide for the column sets the paragraph smaller, down to ``min_size`` (default
    ``SHRINK_FLOOR`` of the style's size)."""
    register_fonts()
    text = digits(text, options)
    key = _frag_key(style)
    parts: list[Token] = []
    for number, line in enumerate(text.split("\n")):
        if number:
            parts.append(_LINE_BREAK)
        parts.extend(tokens(line))
    if not parts:
        # reportlab needs one (empty) word to give an empty paragraph its height.
        parts = [("", False)]
    paragraph = ThaiParagraph(None, style, frags=[_frag_word(key, part) for part in parts])
    paragraph.text = text
    paragraph._use_tokens(key, parts)
    if min_size is not None:
        paragraph._min_size = min_size
    return paragraph


def line_texts(paragraph: Paragraph) -> list[str]:
    """The text of each line of a wrapped ``para()`` paragraph, as the source text (not
    glyphs): for checking where lines broke."""
    if not isinstance(paragraph, ThaiParagraph) or paragraph._key is None:
        raise TypeError("line_texts needs a whole paragraph made by para()")
    parts = paragraph._laid_out
    starts = [line.sFW for line in paragraph.blPara.lines]
    ends = [*starts[1:], len(parts)]
    result = []
    for start, end in zip(starts, ends, strict=True):
        line = ""
        for text, space in parts[start:end]:
            if (text, space) != _LINE_BREAK:
                line += text + (" " if space else "")
        result.append(line.rstrip(" "))
    return result


# --- text drawn straight on a canvas ------------------------------------------------------


def _shaped_line(text: str, font: str, size: float, keep: bool) -> tuple[str, float]:
    """``text`` as glyphs with HarfBuzz's positions (a ShapedStr) and its width."""
    word = _word((font, float(size), black, 0.0, None, True), text, False, keep)
    return _fragments(word)[0][1], float(_width(word))


def text_width(text: str, font: str = FONT, size: float = BODY_SIZE, *, keep: bool = True) -> float:
    """The width of ``text`` as ``draw_text`` sets it (shaped). ``keep=False`` for a line
    that will not recur (a name, a number): it is not kept in the cache of shaped words."""
    register_fonts()
    return _shaped_line(text, font, size, keep)[1]


def ink(text: str, font: str = FONT, size: float = BODY_SIZE) -> tuple[float, float]:
    """How far the ink of ``text`` as shaped reaches above and below its baseline, in
    points: ที่ reaches 1.2 em above, ฎู 0.54 em below (Sarabun)."""
    above, below = _ink_em(font, text)
    return above * size, below * size


def draw_text(
    canvas: Canvas,
    x: float,
    y: float,
    text: str,
    font: str = FONT,
    size: float = BODY_SIZE,
    align: Align = "left",
    options: TextOptions = TextOptions(),
    *,
    keep: bool = True,
) -> None:
    """Draws one line of shaped text with its baseline at ``y``; ``x`` is the left edge,
    the centre or the right edge as ``align`` says. ``keep=False``: see ``text_width``."""
    register_fonts()
    # Not canvas.drawString(shaping=True): reportlab 5.1 ignores ``shaping`` there unless
    # its bidi support is installed, and Thai marks then collide with the vowels.
    glyphs, width = _shaped_line(digits(text, options), font, size, keep)
    if align == "centre":
        x -= width / 2
    elif align == "right":
        x -= width
    line = _TextObject(canvas, x, y)
    line.setFont(font, size)
    line.textOut(glyphs)
    canvas.drawText(line)
