"""Country names in the reader's language: the data's own bokmål name, and English by ISO 3166 code.

English names come from pycountry (the Debian iso-codes tables: ISO 3166-1), with the short form a reader
expects where ISO's name is a long official one ("Palestine, State of" → "Palestine"). A code ISO does not know
(SSB's own country codes in a fetched snapshot, for one) keeps the data's name.
"""

from __future__ import annotations

from functools import cache

import pandas as pd
import pycountry

SHORT_EN = {  # ISO names with a comma or an official long form, as a reader expects them
    "BO": "Bolivia",
    "CD": "DR Congo",
    "FM": "Micronesia",
    "IR": "Iran",
    "KP": "North Korea",
    "KR": "South Korea",
    "MD": "Moldova",
    "PS": "Palestine",
    "RU": "Russia",
    "TZ": "Tanzania",
    "VE": "Venezuela",
    "XK": "Kosovo",
}


@cache
def english_name(code: str) -> str | None:
    """The English name of an ISO 3166-1 alpha-2 code, or None where the code is not one."""
    if not isinstance(code, str) or len(code) != 2:
        return None
    code = code.upper()
    if code in SHORT_EN:
        return SHORT_EN[code]
    country = pycountry.countries.get(alpha_2=code)
    if country is None:
        return None
    return getattr(country, "common_name", None) or country.name


def with_country_names(frame: pd.DataFrame, lang: str, code="country_code", name="country_name") -> pd.DataFrame:
    """`frame` with its country names in `lang`: in English by code where the code is known, else the data's name."""
    if lang != "en" or frame.empty or code not in frame:
        return frame
    codes = frame[code].dropna().unique()
    english = {c: english_name(c) for c in codes}
    english = {c: n for c, n in english.items() if n}
    if not english:
        return frame
    frame = frame.copy()
    known = frame[code].isin(english.keys())
    frame.loc[known, name] = frame.loc[known, code].map(english)
    return frame
