"""Apply the statistics of :mod:`raremetals.stats.measures` to the tidy tables.

A *distribution* is one commodity x series x measure x year of one dataset: the USGS
world tables (``usgs``) or the paper's corrected Table 3 (``paper_table3``, 2009). Every
function here takes and returns data frames; none reads or writes files.
"""

from __future__ import annotations

import math
import re

import pandas as pd

from raremetals.clean.editions import series_key
from raremetals.core.errors import InputError
from raremetals.core.io import as_numbers, refuse_first
from raremetals.core.vocab import PAPER_EDITION
from raremetals.stats import measures as stats

KEY = ["dataset", "edition", "commodity", "series", "measure", "year"]
DIST_COLUMNS = KEY + [
    "stage",
    "unit",
    "basis",
    "country_code",
    "country",
    "area_type",
    "value",
    "flag",
    "file",
    "row",
]


def usgs_distributions(obs: pd.DataFrame) -> pd.DataFrame:
    """Production and reserves of the USGS world tables, without the rows that are in no
    distribution (``excluded``); a suspect value counts as unknown."""
    d = obs[obs["measure"].isin(["production", "reserves"]) & (obs["excluded"] == "")].copy()
    d["dataset"] = "usgs"
    suspect = d["flag"].str.split(";").apply(lambda f: "suspect" in f)
    d.loc[suspect, "value"] = math.nan
    return d[DIST_COLUMNS].reset_index(drop=True)


def paper_distributions(table3: pd.DataFrame) -> pd.DataFrame:
    """World totals and top-3 countries of the corrected Table 3, 2009 (the text adds a
    few countries: :func:`paper_text_distributions`).

    A tie printed as one cell (中/ロシア) gives each country the printed value.
    """
    t = table3[
        table3["measure"].isin(["production", "reserves"]) & (table3["area_type"] != "")
    ].copy()
    rows = []
    for r in t.to_dict("records"):
        members = r["country_code"].split("+") if r["area_type"] == "tie" else [None]
        for code in members:
            row = dict(r)
            if code:
                row.update(country_code=code, country=code, area_type="country")
            rows.append(row)
    d = pd.DataFrame(rows)
    d["dataset"], d["edition"], d["series"] = "paper_table3", PAPER_EDITION, "Table 3"
    d["stage"], d["basis"] = "unspecified", "not stated"
    return d[DIST_COLUMNS].reset_index(drop=True)


def paper_text_distributions(
    claims: pd.DataFrame, mapping: pd.DataFrame, table3: pd.DataFrame
) -> pd.DataFrame:
    """Countries the paper's text gives for 2009 beyond Table 3's top three (for example
    Australia's and India's rare-earth reserves in fn27), as rows of the 2009
    distributions. ``mapping`` (data/paper_text_values.csv, read with its lines) says
    which claims these are."""
    by_symbol = dict(zip(table3["symbol"], table3["commodity"]))
    refuse_first(
        mapping[~mapping["claim_id"].isin(claims["claim_id"])], "claim_id", "a claim of claims.csv"
    )
    refuse_first(mapping[~mapping["symbol"].isin(by_symbol)], "symbol", "a symbol of Table 3")
    used = claims[claims["claim_id"].isin(mapping["claim_id"])]
    claim = used.assign(value=as_numbers(used, "value", "a number for a country's 2009 value"))
    claim = claim.set_index("claim_id")
    rows = []
    for m in mapping.to_dict("records"):
        c = claim.loc[m["claim_id"]]
        rows.append(
            {
                "dataset": "paper_table3",
                "edition": PAPER_EDITION,
                "commodity": by_symbol[m["symbol"]],
                "series": "Table 3",
                "measure": m["measure"],
                "year": 2009,
                "stage": "unspecified",
                "unit": "t",
                "basis": "not stated",
                "country_code": m["country_code"],
                "country": m["country_code"],
                "area_type": "country",
                "value": float(c["value"]),
                "flag": "",
                "file": "claims.csv",
                "row": int(c["row"]),
            }
        )
    return pd.DataFrame(rows, columns=DIST_COLUMNS)


def wgi_scores(wgi: pd.DataFrame) -> dict[int, dict[str, float]]:
    """Scaled WGI (0-10) by year and country, for countries rated on all six dimensions."""
    out: dict[int, dict[str, float]] = {}
    for (year, code), g in wgi.groupby(["year", "country_code"]):
        if g["dimension"].nunique() == 6:
            out.setdefault(int(year), {})[code] = stats.wgi_scaled(list(g["estimate"]))
    return out


def _join(codes) -> str:
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
        columns=list(dict.fromkeys([c for r in rows for c in r] + STAT_COLUMNS))
    )
    text = [
        "cr1_country",
        "cr3_countries",
        "doj_ftc_class_lower",
        "doj_ftc_class_upper",
        "doj_ftc_guidelines",
        "wgi_missing",
    ]
    out[text] = out[text].fillna("")
    return out


STAT_COLUMNS = [
    "listed_share",
    "unassigned_share",
    "china_share",
    "cr1",
    "cr1_country",
    "cr3",
    "cr3_countries",
    "cr3_is_lower_bound",
    "hhi_lower",
    "hhi_upper",
    "hhi_headline",
    "hhi_normalised",
    "effective_producers_min",
    "effective_producers_max",
    "shannon_entropy",
    "doj_ftc_class_lower",
    "doj_ftc_class_upper",
    "doj_ftc_guidelines",
    "wgi_year",
    "hhi_wgi",
    "country_risk_wgi",
    "wgi_coverage",
    "wgi_missing",
    "note",
]


def _quantified(rows: pd.DataFrame) -> pd.Series:
    """Rows that give a country's (or an aggregate's) amount: a number that is not a bound.

    A country's "<100" says only that it is below 100: it stays with the countries
    without a number (a world total's ">" is kept: it makes the total a lower bound)."""
    bound = rows["flag"].map(lambda f: bool({"<", ">"} & set(f.split(";"))))
    return rows["value"].notna() & ~(bound & (rows["area_type"] == "country"))


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
        notes.append("rows of one country summed: " + _join(repeated))
    unquantified = sorted(
        set(countries.loc[~_quantified(countries), "country_code"]) - set(by_country)
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
        "total_source": "",
        "total_is_lower_bound": False,
        "total_flag": total_flag,
        "listed_exceeds_total": False,
        "country_exceeds_total": False,
        "n_listed": len(by_country),
        "n_unquantified": len(unquantified),
        "unquantified_countries": _join(unquantified),
        "source_file": _join(sorted(set(g["file"]))),
    }
    if len(world) > 1:
        return {**row, "note": "; ".join(notes + ["several world totals: no shares computed"])}
    if len(known) == 0:
        return {**row, "note": "; ".join(notes + ["the source gives no number"])}
    at_least = ">" in total_flag.split(";")
    try:
        total, source = stats.denominator(
            listed_sum,
            world_total if len(world) else None,
            float(known["value"].sum()),
            at_least=at_least,
        )
    except stats.DistributionError as err:
        at = world if len(world) == 1 else g
        raise InputError(
            at["file"].iloc[0],
            f"country values that fit their total ({err})",
            f"{key['commodity']} {key['measure']} {key['year']}",
            row=int(at["row"].iloc[0]),
        ) from None
    exceeds = source == stats.LISTED_SUM_ABOVE_TOTAL
    # Without a world total, or with one the source gives as a bound (">75,000,000"),
    # countries named without a number hold an unknown amount on top of the total used:
    # the world total is at least that, never equal to it.
    open_total = (len(world) == 0 or at_least) and bool(unquantified)
    if open_total:
        notes.append(
            (
                "no world total in the source"
                if len(world) == 0
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
    if len(world) == 0 and not open_total:
        notes.append("no world total in the source: total is the sum of its rows")
    if exceeds:
        notes.append(
            f"listed countries exceed the world total by "
            f"{listed_sum / world_total - 1:.1%} "
            + ("(a total given as a lower bound)" if ">" in total_flag else "(a rounded total)")
            + ": shares are of their sum"
        )
    above = sorted(c for c, v in by_country.items() if len(world) and v > world_total)
    if above:
        notes.append("a country above the world total: " + _join(above))
    row.update(
        total=total,
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
    lower, upper = stats.hhi_bounds(values, len(unquantified) if open_total else 0)
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
        "cr1_country": _join(top1),
        "cr3": cr3,
        "cr3_countries": _join(top3),
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
        "wgi_missing": _join(gov.missing),
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
    return d[
        KEY
        + [
            "country_code",
            "country",
            "area_type",
            "value",
            "unit",
            "flag",
            "total",
            "total_is_lower_bound",
            "share",
            "country_share",
            "rank",
            "tied_with",
            "file",
            "row",
        ]
    ]


# The words of a series name that say which measure it is, and a unit in brackets: what
# is left names the thing measured ("Mine production: processed" and "Reserves:
# processed" both say "processed"; "Refinery production" says "Refinery").
_MEASURE_WORDS = re.compile(r"\b(?:mine production|production|reserves)\b|\([^)]*tons\)", re.I)


def series_subject(series: str) -> str:
    """What a series name says beside its measure, separators dropped, case kept (MCS 2026
    names "ilmenite" and "Ilmenite" series apart)."""
    return " ".join(re.findall(r"[^\s:,—–-]+", _MEASURE_WORDS.sub(" ", series)))


def _unpaired(d: pd.DataFrame, pairs: pd.DataFrame, key: list[str]) -> pd.DataFrame:
    done = pairs[key].drop_duplicates().assign(_done=True)
    return d.merge(done, on=key, how="left").query("_done != True").drop(columns="_done")


def _pair(res: pd.DataFrame, prod: pd.DataFrame, on: list[str]) -> pd.DataFrame:
    m = res.merge(prod, on=on, suffixes=("_reserves", "_production"))
    return m.rename(columns={"edition_reserves": "edition", "series_reserves": "series"})


def reserves_to_production(conc: pd.DataFrame) -> pd.DataFrame:
    """World reserves over world production of the reserves' year, per series: the
    source's world totals where it gives them (not the share denominator, which may be
    the listed sum), else the sum of its rows. Where that sum leaves out countries named
    without a number it is only a lower bound, and so the ratio is a bound (``rp_bound``):
    at least its value for reserves, at most for production, none for both."""
    conc = conc.assign(total=conc["world_total"].fillna(conc["total"]))
    res = conc[conc["measure"] == "reserves"]
    prod = conc[conc["measure"] == "production"]
    same = res.merge(
        prod,
        on=["dataset", "edition", "commodity", "series", "year"],
        suffixes=("_reserves", "_production"),
    )
    same["edition_production"] = same["edition"]
    # The best series takes a year's reserves and production from different editions
    # where a later one revised the production (2023: reserves of MCS 2024, production of
    # MCS 2025), and MCS 2026 names the two series apart ("Reserves: processed", "Mine
    # production: processed"): the rest are paired by what their names say beside the
    # measure, where that names one series of each, then a commodity with one series of
    # each in the year is paired across them.
    key = ["dataset", "commodity", "year"]
    rest = [_unpaired(d, same, key) for d in (res, prod)]
    rest = [d.assign(subject=d["series"].map(series_subject)) for d in rest]
    unique = [d[d.groupby([*key, "subject"])["series"].transform("size") == 1] for d in rest]
    by_subject = _pair(*unique, [*key, "subject"]).drop(columns="subject")
    rest = [_unpaired(d, by_subject, key).drop(columns="subject") for d in rest]
    single = [d[d.groupby(key)["series"].transform("size") == 1] for d in rest]
    m = pd.concat([same, by_subject, _pair(*single, key)], ignore_index=True)
    out = []
    for r in m.to_dict("records"):
        note = ""
        if r["edition_production"] != r["edition"]:
            note = f"production from {r['edition_production']} (the best series); "
        rp, bound = math.nan, ""
        open_res, open_prod = (
            r["total_is_lower_bound_reserves"],
            r["total_is_lower_bound_production"],
        )
        if not (r["total_reserves"] > 0 and r["total_production"] > 0):
            note += "reserves or production unknown or zero"
        elif r["unit_reserves"] != r["unit_production"]:
            note += f"units differ ({r['unit_reserves']} vs {r['unit_production']})"
        elif r["basis_reserves"] != r["basis_production"]:
            note += (
                f"bases differ (reserves {r['basis_reserves']}, production {r['basis_production']})"
            )
        elif open_res and open_prod:
            note += (
                "reserves and production are both only lower bounds (countries without a number)"
            )
        else:
            rp = stats.reserves_to_production(r["total_reserves"], r["total_production"])
            bound = "at least" if open_res else "at most" if open_prod else ""
        out.append(
            {
                "dataset": r["dataset"],
                "edition": r["edition"],
                "commodity": r["commodity"],
                "series": r["series"],
                "year": r["year"],
                "reserves": r["total_reserves"],
                "production": r["total_production"],
                "unit": r["unit_production"],
                "basis": r["basis_production"],
                "rp_years": rp,
                "rp_bound": bound,
                "note": note.removesuffix("; "),
                "rp_flag": stats.rp_flag(rp),
            }
        )
    return pd.DataFrame(out)


COMPARED = [
    "total",
    "total_is_lower_bound",
    "china_share",
    "cr1",
    "cr1_country",
    "cr3",
    "cr3_countries",
    "cr3_is_lower_bound",
    "hhi_lower",
    "hhi_upper",
]


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
    conc: pd.DataFrame, commodities: pd.DataFrame, middle_year: int = 2023, ratio_bounds=(0.1, 10.0)
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


def japan_dependency(table3: pd.DataFrame) -> pd.DataFrame:
    """Japan's import sources per metal (Table 3, 2009) with the HHI of the printed shares.

    A source printed without a percentage is listed but has no share; it is part of the
    unassigned remainder, never zero.
    """
    t = table3[table3["field"] == "japan_import_share_rank"]
    out = []
    for commodity, g in t.groupby("commodity", sort=True):
        g = g.sort_values("rank")
        named = g[g["country_code"] != ""]
        printed = named[named["value"].notna()]
        share = {r.country_code: r.value / 100 for r in printed.itertuples()}
        row = {
            "commodity": commodity,
            "symbol": g["symbol"].iloc[0],
            "year": 2009,
            "sources": _join(named["country_code"]),
            "shares_pct": _join(f"{v:g}" for v in printed["value"]),
            "sources_without_share": _join(named.loc[named["value"].isna(), "country_code"]),
            "china_share": share.get("CHN", math.nan)
            if "CHN" in set(named["country_code"])
            else math.nan,
        }
        if share:
            lower, upper = stats.hhi_bounds(list(share.values()))
            row.update(
                listed_share=sum(share.values()),
                unassigned_share=stats.unassigned_share(list(share.values())),
                hhi_lower=lower,
                hhi_upper=upper,
            )
        out.append(row)
    return pd.DataFrame(out)


def us_import_reliance(table3: pd.DataFrame, nir: pd.DataFrame) -> pd.DataFrame:
    """US net import reliance: the paper's 2009 figures (Table 3, footnote 1) and the USGS
    trends tables, one row per commodity and source, codes kept."""
    paper = table3[table3["field"] == "us_net_import_reliance"]
    rows = [
        {
            "commodity": r.commodity,
            "commodity_label": r.symbol,
            "source": PAPER_EDITION,
            "year": 2009,
            "value": r.value,
            "flag": "" if r.value_as_printed else "blank",
            "value_raw": r.value_as_printed,
            "import_sources": "",
            "file": r.file,
            "row": r.row,
        }
        for r in paper.itertuples()
    ]
    rows += [
        {
            "commodity": r.commodity,
            "commodity_label": r.commodity_label,
            "source": r.edition,
            "year": r.year,
            "value": r.value,
            "flag": r.flag,
            "value_raw": r.value_raw,
            "import_sources": r.import_source_codes,
            "file": r.file,
            "row": r.row,
        }
        for r in nir.itertuples()
    ]
    return pd.DataFrame(rows)
