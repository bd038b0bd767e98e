"""Reading source text and writing result tables the same way every time."""

from __future__ import annotations

import csv
import io
import os
import tempfile
from pathlib import Path

import pandas as pd

from .errors import InputError


def read_text(path) -> str:
    """Return a source file's text, decoded as UTF-8 (a leading byte-order mark dropped)."""
    data = Path(path).read_bytes()
    if not data.strip():
        raise InputError(path, "a non-empty file", "an empty file")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        raise InputError(path, "UTF-8 text", f"byte {data[err.start]:#04x} that is not UTF-8",
                         row=line) from None


def read_csv_rows(path, headerless_values: bool = False) -> list[list[str]]:
    """Return a CSV file as a list of rows of strings, header first.

    A value in a column without a header is refused (:func:`refuse_headerless`) unless
    ``headerless_values``: then the caller corrects the header first and checks itself.
    """
    rows = list(csv.reader(io.StringIO(read_text(path), newline="")))
    if len(rows) < 2 or not any(cell.strip() for row in rows[1:] for cell in row):
        raise InputError(path, "a header and at least one data row", "a header only")
    if not headerless_values:
        refuse_headerless(path, rows[0], rows[1:])
    return rows


def refuse_headerless(path, header: list[str], rows: list[list[str]]) -> None:
    """A value in a column without a header (an empty header cell, or a row longer than
    the header) is an error: nothing says what it is, and dropping it would be silent."""
    for rownum, cells in enumerate(rows, start=2):
        for i, cell in enumerate(cells):
            if cell.strip() and (i >= len(header) or not header[i].strip()):
                raise InputError(path, "no value in a column without a header", cell.strip(),
                                 row=rownum, column=f"column {i + 1}, no header")
    return rows


def atomic_write(path, text: str) -> None:
    """Write text to path so a reader never sees a half-written file."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise


def write_table(df: pd.DataFrame, path, sort_by: list[str] | None = None) -> None:
    """Write a table as CSV with sorted rows and stable formatting (same data, same bytes)."""
    if sort_by:
        df = df.sort_values(sort_by, kind="mergesort", na_position="last")
    atomic_write(path, df.to_csv(index=False, lineterminator="\n", float_format="%.15g"))


def read_tidy(path, schema) -> pd.DataFrame:
    """Read a table this pipeline wrote: text stays text (an empty cell is ''), a
    float column's empty cell is missing, and the schema is checked again."""
    kinds = {name: str(col.dtype) for name, col in schema.columns.items()}
    floats = [name for name, kind in kinds.items() if kind == "float64"]
    dtype = {name: {"float64": float, "str": str}[kind] for name, kind in kinds.items()
             if kind in ("float64", "str")}
    df = pd.read_csv(path, keep_default_na=False, na_values={c: [""] for c in floats},
                     dtype=dtype)
    return schema.validate(df)


def read_as_printed(path, schema) -> pd.DataFrame:
    """A compiled source table as text cells, with ``file`` and ``row`` (line, header = 1).

    A missing or extra column is an error naming the file and the columns expected.
    """
    path = Path(path)
    rows = read_csv_rows(path)
    expected = [c for c in schema.columns if c not in ("file", "row")]
    if rows[0] != expected:
        raise InputError(path, f"the columns {', '.join(expected)}", ", ".join(rows[0]), row=1)
    df = pd.DataFrame(rows[1:], columns=rows[0]).assign(file=path.name)
    df["row"] = range(2, len(df) + 2)
    return schema.validate(df[[any(cells) for cells in rows[1:]]])
