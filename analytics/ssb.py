"""Refreshing the population snapshot from SSB's PxWebApi v2 (the only thing the app fetches from the internet).

    python -m analytics.ssb trondheim        # or: make refresh-ssb ORG=trondheim

A refresh reads the table's metadata, checks that the codes it relies on are still there, fetches the data for
the regions named in the bundle's organisation.yml (``population.regions``), checks every answer, and only
then replaces the local snapshot in one rename. Any failure leaves the old file byte for byte as it was.
"""

from __future__ import annotations

import argparse
import datetime as dt
import http.client
import os
import socket
import ssl
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from analytics import jsonstat, population
from analytics.checks import DataError
from analytics.jsonstat import SsbError

BASE_URL = "https://data.ssb.no/api/pxwebapi/v2"
TIMEOUT = 30
MAX_BYTES = 64 * 1024 * 1024
CHUNK = 256 * 1024

# Table 09817: "Innvandrere og norskfødte med innvandrerforeldre, etter innvandringskategori, landbakgrunn og
# andel av befolkningen" (kommune, fylke, hele landet). The codes below are checked against the table's metadata
# on every refresh; if SSB changes them, the refresh stops with a message and writes nothing.
TABLE = "09817"
SOURCE_ID = "ssb-09817"
IMMIGRANTS, NORWEGIAN_BORN, BOTH = "B", "C", "B-C"
ALL_COUNTRIES = "999"
PERSONS, SHARE = "Personer1", "AndelBefolkning"
REQUIRED = {
    "Region": [],
    "InnvandrKat": [IMMIGRANTS, NORWEGIAN_BORN],
    "Landbakgrunn": [ALL_COUNTRIES],
    "ContentsCode": [PERSONS, SHARE],
    "Tid": [],
}
MEASURE = {
    (IMMIGRANTS, PERSONS): "innvandrere",
    (NORWEGIAN_BORN, PERSONS): "norskfodte",
    (BOTH, PERSONS): "innvandrerbakgrunn",
    (IMMIGRANTS, SHARE): "andel_innvandrere",
    (NORWEGIAN_BORN, SHARE): "andel_norskfodte",
    (BOTH, SHARE): "andel_innvandrerbakgrunn",
}
MERGED_CODELIST = "agg_KommSummer"  # municipalities on today's borders, merged back in time (K-5001: Trondheim + Klæbu)


def configured_base_url() -> str:
    """$SSB_API_URL (a test server, a proxy) or SSB's own address."""
    return os.environ.get("SSB_API_URL") or BASE_URL


def configured_timeout() -> float:
    """$SSB_TIMEOUT in seconds, else TIMEOUT."""
    return float(os.environ.get("SSB_TIMEOUT") or TIMEOUT)


def metadata_url(table: str, lang: str = "no", base: str = BASE_URL) -> str:
    return f"{base}/tables/{table}/metadata?" + urllib.parse.urlencode({"lang": lang})


def data_url(
    table: str,
    value_codes: dict[str, list[str] | str],
    codelist: dict[str, str] | None = None,
    output_values: dict[str, str] | None = None,
    lang: str = "no",
    base: str = BASE_URL,
) -> str:
    """A PxWebApi v2 data query: valueCodes[VAR]=a,b (or *, from(YYYY), top(n)), codelist[VAR], outputValues[VAR]."""
    params = [("lang", lang), ("outputFormat", "json-stat2")]
    for name, codes in value_codes.items():
        params.append((f"valueCodes[{name}]", codes if isinstance(codes, str) else ",".join(codes)))
    params += [(f"codelist[{name}]", value) for name, value in (codelist or {}).items()]
    params += [(f"outputValues[{name}]", value) for name, value in (output_values or {}).items()]
    return f"{base}/tables/{table}/data?" + urllib.parse.urlencode(params, safe="[]*,()-")


def fetch(url: str, timeout: float = TIMEOUT, deadline: float | None = None) -> bytes:
    """The body of a GET, finished by `deadline` (time.monotonic(); default: `timeout` from now) however slowly
    the server sends; every way it can fail becomes an SsbError in Norwegian, without error numbers."""
    deadline = time.monotonic() + timeout if deadline is None else deadline
    request = urllib.request.Request(
        url, headers={"Accept": "application/json", "User-Agent": "internasjonal-dashboard"}
    )
    too_slow = SsbError(_short(url), f"SSB svarte ikke innen {timeout:g} sekunder.", answered=False)
    try:
        with urllib.request.urlopen(request, timeout=_left(deadline)) as answer:
            body = _body(answer, deadline)
    except urllib.error.HTTPError as error:
        kind = "SSB fant ikke tabellen eller forstod ikke spørringen" if error.code < 500 else "feil hos SSB"
        raise SsbError(_short(url), f"SSB svarte med HTTP {error.code} ({kind}).", "HTTP 200") from None
    except TimeoutError:
        raise too_slow from None
    except urllib.error.URLError as error:
        if isinstance(error.reason, TimeoutError):
            raise too_slow from None
        raise SsbError(
            _short(url), _unreachable(error.reason, url), "tilgang til data.ssb.no", answered=False
        ) from None
    except (OSError, http.client.HTTPException):
        raise SsbError(_short(url), "forbindelsen til SSB brøt før svaret var kommet.", answered=False) from None
    if len(body) > MAX_BYTES:
        raise SsbError(_short(url), f"svaret er større enn {MAX_BYTES // 1024 // 1024} MB.")
    return body


def _left(deadline: float) -> float:
    """Seconds until the deadline; a TimeoutError when it has passed."""
    left = deadline - time.monotonic()
    if left <= 0:
        raise TimeoutError
    return left


def _body(answer, deadline: float) -> bytes:
    """Read what has arrived, chunk by chunk, each read bounded by the time left (not a fresh time-out per read)."""
    chunks, size = [], 0
    while size <= MAX_BYTES:
        sock = getattr(getattr(getattr(answer, "fp", None), "raw", None), "_sock", None)
        left = _left(deadline)
        if sock is not None:
            sock.settimeout(left)
        chunk = answer.read1(CHUNK)
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)


def _unreachable(reason: object, url: str) -> str:
    """Why SSB cannot be reached, as a plain sentence (never «[Errno -2] …»)."""
    host = urllib.parse.urlsplit(url).hostname or "SSB"
    if isinstance(reason, socket.gaierror):
        return (
            f"får ikke kontakt med SSB: navnet {host} finnes ikke i navneoppslaget. Maskinen er kanskje uten internett."
        )
    if isinstance(reason, ConnectionRefusedError):
        return f"får ikke kontakt med SSB: {host} tok ikke imot forbindelsen."
    if isinstance(reason, ssl.SSLError):
        return f"får ikke kontakt med SSB: den sikre forbindelsen (TLS) til {host} kunne ikke settes opp."
    return "får ikke kontakt med SSB. Maskinen er kanskje uten internett."


def _short(url: str) -> str:
    parsed = urllib.parse.urlsplit(url)
    return f"{parsed.netloc}{parsed.path}"


@dataclass(frozen=True)
class Region:
    key: str
    name: str
    code: str
    merged: bool = False  # ask for the municipality on today's borders (codelist agg_KommSummer)


def configured_regions(organisation: dict) -> list[Region]:
    """population.regions from organisation.yml; empty when the organisation has no SSB figures."""
    entries = (organisation.get("population") or {}).get("regions") or []
    return [
        Region(str(e["key"]), str(e["name"]), str(e["ssb_code"]), bool(e.get("merged", False)))
        for e in entries
        if e.get("ssb_code")
    ]


@dataclass(frozen=True)
class Refreshed:
    path: Path
    rows: int
    years: tuple[int, int]
    updated: str
    fetched: str


def refresh(
    organisation: dict,
    target: Path,
    known_sources,
    *,
    base: str = BASE_URL,
    timeout: float = TIMEOUT,
    now: dt.datetime | None = None,
) -> Refreshed:
    """Fetch table 09817 for the configured regions and replace `target`; on any failure `target` is untouched.
    The whole refresh (every request) must be done within `timeout` seconds."""
    regions = configured_regions(organisation)
    if not regions:
        raise SsbError("organisation.yml", "organisasjonen har ingen regioner med SSB-kode (population.regions).")
    now = now or dt.datetime.now(dt.UTC)
    deadline = time.monotonic() + timeout  # one deadline for the whole refresh, however many requests it makes
    where = f"SSB, tabell {TABLE}"
    meta = jsonstat.read_metadata(fetch(metadata_url(TABLE, base=base), timeout, deadline), where=f"{where} (metadata)")
    dims = _check_metadata(meta, where)
    frames = [
        _rows(jsonstat.read(fetch(url, timeout, deadline), where=where), regions, now)
        for url in _queries(regions, dims, base)
    ]
    rows = pd.concat(frames, ignore_index=True)
    missing = {r.key for r in regions} - set(rows["region"])
    if missing:
        raise SsbError(where, f"svaret har ingen tall for {', '.join(sorted(missing))}.", "tall for hver region")
    rows = _with_computed_totals(rows)
    _replace(rows, target, known_sources, now.date())
    years = (int(rows["year"].min()), int(rows["year"].max()))
    return Refreshed(target, len(rows), years, str(rows["updated"].iloc[0]), str(rows["fetched"].iloc[0]))


def _check_metadata(meta: jsonstat.Dataset, where: str) -> dict[str, jsonstat.Dimension]:
    dims = {d.id: d for d in meta.dimensions}
    for dim_id, codes in REQUIRED.items():
        if dim_id not in dims:
            raise SsbError(where, f"tabellen har ikke lenger variabelen «{dim_id}».", ", ".join(REQUIRED))
        absent = [c for c in codes if c not in dims[dim_id].codes]
        if absent:
            raise SsbError(
                where,
                f"variabelen «{dim_id}» har ikke lenger verdien «{absent[0]}».",
                "verdiene " + ", ".join(codes),
            )
    return dims


def _queries(regions: list[Region], dims: dict, base: str) -> list[str]:
    """One query for merged municipalities (codelist), one for the rest (plain codes as the table has them)."""
    region_dim = dims["Region"]
    codelists = {c.get("id") for c in region_dim.extension.get("codelists") or [] if isinstance(c, dict)}
    merged, plain = [], []
    for region in regions:
        if region.merged and MERGED_CODELIST in codelists:
            merged.append(f"K-{region.code}")
        elif region.code in region_dim.codes:
            plain.append(region.code)
        else:
            raise SsbError(
                f"SSB, tabell {TABLE}",
                f"tabellen har ikke regionen «{region.code}» ({region.name}).",
                "en regionkode som står i tabellens metadata",
            )
    rest = {"InnvandrKat": "*", "Landbakgrunn": "*", "ContentsCode": [PERSONS, SHARE], "Tid": "*"}
    urls = []
    if merged:
        urls.append(
            data_url(
                TABLE,
                {"Region": merged, **rest},
                codelist={"Region": MERGED_CODELIST},
                output_values={"Region": "aggregated"},
                base=base,
            )
        )
    if plain:
        urls.append(data_url(TABLE, {"Region": plain, **rest}, base=base))
    return urls


def _rows(data: jsonstat.Dataset, regions: list[Region], now: dt.datetime) -> pd.DataFrame:
    """SSB's cells as snapshot rows: totals (Landbakgrunn 999) for every measure, countries in persons."""
    where = f"SSB, tabell {data.table or TABLE}"
    cells = data.frame
    for dim_id in REQUIRED:
        if dim_id not in cells.columns:
            raise SsbError(where, f"svaret mangler variabelen «{dim_id}».", ", ".join(REQUIRED))
    cells = cells.astype({c: str for c in ("Region", "InnvandrKat", "Landbakgrunn", "ContentsCode", "Tid")})
    by_code = {r.code: r for r in regions} | {f"K-{r.code}": r for r in regions}
    cells = cells[cells["Region"].isin(list(by_code))]
    if not cells["Tid"].str.fullmatch(r"\d{4}").all():
        raise SsbError(where, "variabelen «Tid» har verdier som ikke er årstall.", "årstall som «2024»")
    measure = pd.Series(
        [MEASURE.get(pair) for pair in zip(cells["InnvandrKat"], cells["ContentsCode"], strict=True)],
        index=cells.index,
        dtype=object,
    )
    total = cells["Landbakgrunn"] == ALL_COUNTRIES
    # single countries: three digits (SSB's sums of country groups have letter codes); persons only
    country = cells["Landbakgrunn"].str.fullmatch(r"\d{3}") & ~total & (cells["ContentsCode"] == PERSONS)
    known = cells["value"].notna() | cells["status"].notna()  # a null without a symbol is simply not there
    keep = measure.notna() & (total | country) & known
    cells, measure, total = cells[keep], measure[keep], total[keep]
    region = cells["Region"].map(lambda code: by_code[code])
    return pd.DataFrame(
        {
            "region": region.map(lambda r: r.key),
            "region_name": region.map(lambda r: r.name),
            "year": cells["Tid"].astype(int).astype("Int64"),
            "measure": measure,
            "country_code": cells["Landbakgrunn"].where(~total),
            "country_name": cells["Landbakgrunn_label"].astype(str).where(~total),
            "value": cells["value"].astype(float),
            "status": cells["status"].astype(object).where(cells["status"].notna()),
            "unit": measure.map(population.MEASURES),
            "source": SOURCE_ID,
            "table": data.table or TABLE,
            "updated": data.updated or "",
            "fetched": now.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "note_nb": None,
            "note_en": None,
        }
    ).reset_index(drop=True)


def _with_computed_totals(rows: pd.DataFrame) -> pd.DataFrame:
    """Countries as one figure (immigrants + Norwegian-born); summed and marked when the answer has no B-C."""
    if not (rows["measure"] == "innvandrerbakgrunn").any():
        computed = [
            _sum(rows, "innvandrere", "norskfodte", "innvandrerbakgrunn"),
            _sum(rows, "andel_innvandrere", "andel_norskfodte", "andel_innvandrerbakgrunn"),
        ]
        rows = pd.concat([rows, *computed], ignore_index=True)
    by_country = rows["country_code"].notna()
    return rows[~by_country | (rows["measure"] == "innvandrerbakgrunn")].reset_index(drop=True)


def _sum(rows: pd.DataFrame, first: str, second: str, into: str) -> pd.DataFrame:
    """first + second per region, year and country; missing when either part is (with that part's symbol)."""
    key = ["region", "year", "country_code"]
    a = rows[rows["measure"] == first].fillna({"country_code": ""})
    b = rows[rows["measure"] == second].fillna({"country_code": ""})[[*key, "value", "status"]]
    out = a.merge(b, on=key, suffixes=("", "_b"))
    out["value"] = out["value"] + out["value_b"]
    out["status"] = out["status"].fillna(out["status_b"]).where(out["value"].isna())
    out["country_code"] = out["country_code"].replace("", None)
    out["measure"] = into
    out["note_nb"] = "Beregnet: innvandrere + norskfødte med innvandrerforeldre."
    out["note_en"] = "Computed: immigrants + Norwegian-born to immigrant parents."
    return out[rows.columns]


def _replace(rows: pd.DataFrame, target: Path, known_sources, today: dt.date) -> None:
    """Write to a temporary file beside `target`, check it with the snapshot loader, then rename over `target`."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=".population-", suffix=".csv", dir=target.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            rows.to_csv(out, index=False)
            out.flush()
            os.fsync(out.fileno())
        try:
            population.load(Path(temporary), known_sources, today)
        except DataError as error:
            raise SsbError(f"SSB, tabell {TABLE}", f"svaret ga en fil som ikke består kontrollen: {error}") from None
        os.replace(temporary, target)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)


def main(argv: list[str] | None = None) -> int:
    from analytics import bundle, checks  # noqa: PLC0415 - only the command line needs the bundle loader

    root = Path(__file__).resolve().parents[1]
    parser = argparse.ArgumentParser(description="Hent befolkningstall fra SSB (tabell 09817) for en organisasjon.")
    parser.add_argument("org", help="organisasjonens mappe under data/, for eksempel trondheim")
    parser.add_argument("--data-dir", type=Path, default=Path(os.environ.get("DASHBOARD_DATA_DIR") or root / "data"))
    parser.add_argument("--state-dir", type=Path, default=state_dir(root))
    parser.add_argument("--base-url", default=configured_base_url())
    parser.add_argument("--timeout", type=float, default=configured_timeout())
    args = parser.parse_args(argv)
    try:
        organisation = checks.read_yaml(args.data_dir / args.org / "organisation.yml") or {}
        sources = bundle.load_sources(args.data_dir / "sources.yml")["id"]
        done = refresh(
            organisation, snapshot_path(args.state_dir, args.org), sources, base=args.base_url, timeout=args.timeout
        )
    except (SsbError, DataError) as error:
        print(f"Ikke oppdatert: {error}", file=sys.stderr)
        return 1
    print(f"Oppdatert {done.path}: {done.rows} rader, {done.years[0]}–{done.years[1]}, SSB oppdatert {done.updated}.")
    return 0


def state_dir(root: Path) -> Path:
    """Where the app keeps what it writes: $DASHBOARD_STATE_DIR, else var/ beside app.py (not in git)."""
    return Path(os.environ.get("DASHBOARD_STATE_DIR") or root / "var")


def snapshot_path(state: Path, org_id: str) -> Path:
    return state / "ssb" / org_id / population.FILE


if __name__ == "__main__":
    sys.exit(main())
