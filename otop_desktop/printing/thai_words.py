"""Where Thai text may break between lines: word segmentation and character clusters.

Thai is written without spaces between words, so a line may only end where a word does.
Words come from PyThaiNLP's dictionary tokenizer (newmm, maximal matching over its bundled
word list, which never needs the network), with the names of every province, district and
subdistrict (geothai) added so that a place name is one word (สันทรายหลวง). A word too long
for its line is cut first into the dictionary words it is made of (ความ|กตัญญู), then into
syllables (ประ|ชา|ธิป|ไตย), and last between Thai character clusters, which never separate
a letter from its vowel and tone marks."""

from __future__ import annotations

import os
import re
import unicodedata
from functools import lru_cache
from typing import TYPE_CHECKING

import geothai

if TYPE_CHECKING:
    from pythainlp.util import Trie

# PyThaiNLP's documented switch against implicit writes: without it, its first use makes a
# ~/pythainlp-data folder in the clerk's home. Everything used here ships in the package.
os.environ.setdefault("PYTHAINLP_READ_ONLY", "1")

__all__ = ["Token", "clusters", "subwords", "syllables", "tokens", "words"]

# (text, space follows): the units a line is built from; a line may end after any of them.
Token = tuple[str, bool]

# Whitespace that separates words; not NBSP, which is there precisely to hold words together.
_SPACE_RE = re.compile(r"[ \t\n\r\f\v\u2000-\u200b\u2028\u2029\u3000]+")
_THAI_RE = re.compile("[\u0e01-\u0e4e]")
# A line may break between two Thai words only; not before ๆ, ฯ, a vowel or mark (which a
# dictionary miss can leave at the start of a token), nor next to punctuation or digits.
_ENDS_THAI = frozenset(chr(c) for c in range(0x0E01, 0x0E4F))
_STARTS_THAI_WORD = frozenset(
    [chr(c) for c in range(0x0E01, 0x0E2F)] + [chr(c) for c in range(0x0E40, 0x0E45)]
)
# Chunks of text between spaces recur endlessly in printed lists (names of places, types,
# categories, the fixed wording of forms), so segmentation is cached per chunk.
_CACHE_SIZE = 65536


def words(text: str) -> list[str]:
    """The words of ``text`` in order, spaces dropped; Thai runs split by the dictionary."""
    return [word for chunk in _SPACE_RE.split(text) if chunk for word in _chunk_words(chunk)]


def tokens(text: str) -> list[Token]:
    """``text`` as the pieces a line may break after, each marked with whether a space
    follows it."""
    chunks = [chunk for chunk in _SPACE_RE.split(text) if chunk]
    result: list[Token] = []
    for chunk in chunks:
        pieces = _chunk_words(chunk)
        result.extend((piece, False) for piece in pieces[:-1])
        result.append((pieces[-1], True))
    if result:
        result[-1] = (result[-1][0], False)
    return result


@lru_cache(maxsize=_CACHE_SIZE)
def _chunk_words(chunk: str) -> tuple[str, ...]:
    """A space-free chunk as break-separated pieces: dictionary words, with anything that
    must not start or end a line glued to its neighbour. A chunk held together by
    no-break spaces (``typeset.hold``: a date, a place with its postcode) stays whole."""
    if "\u00a0" in chunk or not _THAI_RE.search(chunk):
        return (chunk,)
    pieces: list[str] = []
    for word in _segment(chunk):
        if pieces and not (pieces[-1][-1] in _ENDS_THAI and word[0] in _STARTS_THAI_WORD):
            pieces[-1] += word
        else:
            pieces.append(word)
    return tuple(pieces)


def _segment(chunk: str) -> list[str]:
    from pythainlp.tokenize import word_tokenize

    return word_tokenize(chunk, custom_dict=_dictionary(), engine="newmm", keep_whitespace=False)


@lru_cache(maxsize=1)
def _dictionary() -> Trie:
    """PyThaiNLP's word list and the Thai place names, built on first use (under a second):
    most commands never print."""
    from pythainlp.corpus import thai_words
    from pythainlp.util import Trie

    names = set()
    for province in geothai.provinces():
        names.add(province.name_th)
        for district in geothai.districts(province.code):
            names.add(district.name_th)
            names.update(sub.name_th for sub in geothai.subdistricts(district.code))
    return Trie(thai_words() | names)


# Never at the start of a line / never at the end of one.
_NO_LINE_START = frozenset(",.;:!?)]}%\u0e46\u0e2f\u201d\u2019\u00bb")
_NO_LINE_END = frozenset("([{\u201c\u2018\u00ab")
_EDGE_PUNCTUATION = "".join(_NO_LINE_START | _NO_LINE_END) + "\"'"
# Outside Thai, a long run (a web address, a phone number) may break after these when a
# letter follows, never inside a number such as 1,250.50.
_LATIN_BREAK_RE = re.compile(r"(?<=[-/.])(?=[^\W\d])|(?<=[-/])(?=\d)")


@lru_cache(maxsize=_CACHE_SIZE)
def subwords(word: str) -> tuple[str, ...]:
    """``word`` read as the fewest dictionary words other than itself, for a word too long
    for its line: ความกตัญญู → ความ|กตัญญู, ชั่วอายุคน → ชั่ว|อายุ|คน. Outside Thai: cut after
    the hyphens, slashes and dots of addresses and phone numbers."""
    if not _THAI_RE.search(word):
        return _glued([piece for piece in _LATIN_BREAK_RE.split(word) if piece])
    # Brackets and punctuation around the word stay with its first and last pieces.
    core = word.strip(_EDGE_PUNCTUATION)
    if core != word and core:
        start = word.index(core)
        pieces = list(subwords(core))
        pieces[0] = word[:start] + pieces[0]
        pieces[-1] += word[start + len(core) :]
        return tuple(pieces)
    trie = _dictionary()
    end = len(word)
    # fewest[p]: fewest words that make up word[p:], and the length of the first of them.
    fewest: list[tuple[int, int] | None] = [None] * end + [(0, 0)]
    for start in range(end - 1, -1, -1):
        options = [
            (rest[0] + 1, len(w))
            for w in trie.prefixes(word, start)
            if len(w) < end and (rest := fewest[start + len(w)]) is not None
        ]
        # min picks the fewest words, then the shortest first word: ties are rare.
        fewest[start] = min(options, key=lambda o: (o[0], -o[1])) if options else None
    if fewest[0] is None:
        return (word,)
    pieces = []
    position = 0
    while position < end:
        step = fewest[position]
        assert step is not None
        pieces.append(word[position : position + step[1]])
        position += step[1]
    return _glued(pieces)


@lru_cache(maxsize=_CACHE_SIZE)
def syllables(word: str) -> tuple[str, ...]:
    """``word`` cut into syllables by PyThaiNLP's syllable dictionary: ประชาธิปไตย →
    ประ|ชา|ธิป|ไตย. Text without Thai comes back whole."""
    if not _THAI_RE.search(word):
        return (word,)
    from pythainlp.tokenize import syllable_dict_trie, word_tokenize

    pieces = word_tokenize(word, custom_dict=syllable_dict_trie(), engine="newmm")
    return _glued([piece for piece in pieces if piece])


@lru_cache(maxsize=_CACHE_SIZE)
def clusters(word: str) -> tuple[str, ...]:
    """``word`` cut into Thai character clusters (TCC): the finest places a word may be
    broken without separating a letter from its marks or a leading vowel from its letter."""
    from pythainlp.tokenize import tcc

    result: list[str] = []
    for piece in tcc.segment(word):
        # TCC knows Thai only: a combining mark on any other letter stays with it too.
        if result and unicodedata.category(piece[0]).startswith("M"):
            result[-1] += piece
        else:
            result.append(piece)
    return _glued(result)


def _glued(pieces: list[str]) -> tuple[str, ...]:
    """``pieces`` with closing punctuation, ๆ and ฯ joined to the piece before them and
    opening brackets and quotes to the piece after."""
    result: list[str] = []
    for piece in pieces:
        if result and (piece[0] in _NO_LINE_START or result[-1][-1] in _NO_LINE_END):
            result[-1] += piece
        else:
            result.append(piece)
    return tuple(result)
