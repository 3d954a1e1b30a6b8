"""Every UI string exists in both languages, and every key the code asks for exists."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

from analytics.i18n import TEXTS, in_language, t

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("key", sorted(TEXTS))
def test_every_key_has_bokmal_and_english(key):
    nb, en = TEXTS[key]
    assert nb.strip() and en.strip()
    assert set(re.findall(r"{(\w+)}", nb)) == set(re.findall(r"{(\w+)}", en))


def app_code() -> str:
    """The app's source, without the table of strings itself."""
    files = [p for d in ("views", "ui", "analytics") for p in (ROOT / d).rglob("*.py") if p.name != "i18n.py"]
    return "\n".join(p.read_text(encoding="utf-8") for p in [*files, ROOT / "app.py"])


def test_every_literal_key_used_in_the_code_exists():
    used = set(re.findall(r"""\bt\(\s*["']([\w.]+)["']""", app_code()))
    assert used, "no t(...) calls found: the pattern is out of date"
    assert sorted(used - set(TEXTS)) == []


def test_every_key_is_used_in_the_code():
    """A key is used where the code names it in quotes (in t("...") or passed on to t, as in t("yes" if v else
    "no")), or where it starts with a prefix the code builds keys from, as in t(f"report_status.{s}")."""
    code = app_code()
    quoted = set(re.findall(r"""["']([\w.]+)["']""", code))
    prefixes = tuple(set(re.findall(r"""\bt\(\s*f["']([\w.]+\.)\{""", code)))
    assert "report_status." in prefixes, 'no t(f"...{...}") calls found: the pattern is out of date'
    assert sorted(key for key in TEXTS if key not in quoted and not key.startswith(prefixes)) == []


@pytest.mark.parametrize("prefix", ["type.", "partner_status.", "report_status.", "area."])
def test_every_data_code_has_a_label(prefix):
    from analytics.bundle import ACTIVITY_AREAS, AGREEMENT_TYPES, PARTNER_STATUSES
    from analytics.store import NOT_REPORTED, REPORT_STATUSES

    codes = {
        "type.": AGREEMENT_TYPES,
        "partner_status.": PARTNER_STATUSES,
        "report_status.": [*REPORT_STATUSES, NOT_REPORTED],
        "area.": ACTIVITY_AREAS,
    }[prefix]
    assert all(f"{prefix}{code}" in TEXTS for code in codes)


def test_t_fills_placeholders_in_the_chosen_language():
    assert t("partners.in_year", "en", n=3, total=15, year=1950) == "3 of 15 agreements had begun by 1950."
    assert t("partners.in_year", "nb", n=3, total=15, year=1950) == "3 av 15 avtaler var inngått i 1950."


@pytest.mark.parametrize(
    ("english", "expected"),
    [(["a-en", None], ["a-en", "b"]), (["a-en", ""], ["a-en", "b"]), (["a-en", "b-en"], ["a-en", "b-en"])],
)
def test_in_language_falls_back_to_bokmal_where_english_is_missing(english, expected):
    rows = pd.DataFrame({"note_nb": ["a", "b"], "note_en": english})
    assert in_language(rows, "note", "en").tolist() == expected
