"""Write a SAMPLE HTML report and PowerPoint deck from synthetic slides, to look at the layout.

Run: .venv/bin/python scripts/sample_report.py OUTPUT_FOLDER [--lang nb|en]
Every figure in them is made up and every slide says so; nothing is read from data/. The PowerPoint needs
Chromium (apt-get install chromium); without it only the HTML report is written, and the script says why.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from analytics.charts import base_layout  # noqa: E402
from analytics.report import ReportError  # noqa: E402
from analytics.report_html import html_report  # noqa: E402
from analytics.report_pptx import pptx_report  # noqa: E402
from analytics.slides import Slide  # noqa: E402

LABEL = {"nb": "EKSEMPEL – syntetiske tall, ikke ekte data", "en": "SAMPLE – synthetic figures, not real data"}
SOURCE = {"nb": "Kilde: syntetiske eksempeltall (scripts/sample_report.py)", "en": "Source: synthetic sample figures"}
NETWORK = {"nb": "Eksempelnettverk", "en": "Sample network"}


def pick(lang: str, bokmal: str, english: str) -> str:
    return english if lang == "en" else bokmal


def bar_slide(lang: str, day: dt.date) -> Slide:
    kinds = ["A", "B", "C"]
    counts = [13, 1, 1]
    figure = base_layout(go.Figure(go.Bar(x=kinds, y=counts, marker_color="#0072B2")), f"{LABEL[lang]}")
    return Slide(
        id="bars",
        title="Avtaler etter type" if lang == "nb" else "Agreements by type",
        subtitle=LABEL[lang],
        summary=("Type A har flest avtaler i dette eksempelet." if lang == "nb" else "Type A has the most agreements."),
        source_line=SOURCE[lang],
        date=day,
        figure=figure,
        table=pd.DataFrame({"Type": kinds, "Antall": [str(c) for c in counts]}),
        metrics=((pick(lang, "Avtaler i alt", "Agreements in all"), "15"), (pick(lang, "Typer", "Types"), "3")),
    )


def line_slide(lang: str, day: dt.date) -> Slide:
    years = list(range(2010, 2022))
    share = [10.1, 10.8, 11.5, 12.0, None, 13.1, 13.6, 14.0, 14.4, 14.9, 15.1, 15.3]
    figure = go.Figure(go.Scatter(x=years, y=share, mode="lines+markers", connectgaps=False, name="Eksempelby"))
    figure = base_layout(figure, LABEL[lang])
    summary = (
        "Andelen i eksempelbyen vokser jevnt fra 2010 til 2021. 2014 mangler i eksempeldataene og vises som et brudd "
        "i linjen, ikke som en interpolert verdi."
        if lang == "nb"
        else "The share in the sample city grows steadily from 2010 to 2021. 2014 is missing and shows as a gap."
    )
    table = pd.DataFrame({"År": years, "Andel": [s if s is None else f"{s:.1f} %".replace(".", ",") for s in share]})
    return Slide(
        id="line",
        title=pick(
            lang,
            "Andel med innvandrerbakgrunn over tid – et langt eksempel på en tittel som må brytes pent på lerretet",
            "Share with an immigrant background over time – a long example of a title that must wrap well on screen",
        ),
        subtitle=LABEL[lang],
        summary=summary,
        source_line=SOURCE[lang] + pick(lang, "; et ekstra langt kildenavn for å prøve bunnlinjen", "; a long name"),
        date=day,
        figure=figure,
        table=table,
        metrics=((pick(lang, "Andel 2021", "Share 2021"), "15,3 %"),),
    )


def many_slide(lang: str, day: dt.date) -> Slide:
    names = [f"{NETWORK[lang]} {n}" for n in range(1, 31)]
    values = [(n * 7) % 5 + 1 for n in range(30)]
    figure = go.Figure(go.Bar(x=values, y=names, orientation="h", marker_color="#009E73"))
    figure = base_layout(figure, LABEL[lang], height=23 * len(names) + 110)
    figure.update_yaxes(categoryorder="array", categoryarray=names[::-1])
    table = pd.DataFrame({"Nettverk": names, "Målområder": values})
    summary = "30 nettverk med antall målområder hver." if lang == "nb" else "30 networks with their goal areas."
    title = pick(lang, "Nettverk per målområde", "Networks per goal area")
    return Slide("many", title, LABEL[lang], summary, SOURCE[lang], day, figure, table)


def metrics_slide(lang: str, day: dt.date) -> Slide:
    labels = pick(lang, "Vennskapsbyer Nettverk Innbyggere Andel", "Twin-cities Networks Residents Share").split()
    metrics = tuple(zip(labels, ("13", "30", "29 539", "15,3 %"), strict=True))
    summary = "Nøkkeltall uten figur, bare som tall." if lang == "nb" else "Headline figures without a chart."
    title = pick(lang, "Nøkkeltall", "Key figures")
    return Slide("metrics", title, LABEL[lang], summary, SOURCE[lang], day, metrics=metrics)


def table_slide(lang: str, day: dt.date) -> Slide:
    table = pd.DataFrame(
        {
            "Tiltak": [f"Eksempeltiltak {n} med en lengre beskrivelse av hva som skal gjøres" for n in range(1, 13)],
            "Status": ["ikke rapportert"] * 12,
            "Frist": ["31.12.2022"] * 12,
        }
    )
    summary = "Tolv eksempeltiltak; ingen er rapportert." if lang == "nb" else "Twelve sample measures; none reported."
    metrics = ((pick(lang, "Tiltak", "Measures"), "12"),)
    title = pick(lang, "Tiltak som følges opp", "Measures followed up")
    return Slide("table", title, LABEL[lang], summary, SOURCE[lang], day, table=table, metrics=metrics)


def sample_slides(lang: str, day: dt.date) -> list[Slide]:
    return [builder(lang, day) for builder in (bar_slide, line_slide, many_slide, metrics_slide, table_slide)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--lang", choices=["nb", "en"], default="nb")
    args = parser.parse_args(argv)
    args.folder.mkdir(parents=True, exist_ok=True)
    today = dt.date.today()
    slides = sample_slides(args.lang, today)
    title = f"{LABEL[args.lang]}: {'rapport' if args.lang == 'nb' else 'report'}"
    (args.folder / "sample-report.html").write_text(html_report(slides, title, today, args.lang), encoding="utf-8")
    print(args.folder / "sample-report.html")
    try:
        deck = pptx_report(slides, title, today, args.lang)
    except ReportError as error:
        print(error, file=sys.stderr)
        return 1
    (args.folder / "sample-report.pptx").write_bytes(deck)
    print(args.folder / "sample-report.pptx")
    return 0


if __name__ == "__main__":
    sys.exit(main())
