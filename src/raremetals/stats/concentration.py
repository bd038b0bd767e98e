"""The statistics of :mod:`raremetals.stats.measures` applied to every distribution: one
row of concentration statistics each (``concentration.csv``), and each row's share
(``country_shares.csv``). Every function takes and returns data frames; none reads or
writes files."""

from __future__ import annotations

import math

import pandas as pd

from raremetals.core.errors import InputError
from raremetals.core.schemas.stats import CONCENTRATION, COUNTRY_SHARES
from raremetals.stats import measures as stats
from raremetals.stats.distributions import KEY

# said of a distribution whose small producers' bounds cannot keep the HHI's range narrow
WIDE_SMALL = "their bounds are large beside the total"


def wgi_scores(wgi: pd.DataFrame) -> dict[int, dict[str, float]]:
    """Scaled WGI (0-10) by year and country, for countries rated on all six dimensions."""
    out: dict[int, dict[str, float]] = {}
    for (year, code), g in wgi.groupby(["year", "country_code"]):
        if g["dimension"].nunique() == 6:
            out.setdefault(int(year), {})[code] = stats.wgi_scaled(list(g["estimate"]))
    return out


def join_codes(codes) -> str:
    return ";".join(codes)


def concentration(dist: pd.DataFrame, wgi: dict[int, dict[str, float]]) -> pd.DataFrame:
    """One row of statistics per distribution (see docs/methods.md for each column)."""
    rows = [
        _one_distribution(dict(zip(KEY, key)), g, wgi)
        for key, g in dist.groupby(KEY, sort=True, dropna=False)
    ]
    # a distribution without shares has no producers to name (and if none has shares, the
    # columns of the statistics are still there, empty)
    out = pd.DataFrame(rows).reindex(
        columns=list(dict.fromkeys([c for r in rows for c in r] + list(CONCENTRATION.columns)))
    )
    text = [
        "cr1_country",
        "cr3_countries",
        "doj_ftc_class_lower",
        "doj_ftc_class_upper",
        "doj_ftc_guidelines",
        "wgi_missing",
        "small_countries",
    ]
    out[text] = out[text].fillna("")
    return out


def _quantified(rows: pd.DataFrame) -> pd.Series:
    """Rows that give a country's (or an aggregate's) amount: a number that is not a bound.

    A country's "<100" says only that it is below 100: it is not listed (it is one of the
    small producers, whose bound is ``value_max``); a world total's ">" is kept: it makes
    the total a lower bound."""
    bound = rows["flag"].map(lambda f: bool({"<", ">"} & set(f.split(";"))))
    return rows["value"].notna() & ~(bound & (rows["area_type"] == "country"))


def _small(countries: pd.DataFrame, listed: dict) -> dict[str, float]:
    """Countries the source gives only as below an amount ("less than 0.5 t", "<100"),
    with that amount: between 0 and it, never a country of unknown size."""
    rows = countries[~_quantified(countries) & countries["value_max"].notna()]
    rows = rows[~rows["country_code"].isin(listed)]
    return rows.groupby("country_code", sort=True)["value_max"].sum().to_dict()


def _total_notes(world_total, unquantified, small, *, open_total, at_least, on_top, unit):
    """What a reader needs to know of a distribution's total."""
    notes = []
    if open_total:
        notes.append(
            (
                "no world total in the source"
                if world_total is None
                else "a world total given as a bound"
            )
            + f" and {len(unquantified)} countries without a "
            "number: the world total is at least the total used, each listed share "
            "at most its share of that total, and the HHI anywhere up to 10,000"
        )
    elif at_least:
        notes.append(
            "a world total given as a bound: each listed share is at most its share of "
            "that total; the HHI range holds at the printed total"
        )
    if world_total is None and not open_total:
        notes.append("no world total in the source: total is the sum of its rows")
    if small:
        where = "on top of the sum of rows" if on_top else "inside the world total"
        notes.append(
            f"{join_codes(small)} given only as less than an amount "
            f"({', '.join(f'{v:,.10g}' for v in small.values())} {unit}): each "
            f"counted from 0 to it, {where}"
        )
    return notes


def _one_distribution(key: dict, g: pd.DataFrame, wgi) -> dict:
    notes = []
    known = g[_quantified(g)]
    world = known[known["area_type"] == "world"]
    countries = g[g["area_type"] == "country"]
    listed_rows = known[known["area_type"] == "country"]
    # A country listed on several rows (helium: natural gas and Cliffside) is their sum.
    by_country = listed_rows.groupby("country_code", sort=True)["value"].sum().to_dict()
    repeated = sorted(c for c, n in listed_rows["country_code"].value_counts().items() if n > 1)
    if repeated:
        notes.append("rows of one country summed: " + join_codes(repeated))
    small = _small(countries, by_country)
    unquantified = sorted(
        set(countries.loc[~_quantified(countries), "country_code"]) - set(by_country) - set(small)
    )
    listed_sum = float(sum(by_country.values()))
    world_total, total_flag = math.nan, ""
    if len(world) == 1:
        world_total, total_flag = float(world["value"].iloc[0]), world["flag"].iloc[0]
    bases = sorted(set(g["basis"]))
    if len(bases) > 1:
        notes.append("rows on different bases: " + ", ".join(bases))
    row = {
        **key,
        "stage": g["stage"].iloc[0],
        "unit": g["unit"].iloc[0],
        "basis": "; ".join(bases),
        "world_total": world_total,
        "total": math.nan,
        "total_max": math.nan,
        "total_source": "",
        "total_is_lower_bound": False,
        "total_flag": total_flag,
        "listed_exceeds_total": False,
        "country_exceeds_total": False,
        "n_listed": len(by_country),
        "n_unquantified": len(unquantified),
        "unquantified_countries": join_codes(unquantified),
        "small_countries": join_codes(small),
        "source_file": join_codes(sorted(set(g["file"]))),
    }
    if len(world) > 1:
        return {**row, "note": "; ".join(notes + ["several world totals: no shares computed"])}
    if len(known) == 0:
        return {**row, "note": "; ".join(notes + ["the source gives no number"])}
    at_least = ">" in total_flag.split(";")
    rows_sum = float(known.loc[known["area_type"] != "world", "value"].sum())
    try:
        total, source = stats.denominator(
            listed_sum, world_total if len(world) else None, rows_sum, at_least=at_least
        )
    except stats.DistributionError as err:
        at = world if len(world) == 1 else g
        raise InputError(
            at["file"].iloc[0],
            f"country values that fit their total ({err})",
            f"{key['commodity']} {key['measure']} {key['year']}",
            row=int(at["row"].iloc[0]),
        ) from None
    exceeds = source == stats.ROWS_SUM_ABOVE_TOTAL
    # Without a world total, or with one the source gives as a bound (">75,000,000"),
    # countries named without a number hold an unknown amount on top of the total used:
    # the world total is at least that, never equal to it.
    open_total = (len(world) == 0 or at_least) and bool(unquantified)
    # a small producer is inside a world total the source gives, on top of a sum of rows
    small_on_top = list(small.values()) if source != stats.WORLD_TOTAL else []
    notes += _total_notes(
        world_total if len(world) else None,
        unquantified,
        small,
        open_total=open_total,
        at_least=at_least,
        on_top=bool(small_on_top),
        unit=row["unit"],
    )
    if exceeds:
        others = rows_sum - listed_sum
        notes.append(
            f"listed countries exceed the world total by "
            f"{listed_sum / world_total - 1:.1%} "
            + ("(a total given as a lower bound)" if at_least else "(a rounded total)")
            + ": shares are of the sum of rows"
            + (f", the source's other countries ({others:,.10g}) with them" if others else "")
        )
    above = sorted(c for c, v in by_country.items() if len(world) and v > world_total)
    if above:
        notes.append("a country above the world total: " + join_codes(above))
    row.update(
        total=total,
        total_max=total + sum(small_on_top) if not open_total else math.nan,
        total_source=source,
        total_is_lower_bound=open_total or at_least,
        listed_exceeds_total=exceeds,
        country_exceeds_total=bool(above),
    )
    if not total > 0:
        return {**row, "note": "; ".join(notes + ["total is zero: no shares"])}
    share = stats.shares(by_country, total)
    values = list(share.values())
    r = stats.unassigned_share(values)
    k = len(unquantified) if open_total else 0
    bounds = stats.hhi_bounds_with_small(list(by_country.values()), total, small_on_top, k)
    if bounds is None:
        # bounds too large to keep the range narrow: as wide as unknown amounts
        notes.append(f"{WIDE_SMALL}: the HHI anywhere up to 10,000")
        bounds = stats.hhi_bounds(values, k + len(small_on_top))
    lower, upper = bounds
    cr1, top1 = stats.top_k(share, 1)
    cr3, top3 = stats.top_k(share, 3)
    year_scores = _wgi_for(int(key["year"]), wgi)
    gov = stats.governance_weighted(share, year_scores[1])
    return {
        **row,
        # shares of their own sum can add up to 1 + 1 ulp
        "listed_share": min(1.0, math.fsum(values)),
        "unassigned_share": r,
        "china_share": share.get("CHN", math.nan),
        "cr1": cr1,
        "cr1_country": join_codes(top1),
        "cr3": cr3,
        "cr3_countries": join_codes(top3),
        "cr3_is_lower_bound": len(top3) < 3 and r > 0,
        "hhi_lower": lower,
        "hhi_upper": upper,
        "hhi_headline": lower,
        "hhi_normalised": stats.normalised_hhi(values),
        "effective_producers_min": stats.effective_producers(upper),
        "effective_producers_max": stats.effective_producers(lower),
        # with an open total the entropy has no lower bound above 0
        "shannon_entropy": math.nan if open_total else stats.shannon_entropy(values),
        "doj_ftc_class_lower": stats.doj_ftc_class(lower),
        "doj_ftc_class_upper": stats.doj_ftc_class(upper),
        "doj_ftc_guidelines": stats.DOJ_FTC_2010["vintage"],
        "wgi_year": year_scores[0],
        "hhi_wgi": gov.hhi_wgi,
        "country_risk_wgi": gov.country_risk,
        "wgi_coverage": gov.coverage,
        "wgi_missing": join_codes(gov.missing),
        "note": "; ".join(notes),
    }


def _wgi_for(year: int, wgi: dict[int, dict[str, float]]) -> tuple[int | None, dict[str, float]]:
    """The WGI year used for a data year: the same year, or the latest before it (none
    where no scores are given: the statistics are then without governance weights)."""
    if not wgi:
        return None, {}
    usable = [y for y in wgi if y <= year]
    chosen = max(usable) if usable else min(wgi)
    return chosen, wgi[chosen]


def note_partial_editions(conc: pd.DataFrame, partial: dict[str, str]) -> pd.DataFrame:
    """Say on every distribution of an edition the snapshot holds only in part (MCS 2022:
    12 commodities) that the year's other commodities are missing."""
    conc = conc.copy()
    for edition, text in partial.items():
        rows = conc["edition"] == edition
        conc.loc[rows, "note"] = [f"{n}; {text}" if n else text for n in conc.loc[rows, "note"]]
    return conc


def country_shares(dist: pd.DataFrame, conc: pd.DataFrame) -> pd.DataFrame:
    """Every row of every distribution with its share of the distribution's total; a
    country listed on several rows also gets its summed share and one rank; where the
    total is only a lower bound (``total_is_lower_bound``) each share is an upper bound."""
    d = dist.merge(conc[KEY + ["total", "total_is_lower_bound"]], on=KEY, how="left")
    d["share"] = d["value"] / d["total"]
    is_country = (d["area_type"] == "country") & _quantified(d)
    summed = (
        d[is_country]
        .groupby(KEY + ["country_code"], dropna=False)["share"]
        .sum()
        .rename("country_share")
        .reset_index()
    )
    # a tie is a tie: countries with the same share share the rank (cobalt 2009's third
    # place, China and Russia printed together in Table 3), and each names the others
    summed["rank"] = summed.groupby(KEY, dropna=False)["country_share"].rank(
        method="min", ascending=False
    )
    tied = summed.groupby(KEY + ["rank"], dropna=False)["country_code"].transform(
        lambda codes: [";".join(sorted(set(codes) - {c})) for c in codes]
    )
    summed["tied_with"] = tied.fillna("")
    d = d.merge(summed, on=KEY + ["country_code"], how="left")
    d.loc[~is_country, ["country_share", "rank"]] = math.nan
    d["tied_with"] = d["tied_with"].fillna("").where(is_country, "")
    return d[list(COUNTRY_SHARES.columns)]
