"""Example status reports for showing the dashboard: only in a separate demo database, only on an explicit switch.

With DASHBOARD_DEMO=1 (`make demo`) the app keeps its reports in `<state dir>/demo.sqlite` — never the real
`status.sqlite` nor a configured PostgreSQL — and fills it once with clearly fictional reports for the shipped
measures. Every view then says so in a banner; other code (slides, exports) asks `is_demo(os.environ)` to label
itself. Plain Python: deterministic for a given seed and day, no randomness from the machine.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from analytics.i18n import t
from analytics.statuses import Report, sqlite_url

if TYPE_CHECKING:  # the database code loads when a database is opened, not with the demo data
    from analytics.store import Store

SWITCH = "DASHBOARD_DEMO"
FILE = "demo.sqlite"
REPORTER = "Eksempeldata"
BATCH = "eksempeldata"
SEED = 2026
ON = {"1", "true", "yes", "ja", "on"}

COMMENTS = {
    "ikke_startet": "Eksempeltekst, ikke en reell rapport: arbeidet er ikke startet i dette eksempelet.",
    "i_rute": "Eksempeltekst, ikke en reell rapport: oppdiktet fremdrift for å vise dashbordet.",
    "forsinket": "Eksempeltekst, ikke en reell rapport: en oppdiktet forsinkelse for å vise rødt lys.",
    "fullfort": "Eksempeltekst, ikke en reell rapport: oppdiktet som fullført for å vise dashbordet.",
    "avbrutt": "Eksempeltekst, ikke en reell rapport: oppdiktet som avbrutt for å vise dashbordet.",
}


def is_demo(environ: Mapping[str, str]) -> bool:
    """True when the environment asks for the example data (DASHBOARD_DEMO=1, true, yes, ja or on)."""
    return str(environ.get(SWITCH, "")).strip().lower() in ON


def database_url(state_dir: Path) -> str:
    """The demo database: its own SQLite file in the state folder, apart from the real reports."""
    return sqlite_url(Path(state_dir) / FILE)


def _history(rng: random.Random, organisation: str, measure, today: dt.date) -> list[tuple[dt.datetime, Report]]:
    """0–4 fictional reports for one measure, oldest first, the last one between 3 and 240 days ago."""
    if rng.random() < 0.2:
        return []  # some measures stay «ikke rapportert»
    count = rng.randint(1, 4)
    ending = rng.choices(["i_rute", "forsinket", "fullfort", "ikke_startet", "avbrutt"], [50, 20, 15, 10, 5])[0]
    recent = rng.random() < 0.4  # about 4 in 10 reported in the last month, so "what changed" has something
    day = today - dt.timedelta(days=rng.randint(3, 28) if recent else rng.randint(35, 240))
    days = [day]
    for _ in range(count - 1):
        days.insert(0, days[0] - dt.timedelta(days=rng.randint(60, 120)))
    final = {"fullfort": 100, "ikke_startet": 0}.get(ending, rng.randrange(20, 95, 5))
    baseline, target = measure.indicator_baseline, measure.indicator_target
    has_indicator = pd.notna(baseline) and pd.notna(target)
    history = []
    for step, day in enumerate(days, start=1):
        last = step == count
        status = ending if last else ("ikke_startet" if ending == "ikke_startet" else "i_rute")
        progress = final if last else round(final * step / count / 5) * 5
        indicator = round(baseline + (target - baseline) * progress / 100, 1) if has_indicator else None
        moment = dt.datetime.combine(day, dt.time(9 + rng.randint(0, 6), rng.choice((0, 15, 30, 45))), tzinfo=dt.UTC)
        history.append(
            (
                moment,
                Report(
                    organisation,
                    measure.id,
                    day.strftime("%Y-%m"),
                    status,
                    progress,
                    indicator,
                    COMMENTS[status],
                    REPORTER,
                ),
            )
        )
    return history


def example_reports(
    measures_by_organisation: Mapping[str, pd.DataFrame], today: dt.date, seed: int = SEED
) -> list[tuple[dt.datetime, Report]]:
    """(reported_at, report) for every organisation's measures, the same for the same seed and day."""
    dated = []
    for organisation in sorted(measures_by_organisation):
        for measure in measures_by_organisation[organisation].itertuples():
            rng = random.Random(f"{seed}/{organisation}/{measure.id}")
            dated.extend(_history(rng, organisation, measure, today))
    return sorted(dated, key=lambda item: (item[0], item[1].organisation, item[1].measure_id))


def fill(store: Store, measures_by_organisation: Mapping[str, pd.DataFrame], today: dt.date, seed: int = SEED) -> int:
    """Fill an empty demo database with the example reports (one transaction); returns how many were written,
    0 when it already had reports. Refuses any database that is not the demo SQLite file."""
    if store.dialect != "sqlite" or not str(store.url).endswith(f"/{FILE}"):
        raise ValueError(f"Eksempeldata skrives bare til en egen demodatabase ({FILE}), ikke til {store.url}.")
    return store.add_if_empty(example_reports(measures_by_organisation, today, seed), batch=BATCH)


def labelled(text: str, environ: Mapping[str, str], lang: str = "nb") -> str:
    """`text` with "(Eksempeldata)" / "(Example data)" after it in demo mode, else unchanged (slide and file titles)."""
    return f"{text} ({t('app.demo_label', lang)})" if is_demo(environ) else text


# Fictional indicators for some measures, only in demo mode, so that the indicator chart can be shown. The unit
# says it is an example; nothing of this is written to data/ or to a real database.
EXAMPLE_UNITS = {
    "opp": ("deltakere (eksempel)", "prosjekter (eksempel)"),
    "ned": ("dager saksbehandling (eksempel)",),
}
INDICATOR_COLUMNS = (
    "indicator_unit",
    "indicator_baseline",
    "indicator_target",
    "indicator_direction",
    "indicator_baseline_year",
    "indicator_target_year",
)


def with_example_indicators(measures: pd.DataFrame, organisation: str, today: dt.date, seed: int = SEED):
    """The measures with a fictional indicator (unit marked «eksempel») on about half of those without one; the
    same for the same seed, organisation, measure and year."""
    measures = measures.copy()
    for column in ("indicator_baseline_year", "indicator_target_year"):
        if column not in measures:
            measures[column] = pd.Series(pd.NA, index=measures.index, dtype="Int64")
    measures["indicator_unit"] = measures["indicator_unit"].astype(object)
    measures["indicator_direction"] = measures["indicator_direction"].astype(object)
    for index, measure_id in zip(measures.index, measures["id"], strict=True):
        rng = random.Random(f"{seed}/{organisation}/{measure_id}/indicator")
        if pd.notna(measures.at[index, "indicator_target"]) or rng.random() < 0.5:
            continue
        direction = "ned" if rng.random() < 0.25 else "opp"
        baseline = float(rng.randint(20, 60) if direction == "ned" else rng.randint(2, 12))
        change = float(rng.randint(5, 20))
        values = {
            "indicator_unit": rng.choice(EXAMPLE_UNITS[direction]),
            "indicator_baseline": baseline,
            "indicator_target": baseline - change if direction == "ned" else baseline + change,
            "indicator_direction": direction,
            "indicator_baseline_year": today.year - 3,
            "indicator_target_year": today.year + 1,
        }
        for column, value in values.items():
            measures.at[index, column] = value
    return measures
