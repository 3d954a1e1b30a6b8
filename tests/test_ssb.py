"""Refresh from SSB against a real HTTP server on 127.0.0.1 that answers like PxWebApi v2 (or fails like it)."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import socket
import ssl
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from analytics import population, ssb
from analytics.checks import read_yaml
from tests import ssb_fixtures as fx
from tests.conftest import DATA, TODAY
from tests.ssb_fixtures import CATEGORIES, CONTENTS, COUNTRIES, answer

NOW = dt.datetime(2026, 11, 22, 9, 30, tzinfo=dt.UTC)


@pytest.fixture
def organisation():
    return read_yaml(DATA / "trondheim" / "organisation.yml")


@pytest.fixture
def target(tmp_path) -> Path:
    """An existing snapshot (a copy of the shipped one) that a failed refresh must leave as it is."""
    path = tmp_path / "ssb" / "trondheim" / population.FILE
    path.parent.mkdir(parents=True)
    shutil.copy(DATA / "trondheim" / population.FILE, path)
    return path


def run(fake, organisation, target, sources, timeout=5):
    return ssb.refresh(organisation, target, sources["id"], base=fake.base, timeout=timeout, now=NOW)


def test_refresh_writes_every_region_with_table_updated_and_fetch_time(fake_ssb, organisation, target, sources):
    done = run(fake_ssb, organisation, target, sources)
    frame = population.load(target, sources["id"], TODAY)
    assert population.regions(frame) == [
        ("trondheim", "Trondheim"),
        ("trondelag", "Trøndelag"),
        ("norge", "Hele landet"),
    ]
    assert set(frame["table"]) == {"09817"} and set(frame["source"]) == {"ssb-09817"}
    assert set(frame["updated"]) == {"2025-03-11T07:00:00Z"} and set(frame["fetched"]) == {"2026-11-22T09:30:00Z"}
    assert population.origin(frame) == "ssb" and done.years == (2023, 2024)
    totals = population.totals(frame)
    assert set(totals["measure"]) == set(population.SSB_MEASURES)
    by_country = frame[frame["country_code"].notna()]
    assert set(by_country["measure"]) == {"innvandrerbakgrunn"}
    assert set(by_country["country_name"]) == {"Polen", "Tyskland"}  # the group VES is not a country
    merged = next(r for r in fake_ssb.requests if "codelist" in r)
    assert "valueCodes[Region]=K-5001" in merged and "codelist[Region]=agg_KommSummer" in merged
    plain = next(r for r in fake_ssb.requests if "/data" in r and "codelist" not in r)
    assert "valueCodes[Region]=50,0" in plain and "valueCodes[ContentsCode]=Personer1,AndelBefolkning" in plain
    assert list(target.parent.iterdir()) == [target]


def test_values_land_on_the_right_rows(fake_ssb, organisation, target, sources):
    run(fake_ssb, organisation, target, sources)
    frame = population.load(target, sources["id"], TODAY)
    # The plain answer is Region(50, 0) × InnvandrKat(B, C, B-C) × Landbakgrunn(999, 111, 142, VES) × Contents(2) × Tid(2):
    # Hele landet, B-C, Polen, Personer1, 2024 is cell 1·48 + 2·16 + 1·4 + 0·2 + 1 = 85, and cell i has value i.
    row = frame[(frame["region"] == "norge") & (frame["country_name"] == "Polen") & (frame["year"] == 2024)]
    assert row["value"].tolist() == [85.0]
    share = frame[(frame["region"] == "norge") & (frame["measure"] == "andel_innvandrere") & (frame["year"] == 2023)]
    assert share["value"].tolist() == [48 + 2]


def test_without_a_combined_category_the_sum_is_computed_and_marked(fake_ssb, organisation, target, sources):
    fake_ssb.categories = CATEGORIES[:2]
    run(fake_ssb, organisation, target, sources)
    frame = population.load(target, sources["id"], TODAY)
    total = frame[
        (frame["region"] == "trondheim") & (frame["measure"] == "innvandrerbakgrunn") & frame["country_code"].isna()
    ]
    parts = frame[(frame["region"] == "trondheim") & frame["measure"].isin(["innvandrere", "norskfodte"])]
    assert total.set_index("year")["value"].to_dict() == parts.groupby("year")["value"].sum().to_dict()
    assert total["note_nb"].str.startswith("Beregnet").all()


def test_a_suppressed_part_makes_the_sum_missing_with_its_symbol(fake_ssb, organisation, target, sources):
    fake_ssb.categories = CATEGORIES[:2]
    answer_once = fake_ssb.data

    def with_symbol(query):
        status, kind, body = answer_once(query)
        doc = fx.json.loads(body)
        if "codelist[Region]" in query:
            doc["value"][4] = None  # Trondheim, B, Polen (111), Personer1, 2023: 0·16 + 1·4 + 0·2 + 0
            doc["status"] = {"4": ":"}
        return status, kind, fx.text(doc)

    fake_ssb.routes["data"] = with_symbol
    run(fake_ssb, organisation, target, sources)
    frame = population.load(target, sources["id"], TODAY)
    row = frame[(frame["region"] == "trondheim") & (frame["country_name"] == "Polen") & (frame["year"] == 2023)]
    assert row["value"].isna().all() and row["status"].tolist() == [":"]


def _html(query):
    return 200, "text/html", "<!DOCTYPE html><html><body><h1>Vedlikehold</h1></body></html>"


def _server_error(query):
    return 500, "text/plain", "Internal Server Error"


def _not_found(query):
    return 404, "application/json", '{"title": "Not found"}'


def _too_few_values(query):
    doc = answer((("K-5001", "Trondheim"),))
    doc["value"] = doc["value"][:-1]
    return 200, "application/json", fx.text(doc)


def _missing_dimension(query):
    doc = answer((("K-5001", "Trondheim"),))
    del doc["dimension"]["Landbakgrunn"]
    return 200, "application/json", fx.text(doc)


def _truncated(query):
    return 200, "application/json", fx.text(answer((("K-5001", "Trondheim"),)))[:500]


def _hang(query):
    return "hang"


def _slow_drip(query):
    body = fx.text(answer((("K-5001", "Trondheim"),))).encode()
    return "drip", body, 0.1, 60  # a byte every 0.1 s: each read is quick, the whole answer never comes


def _updated_not_a_date(query):
    doc = answer((("K-5001", "Trondheim"),))
    doc["updated"] = "i går"
    return 200, "application/json", fx.text(doc)


def _updated_not_text(query):
    doc = answer((("K-5001", "Trondheim"),))
    doc["updated"] = {"dato": [2025]}
    return 200, "application/json", fx.text(doc)


def _deeply_nested(query):
    return 200, "application/json", "[" * 100_000 + "]" * 100_000


def _nested_in_a_label(query):
    doc = answer((("K-5001", "Trondheim"),))
    doc["dimension"]["Region"]["category"]["label"]["K-5001"] = json.loads("[" * 50 + "]" * 50)
    return 200, "application/json", fx.text(doc)


def _label_not_text(query):
    doc = answer((("K-5001", "Trondheim"),))
    doc["dimension"]["Landbakgrunn"]["category"]["label"]["111"] = ["Polen"]
    return 200, "application/json", fx.text(doc)


def _huge_sparse(query):
    doc = answer((("K-5001", "Trondheim"),))
    doc["size"] = [1, 3, 4, 2, 10**9]
    doc["value"] = {"0": 1}
    return 200, "application/json", fx.text(doc)


def _metadata_updated_not_a_date(query):
    doc = fx.metadata(categories=CATEGORIES, countries=COUNTRIES, contents=CONTENTS)
    doc["updated"] = "2025-13-45"
    return 200, "application/json", fx.text(doc)


def _metadata_without_share(query):
    doc = fx.metadata(categories=CATEGORIES, countries=COUNTRIES, contents=CONTENTS[:1])
    return 200, "application/json", fx.text(doc)


def _metadata_without_county(query):
    doc = fx.metadata(categories=CATEGORIES, countries=COUNTRIES, contents=CONTENTS, regions=(("0", "Hele landet"),))
    return 200, "application/json", fx.text(doc)


FAILURES = [
    ("data", _html, "HTML-side"),
    ("data", _server_error, "HTTP 500"),
    ("data", _not_found, "HTTP 404"),
    ("metadata", _server_error, "HTTP 500"),
    ("data", _too_few_values, "«value» har 47 verdier, men «size» gir 48 celler"),
    ("data", _missing_dimension, "«Landbakgrunn»"),
    ("data", _truncated, "ikke gyldig JSON"),
    ("data", _hang, "svarte ikke innen 0.5 sekunder"),
    ("data", _slow_drip, "svarte ikke innen 0.5 sekunder"),
    ("metadata", _slow_drip, "svarte ikke innen 0.5 sekunder"),
    ("data", _updated_not_a_date, "«updated» er «i går», ikke en dato"),
    ("data", _updated_not_text, "«updated» er «dict», ikke en dato"),
    ("metadata", _metadata_updated_not_a_date, "«updated» er «2025-13-45», ikke en dato"),
    ("data", _deeply_nested, "nestet dypere enn 20 nivåer"),
    ("data", _nested_in_a_label, "nestet dypere enn 20 nivåer"),
    ("data", _label_not_text, "som ikke er tekst"),
    ("data", _huge_sparse, "større enn dashbordet tar imot"),
    ("metadata", _metadata_without_share, "har ikke lenger verdien «AndelBefolkning»"),
    ("metadata", _metadata_without_county, "har ikke regionen «50» (Trøndelag)"),
]


@pytest.mark.parametrize("route, failure, message", FAILURES, ids=[f[1].__name__.strip("_") for f in FAILURES])
def test_a_failed_refresh_leaves_the_snapshot_byte_identical(
    fake_ssb, organisation, target, sources, route, failure, message
):
    before = target.read_bytes()
    fake_ssb.routes[route] = failure
    with pytest.raises(ssb.SsbError) as caught:
        run(fake_ssb, organisation, target, sources, timeout=0.5)
    assert message in str(caught.value)
    assert target.read_bytes() == before
    assert list(target.parent.iterdir()) == [target]  # no temporary file left behind


def test_offline_is_a_clear_message_and_changes_nothing(organisation, target, sources):
    with socket_that_refuses() as port:
        before = target.read_bytes()
        with pytest.raises(ssb.SsbError, match="får ikke kontakt med SSB"):
            ssb.refresh(organisation, target, sources["id"], base=f"http://127.0.0.1:{port}/api", timeout=2, now=NOW)
        assert target.read_bytes() == before


@pytest.mark.parametrize(
    "reason, plain",
    [
        (socket.gaierror(-2, "Name or service not known"), "navnet data.ssb.no finnes ikke i navneoppslaget"),
        (socket.gaierror(-3, "Temporary failure in name resolution"), "Maskinen er kanskje uten internett"),
        (OSError(101, "Network is unreachable"), "Maskinen er kanskje uten internett"),
        (ssl.SSLError(1, "[SSL: CERTIFICATE_VERIFY_FAILED]"), "den sikre forbindelsen (TLS)"),
    ],
    ids=["no-dns-name", "dns-down", "no-network", "tls"],
)
def test_offline_is_a_plain_norwegian_sentence_without_error_numbers(
    monkeypatch, organisation, target, sources, reason, plain
):
    def offline(request, timeout):
        raise urllib.error.URLError(reason)

    monkeypatch.setattr(urllib.request, "urlopen", offline)
    before = target.read_bytes()
    with pytest.raises(ssb.SsbError) as caught:
        ssb.refresh(organisation, target, sources["id"], base=ssb.BASE_URL, timeout=2, now=NOW)
    message = str(caught.value)
    assert message.startswith("Ingen svar fra data.ssb.no/") and plain in message
    assert "Errno" not in message and "[" not in message and "Name or service" not in message
    assert target.read_bytes() == before


class socket_that_refuses:  # noqa: N801 - used as a context manager
    """A port on 127.0.0.1 that nothing listens on while the block runs."""

    def __enter__(self):
        import socket

        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))  # bound, never listening: connections are refused
        return self.sock.getsockname()[1]

    def __exit__(self, *exc):
        self.sock.close()


def test_command_line_reports_success_and_failure(fake_ssb, tmp_path, capsys):
    state = tmp_path / "state"
    assert ssb.main(["trondheim", "--state-dir", str(state), "--base-url", fake_ssb.base]) == 0
    assert "Oppdatert" in capsys.readouterr().out
    written = ssb.snapshot_path(state, "trondheim")
    before = written.read_bytes()
    fake_ssb.routes["data"] = _server_error
    assert ssb.main(["trondheim", "--state-dir", str(state), "--base-url", fake_ssb.base]) == 1
    assert "Ikke oppdatert: Feil i svaret fra" in capsys.readouterr().err
    assert written.read_bytes() == before


def test_organisation_without_ssb_regions_is_refused(tmp_path, sources):
    with pytest.raises(ssb.SsbError, match="ingen regioner med SSB-kode"):
        ssb.refresh({"id": "kuopio"}, tmp_path / "x.csv", sources["id"], base="http://127.0.0.1:9", now=NOW)
    assert not (tmp_path / "x.csv").exists()


def test_query_builder():
    url = ssb.data_url(
        "09817",
        {"Region": ["K-5001"], "Tid": "from(2010)", "Landbakgrunn": "*"},
        codelist={"Region": "agg_KommSummer"},
        output_values={"Region": "aggregated"},
    )
    assert url == (
        "https://data.ssb.no/api/pxwebapi/v2/tables/09817/data?lang=no&outputFormat=json-stat2"
        "&valueCodes[Region]=K-5001&valueCodes[Tid]=from(2010)&valueCodes[Landbakgrunn]=*"
        "&codelist[Region]=agg_KommSummer&outputValues[Region]=aggregated"
    )
    assert ssb.metadata_url("09817") == "https://data.ssb.no/api/pxwebapi/v2/tables/09817/metadata?lang=no"
