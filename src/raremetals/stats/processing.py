"""The processing stage beside mining: for each of the paper's twelve metals that a
vendored source gives the processing of by country (``data/processing_series.csv``),
China's share, the leader and the HHI of each stage in every year both hold, computed by
the same function as the mining statistics (:func:`raremetals.stats.concentration.concentration`).

Two publishers give a processing stage:

- BGS: refined cobalt (1971-2023) and the ferro-alloys of chromium, manganese,
  molybdenum, niobium and vanadium (alloy tonnage, each alloy a series of its own). A
  country that gives several alloys only in one sum (China's "ferro-alloys" from 2011,
  South Africa's, any "other ferro-alloys"; ``holds`` in ``data/bgs_series.csv``) and no
  figure of the alloy itself is a country *without a figure* of that alloy: its output
  may be inside the sum. Its share is unknown, the total a lower bound and the HHI open,
  as for any country without a number; never a zero.
- The IEA: refining and mining of cobalt, lithium and the magnet rare earths in 2024 (and
  copper, nickel and graphite, not among the twelve and kept apart). The base case's
  2030-2040 are projections: :mod:`raremetals.stats.outlook` reads them, this module
  never.

Only shares and HHIs are set side by side: a stage is weighed in its own unit (refined
metal, alloy, ore), so no tonnage is set against another. A side whose world total is a
lower bound gives China's share as "at most" and names no leader (a country without a
number may lead); the gap between the stages is stated only where both shares are
values and the comparison is of one metal (:func:`raremetals.stats.comparability.across_stages`).
"""

from __future__ import annotations

import math
import re

import pandas as pd

from raremetals.core.errors import InputError
from raremetals.core.io import read_reference
from raremetals.core.schemas.processing import MINING_AND_PROCESSING
from raremetals.stats.comparability import Side, across_stages
from raremetals.stats.concentration import concentration
from raremetals.stats.distributions import DIST_COLUMNS
from raremetals.stats.long_run import segments

PUBLISHERS = {"bgs": "BGS", "iea": "IEA", "usgs": "USGS", "paper_table3": "USGS (Table 3)"}
IEA_EDITION = "2024"


def load_plan(path) -> pd.DataFrame:
    """``data/processing_series.csv``: a metal with a series names its publisher and its
    mining side; one without names the reason."""
    plan = read_reference(path)
    for line, r in enumerate(plan.to_dict("records"), start=2):
        if r["series"] and (r["publisher"] not in ("bgs", "iea") or r["mining"] not in PUBLISHERS):
            raise InputError(
                path,
                "a publisher of bgs or iea and a mining side of bgs, iea or usgs",
                f"{r['publisher']}, {r['mining']}",
                row=line,
            )
        if not r["series"] and not r["note"]:
            raise InputError(path, "the reason a metal has no processing series", "nothing")
    twice = plan[plan.duplicated(["commodity", "publisher", "series"])]
    if len(twice):
        raise InputError(path, "each series once", twice["series"].iloc[0])
    return plan


def aggregate_holdings(series_table: pd.DataFrame) -> dict[str, set[str]]:
    """Each BGS series that gives several alloys together -> the series it may hold
    (``*``: any series of its BGS commodity), from ``data/bgs_series.csv``."""
    out = {}
    for r in series_table.to_dict("records"):
        if not r["holds"]:
            continue
        name = f"{r['bgs_commodity']}: {r['bgs_sub_commodity']}"
        held = {f"{r['bgs_commodity']}: {h}" for h in r["holds"].split(";")}
        out[name] = {"*"} if f"{r['bgs_commodity']}: *" in held else held
    return out


def in_aggregate(bgs: pd.DataFrame, series: str, holdings: dict[str, set[str]]) -> pd.DataFrame:
    """Rows without a figure for each country and year whose ``series`` output sits in a
    sum of several alloys (and that gives no row of the series itself): see the module
    docstring."""
    prefix = series.split(": ")[0] + ": "
    sums = [s for s, held in holdings.items() if s.startswith(prefix) and ({"*", series} & held)]
    rows = bgs[bgs["series"].isin(sums) & (bgs["area_type"] == "country")]
    rows = rows[~(rows["value"] == 0)]
    own = bgs[bgs["series"] == series]
    given = set(zip(own["country_code"], own["year"]))
    rows = rows[[k not in given for k in zip(rows["country_code"], rows["year"])]]
    rows = rows.drop_duplicates(["country_code", "year"])
    first = own.iloc[0]  # the plan's series exist (bgs_processing checks)
    return rows.assign(
        series=series,
        commodity=first["commodity"],
        stage=first["stage"],
        basis=first["basis"],
        value=math.nan,
        value_max=math.nan,
        flag="in_aggregate",
    )


def bgs_processing(bgs: pd.DataFrame, plan: pd.DataFrame, holdings) -> pd.DataFrame:
    """The BGS processing series of the plan, with the countries whose output sits in a
    sum of alloys as countries without a figure."""
    rows = plan[(plan["publisher"] == "bgs")]
    frames = []
    for r in rows.to_dict("records"):
        own = bgs[bgs["series"] == r["series"]]
        if own.empty:
            raise InputError(
                "data/processing_series.csv", "a series of bgs_production.csv", r["series"]
            )
        frames += [own, in_aggregate(bgs, r["series"], holdings)]
    d = pd.concat(frames, ignore_index=True)
    d = d.assign(dataset="bgs", edition="bgs", measure="production")
    return d[DIST_COLUMNS].reset_index(drop=True)


def iea_distributions(iea: pd.DataFrame, *, kind: str = "data") -> pd.DataFrame:
    """The IEA's mining and refining by country as distributions (``kind`` data: 2024)."""
    d = iea[iea["kind"] == kind]
    d = d.assign(
        dataset="iea",
        edition=IEA_EDITION,
        series=d["mineral"] + ", " + d["stage"],
        measure="production",
        value_max=math.nan,
    )
    return d[DIST_COLUMNS].reset_index(drop=True)


def _side(conc_row: dict, publisher: str) -> dict:
    """One stage's columns: a lower-bound total makes China's share "at most" and leaves
    the leader unnamed."""
    open_total = bool(conc_row["total_is_lower_bound"])
    return {
        "publisher": PUBLISHERS[publisher],
        "series": conc_row["series"],
        "basis": conc_row["basis"],
        "china_share": conc_row["china_share"],
        "china_share_bound": "at most"
        if open_total and conc_row["china_share"] == conc_row["china_share"]
        else "",
        "leader": "" if open_total else conc_row["cr1_country"],
        "leader_share": math.nan if open_total else conc_row["cr1"],
        "hhi_lower": conc_row["hhi_lower"],
        "hhi_upper": conc_row["hhi_upper"],
        "segment": conc_row.get("segment", math.nan),
    }


def _mining(commodity, source, bgs_mining, usgs_mining, iea_conc, mineral) -> dict[int, dict]:
    """The mining side of a metal by year, from the plan's ``mining`` publisher."""
    if source == "bgs":
        rows = bgs_mining[bgs_mining["commodity"] == commodity]
    elif source == "usgs":
        # the paper's 2009 is Table 3, which quotes USGS (MCS 2010)
        rows = usgs_mining[
            (usgs_mining["commodity"] == commodity) & (usgs_mining["measure"] == "production")
        ].assign(basis="")
        return {int(r["year"]): _side(r, r["dataset"]) for r in rows.to_dict("records")}
    else:
        rows = iea_conc[iea_conc["series"] == f"{mineral}, mining"]
    return {int(r["year"]): _side(r, source) for r in rows.to_dict("records")}


def _in_sums(rows: pd.DataFrame) -> dict[tuple[str, int], list[str]]:
    """(series, year) -> the countries whose alloy is given only in a sum of several."""
    return {
        (series, int(year)): sorted(set(g["country_code"]))
        for (series, year), g in rows.groupby(["series", "year"])
    }


def processing_statistics(plan, bgs, holdings, iea) -> pd.DataFrame:
    """The statistics of every processing distribution of the plan (and of the IEA's
    2024 mining), one row each, with ``in_sums`` noting the countries whose alloy is
    given only in a sum of several."""
    processing = pd.concat(
        [bgs_processing(bgs, plan, holdings), iea_distributions(iea)], ignore_index=True
    )
    in_sums = _in_sums(processing[processing["flag"] == "in_aggregate"])
    conc = concentration(processing, {})
    conc["in_sums"] = [in_sums.get((s, int(y)), []) for s, y in zip(conc["series"], conc["year"])]
    # BGS's breaks in series cut a processing run as they cut a mining one; each series
    # is a run of its own (a metal may have two alloys)
    bgs = processing[processing["dataset"] == "bgs"]
    cuts = pd.concat(
        [
            segments(g.assign(commodity=series)).assign(series=series)
            for series, g in bgs.groupby("series")
        ],
        ignore_index=True,
    )[["series", "year", "segment"]]
    return conc.merge(cuts, on=["series", "year"], how="left")


def _said(codes: list[str]) -> str:
    return f"{';'.join(codes)}: their alloys given only in a sum of several" if codes else ""


def mining_and_processing(
    plan: pd.DataFrame,
    conc: pd.DataFrame,
    iea: pd.DataFrame,
    bgs_mining: pd.DataFrame,
    usgs_mining: pd.DataFrame,
) -> pd.DataFrame:
    """One row per metal, processing series and year both stages hold (see
    ``results/stats/data_dictionary.csv``); ``conc`` is :func:`processing_statistics`."""
    iea_conc = conc[conc["dataset"] == "iea"]
    whats = dict(zip(iea["mineral"], iea["what"]))
    rows = []
    for p in plan[plan["series"] != ""].to_dict("records"):
        name = p["series"] if p["publisher"] == "bgs" else f"{p['series']}, refining"
        mining = _mining(
            p["commodity"], p["mining"], bgs_mining, usgs_mining, iea_conc, p["series"]
        )
        what = whats.get(p["series"], p["commodity"])
        verdict = across_stages(Side(what, stage="mine"), Side(what, stage="processing"))
        for r in conc[conc["series"] == name].to_dict("records"):
            year = int(r["year"])
            if year not in mining:
                continue
            m, q = mining[year], _side(r, p["publisher"])
            gap = math.nan
            if verdict.like and not m["china_share_bound"] and not q["china_share_bound"]:
                gap = q["china_share"] - m["china_share"]
            rows.append(
                {
                    "commodity": p["commodity"],
                    "year": year,
                    **{f"mining_{k}": v for k, v in m.items()},
                    **{f"processing_{k}": v for k, v in q.items()},
                    "processing_stage": r["stage"],
                    "china_gap": gap,
                    "comparable": "shares and HHI" if verdict.like else f"no: {verdict.why}",
                    "processing_china_in_sum": "CHN" in r["in_sums"],
                    "processing_note": "; ".join(filter(None, [r["note"], _said(r["in_sums"])])),
                }
            )
    out = pd.DataFrame(rows).reindex(columns=list(MINING_AND_PROCESSING.columns))
    return out.sort_values(["commodity", "processing_series", "year"], kind="stable")


def series_word(publisher: str, series: str) -> str:
    """A processing series as a key or macro names it: BGS's "ferro-alloys: Ferro-chrome"
    → BGSFerroChrome (``numbers.json``)."""
    words = re.findall(r"[A-Za-z]+", series.removeprefix("ferro-alloys: "))
    return publisher + "".join(w.capitalize() for w in words)


def is_latest(stages: pd.DataFrame) -> pd.Series:
    """Rows of ``mining_and_processing`` in the latest year their series holds both stages."""
    return stages["year"] == stages.groupby(["commodity", "processing_series"])["year"].transform(
        "max"
    )


def latest(stages: pd.DataFrame) -> pd.DataFrame:
    return stages[is_latest(stages)]


def largest_gaps(stages: pd.DataFrame, n: int = 3) -> list[dict]:
    """The metals whose processing is most concentrated in China beside their mining, by
    rule: each metal's largest gap (processing less mining, both values, one metal) in
    the latest year a series holds both stages, the ``n`` largest first. Each with the
    word its ``numbers.json`` entries are keyed by."""
    last = latest(stages)
    known = last[last["china_gap"].notna()].sort_values("china_gap", ascending=False)
    top = known.drop_duplicates("commodity").head(n)
    return [
        {
            "commodity": r["commodity"],
            "word": series_word(r["processing_publisher"], r["processing_series"]),
            "publisher": r["processing_publisher"],
            "series": r["processing_series"],
            "year": int(r["year"]),
        }
        for r in top.to_dict("records")
    ]


def unknown_in_sums(stages: pd.DataFrame) -> list[str]:
    """The metals whose processing share China gives only in a sum of alloys, in the
    latest year their series hold both stages."""
    last = latest(stages)
    return sorted(set(last.loc[last["processing_china_in_sum"], "commodity"]))
