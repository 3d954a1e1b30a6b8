"""Reading JSON-stat 2.0 datasets as SSB's PxWebApi sends them, into one tidy frame.

One row per cell: every dimension as code (column named by the dimension id) and label (``<id>_label``), the
value, and SSB's status symbol. The frame is built with numpy index arithmetic and categoricals, so a
national response of a few million cells reads in about a second (see ``bench/``).
"""

from __future__ import annotations

import datetime as dt
import json
import math
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

# Bounds on an answer, checked before anything is built from it: SSB's real answers are far inside them.
MAX_DEPTH = 20  # nesting of objects and lists (JSON-stat2 needs 5)
MAX_DIMENSIONS = 20
MAX_CATEGORIES = 100_000  # per dimension
MAX_CELLS = 25_000_000  # the product of «size»: a national answer of table 09817 has a few million
MAX_TEXT = 1_000  # characters in a label or a code

# SSB's standard symbols. A cell with one of these has no number: the value is NaN and the symbol is shown.
SYMBOLS = {
    ".": ("kan ikke forekomme", "cannot occur"),
    "..": ("ikke tilgjengelig ennå", "not yet available"),
    "...": ("ikke tilgjengelig", "not available"),
    ":": ("skjult av personvernhensyn", "suppressed for confidentiality"),
    "-": ("ingenting å melde", "nothing to report"),
}


class SsbError(ValueError):
    """An answer from SSB (or a file claiming to be one) that cannot be used; str() is a Norwegian message."""

    def __init__(self, where: str, problem: str, expected: str | None = None, answered: bool = True):
        self.where, self.problem = where, problem
        text = f"{'Feil i svaret fra' if answered else 'Ingen svar fra'} {where}: {problem}"
        if expected:
            text += f" Forventet: {expected}."
        super().__init__(text)


@dataclass(frozen=True)
class Dimension:
    id: str
    label: str
    codes: list[str]
    labels: list[str]
    role: str | None = None
    extension: dict = field(default_factory=dict, compare=False)


@dataclass(frozen=True)
class Dataset:
    label: str
    source: str
    updated: str | None
    table: str | None
    dimensions: list[Dimension]
    frame: pd.DataFrame | None = None


def _load(text: str | bytes | dict, where: str) -> dict:
    if isinstance(text, dict):
        return text
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise SsbError(where, f"svaret er ikke UTF-8 (byte {error.start}).", "JSON-stat2 i UTF-8") from None
    head = text.lstrip()[:200].lower()
    if head.startswith("<"):
        raise SsbError(where, "svaret er en HTML-side (kanskje en feilside), ikke data.", "JSON-stat2")
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as error:
        raise SsbError(
            where, f"svaret er ikke gyldig JSON (linje {error.lineno}, tegn {error.colno}).", "JSON-stat2"
        ) from None
    except RecursionError:
        doc = None
    if doc is None or _too_deep(doc):
        raise SsbError(where, f"svaret er nestet dypere enn {MAX_DEPTH} nivåer.", "JSON-stat2") from None
    if not isinstance(doc, dict):
        raise SsbError(where, "svaret er ikke et JSON-objekt.", "et JSON-stat2-datasett")
    return doc


_SCALARS = {int, float, str, bool, type(None)}


def _too_deep(doc: object) -> bool:
    """True when objects and lists nest deeper than MAX_DEPTH (walked without recursion; flat lists of numbers are
    skipped in C, so millions of values cost little)."""
    stack = [(doc, 1)]
    while stack:
        value, depth = stack.pop()
        items = value.values() if isinstance(value, dict) else value
        if set(map(type, items)) <= _SCALARS:
            continue
        if depth >= MAX_DEPTH:
            return True
        stack.extend((item, depth + 1) for item in items if isinstance(item, (dict, list)))
    return False


def _require(doc: dict, key: str, kind: type, where: str, context: str = "datasettet"):
    if key not in doc:
        raise SsbError(where, f"{context} mangler «{key}».", "et JSON-stat2-datasett med id, size, dimension og value")
    value = doc[key]
    if not isinstance(value, kind):
        raise SsbError(where, f"«{key}» i {context} har feil type ({type(value).__name__}).")
    return value


def _dimension(dim_id: str, size: int, raw: object, roles: dict, where: str) -> Dimension:
    if not isinstance(raw, dict):
        raise SsbError(where, f"dimensjonen «{dim_id}» står i «id», men mangler under «dimension».")
    category = raw.get("category")
    if not isinstance(category, dict):
        raise SsbError(where, f"dimensjonen «{dim_id}» mangler «category».")
    index = category.get("index")
    labels = category.get("label") or {}
    if index is None:  # allowed by the format when there is one category: take the label's key
        index = list(labels)
    if isinstance(index, dict):
        codes = [None] * len(index)
        for code, position in index.items():
            if not isinstance(position, int) or not 0 <= position < len(index) or codes[position] is not None:
                raise SsbError(
                    where, f"«category.index» i dimensjonen «{dim_id}» har en ugyldig posisjon for «{code}»."
                )
            codes[position] = code
    elif isinstance(index, list):
        codes = [str(code) for code in index]
        if len(set(codes)) != len(codes):
            raise SsbError(where, f"«category.index» i dimensjonen «{dim_id}» har samme kode flere ganger.")
    else:
        raise SsbError(where, f"«category.index» i dimensjonen «{dim_id}» er verken objekt eller liste.")
    if len(codes) != size:
        raise SsbError(
            where,
            f"dimensjonen «{dim_id}» har {len(codes)} kategorier, men «size» sier {size}.",
            "like mange kategorier som «size» oppgir",
        )
    if not isinstance(labels, dict):
        raise SsbError(where, f"«category.label» i dimensjonen «{dim_id}» er ikke et objekt.")
    for text in [*codes, *labels.values()]:
        if not isinstance(text, str) or len(text) > MAX_TEXT:
            raise SsbError(
                where,
                f"dimensjonen «{dim_id}» har en kode eller et navn som ikke er tekst på høyst {MAX_TEXT} tegn.",
            )
    role = next((name for name, ids in roles.items() if isinstance(ids, list) and dim_id in ids), None)
    return Dimension(
        id=dim_id,
        label=str(raw.get("label", dim_id)),
        codes=codes,
        labels=[str(labels.get(code, code)) for code in codes],
        role=role,
        extension=raw.get("extension") or {},
    )


def _dimensions(doc: dict, where: str) -> tuple[list[Dimension], list[int]]:
    ids = _require(doc, "id", list, where)
    sizes = _require(doc, "size", list, where)
    dims = _require(doc, "dimension", dict, where)
    if len(ids) != len(sizes):
        raise SsbError(where, f"«id» har {len(ids)} dimensjoner, men «size» har {len(sizes)} tall.", "like mange")
    if not all(isinstance(s, int) and not isinstance(s, bool) and s >= 0 for s in sizes):
        raise SsbError(where, "«size» skal bare ha hele tall.")
    if len(sizes) > MAX_DIMENSIONS or any(s > MAX_CATEGORIES for s in sizes) or math.prod(sizes) > MAX_CELLS:
        raise SsbError(
            where,
            f"«size» ({', '.join(map(str, sizes[:MAX_DIMENSIONS]))}) er større enn dashbordet tar imot.",
            f"høyst {MAX_DIMENSIONS} dimensjoner, {MAX_CATEGORIES:,} kategorier per dimensjon og "
            f"{MAX_CELLS:,} celler i alt".replace(",", " "),
        )
    if len(set(ids)) != len(ids):
        raise SsbError(where, "«id» nevner samme dimensjon flere ganger.")
    roles = doc.get("role") or {}
    return [_dimension(i, s, dims.get(i), roles, where) for i, s in zip(ids, sizes, strict=True)], sizes


def _values(raw: object, cells: int, where: str) -> np.ndarray:
    if isinstance(raw, dict):  # the sparse form: flat position -> value
        values = np.full(cells, np.nan)
        for key, value in raw.items():
            position = _position(key, cells, where, "value")
            values[position] = _number(value, position, where)
        return values
    if not isinstance(raw, list):
        raise SsbError(where, "«value» er verken liste eller objekt.")
    if len(raw) != cells:
        raise SsbError(
            where,
            f"«value» har {len(raw)} verdier, men «size» gir {cells} celler.",
            "én verdi per celle (produktet av «size»)",
        )
    if not set(map(type, raw)) <= _NUMBER_TYPES:  # numpy would turn "12" into 12.0: refuse text instead
        for position, value in enumerate(raw):
            _number(value, position, where)
    return np.array(raw, dtype=float)


_NUMBER_TYPES = {int, float, type(None)}


def _number(value: object, position: int, where: str) -> float:
    if value is None:
        return math.nan
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise SsbError(where, f"verdi nr. {position} er «{value}», ikke et tall.", "et tall eller null")
    return float(value)


def _position(key: object, cells: int, where: str, what: str) -> int:
    try:
        position = int(key)
    except (TypeError, ValueError):
        position = -1
    if not 0 <= position < cells:
        raise SsbError(where, f"«{what}» har posisjonen «{key}», som ikke finnes (datasettet har {cells} celler).")
    return position


def _status(raw: object, cells: int, where: str) -> pd.Categorical:
    if raw is None:
        return pd.Categorical.from_codes(np.full(cells, -1, dtype=np.int8), categories=[])
    if isinstance(raw, str):
        return pd.Categorical.from_codes(np.zeros(cells, dtype=np.int8), categories=[raw])
    if isinstance(raw, list):
        if len(raw) == 1:
            return _status(raw[0], cells, where)
        if len(raw) != cells:
            raise SsbError(where, f"«status» har {len(raw)} symboler, men datasettet har {cells} celler.")
        return pd.Categorical([None if s is None else str(s) for s in raw])
    if isinstance(raw, dict):
        positions = [_position(key, cells, where, "status") for key in raw]
        symbols = [str(s) for s in raw.values()]
        categories = sorted(set(symbols))
        codes = np.full(cells, -1, dtype=np.int8 if len(categories) < 127 else np.int32)
        lookup = {s: i for i, s in enumerate(categories)}
        codes[positions] = [lookup[s] for s in symbols]
        return pd.Categorical.from_codes(codes, categories=categories)
    raise SsbError(where, "«status» er verken tekst, liste eller objekt.")


def _codes_column(values: list[str], repeat: int, tile: int) -> pd.Categorical:
    """The category of every cell for one dimension, as a categorical (one small int per cell)."""
    uniques, mapping = _unique(values)
    dtype = np.int8 if len(uniques) < 127 else np.int16 if len(uniques) < 32_000 else np.int32
    pattern = np.repeat(mapping.astype(dtype), repeat)
    return pd.Categorical.from_codes(np.tile(pattern, tile), categories=uniques)


def _unique(values: list[str]) -> tuple[list[str], np.ndarray]:
    # labels need not be unique (two codes may share a label), categories must be
    seen: dict[str, int] = {}
    mapping = np.array([seen.setdefault(v, len(seen)) for v in values], dtype=np.int64)
    return list(seen), mapping


def read(text: str | bytes | dict, where: str = "SSB") -> Dataset:
    """Parse a JSON-stat2 dataset; raise SsbError (Norwegian) for anything that does not add up."""
    doc = _load(text, where)
    if doc.get("class", "dataset") != "dataset":
        raise SsbError(where, f"klassen er «{doc.get('class')}».", "«dataset»")
    dims, sizes = _dimensions(doc, where)
    cells = math.prod(sizes)
    values = _values(_require(doc, "value", (list, dict), where), cells, where)
    status = _status(doc.get("status"), cells, where)
    symbol = np.asarray(status.isin(list(SYMBOLS)))
    values[symbol] = np.nan  # a symbol is never a number, and never a zero

    columns: dict[str, object] = {}
    for k, dim in enumerate(dims):
        inner, outer = math.prod(sizes[k + 1 :]), math.prod(sizes[:k])  # the last id varies fastest
        columns[dim.id] = _codes_column(dim.codes, inner, outer)
        columns[f"{dim.id}_label"] = _codes_column(dim.labels, inner, outer)
    columns["value"] = values
    columns["status"] = status
    return _dataset(doc, dims, where, pd.DataFrame(columns, copy=False))


def read_metadata(text: str | bytes | dict, where: str = "SSB") -> Dataset:
    """The dimensions of a table from PxWebApi v2's metadata endpoint (JSON-stat2 without values)."""
    doc = _load(text, where)
    dims, _ = _dimensions(doc, where)
    return _dataset(doc, dims, where)


def _updated(value: object, where: str) -> str | None:
    """SSB's «updated» as it came, once it is known to be an ISO date or time (the view formats it)."""
    if value is None:
        return None
    try:
        if not isinstance(value, str) or len(value) > 40:
            raise ValueError
        dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        shown = str(value)[:40] if isinstance(value, (str, int, float)) else type(value).__name__
        raise SsbError(
            where, f"«updated» er «{shown}», ikke en dato.", "en ISO-tid som «2025-03-11T07:00:00Z»"
        ) from None
    return value


def _dataset(doc: dict, dims: list[Dimension], where: str, frame: pd.DataFrame | None = None) -> Dataset:
    extension = doc.get("extension") or {}
    px = (extension.get("px") if isinstance(extension, dict) else None) or {}
    table = (px.get("tableid") or px.get("tableId")) if isinstance(px, dict) else None
    return Dataset(
        label=str(doc.get("label", "")),
        source=str(doc.get("source", "")),
        updated=_updated(doc.get("updated"), where),
        table=str(table) if table else None,
        dimensions=dims,
        frame=frame,
    )
