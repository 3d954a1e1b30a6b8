"""The benchmark's national-scale generator (bench/national.py) writes a folder the loaders accept (small sizes)."""

from __future__ import annotations

import pytest

from analytics import population, store
from analytics.bundle import list_bundles, load_bundle, load_sources
from bench import national
from tests.conftest import DATA, TODAY

SMALL = national.Scale(
    partners=20, networks=6, measures=12, reports=40, plan_revisions=36, municipalities=3, countries=5, years=2
)


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    return national.write_data_folder(tmp_path_factory.mktemp("bench") / "data", SMALL)


def test_the_generated_bundle_passes_the_bundle_loader(folder):
    sources = load_sources(folder / "sources.yml")
    bundle = load_bundle(folder / national.ORG, sources["id"], TODAY)
    assert (len(bundle.partners), len(bundle.networks), len(bundle.measures)) == (20, 6, 12)
    assert len(bundle.goal_areas) == national.GOAL_AREAS
    assert not bundle.network_goal_areas.empty and not bundle.partner_facts.empty
    assert set(bundle.partners["source"]) == {national.SOURCE}


def test_the_generated_population_passes_the_population_loader(folder):
    sources = load_sources(folder / "sources.yml")
    figures = population.load(folder / national.ORG / population.FILE, sources["id"], TODAY)
    per_region_and_year = len(population.PERSON_MEASURES) + 1 + SMALL.countries  # totals, share, countries
    assert len(figures) == SMALL.municipalities * SMALL.years * per_region_and_year
    assert set(figures["source"]) == {national.SOURCE}


def test_the_source_says_generated_and_the_shipped_bundles_stay_loadable(folder):
    sources = load_sources(folder / "sources.yml").set_index("id")
    assert "generert" in sources.loc[national.SOURCE, "publisher"].lower()
    assert len(sources) == len(load_sources(DATA / "sources.yml")) + 1
    ids = [org_id for org_id, _ in list_bundles(folder)]
    assert national.ORG in ids and "trondheim" in ids
    for org_id in ids:
        load_bundle(folder / org_id, sources.index, TODAY)


def test_the_reports_are_written_through_the_store(folder, tmp_path):
    url = store.sqlite_url(tmp_path / "status.sqlite")
    assert national.write_reports(url, SMALL) == SMALL.reports
    database = store.Store(url)
    reports = database.reports(national.ORG)
    database.dispose()
    measures = load_bundle(folder / national.ORG, load_sources(folder / "sources.yml")["id"], TODAY).measures
    assert len(reports) == SMALL.reports
    assert set(reports["measure_id"]) <= set(measures["id"])


def test_the_plan_revisions_are_written_through_the_store_and_change_the_plan(folder, tmp_path):
    from analytics import plan

    url = store.sqlite_url(tmp_path / "status.sqlite")
    assert national.write_plan_revisions(url, folder, SMALL) == SMALL.plan_revisions
    database = store.Store(url)
    revisions = database.plan_revisions(national.ORG)
    database.dispose()
    assert sorted(revisions.groupby("measure_id")["revision"].max().unique()) == [3]  # 36 over 12 measures
    assert revisions["changed_at"].is_monotonic_increasing and revisions["changed_at"].nunique() == 3
    measures = load_bundle(folder / national.ORG, load_sources(folder / "sources.yml")["id"], TODAY).measures
    effective = plan.effective_plan(measures, revisions, include_drafts=True)
    assert effective["title_nb"].str.endswith("(revisjon 3)").all() and len(effective) == len(measures)


def test_the_generator_never_writes_into_data():
    with pytest.raises(ValueError, match="never written into data/"):
        national.write_data_folder(DATA / "generated", SMALL)
