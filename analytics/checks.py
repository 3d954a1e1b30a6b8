"""Reading and checking data files: every problem becomes a DataError with a message in Norwegian."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
import yaml

Parser = Callable[[str], object]

MAX_TEXT = 5_000  # characters in one field of a data file (the longest shipped text has a few hundred)
# Control characters are refused in data: NUL made the Excel template and the deck fail without a word.
# Tab and line breaks are fine (a quoted CSV field or a folded YAML text may hold them).
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class DataError(ValueError):
    """A data file that does not hold what it should; str() is a message a person can act on."""

    def __init__(self, file, problem, row=None, column=None, expected=None):
        self.file, self.row, self.column, self.expected = str(file), row, column, expected
        self.problem = problem
        where = f"Feil i {self.file}"
        if row is not None:
            where += f", rad {row}"
        if column is not None:
            where += f", kolonne «{column}»"
        text = f"{where}: {problem}"
        if expected:
            text += f" Forventet: {expected}."
        super().__init__(text)

    def shown_as(self, name: str) -> DataError:
        """The same error naming the file as `name` (relative to the data folder: no server path for a reader)."""
        return DataError(name, self.problem, self.row, self.column, self.expected)


@dataclass(frozen=True)
class Column:
    """A column of a CSV file: how to parse a cell and whether it may be empty."""

    parse: Parser
    required: bool = True
    default: object = None
    dtype: str | None = None
    may_be_absent: bool = False  # a column added later: files written before it need not have it


def text(value: str) -> str:
    """Any text, trimmed."""
    return value.strip()


def slug(value: str) -> str:
    """An identifier of lower-case letters, digits and hyphens."""
    if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", value.strip()):
        raise ValueError("en id med små bokstaver a–z, sifre og bindestrek (for eksempel «petah-tikva»)")
    return value.strip()


def country_code(value: str) -> str:
    """An ISO 3166-1 alpha-2 country code."""
    if not re.fullmatch(r"[A-Z]{2}", value.strip()):
        raise ValueError("en landkode med to store bokstaver (ISO 3166-1, for eksempel «NO»)")
    return value.strip()


def number_between(low: float, high: float) -> Parser:
    """A decimal number in [low, high]; a decimal comma is accepted."""

    def parse(value: str) -> float:
        try:
            number = float(value.strip().replace(",", "."))
        except ValueError:
            number = None
        if number is None or not low <= number <= high:
            raise ValueError(f"et tall mellom {low:g} og {high:g}")
        return number

    return parse


def year_between(low: int, high: int) -> Parser:
    """A whole year in [low, high]."""

    def parse(value: str) -> int:
        if not re.fullmatch(r"\d{4}", value.strip()) or not low <= int(value) <= high:
            raise ValueError(f"et årstall mellom {low} og {high}")
        return int(value)

    return parse


def iso_date(value: str) -> dt.date:
    """A date written as YYYY-MM-DD."""
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise ValueError("en dato som ÅÅÅÅ-MM-DD (for eksempel «2019-08-29»)") from None


def iso_time(value: str) -> str:
    """A date or time in ISO 8601 («2025-03-11» or «2025-03-11T07:00:00Z»), kept as written."""
    try:
        dt.datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        raise ValueError("en ISO-tid som «2025-03-11T07:00:00Z»") from None
    return value.strip()


def sdg_list(value: str) -> tuple[int, ...]:
    """FN's bærekraftsmål as numbers 1–17 separated by semicolons ("13;17")."""
    parts = [p.strip() for p in value.replace(",", ";").split(";") if p.strip()]
    if not parts or not all(p.isdigit() and 1 <= int(p) <= 17 for p in parts):
        raise ValueError("bærekraftsmål som tall fra 1 til 17 skilt med semikolon (for eksempel «13;17»)")
    return tuple(sorted({int(p) for p in parts}))


def one_of(*allowed: str) -> Parser:
    """One of a fixed set of values."""

    def parse(value: str) -> str:
        if value.strip() not in allowed:
            raise ValueError("én av " + ", ".join(f"«{a}»" for a in allowed))
        return value.strip()

    return parse


def boolean(value: str) -> bool:
    """true/false (ja/nei accepted)."""
    word = value.strip().lower()
    if word in ("true", "ja", "yes", "1"):
        return True
    if word in ("false", "nei", "no", "0"):
        return False
    raise ValueError("«true» eller «false» (eller «ja»/«nei»)")


def relative(error: DataError, base: Path) -> DataError:
    """The error naming its file relative to `base` (the data folder), so no server path reaches a reader."""
    try:
        name = Path(error.file).resolve().relative_to(Path(base).resolve()).as_posix()
    except ValueError:
        name = Path(error.file).name
    return error.shown_as(name)


def text_problem(value: str) -> str | None:
    """Why a text from a data file is refused (too long, a control character), or None."""
    if len(value) > MAX_TEXT:
        return f"teksten har {len(value):,} tegn.".replace(",", " ")
    match = CONTROL.search(value)
    if match:
        return f"teksten har et kontrolltegn (U+{ord(match.group()):04X}) på plass {match.start() + 1}."
    return None


TEXT_EXPECTED = f"tekst på høyst {MAX_TEXT:,} tegn uten kontrolltegn (som NUL)".replace(",", " ")


def read_text(path: Path) -> str:
    """The file's text as UTF-8 (a BOM from Excel is fine)."""
    try:
        raw = path.read_bytes()
    except OSError as err:
        raise DataError(path, f"filen kan ikke leses ({err.strerror}).") from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        raise DataError(
            path,
            f"filen er ikke lagret som UTF-8 (ugyldig tegn på linje {line}).",
            expected="UTF-8-tekst; i Excel: «Lagre som» → «CSV UTF-8 (kommadelt)»",
        ) from None


def _delimiter(path: Path, header: str, columns: dict[str, Column]) -> str:
    for delimiter in (",", ";"):
        if set(columns) & {name.strip() for name in header.split(delimiter)}:
            return delimiter
    raise DataError(
        path,
        f"finner ingen kjente kolonner i første linje («{header[:80]}»).",
        row=1,
        expected="komma eller semikolon som skilletegn og kolonnene " + ", ".join(columns),
    )


def read_csv(path: Path, columns: dict[str, Column]) -> pd.DataFrame:
    """Rows of a CSV file parsed by `columns`; the first problem found raises a DataError.

    A well-formed file is read by pyarrow and checked column by column (each distinct value parsed once); the
    first row any check refuses is then parsed again by `_parse_row`, which raises the same error, naming the
    same row and column, as reading row by row would. A file pyarrow cannot read as a plain table (a row with
    too many or too few fields, a field over the csv module's limit) is read row by row, as before."""
    content = read_text(path)
    if not content.strip():
        raise DataError(path, "filen er tom.", expected="en overskriftslinje og minst én rad")
    header = _first_line(content)
    delimiter = _delimiter(path, header, columns)
    fields = _read_fields(content, header, delimiter)
    if fields is None:
        return read_csv_by_row(path, columns, content=content)
    _require_columns(path, list(fields), columns)
    frame = _checked(path, fields, columns)
    return read_csv_by_row(path, columns, content=content) if frame is None else frame


def read_csv_by_row(path: Path, columns: dict[str, Column], content: str | None = None) -> pd.DataFrame:
    """`read_csv` one row at a time with the csv module (the reference the fast path is tested against)."""
    if content is None:
        content = read_text(path)
        if not content.strip():
            raise DataError(path, "filen er tom.", expected="en overskriftslinje og minst én rad")
    header = content.splitlines()[0]
    reader = csv.DictReader(io.StringIO(content), delimiter=_delimiter(path, header, columns))
    present = [f.strip() for f in reader.fieldnames]
    _require_columns(path, present, columns)
    reader.fieldnames = [f.strip() for f in reader.fieldnames]
    records = []
    try:
        for line, row in enumerate(reader, start=2):
            records.append(_parse_row(path, line, row, columns))
    except csv.Error as error:  # e.g. a field over csv.field_size_limit() (131 072 characters)
        problem = "et felt er lengre enn 131 072 tegn." if "field limit" in str(error) else "raden kan ikke leses."
        raise DataError(path, problem, row=len(records) + 2, expected=TEXT_EXPECTED) from None
    frame = pd.DataFrame.from_records(records, columns=list(columns))
    return frame.astype({name: c.dtype for name, c in columns.items() if c.dtype})


def _require_columns(path: Path, present: list[str], columns: dict[str, Column]) -> None:
    missing = [name for name, column in columns.items() if name not in present and not column.may_be_absent]
    if missing:
        raise DataError(
            path,
            "kolonnen mangler.",
            row=1,
            column=missing[0],
            expected="kolonnene " + ", ".join(columns),
        )


def _first_line(content: str) -> str:
    """content.splitlines()[0] without splitting the whole file."""
    end = content.find("\n")
    return (content if end < 0 else content[: end + 1]).splitlines()[0]


def _read_fields(content: str, header: str, delimiter: str):
    """Every field of the file as a pyarrow column of text, by (stripped) column name, or None where only the
    csv module can say what the file holds: pyarrow is missing or refuses the file (a row with too many or too
    few fields), or a column name occurs twice."""
    try:
        from pyarrow import ArrowInvalid, string  # noqa: PLC0415 - only when a file is read
        from pyarrow import csv as arrow_csv  # noqa: PLC0415
    except ImportError:
        return None
    header = next(csv.reader(io.StringIO(header), delimiter=delimiter), [])
    names = [name.strip() for name in header]
    if not names or len(set(names)) != len(names):
        return None
    # A line break inside a value needs quotes around it; a file without a quote character has none, and pyarrow
    # then splits the file into blocks at line breaks and parses them in parallel (half the work of looking for
    # quoted line breaks, on the national file).
    quoted = '"' in content
    try:
        table = arrow_csv.read_csv(
            io.BytesIO(content.encode("utf-8")),
            read_options=arrow_csv.ReadOptions(
                column_names=names, skip_rows=1, block_size=1 << 24 if quoted else 1 << 22
            ),
            parse_options=arrow_csv.ParseOptions(delimiter=delimiter, newlines_in_values=quoted),
            convert_options=arrow_csv.ConvertOptions(
                column_types={name: string() for name in names},
                strings_can_be_null=False,
                quoted_strings_can_be_null=False,
            ),
        )
    except (ArrowInvalid, ValueError):
        return None
    return {name: table.column(name) for name in names}


@dataclass
class _Distinct:
    """One column as its distinct texts (`texts`) and, per row, the position of its text there (`rows`)."""

    texts: list[str]
    rows: np.ndarray

    @classmethod
    def of(cls, column) -> _Distinct:
        encoded = column.dictionary_encode().combine_chunks()
        return cls(encoded.dictionary.to_pylist(), encoded.indices.to_numpy(zero_copy_only=False))


def _checked(path: Path, fields: dict, columns: dict[str, Column]) -> pd.DataFrame | None:
    """The parsed frame, each check and parser run once per distinct text of a column; the first refused row is
    parsed again by `_parse_row` for its message. None (read it row by row) for a file without rows or with a
    field longer than the csv module accepts (its own message names that row)."""
    rows = len(next(iter(fields.values())))
    if not rows:
        return None
    distinct = {name: _Distinct.of(column) for name, column in fields.items()}
    limit = csv.field_size_limit()
    if any(len(text) > limit for d in distinct.values() for text in d.texts):
        return None
    bad = np.zeros(rows, dtype=bool)
    for d in distinct.values():
        bad |= np.array([text_problem(text) is not None for text in d.texts], dtype=bool)[d.rows]
    parsed = {}
    for name, column in columns.items():
        d = distinct.get(name) or _Distinct([""], np.zeros(rows, dtype=np.intp))
        values = np.empty(len(d.texts), dtype=object)
        refused = np.zeros(len(d.texts), dtype=bool)
        for i, raw in enumerate(d.texts):
            value = raw.strip()
            if not value:
                values[i], refused[i] = column.default, column.required
                continue
            try:
                values[i] = column.parse(value)
            except ValueError:
                refused[i] = True
        bad |= refused[d.rows]
        parsed[name] = _spread(values, d, fields.get(name), column)
    if bad.any():
        position = int(bad.nonzero()[0][0])
        row = {name: d.texts[d.rows[position]] for name, d in distinct.items()}
        _parse_row(path, position + 2, row, columns)
        return None  # not expected: the row parser finds no fault in the row; read row by row to be sure
    frame = pd.DataFrame(parsed, columns=list(columns))
    return frame.astype({name: c.dtype for name, c in columns.items() if c.dtype})


def _spread(values: np.ndarray, d: _Distinct, field, column: Column) -> pd.Series:
    """The parsed distinct `values` spread over the rows. The column's type is inferred from its distinct values,
    as pandas would from every row. Where parsing kept every text as it was (an empty one as missing) the file's
    own column is used, without spreading; a column with a type (`dtype`) is converted before it is spread."""
    texts = d.texts
    if (
        column.dtype is None
        and field is not None
        and any(texts)
        and all(
            v == raw if isinstance(v, str) else (v is None and raw == "") for v, raw in zip(values, texts, strict=True)
        )
    ):
        import pyarrow as pa  # noqa: PLC0415 - only here, where the column came from pyarrow
        import pyarrow.compute as pc  # noqa: PLC0415

        missing = any(v is None for v in values)  # the empty text, read as missing (else it stays "")
        kept = pc.if_else(pc.equal(field, ""), pa.scalar(None, pa.string()), field) if missing else field
        return pd.Series(kept.to_pandas(), name=None).reset_index(drop=True)
    distinct = pd.Series(values.tolist())
    if column.dtype:
        distinct = distinct.astype(column.dtype)
    return distinct.take(d.rows).reset_index(drop=True)


def _parse_row(path: Path, line: int, row: dict, columns: dict[str, Column]) -> dict:
    if None in row:
        raise DataError(
            path,
            "raden har flere felt enn overskriften.",
            row=line,
            expected=f"{len(columns)} felt",
        )
    for name, value in row.items():
        problem = text_problem(value or "") if isinstance(value, str) else None
        if problem:
            raise DataError(path, problem, row=line, column=name, expected=TEXT_EXPECTED)
    parsed = {}
    for name, column in columns.items():
        value = (row.get(name) or "").strip()
        if not value:
            if column.required:
                raise DataError(path, "feltet er tomt.", row=line, column=name, expected="en verdi")
            parsed[name] = column.default
            continue
        try:
            parsed[name] = column.parse(value)
        except ValueError as err:
            raise DataError(path, f"verdien «{value}» er ugyldig.", row=line, column=name, expected=str(err)) from None
    return parsed


def first_row(mask: pd.Series) -> int:
    """The position of the first True in a boolean column."""
    return int(mask.to_numpy().nonzero()[0][0])


def require_unique(path: Path, frame: pd.DataFrame, column: str) -> None:
    """Raise if a value occurs twice in `column` (rows counted as file lines)."""
    duplicated = frame[column].duplicated()
    if duplicated.any():
        position = first_row(duplicated)
        value = frame[column].iloc[position]
        raise DataError(
            path,
            f"«{value}» forekommer mer enn én gang.",
            row=position + 2,
            column=column,
            expected="unike verdier",
        )


def require_unique_pairs(path: Path, frame: pd.DataFrame, columns: list[str]) -> None:
    """Raise if the same combination of `columns` occurs twice."""
    duplicated = frame.duplicated(subset=columns)
    if duplicated.any():
        position = first_row(duplicated)
        pair = ", ".join(f"{c}={frame[c].iloc[position]}" for c in columns)
        raise DataError(
            path,
            f"kombinasjonen {pair} forekommer mer enn én gang.",
            row=position + 2,
            column=columns[-1],
            expected="hver kombinasjon én gang",
        )


def require_known(path: Path, frame: pd.DataFrame, column: str, known, what: str) -> None:
    """Raise if a non-empty value in `column` is not in `known`."""
    unknown = frame[column].notna() & ~frame[column].isin(list(known))
    if unknown.any():
        position = first_row(unknown)
        value = frame[column].iloc[position]
        raise DataError(path, f"«{value}» er ikke {what}.", row=position + 2, column=column, expected=f"{what}")


class _SafeLoaderWithoutAliases(yaml.SafeLoader):
    """yaml.SafeLoader that refuses an alias (*name): an alias bomb would otherwise expand without end."""

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.composer.ComposerError(
                None, None, f"en YAML-alias (*{event.anchor}) er ikke tillatt", event.start_mark
            )
        return super().compose_node(parent, index)


MAX_YAML_DEPTH = 20


def read_yaml(path: Path):
    """The parsed YAML document (no aliases, every text bounded and free of control characters); a syntax error
    names its line."""
    content = read_text(path)
    try:
        document = yaml.load(content, Loader=_SafeLoaderWithoutAliases)  # noqa: S506 - a SafeLoader subclass
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark
        line = mark.line + 1 if mark else None
        raise DataError(path, f"ugyldig YAML ({err.problem}).", row=line, expected="gyldig YAML") from None
    except yaml.YAMLError as err:  # e.g. a control character, found by the reader before parsing
        raise DataError(path, f"ugyldig YAML ({_yaml_reason(err)}).", expected="gyldig YAML") from None
    except RecursionError:
        raise DataError(path, "YAML-en er nestet for dypt.", expected=f"høyst {MAX_YAML_DEPTH} nivåer") from None
    _check_yaml_texts(path, document)
    return document


def _yaml_reason(err: yaml.YAMLError) -> str:
    if isinstance(err, yaml.reader.ReaderError):
        return (
            f"et kontrolltegn (U+{err.character:04X}) på plass {err.position + 1}"
            if isinstance(err.character, int)
            else "et tegn som ikke er tillatt"
        )
    return type(err).__name__


def _check_yaml_texts(path: Path, document) -> None:
    """Every text in the document is bounded and free of control characters; nesting is bounded (walked without
    recursion)."""
    stack = [(document, "", 1)]
    while stack:
        node, where, depth = stack.pop()
        if depth > MAX_YAML_DEPTH:
            raise DataError(
                path, "YAML-en er nestet for dypt.", column=where, expected=f"høyst {MAX_YAML_DEPTH} nivåer"
            )
        if isinstance(node, dict):
            stack += [(value, f"{where}.{key}" if where else str(key), depth + 1) for key, value in node.items()]
            stack += [(key, where, depth + 1) for key in node if isinstance(key, str)]
        elif isinstance(node, list):
            stack += [(value, f"{where}[{i}]", depth + 1) for i, value in enumerate(node)]
        elif isinstance(node, str):
            problem = text_problem(node)
            if problem:
                raise DataError(path, problem, column=where or None, expected=TEXT_EXPECTED)
