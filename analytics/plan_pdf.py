"""The adopted handlingsplan as a PDF: the same content as the Word document (plan_word), written as HTML with every
data text escaped, and printed to PDF by the server's own Chromium (headless, from a local file, no network)."""

from __future__ import annotations

import html
import subprocess
import tempfile
from pathlib import Path

from analytics import overview, plan_frame
from analytics.i18n import t
from analytics.plan_word import (
    PlanDocument,
    description_text,
    front_matter,
    measure_rows,
    plain,
    sections,
    used_sources,
)
from analytics.provenance import source_labels

CHROMIUM = Path("/usr/bin/chromium")
TIMEOUT = 90  # seconds for Chromium to start and print

CSS = """
@page { size: A4; margin: 20mm 18mm; }
body { font-family: "DejaVu Sans", "Liberation Sans", sans-serif; font-size: 10.5pt; color: #111; }
h1 { font-size: 20pt; margin: 0 0 6pt; } h2 { font-size: 15pt; margin: 18pt 0 6pt; }
h3 { font-size: 12.5pt; margin: 14pt 0 4pt; } h4 { font-size: 11pt; margin: 12pt 0 4pt; }
h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
p { margin: 0 0 6pt; } .goal { font-style: italic; } .example { font-weight: bold; }
table { border-collapse: collapse; width: 100%; margin: 4pt 0 10pt; page-break-inside: avoid; }
th, td { border: 1px solid #777; padding: 3pt 5pt; text-align: left; vertical-align: top; }
th { width: 28%; background: #eee; }
"""


class PdfError(Exception):
    """The PDF could not be made; the message is for a reader (no path, no errno)."""


def _e(text) -> str:
    return html.escape(plain(text), quote=True)


def plan_html(doc: PlanDocument) -> str:
    """The adopted plan as a self-contained HTML page (no scripts, no outside resources), every data text escaped."""
    lang, organisation = doc.lang, doc.organisation
    labels = source_labels(doc.sources, lang)
    title, lines = front_matter(doc)
    parts = [f"<h1>{_e(title)}</h1>", *(f"<p>{_e(line)}</p>" for line in lines)]
    if doc.example_data:
        parts.append(f'<p class="example">{_e(t("plan_word.example_data", lang))}</p>')
    parts.append(f"<h2>{_e(overview.term(organisation, 'goal_areas', lang))}</h2>")
    for heading, goal, rows in sections(doc.plan, doc.goal_areas, lang):
        parts.append(f"<h3>{_e(heading)}</h3>")
        if goal:
            parts.append(f'<p class="goal">{_e(overview.term(organisation, "goal", lang))}: {_e(goal)}</p>')
        parts.extend(_measure_html(measure, labels, lang) for _, measure in rows.iterrows())
    if plan_frame.adopted(doc.plan).empty:
        parts.append(f"<p>{_e(t('plan_word.empty', lang))}</p>")
    parts.append(f"<h2>{_e(t('sources', lang))}</h2><ul>")
    parts.extend(f"<li>{_e(labels.get(s, s))}</li>" for s in used_sources(doc.plan))
    parts.append("</ul>")
    return (
        f'<!DOCTYPE html><html lang="{"en" if lang == "en" else "nb"}"><head><meta charset="utf-8">'
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">"
        f"<title>{_e(title)}</title><style>{CSS}</style></head><body>{''.join(parts)}</body></html>"
    )


def _measure_html(measure, labels: dict[str, str], lang: str) -> str:
    description = description_text(measure, lang)
    rows = "".join(
        f"<tr><th>{_e(label)}</th><td>{_e(text)}</td></tr>" for label, text in measure_rows(measure, labels, lang)
    )
    text = f"<p>{_e(description)}</p>" if description else ""
    return f"<h4>{_e(measure['_title'])}</h4>{text}<table>{rows}</table>"


def pdf_from_html(page: str, lang: str, chromium: Path = CHROMIUM, timeout: float = TIMEOUT) -> bytes:
    """The HTML page printed to PDF by headless Chromium from a temporary local file; PdfError if it cannot be."""
    if not chromium.exists():
        raise PdfError(t("plan_pdf.no_chromium", lang))
    with tempfile.TemporaryDirectory(prefix="plan-pdf-") as folder:
        source, target = Path(folder) / "plan.html", Path(folder) / "plan.pdf"
        source.write_text(page, encoding="utf-8")
        command = [
            str(chromium),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--no-pdf-header-footer",
            f"--user-data-dir={Path(folder) / 'profile'}",
            f"--print-to-pdf={target}",
            source.as_uri(),
        ]
        try:
            subprocess.run(command, capture_output=True, timeout=timeout, check=False)
        except (OSError, subprocess.TimeoutExpired):
            raise PdfError(t("plan_pdf.failed", lang)) from None
        if not target.exists() or not target.read_bytes().startswith(b"%PDF"):
            raise PdfError(t("plan_pdf.failed", lang))
        return target.read_bytes()


def plan_pdf(doc: PlanDocument) -> bytes:
    """The adopted plan as PDF bytes."""
    return pdf_from_html(plan_html(doc), doc.lang)
