"""Headline numbers for reports: one entry per number, each with a stable LaTeX macro.

A report quotes ``\\RMRareEarthsProdChinaSharePaper`` (China's share of rare-earth
production in 2009, as the paper's Table 3 gives it) instead of retyping 97. Macro names
are built from the commodity, the measure, the statistic and the period (``Paper`` for
2009, ``Latest`` for the latest USGS year), so they stay the same from build to build.

A number that the sources only bound says so: where the source gives no world total and
names countries without a number, the world total is at least the rows' sum, China's
share at most its share of it, and the reserves-to-production ratio at least (or at
most) its value. Such an entry has ``bound`` "at least" or "at most" and its text starts
with ≥ or ≤; CR1 and CR3 are then not given at all, since a country without a number
may be among the largest.
"""

from __future__ import annotations

import json
import math

import pandas as pd

from raremetals.core.printed import (
    hhi_range_text,
    hhi_text,
    integer_text,
    percent_text,
    significant_text,
)
from raremetals.core.vocab import EVIDENCE_CLASSES

_ONES = "One Two Three Four Five Six Seven Eight Nine".split()
_TEENS = "Ten Eleven Twelve Thirteen Fourteen Fifteen Sixteen Seventeen Eighteen Nineteen".split()
_TENS = "Twenty Thirty Forty Fifty Sixty Seventy Eighty Ninety".split()


def year_word(year: int) -> str:
    """A year 2010-2099 as a LaTeX macro can name it (no digits): 2023 → TwentyThree."""
    n = year - 2000
    if not 10 <= n <= 99:
        raise ValueError(f"a year from 2010 to 2099, not {year}")
    if n < 20:
        return _TEENS[n - 10]
    return _TENS[n // 10 - 2] + (_ONES[n % 10 - 1] if n % 10 else "")


def periods(middle_year: int) -> dict[str, str]:
    """The comparison's years (its columns' suffix) -> the macros' word for them."""
    return {"2009": "Paper", str(middle_year): year_word(middle_year), "latest": "Latest"}


MEASURES = {"production": "Prod", "reserves": "Res"}


# statistic -> (macro part, unit, rounding, formatter)
STATISTICS = {
    "total": ("Total", "t", "3 significant figures", significant_text),
    "china_share": ("ChinaShare", "%", "percent, 0 decimals", percent_text),
    "cr1": ("CRone", "%", "percent, 0 decimals", percent_text),
    "cr3": ("CRthree", "%", "percent, 0 decimals", percent_text),
    "hhi_lower": ("HHIlow", "HHI (0-10,000)", "nearest ten", hhi_text),
    "hhi_upper": ("HHIhigh", "HHI (0-10,000)", "nearest ten", hhi_text),
}
AUDIT_STATUSES = {
    "match": "Match",
    "consistent": "Consistent",
    "mismatch": "Mismatch",
    "inconsistent": "Inconsistent",
    "unit-slip": "UnitSlip",
    "not-checkable": "NotCheckable",
}


def camel(text: str) -> str:
    return "".join(part.capitalize() for part in text.replace("-", "_").split("_"))


BOUND_SIGNS = {"": "", "at least": "≥", "at most": "≤"}
# What a share or total of a distribution whose world total is only a lower bound is.
OPEN_TOTAL_BOUNDS = {"total": "at least", "china_share": "at most", "cr1": None, "cr3": None}


def entry(key, macro, value, text, unit, rounding, file, rows, description, bound=""):
    return {
        "key": key,
        "macro": f"RM{macro}",
        "value": value,
        "text": BOUND_SIGNS[bound] + text,
        "bound": bound,
        "unit": unit,
        "rounding": rounding,
        "file": file,
        "rows": rows,
        "description": description,
    }


def hhi_range(r: dict, when: str, period: str, line: int, file: str) -> list[dict]:
    """The HHI range of a comparison row as one macro, its ends to the nearest ten:
    "6,600–6,730", or one number where both ends print alike ("5,050", not
    "5,050–5,050")."""
    lo, hi = r.get(f"hhi_lower_{when}"), r.get(f"hhi_upper_{when}")
    if lo is None or hi is None or math.isnan(lo) or math.isnan(hi):
        return []
    year = r["year_latest"] if when == "latest" else float(when)
    return [
        entry(
            f"{r['commodity']}.{r['measure']}.hhi_range.{when}",
            f"{camel(r['commodity'])}{MEASURES[r['measure']]}HHIrange{period}",
            float(lo),
            hhi_range_text(lo, hi),
            "HHI (0-10,000)",
            "nearest ten; value is the lower bound, one number where both ends round alike",
            file,
            f"row {line} (commodity={r['commodity']}, measure={r['measure']})",
            f"{r['name_en']}, {r['measure']}, HHI range, {year:.0f}",
        )
    ]


def japan_leaders(japan: pd.DataFrame, today: pd.DataFrame, files: dict) -> list[dict]:
    """The share of Japan's leading import source of each metal: in 2009 as Table 3
    prints it, and today by value for the code that stands for the metal (UN Comtrade)."""
    out = []
    for line, r in enumerate(japan.to_dict("records"), start=2):
        sources, shares = r["sources"].split(";"), r["shares_pct"].split(";")
        if sources[0] and shares[0]:
            out.append(
                entry(
                    f"{r['commodity']}.japan_imports.leader_share.2009",
                    f"{camel(r['commodity'])}JapanLeaderSharePaper",
                    float(shares[0]) / 100,
                    shares[0],
                    "%",
                    "as printed",
                    files["japan"],
                    f"row {line}",
                    f"Japan's imports of {r['commodity']} from {sources[0]}, its leading "
                    f"source, 2009 (Table 3)",
                )
            )
    if len(today):
        out.append(
            entry(
                "year.japan_imports",
                "JapanImportsYear",
                int(today["year"].iloc[0]),
                str(today["year"].iloc[0]),
                "",
                "year",
                files["japan_today"],
                "year",
                "Year of Japan's imports by partner (UN Comtrade)",
            )
        )
    for line, r in enumerate(today.to_dict("records"), start=2):
        if r["basis"] == "value" and r["rank"] == 1:
            out.append(
                entry(
                    f"{r['commodity']}.japan_imports.leader_share.today",
                    f"{camel(r['commodity'])}JapanLeaderShareToday",
                    float(r["share"]),
                    percent_text(r["share"]),
                    "%",
                    "percent, 0 decimals",
                    files["japan_today"],
                    f"row {line}",
                    f"Japan's imports of {r['product']} (HS {r['hs6']}) from "
                    f"{r['country_code']}, its leading source by value, {r['year']} "
                    f"(UN Comtrade; a proxy for {r['commodity']})",
                )
            )
    return out


def headline_numbers(
    comparison: pd.DataFrame,
    rp: pd.DataFrame,
    japan: pd.DataFrame,
    japan_today: pd.DataFrame,
    claims: pd.DataFrame,
    errata: pd.DataFrame,
    files: dict,
    middle_year: int,
) -> list[dict]:
    out = []
    years = periods(middle_year)
    for line, r in enumerate(comparison.to_dict("records"), start=2):
        for when, period in years.items():
            for stat, (part, unit, rounding, fmt) in STATISTICS.items():
                value = r.get(f"{stat}_{when}")
                if value is None or (isinstance(value, float) and math.isnan(value)):
                    continue
                bound = ""
                if (
                    str(r.get(f"total_is_lower_bound_{when}")) == "True"
                    and stat in OPEN_TOTAL_BOUNDS
                ):
                    words = OPEN_TOTAL_BOUNDS[stat]
                    if words is None:
                        continue
                    bound = words
                year = r["year_latest"] if when == "latest" else float(when)
                out.append(
                    entry(
                        f"{r['commodity']}.{r['measure']}.{stat}.{when}",
                        f"{camel(r['commodity'])}{MEASURES[r['measure']]}{part}{period}",
                        float(value),
                        fmt(float(value), bound),
                        unit,
                        rounding + (", outward (a bound)" if bound else ""),
                        files["comparison"],
                        f"row {line} (commodity={r['commodity']}, measure={r['measure']})",
                        f"{r['name_en']}, {r['measure']}, {stat.replace('_', ' ')}, {year:.0f}",
                        bound,
                    )
                )
        for when, period in years.items():
            out += hhi_range(r, when, period, line, files["comparison"])
    latest = rp[rp["dataset"] == "usgs"]
    latest = latest[latest["year"] == latest["year"].max()]
    for line, r in enumerate(rp.to_dict("records"), start=2):
        is_paper = r["dataset"] == "paper_table3"
        current = r["dataset"] == "usgs" and r["year"] == latest["year"].max()
        if not (is_paper or current) or math.isnan(r["rp_years"]):
            continue
        period = "Paper" if is_paper else "Latest"
        if not is_paper and (latest["commodity"] == r["commodity"]).sum() > 1:
            continue  # several series: no single headline ratio
        out.append(
            entry(
                f"{r['commodity']}.rp.{period.lower()}",
                f"{camel(r['commodity'])}RP{period}",
                float(r["rp_years"]),
                integer_text(r["rp_years"], r["rp_bound"]),
                "years",
                "integer" + (", outward (a bound)" if r["rp_bound"] else ""),
                files["rp"],
                f"row {line}",
                f"{r['commodity']} reserves-to-production, {r['year']}",
                r["rp_bound"],
            )
        )
    for line, r in enumerate(japan.to_dict("records"), start=2):
        if not math.isnan(r["china_share"]):
            out.append(
                entry(
                    f"{r['commodity']}.japan_imports_from_china.2009",
                    f"{camel(r['commodity'])}JapanChinaSharePaper",
                    float(r["china_share"]),
                    percent_text(r["china_share"]),
                    "%",
                    "percent, 0 decimals",
                    files["japan"],
                    f"row {line}",
                    f"Japan's imports of {r['commodity']} from China, 2009",
                )
            )
    out += japan_leaders(japan, japan_today, files)
    counts = claims["status"].value_counts()
    for status, part in AUDIT_STATUSES.items():
        n = int(counts.get(status, 0))
        out.append(
            entry(
                f"audit.claims.{status}",
                f"AuditClaims{part}",
                n,
                str(n),
                "claims",
                "count",
                files["claims"],
                f"status={status}",
                f"Claims of the paper found {status}",
            )
        )
    by_class = claims[claims["status"] != "not-checkable"]
    by_class = by_class.groupby(["status", "evidence_class"]).size()
    for (status, evidence), n in by_class.items():
        out.append(
            entry(
                f"audit.claims.{status}.{evidence}",
                f"AuditClaims{AUDIT_STATUSES[status]}{camel(evidence).replace('3', 'Three')}",
                int(n),
                str(n),
                "claims",
                "count",
                files["claims"],
                f"status={status}, evidence_class={evidence}",
                f"Claims of the paper found {status} on {EVIDENCE_CLASSES[evidence]}",
            )
        )
    out.append(
        entry(
            "audit.claims.total",
            "AuditClaims",
            len(claims),
            str(len(claims)),
            "claims",
            "count",
            files["claims"],
            "all rows",
            "Numeric claims of the paper audited",
        )
    )
    for status, n in errata["status"].value_counts().sort_index().items():
        out.append(
            entry(
                f"audit.table3.{status}",
                f"AuditTableThree{camel(status)}",
                int(n),
                str(int(n)),
                "cells",
                "count",
                files["errata"],
                f"status={status}",
                f"Cells of Table 3 with status {status}",
            )
        )
    years = comparison["year_latest"].dropna()
    out.append(
        entry(
            "year.latest",
            "LatestYear",
            int(years.max()),
            f"{years.max():.0f}",
            "",
            "year",
            files["comparison"],
            "year_latest",
            "Latest USGS data year compared",
        )
    )
    return sorted(out, key=lambda e: e["key"])


def to_json(numbers: list[dict]) -> str:
    return json.dumps({"numbers": numbers}, ensure_ascii=False, indent=1) + "\n"


def to_tex(numbers: list[dict]) -> str:
    lines = [
        "% Headline numbers of the rare-metals pipeline; generated, do not edit.",
        "% \\input{numbers.tex} and quote \\RM... macros (units are not included).",
    ]
    for n in numbers:
        lines.append(f"% {n['description']} [{n['unit']}; {n['rounding']}] {n['file']} {n['rows']}")
        text = n["text"].replace("≥", "\\ensuremath{\\geq}").replace("≤", "\\ensuremath{\\leq}")
        lines.append(f"\\newcommand{{\\{n['macro']}}}{{{text}}}")
    return "\n".join(lines) + "\n"
