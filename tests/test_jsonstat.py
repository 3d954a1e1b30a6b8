"""The JSON-stat2 reader on responses in SSB's exact structure (numbers made up in tests/ssb_fixtures.py)."""

import math

import numpy as np
import pytest

from analytics import jsonstat
from tests import ssb_fixtures as fx

DIMS = ["Region", "InnvandrKat", "Landbakgrunn", "ContentsCode", "Tid"]


@pytest.mark.parametrize("index_as_list", [False, True], ids=["index-object", "index-list"])
def test_one_row_per_cell_with_codes_labels_and_values_in_order(index_as_list):
    doc = fx.dataset(index_as_list=index_as_list)
    data = jsonstat.read(fx.text(doc))
    frame = data.frame
    assert len(frame) == 2 * 2 * 3 * 1 * 2 == len(doc["value"])
    assert list(frame.columns) == [c for d in DIMS for c in (d, f"{d}_label")] + ["value", "status"]
    # the last id varies fastest: cell 0 is (K-5001, B, 000, Personer, 2023), cell 1 the same in 2024
    assert frame.iloc[0][DIMS].tolist() == ["K-5001", "B", "999", "Personer1", "2023"]
    assert frame.iloc[1][DIMS].tolist() == ["K-5001", "B", "999", "Personer1", "2024"]
    assert frame.iloc[2][DIMS].tolist() == ["K-5001", "B", "111", "Personer1", "2023"]
    assert frame.iloc[12][DIMS].tolist() == ["0", "B", "999", "Personer1", "2023"]
    assert frame.iloc[12]["Region_label"] == "Hele landet"
    assert frame["value"].tolist() == [float(v) for v in doc["value"]]
    assert data.table == "09817" and data.updated == "2025-03-11T07:00:00Z"
    assert [d.role for d in data.dimensions] == ["geo", None, None, "metric", "time"]


def test_frame_equals_a_cell_by_cell_reading():
    doc = fx.dataset(
        regions=(("K-5001", "Trondheim"), ("50", "Trøndelag"), ("0", "Hele landet")), years=("1", "2", "3")
    )
    frame = jsonstat.read(doc).frame
    sizes = doc["size"]
    for flat in range(len(doc["value"])):
        rest, expected = flat, []
        for k in range(len(sizes)):
            stride = math.prod(sizes[k + 1 :])
            expected.append(doc["dimension"][DIMS[k]]["category"]["label"][_code(doc, DIMS[k], rest // stride)])
            rest %= stride
        row = frame.iloc[flat]
        assert [row[f"{d}_label"] for d in DIMS] == expected
        assert row["value"] == doc["value"][flat]


def _code(doc, dim, position):
    index = doc["dimension"][dim]["category"]["index"]
    return next(code for code, at in index.items() if at == position)


@pytest.mark.parametrize("symbol", sorted(jsonstat.SYMBOLS))
@pytest.mark.parametrize("form", ["object", "list"])
def test_every_status_symbol_is_kept_and_never_becomes_a_number(symbol, form):
    doc = fx.dataset()
    cells = len(doc["value"])
    doc["value"][3] = None
    doc["value"][5] = 0  # SSB sends a value next to some symbols; it must not be shown
    if form == "object":
        doc["status"] = {"3": symbol, "5": symbol}
    else:
        doc["status"] = [None] * cells
        doc["status"][3] = doc["status"][5] = symbol
    frame = jsonstat.read(doc).frame
    assert frame["status"].iloc[3] == frame["status"].iloc[5] == symbol
    assert np.isnan(frame["value"].iloc[3]) and np.isnan(frame["value"].iloc[5])
    assert frame["status"].isna().sum() == cells - 2
    assert frame["value"].notna().sum() == cells - 2


def test_null_without_a_symbol_is_missing_not_zero():
    doc = fx.dataset()
    doc["value"][0] = None
    frame = jsonstat.read(doc).frame
    assert np.isnan(frame["value"].iloc[0]) and (frame["value"].fillna(-1) != 0).all()


def test_status_as_one_string_applies_to_every_cell():
    frame = jsonstat.read(fx.dataset(status="..")).frame
    assert (frame["status"] == "..").all() and frame["value"].isna().all()


def test_sparse_value_object():
    doc = fx.dataset()
    doc["value"] = {"0": 7, "23": 9}
    frame = jsonstat.read(doc).frame
    assert frame["value"].iloc[0] == 7 and frame["value"].iloc[23] == 9 and frame["value"].isna().sum() == 22


def test_bytes_with_bom_and_labels_shared_by_two_codes():
    doc = fx.dataset(regions=(("1601", "Trondheim"), ("5001", "Trondheim")))
    frame = jsonstat.read(("\ufeff" + fx.text(doc)).encode()).frame
    assert set(frame["Region"]) == {"1601", "5001"} and set(frame["Region_label"]) == {"Trondheim"}


def test_metadata_lists_dimensions_roles_and_codelists():
    meta = jsonstat.read_metadata(fx.text(fx.metadata()))
    region = meta.dimensions[0]
    assert region.id == "Region" and region.role == "geo" and region.codes == ["K-5001", "0"]
    assert [c["id"] for c in region.extension["codelists"]] == ["agg_KommSummer", "vs_Kommun"]
    assert meta.table == "09817" and meta.frame is None


def _drop_dimension(doc):
    del doc["dimension"]["Landbakgrunn"]


def _extra_value(doc):
    doc["value"].append(1)


def _missing_value(doc):
    doc["value"].pop()


def _size_too_big(doc):
    doc["size"][0] = 3


def _id_shorter_than_size(doc):
    doc["id"].pop()


def _duplicate_position(doc):
    doc["dimension"]["Tid"]["category"]["index"] = {"2023": 0, "2024": 0}


def _text_value(doc):
    doc["value"][4] = "12"


def _status_out_of_range(doc):
    doc["status"] = {"999": ":"}


def _no_value(doc):
    del doc["value"]


def _no_category(doc):
    del doc["dimension"]["Tid"]["category"]


def _wrong_class(doc):
    doc["class"] = "collection"


MALFORMED = [
    (_drop_dimension, "«Landbakgrunn»"),
    (_extra_value, "25 verdier, men «size» gir 24 celler"),
    (_missing_value, "23 verdier, men «size» gir 24 celler"),
    (_size_too_big, "2 kategorier, men «size» sier 3"),
    (_id_shorter_than_size, "«id» har 4 dimensjoner, men «size» har 5"),
    (_duplicate_position, "ugyldig posisjon"),
    (_text_value, "verdi nr. 4 er «12»"),
    (_status_out_of_range, "posisjonen «999»"),
    (_no_value, "mangler «value»"),
    (_no_category, "mangler «category»"),
    (_wrong_class, "klassen er «collection»"),
]


@pytest.mark.parametrize("change, message", MALFORMED, ids=[c.__name__.strip("_") for c, _ in MALFORMED])
def test_answers_that_do_not_add_up_are_refused_in_norwegian(change, message):
    with pytest.raises(jsonstat.SsbError) as caught:
        jsonstat.read(fx.text(fx.changed(fx.dataset(), change)), where="tabell 09817")
    assert message in str(caught.value)
    assert str(caught.value).startswith("Feil i svaret fra tabell 09817: ")


@pytest.mark.parametrize(
    "body, message",
    [
        ("<!DOCTYPE html><html><body>Service Unavailable</body></html>", "HTML-side"),
        ('{"version": "2.0", "class": "dataset", ', "ikke gyldig JSON"),
        ("[1, 2, 3]", "ikke et JSON-objekt"),
        (b"\xff\xfe{}", "ikke UTF-8"),
        ("", "ikke gyldig JSON"),
    ],
    ids=["html", "truncated", "array", "latin", "empty"],
)
def test_bodies_that_are_not_json_stat(body, message):
    with pytest.raises(jsonstat.SsbError, match=message):
        jsonstat.read(body)
