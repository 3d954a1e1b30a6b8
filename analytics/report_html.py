"""The slides as one self-contained HTML report that opens offline in any browser, with interactive charts."""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Sequence

import pandas as pd
import plotly.graph_objects as go
import plotly.offline

from analytics.formatting import format_date
from analytics.i18n import t
from analytics.report import cell_text, footer_text
from analytics.slides import Slide

HTML_CSS = """
:root { --ink: #1a1a1a; --muted: #4d4d4d; --line: #c8c8c8; --accent: #0072B2; }
* { box-sizing: border-box; }
html { font-size: 20px; }
body { margin: 0; color: var(--ink); background: #fff; font-family: system-ui, -apple-system, "Segoe UI", Roboto,
  "Helvetica Neue", Arial, sans-serif; line-height: 1.45; }
main, .cover { max-width: 1000px; margin: 0 auto; padding: 0 1.2rem; }
.cover { padding-top: 2rem; padding-bottom: 1rem; border-bottom: 4px solid var(--accent); }
h1 { font-size: 2.2rem; line-height: 1.15; margin: 0 0 .4rem; }
h2 { font-size: 1.7rem; line-height: 1.2; margin: 0 0 .2rem; }
.generated, .subtitle, .source { color: var(--muted); }
.subtitle { font-size: 1.1rem; margin: 0 0 1rem; }
.cover ol { font-size: 1.1rem; }
a { color: var(--accent); }
.slide { padding: 2rem 0 1.5rem; border-bottom: 1px solid var(--line); }
.metrics { display: flex; flex-wrap: wrap; gap: 1rem 2.5rem; margin: 0 0 1rem; padding: 0; }
.metrics div { min-width: 8rem; }
.metrics dt { font-size: .9rem; color: var(--muted); }
.metrics dd { margin: 0; font-size: 2rem; font-weight: 700; line-height: 1.1; }
figure { margin: 0 0 1rem; }
figcaption, .summary { font-size: 1.05rem; margin-top: .5rem; }
table { border-collapse: collapse; font-size: .85rem; margin: .5rem 0 1rem; min-width: 50%; }
caption { text-align: left; font-weight: 700; font-size: .95rem; padding-bottom: .3rem; }
th, td { border-bottom: 1px solid var(--line); padding: .25rem .8rem .25rem 0; text-align: left; vertical-align: top; }
thead th { border-bottom: 2px solid var(--ink); }
.source { font-size: .85rem; margin: 0 0 1rem; }
.sources li { margin-bottom: .3rem; }
@page { size: A4 landscape; margin: 12mm; }
@media print {
  html { font-size: 14px; }
  main, .cover { max-width: none; padding: 0; }
  .cover { border-bottom: none; }
  .slide, .sources { break-before: page; border-bottom: none; padding-top: 0; }
  .slide figure, .slide .metrics { break-inside: avoid; }
  figure.chart { zoom: 0.8; }
  .modebar-container { display: none !important; }
  a { color: var(--ink); text-decoration: none; }
}
"""

# Charts are laid out for the screen width; before printing they are laid out again for the page.
RESIZE_ON_PRINT = (
    "window.addEventListener('beforeprint', function () {"
    " document.querySelectorAll('.js-plotly-plot').forEach(function (el) { Plotly.Plots.resize(el); }); });"
)
CHART_CONFIG = {"displaylogo": False, "responsive": True}


def _e(text) -> str:
    """Text made inert for HTML (content and attribute values)."""
    return html.escape(str(text), quote=True)


def anchor_id(slide: Slide, number: int) -> str:
    """A unique, safe HTML id for the slide: its number and its id reduced to letters, digits and hyphens."""
    return f"slide-{number}-" + re.sub(r"[^a-z0-9-]+", "-", slide.id.lower()).strip("-")


def chart_html(figure: go.Figure, div_id: str) -> str:
    """The figure as a div and a script that draws it with the page's single plotly.js (no MathJax, no CDN)."""
    return figure.to_html(
        full_html=False,
        include_plotlyjs=False,
        include_mathjax=False,
        div_id=div_id,
        default_height="420px",
        config=CHART_CONFIG,
    )


def table_html(table: pd.DataFrame, caption: str) -> str:
    """The frame as an accessible HTML table (caption, column and row headers); every value escaped."""
    head = "".join(f'<th scope="col">{_e(column)}</th>' for column in table.columns)
    rows = []
    for values in table.itertuples(index=False):
        cells = [cell_text(value) for value in values]
        first = f'<th scope="row">{_e(cells[0])}</th>' if cells else ""
        rows.append("<tr>" + first + "".join(f"<td>{_e(cell)}</td>" for cell in cells[1:]) + "</tr>")
    return (
        f"<table><caption>{_e(caption)}</caption><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )


def metrics_html(metrics: Sequence[tuple[str, str]]) -> str:
    """Headline figures as a description list (label, then the large value)."""
    if not metrics:
        return ""
    items = "".join(f"<div><dt>{_e(label)}</dt><dd>{_e(value)}</dd></div>" for label, value in metrics)
    return f'<dl class="metrics">{items}</dl>'


def slide_html(slide: Slide, number: int, lang: str) -> str:
    """One slide as a section: heading, subtitle, metrics, chart with its summary, source and date, data table."""
    anchor = anchor_id(slide, number)
    parts = [
        f'<section class="slide" id="{anchor}" aria-labelledby="{anchor}-title">',
        f'<h2 id="{anchor}-title">{_e(slide.title)}</h2>',
        f'<p class="subtitle">{_e(slide.subtitle)}</p>',
        metrics_html(slide.metrics),
    ]
    if slide.figure is not None:
        chart = chart_html(slide.figure, f"chart-{number}")
        parts.append(f'<figure class="chart">{chart}<figcaption>{_e(slide.summary)}</figcaption></figure>')
    else:
        parts.append(f'<p class="summary">{_e(slide.summary)}</p>')
    parts.append(f'<p class="source">{_e(footer_text(slide, lang))}</p>')
    if len(slide.table.columns):
        parts.append(table_html(slide.table, t("report.data", lang, title=slide.title)))
    parts.append("</section>")
    return "\n".join(part for part in parts if part)


def cover_html(slides: Sequence[Slide], title: str, generated: dt.date, lang: str) -> str:
    """The report's heading, its date and a linked table of contents."""
    items = "".join(
        f'<li><a href="#{anchor_id(slide, n)}">{_e(slide.title)}</a></li>' for n, slide in enumerate(slides, start=1)
    )
    return (
        f'<header class="cover"><h1>{_e(title)}</h1>'
        f'<p class="generated">{_e(t("report.generated", lang, date=format_date(generated)))}</p>'
        f'<nav aria-labelledby="contents"><h2 id="contents">{_e(t("report.contents", lang))}</h2>'
        f"<ol>{items}</ol></nav></header>"
    )


def sources_html(slides: Sequence[Slide], lang: str) -> str:
    """Every slide's source line and date, listed at the end of the report."""
    items = "".join(f"<li><strong>{_e(slide.title)}</strong>: {_e(footer_text(slide, lang))}</li>" for slide in slides)
    return (
        f'<section class="sources" aria-labelledby="sources"><h2 id="sources">{_e(t("report.sources", lang))}</h2>'
        f"<ol>{items}</ol></section>"
    )


def html_report(slides: Sequence[Slide], title: str, generated: dt.date, lang: str) -> str:
    """The slides as one self-contained HTML page that opens offline in any browser, with interactive charts."""
    body = "\n".join(slide_html(slide, n, lang) for n, slide in enumerate(slides, start=1))
    return (
        f'<!DOCTYPE html>\n<html lang="{"en" if lang == "en" else "nb"}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_e(title)}</title>\n<style>{HTML_CSS}</style>\n"
        f'<script type="text/javascript">{plotly.offline.get_plotlyjs()}</script>\n'
        f"<script>{RESIZE_ON_PRINT}</script>\n</head>\n<body>\n"
        f"{cover_html(slides, title, generated, lang)}\n<main>\n{body}\n{sources_html(slides, lang)}\n</main>\n"
        "</body>\n</html>\n"
    )
