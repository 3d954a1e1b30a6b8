"""Issue 16, the source audit: each correction as a test (the record, its source id, and the source's wording where
it is a quote), the check that every defined source is cited, and the marks on values the dashboard inferred."""

from __future__ import annotations

import re
from urllib.parse import urlparse

import pandas as pd
import pytest

from analytics import networks, overview, partners, population, provenance
from analytics.bundle import OWN, list_bundles, load_bundle, load_sources
from tests.conftest import DATA, TODAY

SEEDS = next(
    (p / "shared/seeds" for p in DATA.parents if (p / "shared/seeds").is_dir()), DATA / "no-seeds"
)  # beside the clone
STRATEGY_SEED = SEEDS / "000_d1c1428ed5424dbc.txt"


def flat(text: str) -> str:
    """Whitespace folded, so that a PDF's line breaks do not count."""
    return re.sub(r"\s+", " ", text).strip()


def in_seed(quote: str, seed: str) -> bool:
    """True where the quote stands in the seed (skips where the seeds are not beside this checkout)."""
    path = SEEDS / seed
    if not path.exists():
        pytest.skip("shared/seeds is not beside this checkout")
    return flat(quote) in flat(path.read_text(encoding="utf-8"))


def bundle_of(org: str, sources):
    return load_bundle(DATA / org, sources["id"], TODAY)


def source(sources, source_id: str) -> pd.Series:
    return sources.set_index("id").loc[source_id]


def note_with(bundle, text: str) -> dict:
    (note,) = [n for n in bundle.organisation["notes"] if text in n["text_nb"]]
    return note


# 1. Trondheim: the decision's clause on the international population's networks, and the strategy's section 5.1


def test_the_decisions_clause_on_the_international_populations_networks_is_followed_up(trondheim):
    row = trondheim.measures.set_index("id").loc["internasjonal-befolkning-nettverk"]
    assert (row["kind"], row["source"], str(row["start"])) == ("oppdrag", "tk-bystyret-sak-87-19", "2019-08-29")
    quote = (
        "Trondheim kommune skal utnytte de nettverk som den internasjonale befolkningen i Trondheim har til å bygge "
        "relasjoner til fordel for næringsliv, arbeidsliv, kunnskapsbyen og kulturlivet i Trondheim."
    )
    assert row["description_nb"] == quote
    assert in_seed(quote, "000_d1c1428ed5424dbc.txt")


def test_the_strategys_own_task_in_section_5_1_is_followed_up(trondheim):
    row = trondheim.measures.set_index("id").loc["gjennomgang-medlemskap"]
    assert (row["kind"], row["source"]) == ("tiltak", "tk-strategi-2019")
    quote = (
        "Som en oppfølging av strategien er det viktig at det blir gjort en gjennomgang av Trondheim kommunes "
        "eksisterende medlemskap og deltakelse i internasjonale nettverk, organisasjoner og vennskapsbysamarbeid. En "
        "vurdering av vennskapsbyordningen, effekt av eksisterende samarbeid og strategisk prioritering av nye "
        "samarbeid blir viktige elementer i oppfølgingen av strategien."
    )
    assert row["description_nb"].startswith(quote) and "5.1" in row["description_nb"]
    assert in_seed(quote, "000_d1c1428ed5424dbc.txt")


def test_texts_that_count_the_bystyres_items_say_seven(trondheim):
    from_decision = trondheim.measures[trondheim.measures["source"] == "tk-bystyret-sak-87-19"]
    assert len(from_decision) == 7
    readme = (DATA.parent / "README.md").read_text(encoding="utf-8")
    assert "the bystyre's six requests of" not in flat(readme)  # the old count, which left out the clause
    assert "seven items from the bystyre's decision" in flat(readme)


# 2. Kuopio: every fact cites the page it comes from


def test_kuopio_302_participants_from_33_countries_cite_whos_event_page(sources):
    facts = bundle_of("kuopio", sources).network_facts
    (row,) = facts[facts["text_nb"].str.contains("302 deltakere fra 33 land")].itertuples()
    assert row.source == "who-2015-kuopio-event"
    assert "302 participants from 33 countries" in source(sources, row.source)["note"]
    assert not facts.loc[facts["source"] == "who-2015-kuopio", "text_nb"].str.contains("302").any()


def test_kuopio_since_the_1940s_cites_jonkopings_page(sources):
    note = note_with(bundle_of("kuopio", sources), "1940-talet")
    assert note["source"] == "jonkoping-vanorter"
    assert "sedan 1940-talet" in source(sources, "jonkoping-vanorter")["note"]


def test_besancon_and_aluksne_cite_business_kuopio(sources):
    note = note_with(bundle_of("kuopio", sources), "Besançon")
    assert "Aluksne" in note["text_nb"] and note["source"] == "kuopio-business-15"


def test_the_finnish_quote_cites_the_finnish_page(sources):
    note = note_with(bundle_of("kuopio", sources), "Kuopiolla on 15 ystävyyskaupunkia")
    assert note["source"] == "kuopio-ystavyyskaupungit"
    finnish = source(sources, "kuopio-ystavyyskaupungit")
    assert "/kuopionkaupunki/" in finnish["url"] and "/en/" not in finnish["url"]
    assert "«Kuopiolla on 15 ystävyyskaupunkia ja ystävyysmaakunta Virossa.»" in finnish["note"]


def test_iclei_is_the_finnish_municipal_climate_campaign_linked_to_iclei(sources):
    facts = bundle_of("kuopio", sources).network_facts
    row = facts[facts["network_id"] == "iclei"].iloc[0]
    assert row["source"] == "kuopio-verkostot" and row["year"] == 1997
    assert "Kuntien ilmastokampanja" in row["text_nb"] and "knyttet til ICLEIs kampanje" in row["text_nb"]
    assert "joined ICLEI's" not in row["text_en"]


def test_kuopio_status_is_stated_or_marked(sources):
    bundle = bundle_of("kuopio", sources)
    status = bundle.partners.set_index("id")[["status", "status_source"]]
    assert status.loc["winnipeg", "status"] == status.loc["shanghai-pudong", "status"] == "ikke_oppgitt"
    active = status[status["status"] == "aktiv"]
    assert set(active.index) == {"castrop-rauxel", "gera", "minneapolis"}
    assert (active["status_source"] == OWN).all()  # the dashboard's reading of a present-tense page
    note = note_with(bundle, "Status «aktiv»")
    assert note["source"] == OWN and "ikke oppgitt" in note["text_nb"]


# 3. Keren and ICORN


def test_keren_shows_what_the_sources_say_not_mou_since_2001(trondheim, sources):
    profile = partners.profile_of(trondheim, sources, "keren", "nb")
    assert profile.since == 2001
    assert "1992" in profile.since_note and "Ingen kilde daterer" in profile.since_note
    facts = trondheim.partner_facts
    keren = facts[(facts["partner_id"] == "keren") & facts["year"].isin([1992, 2001])]
    assert set(keren["source"]) == {"ubc-keren"}
    assert "hele byen fra 2001" in source(sources, "ubc-keren")["note"]
    assert partners.profile_of(trondheim, sources, "keren", "en").since_note.startswith("The year is when")


def test_icorns_2004_is_explained_against_its_2006_founding(trondheim, sources):
    facts = trondheim.network_facts
    row = facts[(facts["network_id"] == "icorn") & (facts["source"] == "penopp-icorn-2016")].iloc[0]
    assert "2004" in row["text_nb"] and "2006" in row["text_nb"] and "INCA" in row["text_nb"]
    assert "9-10 June 2006" in source(sources, "penopp-icorn-2016")["note"]
    assert trondheim.networks.set_index("id").loc["icorn", "join_year"] == 2004


# 4. What the seeds contain that was missing


def test_trd30_has_its_three_commitments_and_the_periods_end(sources):
    bundle = bundle_of("trd30", sources)
    commitments = bundle.measures[bundle.measures["kind"] == "forpliktelse"]
    assert len(commitments) == 3 and set(commitments["source"]) == {"trd30-universitetskommunen"}
    deadline = "i løpet av en periode på inntil fire år å etablere en nasjonal pilot på en universitetskommune"
    assert commitments["description_nb"].str.contains(deadline).sum() == 1
    assert in_seed(deadline, "002_ed27c26edf25b646.txt")
    strategy = bundle.organisation["strategy"]
    assert (strategy["period_start"], strategy["period_end"]) == (2018, 2022)
    computed = note_with(bundle, "Periodens slutt (2022)")
    assert computed["source"] == OWN  # 2018 + four years is the dashboard's arithmetic, and says so


def test_ntnu_shows_its_overarching_goal(sources):
    (statement,) = overview.statements(bundle_of("ntnu", sources).organisation["strategy"], "nb")
    quote = (
        "alle NTNUs institutter skal ha fagmiljø som er på et dokumentert høyt internasjonalt nivå innen minst ett "
        "av sine kjerneområder"
    )
    assert quote in statement.text and statement.source == "ntnu-handlingsplan"
    assert in_seed(quote, "003_ce5a60b14b35c5e9.txt")


def test_kuopio_has_its_strategy_block_with_the_2020_vision(sources):
    strategy = bundle_of("kuopio", sources).organisation["strategy"]
    assert "2020" in strategy["title"] and strategy["source"] == "kuopio-kansainvalinen"
    (statement,) = overview.statements(strategy, "nb")
    quote = (
        "Kuopio on 150 000 asukkaan elävä ja kansainvälinen yliopistokaupunki, jossa on vahva yhdessä tekemisen henki"
    )
    assert quote in flat(statement.text)
    assert in_seed(quote, "004_8d7f4a125316f3a9.txt")
    assert "150,000 inhabitants" in overview.statements(strategy, "en")[0].text


def test_trondelag_deltiltak_are_in_the_seeds_own_wording_with_the_missing_tiltak_3_bullet(sources):
    measures = bundle_of("trondelag", sources).measures
    sub = measures[measures["kind"] == "deltiltak"]
    assert sub.groupby("goal_area_id").size().to_dict() == {"kompetansebygging": 6, "skoleutvikling": 2, "mobilitet": 5}
    missing = "Samarbeide med regionalt partnerskap for å informere om og mobilisere til internasjonal aktivitet."
    assert missing in set(sub.loc[sub["goal_area_id"] == "mobilitet", "title_nb"])
    assert set(sub["source"]) == {"tfk-grunnlag"}
    for title in sub["title_nb"]:
        assert in_seed(title, "001_ed52a1c129186872.txt"), title


def test_170_countries_cite_the_council_for_diversitys_statement(trondheim, sources):
    note = note_with(trondheim, "170 land")
    assert note["source"] == "tk-mangfoldsradet-2019"
    quote = "Mangfoldsrådet peker på at Trondheim kommune har innbyggere fra 170 land"
    assert quote in source(sources, "tk-mangfoldsradet-2019")["note"]
    assert in_seed(quote, "000_d1c1428ed5424dbc.txt")


@pytest.mark.parametrize(
    ("network", "quote"),
    [
        ("cityxchange", "fyrtårnsby på smartby gjennom Horisont 2020-prosjektet +CityxChange i 2018"),
        ("u4ssc", "standarder og metoder for vurdering og monitorering av bærekraft (U4SSC)"),
    ],
)
def test_cityxchange_and_u4ssc_from_the_strategys_text(trondheim, network, quote):
    row = trondheim.networks.set_index("id").loc[network]
    assert row["source"] == row["description_source"] == "tk-strategi-2019"
    assert network not in set(trondheim.network_goal_areas["network_id"])  # the table of networks does not list them
    assert in_seed(quote, "000_d1c1428ed5424dbc.txt")


def test_every_source_address_is_well_formed_and_polis_cites_a_working_page(sources):
    for source_id, url in zip(sources["id"], sources["url"], strict=True):
        if url:
            parts = urlparse(url)
            assert parts.scheme in ("http", "https") and parts.netloc, source_id
            assert "/http" not in parts.path, f"{source_id}: {url}"
    polis = source(sources, "polis-about")
    assert polis["url"] == "http://errin.eu/node/4547" and "Established in 1989" in polis["note"]


def test_the_strategy_itself_says_no_public_address_was_found(sources):
    strategy = source(sources, "tk-strategi-2019")
    assert strategy["url"] == "" and "Ingen offentlig nettadresse" in strategy["note"]


# The check over every bundle: a source defined in sources.yml that nothing cites fails


def _cited_by_every_bundle(sources) -> set[str]:
    cited = set()
    for org, _ in list_bundles(DATA):
        bundle = bundle_of(org, sources)
        figures = population.load(DATA / org / population.FILE, sources["id"], TODAY)
        cited |= provenance.cited_source_ids(bundle, figures)
    return cited


def test_every_defined_source_is_cited_by_some_bundle(sources):
    assert provenance.uncited_sources(sources, _cited_by_every_bundle(sources)) == []


def test_a_source_nobody_cites_is_named(tmp_path):
    text = (DATA / "sources.yml").read_text(encoding="utf-8")
    extra = "glemt-kilde:\n  title: T\n  publisher: P\n  url: null\n  date: null\n  licence: L\n"
    (tmp_path / "sources.yml").write_text(text + extra, encoding="utf-8")
    widened = load_sources(tmp_path / "sources.yml")
    assert provenance.uncited_sources(widened, _cited_by_every_bundle(widened)) == ["glemt-kilde"]


# 5. Values the dashboard inferred or wrote itself are marked where they are shown


@pytest.mark.parametrize(
    ("partner", "lang", "label"),
    [
        ("vallejo", "nb", "aktiv (egen slutning)"),
        ("vallejo", "en", "active (own inference)"),
        ("split", "nb", "hvilende"),  # a source says so: no mark
    ],
)
def test_partner_status_is_marked_where_it_is_the_dashboards_inference(trondheim, sources, partner, lang, label):
    profile = partners.profile_of(trondheim, sources, partner, lang)
    assert profile.status_label == label
    marked = label.endswith(("(egen slutning)", "(own inference)"))
    assert profile.status_metric[0].endswith(("(egen slutning)", "(own inference)")) == marked
    table = partners.partner_table(trondheim.partners, sources, lang)
    assert table.loc[trondheim.partners["id"].tolist().index(partner), "Status"] == label


def test_activity_areas_say_they_are_the_dashboards_classification():
    from analytics.i18n import t

    assert "dashboardets klassifisering" in t("partners.areas", "nb")
    assert "the dashboard's classification" in t("partners.areas", "en")


def test_network_descriptions_the_dashboard_wrote_are_marked_and_sourced_ones_are_not(trondheim, sources):
    written = networks.network_profile(trondheim, sources, "visittrondheim", "nb").description
    assert written == "Reiselivsselskapet for Trondheim. (skrevet av dashbordet)"
    sourced = networks.network_profile(trondheim, sources, "sdg-cities", "en").description
    assert sourced == "The strategy lists a letter of intent."
    own = trondheim.networks["description_source"].eq(OWN)
    assert own.sum() == 24  # the count of descriptions the dashboard wrote
    table = networks.network_table(trondheim.networks, trondheim.network_goal_areas, trondheim.goal_areas, "nb")
    assert table["Beskrivelse"].str.endswith("(skrevet av dashbordet)").sum() == 24


def test_the_link_of_the_residents_international_profile_group_to_goal_area_5_is_marked(trondheim):
    links = trondheim.network_goal_areas.set_index("network_id")
    assert links.loc[["icorn", "study-trondheim"], "source"].eq(OWN).all()
    assert links.drop(["icorn", "study-trondheim"])["source"].eq("tk-strategi-2019").all()
    table = networks.network_table(trondheim.networks, trondheim.network_goal_areas, trondheim.goal_areas, "en")
    served = dict(zip(trondheim.networks["id"], table["Goal areas"], strict=True))
    assert served["icorn"] == "5 (own inference)" and served["sdg-cities"] == "1"


@pytest.mark.parametrize(
    ("org", "lang", "note"),
    [
        ("trondheim", "nb", "14 aktive (egen slutning)"),
        ("trondheim", "en", "14 active (own inference)"),
        ("kuopio", "nb", "3 aktive (egen slutning) · 2 med status ikke oppgitt"),
    ],
)
def test_oversikt_headline_marks_the_inferred_active_count(sources, org, lang, note):
    assert overview.partners_note(bundle_of(org, sources).partners, lang) == note


def test_the_dot_matrix_draws_the_inferred_link_hollow_and_says_so(trondheim):
    from analytics.charts import coverage_dots

    coverage = networks.coverage_matrix(trondheim.networks, trondheim.network_goal_areas, trondheim.goal_areas)
    labels = networks.goal_labels(trondheim.goal_areas, "nb")
    fig = coverage_dots(coverage, labels, "Nettverk per målområde")
    symbols = {
        (name, number): symbol
        for trace in fig.data
        for name, number, symbol in zip(trace.y, trace.x, trace.marker.symbol, strict=True)
    }
    assert symbols[("ICORN – International Cities of Refuge Network", "5")] == "circle-open"
    assert symbols[("SDG Cities Leadership Platform", "1")] == "circle"
    summary = networks.coverage_summary(coverage, "nb")
    assert summary.endswith(
        "Hul prikk: koblingen til målområdet er dashboardets egen slutning (ICORN – International "
        "Cities of Refuge Network, Study Trondheim)."
    )
    table = networks.coverage_table(coverage, labels, "en").set_index("Network")
    assert table.loc["Study Trondheim", labels[5]] == "yes (own inference)"
    assert table.loc["SDG Cities Leadership Platform", labels[1]] == "yes"
