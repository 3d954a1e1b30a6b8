"""A generated data folder at national scale, for the benchmark only (never written into data/).

The folder holds a copy of the shipped bundles and sources.yml, the shipped outlines, and one generated
organisation (`syntetisk`) with 1 500 partner cities, 300 networks, 2 000 measures, population figures for
357 municipalities × 230 country backgrounds × 15 years, and 50 000 status reports and 20 000 plan revisions in
an SQLite file written through analytics/store.py. Every value is random (fixed seed) and every record names the source id
`syntetisk-benchmark`, whose entry in the copied sources.yml says that the data are generated.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import shutil
import string
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from analytics import bundle as bundle_module  # noqa: E402
from analytics import plan, population, store  # noqa: E402
from analytics.statuses import PlanChange  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
ORG = "syntetisk"
SOURCE = "syntetisk-benchmark"
SOURCE_ENTRY = {
    "short": "Generert testdata (syntetisk)",
    "title": "Generert testdata for ytelsestesten i bench/ – tilfeldige tall, ikke ekte data",
    "publisher": "bench/national.py (generert)",
    "url": None,
    "date": None,
    "licence": "Generert; ingen kilde",
    "note": "Syntetiske data i nasjonal skala. Ingen tall her er målt; de brukes bare til å måle appens ytelse.",
}
GOAL_AREAS = 5
FIRST_YEAR, LAST_YEAR = 2011, 2025
REPORT_STATUSES = list(store.REPORT_STATUSES)


@dataclass(frozen=True)
class Scale:
    partners: int = 1_500
    networks: int = 300
    measures: int = 2_000
    reports: int = 50_000
    plan_revisions: int = 20_000
    municipalities: int = 357
    countries: int = 230
    years: int = 15


NATIONAL = Scale()


def write_data_folder(target: Path, scale: Scale = NATIONAL, seed: int = 1, data: Path = ROOT / "data") -> Path:
    """A data folder in `target` (which must not be data/): the shipped bundles plus the generated one."""
    if target.resolve() == data.resolve() or data.resolve() in target.resolve().parents:
        raise ValueError("the generated bundle is never written into data/")
    shutil.copytree(data, target, dirs_exist_ok=True)
    sources = yaml.safe_load((data / "sources.yml").read_text(encoding="utf-8"))
    sources[SOURCE] = SOURCE_ENTRY
    (target / "sources.yml").write_text(yaml.safe_dump(sources, allow_unicode=True, sort_keys=False), "utf-8")
    write_bundle(target / ORG, scale, np.random.default_rng(seed))
    return target


def write_bundle(folder: Path, scale: Scale, rng: np.random.Generator) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    today = dt.date.today()
    goal_areas = [f"malomrade-{n}" for n in range(1, GOAL_AREAS + 1)]
    countries = country_codes(scale.countries)
    _write_yaml(folder / "organisation.yml", organisation(scale))
    _write_csv(folder / "goal_areas.csv", goal_area_rows(goal_areas), bundle_module.goal_area_columns())
    partners = partner_rows(scale.partners, countries, rng)
    _write_csv(folder / "partners.csv", partners, bundle_module.partner_columns(today))
    _write_csv(
        folder / "partner_facts.csv", partner_fact_rows(partners, rng), bundle_module.partner_fact_columns(today)
    )
    _write_csv(
        folder / "partner_conflicts.csv",
        partner_conflict_rows(partners[:: max(1, len(partners) // 50)]),
        bundle_module.partner_conflict_columns(today),
    )
    networks = network_rows(scale.networks, rng)
    _write_csv(folder / "networks.csv", networks, bundle_module.network_columns(today))
    _write_csv(
        folder / "network_goal_areas.csv",
        network_goal_area_rows(networks, goal_areas, rng),
        bundle_module.network_goal_area_columns(),
    )
    _write_csv(folder / "network_facts.csv", network_fact_rows(networks), bundle_module.network_fact_columns(today))
    _write_csv(folder / "measures.csv", measure_rows(scale.measures, goal_areas, rng), bundle_module.measure_columns())
    _write_csv(folder / population.FILE, population_rows(scale, countries, rng), population.columns(today))


def country_codes(n: int) -> list[tuple[str, str]]:
    """(code, name) of n made-up countries: two capital letters and «Land XY»."""
    letters = string.ascii_uppercase
    codes = [a + b for a in letters for b in letters][:n]
    return [(code, f"Land {code}") for code in codes]


def organisation(scale: Scale) -> dict:
    regions = [{"key": "kommune-0001", "name": "Kommune 0001", "ssb_code": "9001"}]
    return {
        "id": ORG,
        "name": "Syntetisk organisasjon (generert)",
        "kind": "kommune",
        "country": "NO",
        "home": {"name": "Hjemby", "lat": 63.43, "lon": 10.39, "source": SOURCE},
        "strategy": {
            "title": "Generert strategi i nasjonal skala (syntetiske data)",
            "period_start": 2019,
            "period_end": 2026,
            "source": SOURCE,
            "desired_results": [f"Generert resultat {n}" for n in range(1, 7)],
            "desired_results_source": SOURCE,
            "plan_periods": [{"name": "Generert plan", "start": 2019, "end": 2026, "source": SOURCE}],
        },
        "notes": [{"text_nb": f"Alle data i denne mappen er generert ({scale}).", "source": SOURCE}],
        "population": {"regions": regions},
    }


def goal_area_rows(ids: list[str]) -> list[dict]:
    return [
        {
            "id": goal_id,
            "number": n,
            "name_nb": f"Generert målområde {n}",
            "name_en": f"Generated goal area {n}",
            "goal": f"Generert mål {n}",
            "main_strategy": f"Generert hovedstrategi {n}",
            "source": SOURCE,
        }
        for n, goal_id in enumerate(ids, start=1)
    ]


def partner_rows(n: int, countries: list[tuple[str, str]], rng: np.random.Generator) -> list[dict]:
    types = rng.choice(list(bundle_module.AGREEMENT_TYPES), n, p=[0.8, 0.1, 0.1])
    picks = rng.integers(0, len(countries), n)
    return [
        {
            "id": f"by-{i:04d}",
            "name": f"By {i:04d}",
            "country_code": countries[picks[i]][0],
            "country_nb": countries[picks[i]][1],
            "country_en": f"Country {countries[picks[i]][0]}",
            "agreement_type": types[i],
            "since_year": int(rng.integers(1945, 2025)),
            "since_source": SOURCE,
            "status": "hvilende" if rng.random() < 0.2 else "aktiv",
            "status_source": SOURCE,
            "nordic_platform": "false",
            "lat": round(float(rng.uniform(-55, 70)), 5),
            "lon": round(float(rng.uniform(-170, 175)), 5),
            "coord_source": SOURCE,
            "source": SOURCE,
        }
        for i in range(n)
    ]


def partner_fact_rows(partners: list[dict], rng: np.random.Generator) -> list[dict]:
    areas = list(bundle_module.ACTIVITY_AREAS)
    return [
        {
            "partner_id": p["id"],
            "year": p["since_year"],
            "kind": kind,
            "area": areas[int(rng.integers(0, len(areas)))] if kind == "activity" else "",
            "text_nb": f"Generert faktum ({kind}) om {p['name']}.",
            "text_en": f"Generated fact ({kind}) about {p['name']}.",
            "source": SOURCE,
        }
        for p in partners
        for kind in ("agreement", "activity")
    ]


def partner_conflict_rows(partners: list[dict]) -> list[dict]:
    return [
        {
            "partner_id": p["id"],
            "field": "since_year",
            "value": p["since_year"] + 1,
            "source": SOURCE,
            "note_nb": "Generert avvik.",
            "note_en": "Generated conflict.",
        }
        for p in partners
    ]


def network_rows(n: int, rng: np.random.Generator) -> list[dict]:
    scopes, themes = list(bundle_module.SCOPES), list(bundle_module.THEMES)
    return [
        {
            "id": f"nettverk-{i:03d}",
            "name": f"Nettverk {i:03d}",
            "description_nb": f"Generert nettverk {i:03d}.",
            "description_en": f"Generated network {i:03d}.",
            "description_source": SOURCE,
            "scope": scopes[int(rng.integers(0, len(scopes)))],
            "theme": themes[int(rng.integers(0, len(themes)))],
            "join_year": int(rng.integers(1990, 2025)),
            "join_year_source": SOURCE,
            "source": SOURCE,
        }
        for i in range(n)
    ]


def network_goal_area_rows(networks: list[dict], goal_areas: list[str], rng: np.random.Generator) -> list[dict]:
    rows = []
    for network in networks[: len(networks) * 9 // 10]:  # a tenth serve no målområde (a gap)
        for goal_id in rng.choice(goal_areas, int(rng.integers(1, 4)), replace=False):
            rows.append({"network_id": network["id"], "goal_area_id": goal_id, "source": SOURCE})
    return rows


def network_fact_rows(networks: list[dict]) -> list[dict]:
    return [
        {
            "network_id": n["id"],
            "year": n["join_year"],
            "text_nb": "Generert faktum.",
            "text_en": "Generated fact.",
            "source": SOURCE,
        }
        for n in networks
    ]


def measure_rows(n: int, goal_areas: list[str], rng: np.random.Generator) -> list[dict]:
    rows = []
    for i in range(n):
        start = dt.date(2019, 1, 1) + dt.timedelta(days=int(rng.integers(0, 1500)))
        with_indicator = rng.random() < 0.3
        rows.append(
            {
                "id": f"tiltak-{i:04d}",
                "goal_area_id": goal_areas[i % len(goal_areas)],
                "kind": "tiltak",
                "title_nb": f"Generert tiltak {i:04d}",
                "title_en": f"Generated measure {i:04d}",
                "description_nb": "Generert beskrivelse.",
                "responsible": f"Enhet {i % 40:02d}",
                "plan_period": "2019–2026",
                "start": start.isoformat(),
                "due": (start + dt.timedelta(days=int(rng.integers(30, 1500)))).isoformat(),
                "indicator_unit": "antall" if with_indicator else "",
                "indicator_baseline": 0 if with_indicator else "",
                "indicator_target": 100 if with_indicator else "",
                "indicator_direction": "opp" if with_indicator else "",
                "sdgs": ";".join(str(s) for s in sorted(set(rng.integers(1, 18, 2).tolist()))),
                "source": SOURCE,
            }
        )
    return rows


def population_rows(scale: Scale, countries: list[tuple[str, str]], rng: np.random.Generator) -> list[dict]:
    """Totals and their parts per municipality and year, and persons per country background; random counts."""
    years = range(LAST_YEAR - scale.years + 1, LAST_YEAR + 1)
    rows = []
    for m in range(1, scale.municipalities + 1):
        key, name = f"kommune-{m:04d}", f"Kommune {m:04d}"
        residents = int(rng.integers(500, 200_000))
        for year in years:
            by_country = rng.integers(0, max(2, residents // 400), len(countries))
            total = int(by_country.sum())
            immigrants = total * 4 // 5
            share = round(100 * total / residents, 1)
            totals = [
                ("innvandrerbakgrunn", total, "personer"),
                ("innvandrere", immigrants, "personer"),
                ("norskfodte", total - immigrants, "personer"),
                ("andel_innvandrerbakgrunn", min(share, 100.0), "prosent"),
            ]
            for measure, value, unit in totals:
                rows.append(_figure(key, name, year, measure, "", "", value, unit))
            for (code, country), value in zip(countries, by_country.tolist(), strict=True):
                rows.append(_figure(key, name, year, "innvandrerbakgrunn", code, country, value, "personer"))
    return rows


def _figure(region, name, year, measure, code, country, value, unit) -> dict:
    return {
        "region": region,
        "region_name": name,
        "year": year,
        "measure": measure,
        "country_code": code,
        "country_name": country,
        "value": value,
        "unit": unit,
        "source": SOURCE,
    }


def write_reports(url: str, scale: Scale = NATIONAL, seed: int = 2, months: int = 84) -> int:
    """`scale.reports` status reports spread over the generated measures and over the last `months` months (so
    that "what changed in the last 30 days" holds about one month's reports), written through analytics.store
    into an empty database."""
    rng = np.random.default_rng(seed)
    measure_ids = rng.integers(0, scale.measures, scale.reports)
    statuses = rng.choice(REPORT_STATUSES, scale.reports)
    progress = rng.integers(0, 101, scale.reports)
    now = dt.datetime.now(dt.UTC)
    dated = []
    for month, chunk in enumerate(np.array_split(np.arange(scale.reports), months)):
        moment = now - dt.timedelta(days=30 * (months - 1 - month) + 1)
        for i in chunk.tolist():
            report = store.Report(
                organisation=ORG,
                measure_id=f"tiltak-{measure_ids[i]:04d}",
                period=str(moment.year),
                status=str(statuses[i]),
                progress=float(progress[i]),
                comment="Generert rapport.",
                reporter="bench/national.py",
            )
            dated.append((moment, report))
    database = store.Store(url)
    try:
        return database.add_if_empty(dated, batch="syntetisk")
    finally:
        database.dispose()


def write_plan_revisions(url: str, folder: Path, scale: Scale = NATIONAL, seed: int = 3) -> int:
    """`scale.plan_revisions` revisions of the generated measures, written through analytics.store like a plan
    owner's saves: in rounds, each round one new revision of every measure (a new title, a random state), one
    month apart, the last round a month ago."""
    rng = np.random.default_rng(seed)
    sources = bundle_module.load_sources(folder / "sources.yml")["id"]
    measures = bundle_module.load_bundle(folder / ORG, sources, dt.date.today()).measures
    frame = plan.from_measures(measures)
    shipped = list(zip(frame["id"], (plan.content_of(row) for _, row in frame.iterrows()), strict=True))
    rounds = scale.plan_revisions // len(shipped)
    now = dt.datetime.now(dt.UTC)
    database = store.Store(url)
    written = 0
    try:
        for number in range(rounds):
            states = rng.choice(["vedtatt", "vedtatt", "vedtatt", "utkast", "avsluttet"], len(shipped))
            changes = [
                PlanChange(
                    ORG,
                    measure_id,
                    number,
                    {**content, "title_nb": f"{content['title_nb']} (revisjon {number + 1})", "state": str(state)},
                    "bench/national.py",
                )
                for (measure_id, content), state in zip(shipped, states, strict=True)
            ]
            moment = now - dt.timedelta(days=30 * (rounds - number))
            written += database.add_plan_changes(changes, batch=f"syntetisk-{number + 1}", now=moment)
    finally:
        database.dispose()
    return written


def _write_csv(path: Path, rows: list[dict], columns) -> None:
    """Every column the loader knows, in its order; a column a row does not name is left empty."""
    with path.open("w", encoding="utf-8", newline="") as file:
        writer = csv.DictWriter(file, fieldnames=list(columns), restval="")
        writer.writeheader()
        writer.writerows(rows)


def _write_yaml(path: Path, document: dict) -> None:
    path.write_text(yaml.safe_dump(document, allow_unicode=True, sort_keys=False), encoding="utf-8")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("target", type=Path, help="an empty folder outside data/")
    parser.add_argument("--reports", action="store_true", help="also write the reports to TARGET/status.sqlite")
    arguments = parser.parse_args()
    write_data_folder(arguments.target)
    if arguments.reports:
        url = store.sqlite_url(arguments.target / "status.sqlite")
        print(write_reports(url), "reports written")
        print(write_plan_revisions(url, arguments.target), "plan revisions written")
