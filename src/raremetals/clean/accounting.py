"""Which distribution each USGS row belongs to, and an account of every row of the files.

A *distribution* is what shares are computed within: one edition x commodity x series x
measure x year, a world total and the countries it covers. The releases word the series
of one table unlike each other: MCS 2026 puts a country's qualifier into the series
("Mine production: steatite" for India beside "Mine production" for the world total) and
changes letter case between the countries and their total ("Mine production: Ilmenite",
"Mine production: ilmenite"); MCS 2025 words the US row apart ("Soda ash, natural, mine
production" beside "Mine production, natural") and puts two world totals in one series
(titanium's "World total (ilmenite and rutile)" under ilmenite). The rules here, one for
every edition:

1. Within a commodity x measure x year, a series that holds a world total *heads* a
   distribution. A world total whose own qualifier names more than its series ("ilmenite
   and rutile" under ilmenite) is a total of its own.
2. A series without a world total joins the head worded the same (ignoring case,
   punctuation, "estimated", "rounded" and the commodity's own name), else the only
   head; its own words stay in ``series_raw``. A head that is a world total alone, joined
   by one series, takes that series' name (MCS 2022-2024 word their world totals apart:
   "World total mine production: rutile (rounded)"). Where there are several heads and none is
   worded the same, the build stops: which distribution the countries belong to is then
   a question the data do not answer.
3. A world total that no country joins is a total the source gives without a breakdown
   (synthetic soda ash, titanium's ilmenite and rutile): it is kept and accounted for,
   and computes no shares. One left beside countries without a total stops the build.

:func:`row_accounting` then lists every cell read and every row not read, with the
distribution it ended in or the reason it is in none, and stops on a row of a file that
neither claims.
"""

from __future__ import annotations

import pandas as pd

from raremetals.clean.editions import series_key
from raremetals.core.errors import InputError
from raremetals.core.io import read_csv_rows

GROUP = ["edition", "commodity", "measure", "year"]
WORLD_ONLY = "a world total the source gives without countries: no shares"
_FILLER = {"estimated", "rounded", "e", "total", "world"}
UNIT_KINDS = {"t": "mass", "carat": "carats", "m3": "volume"}


def _words(text: str, own: set[str]) -> frozenset[str]:
    return frozenset(series_key(text).split()) - _FILLER - own


def _split_world_totals(rows: list[int], col: dict, own: set[str]) -> None:
    """Where a series has several world rows, keep the one whose qualifier says nothing
    beyond the series' words as its total, and give each other one a series of its own
    (``series [qualifier]``)."""
    series, area = col["series"], col["area_type"]
    world: dict[str, list[int]] = {}
    for i in rows:
        if area[i] == "world":
            world.setdefault(series[i], []).append(i)
    for name in sorted(world):
        w = world[name]
        if len(w) < 2:
            continue
        words = _words(name, own)
        mine = [i for i in w if _words(col["country_qualifier"][i], own) <= words]
        if len(mine) != 1:
            raise InputError(
                col["file"][w[0]],
                f"one world total per series, or one whose qualifier says it is the "
                f"series' own ({len(w)} world totals in '{name}')",
                "; ".join(col["country_raw"][i].strip() for i in w),
                row=int(col["row"][w[0]]),
            )
        for i in w:
            if i != mine[0]:
                series[i] = f"{name} [{col['country_qualifier'][i]}]"


def _join_to_totals(key, rows: list[int], col: dict, own: set[str]) -> None:
    """Join each series without a world total to the total worded like it (or to the one
    total there is); a world total worded on its own that one series joins takes that
    series' name, so that editions name it alike."""
    series, area = col["series"], col["area_type"]
    before = {i: series[i] for i in rows}
    heads = sorted({before[i] for i in rows if area[i] == "world"})
    by_words: dict[frozenset, list[str]] = {}
    for h in heads:
        by_words.setdefault(_words(h, own), []).append(h)
    joined: dict[str, list[str]] = {}
    for name in sorted(set(before.values()) - set(heads)):
        same = by_words.get(_words(name, own), [])
        if len(same) == 1:
            target = same[0]
        elif len(heads) == 1:
            target = heads[0]
        elif not heads:
            continue  # a table without world totals: each series is its own
        else:
            first = next(i for i in rows if before[i] == name)
            raise InputError(
                col["file"][first],
                f"countries of a series that has a world total; '{name}' has none "
                f"and none of {', '.join(repr(h) for h in heads)} is worded like it",
                f"{key[1]} {key[2]} {key[3]}",
                row=int(col["row"][first]),
            )
        for i in rows:
            if before[i] == name:
                series[i] = target
        joined.setdefault(target, []).append(name)
    alone = {before[i] for i in rows if area[i] != "world"}
    for target, parts in joined.items():
        if len(parts) == 1 and target not in alone:
            for i in rows:
                if series[i] == target:
                    series[i] = parts[0]


def assign_distributions(obs: pd.DataFrame, commodity_names: dict[str, str]) -> pd.DataFrame:
    """``obs`` with ``series`` the distribution's series, ``series_raw`` the row's own
    words and ``excluded`` the reason a row is in no distribution ("" for most).
    ``commodity_names`` maps a commodity id to its English name, whose words a series may
    repeat ("Soda ash, natural, mine production").

    The rows are read as lists, group by group: thousands of small groups cost seconds as
    data frame operations and milliseconds as list ones."""
    obs = obs.assign(series_raw=obs["series"], excluded="")
    names = ("series", "area_type", "country_qualifier", "country_raw", "file", "row")
    col = {c: obs[c].tolist() for c in names}
    excluded = [""] * len(obs)
    for key, rows in obs.groupby(GROUP, sort=False).indices.items():
        rows = rows.tolist()
        own = set(series_key(commodity_names.get(key[1], "")).split())
        _split_world_totals(rows, col, own)
        _join_to_totals(key, rows, col, own)
        area, series = col["area_type"], col["series"]
        has_countries = {series[i] for i in rows if area[i] != "world"}
        for i in rows:  # a world total split off above is one of them
            if area[i] == "world" and series[i] not in has_countries:
                excluded[i] = WORLD_ONLY
    return obs.assign(series=col["series"], excluded=excluded)


def check_one_unit(obs: pd.DataFrame) -> None:
    """Stop on a row whose unit is of another kind than its distribution's (carats among
    metric tons): shares of it would add carats to tons. The row is named, measured
    against the world total's unit, or against the first row's where there is none."""
    keys = [*GROUP, "series"]
    mixed = obs[obs.groupby(keys, sort=False)["unit"].transform("nunique") > 1]
    for (*key, series), g in mixed.groupby(keys, sort=False):
        world = g[g["area_type"] == "world"]
        first = (world if len(world) else g).iloc[0]
        r = g[g["unit"] != first["unit"]].iloc[0]
        whose = "the world total" if len(world) else "the first row"
        raise InputError(
            r["file"],
            f"a unit of {UNIT_KINDS[first['unit']]} like that of row {first['row']}, "
            f"{whose} of {key[1]} {key[2]} {key[3]} ('{series}': {first['unit_raw']})",
            r["unit_raw"],
            row=int(r["row"]),
        )


ACCOUNT_COLUMNS = [
    "edition",
    "file",
    "row",
    "column",
    "commodity",
    "measure",
    "year",
    "country_raw",
    "value_raw",
    "distribution",
    "role",
    "reason",
]


def _role(obs: pd.DataFrame) -> pd.Series:
    flags = obs["flag"].str.split(";")
    role = (
        obs["area_type"]
        .map({"world": "world total", "country": "country", "residual": "other countries"})
        .fillna(obs["area_type"])
    )
    no_number = obs["value"].isna()
    role = role.where(~(no_number & (obs["area_type"] == "country")), "country without a number")
    bound = flags.map(lambda f: bool({"<", ">"} & set(f))) & (obs["area_type"] == "country")
    role = role.where(~bound, "country with a bound only (unassigned)")
    return role.where(~flags.map(lambda f: "suspect" in f), "suspect value (counted as unknown)")


def row_accounting(obs: pd.DataFrame, not_read: pd.DataFrame) -> pd.DataFrame:
    """Every cell read (with its distribution, or the reason it is in none) and every row
    not read (with its reason), one table."""
    key = obs["edition"] + "|" + obs["commodity"] + "|" + obs["series"]
    key = key + "|" + obs["measure"] + "|" + obs["year"].astype(str)
    read = pd.DataFrame(
        {
            **{c: obs[c] for c in ACCOUNT_COLUMNS if c in obs.columns},
            "distribution": key.where(obs["excluded"] == "", ""),
            "role": _role(obs),
            "reason": obs["excluded"],
        }
    )
    skipped = not_read.assign(column="", measure="", year=pd.NA, country_raw="", value_raw="")
    skipped = skipped.assign(distribution="", role="not read", commodity="")
    out = pd.concat([read, skipped[ACCOUNT_COLUMNS]], ignore_index=True)
    out["year"] = out["year"].astype("Int64")
    out["row"] = out["row"].astype(int)
    return (
        out[ACCOUNT_COLUMNS]
        .sort_values(["edition", "file", "row", "column"])
        .reset_index(drop=True)
    )


def check_every_row(account: pd.DataFrame, files: dict[str, tuple[str, set[int]]]) -> None:
    """Stop on a data row of a file that the account does not hold, or on a cell it holds
    twice. ``files`` maps a file name to (its path, the numbers of its data rows), as
    read from the file itself."""
    twice = account[account.duplicated(["edition", "file", "row", "column"], keep=False)]
    if len(twice):
        r = twice.iloc[0]
        raise InputError(
            files.get(r["file"], (r["file"],))[0],
            "each cell in one distribution or one exclusion",
            f"cell {r['column'] or '(row)'} read twice",
            row=int(r["row"]),
        )
    claimed = account.groupby("file")["row"].agg(set).to_dict()
    for name, (path, rows) in sorted(files.items()):
        missing = sorted(rows - claimed.get(name, set()))
        if missing:
            raise InputError(
                path,
                "a row that ends in a distribution or is excluded with its reason "
                f"({len(missing)} rows claimed by neither)",
                "an unclaimed row",
                row=missing[0],
            )


def data_row_numbers(path, encoding: str = "utf-8-sig") -> set[int]:
    """The line numbers of a CSV file's rows after the header that hold anything, read
    from the file itself (not from what a parser kept)."""
    rows = read_csv_rows(path, headerless_values=True, encoding=encoding)
    return {n for n, cells in enumerate(rows[1:], start=2) if any(c.strip() for c in cells)}


def check_repeated_series(obs: pd.DataFrame, corrections_path, least: int = 4) -> None:
    """Stop on a distribution whose numbers repeat, country for country, those of another
    measure of the same commodity in the same or the next edition (MCS 2025's indium
    "reserves" are MCS 2026's refinery capacity, its magnesium "reserves" its own
    capacity): a column copied into another's place. Two distributions repeat when at
    least ``least`` countries give a non-zero number in both, every
    one of them equal, and they are most of either's numbers. Cells flagged ``suspect``
    (``corrections_path``, with the evidence) are left out, so a documented case passes
    and the next one stops the build."""
    d = obs[
        (obs["value"] > 0)
        & (obs["area_type"] == "country")
        & ~obs["flag"].str.contains("suspect", regex=False)
        & (obs["excluded"] == "")
    ]
    keys = ["edition", "commodity", "series", "measure", "year"]
    numbers = {
        key: (dict(zip(g["country_code"], g["value"])), g.iloc[0])
        for key, g in d.groupby(keys, sort=True)
        if len(g) >= least
    }
    editions = sorted(set(obs["edition"]))
    near = {e: set(editions[max(0, i - 1) : i + 2]) for i, e in enumerate(editions)}
    by_commodity: dict[str, list] = {}
    for key in numbers:
        by_commodity.setdefault(key[1], []).append(key)
    for group in by_commodity.values():
        for a in group:
            for b in group:
                if a >= b or a[3] == b[3] or b[0] not in near[a[0]]:
                    continue
                va, vb = numbers[a][0], numbers[b][0]
                both = set(va) & set(vb)
                if len(both) < least or 2 * len(both) <= max(len(va), len(vb)):
                    continue
                if all(va[c] == vb[c] for c in both):
                    this, other = (b, a) if b[3] == "reserves" else (a, b)
                    r = numbers[this][1]
                    raise InputError(
                        r["file"],
                        f"{r['measure']} that do not repeat another measure; these equal "
                        f"the {other[3]} of {other[0]} ('{other[2]}', {other[4]}) for "
                        f"{len(both)} countries, each the same number; if the column "
                        f"holds that measure, record "
                        f"its cells as suspect in {corrections_path} with the evidence",
                        f"{r['commodity']} {r['measure']} {r['year']}",
                        row=int(r["row"]),
                        column=r["column"],
                    )
