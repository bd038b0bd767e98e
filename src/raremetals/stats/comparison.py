"""The paper's twelve metals: 2009 (the corrected Table 3) against the latest year of the
USGS best series, with a middle year the config names."""

from __future__ import annotations

import math

import pandas as pd

from raremetals.clean.editions import series_key
from raremetals.core.schemas.stats import COMPARED


def _one(conc: pd.DataFrame, commodity: str, measure: str, year=None) -> pd.DataFrame:
    """The USGS distributions of a commodity and measure in ``year`` (default: the latest)."""
    d = conc[
        (conc["dataset"] == "usgs")
        & (conc["commodity"] == commodity)
        & (conc["measure"] == measure)
    ]
    return d[d["year"] == (d["year"].max() if year is None else year)]


def _earliest(conc: pd.DataFrame, latest: pd.Series) -> pd.Series:
    """The earliest USGS year of the latest year's kind of series (same stage, unit and
    basis; editions word it apart), the largest such distribution of that year."""
    d = conc[
        (conc["dataset"] == "usgs")
        & (conc["commodity"] == latest["commodity"])
        & (conc["measure"] == latest["measure"])
        & (conc["stage"] == latest["stage"])
        & (conc["unit"] == latest["unit"])
        & (conc["basis"] == latest["basis"])
        & conc["total"].gt(0)
    ]
    if d.empty:
        return latest
    first = d[d["year"] == d["year"].min()]
    return first.sort_values("total").iloc[-1]


def _comparable(old, new, earliest, ratio_bounds) -> tuple[bool, list[str]]:
    """Whether 2009 and the latest year can be set side by side, and why not in full.

    Growth over sixteen years can pass any factor (lithium: 18 kt to 290 kt), so the
    paper's 2009 total is held against the USGS series' earliest year (2020), nearest in
    time; from there to the latest year the USGS series is one publisher's, on one basis.
    """
    why = []
    if not old["total"] > 0:
        why.append("the paper gives no 2009 total")
    if not new["total"] > 0:
        why.append(f"the USGS gives no {int(new['year'])} total")
    if why:
        return False, why
    if old["unit"] != new["unit"]:
        why.append(f"units differ (the paper's {old['unit']}, the USGS's {new['unit']})")
    step = earliest["total"] / old["total"]
    if not (ratio_bounds[0] <= step <= ratio_bounds[1]):
        why.append(
            f"the paper's 2009 total and the USGS's {int(earliest['year'])} total differ by "
            f"a factor of {step:.3g}, outside {ratio_bounds[0]:g} to {ratio_bounds[1]:g}: "
            "the two likely measure on different bases"
        )
    return not why, why


def paper_comparison(
    conc: pd.DataFrame, commodities: pd.DataFrame, middle_year: int, ratio_bounds=(0.1, 10.0)
) -> pd.DataFrame:
    """The paper's twelve metals: 2009 (paper) against the latest year of the best series
    (each year from the latest edition that gives it), with ``middle_year`` shown too.

    The paper does not state the basis (content, gross weight, oxide) of its figures and
    its source (MCS 2010) is not in the snapshot, so comparability is checked by what can
    be checked: the same unit, one USGS series per metal, and world totals within a factor
    of ten of each other. A row that fails is flagged, not dropped.
    """
    metals = commodities[commodities["paper_order"] != ""].drop_duplicates("commodity")
    mid = str(middle_year)
    out = []
    for m in metals.sort_values("paper_order", key=lambda s: s.astype(int)).to_dict("records"):
        for measure in ("production", "reserves"):
            old = conc[
                (conc["dataset"] == "paper_table3")
                & (conc["commodity"] == m["commodity"])
                & (conc["measure"] == measure)
            ]
            new = _one(conc, m["commodity"], measure)
            row = {
                "commodity": m["commodity"],
                "name_en": m["name_en"],
                "name_ja": m["name_ja"],
                "symbol": m["symbol"],
                "measure": measure,
            }
            notes = []
            if len(old) != 1 or len(new) != 1:
                notes.append(
                    f"{len(old)} paper and {len(new)} USGS distributions; nothing compared"
                )
                out.append({**row, "comparable": False, "comparability_note": "; ".join(notes)})
                continue
            o, n = old.iloc[0], new.iloc[0]
            row.update(
                {
                    "year_2009": float(o["year"]),
                    "edition_latest": n["edition"],
                    "year_latest": float(n["year"]),
                    "unit": n["unit"],
                    "basis_latest": n["basis"],
                    "series_latest": n["series"],
                }
            )
            between = _one(conc, m["commodity"], measure, middle_year)
            if len(between) > 1:  # the series the latest year has
                between = between[between["series"].map(series_key) == series_key(n["series"])]
            years = {"2009": o, "latest": n}
            if len(between) == 1:
                years[mid] = between.iloc[0]
                row[f"edition_{mid}"] = years[mid]["edition"]
            for when, r in years.items():
                for col in COMPARED:
                    row[f"{col}_{when}"] = r.get(col)
                # the world total as the source gives it (shares may be of the listed sum)
                if not math.isnan(r["world_total"]):
                    row[f"total_{when}"] = r["world_total"]
            ratio = row["total_latest"] / row["total_2009"] if row["total_2009"] > 0 else math.nan
            row["total_ratio"] = ratio
            comparable, why = _comparable(o, n, _earliest(conc, n), ratio_bounds)
            notes += why
            for when, label in ((mid, mid), ("latest", "latest year's")):
                if row.get(f"total_is_lower_bound_{when}"):
                    missing = years[when]["unquantified_countries"]
                    notes.append(
                        f"the {label} world total is only a lower bound (the source gives "
                        "none, or gives it as a bound)"
                        + (f"; countries without a number: {missing}" if missing else "")
                    )
            notes.append(
                "2009 basis not stated in the paper (MCS 2010 not in the snapshot); "
                f"taken to be the USGS series basis ({n['basis']})"
            )
            out.append(
                {**row, "comparable": bool(comparable), "comparability_note": "; ".join(notes)}
            )
    out = pd.DataFrame(out)
    flags = [
        c for c in out.columns if c.startswith(("cr3_is_lower_bound_", "total_is_lower_bound_"))
    ]
    out[flags] = out[flags].astype(object)  # true, false or unknown
    return out
