"""The EU's view beside the pipeline's: the supply-risk scores of the EU's criticality
assessments (2011-2023) against the pipeline's governance-weighted HHI of production for
the same materials, with a rank correlation per assessment; and the 2023 report's global
supply shares against the pipeline's.

Which EU material stands for which metal is ``data/eu_materials.csv`` (heavy and light
rare earths both beside the pipeline's rare earths as a whole, counted once in a rank
correlation; for the 2023 shares, which the report gives by element, dysprosium stands
for the heavy and neodymium for the light ones). Each assessment averages
data over a window of years (``data/eu_assessments.csv``, with the evidence for each);
the pipeline has production distributions for 2009 (the paper's Table 3) and 2020-2025
(USGS), so each assessment is set beside the pipeline's year nearest its window (inside it,
or the fewest years away; the earlier on a tie), and ``years_off`` says how far that is.

The EU's supply risk is its HHI weighted by governance (WGI, scaled 0-10) times further
factors (import reliance, substitution, recycling); the pipeline's ``hhi_wgi`` is the
first part alone. Ranks, not values, are compared: Spearman's rho (Pearson's r of the
average ranks) over the materials with both numbers.
"""

from __future__ import annotations

import math

import pandas as pd

from raremetals.core.schemas.eu import EU_CORRELATION, EU_SCORES_AGAINST_HHI, EU_SHARES_AGAINST_USGS

KEY = ["dataset", "edition", "commodity", "series", "measure", "year"]


def production(series: pd.DataFrame, conc: pd.DataFrame) -> pd.DataFrame:
    """The best series' production rows with their governance-weighted HHI."""
    prod = series[series["measure"] == "production"]
    return prod.merge(conc[[*KEY, "hhi_wgi", "wgi_year"]], on=KEY, how="left")


def nearest_year(years: list[int], first: int, last: int) -> tuple[int, int]:
    """The year nearest the window [first, last] and how many years outside it."""

    def off(y: int) -> int:
        return 0 if first <= y <= last else min(abs(y - first), abs(y - last))

    best = min(sorted(years), key=off)
    return best, off(best)


def nearest_row(prod: pd.DataFrame, commodity: str, first: int, last: int):
    """The commodity's production row of the year nearest the window (None if it has
    none), that year and how many years it lies outside the window."""
    rows = prod[prod["commodity"] == commodity]
    if rows.empty:
        return None, None, None
    year, off = nearest_year(list(rows["year"].unique()), first, last)
    return rows[rows["year"] == year].iloc[0], year, off


def spearman(a: pd.Series, b: pd.Series) -> float:
    both = pd.DataFrame({"a": a, "b": b}).dropna()
    if len(both) < 3:
        return math.nan
    return float(both["a"].rank().corr(both["b"].rank()))


def scores_against_hhi(
    scores: pd.DataFrame, materials: pd.DataFrame, windows: pd.DataFrame, prod: pd.DataFrame
) -> pd.DataFrame:
    """One row per assessment and material of ``materials``: SR and EI beside the
    pipeline's hhi_wgi of the metal's year nearest the assessment's window."""
    eu = scores.merge(materials[["material", "commodity", "note"]], on="material")
    rows = []
    for w in windows.to_dict("records"):
        first, last = int(w["data_first"]), int(w["data_last"])
        for r in eu[eu["assessment"] == int(w["assessment"])].to_dict("records"):
            p, year, off = nearest_row(prod, r["commodity"], first, last)
            rows.append(
                {
                    **{k: r[k] for k in ("material", "commodity", "assessment")},
                    "supply_risk": r["supply_risk"],
                    "economic_importance": r["economic_importance"],
                    "data_first": first,
                    "data_last": last,
                    "pipeline_year": year,
                    "years_off": off,
                    "pipeline_source": "" if p is None else f"{p['dataset']} {p['edition']}",
                    "hhi_wgi": math.nan if p is None else p["hhi_wgi"],
                    "wgi_year": None if p is None or pd.isna(p["wgi_year"]) else p["wgi_year"],
                    "note": r["note"],
                    "file": r["file"],
                    "row": r["row"],
                }
            )
    out = pd.DataFrame(rows)
    by = out.groupby("assessment")
    out["sr_rank"] = by["supply_risk"].rank(ascending=False)
    out["hhi_wgi_rank"] = by["hhi_wgi"].rank(ascending=False)
    out = out.reindex(columns=list(EU_SCORES_AGAINST_HHI.columns))
    for c in ("pipeline_year", "years_off", "wgi_year"):
        out[c] = out[c].astype("Int64")
    return out.sort_values(["assessment", "material"]).reset_index(drop=True)


def once_a_metal(both: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame | None, str]:
    """The rows with each metal once: where two EU materials stand for one metal (heavy
    and light rare earths, both beside the pipeline's one hhi_wgi), the one of the higher
    supply risk for the headline, the other in a second set; and which is which."""
    ranked = both.sort_values(["commodity", "supply_risk", "material"], ascending=[1, 0, 1])
    first = ranked.drop_duplicates("commodity", keep="first")
    rest = ranked[~ranked.index.isin(first.index)]
    if rest.empty:
        return first.sort_index(), None, ""
    other = pd.concat([first[~first["commodity"].isin(rest["commodity"])], rest])
    said = "; ".join(
        f"{a} (headline), {b} (other)"
        for a, b in zip(
            first.loc[first["commodity"].isin(rest["commodity"]), "material"], rest["material"]
        )
    )
    return first.sort_index(), other.sort_index(), said


def rank_correlation(table: pd.DataFrame) -> pd.DataFrame:
    """Spearman's rho of SR against hhi_wgi, per assessment, each metal counted once
    (:func:`once_a_metal`)."""
    rows = []
    for assessment, g in table.groupby("assessment"):
        both = g.dropna(subset=["supply_risk", "hhi_wgi"])
        head, other, said = once_a_metal(both)
        rows.append(
            {
                "assessment": assessment,
                "pipeline_years": ";".join(str(y) for y in sorted(both["pipeline_year"].unique())),
                "max_years_off": int(both["years_off"].max()),
                "n_materials": len(head),
                "spearman_rho": spearman(head["supply_risk"], head["hhi_wgi"]),
                "spearman_rho_other": (
                    math.nan if other is None else spearman(other["supply_risk"], other["hhi_wgi"])
                ),
                "counted_once": said,
                "materials": ";".join(head["material"]),
            }
        )
    return pd.DataFrame(rows, columns=list(EU_CORRELATION.columns))


def _leader(rows: pd.DataFrame) -> pd.Series | None:
    numbered = rows.dropna(subset=["share"]).sort_values(
        ["share", "country_code"], ascending=[False, True]
    )
    return None if numbered.empty else numbered.iloc[0]


def shares_against_usgs(
    shares: pd.DataFrame, materials: pd.DataFrame, prod: pd.DataFrame, window: tuple[int, int]
) -> pd.DataFrame:
    """The 2023 report's extraction shares (China's and the leader's) against the
    pipeline's production shares of the metal's year nearest the report's ``window``, one
    row per material; a material the shares do not give for extraction is named with the
    reason."""
    extraction = shares[shares["stage"] == "extraction"]
    rows = []
    for m in materials.to_dict("records"):
        # the 2023 report gives rare earths by element: one element stands for the group
        name = m.get("shares_as") or m["material"]
        eu = extraction[extraction["material"] == name]
        u, year, _ = nearest_row(prod, m["commodity"], *window)
        head = {"commodity": m["commodity"], "material": m["material"], "usgs_year": year}
        if eu.empty:
            processed = (shares["material"] == m["material"]).any()
            why = (
                "the 2023 report gives its shares for processing only (a by-product)"
                if processed
                else "the 2023 report gives no shares under this name (rare earths by element)"
            )
            rows.append({**head, "note": why})
            continue
        china = eu[eu["country_code"] == "CHN"]
        leader = _leader(eu)
        r = {
            **head,
            "eu_china_share": china["share"].iloc[0] if len(china) else math.nan,
            "eu_china_flag": china["flag"].iloc[0] if len(china) else "not listed",
            "eu_leader": "" if leader is None else leader["country_code"],
            "eu_leader_share": math.nan if leader is None else leader["share"],
            "usgs_source": "" if u is None else f"{u['dataset']} {u['edition']}",
            "usgs_china_share": math.nan if u is None else u["china_share"],
            "usgs_leader": "" if u is None else u["cr1_country"],
            "usgs_leader_share": math.nan if u is None else u["cr1"],
            "note": "; ".join(
                filter(
                    None,
                    [
                        m["note"],
                        f"the 2023 report gives rare earths by element: {name}'s shares stand "
                        f"for the {m['material']}"
                        if name != m["material"]
                        else "",
                    ],
                )
            ),
            "eu_file": eu["file"].iloc[0],
            "eu_rows": ";".join(str(x) for x in sorted(eu["row"])),
        }
        r["china_points"] = 100 * (r["usgs_china_share"] - r["eu_china_share"])
        r["same_leader"] = r["eu_leader"] == r["usgs_leader"]
        rows.append(r)
    out = pd.DataFrame(rows).reindex(columns=list(EU_SHARES_AGAINST_USGS.columns))
    text = (
        "eu_china_flag",
        "eu_leader",
        "usgs_source",
        "usgs_leader",
        "note",
        "eu_file",
        "eu_rows",
    )
    for c in text:
        out[c] = out[c].fillna("")
    out["same_leader"] = out["same_leader"].eq(True)
    out["usgs_year"] = out["usgs_year"].astype("Int64")
    return out
