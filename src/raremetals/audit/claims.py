"""Audit every numeric claim of the paper and every cell of its Table 3.

``data/audit/claim_checks.csv`` says, for each claim that can be checked, how: a method,
its arguments and (where the default will not do) a tolerance. Each method recomputes the
claimed number from the tidy data and returns the value with a sentence of evidence. A
claim without a check, or whose check says ``none``, is ``not-checkable``, and the
evidence names the source that would check it.

Statuses: ``match`` (the data reproduce the number); ``consistent`` (the claim is a bound,
"more than" or "at most", and the data satisfy it: they do not reproduce a number);
``mismatch`` (a vendored source disagrees); ``inconsistent`` (the paper disagrees with
itself, e.g. text against Table 3); ``unit-slip`` (right once a unit error is undone);
``not-checkable``.

One rounding rule for every claim, the one the paper itself follows (it prints 97% for
China's 120,000 of 124,000 t, 96.77%, and -40% for a quota cut of 39.66%): the
recomputed value, rounded half up (四捨五入) to the claim's printed precision, must equal
the claim. The precision is the last printed decimal (22.1 → 0.1), or for tonnages the
last non-zero digit (124,000 t → 1,000; 9,900 万 t → 1,000,000 t), else 1. A number
printed with "約"/"~" matches within 10% of itself; a check may give its own tolerance
where the claim's words say how loose it is ("3倍強", a little over three times).

A claim that is the basis of a correction of Table 3 is never checked against the
corrected cell (that would only return the claim): its check must read independent
evidence, and the evidence says which correction it supports.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import math
import re
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pandas as pd

from raremetals.core.errors import InputError
from raremetals.core.vocab import ERRATA_STATUSES
from raremetals.stats.selections import UNITS_PER_GW, zero_run

APPROX_TOLERANCE = 0.10

# The title by which the paper cites a publication -> the source id of that vintage in
# the compiled tables. A check that reads another vintage (GWEC's preliminary press
# release of February 2010 for the final Global Wind 2009 Report; today's SIPRI series for
# the Yearbook 2010) gives evidence, never a verdict.
CITED_VINTAGES = {"GLOBAL WIND 2009 REPORT": "GWEC_GW2009_OUTLOOK"}
VINTAGED_METHODS = {"gwec", "gwec_share"}


@dataclass(frozen=True)
class Claimed:
    value: float
    approx: bool
    bound: str  # "", ">", ">="


def parse_claimed(text: str) -> Claimed | None:
    """The number a claim states (``~45`` → 45, approximately), or None for non-numbers."""
    m = re.fullmatch(r"(~)?(>=|>)?\s*(-?[\d,]+(?:\.\d+)?)", str(text).strip())
    if not m:
        return None
    return Claimed(float(m[3].replace(",", "")), bool(m[1]), m[2] or "")


def precision(claimed_text: str, unit: str = "") -> Decimal:
    """The unit of the last printed digit (see the module docstring).

    Tonnages are printed rounded (124,000 t, 9,900 万 t), so their trailing zeros are not
    significant; percentages, GW and other small numbers are printed to the digit.
    """
    digits = re.sub(r"[^\d.]", "", str(claimed_text))
    if "." in digits:
        return Decimal(1).scaleb(-len(digits.split(".")[1]))
    if unit != "t":
        return Decimal(1)
    return Decimal(1).scaleb(len(digits) - len(digits.rstrip("0")))


def round_half_up(value: float, step: Decimal) -> float:
    """``value`` rounded half up (四捨五入) to a multiple of ``step``."""
    return float((Decimal(str(float(value))) / step).quantize(Decimal(1), ROUND_HALF_UP) * step)


def default_tolerance(claimed_text: str, claimed: Claimed, unit: str = "") -> float:
    """Half the printed precision (the interval that rounds to the claim); "約" numbers:
    10% of themselves."""
    if claimed.approx:
        return APPROX_TOLERANCE * abs(claimed.value)
    return float(precision(claimed_text, unit)) / 2


def parse_args(text: str) -> dict[str, str]:
    return dict(item.split("=", 1) for item in str(text).split(";") if item)


class Sources:
    """The tidy and vendored tables the checks read, with lookups that fail loudly."""

    def __init__(
        self,
        table3: pd.DataFrame,
        quotas: pd.DataFrame,
        gwec: pd.DataFrame,
        sipri: pd.DataFrame,
        secondary: pd.DataFrame,
        claims: pd.DataFrame,
        ds140: pd.DataFrame | None = None,
    ):
        self.t3, self.quotas, self.gwec = table3, quotas, gwec
        self.sipri, self.secondary = sipri, secondary
        self.claims = claims.set_index("claim_id")
        self.ds140 = ds140

    def t3_cell(self, symbol, field, rank=None) -> pd.Series:
        t = self.t3[(self.t3["symbol"] == symbol) & (self.t3["field"] == field)]
        if rank is not None:
            t = t[t["rank"] == float(rank)]
        if len(t) != 1:
            raise LookupError(f"Table 3 has {len(t)} cells for {symbol} {field} {rank}")
        return t.iloc[0]

    def t3_listed(self, symbol, measure) -> pd.DataFrame:
        return self.t3[
            (self.t3["symbol"] == symbol)
            & (self.t3["field"] == f"{measure}_rank")
            & self.t3["value"].notna()
        ]

    def t3_world(self, symbol, measure) -> pd.Series:
        field = "world_production_2009" if measure == "production" else "world_reserves"
        return self.t3_cell(symbol, field)

    def claim_value(self, claim_id) -> float:
        parsed = parse_claimed(self.claims.loc[claim_id, "value"])
        if parsed is None:
            raise LookupError(f"claim {claim_id} states no number")
        return parsed.value

    def one(self, df, what, **where) -> pd.Series:
        for k, v in where.items():
            df = df[df[k].astype(str) == str(v)]
        if len(df) != 1:
            raise LookupError(f"{len(df)} rows of {what} match {where}")
        return df.iloc[0]


def _ref(row) -> str:
    return f"{row['file']}:{row['row']}"


# Each method returns (recomputed value, evidence sentence, source references).


def m_t3_value(src: Sources, a, claim):
    cell = src.t3_cell(a["symbol"], a["field"], a.get("rank"))
    note = ""
    if cell["correction_id"]:
        note = f" (printed {cell['value_printed']:,.0f} t, corrected by {cell['correction_id']})"
    return cell["value"], f"Table 3 gives {cell['value']:,.0f} t{note}", _ref(cell)


def m_t3_share(src: Sources, a, claim):
    world = src.t3_world(a["symbol"], a["measure"])
    listed = src.t3_listed(a["symbol"], a["measure"])
    country = listed[listed["country_code"] == a["country"]]
    if len(country) != 1:
        raise LookupError(f"{a['country']} is not listed for {a['symbol']} {a['measure']}")
    c = country.iloc[0]
    share = 100 * c["value"] / world["value"]
    return (
        share,
        f"Table 3: {c['country']} {c['value']:,.0f} t of a world "
        f"{world['value']:,.0f} t = {share:.1f}%",
        f"{_ref(c)}; {_ref(world)}",
    )


def m_t3_rank(src: Sources, a, claim):
    listed = src.t3_listed(a["symbol"], a["measure"])
    if a.get("countries_only"):
        listed = listed[listed["area_type"] == "country"]
    order = listed.sort_values("value", ascending=False)["country_code"].tolist()
    if a["country"] not in order:
        raise LookupError(f"{a['country']} not ranked")
    rank = order.index(a["country"]) + 1
    return (
        rank,
        f"Table 3 order by value: {', '.join(order)}",
        "; ".join(_ref(r) for r in listed.to_dict("records")),
    )


def m_t3_japan_share(src: Sources, a, claim):
    t = src.t3[
        (src.t3["symbol"] == a["symbol"])
        & (src.t3["field"] == "japan_import_share_rank")
        & (src.t3["country_code"] == a["country"])
    ]
    cell = src.one(t, "Table 3 Japan column")
    return (
        cell["value"],
        f"Table 3 prints Japan's imports from {cell['country']} as {cell['value']:g}%",
        _ref(cell),
    )


def m_t3_at_most(src: Sources, a, claim):
    """The most Table 3 leaves for the claim's countries together: the world total less
    the other listed countries, and no more than each listed member's own value plus,
    for each member Table 3 does not list, the smallest value it lists (an unlisted
    country ranks below the top three)."""
    members = a["countries"].split("+")
    world = src.t3_world(a["symbol"], a["measure"])
    listed = src.t3_listed(a["symbol"], a["measure"])
    inside = listed[listed["country_code"].isin(members)]
    others = listed[~listed["country_code"].isin(members)]
    unlisted = [m for m in members if m not in set(inside["country_code"])]
    smallest = listed["value"].min()
    residual = world["value"] - others["value"].sum()
    by_rank = inside["value"].sum() + smallest * len(unlisted)
    bound = min(residual, by_rank)
    refs = "; ".join(_ref(r) for r in listed.to_dict("records")) + f"; {_ref(world)}"
    parts = [f"{r['country_code']} {r['value']:,.0f} t" for r in inside.to_dict("records")]
    parts += [f"{m} at most {smallest:,.0f} t (unlisted)" for m in unlisted]
    return (
        bound,
        f"Table 3 leaves at most {bound:,.0f} t for {' + '.join(members)}: the "
        f"lesser of the world {world['value']:,.0f} t less the other listed countries "
        f"({residual:,.0f} t) and {' + '.join(parts)} ({by_rank:,.0f} t)",
        refs,
    )


def m_t3_us_nir(src: Sources, a, claim):
    symbols = a["symbols"].split("|")
    cells = [src.t3_cell(s, "us_net_import_reliance") for s in symbols]
    values = {s: c["value"] for s, c in zip(symbols, cells)}
    return (
        values,
        "Table 3 footnote (1): " + ", ".join(f"{s} {v:g}%" for s, v in values.items()),
        "; ".join(_ref(c) for c in cells),
    )


def _quota_row(src, year, period):
    return src.one(src.quotas, "quotas", year=year, period=period)


def m_quota(src: Sources, a, claim):
    row = _quota_row(src, a["year"], a["period"])
    return (float(row["value_t"]), f"{row['source_title']}: {row['value_as_printed']}", _ref(row))


def m_quota_change(src: Sources, a, claim):
    old, new = _quota_row(src, a["from"], a["period"]), _quota_row(src, a["to"], a["period"])
    change = 100 * (float(new["value_t"]) / float(old["value_t"]) - 1)
    return (
        change,
        f"quotas {a['period']}: {float(old['value_t']):,.0f} t ({a['from']}) → "
        f"{float(new['value_t']):,.0f} t ({a['to']}) = {change:+.1f}%",
        f"{_ref(old)}; {_ref(new)}",
    )


def _gwec_gw(row) -> float:
    value = float(str(row["value"]).lstrip("><"))
    return value / UNITS_PER_GW.get(row["unit"], 1)


def m_gwec(src: Sources, a, claim):
    row = src.one(
        src.gwec,
        "GWEC",
        source_id=a["source_id"],
        region=a["region"],
        year=a["year"],
        measure=a["measure"],
    )
    gw = _gwec_gw(row)
    return (
        gw,
        f"{row['publication']}: {a['region']} {a['measure'].replace('_', ' ')} "
        f"{row['value']} {row['unit']} = {gw:g} GW",
        _ref(row),
    )


def m_gwec_share(src: Sources, a, claim):
    """A country's share of the world, both from one publication (one vintage: a
    preliminary country figure is never set against a final world total)."""
    part = src.one(
        src.gwec,
        "GWEC",
        source_id=a["source_id"],
        region=a["region"],
        year=a["year"],
        measure=a["measure"],
    )
    world = src.one(
        src.gwec,
        "GWEC",
        source_id=a["source_id"],
        region="World",
        year=a["year"],
        measure=a["measure"],
    )
    share = 100 * _gwec_gw(part) / _gwec_gw(world)
    return (
        share,
        f"{part['publication']}: {a['region']} {_gwec_gw(part):g} GW of a world "
        f"{_gwec_gw(world):g} GW = {share:.2f}%",
        f"{_ref(part)}; {_ref(world)}",
    )


def _sipri(src, country, year, sheet):
    return src.one(src.sipri, "SIPRI", country=country, year=year, sipri_sheet=sheet)


def m_sipri_ratio(src: Sources, a, claim):
    old, new = (_sipri(src, a["country"], y, a["sheet"]) for y in (a["from"], a["to"]))
    ratio = float(new["value"]) / float(old["value"])
    cur = [_sipri(src, a["country"], y, "Current US$") for y in (a["from"], a["to"])]
    cur_ratio = float(cur[1]["value"]) / float(cur[0]["value"])
    return (
        ratio,
        f"SIPRI (2025 release), {a['sheet']}: {a['to']}/{a['from']} = {ratio:.2f} "
        f"(in current US$: {cur_ratio:.2f})",
        f"{_ref(old)}; {_ref(new)}",
    )


def m_sipri_value(src: Sources, a, claim):
    const = _sipri(src, a["country"], a["year"], "Constant (2023) US$")
    cur = _sipri(src, a["country"], a["year"], "Current US$")
    raise NotCheckable(
        f"Today's SIPRI series gives {float(cur['value']):,.0f} (current US$ m) and "
        f"{float(const['value']):,.0f} (constant 2023 US$ m); the paper quotes the SIPRI "
        "Yearbook 2010 in constant 2008 US$, a price base the snapshot does not hold. "
        "The SIPRI Yearbook 2010 would check it."
    )


def m_secondary_share(src: Sources, a, claim):
    row = src.one(
        src.secondary,
        "secondary evidence",
        source_id=a["source_id"],
        country=a["country"],
        measure=a["measure"],
    )
    world = src.claim_value(a["world"])
    share = 100 * claim.value / world
    return (
        float(row["value"]),
        f"{row['source_id']} gives {a['country']} {row['value']}% of "
        f"world reserves; the claim is {share:.2f}% of the paper's {world:,.0f} t",
        _ref(row),
        share,
    )


def m_secondary_value(src: Sources, a, claim):
    row = src.one(
        src.secondary,
        "secondary evidence",
        source_id=a["source_id"],
        country=a["country"],
        measure=a["measure"],
    )
    value = float(str(row["value"]).replace(",", ""))
    shown = f"{value:,.0f}" if value >= 1000 else f"{value:g}"
    return (
        value,
        f"{row['source_id']} gives {a['country']} {a['measure'].replace('_', ' ')} "
        f"{shown} {row['unit']}",
        _ref(row),
    )


def m_arith(src: Sources, a, claim):
    expr = a["expr"]
    ids = sorted(set(re.findall(r"C\d{3}", expr)))
    env = {i: src.claim_value(i) for i in ids}
    value = eval(expr, {"__builtins__": {}}, env)  # noqa: S307 (expressions from our own table)
    return (
        value,
        f"the paper's own figures: {expr} with "
        + ", ".join(f"{i} = {v:g}" for i, v in env.items())
        + f" gives {value:g}",
        "claims.csv",
    )


def _us_output(src: Sources) -> pd.Series:
    d = src.ds140[src.ds140["statistic"] == "us_production"]
    return d.set_index("year")["value"]


def _zero_run(us: pd.Series, year: int) -> tuple[int, int]:
    """First and last year of the run of zero US output that holds ``year``."""
    run = zero_run(us, year)
    if run is None:
        found = us.get(year)
        raise NotCheckable(
            f"USGS DS 140 gives US rare-earth production in {year} as "
            + (f"{found:,.0f} t, not zero" if found == found and found is not None else "no number")
            + ": the data show no stop that year"
        )
    return run


def _ds140_ref(src: Sources, years, statistic="us_production") -> str:
    d = src.ds140[(src.ds140["statistic"] == statistic) & src.ds140["year"].isin(list(years))]
    rows = sorted(set(d["row"]))
    return f"{d['file'].iloc[0]}:rows {rows[0]}-{rows[-1]}"


def m_ds140_value(src: Sources, a, claim):
    row = src.one(src.ds140, "DS 140", year=a["year"], statistic=a["statistic"])
    if pd.isna(row["value"]):
        raise NotCheckable(f"USGS DS 140 gives {a['statistic']} {a['year']} as {row['flag']}")
    return (
        float(row["value"]),
        f"USGS DS 140 gives {a['statistic'].replace('_', ' ')} in {a['year']} as "
        f"{row['value']:,.0f} {row['unit']}",
        f"{row['file']}:{row['row']}",
    )


def m_ds140_stop(src: Sources, a, claim):
    """The first year of the run of zero US output that holds the claimed year."""
    us = _us_output(src)
    start, end = _zero_run(us, int(claim.value))
    return (
        float(start),
        f"USGS DS 140 gives US rare-earth production of {us[start - 1]:,.0f} t in "
        f"{start - 1}, zero from {start} to {end} and {us.get(end + 1, float('nan')):,.0f} t "
        f"in {end + 1}",
        _ds140_ref(src, range(start - 1, end + 2)),
    )


def m_ds140_restart(src: Sources, a, claim):
    """The first year with US output after the run of zero output that holds ``during``."""
    us = _us_output(src)
    start, end = _zero_run(us, int(a["during"]))
    return (
        float(end + 1),
        f"USGS DS 140 gives US rare-earth production of zero from {start} to {end} and "
        f"{us.get(end + 1, float('nan')):,.0f} t in {end + 1}",
        _ds140_ref(src, range(start, end + 2)),
    )


def m_ds140_price_ranges(src: Sources, a, claim):
    """What the unit values (1998 dollars) say about a period of stable prices: their
    range before and after the claimed turn; "stable" sets no measure to check."""
    d = src.ds140[src.ds140["statistic"] == "unit_value_1998usd"].dropna(subset=["value"])
    turn, first, last = int(a["turn"]), int(a["first"]), int(a["last"])
    parts = []
    for lo, hi in ((first, turn - 1), (turn, last)):
        p = d[(d["year"] >= lo) & (d["year"] <= hi)].set_index("year")["value"]
        changes = p.pct_change().abs().dropna()
        parts.append(
            f"{lo}-{hi}: from {p.min():,.0f} ({p.idxmin()}) to {p.max():,.0f} ({p.idxmax()}), "
            f"a factor of {p.max() / p.min():.1f}; the largest change in a year "
            f"{changes.max():.0%} ({changes.idxmax()})"
        )
    raise NotCheckable(
        "'Stable' sets no measure to check. USGS DS 140's unit value (1998 US$/t) ranged "
        + "; ".join(parts)
        + ". Unit values are of US trade and consumption, not a market price"
    )


ELEMENT_PROPERTIES = {
    "density": "e.density",
    "melting_point": "p.melting_point",
    "boiling_point": "p.boiling_point",
}


def element_property(symbol: str, name: str) -> tuple[str, float | None, str]:
    """(element name, value, package version) of ``density`` (g/cm3) or ``melting_point``
    / ``boiling_point`` (K) from the database the element-properties package ``mendeleev``
    ships. It is read with sqlite3: importing mendeleev's object layer (SQLAlchemy,
    pydantic, Pint) costs more than a second, the query a millisecond."""
    spec = importlib.util.find_spec("mendeleev")
    if spec is None:
        raise NotCheckable("the element-properties package mendeleev is not installed")
    db = Path(spec.submodule_search_locations[0]) / "elements.db"
    with closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True)) as con:
        rows = con.execute(
            f"SELECT e.name, {ELEMENT_PROPERTIES[name]} FROM elements e "
            "LEFT JOIN phasetransitions p ON p.atomic_number = e.atomic_number "
            "WHERE e.symbol = ?",
            (symbol,),
        ).fetchall()
    if len(rows) != 1:
        raise NotCheckable(f"mendeleev has {len(rows)} records of {name} for {symbol}")
    return rows[0][0], rows[0][1], importlib.metadata.version("mendeleev")


def m_element_property(src: Sources, a, claim):
    """An element's physical property from the element-properties package ``mendeleev``
    (melting and boiling points in kelvin there; ``unit=C`` gives Celsius)."""
    element, value, version = element_property(a["symbol"], a["property"])
    if value is None:
        raise NotCheckable(f"mendeleev gives no {a['property']} for {a['symbol']}")
    shown = {"C": "°C", "K": "K", "g/cm3": "g/cm3 (= Mg/m3)"}[a["unit"]]
    if a["unit"] == "C":
        value -= 273.15
    return (
        float(value),
        f"mendeleev {version} gives the {a['property'].replace('_', ' ')} of "
        f"{element} as {value:,.6g} {shown}",
        f"mendeleev {version}: {a['symbol']}.{a['property']}",
    )


class NotCheckable(Exception):
    """A check that can only say why the claim cannot be checked here."""


METHODS = {name[2:]: fn for name, fn in globals().items() if name.startswith("m_")}
# methods that only describe what the data say (a claim without a number to check)
DESCRIBE = {"ds140_price_ranges"}


def _holds(recomputed, claimed: Claimed, step: Decimal, tolerance: float | None, op: str) -> bool:
    """Whether the data bear the claim out: by the rounding rule, or within ``tolerance``
    where the claim is approximate or its check gives one."""
    if isinstance(recomputed, dict):
        return all(_holds(v, claimed, step, tolerance, op) for v in recomputed.values())
    lower_bound = op in (">", ">=") or claimed.bound in (">", ">=")
    if tolerance is not None:
        if lower_bound:
            return recomputed >= claimed.value - tolerance
        if op == "at_most":
            return claimed.value <= recomputed + tolerance
        return abs(recomputed - claimed.value) <= tolerance + 1e-9
    rounded = round_half_up(recomputed, step)
    if lower_bound:
        return rounded >= claimed.value
    if op == "at_most":
        return claimed.value <= rounded
    return rounded == claimed.value


def correction_bases(table3: pd.DataFrame) -> dict[str, str]:
    """Claim id -> the Table 3 correction whose evidence rests on that claim."""
    return {
        cid: r["correction_id"]
        for r in table3.to_dict("records")
        if r.get("correction_id")
        for cid in re.findall(r"C\d{3}", r["correction_evidence"])
    }


def _other_vintage(cited: str, method: str, args: dict) -> str | None:
    """The vintage the paper cites where a check reads another one, else None."""
    if method not in VINTAGED_METHODS:
        return None
    for title, source_id in CITED_VINTAGES.items():
        if title.casefold() in cited.casefold() and args.get("source_id") != source_id:
            return f"{title.title()} ({source_id})"
    return None


def evidence_class(method: str, refs: str, corrected_from: dict[str, str]) -> str:
    """The class of what a verdict rests on (``EVIDENCE_CLASSES``); ``corrected_from``
    maps a Table 3 cell (file:row) to the claims its correction was derived from."""
    if method.startswith("t3_"):
        cells = [r.strip() for r in refs.split(";")]
        if any(corrected_from.get(c) for c in cells):
            return "correction_from_claim"
        return "paper_table3"
    if method == "arith":
        return "paper_text"
    return "independent"


def corrected_from_claims(table3: pd.DataFrame) -> dict[str, str]:
    """Table 3 cell (file:row) -> the claims its correction was derived from."""
    out = {}
    for r in table3.to_dict("records"):
        found = re.findall(r"C\d{3}", r.get("correction_evidence", "") or "")
        if r.get("correction_id") and found:
            out[f"{r['file']}:{r['row']}"] = ";".join(found)
    return out


def audit_claims(
    claims: pd.DataFrame, checks: pd.DataFrame, src: Sources, checks_path: str
) -> pd.DataFrame:
    """Every claim with a status, the recomputed value and a sentence of evidence."""
    unknown = sorted(set(checks["claim_id"]) - set(claims["claim_id"]))
    if unknown:
        raise InputError(
            checks_path, "claim ids of claims.csv", ", ".join(unknown), column="claim_id"
        )
    by_id = {r["claim_id"]: (r["row"], r) for r in checks.to_dict("records")}
    bases = correction_bases(src.t3)
    corrected = corrected_from_claims(src.t3)
    out = []
    for c in claims.to_dict("records"):
        line, check = by_id.get(c["claim_id"], (None, None))
        row = {
            k: c[k]
            for k in (
                "claim_id",
                "section",
                "text_ja",
                "text_en",
                "subject",
                "quantity",
                "value",
                "unit",
                "year",
            )
        }
        row.update(method="", recomputed="", tolerance="", sources="", evidence_class="none")
        if check is None or check["method"] == "none":
            cited = str(c["cited_source"])
            reason = (
                check["note"]
                if check is not None and check["note"]
                else "No source in the snapshot covers this claim; "
                + (
                    f"the source the paper cites would check it: {cited}"
                    if cited and cited != "nan" and not cited.startswith("none")
                    else "a primary record of it would check it"
                )
            )
            out.append({**row, "status": "not-checkable", "evidence": reason})
            continue
        claimed = parse_claimed(c["value"])
        if check["method"] not in METHODS or (claimed is None and check["method"] not in DESCRIBE):
            raise InputError(
                checks_path,
                f"a method of {sorted(METHODS)} for a claim that states a number",
                f"{check['method']} for {c['value']!r}",
                row=line,
                column="method",
            )
        args = parse_args(check["args"])
        basis = bases.get(c["claim_id"])
        if basis and check["method"].startswith("t3_"):
            raise InputError(
                checks_path,
                f"a check on evidence independent of Table 3: the "
                f"claim is the basis of correction {basis}, so the corrected "
                "cell would only return the claim",
                check["method"],
                row=line,
                column="method",
            )
        try:
            result = METHODS[check["method"]](src, args, claimed)
        except NotCheckable as why:
            out.append(
                {**row, "method": check["method"], "status": "not-checkable", "evidence": str(why)}
            )
            continue
        except (LookupError, KeyError) as err:
            raise InputError(
                checks_path, "a check whose data can be found", str(err), row=line
            ) from None
        recomputed, evidence, refs = result[:3]
        cited_vintage = _other_vintage(str(c["cited_source"]), check["method"], args)
        if cited_vintage:
            out.append(
                {
                    **row,
                    "method": check["method"],
                    "status": "not-checkable",
                    "recomputed": _fmt(recomputed),
                    "sources": refs,
                    "evidence": f"{evidence}: another vintage than the one the paper cites, "
                    f"{cited_vintage}, whose figure the snapshot lacks; evidence, not a verdict"
                    + (f". {check['note']}" if check["note"] else ""),
                }
            )
            continue
        op = "at_most" if check["method"] == "t3_at_most" else args.get("op", "")
        tol = (
            float(check["tolerance"])
            if check["tolerance"]
            else (default_tolerance(c["value"], claimed) if claimed.approx else None)
        )
        if check["method"] == "secondary_share":
            # the source's printed percentage against the claim's share, rounded alike
            source = Claimed(recomputed, False, "")
            step = precision(f"{recomputed:g}")
            ok = _holds(result[3], source, step, tol, "")
        else:
            step = precision(c["value"], c["unit"])
            ok = _holds(recomputed, claimed, step, tol, op)
        # "about": the data agree within the check's tolerance but cannot give the number
        bound = op in (">", ">=", "at_most", "about") or claimed.bound != ""
        status = ("consistent" if bound else "match") if ok else check["on_fail"]
        if check["note"]:
            evidence += f". {check['note']}"
        if basis:
            evidence += (
                f". The claim is the basis of correction {basis} of Table 3; "
                "this check reads evidence independent of it"
            )
        out.append(
            {
                **row,
                "method": check["method"],
                "status": status,
                "recomputed": _fmt(recomputed),
                "tolerance": f"{tol:g}" if tol is not None else f"{float(step) / 2:g}",
                "sources": refs,
                "evidence": evidence,
                "evidence_class": evidence_class(check["method"], refs, corrected),
            }
        )
    table = pd.DataFrame(out)
    return table[[c for c in table.columns if c != "evidence_class"] + ["evidence_class"]]


def add_later_evidence(
    audit: pd.DataFrame, later: pd.DataFrame, src: Sources, later_path: str
) -> pd.DataFrame:
    """Append to a claim's evidence what a later source says of the same figure
    (``data/audit/claim_later_evidence.csv``: claim_id, method, args, note): a revision
    the paper could not know, which leaves the claim's status as its own source gives it."""
    audit = audit.set_index("claim_id", drop=False)
    for line, r in enumerate(later.to_dict("records"), start=2):
        if r["claim_id"] not in audit.index or r["method"] not in METHODS:
            raise InputError(
                later_path,
                "a claim id of claims.csv and a check method",
                f"{r['claim_id']} {r['method']}",
                row=line,
            )
        claimed = parse_claimed(audit.at[r["claim_id"], "value"])
        try:
            _, evidence, refs = METHODS[r["method"]](src, parse_args(r["args"]), claimed)[:3]
        except (LookupError, KeyError) as err:
            raise InputError(later_path, "a check whose data can be found", str(err), row=line)
        cid = r["claim_id"]
        audit.at[cid, "evidence"] += f". Later data: {evidence}. {r['note']}".rstrip(". ")
        audit.at[cid, "sources"] = "; ".join(filter(None, [audit.at[cid, "sources"], refs]))
    return audit.reset_index(drop=True)


def _fmt(value) -> str:
    if isinstance(value, dict):
        return "; ".join(f"{k} {v:g}" for k, v in value.items())
    if isinstance(value, (int, float)) and not math.isnan(value):
        return f"{value:,.0f}" if abs(value) >= 10_000 else f"{value:.6g}"
    return str(value)


def table3_errata(
    table3: pd.DataFrame,
    notes: pd.DataFrame,
    claims_audit: pd.DataFrame,
    checks: pd.DataFrame,
    notes_path: str,
) -> pd.DataFrame:
    """Every cell of Table 3 with a status, the corrected value and the evidence type.

    Statuses come from one place each: ``unit-slip``/``inconsistent`` from the corrections
    (already on the corrected table), ``format`` and minor inconsistencies from the notes
    (``notes_path``, data/audit/table3_notes.csv), ``text-conflict`` from the claims the
    audit found inconsistent with a cell.
    """
    t = table3.copy()
    t["status"] = t["correction_status"].where(
        t["correction_status"] != "", t["flag"].map({"blank": "blank"}).fillna("ok")
    )
    t["evidence"] = t["correction_evidence"]
    t["claims"] = ""
    for n in notes.to_dict("records"):
        hit = (t["symbol"] == n["symbol"]) & (t["field"] == n["field"])
        if n["rank"]:
            hit &= t["rank"] == float(n["rank"])
        if hit.sum() != 1:
            raise InputError(
                notes_path,
                "a (symbol, field, rank) naming one cell",
                f"{n['symbol']} {n['field']} {n['rank']}",
            )
        if n["status"] not in ERRATA_STATUSES:
            raise InputError(
                notes_path, f"a status in {ERRATA_STATUSES}", n["status"], column="status"
            )
        t.loc[hit, ["status", "evidence_type", "evidence"]] = [
            n["status"],
            n["evidence_type"],
            n["evidence"],
        ]
    conflicts = claims_audit[
        (claims_audit["status"] == "inconsistent") & claims_audit["method"].str.startswith("t3_")
    ]
    args = checks.set_index("claim_id")["args"]
    for c in conflicts.to_dict("records"):
        a = parse_args(args[c["claim_id"]])
        hit = t["symbol"] == a["symbol"]
        if "field" in a:
            hit &= t["field"] == a["field"]
            if "rank" in a:
                hit &= t["rank"] == float(a["rank"])
        elif c["method"] == "t3_japan_share":
            hit &= (t["field"] == "japan_import_share_rank") & (t["country_code"] == a["country"])
        elif "country" in a:
            hit &= (t["field"] == f"{a['measure']}_rank") & (t["country_code"] == a["country"])
        else:
            continue
        t.loc[hit & (t["status"] == "ok"), ["status", "evidence_type"]] = [
            "text-conflict",
            "paper_text",
        ]
        t.loc[hit, "claims"] = t.loc[hit, "claims"].map(
            lambda s, cid=c["claim_id"]: ";".join(filter(None, [s, cid]))
        )
        t.loc[hit & (t["evidence"] == ""), "evidence"] = c["evidence"]
    keep = [
        "symbol",
        "commodity",
        "field",
        "rank",
        "country_code",
        "country_ja",
        "value_as_printed",
        "value_printed",
        "value",
        "unit",
        "status",
        "correction_id",
        "evidence_type",
        "evidence",
        "claims",
        "file",
        "row",
    ]
    return t[keep].rename(columns={"value": "value_corrected"})
