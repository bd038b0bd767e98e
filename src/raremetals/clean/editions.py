"""The USGS editions checked against each other where they overlap, laid side by side, and
the best series taken from them.

Consecutive editions give the same production (and capacity) figure for one year: MCS 2023
gives 2022 as an estimate, MCS 2024 the revised figure. Reserves are restated every
edition for the latest year, and move slowly. So the same commodity x series x country is
paired across consecutive editions, for the same year (production, capacity) or for
consecutive reserve years (reserves), and the two values compared:

- a ratio within a factor of ``10**SCALE_WINDOW`` of 10^3 or 10^6 (either way) is a
  unit-scale disagreement: one of the two headers is wrong. It must be explained by a
  finding of ``data/corrections/usgs_units.csv`` (a corrected unit, after which the values
  agree, or a confirmed revision); an unexplained one stops the build;
- any other difference is a revision: both values are kept and listed.

:func:`values_by_edition` lays every value out against the editions that give it, and
:func:`best_series` takes each commodity x measure x year from the latest edition that
gives it, whole (all countries from one edition, so that shares add up).

Series are paired by their Type text with spelling slips folded ("Mne", "grosss",
"poduction"); where a commodity has one series per measure in both editions, the two are
paired whatever their wording.
"""

from __future__ import annotations

import math
import re

import pandas as pd

from raremetals.core.errors import InputError
from raremetals.core.vocab import PAPER_EDITION

SCALE_WINDOW = 0.5  # log10: ratios from 10^2.5 to 10^3.5 count as "near 10^3"
SAME = 0.005  # relative difference below which two values are the same figure
_SLIPS = {"mne": "mine", "grosss": "gross", "poduction": "production", "ilmentite": "ilmenite"}

COLUMNS = [
    "commodity",
    "measure",
    "series",
    "country_code",
    "edition_earlier",
    "year_earlier",
    "value_earlier",
    "value_raw_earlier",
    "ref_earlier",
    "edition_later",
    "year_later",
    "value_later",
    "value_raw_later",
    "ref_later",
    "unit",
    "ratio",
    "scale",
    "unit_findings",
    "verdict",
]


def series_key(series: str) -> str:
    words = re.findall(r"[a-z0-9]+", series.lower())
    return " ".join(_SLIPS.get(w, w) for w in words)


def unit_scale(ratio: float) -> int:
    """The power of ten (a multiple of 3, not 0) that ``ratio`` is near, else 0."""
    if not (ratio > 0 and math.isfinite(ratio)):
        return 0
    log = math.log10(ratio)
    k = round(log / 3)
    return 3 * k if k and abs(log - 3 * k) < SCALE_WINDOW else 0


def _cells(obs: pd.DataFrame) -> pd.DataFrame:
    """One row per edition x commodity x measure x series x country x year: the country's
    rows summed (a country the source lists twice, e.g. two US helium rows), with refs."""
    d = obs[obs["value"].notna() & (obs["area_type"] != "")].copy()
    single = d.groupby(["edition", "commodity", "measure"])["series"].transform("nunique") == 1
    d["skey"] = d["series"].map(series_key)
    d.loc[single, "skey"] = "*"
    d["ref"] = d["file"] + ":" + d["row"].astype(str) + ":" + d["column"]
    keys = ["edition", "commodity", "measure", "skey", "country_code", "year"]
    d = d.sort_values(keys + ["row"])
    # a country on several rows is grouped; the rest, most cells, are taken as they are
    twice = d.duplicated(keys, keep=False)
    summed = (
        d[twice]
        .groupby(keys, sort=True)
        .agg(
            series=("series", "first"),
            value=("value", "sum"),
            value_raw=("value_raw", "; ".join),
            ref=("ref", "; ".join),
            unit=("unit", "first"),
            findings=("unit_finding", lambda s: ";".join(sorted(set(s) - {""}))),
        )
        .reset_index()
    )
    once = d.loc[~twice, keys + ["series", "value", "value_raw", "ref", "unit"]]
    once = once.assign(findings=d.loc[~twice, "unit_finding"])
    cells = pd.concat([once, summed[once.columns]], ignore_index=True)
    return cells.sort_values(keys, kind="mergesort").reset_index(drop=True)


def _pairs(cells: pd.DataFrame) -> pd.DataFrame:
    editions = sorted(cells["edition"].unique())
    frames = []
    for earlier, later in zip(editions, editions[1:]):
        a = cells[cells["edition"] == earlier]
        b = cells[cells["edition"] == later]
        on = ["commodity", "measure", "skey", "country_code"]
        flows = a[a["measure"] != "reserves"].merge(
            b[b["measure"] != "reserves"], on=on + ["year"], suffixes=("_earlier", "_later")
        )
        flows["year_earlier"] = flows["year_later"] = flows["year"]
        stocks = a[a["measure"] == "reserves"].merge(
            b[b["measure"] == "reserves"], on=on, suffixes=("_earlier", "_later")
        )
        frames += [flows.drop(columns="year"), stocks]
    pairs = pd.concat(frames, ignore_index=True)
    # a single series on both sides pairs whatever its wording; never across units
    return pairs[pairs["unit_earlier"] == pairs["unit_later"]]


def compare_editions(obs: pd.DataFrame, revisions: set[str]) -> pd.DataFrame:
    """Every value two consecutive editions both give, with the ratio and a verdict:
    ``same``, ``revision``, ``unit-corrected`` (one side's header unit was corrected and
    the two now agree in scale), ``confirmed-revision`` (near a power of 10^3, but a
    finding in ``revisions`` says it is a real revision) or ``unit-scale`` (unexplained:
    :func:`check_unit_scale` refuses it)."""
    p = _pairs(_cells(obs))
    out = pd.DataFrame(
        {
            "commodity": p["commodity"],
            "measure": p["measure"],
            "series": p["series_later"],
            "country_code": p["country_code"],
            **{
                f"{c}_{side}": p[f"{c}_{side}"]
                for side in ("earlier", "later")
                for c in ("edition", "year", "value", "value_raw", "ref")
            },
            "unit": p["unit_later"],
        }
    )
    # 0 against 0 is the same figure; a value against 0 has no ratio
    out["ratio"] = (p["value_later"] / p["value_earlier"].where(p["value_earlier"] > 0)).where(
        (p["value_earlier"] > 0) | (p["value_later"] > 0), 1.0
    )
    out["scale"] = out["ratio"].map(unit_scale)
    found = (p["findings_earlier"] + ";" + p["findings_later"]).str.strip(";")
    out["unit_findings"] = found
    out["verdict"] = [
        _verdict(r, s, set(f.split(";")) - {""}, revisions)
        for r, s, f in zip(out["ratio"], out["scale"], found)
    ]
    return (
        out[COLUMNS]
        .sort_values(
            ["commodity", "measure", "series", "country_code", "edition_earlier"], kind="mergesort"
        )
        .reset_index(drop=True)
    )


def _verdict(ratio: float, scale: int, findings: set[str], revisions: set[str]) -> str:
    if scale:
        return "confirmed-revision" if findings & revisions else "unit-scale"
    if findings - revisions:
        return "unit-corrected"
    return "same" if abs(ratio - 1) <= SAME else "revision"


def check_unit_scale(comparison: pd.DataFrame, findings_path) -> None:
    """Stop on a unit-scale disagreement that no finding explains, naming both cells."""
    bad = comparison[comparison["verdict"] == "unit-scale"]
    if bad.empty:
        return
    r = bad.iloc[0]
    file, row, column = r["ref_later"].split("; ")[0].split(":")
    raise InputError(
        file,
        f"a value on the scale of {r['edition_earlier']}'s "
        f"{r['ref_earlier']} ({r['value_raw_earlier']}), the same {r['commodity']} "
        f"{r['measure']} of {r['country_code']}; a ratio of {r['ratio']:.4g} is a unit error "
        f"in one of the two headers (or a revision): record which, with the evidence, in "
        f"{findings_path} ({len(bad)} such pairs in all)",
        r["value_raw_later"],
        row=int(row),
        column=column,
    )


def _series_keys(obs: pd.DataFrame) -> pd.Series:
    """The series key of each row: its folded Type text, or "*" where its edition has one
    series for the commodity and measure."""
    single = obs.groupby(["edition", "commodity", "measure"])["series"].transform("nunique") == 1
    return obs["series"].map(series_key).where(~single, "*")


def paper_values(table3: pd.DataFrame) -> pd.DataFrame:
    """The paper's 2009 production and reserves (corrected Table 3: world totals and the
    countries it ranks) in the columns :func:`values_by_edition` reads."""
    t = table3[table3["measure"].isin(["production", "reserves"]) & (table3["area_type"] != "")]
    return pd.DataFrame(
        {
            "edition": PAPER_EDITION,
            "commodity": t["commodity"],
            "measure": t["measure"],
            "series": "Table 3",
            "country_code": t["country_code"],
            "area_type": t["area_type"],
            "year": t["year"],
            "unit": t["unit"],
            "value": t["value"],
            "value_raw": t["value_as_printed"],
            "file": t["file"],
            "row": t["row"],
            "column": t["field"],
        }
    )


def _joined(cells: pd.DataFrame, group: pd.Series, column: str, sep: str) -> list[str]:
    """``column`` joined with ``sep`` within each group (``group``: each row's group
    number, in the groups' sorted order), the rows in their order; as lists, since a
    string join per group costs seconds as a pandas aggregation over 20,000 groups."""
    parts: list[list[str]] = [[] for _ in range(group.max() + 1)]
    for n, value in zip(group.tolist(), cells[column].tolist()):
        parts[n].append(value)
    return [sep.join(p) for p in parts]


def values_by_edition(
    obs: pd.DataFrame, paper: pd.DataFrame | None = None, editions=None
) -> pd.DataFrame:
    """Each commodity x measure x series x country x year with its value in every edition
    that gives it (``value_<edition>``, the cell as printed in ``raw_<edition>``; a
    country listed twice is summed), which edition the best series takes it from, and
    whether the editions' numbers differ (``revised``: by more than 0.5 %). The paper's
    2009 (:func:`paper_values`) stands alongside as ``value_paper2010``. ``editions``
    (oldest first) names the columns; by default, the editions of ``obs``."""
    editions = sorted(set(obs["edition"])) if editions is None else list(editions)
    d = obs[obs["area_type"] != ""].copy()
    d["skey"] = _series_keys(d)
    if paper is not None:
        d = pd.concat([d, paper.assign(skey="*")], ignore_index=True)
    d["ref"] = d["edition"] + " " + d["file"] + ":" + d["row"].astype(str) + ":" + d["column"]
    keys = ["commodity", "measure", "skey", "country_code", "year"]
    d = d.sort_values(keys + ["edition", "row"]).rename(columns={"value_raw": "raw"})
    # a country on several rows of one edition (helium's two US rows) is their sum; the
    # few such cells are grouped, the rest taken as they are
    twice = d.duplicated(keys + ["edition"], keep=False)
    columns = keys + ["edition", "series", "unit", "value", "raw", "ref"]
    summed = (
        d[twice]
        .groupby(keys + ["edition"], sort=True)
        .agg(
            series=("series", "first"),
            unit=("unit", "first"),
            value=("value", lambda s: s.sum(min_count=1)),
            raw=("raw", "; ".join),
            ref=("ref", "; ".join),
        )
        .reset_index()
    )
    cells = pd.concat([d.loc[~twice, columns], summed[columns]], ignore_index=True)
    cells = cells.sort_values(keys + ["edition"], kind="mergesort").reset_index(drop=True)
    wide = cells.pivot(index=keys, columns="edition", values=["value", "raw"])
    out = pd.DataFrame(index=wide.index)
    for edition in [PAPER_EDITION, *editions]:
        has = ("value", edition) in wide.columns
        out[f"value_{edition}"] = wide[("value", edition)].astype(float) if has else math.nan
        out[f"raw_{edition}"] = wide[("raw", edition)].fillna("") if has else ""
    grouped = cells.groupby(keys)
    last = grouped[["series", "unit"]].last()
    last["editions"] = _joined(cells, grouped.ngroup(), "edition", ";")
    last["refs"] = _joined(cells, grouped.ngroup(), "ref", " | ")
    out = out.join(last).reset_index()
    numbers = out[[f"value_{e}" for e in editions]]  # the paper's 2009 is no edition
    spread = numbers.max(axis=1) / numbers.min(axis=1).where(numbers.min(axis=1) > 0)
    out["revised"] = (numbers.count(axis=1) > 1) & (
        (spread - 1).abs().gt(SAME) | (numbers.min(axis=1).eq(0) & numbers.max(axis=1).gt(0))
    )
    best = best_editions(obs)
    out = out.merge(best, on=["commodity", "measure", "year"], how="left")
    out["best_edition"] = out["best_edition"].fillna(PAPER_EDITION)  # 2009: the paper alone
    columns = ["commodity", "measure", "series", "country_code", "year", "unit"]
    columns += [f"{p}_{e}" for e in [PAPER_EDITION, *editions] for p in ("value", "raw")]
    columns += ["editions", "best_edition", "revised", "refs"]
    return out[columns].sort_values(columns[:5], kind="mergesort").reset_index(drop=True)


def best_editions(obs: pd.DataFrame) -> pd.DataFrame:
    """For each commodity x measure x year, the latest edition that gives it."""
    return (
        obs.groupby(["commodity", "measure", "year"])["edition"]
        .max()
        .rename("best_edition")
        .reset_index()
    )


def best_series(obs: pd.DataFrame) -> pd.DataFrame:
    """The rows of the latest edition for each commodity x measure x year: a year two
    editions give (the estimate of one, the revised figure of the next) comes from the
    later, with every country of it, so that shares and totals stay one edition's."""
    best = best_editions(obs)
    merged = obs.merge(best, on=["commodity", "measure", "year"])
    return merged[merged["edition"] == merged["best_edition"]][obs.columns].reset_index(drop=True)
