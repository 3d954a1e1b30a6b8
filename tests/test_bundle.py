"""The loaders against the shipped bundle, and against broken copies: each breakage gives its clear message."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re

import pandas as pd
import pytest

from analytics.bundle import AGREEMENT_TYPES, list_bundles, load_bundle, load_sources
from analytics.checks import DataError
from tests.conftest import DATA, TODAY


def test_trondheim_has_the_strategy_and_its_five_goal_areas(trondheim):
    strategy = trondheim.organisation["strategy"]
    assert (strategy["period_start"], strategy["period_end"]) == (2019, 2022)
    assert str(strategy["adopted_date"]) == "2019-08-29"
    assert strategy["case"] == "sak 87/19" and strategy["archive_case"] == "arkivsak 19/8286"
    assert len(strategy["desired_results"]) == 6
    assert [p["name"] for p in strategy["plan_periods"]] == ["Handlingsplan 2019–2020", "Handlingsplan 2021–2022"]
    assert list(trondheim.goal_areas["number"]) == [1, 2, 3, 4, 5]


def test_trondheim_has_thirteen_twin_cities_a_letter_of_intent_and_an_mou(trondheim):
    counts = trondheim.partners["agreement_type"].value_counts().to_dict()
    assert counts == {"vennskapsby": 13, "intensjonsavtale": 1, "mou": 1}
    assert set(trondheim.partners["agreement_type"]) <= set(AGREEMENT_TYPES)


@pytest.mark.parametrize(
    ("partner", "year"),
    [
        ("dunfermline", 1945),
        ("kopavogur", 1946),
        ("norrkoping", 1946),
        ("odense", 1946),
        ("tampere", 1946),
        ("split", 1956),
        ("vallejo", 1956),
        ("darmstadt", 1968),
        ("graz", 1968),
        ("petah-tikva", 1975),
        ("klaksvik", 1987),
        ("tiraspol", 1987),
        ("ramallah", 2004),
        ("krakow", 2012),
    ],
)
def test_since_years_are_the_strategys_or_the_named_source(trondheim, partner, year):
    row = trondheim.partners.set_index("id").loc[partner]
    assert row["since_year"] == year


RESEARCH_COORDS = DATA.parents[1] / "shared/research/twin_cities_coords.csv"


@pytest.mark.skipif(not RESEARCH_COORDS.exists(), reason="shared/research is not beside this checkout")
def test_coordinates_are_those_of_the_research_file(trondheim):
    with RESEARCH_COORDS.open(encoding="utf-8") as handle:
        coords = {row["name"]: (float(row["lat"]), float(row["lon"])) for row in csv.DictReader(handle)}
    for row in trondheim.partners.itertuples():
        assert (row.lat, row.lon) == pytest.approx(coords[row.name]), row.name


def test_conflicting_years_are_kept_as_data(trondheim):
    conflicts = trondheim.partner_conflicts.set_index("partner_id")["value"].to_dict()
    assert conflicts == {"kopavogur": 1964, "vallejo": 1960, "ramallah": 2005}


def test_split_is_dormant_by_a_named_source_and_nothing_else_is(trondheim):
    dormant = trondheim.partners[trondheim.partners["status"] == "hvilende"]
    assert list(dormant["id"]) == ["split"]
    assert list(dormant["status_source"]) == ["njsamband-2018"]


def test_every_source_has_title_publisher_and_licence(sources):
    assert sources["id"].is_unique
    for column in ("title", "publisher", "licence"):
        assert sources[column].str.len().gt(0).all(), column


def test_list_bundles_finds_trondheim():
    assert ("trondheim", "Trondheim kommune") in list_bundles(DATA)


def _rewrite(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _load(data):
    return load_bundle(data / "trondheim", load_sources(data / "sources.yml")["id"], TODAY)


BREAKAGES = [
    # (file, change, expected pieces of the message)
    ("partners.csv", ("agreement_type,", ""), ["partners.csv", "rad 1", "«agreement_type»", "kolonnen mangler"]),
    ("partners.csv", (",1968,", ",19x8,"), ["partners.csv", "rad 2", "«since_year»", "et årstall mellom 1900 og 2026"]),
    ("partners.csv", (",1975,", ",2031,"), ["partners.csv", "«since_year»", "«2031»", "mellom 1900 og 2026"]),
    ("partners.csv", ("49.87056", "123"), ["partners.csv", "rad 2", "«lat»", "«123»", "et tall mellom -90 og 90"]),
    ("partners.csv", ("8.64944", "200.5"), ["partners.csv", "rad 2", "«lon»", "mellom -180 og 180"]),
    (
        "partners.csv",
        ("geonames-cities15000,tk-strategi-2019\ndunfermline", "geonames-typo,tk-strategi-2019\ndunfermline"),
        ["partners.csv", "rad 2", "«coord_source»", "«geonames-typo»", "kjent kilde-id"],
    ),
    (
        "partners.csv",
        ("\ngraz,", "\ndarmstadt,"),
        ["partners.csv", "rad 4", "«id»", "«darmstadt» forekommer mer enn én gang"],
    ),
    (
        "partners.csv",
        (",vennskapsby,1968", ",søsterby,1968"),
        ["partners.csv", "rad 2", "«agreement_type»", "«vennskapsby»"],
    ),
    (
        "partners.csv",
        (",false,49.87056", ",kanskje,49.87056"),
        ["partners.csv", "rad 2", "«nordic_platform»", "«true» eller «false»"],
    ),
    (
        "partners.csv",
        (",Darmstadt,Darmstadt,DE,", ",,Darmstadt,DE,"),
        ["partners.csv", "rad 2", "«name»", "feltet er tomt"],
    ),
    ("partners.csv", (",DE,", ",Tyskland,"), ["partners.csv", "rad 2", "«country_code»", "to store bokstaver"]),
    (
        "partner_facts.csv",
        ("\nkeren,1992", "\nkerenn,1992"),
        ["partner_facts.csv", "«partner_id»", "«kerenn»", "en id fra partners.csv"],
    ),
    ("partner_facts.csv", (",youth,", ",sport,"), ["partner_facts.csv", "«area»", "«sport»", "«culture»"]),
    (
        "partner_conflicts.csv",
        ("nfkop-1964", "nfkop-1965"),
        ["partner_conflicts.csv", "rad 2", "«source»", "«nfkop-1965»"],
    ),
    (
        "goal_areas.csv",
        ("\neu-prosjekter,2,", "\nEU prosjekter,2,"),
        ["goal_areas.csv", "rad 3", "«id»", "små bokstaver"],
    ),
    (
        "organisation.yml",
        ("source: geonames-cities15000", "source: ukjent-kilde"),
        ["organisation.yml", "«ukjent-kilde»", "kjent kilde-id"],
    ),
    ("organisation.yml", ("  lat: 63.43049", "  lat: 163.4"), ["organisation.yml", "home.lat", "mellom -90 og 90"]),
    ("organisation.yml", ("id: trondheim", "id: trondhjem"), ["organisation.yml", "«trondhjem» er ikke mappens navn"]),
    ("organisation.yml", ("kind: kommune", "kind: [kommune"), ["organisation.yml", "ugyldig YAML", "rad "]),
]


MEASURE_BREAKAGES = [
    (
        "measures.csv",
        (",oppdrag,Handlingsplan", ",vedtak,Handlingsplan"),
        ["measures.csv", "rad 2", "«kind»", "«oppdrag»"],
    ),
    (
        "measures.csv",
        ("\nvennskapsbyavtaler,vennskapsby,", "\nvennskapsbyavtaler,vennskap,"),
        ["measures.csv", "rad 3", "«goal_area_id»", "«vennskap»", "goal_areas.csv"],
    ),
    (
        "measures.csv",
        ("2019–2022,2019-08-29,,", "2019–2022,29.08.2019,,"),
        ["measures.csv", "rad 2", "«start»", "ÅÅÅÅ-MM-DD"],
    ),
    (
        "measures.csv",
        ("2019–2022,2019-08-29,,", "2019–2022,2019-08-29,2019-01-01,"),
        ["measures.csv", "rad 2", "«due»", "fristen er før start"],
    ),
    (
        "measures.csv",
        (
            "2019-08-29,,,,,,,tk-bystyret-sak-87-19\nvennskapsbyavtaler",
            "2019-08-29,,,,,,18,tk-bystyret-sak-87-19\nvennskapsbyavtaler",
        ),
        ["measures.csv", "rad 2", "«sdgs»", "fra 1 til 17"],
    ),
    (
        "measures.csv",
        (
            "2019-08-29,,,,,,,tk-bystyret-sak-87-19\nvennskapsbyavtaler",
            "2019-08-29,,prosjekter,3,,opp,,tk-bystyret-sak-87-19\nvennskapsbyavtaler",
        ),
        ["measures.csv", "rad 2", "«indicator_target»", "enhet, mål og retning"],
    ),
    ("measures.csv", ("\nsaharawi,", "\nhandlingsplan,"), ["measures.csv", "rad 7", "«id»", "mer enn én gang"]),
]


NETWORK_BREAKAGES = [
    (
        "network_goal_areas.csv",
        ("sdg-cities,globalt-partnerskap", "sdg-cities,globalt-partnerskapet"),
        ["network_goal_areas.csv", "rad 2", "«goal_area_id»", "«globalt-partnerskapet»", "en id fra goal_areas.csv"],
    ),
    (
        "network_goal_areas.csv",
        ("sdg-cities,globalt-partnerskap", "sdg-cities,"),
        ["network_goal_areas.csv", "rad 2", "«goal_area_id»", "feltet er tomt"],
    ),
    (
        "network_goal_areas.csv",
        ("\nvisittrondheim,", "\nvisit-trondheim,"),
        ["network_goal_areas.csv", "rad 4", "«network_id»", "«visit-trondheim»", "en id fra networks.csv"],
    ),
    (
        "networks.csv",
        (",global,sustainability,", ",galaktisk,sustainability,"),
        ["networks.csv", "rad 2", "«scope»", "«galaktisk»", "«global»"],
    ),
    (
        "networks.csv",
        (",global,sustainability,", ",global,sport,"),
        ["networks.csv", "rad 2", "«theme»", "«sport»", "«sustainability»"],
    ),
    (
        "networks.csv",
        ("Study Trondheim,", "VisitTrondheim,"),
        ["networks.csv", "«name»", "«VisitTrondheim» forekommer mer enn én gang"],
    ),
    (
        "networks.csv",
        (",2004,icorn-trondheim,", ",2004,,"),
        ["networks.csv", "«join_year_source»", "et innmeldingsår uten kilde"],
    ),
    (
        "network_facts.csv",
        ("eunivercities-network", "eunivercities-nettverk"),
        ["network_facts.csv", "rad 2", "«source»", "«eunivercities-nettverk»", "kjent kilde-id"],
    ),
]


@pytest.mark.parametrize(
    ("name", "change", "expected"),
    BREAKAGES + NETWORK_BREAKAGES + MEASURE_BREAKAGES,
    ids=[f"{b[0]}:{b[1][1][:14]}" for b in BREAKAGES + NETWORK_BREAKAGES + MEASURE_BREAKAGES],
)
def test_a_broken_file_gives_a_message_naming_file_row_and_column(data_copy, name, change, expected):
    _rewrite(data_copy / "trondheim" / name, *change)
    with pytest.raises(DataError) as caught:
        _load(data_copy)
    message = str(caught.value)
    for piece in expected:
        assert piece in message, f"{piece!r} not in {message!r}"


def test_an_empty_file_is_named(data_copy):
    (data_copy / "trondheim/partners.csv").write_text("", encoding="utf-8")
    with pytest.raises(DataError, match=r"partners\.csv: filen er tom"):
        _load(data_copy)


def test_a_file_not_in_utf8_is_named_with_its_line(data_copy):
    path = data_copy / "trondheim/partners.csv"
    path.write_bytes(path.read_text(encoding="utf-8").encode("latin-1", errors="replace"))
    with pytest.raises(DataError) as caught:
        _load(data_copy)
    assert re.search(r"partners\.csv: filen er ikke lagret som UTF-8 \(ugyldig tegn på linje \d+\)", str(caught.value))
    assert "CSV UTF-8" in str(caught.value)


def test_a_tab_separated_file_is_refused_with_the_expected_delimiters(data_copy):
    path = data_copy / "trondheim/partners.csv"
    path.write_text(path.read_text(encoding="utf-8").replace(",", "\t"), encoding="utf-8")
    with pytest.raises(DataError, match=r"partners\.csv, rad 1: finner ingen kjente kolonner.*komma eller semikolon"):
        _load(data_copy)


def test_a_semicolon_file_from_excel_with_bom_and_decimal_commas_loads_the_same(data_copy, trondheim):
    path = data_copy / "trondheim/partners.csv"
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
    lat, lon = rows[0].index("lat"), rows[0].index("lon")
    for row in rows[1:]:
        row[lat], row[lon] = row[lat].replace(".", ","), row[lon].replace(".", ",")
    out = io.StringIO()
    csv.writer(out, delimiter=";", lineterminator="\n").writerows(rows)
    path.write_bytes(b"\xef\xbb\xbf" + out.getvalue().encode("utf-8"))
    pd.testing.assert_frame_equal(_load(data_copy).partners, trondheim.partners)


def test_a_row_with_too_many_fields_is_named(data_copy):
    path = data_copy / "trondheim/partner_conflicts.csv"
    path.write_text(path.read_text(encoding="utf-8") + "keren,since_year,2001,ubc-keren,a,b,extra\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"partner_conflicts\.csv, rad 5: raden har flere felt enn overskriften"):
        _load(data_copy)


def test_a_source_without_licence_is_named(data_copy):
    _rewrite(data_copy / "sources.yml", "  licence: CC BY 4.0\n", "")
    with pytest.raises(DataError, match=r"sources\.yml: kilden «geonames-cities15000» mangler feltet «licence»"):
        load_sources(data_copy / "sources.yml")


def test_a_bundle_without_partner_files_loads_with_empty_frames(data_copy, sources):
    for name in ("partners.csv", "partner_facts.csv", "partner_conflicts.csv"):
        (data_copy / "trondheim" / name).unlink()
    loaded = _load(data_copy)
    assert loaded.partners.empty and "since_year" in loaded.partners.columns
    assert len(loaded.goal_areas) == 5


def test_a_network_listed_twice_for_the_same_goal_area_is_named(data_copy):
    path = data_copy / "trondheim/network_goal_areas.csv"
    path.write_text(
        path.read_text(encoding="utf-8") + "icorn,internasjonalt-samfunn,tk-strategi-2019\n", encoding="utf-8"
    )
    with pytest.raises(DataError, match=r"network_goal_areas\.csv, rad 32, kolonne «goal_area_id»: kombinasjonen"):
        _load(data_copy)


@pytest.mark.parametrize("org", ["trondheim", "kuopio", "ntnu", "trondelag", "trd30"])
def test_every_shipped_bundle_loads_and_every_record_has_a_source(sources, org):
    bundle = load_bundle(DATA / org, sources["id"], TODAY)
    for name in (
        "goal_areas",
        "partners",
        "partner_facts",
        "partner_conflicts",
        "networks",
        "network_goal_areas",
        "network_facts",
    ):
        frame = getattr(bundle, name)
        assert frame["source"].notna().all() and frame["source"].isin(sources["id"]).all(), name


def test_trondheim_has_thirty_networks_in_its_table_one_goal_area_each_and_two_from_its_text(trondheim):
    assert len(trondheim.networks) == 32
    assert trondheim.network_goal_areas.groupby("network_id").size().eq(1).all()
    unlinked = set(trondheim.networks["id"]) - set(trondheim.network_goal_areas["network_id"])
    assert unlinked == {"cityxchange", "u4ssc"}  # named in the strategy's text, not in its table of networks
    assert trondheim.network_goal_areas.groupby("goal_area_id").size().to_dict() == {
        "globalt-partnerskap": 10,
        "eu-prosjekter": 9,
        "fou-naeringsliv": 5,
        "vennskapsby": 4,
        "internasjonalt-samfunn": 2,
    }


def test_trondheim_follows_up_the_decision_of_29_08_2019_its_review_task_and_five_main_strategies(trondheim):
    measures = trondheim.measures
    requests = measures[measures["kind"] == "oppdrag"]
    # six requests and the clause on the international population's networks
    assert len(requests) == 7 and set(requests["source"]) == {"tk-bystyret-sak-87-19"}
    assert (requests["start"] == dt.date(2019, 8, 29)).all()
    strategies = measures[measures["kind"] == "hovedstrategi"].set_index("goal_area_id")["description_nb"]
    assert strategies.to_dict() == trondheim.goal_areas.set_index("id")["main_strategy"].to_dict()


@pytest.mark.parametrize(
    "org, kinds",
    [
        ("trondelag", {"tiltak": 3, "deltiltak": 13}),
        ("ntnu", {"utviklingsmal": 4}),
        ("trd30", {"innsatsomrade": 4, "forpliktelse": 3}),
        ("kuopio", {}),
    ],
)
def test_each_organisation_follows_up_the_items_of_its_own_document(org, kinds, sources):
    measures = load_bundle(DATA / org, sources["id"], TODAY).measures
    assert measures["kind"].value_counts().to_dict() == kinds
    # every item of the document's own structure has its goal area; TRD3.0's commitments stand beside them
    assert measures.loc[measures["kind"] != "forpliktelse", "goal_area_id"].notna().all()


LONG = "x" * 131_073
MALFORMED = [
    # (file, change, expected pieces of the message): each is one DataError naming file, row/column, never a path
    (
        "partner_facts.csv",
        ("møttes i Graz i 1966.", LONG),
        ["trondheim/partner_facts.csv, rad 2:", "lengre enn 131 072 tegn", "høyst 5 000 tegn"],
    ),
    (
        "partner_facts.csv",
        ("møttes i Graz i 1966.", "y" * 5_001),
        ["trondheim/partner_facts.csv, rad 2, kolonne «text_nb»", "teksten har 5 043 tegn", "høyst 5 000 tegn"],
    ),
    (
        "partner_facts.csv",
        ("møttes i Graz", "møttes\x00 i Graz"),
        ["trondheim/partner_facts.csv, rad 2, kolonne «text_nb»", "kontrolltegn (U+0000)", "uten kontrolltegn"],
    ),
    (
        "partners.csv",
        (",Graz,", ",Gr\x1baz,"),
        ["trondheim/partners.csv, rad ", "kolonne «name»", "kontrolltegn (U+001B)"],
    ),
    (
        "organisation.yml",
        ("{key: trondelag, ", "{"),
        ["trondheim/organisation.yml, kolonne «population.regions[1].key»", "mangler feltet «key»"],
    ),
    (
        "organisation.yml",
        ("{key: trondheim, ", "{key: Trond heim, "),
        ["organisation.yml, kolonne «population.regions[0].key»", "«Trond heim» er ikke en gyldig nøkkel"],
    ),
    (
        "organisation.yml",
        ("  title: Internasjonal strategi", "  tittel: Internasjonal strategi"),
        ["trondheim/organisation.yml, kolonne «strategy.title»", "«strategy» mangler feltet «title»"],
    ),
    (
        "organisation.yml",
        ("  source: geonames-cities15000\n", "\n"),
        ["trondheim/organisation.yml, kolonne «home.source»", "«home» mangler feltet «source»"],
    ),
    (
        "organisation.yml",
        ("    source: tk-strategi-2019\n  - text_nb: >-\n      Samarbeidet", "  - text_nb: >-\n      Samarbeidet"),
        ["trondheim/organisation.yml, kolonne «notes[0].source»", "«notes[0]» mangler feltet «source»"],
    ),
    (
        "organisation.yml",
        ("notes:\n", "notes: en tekst\nx:\n"),
        ["trondheim/organisation.yml, kolonne «notes»", "er ikke en liste"],
    ),
    (
        "organisation.yml",
        ("home:\n  name: Trondheim\n", "home_:\n  name: Trondheim\n"),
        ["trondheim/organisation.yml, kolonne «home»", "kartet trenger hjembyen"],
    ),
    (
        "organisation.yml",
        ("name: Trondheim kommune", 'name: "Trondheim\\0 kommune"'),
        ["trondheim/organisation.yml, kolonne «name»", "kontrolltegn (U+0000)"],
    ),
    (
        "organisation.yml",
        ("name: Trondheim kommune", "name: Trondheim\x07 kommune"),
        ["trondheim/organisation.yml: ugyldig YAML (et kontrolltegn (U+0007)"],
    ),
    (
        "organisation.yml",
        ("case: sak 87/19", "case: &sak sak 87/19\n  archive_case2: *sak"),
        ["trondheim/organisation.yml, rad ", "YAML-alias (*sak) er ikke tillatt"],
    ),
    (
        "organisation.yml",
        ("  case: sak 87/19", "  case: " + "z" * 5_001),
        ["trondheim/organisation.yml, kolonne «strategy.case»", "teksten har 5 001 tegn"],
    ),
]


@pytest.mark.parametrize(("name", "change", "expected"), MALFORMED, ids=[f"{m[0]}:{m[2][-1][:30]}" for m in MALFORMED])
def test_a_malformed_bundle_gives_one_message_naming_file_row_and_column_and_no_server_path(
    data_copy, name, change, expected
):
    _rewrite(data_copy / "trondheim" / name, *change)
    with pytest.raises(DataError) as caught:
        _load(data_copy)
    message = str(caught.value)
    for piece in expected:
        assert piece in message, f"{piece!r} not in {message!r}"
    assert str(data_copy) not in message and "/tmp" not in message


def test_a_yaml_alias_bomb_is_refused_without_being_expanded(data_copy):
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 7)]  # 9**7 leaves if expanded
    path = data_copy / "trondheim/organisation.yml"
    path.write_text(path.read_text(encoding="utf-8") + "\n" + "\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"organisation\.yml, rad \d+: ugyldig YAML \(en YAML-alias \(\*a0\)"):
        _load(data_copy)
    with pytest.raises(DataError, match="YAML-alias"):
        list_bundles(data_copy)


def test_a_bad_sources_file_is_named_relative_to_the_data_folder(data_copy):
    _rewrite(data_copy / "sources.yml", "licence:", "licence: &l\n  licence2: *l\n  x:")
    with pytest.raises(DataError) as caught:
        load_sources(data_copy / "sources.yml")
    assert str(caught.value).startswith("Feil i sources.yml, rad ") and str(data_copy) not in str(caught.value)


def test_a_broken_file_names_no_server_path(data_copy):
    _rewrite(data_copy / "trondheim/partners.csv", "49.87056", "123")
    with pytest.raises(DataError) as caught:
        _load(data_copy)
    assert str(caught.value).startswith("Feil i trondheim/partners.csv, rad 2, kolonne «lat»")
