"""The values a figure draws, as rows: ``results/figures/<id>.data.csv``.

Each figure module's ``plotted(data, config)`` returns one row per value it draws, taken
from the same selections its ``draw`` uses. A row names the table of this pipeline the
value comes from and the line of that table's file its row starts on (the header of a
table of results/ is line 1), and, where that table carries them, the source file and
row the value was read from; so a reader can go from a bar to the source's cell. A
row's ``quantity`` is the column of its table that holds the value, and the figures'
test reads each value back from that cell. A value the figure works out itself (the
rest of a bar, the neodymium a forecast implies) says how in its ``quantity``, and
names the table row it was worked out from where there is one.
"""

from __future__ import annotations

import csv

import pandas as pd

COLUMNS = (
    "measure",
    "series",
    "commodity",
    "country_code",
    "year",
    "period",
    "quantity",
    "value",
    "unit",
    "flag",
    "table",
    "table_row",
    "source_file",
    "source_row",
)
# columns taken from the table's column of the same name unless given
DEFAULTS = ("measure", "commodity", "country_code", "year", "flag")
SHARE = "fraction of the world total"
HHI = "HHI points (0-10,000)"
QUOTA_UNIT = "t (the sources do not say of what; rare-earth oxide, it seems)"


def take(frame: pd.DataFrame, table: str, quantity: str, **fields) -> pd.DataFrame:
    """The rows of ``frame`` (rows of the catalogue table ``table``, its index as read),
    their column ``quantity`` as the value. ``fields`` give the other columns, a value
    for every row or a Series aligned with ``frame``; those of ``DEFAULTS`` are the
    frame's column of that name unless given."""
    out = pd.DataFrame(index=frame.index)
    for column in COLUMNS:
        given = fields.get(column)
        if given is None and column in DEFAULTS and column in frame:
            given = frame[column]
        out[column] = "" if given is None else given
    out["quantity"], out["value"], out["table"] = quantity, frame[quantity], table
    out["table_row"] = frame.index  # the record, made a line by frame()
    given = {c for c, v in fields.items() if v is not None}
    if "source_file" not in given and ("file" in frame or "source_file" in frame):
        out["source_file"] = frame["file" if "file" in frame else "source_file"]
    if "source_row" not in given and "row" in frame:
        out["source_row"] = frame["row"]
    return out.reset_index(drop=True)


def worked_out(rows: list[dict]) -> pd.DataFrame:
    """Values the figure computes, ``quantity`` saying how (and ``table`` and
    ``table_row`` the row they come from, where one does: its index as the table is read)."""
    return pd.DataFrame([{**dict.fromkeys(COLUMNS, ""), **r} for r in rows], columns=COLUMNS)


def record_lines(path) -> list[int]:
    """The line each record of a CSV starts on (the header's first), as
    :func:`raremetals.core.io.read_reference` reads it: lines starting with # skipped, a
    quoted cell allowed to run over several lines."""
    with open(path, encoding="utf-8", newline="") as fh:
        lines = [(number, line) for number, line in enumerate(fh, 1) if not line.startswith("#")]
    taken = [0]

    def feed():
        for i, (_, line) in enumerate(lines):
            taken[0] = i
            yield line

    starts, next_line = [], 0
    for _ in csv.reader(feed()):
        starts.append(lines[next_line][0])
        next_line = taken[0] + 1
    return starts


def frame(parts: list[pd.DataFrame], paths: dict[str, str]) -> pd.DataFrame:
    """The figure's rows in one table, each ``table`` (a catalogue name) as its file and
    each record of it as the line it starts on."""
    d = pd.concat([p for p in parts if len(p)], ignore_index=True)[list(COLUMNS)]
    d["table"] = d["table"].map(lambda name: str(paths.get(name, name)) if name else "")
    for column in ("year", "table_row", "source_row"):
        d[column] = pd.to_numeric(d[column].replace("", None)).astype("Int64")
    for path in d.loc[d["table_row"].notna(), "table"].unique():
        lines = record_lines(path)
        rows = d["table"] == path
        d.loc[rows, "table_row"] = [lines[int(i) + 1] for i in d.loc[rows, "table_row"]]
    d["value"] = pd.to_numeric(d["value"].replace("", None)).astype(float)
    text = [c for c in COLUMNS if c not in ("year", "value", "table_row", "source_row")]
    from raremetals.core.schemas.figures import FIGURE_DATA

    return FIGURE_DATA.validate(d.fillna({c: "" for c in text}))
