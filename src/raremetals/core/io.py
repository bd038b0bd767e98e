"""Reading source text and writing result tables the same way every time.

pandas is imported by the functions that need it, so that the jobs that only copy,
hash or read YAML start quickly."""

from __future__ import annotations

import csv
import hashlib
import io
import os
import re
import tempfile
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from raremetals.core.errors import InputError, OutputError

if TYPE_CHECKING:
    import pandas as pd


GUNZIP_LIMIT = 256 * 2**20  # a gzip file larger than this once inflated is refused


def _read_bytes(path: Path) -> bytes:
    """A file's bytes; a ``.gz`` file's inflated, up to ``GUNZIP_LIMIT`` (a small file
    must not inflate into one that fills the memory)."""
    if path.suffix != ".gz":
        return path.read_bytes()
    import gzip
    import zlib

    try:
        with gzip.open(path) as fh:
            data = fh.read(GUNZIP_LIMIT + 1)
    except (OSError, EOFError, zlib.error) as err:
        raise InputError(path, "a gzip file", str(err)) from None
    if len(data) > GUNZIP_LIMIT:
        raise InputError(path, f"at most {GUNZIP_LIMIT // 2**20} MiB once inflated", "more")
    return data


def read_text(path, encoding: str = "utf-8-sig") -> str:
    """Return a source file's text, decoded as UTF-8 (a leading byte-order mark dropped)
    or, for a source that says so, in another ``encoding``.

    A file declared cp1252 that decodes as UTF-8 with non-ASCII characters is refused:
    read as cp1252 it would turn "—" into "â€”" without an error.
    """
    data = _read_bytes(Path(path))
    if not data.strip():
        raise InputError(path, "a non-empty file", "an empty file")
    name = "UTF-8" if encoding.startswith("utf-8") else encoding
    if encoding == "cp1252" and not data.isascii():
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            pass
        else:
            raise InputError(path, "cp1252 text", "UTF-8 text")
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        raise InputError(
            path, f"{name} text", f"byte {data[err.start]:#04x} that is not {name}", row=line
        ) from None


def read_csv_rows(
    path, headerless_values: bool = False, encoding: str = "utf-8-sig"
) -> list[list[str]]:
    """Return a CSV file as a list of rows of strings, header first.

    A value in a column without a header is refused (:func:`refuse_headerless`) unless
    ``headerless_values``: then the caller corrects the header first and checks itself.
    """
    reader = csv.reader(io.StringIO(read_text(path, encoding), newline=""))
    try:
        rows = list(reader)
    except csv.Error as err:  # a field past the csv module's limit, an unclosed quote
        raise InputError(path, "a CSV row", str(err), row=reader.line_num) from None
    if len(rows) < 2 or not any(cell.strip() for row in rows[1:] for cell in row):
        raise InputError(path, "a header and at least one data row", "a header only")
    refuse_repeated_names(path, rows[0])
    if not headerless_values:
        refuse_headerless(path, rows[0], rows[1:])
    return rows


def refuse_repeated_names(path, header: list[str]) -> None:
    """A column name given twice is an error: a reader would take one of the two columns,
    or both, for the same thing."""
    seen: dict[str, int] = {}
    for i, name in enumerate(header, start=1):
        name = name.strip()
        if name and name in seen:
            raise InputError(
                path,
                f"each column named once (column {seen[name]} has the same name)",
                name,
                row=1,
                column=f"column {i}",
            )
        seen.setdefault(name, i)


def refuse_missing_columns(path, header: list[str], wanted) -> None:
    """A header without one of the columns a reader takes is refused, naming those."""
    missing = [c for c in wanted if c not in header]
    if missing:
        raise InputError(path, f"the columns {', '.join(missing)}", ", ".join(header), row=1)


def refuse_headerless(path, header: list[str], rows: list[list[str]]) -> None:
    """A value in a column without a header (an empty header cell, or a row longer than
    the header) is an error: nothing says what it is, and dropping it would be silent."""
    for rownum, cells in enumerate(rows, start=2):
        for i, cell in enumerate(cells):
            if cell.strip() and (i >= len(header) or not header[i].strip()):
                raise InputError(
                    path,
                    "no value in a column without a header",
                    cell.strip(),
                    row=rownum,
                    column=f"column {i + 1}, no header",
                )


def atomic_write(path, text: str | bytes) -> None:
    """Write text (or bytes) to path so a reader never sees a half-written file.

    A disk that is full, read-only or not ours is an :class:`OutputError` naming the
    file, not a traceback; the temporary file is removed either way."""
    path = Path(path)
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
        if isinstance(text, bytes):
            with os.fdopen(fd, "wb") as fh:
                fh.write(text)
        else:
            with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
                fh.write(text)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except OSError as err:
        raise OutputError(path, err) from None
    finally:
        if tmp and os.path.exists(tmp):
            os.unlink(tmp)


def sha256_of(path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


@cache
def _unique_key_loader():
    import yaml

    class UniqueKeyLoader(yaml.CSafeLoader):
        """YAML keeps the last of two equal keys without a word; here the second is an
        error (two registry entries for one source, say)."""

        def construct_mapping(self, node, deep=False):
            seen = set()
            for key_node, _ in node.value:
                key = self.construct_object(key_node, deep=deep)
                if key in seen:
                    raise yaml.constructor.ConstructorError(
                        None, None, f"the key {key!r} a second time", key_node.start_mark
                    )
                seen.add(key)
            return super().construct_mapping(node, deep)

    return UniqueKeyLoader


def _refuse_anchors(path, text: str) -> None:
    """Anchors and aliases are refused before anything is built from the events: nine
    nested aliases stand for 9**9 items, which a schema check (or its error message)
    would expand. The project's YAML files need neither."""
    import yaml

    for event in yaml.parse(text, Loader=yaml.CSafeLoader):
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            mark = event.start_mark
            raise InputError(
                path,
                f"plain YAML without anchors or aliases (line {mark.line + 1}, "
                f"column {mark.column + 1})",
                ("*" if isinstance(event, yaml.AliasEvent) else "&") + event.anchor,
            )


def read_yaml(path):
    """A YAML file's data; a syntax error, a key given twice, an anchor or alias, or a tag
    that would build a Python object (``!!python/...``) is an error naming the file, line
    and column."""
    import yaml

    try:
        text = Path(path).read_text(encoding="utf-8")
        _refuse_anchors(path, text)
        return yaml.load(text, Loader=_unique_key_loader())
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else "somewhere"
        found = (err.problem or "").strip()
        if "python/" in str(err):
            found = "a !!python tag (it would run code; only plain YAML is read)"
        raise InputError(path, f"valid YAML ({where})", found) from None
    except yaml.YAMLError as err:
        raise InputError(path, "valid YAML", str(err).strip()) from None


# A cell a spreadsheet evaluates as a formula (OWASP, "CSV Injection"): it begins with one
# of these, after any apostrophes the rule itself added
_FORMULA = re.compile(r"'*[=+\-@\t\r]")
SPREADSHEET_RULE = (
    "text; a cell beginning with =, +, -, @, a tab or a carriage return (a formula to a "
    "spreadsheet), unless it is a plain number, is written with a leading apostrophe (')"
)


def _a_number(cell: str) -> bool:
    try:
        float(cell.replace(",", "").removesuffix("%"))
    except ValueError:
        return False
    return True


def spreadsheet_safe(cell):
    """A text cell as the results' CSV files hold it: one a spreadsheet would evaluate gets
    a leading apostrophe, as OWASP advises ("= 16304 + 5978" is written "'= 16304 + 5978");
    a plain number ("-40") and a lone sign are left. ``spreadsheet_text`` undoes it."""
    if not isinstance(cell, str) or len(cell) < 2 or not _FORMULA.match(cell):
        return cell
    return cell if _a_number(cell) else "'" + cell


def spreadsheet_text(cell):
    """The text a cell written by ``spreadsheet_safe`` holds (its exact inverse)."""
    if isinstance(cell, str) and cell.startswith("'") and spreadsheet_safe(cell[1:]) == cell:
        return cell[1:]
    return cell


def write_table(df: pd.DataFrame, path, sort_by: list[str] | None = None) -> None:
    """Write a table as CSV with sorted rows and stable formatting (same data, same bytes);
    text cells are written spreadsheet-safe (``spreadsheet_safe``)."""
    if sort_by:
        df = df.sort_values(sort_by, kind="mergesort", na_position="last")
    text = df.select_dtypes(include=["object", "string"]).columns
    if len(text):
        df = df.assign(**{c: df[c].map(spreadsheet_safe) for c in text})
    atomic_write(path, df.to_csv(index=False, lineterminator="\n", float_format="%.15g"))


def read_tidy(path, schema) -> pd.DataFrame:
    """Read a table this pipeline wrote: text stays text (an empty cell is ''), a
    float column's empty cell is missing, and the schema is checked again."""
    import pandas as pd

    kinds = {name: str(col.dtype) for name, col in schema.columns.items()}
    # a number column's empty cell is missing: floats, and integers that may be missing
    floats = [name for name, kind in kinds.items() if kind in ("float64", "Int64")]
    dtype = {
        name: {"float64": float, "str": str, "Int64": "Int64"}[kind]
        for name, kind in kinds.items()
        if kind in ("float64", "str", "Int64")
    }
    df = pd.read_csv(path, keep_default_na=False, na_values={c: [""] for c in floats}, dtype=dtype)
    text = df.select_dtypes(include=["object", "string"]).columns
    if len(text):
        df = df.assign(**{c: df[c].map(spreadsheet_text) for c in text})
    return schema.validate(df)


def read_as_printed(path, schema) -> pd.DataFrame:
    """A compiled source table as text cells, with ``file`` and ``row`` (line, header = 1).

    A missing or extra column is an error naming the file and the columns expected (a
    further column is taken where the schema gives a pattern for it: ``name_<language>``).
    So is a cell the schema's checks refuse, named by line and column.
    """
    import pandas as pd
    import pandera.pandas as pa

    path = Path(path)
    rows = read_csv_rows(path)
    columns = schema.columns.items()
    expected = [c for c, col in columns if not col.regex and c not in ("file", "row")]
    further = [re.compile(c) for c, col in columns if col.regex]
    fixed = [h for h in rows[0] if h in expected]
    extra = [h for h in rows[0] if h not in expected]
    if fixed != expected or not all(any(p.match(h) for p in further) for h in extra):
        raise InputError(path, f"the columns {', '.join(expected)}", ", ".join(rows[0]), row=1)
    df = pd.DataFrame(rows[1:], columns=rows[0]).assign(file=path.name)
    df["row"] = range(2, len(df) + 2)
    try:
        return schema.validate(df[[any(cells) for cells in rows[1:]]])
    except pa.errors.SchemaError as err:
        raise _cell_error(path, df, err) from None


def _cell_error(path: Path, df, err) -> InputError:
    """The first cell a schema check refused (or the second of two rows that share their
    key), named by file, line and column."""
    import pandera.pandas as pa

    cases = err.failure_cases
    if err.reason_code == pa.errors.SchemaErrorReason.DUPLICATES:
        key = list(err.schema.unique)
        first, again = sorted(set(cases["index"]))[:2]
        return InputError(
            path,
            f"one row per {', '.join(key)} (the same as row {df.loc[first, 'row']})",
            ", ".join(df.loc[again, key]),
            row=int(df.loc[again, "row"]),
        )
    case = cases.iloc[0]
    row = df.loc[case["index"], "row"] if case.get("index") is not None else None
    expected = getattr(err.check, "error", None) or str(err.check or "a valid value")
    return InputError(
        path,
        expected,
        str(case["failure_case"]),
        row=None if row is None else int(row),
        column=getattr(err.schema, "name", None),
    )


def refuse_first(bad: pd.DataFrame, column: str, what: str) -> None:
    """Stop at the first of ``bad``, rows of a table read with their ``file`` and ``row``."""
    if len(bad):
        first = bad.iloc[0]
        raise InputError(first["file"], what, first[column], row=int(first["row"]), column=column)


def as_numbers(rows: pd.DataFrame, column: str, what: str) -> pd.Series:
    """A text column of a table read with its lines, as numbers; a cell that is none is an
    error naming its file and line."""
    import pandas as pd

    values = pd.to_numeric(rows[column], errors="coerce")
    refuse_first(rows[values.isna()], column, what)
    return values


def read_reference(path) -> pd.DataFrame:
    """A table of data/ (commodities, elements, corrections) as text cells; lines that
    start with # are comments (a # inside a cell is kept)."""
    import pandas as pd

    lines = read_text(path).splitlines(keepends=True)
    body = "".join(line for line in lines if not line.startswith("#"))
    refuse_repeated_names(path, next(csv.reader(io.StringIO(body)), []))
    try:
        return pd.read_csv(io.StringIO(body), dtype=str, keep_default_na=False)
    except pd.errors.ParserError as err:
        # pandas counts the lines it was given: the comments above are not among them
        raise InputError(path, "rows of as many cells as the header", str(err)) from None
