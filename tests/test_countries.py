import pandas as pd
import pytest

from analytics.countries import english_name, with_country_names


@pytest.mark.parametrize(
    ("code", "name"),
    [("PL", "Poland"), ("TR", "Türkiye"), ("SE", "Sweden"), ("IR", "Iran"), ("PS", "Palestine"), ("pl", "Poland")],
)
def test_english_names_by_iso_code(code, name):
    assert english_name(code) == name


@pytest.mark.parametrize("code", ["", "999", None, "ZZ"])
def test_a_code_iso_does_not_know_has_no_english_name(code):
    assert english_name(code) is None


def test_english_names_replace_the_datas_names_only_in_english_and_only_where_known():
    frame = pd.DataFrame({"country_code": ["PL", "ZZ", None], "country_name": ["Polen", "Ukjent land", None]})
    assert with_country_names(frame, "nb") is frame
    english = with_country_names(frame, "en")
    assert english["country_name"].tolist()[:2] == ["Poland", "Ukjent land"]
    assert frame["country_name"].tolist()[0] == "Polen"  # the input is not changed
