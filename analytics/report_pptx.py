"""The slides as a 16:9 PowerPoint deck, its charts drawn as PNG pictures by kaleido (Chromium on the server)."""

from __future__ import annotations

import asyncio
import datetime as dt
import io
import logging
import math
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor

import pandas as pd
import plotly.graph_objects as go
from PIL import Image
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.util import Emu, Inches, Pt

from analytics.formatting import format_date
from analytics.i18n import t
from analytics.report import ReportError, cell_text
from analytics.slides import Slide, data_date_text

LOG = logging.getLogger(__name__)

ImageRenderer = Callable[[list[go.Figure]], list[bytes]]


# Boxes as (left, top, width, height) in inches on a 13.333 × 7.5 in slide.
SLIDE_SIZE = (13.333, 7.5)
TITLE_BOX = (0.5, 0.3, 12.333, 0.95)
SUBTITLE_BOX = (0.5, 1.25, 12.333, 0.45)
BODY_BOX = (0.5, 1.85, 12.333, 4.85)
CHART_BOX = (0.5, 1.85, 8.2, 4.85)
SIDE_BOX = (9.0, 1.85, 3.833, 4.85)
FOOTER_BOX = (0.5, 6.85, 9.4, 0.5)
PAGE_BOX = (10.0, 6.85, 2.833, 0.5)
# Charts are drawn at 70 CSS pixels per inch of their box (a 15 px label shows as 15 pt), three times as sharp.
CHART_PIXELS = (round(CHART_BOX[2] * 70), round(CHART_BOX[3] * 70))
CHART_SCALE = 3
INK, MUTED, ACCENT = RGBColor(0x1A, 0x1A, 0x1A), RGBColor(0x4D, 0x4D, 0x4D), RGBColor(0x00, 0x72, 0xB2)
ACCENT_DARK, BAND, WHITE = RGBColor(0x00, 0x4C, 0x77), RGBColor(0xEE, 0xF3, 0xF7), RGBColor(0xFF, 0xFF, 0xFF)
TABLE_ROWS, TABLE_COLUMNS, TABLE_ROW_HEIGHT, TABLE_FONT = 8, 6, 0.5, 12
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
METRIC_SIZES, LABEL_SIZES = (44, 40, 36, 32, 28, 24, 20), (18, 16, 14, 12, 11)
LAYOUT_TITLE, LAYOUT_TITLE_ONLY = 0, 5  # in python-pptx's default template


def text_fits(text: str, width: float, height: float, size: int) -> bool:
    """Whether `text` at `size` pt fits a box of width × height inches (estimated, on the safe side)."""
    per_line = max(1, int(width * 72 / (size * 0.58)))  # an average character is a little over half an em wide
    lines = sum(max(1, math.ceil(len(part) / (per_line * 0.85))) for part in text.split("\n"))
    return lines * size * 1.2 <= height * 72 * 0.9


def fitted_font_size(text: str, width: float, height: float, sizes: Sequence[int]) -> int:
    """The largest of `sizes` (pt) at which `text` fits a box of width × height inches; the smallest otherwise."""
    return next((size for size in sizes if text_fits(text, width, height, size)), sizes[-1])


def fitted_text(text: str, width: float, height: float, sizes: Sequence[int]) -> tuple[str, int]:
    """The text and the largest size at which it fits; cut at a word with "…" if it fits at none (never off the box)."""
    size = fitted_font_size(text, width, height, sizes)
    words = text.split(" ")
    while len(words) > 1 and not text_fits(" ".join(words), width, height, size):
        words = words[:-1]
        words[-1] = words[-1].rstrip(",.;:") + "…"
    return " ".join(words), size


def _box(box: tuple[float, float, float, float]) -> tuple[Emu, Emu, Emu, Emu]:
    return tuple(Inches(value) for value in box)


def write_paragraphs(frame, paragraphs: Sequence[tuple[str, int, bool, RGBColor]], align=PP_ALIGN.LEFT) -> None:
    """Replace a text frame's text with paragraphs of (text, size in pt, bold, colour); wrapped, no auto-grow."""
    frame.clear()
    frame.word_wrap = True
    frame.auto_size = MSO_AUTO_SIZE.NONE
    frame.margin_left = frame.margin_right = Inches(0.05)
    for index, (text, size, bold, colour) in enumerate(paragraphs):
        paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        paragraph.alignment = align
        run = paragraph.add_run()
        run.text = text
        run.font.size, run.font.bold, run.font.color.rgb = Pt(size), bold, colour


def add_text(slide, box, paragraphs, anchor=MSO_ANCHOR.TOP, align=PP_ALIGN.LEFT):
    """A text box at `box` (inches) holding the paragraphs."""
    shape = slide.shapes.add_textbox(*_box(box))
    write_paragraphs(shape.text_frame, paragraphs, align)
    shape.text_frame.vertical_anchor = anchor
    return shape


def place_title(placeholder, box, text: str, sizes: Sequence[int], colour: RGBColor = INK, bold: bool = True) -> None:
    """Move a layout placeholder to `box` (the template's own geometry is 4:3) and write `text` in it."""
    placeholder.left, placeholder.top, placeholder.width, placeholder.height = _box(box)
    text, size = fitted_text(text, box[2] - 0.1, box[3], sizes)
    write_paragraphs(placeholder.text_frame, [(text, size, bold, colour)])
    placeholder.text_frame.vertical_anchor = MSO_ANCHOR.BOTTOM


def add_picture(slide, png: bytes, box, description: str):
    """The PNG centred in `box` at its own aspect ratio, with `description` as its alternative text."""
    with Image.open(io.BytesIO(png)) as image:
        aspect = image.width / image.height
    left, top, width, height = box
    if width / height > aspect:
        left, width = left + (width - height * aspect) / 2, height * aspect
    else:
        top, height = top + (height - width / aspect) / 2, width / aspect
    picture = slide.shapes.add_picture(io.BytesIO(png), *_box((left, top, width, height)))
    picture._element.nvPicPr.cNvPr.set("descr", description)
    return picture


def add_metrics(slide, metrics: Sequence[tuple[str, str]], box, columns: int) -> None:
    """Headline figures as tiles in `box`: the value large, its label below; one size for all values, one for labels."""
    left, top, width, height = box
    rows = math.ceil(len(metrics) / columns)
    tile_width, tile_height = width / columns, height / rows
    text_width, value_height, label_height = tile_width - 0.2, tile_height * 0.45, tile_height * 0.55
    value_size = min(fitted_font_size(value, text_width, value_height, METRIC_SIZES) for _, value in metrics)
    label_size = min(fitted_font_size(label, text_width, label_height, LABEL_SIZES) for label, _ in metrics)
    for index, (label, value) in enumerate(metrics):
        tile = (left + (index % columns) * tile_width, top + (index // columns) * tile_height, tile_width, tile_height)
        label_text, _ = fitted_text(label, text_width, label_height, (label_size,))
        add_text(slide, tile, [(value, value_size, True, ACCENT), (label_text, label_size, False, MUTED)])


def add_side_column(slide, slide_data: Slide, box) -> None:
    """The right-hand column beside a chart or table: the headline figures, then the summary."""
    left, top, width, height = box
    used = 0.0
    if slide_data.metrics:
        used = min(len(slide_data.metrics) * 1.15, height * 0.7)
        add_metrics(slide, slide_data.metrics, (left, top, width, used), columns=1)
        used += 0.15
    rest = height - used
    summary, size = fitted_text(slide_data.summary, width - 0.1, rest, (20, 18, 16, 14))
    add_text(slide, (left, top + used, width, rest), [(summary, size, False, INK)])


def column_widths(table: pd.DataFrame, total: float) -> list[float]:
    """Widths in inches that add up to `total`, each after its longest text (within limits)."""
    weights = [
        min(30, max(4, len(str(column)), *(len(cell_text(value)) for value in table[column])))
        for column in table.columns
    ]
    return [total * weight / sum(weights) for weight in weights]


def table_cells(shown: pd.DataFrame, widths: Sequence[float]) -> list[list[str]]:
    """The header and rows as text, each cell cut with "…" to about two lines of its column."""
    limits = [max(8, int(width * 72 / (TABLE_FONT * 0.52) * 1.7)) for width in widths]
    rows = [[str(column) for column in shown.columns]]
    rows += [[cell_text(value) for value in values] for values in shown.itertuples(index=False)]
    return [
        [text if len(text) <= lim else text[: lim - 1] + "…" for text, lim in zip(row, limits, strict=True)]
        for row in rows
    ]


def style_cell(cell, text: str, header: bool, shaded: bool) -> None:
    """A table cell in the house style: a dark header with white text, light bands below (contrast above 7:1)."""
    cell.fill.solid()
    cell.fill.fore_color.rgb = ACCENT_DARK if header else (BAND if shaded else WHITE)
    cell.margin_top = cell.margin_bottom = Inches(0.04)
    write_paragraphs(cell.text_frame, [(text, TABLE_FONT, header, WHITE if header else INK)])


def add_table(slide, table: pd.DataFrame, box, lang: str) -> None:
    """The first rows and columns of the frame as a PowerPoint table, noting how many rows are left out."""
    shown = table.iloc[:TABLE_ROWS, :TABLE_COLUMNS]
    left, top, width, _ = box
    widths = column_widths(shown, width)
    cells = table_cells(shown, widths)
    frame = slide.shapes.add_table(len(cells), len(widths), *_box((left, top, width, TABLE_ROW_HEIGHT * len(cells))))
    for c, column_width in enumerate(widths):
        frame.table.columns[c].width = Inches(column_width)
    for r, values in enumerate(cells):
        frame.table.rows[r].height = Inches(TABLE_ROW_HEIGHT)
        for c, text in enumerate(values):
            style_cell(frame.table.cell(r, c), text, header=r == 0, shaded=r % 2 == 0)
    notes = [
        t(key, lang, shown=shown_count, total=total)
        for key, shown_count, total in [
            ("report.rows_shown", len(shown), len(table)),
            ("report.columns_shown", len(shown.columns), len(table.columns)),
        ]
        if shown_count < total
    ]
    if notes:
        note_box = (left, top + TABLE_ROW_HEIGHT * len(cells) + 0.05, width, 0.45)
        add_text(slide, note_box, [(" ".join(notes), 12, False, MUTED)])


def add_body(slide, slide_data: Slide, png: bytes | None, lang: str) -> None:
    """The slide's content: chart or table with the side column; a metrics grid; or the summary alone."""
    if png is not None or len(slide_data.table.columns):
        if png is not None:
            add_picture(slide, png, CHART_BOX, slide_data.summary)
        else:
            add_table(slide, slide_data.table, CHART_BOX, lang)
        add_side_column(slide, slide_data, SIDE_BOX)
        return
    left, top, width, height = BODY_BOX
    used = 0.0
    if slide_data.metrics:
        columns = min(4, len(slide_data.metrics))
        used = min(math.ceil(len(slide_data.metrics) / columns) * 1.7, height * 0.65)
        add_metrics(slide, slide_data.metrics, (left, top, width, used), columns)
        used += 0.2
    summary, size = fitted_text(slide_data.summary, width - 0.1, height - used, (28, 24, 20, 18, 16))
    add_text(slide, (left, top + used, width, height - used), [(summary, size, False, INK)])


def add_content_slide(deck, slide_data: Slide, png: bytes | None, number: int, total: int, lang: str) -> None:
    """One slide: title and subtitle across the top, the body, the source line and date at the bottom."""
    slide = deck.slides.add_slide(deck.slide_layouts[LAYOUT_TITLE_ONLY])
    place_title(slide.shapes.title, TITLE_BOX, slide_data.title, (32, 28, 24, 20))
    subtitle, subtitle_size = fitted_text(slide_data.subtitle, SUBTITLE_BOX[2] - 0.1, SUBTITLE_BOX[3], (18, 16, 14))
    add_text(slide, SUBTITLE_BOX, [(subtitle, subtitle_size, False, MUTED)])
    add_body(slide, slide_data, png, lang)
    source, source_size = fitted_text(slide_data.source_line, FOOTER_BOX[2] - 0.1, FOOTER_BOX[3], (14, 12, 11, 10))
    add_text(slide, FOOTER_BOX, [(source, source_size, False, MUTED)], anchor=MSO_ANCHOR.BOTTOM)
    page = f"{data_date_text(slide_data, lang)} · {t('report.page', lang, n=number, total=total)}"
    add_text(slide, PAGE_BOX, [(page, 12, False, MUTED)], anchor=MSO_ANCHOR.BOTTOM, align=PP_ALIGN.RIGHT)


def add_title_slide(deck, slides: Sequence[Slide], title: str, generated: dt.date, lang: str) -> None:
    """The first slide: the report's title, the date it was generated and its contents."""
    slide = deck.slides.add_slide(deck.slide_layouts[LAYOUT_TITLE])
    heading, subtitle = slide.placeholders[0], slide.placeholders[1]
    place_title(heading, (0.8, 0.9, 11.733, 1.9), title, (44, 40, 36, 32, 28))
    place_title(
        subtitle, (0.8, 2.9, 11.733, 0.6), t("report.generated", lang, date=format_date(generated)), (20,), MUTED, False
    )
    subtitle.text_frame.vertical_anchor = MSO_ANCHOR.TOP
    lines, size = contents_lines(slides, lang, (0.8, 3.8, 11.733, 3.4))
    add_text(slide, (0.8, 3.8, 11.733, 3.4), [(line, size, n == 0, INK) for n, line in enumerate(lines)])


def contents_lines(slides: Sequence[Slide], lang: str, box) -> tuple[list[str], int]:
    """The title slide's list of contents and its font size; the last entries become "…" if they cannot fit."""
    lines = [t("report.contents", lang)] + [f"{n}. {slide.title}" for n, slide in enumerate(slides, start=1)]
    sizes = (20, 18, 16, 14, 12)
    size = fitted_font_size("\n".join(lines), box[2] - 0.1, box[3], sizes)
    while len(lines) > 2 and not text_fits("\n".join(lines), box[2] - 0.1, box[3], size):
        lines = lines[:-2] + ["…"]
    return lines, size


def chart_pictures(slides: Sequence[Slide], images: ImageRenderer, lang: str) -> list[bytes | None]:
    """A PNG per slide with a figure (None for the others), all drawn in one call; ReportError if drawing fails."""
    figures = [slide.figure for slide in slides if slide.figure is not None]
    if not figures:
        return [None] * len(slides)
    try:
        pngs = list(images(figures))
    except Exception as error:  # whatever the renderer raised, the user gets one clear message
        LOG.warning("the slide charts could not be drawn", exc_info=error)  # the details go to the log
        raise ReportError(t("report.no_renderer", lang)) from error
    if len(pngs) != len(figures) or not all(isinstance(png, bytes) and png.startswith(PNG_SIGNATURE) for png in pngs):
        LOG.warning("the chart renderer gave %d PNG pictures for %d charts", len(pngs), len(figures))
        raise ReportError(t("report.no_renderer", lang))
    drawn = iter(pngs)
    return [next(drawn) if slide.figure is not None else None for slide in slides]


def pptx_report(
    slides: Sequence[Slide], title: str, generated: dt.date, lang: str, images: ImageRenderer | None = None
) -> bytes:
    """The slides as a 16:9 PowerPoint deck (a title slide, then one slide each); charts drawn by `images`."""
    pictures = chart_pictures(slides, images or kaleido_images, lang)
    deck = Presentation()
    deck.slide_width, deck.slide_height = Inches(SLIDE_SIZE[0]), Inches(SLIDE_SIZE[1])
    deck.core_properties.title = title
    deck.core_properties.language = "en-GB" if lang == "en" else "nb-NO"
    add_title_slide(deck, slides, title, generated, lang)
    for number, (slide_data, png) in enumerate(zip(slides, pictures, strict=True), start=1):
        add_content_slide(deck, slide_data, png, number, len(slides), lang)
    buffer = io.BytesIO()
    deck.save(buffer)
    return buffer.getvalue()


# ---------------------------------------------------------------------------------------------------------------
# Chart pictures with kaleido (Chromium on the server)
# ---------------------------------------------------------------------------------------------------------------


def image_options(figure: go.Figure, width: int, height: int, scale: float) -> dict:
    """Kaleido's options for one figure: the chart box's size, grown for a figure taller than the box.

    A figure laid out taller than the box (many categories) keeps its own height, so that no label is dropped;
    the picture is then scaled down into the box."""
    grow = max(1.0, (figure.layout.height or 0) / height)
    return {"format": "png", "width": round(width * grow), "height": round(height * grow), "scale": scale / grow}


def kaleido_images(
    figures: list[go.Figure], width: int = CHART_PIXELS[0], height: int = CHART_PIXELS[1], scale: float = CHART_SCALE
) -> list[bytes]:
    """PNG bytes per figure, drawn by one local Chromium for the whole list (no MathJax, plotly.js from plotly)."""
    import kaleido  # imported here: it is needed only for PowerPoint, and starts nothing by itself

    async def draw_all() -> list[bytes]:
        async with kaleido.Kaleido(n=1, mathjax=False, timeout=60) as renderer:
            return [await renderer.calc_fig(fig, opts=image_options(fig, width, height, scale)) for fig in figures]

    # Its own thread and event loop, so that it works whether or not the caller runs one (Streamlit, pytest).
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(lambda: asyncio.run(draw_all())).result()
