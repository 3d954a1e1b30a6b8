"""The handlingsplan as edited in the app: the shipped measures.csv with the stored revisions on top.

A revision holds a measure's whole content after a change (see FIELDS); the effective plan is, per measure, its
latest revision, else the shipped row. History is read as field-level differences between consecutive versions.
Nothing here writes: the store appends revisions, and refuses one based on an old revision (PlanConflict).
"""

from __future__ import annotations

import datetime as dt
import math
import re

import pandas as pd

from analytics.bundle import MEASURE_KINDS, measure_columns
from analytics.formatting import format_date, format_decimal

STATES = ("utkast", "vedtatt", "avsluttet", "trukket")
RETIRED = ("avsluttet", "trukket")
DIRECTIONS = ("opp", "ned")
# The content of a revision, in order: every field of a measure a plan owner can change (the id never changes),
# with its name in bokmål and English for the history and the messages.
FIELD_LABELS = {
    "goal_area_id": ("Målområde", "Goal area"),
    "kind": ("Type", "Kind"),
    "title_nb": ("Tittel (bokmål)", "Title (bokmål)"),
    "title_en": ("Tittel (engelsk)", "Title (English)"),
    "description_nb": ("Beskrivelse (bokmål)", "Description (bokmål)"),
    "description_en": ("Beskrivelse (engelsk)", "Description (English)"),
    "responsible": ("Ansvarlig enhet", "Responsible unit"),
    "plan_period": ("Planperiode", "Plan period"),
    "start": ("Start", "Start"),
    "due": ("Frist", "Due"),
    "indicator_unit": ("Indikator: enhet", "Indicator: unit"),
    "indicator_baseline": ("Indikator: utgangsverdi", "Indicator: baseline"),
    "indicator_baseline_year": ("Indikator: år for utgangsverdi", "Indicator: baseline year"),
    "indicator_target": ("Indikator: mål", "Indicator: target"),
    "indicator_target_year": ("Indikator: år for mål", "Indicator: target year"),
    "indicator_direction": ("Indikator: retning", "Indicator: direction"),
    "sdgs": ("Bærekraftsmål", "SDGs"),
    "state": ("Tilstand", "State"),
    "decision_organ": ("Vedtak: organ", "Decision: body"),
    "decision_date": ("Vedtak: dato", "Decision: date"),
    "decision_case": ("Vedtak: saksnummer", "Decision: case number"),
    "decision_source": ("Vedtak: kilde-id", "Decision: source id"),
    "source": ("Kilde-id", "Source id"),
}
FIELDS = tuple(FIELD_LABELS)
TEXT_FIELDS = (
    "title_nb",
    "title_en",
    "description_nb",
    "description_en",
    "responsible",
    "plan_period",
    "decision_organ",
    "decision_case",
)
OPTIONAL_IDS = ("goal_area_id", "indicator_unit", "indicator_direction", "decision_source", "source")
DATE_FIELDS = ("start", "due", "decision_date")
NUMBER_FIELDS = ("indicator_baseline", "indicator_target")
YEAR_FIELDS = ("indicator_baseline_year", "indicator_target_year")
EXTRA_COLUMNS = (
    "description_en",
    "indicator_baseline_year",
    "indicator_target_year",
    "state",
    "decision_organ",
    "decision_date",
    "decision_case",
    "decision_source",
    "revision",
    "changed_by",
    "changed_at",
)
PLAN_COLUMNS = (*measure_columns(), *EXTRA_COLUMNS)


def field_label(field: str, lang: str) -> str:
    nb, en = FIELD_LABELS[field]
    return en if lang == "en" else nb


def _missing(value) -> bool:
    if value is None or value is pd.NaT:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    try:
        return bool(pd.isna(value)) if not isinstance(value, list | tuple) else False
    except (TypeError, ValueError):
        return False


def with_plan_defaults(measures: pd.DataFrame) -> pd.DataFrame:
    """The measures with every plan column: a shipped row is adopted (it rests on its source), revision 0, nothing
    changed. A column the measures already carry (e.g. the demo's example indicator years) is kept."""
    frame = measures.copy()
    size, index = len(frame), frame.index
    defaults = {
        "description_en": lambda: "",
        "indicator_baseline_year": lambda: pd.array([None] * size, dtype="Int64"),
        "indicator_target_year": lambda: pd.array([None] * size, dtype="Int64"),
        "state": lambda: "vedtatt",
        "decision_organ": lambda: "",
        "decision_date": lambda: pd.NaT,
        "decision_case": lambda: "",
        "decision_source": lambda: frame["source"].fillna(""),
        "revision": lambda: 0,
        "changed_by": lambda: "",
        "changed_at": lambda: pd.Series(pd.NaT, index=index, dtype="datetime64[ns, UTC]"),
    }
    for column, default in defaults.items():
        if column not in frame:
            frame[column] = default()
    return frame


def from_measures(measures: pd.DataFrame) -> pd.DataFrame:
    """The shipped measures as a plan frame (exactly the contract's columns)."""
    return with_plan_defaults(measures)[list(PLAN_COLUMNS)]


def content_of(row) -> dict:
    """A measure (a plan-frame row, a dict or a Series) as the JSON-able content of a revision."""
    content = {}
    for field in FIELDS:
        value = row.get(field) if hasattr(row, "get") else getattr(row, field, None)
        if field == "sdgs":
            content[field] = sorted(int(v) for v in (value if isinstance(value, list | tuple) else ()))
        elif _missing(value) or (field not in TEXT_FIELDS and str(value).strip() == ""):
            content[field] = "" if field in TEXT_FIELDS else None
        elif field in DATE_FIELDS:
            content[field] = pd.Timestamp(value).date().isoformat()
        elif field in NUMBER_FIELDS:
            content[field] = float(value)
        elif field in YEAR_FIELDS:
            content[field] = int(value)
        else:
            content[field] = str(value)
    return content


def _typed(content: dict) -> dict:
    """Revision content with the plan frame's types (dates as dt.date, SDGs as a tuple, empty ids as None)."""
    row = {}
    for field in FIELDS:
        value = content.get(field)
        if field == "sdgs":
            row[field] = tuple(int(v) for v in (value or ()))
        elif field in DATE_FIELDS:
            row[field] = dt.date.fromisoformat(value) if value else None
        elif field in TEXT_FIELDS:
            row[field] = value or ""
        elif field in OPTIONAL_IDS:
            row[field] = value or None
        else:
            row[field] = value
    row["decision_source"] = row["decision_source"] or ""
    row["source"] = row["source"] or ""
    return row


def latest_revisions(revisions: pd.DataFrame) -> pd.DataFrame:
    """The newest revision of each measure (one row per measure_id)."""
    if revisions.empty:
        return revisions
    return revisions.sort_values(["measure_id", "revision"], kind="stable").groupby("measure_id").tail(1)


def effective_plan(measures: pd.DataFrame, revisions: pd.DataFrame, include_drafts: bool) -> pd.DataFrame:
    """One row per measure: its latest revision where the app changed it, else the shipped row; shipped order
    first, then measures made in the app by creation. Drafts (utkast) only with `include_drafts`."""
    shipped = from_measures(measures)
    latest = latest_revisions(revisions)
    if latest.empty:
        plan = shipped
    else:
        changed = pd.DataFrame(
            [
                {
                    "id": measure_id,
                    **_typed(content),
                    "revision": int(revision),
                    "changed_by": author,
                    "changed_at": changed_at,
                }
                for measure_id, content, revision, author, changed_at in zip(
                    latest["measure_id"],
                    latest["content"],
                    latest["revision"],
                    latest["author"],
                    latest["changed_at"],
                    strict=True,
                )
            ]
        )
        first_seen = revisions.groupby("measure_id")["id"].min()
        changed["_order"] = changed["id"].map(first_seen)
        changed = changed.sort_values("_order").drop(columns="_order")
        kept = shipped[~shipped["id"].isin(changed["id"])]
        order = {measure_id: i for i, measure_id in enumerate(shipped["id"])}
        merged = pd.concat([kept, changed], ignore_index=True)
        merged["_order"] = merged["id"].map(order).fillna(len(order) + merged.index.to_series())
        plan = merged.sort_values("_order", kind="stable").drop(columns="_order").reset_index(drop=True)
    plan = _with_plan_types(plan)
    if not include_drafts:
        plan = plan[plan["state"] != "utkast"].reset_index(drop=True)
    return plan


def _with_plan_types(plan: pd.DataFrame) -> pd.DataFrame:
    plan = plan[list(PLAN_COLUMNS)].copy()
    for field in NUMBER_FIELDS:
        plan[field] = pd.to_numeric(plan[field], errors="coerce").astype("float64")
    for field in YEAR_FIELDS:
        plan[field] = pd.to_numeric(plan[field], errors="coerce").astype("Int64")
    plan["decision_date"] = pd.to_datetime(plan["decision_date"], errors="coerce")
    plan["changed_at"] = pd.to_datetime(plan["changed_at"], utc=True)
    plan["revision"] = plan["revision"].astype(int)
    for field in ("description_en", "decision_organ", "decision_case", "decision_source", "changed_by"):
        plan[field] = plan[field].fillna("").astype(str)
    return plan


def display_value(field: str, value, lang: str = "nb") -> str:
    """A field's value as plain text for the history and messages ("–" when empty)."""
    if field == "sdgs":
        return ", ".join(str(v) for v in value) if value else "–"
    if _missing(value) or value == "":
        return "–"
    if field in DATE_FIELDS:
        return format_date(pd.Timestamp(value).date())
    if field in NUMBER_FIELDS:
        number = float(value)
        return format_decimal(number, 0 if number.is_integer() else 2)
    return str(value)


def changed_fields(before: dict | None, after: dict) -> list[tuple[str, object, object]]:
    """(field, old value, new value) for every field that differs; every non-empty field of a new measure."""
    before = before or {}
    empty = content_of({})
    return [
        (field, before.get(field, empty[field]), after.get(field, empty[field]))
        for field in FIELDS
        if before.get(field, empty[field]) != after.get(field, empty[field])
    ]


def history(measures: pd.DataFrame, revisions: pd.DataFrame, measure_id: str, lang: str = "nb") -> pd.DataFrame:
    """Who changed what, when, from what to what: one row per changed field of each revision of a measure, newest
    revision first. The shipped row is revision 0 (from measures.csv)."""
    shipped = from_measures(measures[measures["id"] == measure_id])
    before = content_of(shipped.iloc[0]) if not shipped.empty else None
    rows = []
    own = revisions[revisions["measure_id"] == measure_id].sort_values("revision")
    for revision, author, changed_at, content in zip(
        own["revision"], own["author"], own["changed_at"], own["content"], strict=True
    ):
        for field, old, new in changed_fields(before, content):
            rows.append(
                {
                    "revision": int(revision),
                    "changed_at": changed_at,
                    "changed_by": author,
                    "field": field_label(field, lang),
                    "from": display_value(field, old, lang),
                    "to": display_value(field, new, lang),
                }
            )
        before = content
    frame = pd.DataFrame(rows, columns=["revision", "changed_at", "changed_by", "field", "from", "to"])
    return frame.sort_values("revision", ascending=False, kind="stable").reset_index(drop=True)


def conflict_message(conflict, base: dict | None, lang: str = "nb") -> str:
    """Why a save was refused, naming who changed which fields meanwhile (from the version the editor started on
    to the newest one)."""
    newest = conflict.newer[-1]["content"] if conflict.newer else {}
    fields = [field_label(field, lang) for field, _old, _new in changed_fields(base, newest)] if newest else []
    who = ", ".join(dict.fromkeys(str(r["author"]) for r in conflict.newer))
    when = ", ".join(
        pd.Timestamp(r["changed_at"]).tz_convert("Europe/Oslo").strftime("%d.%m.%Y %H:%M") for r in conflict.newer
    )
    listed = ", ".join(fields) or ("ingen felt" if lang != "en" else "no fields")
    if lang == "en":
        return (
            f"Not saved: «{conflict.measure_id}» was changed by {who} ({when}) while you were editing. "
            f"Changed meanwhile: {listed}. Your changes are still in the form; compare them with the newest "
            "version in the history, then load the newest version and save again."
        )
    return (
        f"Ikke lagret: «{conflict.measure_id}» ble endret av {who} ({when}) mens du redigerte. "
        f"Endret i mellomtiden: {listed}. Endringene dine står fortsatt i skjemaet; sammenlign dem med den nyeste "
        "versjonen i historikken, last inn den nyeste versjonen og lagre på nytt."
    )


def sources_of(plan: pd.DataFrame, lang: str = "nb") -> list[str]:
    """The source ids behind the plan's measures, for a source line: a measure's own source, else the source of its
    decision, else the plan in the dashboard's database (named in words, as a source line shows unknown ids)."""
    own = plan["source"].where(plan["source"].astype(bool), plan["decision_source"])
    label = "the action plan in the dashboard's database" if lang == "en" else "handlingsplanen i dashbordets database"
    return list(dict.fromkeys(own.where(own.astype(bool), label)))


SLUG = re.compile(r"[a-z0-9][a-z0-9-]*")


def problems(measure_id: str, content: dict, goal_area_ids, source_ids, lang: str = "nb") -> list[tuple[str, str]]:
    """(field, message) for every rule a measure breaks: the bundle loader's rules (known målområde, kind, due not
    before start, indicator complete) plus the plan's (a title, a known state, an adopted measure's decision)."""
    found = [
        *_name_problems(measure_id, content),
        *_choice_problems(content, set(goal_area_ids)),
        *_indicator_problems(content),
        *_source_problems(content, set(source_ids)),
    ]
    return [(field, en if lang == "en" else nb) for field, nb, en in found]


def _name_problems(measure_id: str, content: dict) -> list[tuple[str, str, str]]:
    """(field, bokmål, English) where the id is no slug or the bokmål title is missing."""
    found = []
    if not SLUG.fullmatch(measure_id or ""):
        found.append(
            (
                "id",
                f"«{measure_id}» er ikke en gyldig id (små bokstaver a–z, sifre og bindestrek).",
                f"«{measure_id}» is not a valid id (lower-case a–z, digits and hyphens).",
            )
        )
    if not str(content.get("title_nb") or "").strip():
        found.append(("title_nb", "tittelen (bokmål) mangler.", "the title (bokmål) is missing."))
    return found


def _choice_problems(content: dict, goal_area_ids: set) -> list[tuple[str, str, str]]:
    """(field, bokmål, English) for an unknown kind, målområde or state, and a due date before the start."""
    found = []
    if content.get("kind") not in MEASURE_KINDS:
        kinds, value = ", ".join(MEASURE_KINDS), content.get("kind") or ""
        found.append(
            ("kind", f"«{value}» er ikke en type; bruk én av {kinds}.", f"«{value}» is not a kind; use one of {kinds}.")
        )
    if content.get("goal_area_id") and content["goal_area_id"] not in goal_area_ids:
        value = content["goal_area_id"]
        found.append(("goal_area_id", f"«{value}» er ikke et målområde.", f"«{value}» is not a goal area."))
    if content.get("state") not in STATES:
        states, value = ", ".join(STATES), content.get("state") or ""
        found.append(
            (
                "state",
                f"«{value}» er ikke en tilstand; bruk én av {states}.",
                f"«{value}» is not a state; use one of {states}.",
            )
        )
    start, due = content.get("start"), content.get("due")
    if start and due and due < start:
        found.append(("due", "fristen er før start.", "the due date is before the start."))
    return found


def _indicator_problems(content: dict) -> list[tuple[str, str, str]]:
    """(field, bokmål, English) for an incomplete indicator, an unknown direction, a year out of range, or an SDG
    that is not 1–17."""
    found = []
    indicator = ("indicator_unit", "indicator_target", "indicator_direction")
    if any(content.get(f) not in (None, "") for f in (*indicator, "indicator_baseline")):
        found += [
            (
                field,
                "indikatoren mangler dette feltet (en indikator trenger enhet, mål og retning).",
                "the indicator lacks this field (an indicator needs a unit, a target and a direction).",
            )
            for field in indicator
            if content.get(field) in (None, "")
        ]
    if content.get("indicator_direction") not in (None, "", *DIRECTIONS):
        value = content["indicator_direction"]
        found.append(
            ("indicator_direction", f"«{value}» er ikke «opp» eller «ned».", f"«{value}» is not «opp» or «ned».")
        )
    for field in YEAR_FIELDS:
        year = content.get(field)
        if year is not None and not 1900 <= int(year) <= 2100:
            found.append(
                (field, f"{year} er ikke et årstall mellom 1900 og 2100.", f"{year} is not a year from 1900 to 2100.")
            )
    if any(not 1 <= int(v) <= 17 for v in content.get("sdgs") or ()):
        found.append(("sdgs", "bærekraftsmålene er tall fra 1 til 17.", "the SDGs are numbers from 1 to 17."))
    return found


def _source_problems(content: dict, source_ids: set) -> list[tuple[str, str, str]]:
    """(field, bokmål, English) for an unknown source id, and an adopted measure without its decision."""
    found = [
        (field, f"«{content[field]}» er ikke en kjent kilde-id.", f"«{content[field]}» is not a known source id.")
        for field in ("decision_source", "source")
        if content.get(field) and content[field] not in source_ids
    ]
    decided = all(content.get(f) for f in ("decision_organ", "decision_date", "decision_case"))
    if content.get("state") == "vedtatt" and not (decided or content.get("decision_source")):
        found.append(
            (
                "decision_case",
                "et vedtatt tiltak trenger vedtaket: organ, dato og saksnummer, eller en kilde-id.",
                "an adopted measure needs its decision: body, date and case number, or a source id.",
            )
        )
    return found
