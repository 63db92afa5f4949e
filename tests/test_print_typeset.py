"""Thai typesetting of printed documents: shaped marks (checked on the rasterised PDF),
line breaks between words only, Thai digits, mixed Thai/English/numbers."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PIL import Image
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table

from otop_desktop.printing.thai_words import clusters, syllables
from otop_desktop.printing.typeset import (
    FONT,
    FONT_BOLD,
    SHRINK_FLOOR,
    TextOptions,
    ThaiParagraph,
    cut_words,
    digits,
    draw_text,
    hold,
    line_texts,
    para,
    register_fonts,
    styles,
    text_width,
    words,
)

# --- looking at the ink ---------------------------------------------------------------------

PAGE = (320.0, 220.0)
SCALE = 4  # 288 dpi: a 60 pt tone mark is some 800 pixels of ink
Ink = set[tuple[int, int]]
Draw = Callable[[Canvas, str], None]


def big(shaping: int = 1) -> ParagraphStyle:
    return ParagraphStyle("big", parent=styles().body, fontSize=60, leading=80, shaping=shaping)


def printed_paragraph(shaping: int) -> Draw:
    """Draws like the documents do: a para() in a style, shaped unless shaping is off."""

    def draw(canvas: Canvas, text: str) -> None:
        paragraph = para(text, big(shaping))
        _, height = paragraph.wrapOn(canvas, PAGE[0] - 20, PAGE[1])
        # The first baseline at the same place whatever the marks above it.
        assert isinstance(paragraph, ThaiParagraph)
        baseline = PAGE[1] - 130
        paragraph.drawOn(canvas, 10, baseline - (height - paragraph.first_baseline))

    return draw


def header_text(canvas: Canvas, text: str) -> None:
    draw_text(canvas, 10, 60, text, FONT, 60)


def plain_draw_string(canvas: Canvas, text: str) -> None:
    """What a page header gets from reportlab without draw_text: no shaping."""
    canvas.setFont(FONT, 60)
    canvas.drawString(10, 60, text)


def ink(draw: Draw, text: str) -> Ink:
    """The dark pixels of ``text`` drawn alone on a page, printed to PDF and rasterised."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=PAGE)
    draw(canvas, text)
    canvas.save()
    document = pdfium.PdfDocument(buffer.getvalue())
    try:
        image: Image.Image = document[0].render(scale=SCALE, grayscale=True).to_pil()
    finally:
        document.close()
    grey = image.convert("L")
    width, height = grey.size
    pixels = grey.load()
    assert pixels is not None
    return {(x, y) for y in range(height) for x in range(width) if pixels[x, y] < 128}


def top(points: Ink) -> int:
    return min(y for _, y in points)


def bottom(points: Ink) -> int:
    return max(y for _, y in points)


def tone_mark_shows_above_vowel(draw: Draw, word: str) -> bool:
    """True when the tone mark of ``word`` (a syllable with an upper vowel) is visible in
    full and sits above the vowel rather than inside or over it.

    The mark's ink is what the word has beyond the same word without its tone mark. Over
    an upper vowel Sarabun draws a smaller, raised mark (some 3/4 of the ink of the same
    mark over a bare consonant, ก่ against ก); a mark hidden in the vowel leaves far less.
    And all of the mark must lie above the top of the rest of the word."""
    tone = next(c for c in word if "\u0e48" <= c <= "\u0e4b")
    bare = word.replace(tone, "")
    mark = ink(draw, word) - ink(draw, bare)
    whole_mark = ink(draw, "ก" + tone) - ink(draw, "ก")
    visible = len(mark) >= 0.6 * len(whole_mark)
    return visible and bottom(mark) < top(ink(draw, bare))


UPPER_VOWEL_WORDS = ["ที่", "ปี่", "กิ่ง", "ญี่", "ฟื้น"]


@pytest.mark.parametrize("word", UPPER_VOWEL_WORDS)
def test_tone_marks_print_above_the_upper_vowel(word: str) -> None:
    assert tone_mark_shows_above_vowel(printed_paragraph(shaping=1), word)


@pytest.mark.parametrize("word", UPPER_VOWEL_WORDS)
def test_without_shaping_the_tone_mark_is_lost_in_the_vowel(word: str) -> None:
    """The check above is not a formality: the same text printed unshaped fails it."""
    assert not tone_mark_shows_above_vowel(printed_paragraph(shaping=0), word)


@pytest.mark.parametrize("word", ["ที่", "ปี่", "กิ่ง"])
def test_text_drawn_on_the_canvas_is_shaped_too(word: str) -> None:
    assert tone_mark_shows_above_vowel(header_text, word)
    assert not tone_mark_shows_above_vowel(plain_draw_string, word)


def descender_ink(draw: Draw, text: str) -> int:
    """Pixels of ``text`` below the baseline (found as the bottom of ก)."""
    baseline = bottom(ink(draw, "ก"))
    return sum(1 for _, y in ink(draw, text) if y > baseline + 2)


@pytest.mark.parametrize("shaping", [1, 0])
def test_yo_ying_drops_its_tail_before_a_lower_vowel(shaping: int) -> None:
    """In กตัญญู the ญ before ู is printed without its tail, so below the line there is
    only the vowel: as much ink as ู under ก. Unshaped, tail and vowel pile up."""
    draw = printed_paragraph(shaping)
    only_vowel = descender_ink(draw, "กู")
    tail_dropped = descender_ink(draw, "ญู") <= 1.05 * only_vowel
    assert tail_dropped == bool(shaping)
    if shaping:
        # and in the whole word: the first ญ keeps its tail, the second loses it
        assert descender_ink(draw, "กตัญญู") <= 1.05 * (descender_ink(draw, "ญ") + only_vowel)


# --- line breaks ----------------------------------------------------------------------------

LONG_THAI = (
    "กลุ่มแม่บ้านเกษตรกรบ้านดอนแก้วผลิตผ้าฝ้ายทอมือย้อมสีธรรมชาติจากเปลือกไม้และใบไม้"
    "ในท้องถิ่น จำหน่ายทั้งในประเทศและส่งออกไปยังประเทศญี่ปุ่น สมาชิกกลุ่มมีความกตัญญู"
    "ต่อบรรพบุรุษที่สืบทอดภูมิปัญญาการทอผ้ามาหลายชั่วอายุคน และได้รับการคัดสรรสุดยอด"
    "หนึ่งตำบลหนึ่งผลิตภัณฑ์ไทยระดับห้าดาว"
)
# Words a line must never cut, written out by hand (not by the segmenter under test).
WHOLE_WORDS = [
    "กลุ่ม",
    "แม่บ้าน",
    "เกษตรกร",
    "ผลิต",
    "ธรรมชาติ",
    "เปลือก",
    "ท้องถิ่น",
    "จำหน่าย",
    "ประเทศ",
    "ญี่ปุ่น",
    "สมาชิก",
    "กตัญญู",
    "บรรพบุรุษ",
    "ภูมิปัญญา",
    "ผลิตภัณฑ์",
]


def lay_out_in_cells(text: str, widths: list[float]) -> list[Paragraph]:
    """``text`` in a table row of cells of the given widths, built into a real PDF (on a
    page tall enough for the narrowest cell: a table row does not split)."""
    cell = styles().cell
    row = [para(text, cell) for _ in widths]
    page = (A4[0], 6 * A4[1])
    SimpleDocTemplate(io.BytesIO(), pagesize=page).build([Table([row], colWidths=widths)])
    return row


def boundaries(pieces: list[str] | tuple[str, ...]) -> set[int]:
    ends = set()
    position = 0
    for piece in pieces:
        position += len(piece)
        ends.add(position)
    return ends


def break_positions(lines: list[str]) -> list[int]:
    """Where in the text without spaces each line but the last ends."""
    positions = []
    position = 0
    for line in lines[:-1]:
        position += len(line.replace(" ", ""))
        positions.append(position)
    return positions


def assert_whole_words_kept(text: str, lines: list[str], room: float = float("inf")) -> None:
    """Every hand-listed word of ``text`` that fits in ``room`` is on one line."""
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    joined = "|".join(line.replace(" ", "") for line in lines)
    size = styles().cell.fontSize
    for word in WHOLE_WORDS:
        if word in text and text_width(word, FONT, size) <= room:
            assert word in joined, f"{word} cut across lines: {lines}"


def assert_breaks_between_words(text: str, lines: list[str]) -> None:
    assert_whole_words_kept(text, lines)
    allowed = boundaries(words(text))
    for position, line in zip(break_positions(lines), lines, strict=False):
        assert position in allowed, f"line broken inside a word: {line!r}"


CELL_PADDING = 12  # reportlab's table cells: 6 pt each side


def widest_word(text: str) -> float:
    return max(text_width(word, FONT, styles().cell.fontSize) for word in words(text))


@pytest.mark.parametrize("width_cm", [3.0, 3.5, 5.0, 8.0])
def test_long_thai_in_narrow_cells_breaks_only_between_words(width_cm: float) -> None:
    assert widest_word(LONG_THAI) <= width_cm * cm - CELL_PADDING
    (paragraph,) = lay_out_in_cells(LONG_THAI, [width_cm * cm])
    lines = line_texts(paragraph)
    assert len(lines) > 3
    assert_breaks_between_words(LONG_THAI, lines)
    assert all(line.extraSpace >= -0.01 for line in paragraph.blPara.lines), "overflow"


@pytest.mark.parametrize("width_cm", [1.8, 2.0, 2.4])
def test_a_compound_too_wide_for_its_cell_breaks_between_its_words(width_cm: float) -> None:
    """ความกตัญญู and ชั่วอายุคน are single dictionary entries wider than these cells: they
    break into ความ|กตัญญู and ชั่วอายุ|คน, not inside กตัญญู."""
    room = width_cm * cm - CELL_PADDING
    assert widest_word(LONG_THAI) > room
    (paragraph,) = lay_out_in_cells(LONG_THAI, [width_cm * cm])
    lines = line_texts(paragraph)
    assert_whole_words_kept(LONG_THAI, lines, room)
    assert all(line.extraSpace >= -0.01 for line in paragraph.blPara.lines), "overflow"
    allowed = boundaries(clusters(LONG_THAI.replace(" ", "")))
    assert set(break_positions(lines)) <= allowed


def test_reportlab_alone_breaks_inside_words() -> None:
    """Why para() exists: reportlab's own wrapping of the same text cuts words."""
    paragraph = Paragraph(LONG_THAI, styles().cell)
    paragraph.wrap(2.6 * cm, 1000)
    plain_lines = ["".join(word.text for word in line.words) for line in paragraph.blPara.lines]
    joined = "|".join(plain_lines)
    assert any(word not in joined for word in WHOLE_WORDS if word in LONG_THAI)


def test_a_word_wider_than_its_cell_breaks_between_character_clusters() -> None:
    name = "กรุงเทพมหานครอมรรัตนโกสินทร์มหินทรายุธยามหาดิลกภพนพรัตน์"
    (paragraph,) = lay_out_in_cells(name, [1.5 * cm])
    lines = line_texts(paragraph)
    assert len(lines) > 3
    assert "".join(lines) == name
    assert all(line.extraSpace >= -0.01 for line in paragraph.blPara.lines), "overflow"
    for line in lines:
        assert not unicodedata.category(line[0]).startswith("M"), line
    assert set(break_positions(lines)) <= boundaries(clusters(name))


def test_a_single_word_too_wide_breaks_between_its_syllables() -> None:
    word = "ประชาธิปไตย"
    assert syllables(word) == ("ประ", "ชา", "ธิป", "ไตย")
    (paragraph,) = lay_out_in_cells(word, [1.6 * cm])
    lines = line_texts(paragraph)
    assert len(lines) > 1
    assert set(break_positions(lines)) <= boundaries(syllables(word))


def test_long_words_come_back_whole_when_the_column_is_wide() -> None:
    paragraph = para("ประเทศสาธารณรัฐประชาธิปไตยประชาชนลาว", styles().cell)
    paragraph.wrap(1.2 * cm, 1000)
    assert len(line_texts(paragraph)) > 2
    paragraph.wrap(15 * cm, 1000)
    assert line_texts(paragraph) == ["ประเทศสาธารณรัฐประชาธิปไตยประชาชนลาว"]


def test_a_paragraph_split_across_pages_keeps_every_line() -> None:
    text = " ".join([LONG_THAI] * 40)
    output = io.BytesIO()
    SimpleDocTemplate(output, pagesize=A4).build([para(text, styles().body)])
    document = pdfium.PdfDocument(output.getvalue())
    try:
        assert len(document) >= 2
    finally:
        document.close()


def test_newline_starts_a_new_line() -> None:
    paragraph = para("บ้านเลขที่ 12 หมู่ 3\nตำบลสันทรายหลวง", styles().body)
    paragraph.wrap(15 * cm, 1000)
    assert line_texts(paragraph) == ["บ้านเลขที่ 12 หมู่ 3", "ตำบลสันทรายหลวง"]


def test_empty_text_is_an_empty_line() -> None:
    """As tall as a line of text without marks: a row with an empty cell is no shorter."""
    paragraph = para("", styles().body)
    _, height = paragraph.wrap(10 * cm, 1000)
    assert height == pytest.approx(para("กา", styles().body).wrap(10 * cm, 1000)[1])


def test_lines_are_spaced_by_their_ink() -> None:
    """Every paragraph of a size has its first baseline equally far down, below the usual
    stacked marks (so cells of a row line up); a line is moved down from the one above as
    far as ฏุ/ฎู above and ปี่/ที่ below need, never closer than the leading."""
    body = styles().body
    plain, stacked = para("กา", body), para("ปี่ที่", body)
    plain.wrap(10 * cm, 1000)
    stacked.wrap(10 * cm, 1000)
    assert plain.first_baseline == stacked.first_baseline > body.fontSize * 1.25
    two_plain = para("กา\nกา", body).wrap(10 * cm, 1000)[1]
    two_stacked = para("กฎู\nปี่ที่", body).wrap(10 * cm, 1000)[1]
    assert two_plain == pytest.approx(plain.height + body.leading)
    assert two_stacked - two_plain > 0.3 * body.fontSize


# --- digits, mixed text, markup -------------------------------------------------------------


def test_thai_digits_option() -> None:
    options = TextOptions(thai_digits=True)
    assert digits("วันที่ 12 ตุลาคม 2568 เวลา 09:30", options) == "วันที่ ๑๒ ตุลาคม ๒๕๖๘ เวลา ๐๙:๓๐"
    assert digits("2568", TextOptions()) == "2568"
    paragraph = para("เลขทะเบียน 5013-00042 ปี 2568", styles().body, options)
    paragraph.wrap(15 * cm, 1000)
    assert line_texts(paragraph) == ["เลขทะเบียน ๕๐๑๓-๐๐๐๔๒ ปี ๒๕๖๘"]


def pdf_text(line: str, sentence: str, options: TextOptions | None = None) -> str:
    """PDFium's text of a page with ``line`` drawn on the canvas and ``sentence`` set as a
    paragraph below it."""
    options = options or TextOptions()
    output = io.BytesIO()
    canvas = Canvas(output, pagesize=A4)
    draw_text(canvas, 50, 700, line, options=options)
    paragraph = para(sentence, styles().body, options)
    paragraph.wrapOn(canvas, 300, 100)
    paragraph.drawOn(canvas, 50, 600)
    canvas.save()
    document = pdfium.PdfDocument(output.getvalue())
    try:
        return str(document[0].get_textpage().get_text_range())
    finally:
        document.close()


def test_thai_digits_reach_the_pdf() -> None:
    text = pdf_text("หน้า 12", "ปี 2568", TextOptions(thai_digits=True))
    assert "๑๒" in text and "๒๕๖๘" in text
    assert "12" not in text and "2568" not in text


@pytest.mark.parametrize("phrase", ["25 อำเภอ", "OTOP Desktop"])
def test_a_held_phrase_is_read_with_plain_spaces(phrase: str) -> None:
    # Held with no-break spaces; a viewer's search for the phrase typed with a space finds it.
    text = pdf_text(hold(phrase), f"รวม {hold(phrase)} ทั้งหมด")
    assert "\u00a0" not in text
    assert text.count(phrase) == 2


MIXED = (
    "ผลิตภัณฑ์ OTOP Product Champion (OPC) ปี 2568 ราคา 1,250.50 บาท ขนาด 500ml "
    "ส่งออกไปยัง Japan และ Singapore ผ่านเว็บไซต์ www.otoptoday.com ติดต่อ 081-234-5678"
)


@pytest.mark.parametrize("width_cm", [5.0, 9.0])
def test_mixed_thai_english_and_numbers(width_cm: float) -> None:
    assert widest_word(MIXED) <= width_cm * cm - CELL_PADDING
    (paragraph,) = lay_out_in_cells(MIXED, [width_cm * cm])
    lines = line_texts(paragraph)
    assert_breaks_between_words(MIXED, lines)
    joined = "|".join(lines)
    for whole in ["Champion", "(OPC)", "1,250.50", "500ml", "081-234-5678", "Singapore"]:
        assert whole in joined


def test_a_number_too_wide_is_set_smaller_and_an_address_cut_only_past_the_floor() -> None:
    """A phone number, a code or an amount is never cut: the paragraph is set smaller to
    hold it. A web address too wide even at the floor size is cut after its dots, as the
    last resort, and cut_words names it."""
    (paragraph,) = lay_out_in_cells("โทร 081-234-5678 ราคา 1,000.00", [2.9 * cm])
    assert line_texts(paragraph) == ["โทร", "081-234-5678", "ราคา 1,000.00"]
    assert paragraph.style.fontSize < styles().cell.fontSize
    assert cut_words(paragraph) == ()
    (paragraph,) = lay_out_in_cells("www.otoptoday.com โทร 081-234-5678", [2.9 * cm])
    assert line_texts(paragraph) == ["www.", "otoptoday.com", "โทร", "081-234-5678"]
    assert paragraph.style.fontSize == pytest.approx(styles().cell.fontSize * SHRINK_FLOOR, 0.01)
    assert cut_words(paragraph) == ("www.otoptoday.com",)


def test_no_break_before_mai_yamok_or_punctuation() -> None:
    assert words("ต่างๆ") == ["ต่างๆ"]
    paragraph = para("สินค้าต่างๆนานา, ผ้าทอ(มือ)สวยงาม.", styles().cell)
    paragraph.wrap(1.2 * cm, 1000)
    for line in line_texts(paragraph):
        assert line[0] not in "ๆ,.)ฯ", line_texts(paragraph)


def test_text_is_never_read_as_markup() -> None:
    text = "ร้าน <b>ดี</b> & ขนม <br/> นม&amp;เนย"
    paragraph = para(text, styles().body)
    paragraph.wrap(15 * cm, 1000)
    assert " ".join(line_texts(paragraph)) == text


def test_words() -> None:
    assert words("กลุ่มแม่บ้านเกษตรกร") == ["กลุ่ม", "แม่บ้าน", "เกษตรกร"]
    # place names are words, so a line never ends in the middle of one
    assert words("ตำบลสันทรายหลวง อำเภอแม่ริม") == ["ตำบล", "สันทรายหลวง", "อำเภอ", "แม่ริม"]
    assert words("OTOP  ปี 2568") == ["OTOP", "ปี", "2568"]
    assert words("") == []


# --- fonts and styles -----------------------------------------------------------------------


def test_fonts_register_once_and_styles_are_sarabun_and_shaped() -> None:
    register_fonts()
    register_fonts()
    all_styles = styles()
    for name in all_styles.__dataclass_fields__:
        style = getattr(all_styles, name)
        assert style.fontName in (FONT, FONT_BOLD)
        assert style.shaping == 1
    assert all_styles.body.fontSize == 16
    assert all_styles.title.fontName == FONT_BOLD
    assert all_styles.title.fontSize > all_styles.body.fontSize


def test_text_width_is_the_shaped_width() -> None:
    assert text_width("ที่") == pytest.approx(text_width("ท"), abs=0.01)
    assert text_width("ก", size=32) == pytest.approx(2 * text_width("ก", size=16))


def test_segmentation_writes_nothing_to_the_home_folder(tmp_path: Path) -> None:
    """PyThaiNLP makes ~/pythainlp-data on first use unless told not to; a clerk's home
    stays as it was."""
    environment = {k: v for k, v in os.environ.items() if not k.startswith("PYTHAINLP")}
    environment["HOME"] = str(tmp_path)
    script = "from otop_desktop.printing.thai_words import words; print(words('ภาษาไทย'))"
    subprocess.run([sys.executable, "-c", script], env=environment, check=True, timeout=60)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    "text", ["๕๐๑๓-๒๕๖๓-๐๐๐๔", "๑๑ กรกฎาคม ๒๕๖๓", "ที่ว่าการอำเภอสันทราย กตัญญู", "OTOP 2568"]
)
def test_a_column_as_wide_as_text_width_holds_the_text_on_one_line(text: str) -> None:
    """Documents size form fields and table columns with text_width()."""
    for style in (styles().body, styles().body_bold, styles().cell):
        paragraph = para(text, style)
        paragraph.wrap(text_width(text, style.fontName, style.fontSize) + 0.01, 1000)
        assert line_texts(paragraph) == [text]
