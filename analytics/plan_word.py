"""The adopted handlingsplan as a Word document (.docx) laid out for a saksframlegg: per målområde, each adopted
measure with its measurable goal, owner, due date and the decision it rests on; the date of the data and the day the
file was made stand apart. Every text from the data is written as plain text runs (never parsed as markup)."""

from __future__ import annotations

import datetime as dt
import io
import re
from dataclasses import dataclass

import pandas as pd
from docx import Document
from docx.shared import Pt

from analytics import indicator, overview, plan_frame
from analytics.formatting import format_date
from analytics.i18n import in_language, t
from analytics.provenance import source_labels

# Characters XML 1.0 cannot hold (python-docx would refuse the whole document); they are dropped from data text.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


@dataclass(frozen=True)
class PlanDocument:
    """What the plan's Word and PDF files are made from: the plan frame, the målområder, the organisation, the
    sources, the day the file is made, its language, and whether the data is the example data."""

    plan: pd.DataFrame
    goal_areas: pd.DataFrame
    organisation: dict
    sources: pd.DataFrame
    made: dt.date
    lang: str
    example_data: bool = False


def plain(value) -> str:
    """Data text as it may stand in the document: missing → "", control characters dropped, nothing else changed."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    return _NOT_XML.sub("", str(value))


def data_date(plan: pd.DataFrame, sources: pd.DataFrame) -> dt.date | None:
    """The date the plan stands at: its latest revision, else the latest dated source its shipped rows rest on."""
    changed = pd.to_datetime(plan.get("changed_at", pd.Series(dtype=object)), utc=True).dropna()
    if not changed.empty:
        return changed.max().date()
    used = sources[sources["id"].isin(set(plan["source"]))]
    dates = pd.to_datetime(used["date"], errors="coerce", format="ISO8601").dropna()
    return dates.max().date() if not dates.empty else None


def decision_text(measure, labels: dict[str, str], lang: str) -> str:
    """ "Bystyret 29.08.2019, sak 87/19" from the decision fields; else the source the measure rests on."""
    organ, case = plain(measure.get("decision_organ")), plain(measure.get("decision_case"))
    when = measure.get("decision_date")
    parts = [organ, format_date(pd.Timestamp(when).date()) if pd.notna(when) else "", case]
    text = ", ".join(p for p in (" ".join(p for p in parts[:2] if p), parts[2]) if p)
    if text:
        return text
    source = plain(measure.get("decision_source")) or plain(measure.get("source"))
    return t("plan_word.rests_on", lang, source=labels.get(source, source)) if source else t("plan_word.none", lang)


def goal_text(measure, lang: str) -> str:
    """The measurable goal in words, or that none is set."""
    if indicator.has_indicator(measure):
        unit = plain(measure.get("indicator_unit"))
        return f"{unit}: {indicator.path_text(measure, lang)}" if unit else indicator.path_text(measure, lang)
    return t("plan_word.no_goal", lang)


def description_text(measure, lang: str) -> str:
    """The measure's description in English where asked for and given, else in bokmål ("" when it has none)."""
    english = plain(measure.get("description_en")) if lang == "en" else ""
    return english or plain(measure.get("description_nb"))


def measure_rows(measure, labels: dict[str, str], lang: str) -> list[tuple[str, str]]:
    """The measure's facts as (label, text) rows of its table."""
    due = measure.get("due")
    return [
        (t("plan_word.goal", lang), goal_text(measure, lang)),
        (t("measures.col.responsible", lang), plain(measure.get("responsible")) or "–"),
        (t("measures.col.due", lang), format_date(pd.Timestamp(due).date()) if pd.notna(due) else "–"),
        (t("plan_word.plan_period", lang), plain(measure.get("plan_period")) or "–"),
        (t("plan_word.decision", lang), decision_text(measure, labels, lang)),
    ]


def front_matter(doc: PlanDocument) -> tuple[str, list[str]]:
    """The document's title and the lines under it: the organisation, the strategy, the data's date, the day made."""
    lang, organisation = doc.lang, doc.organisation
    strategy = organisation.get("strategy") or {}
    title = t("plan_word.title", lang, name=plain(overview.strategy_title(strategy, organisation, lang)))
    lines = [plain(organisation["name"])]
    if strategy:
        lines.append(plain(overview.strategy_line(strategy, lang)))
    stands = data_date(doc.plan, doc.sources)
    lines.append(t("plan_word.data_date", lang, date=format_date(stands) if stands else "–"))
    lines.append(t("plan_word.made", lang, date=format_date(doc.made)))
    return title, lines


def used_sources(plan: pd.DataFrame) -> list[str]:
    """The source ids the adopted measures rest on, each once, in the plan's order."""
    return list(dict.fromkeys(plain(s) for s in plan_frame.adopted(plan)["source"]))


def sections(plan: pd.DataFrame, goal_areas: pd.DataFrame, lang: str) -> list[tuple[str, str, pd.DataFrame]]:
    """(heading, the målområde's goal, its adopted measures by id with their `_title` in the language) in the
    strategy's order, then those without one."""
    adopted = plan_frame.adopted(plan)
    adopted = adopted.assign(_title=in_language(adopted, "title", lang)).sort_values("id")
    found = []
    for area in goal_areas.sort_values("number").itertuples():
        rows = adopted[adopted["goal_area_id"] == area.id]
        if not rows.empty:
            name = area.name_en if lang == "en" and area.name_en else area.name_nb
            found.append((f"{area.number}. {plain(name)}", plain(area.goal), rows))
    rest = adopted[~adopted["goal_area_id"].isin(set(goal_areas["id"]))]
    if not rest.empty:
        found.append((t("measures.no_goal_area", lang), "", rest))
    return found


def plan_docx(doc: PlanDocument) -> bytes:
    """The adopted plan as .docx bytes (python-docx), in bokmål or English."""
    lang, organisation = doc.lang, doc.organisation
    document = Document()
    document.styles["Normal"].font.name = "Calibri"
    document.styles["Normal"].font.size = Pt(11)
    title, lines = front_matter(doc)
    document.add_heading(title, 0)
    for line in lines:
        document.add_paragraph(line)
    if doc.example_data:
        document.add_paragraph(t("plan_word.example_data", lang)).runs[0].bold = True
    labels = source_labels(doc.sources, lang)
    document.add_heading(plain(overview.term(organisation, "goal_areas", lang)), 1)
    for heading, goal, rows in sections(doc.plan, doc.goal_areas, lang):
        document.add_heading(heading, 2)
        if goal:
            document.add_paragraph(f"{plain(overview.term(organisation, 'goal', lang))}: {goal}").runs[0].italic = True
        for _, measure in rows.iterrows():
            _add_measure(document, measure, labels, lang)
    if plan_frame.adopted(doc.plan).empty:
        document.add_paragraph(t("plan_word.empty", lang))
    document.add_heading(t("sources", lang), 1)
    for source in used_sources(doc.plan):
        document.add_paragraph(labels.get(source, source), style="List Bullet")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _add_measure(document, measure, labels: dict[str, str], lang: str) -> None:
    document.add_heading(plain(measure["_title"]), 3)
    description = description_text(measure, lang)
    if description:
        document.add_paragraph(description)
    rows = measure_rows(measure, labels, lang)
    table = document.add_table(rows=len(rows), cols=2)
    table.style = "Table Grid"
    for cells, (label, text) in zip(table.rows, rows, strict=True):
        cells.cells[0].text = label
        cells.cells[0].paragraphs[0].runs[0].bold = True
        cells.cells[1].text = text
    document.add_paragraph()
