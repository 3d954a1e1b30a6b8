"""Report exports: the HTML report is self-contained and escapes data; the PowerPoint deck is 16:9 and complete."""

from __future__ import annotations

import datetime as dt
import io
import re
from html.parser import HTMLParser

import pandas as pd
import plotly.graph_objects as go
import plotly.offline
import pytest
from PIL import Image
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pptx.util import Inches

from analytics import report, report_pptx
from analytics.report import ReportError
from analytics.report_html import html_report
from analytics.report_pptx import pptx_report
from analytics.slides import Slide

GENERATED = dt.date(2019, 8, 29)
AS_OF = dt.date(2026, 11, 22)
HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def bar_figure() -> go.Figure:
    return go.Figure(go.Bar(x=["vennskapsby", "intensjonsavtale", "mou"], y=[13, 1, 1]))


def line_with_gap() -> go.Figure:
    return go.Figure(go.Scatter(x=[2015, 2016, 2017, 2018], y=[13.1, None, 14.0, 14.4], connectgaps=False))


def many_categories() -> go.Figure:
    names = [f"Nettverk {n}" for n in range(1, 31)]
    return go.Figure(go.Bar(x=list(range(1, 31)), y=names, orientation="h")).update_layout(height=23 * 30 + 110)


def make_slide(slide_id: str, figure: go.Figure | None = None, **fields) -> Slide:
    values = {
        "title": f"Tittel {slide_id}",
        "subtitle": "Testkommune · test",
        "summary": f"Sammendrag for {slide_id}.",
        "source_line": f"Kilde: testkilde {slide_id}",
        "date": AS_OF,
        "table": pd.DataFrame({"År": [2015, 2016], "Verdi": ["13,1 %", None]}),
    }
    return Slide(id=slide_id, figure=figure, **{**values, **fields})


@pytest.fixture
def slides() -> list[Slide]:
    return [
        make_slide("bars", bar_figure(), metrics=(("Avtaler", "15"), ("Aktive", "13"))),
        make_slide("line", line_with_gap(), metrics=(("Andel 2018", "14,4 %"),)),
        make_slide("many", many_categories()),
        make_slide("metrics", None, metrics=(("Vennskapsbyer", "13"), ("Nettverk", "30")), table=pd.DataFrame()),
        make_slide("table", None, table=pd.DataFrame({"Tiltak": [f"Tiltak {n}" for n in range(12)], "Status": "–"})),
        make_slide(
            "hostile",
            bar_figure().update_traces(name=HOSTILE),
            title=HOSTILE,
            summary=HOSTILE,
            table=pd.DataFrame({"Navn": [HOSTILE]}),
        ),
    ]


def png_of(width: int, height: int) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), "#0072B2").save(buffer, format="PNG")
    return buffer.getvalue()


class FakeRenderer:
    """Stands in for kaleido: records its calls and returns one PNG per figure."""

    def __init__(self, width: int = 574, height: int = 340):
        self.calls: list[list[go.Figure]] = []
        self.png = png_of(width, height)

    def __call__(self, figures):
        self.calls.append(list(figures))
        return [self.png for _ in figures]


def read_deck(data: bytes):
    return Presentation(io.BytesIO(data))


def all_text(slide) -> str:
    return "\n".join(shape.text_frame.text for shape in slide.shapes if shape.has_text_frame)


# --- PowerPoint ------------------------------------------------------------------------------------------------


def test_deck_is_16_9_with_a_title_slide_and_one_slide_per_slide(slides):
    deck = read_deck(pptx_report(slides, "Rapport til formannskapet", GENERATED, "nb", images=FakeRenderer()))
    assert (deck.slide_width, deck.slide_height) == (Inches(13.333), Inches(7.5))
    assert len(deck.slides) == 1 + len(slides)
    assert deck.slides[0].shapes.title.text == "Rapport til formannskapet"
    assert "Laget 29.08.2019" in all_text(deck.slides[0])
    assert [s.shapes.title.text for s in list(deck.slides)[1:]] == [slide.title for slide in slides]


def test_every_figure_is_drawn_in_one_call_and_placed_as_a_picture_with_its_summary_as_alt_text(slides):
    renderer = FakeRenderer()
    deck = read_deck(pptx_report(slides, "R", GENERATED, "nb", images=renderer))
    assert len(renderer.calls) == 1
    assert renderer.calls[0] == [slide.figure for slide in slides if slide.figure is not None]
    for slide, page in zip(slides, list(deck.slides)[1:], strict=True):
        pictures = [shape for shape in page.shapes if shape.shape_type == MSO_SHAPE_TYPE.PICTURE]
        assert len(pictures) == (1 if slide.figure is not None else 0), slide.id
        for picture in pictures:
            assert picture._element.nvPicPr.cNvPr.get("descr") == slide.summary


@pytest.mark.parametrize("size", [(574, 340), (300, 900), (2000, 300)])
def test_no_shape_lies_outside_the_slide(slides, size):
    deck = read_deck(pptx_report(slides, "R" * 200, GENERATED, "nb", images=FakeRenderer(*size)))
    for number, page in enumerate(deck.slides):
        for shape in page.shapes:
            assert shape.left >= 0 and shape.top >= 0, (number, shape.name)
            assert shape.left + shape.width <= deck.slide_width, (number, shape.name)
            assert shape.top + shape.height <= deck.slide_height, (number, shape.name)


def test_each_slide_shows_its_source_line_date_summary_and_metrics(slides):
    deck = read_deck(pptx_report(slides, "R", GENERATED, "nb", images=FakeRenderer()))
    for slide, page in zip(slides, list(deck.slides)[1:], strict=True):
        text = all_text(page)
        assert slide.source_line in text and "Tall per 22.11.2026" in text
        assert slide.summary in text and slide.subtitle in text
        for label, value in slide.metrics:
            assert label in text and value in text


def test_english_deck_uses_the_english_strings(slides):
    deck = read_deck(pptx_report(slides[:1], "Report", GENERATED, "en", images=FakeRenderer()))
    assert "Made 29.08.2019" in all_text(deck.slides[0])
    assert "Figures as of 22.11.2026" in all_text(deck.slides[1])


def test_a_slide_without_a_figure_shows_its_table_and_says_how_many_rows_are_left_out(slides):
    deck = read_deck(pptx_report([slides[4]], "R", GENERATED, "nb", images=FakeRenderer()))
    tables = [shape.table for shape in deck.slides[1].shapes if shape.has_table]
    assert len(tables) == 1
    assert [cell.text for cell in tables[0].rows[0].cells] == ["Tiltak", "Status"]
    assert len(tables[0].rows) == 1 + report_pptx.TABLE_ROWS
    assert "Viser 8 av 12 rader" in all_text(deck.slides[1])


def test_a_wide_table_says_how_many_columns_are_left_out():
    wide = make_slide("wide", table=pd.DataFrame({f"Kolonne {n}": ["x"] for n in range(9)}))
    deck = read_deck(pptx_report([wide], "R", GENERATED, "nb", images=FakeRenderer()))
    table = next(shape.table for shape in deck.slides[1].shapes if shape.has_table)
    assert len(table.columns) == report_pptx.TABLE_COLUMNS
    assert "Viser 6 av 9 kolonner" in all_text(deck.slides[1]) and "rader" not in all_text(deck.slides[1])


def test_a_deck_without_figures_never_asks_the_renderer(slides):
    def no_renderer(figures):
        raise AssertionError("the renderer was asked although no slide has a figure")

    deck = read_deck(pptx_report(slides[3:5], "R", GENERATED, "nb", images=no_renderer))
    assert len(deck.slides) == 3


def test_long_titles_get_a_smaller_font_than_short_ones():
    short = report_pptx.fitted_font_size("Vennskapsbyer", 12.333, 0.95, (32, 28, 24, 20))
    long = report_pptx.fitted_font_size("Andel med innvandrerbakgrunn " * 4, 12.333, 0.95, (32, 28, 24, 20))
    assert short == 32 and long < 32


def test_text_too_long_for_its_box_is_cut_at_a_word_instead_of_running_off_the_slide():
    summary = "Dette er en lang oppsummering, med mange ord. " * 30
    text, size = report_pptx.fitted_text(summary, 3.7, 2.0, (20, 18, 16, 14))
    assert size == 14 and text.endswith("…") and summary.startswith(text[:-1])
    assert report_pptx.text_fits(text, 3.7, 2.0, 14) and not report_pptx.text_fits(summary, 3.7, 2.0, 14)
    assert report_pptx.fitted_text("Kort.", 3.7, 2.0, (20, 18)) == ("Kort.", 20)


def test_a_long_summary_and_many_metrics_beside_a_chart_stay_above_the_footer():
    slide = make_slide(
        "crowded",
        bar_figure(),
        summary="Dette er en lang oppsummering. " * 15,
        metrics=tuple((f"Nøkkeltall nummer {n} med en lang etikett", f"{n} 000") for n in range(5)),
        source_line="Kilde: " + "SSB, tabell 09817; " * 20,
    )
    deck = read_deck(pptx_report([slide], "R", GENERATED, "nb", images=FakeRenderer()))
    footer_top = Inches(report_pptx.FOOTER_BOX[1])
    for shape in deck.slides[1].shapes:
        if shape.top < footer_top:
            assert shape.top + shape.height <= footer_top, shape.text_frame.text[:40]
    assert "Tall per 22.11.2026" in all_text(deck.slides[1])  # the date is never the part that is cut
    summary = next(s for s in deck.slides[1].shapes if s.has_text_frame and s.text_frame.text.startswith("Dette er"))
    size = summary.text_frame.paragraphs[0].runs[0].font.size.pt
    assert summary.text_frame.text.endswith("…")
    assert report_pptx.text_fits(summary.text_frame.text, summary.width.inches - 0.1, summary.height.inches, size)


def test_a_failing_renderer_gives_a_norwegian_report_error(slides, caplog):
    def broken(figures):
        raise RuntimeError("no browser at /usr/bin/chromium")

    with pytest.raises(ReportError, match=r"PowerPoint krever Chromium.*HTML-rapporten virker uten") as caught:
        pptx_report(slides, "R", GENERATED, "nb", images=broken)
    assert isinstance(caught.value.__cause__, RuntimeError)
    # plain language for the reader (no exception class, text or path); the details go to the log
    assert "RuntimeError" not in str(caught.value) and "/usr/bin" not in str(caught.value)
    assert "no browser at /usr/bin/chromium" in caplog.text
    # ... and the HTML report is still made from the same slides.
    assert html_report(slides, "R", GENERATED, "nb").count("Plotly.newPlot(") == 4


@pytest.mark.parametrize("answer", [[], [b"not a png"] * 4, [png_of(10, 10)] * 3])
def test_a_renderer_that_returns_the_wrong_pictures_gives_a_report_error(slides, answer):
    with pytest.raises(ReportError, match="figurene kunne ikke tegnes"):
        pptx_report(slides, "R", GENERATED, "nb", images=lambda figures: answer)


# --- the real renderer (kaleido on Debian's Chromium) ---------------------------------------------------------


def test_kaleido_draws_every_figure_at_the_chart_box_size(chromium):
    pngs = report_pptx.kaleido_images([bar_figure(), line_with_gap(), many_categories()])
    sizes = [Image.open(io.BytesIO(png)).size for png in pngs]
    width, height = report_pptx.CHART_PIXELS
    assert sizes[0] == sizes[1] == (width * report_pptx.CHART_SCALE, height * report_pptx.CHART_SCALE)
    assert sizes[2][1] / sizes[2][0] == pytest.approx(height / width, rel=0.01)


def test_a_figure_taller_than_the_chart_box_is_laid_out_at_its_own_height():
    width, height = report_pptx.CHART_PIXELS
    assert report_pptx.image_options(bar_figure(), width, height, 3) == {
        "format": "png",
        "width": width,
        "height": height,
        "scale": 3,
    }
    tall = report_pptx.image_options(many_categories(), width, height, 3)
    assert tall["height"] == 800 and tall["width"] == round(width * 800 / height)  # no tick label dropped
    assert tall["height"] * tall["scale"] == pytest.approx(height * 3)  # the same picture size in the end


def test_the_default_renderer_builds_a_deck_with_real_chart_pictures(chromium, slides):
    deck = read_deck(pptx_report(slides[:2], "R", GENERATED, "nb"))
    pictures = [s for page in deck.slides for s in page.shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE]
    assert len(pictures) == 2
    for picture in pictures:
        image = Image.open(io.BytesIO(picture.image.blob)).convert("RGB")
        assert len(image.getcolors(1 << 20)) > 20  # a drawn chart, not a blank page


def test_without_chromium_the_deck_fails_with_the_norwegian_message(monkeypatch, slides):
    monkeypatch.setenv("BROWSER_PATH", "/nonexistent/chromium")
    with pytest.raises(ReportError, match=r"apt-get install chromium"):
        pptx_report(slides[:1], "R", GENERATED, "nb")


# --- HTML ---------------------------------------------------------------------------------------------------------


class Markup(HTMLParser):
    """The tags of a page, with their attributes, and its script and text content."""

    def __init__(self, text: str):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.scripts: list[str] = []
        self.text: list[str] = []
        self._in_script = False
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        (self.scripts if self._in_script else self.text).append(data)

    def all(self, tag: str) -> list[dict]:
        return [attrs for name, attrs in self.tags if name == tag]


@pytest.fixture
def page_html(slides) -> str:
    return html_report(slides, "Rapport til formannskapet", GENERATED, "nb")


def test_plotly_js_is_inlined_once_and_each_figure_is_drawn_once(page_html, slides):
    plotly_js = plotly.offline.get_plotlyjs()
    assert page_html.count(plotly_js[:300]) == 1
    assert page_html.count("Plotly.newPlot(") == sum(slide.figure is not None for slide in slides)
    markup = Markup(page_html)
    assert sum(len(script) > 1_000_000 for script in markup.scripts) == 1


def test_nothing_is_loaded_from_outside(page_html):
    markup = Markup(page_html)
    assert all("src" not in attrs for attrs in markup.all("script")) and not markup.all("link")
    assert [attrs for _, attrs in markup.tags if "src" in attrs] == []
    # No external address anywhere in the markup or the figure scripts (plotly.js itself names some in its code).
    small_scripts = "".join(script for script in markup.scripts if len(script) < 1_000_000)
    assert "http" not in "".join(markup.text) + small_scripts + "".join(str(a) for _, a in markup.tags)
    assert (
        "MathJax" not in small_scripts and "@import" not in page_html and "url(" not in page_html.split("</style>")[0]
    )


def test_hostile_strings_stay_text(page_html):
    markup = Markup(page_html)
    assert 'alert("x")' not in "".join(markup.scripts)
    assert sum(HOSTILE in text for text in markup.text) >= 3  # title, summary, table cell: shown as text
    assert not [attrs for _, attrs in markup.tags if "onerror" in attrs]
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page_html


def test_every_slide_has_heading_summary_metrics_table_source_and_date(page_html, slides):
    for slide in slides:
        section = page_html.split(f'id="slide-{slides.index(slide) + 1}-{slide.id}"')[1].split("</section>")[0]
        if slide.id != "hostile":
            assert f">{slide.title}</h2>" in section and slide.summary in section and slide.subtitle in section
        assert f"{slide.source_line} · Tall per 22.11.2026" in section
        assert all(f"<dd>{value}</dd>" in section for _, value in slide.metrics)
        assert ("<table>" in section) == bool(len(slide.table.columns))
    sources = page_html.split('id="sources"')[1]
    assert all(slide.source_line in sources for slide in slides)


def test_tables_are_accessible_and_missing_values_are_shown_as_a_dash(page_html):
    markup = Markup(page_html)
    assert len(markup.all("caption")) == len(markup.all("table")) == 5
    scopes = [attrs.get("scope") for attrs in markup.all("th")]
    assert set(scopes) == {"col", "row"}
    assert "<caption>Data: Tittel bars</caption>" in page_html
    assert '<th scope="row">2015</th><td>13,1 %</td>' in page_html
    assert '<th scope="row">2016</th><td>–</td>' in page_html


def test_language_date_and_headings(slides):
    nb = html_report(slides, "Rapport", GENERATED, "nb")
    en = html_report(slides, "Report", GENERATED, "en")
    assert '<html lang="nb">' in nb and "Laget 29.08.2019" in nb and ">Kilder</h2>" in nb
    assert '<html lang="en">' in en and "Made 29.08.2019" in en and ">Sources</h2>" in en
    assert len(re.findall(r"<h1[ >]", nb)) == 1
    assert len(re.findall(r"<h2[ >]", nb)) == len(slides) + 2  # contents, one per slide, sources
    assert "break-before: page" in nb  # one slide per printed page


@pytest.mark.parametrize(
    ("value", "text"),
    [(None, "–"), (float("nan"), "–"), (2019, "2019"), (-3, "−3"), (15.3, "15,3"), (29539.0, "29539"), ("a", "a")],
)
def test_cell_text(value, text):
    assert report.cell_text(value) == text
