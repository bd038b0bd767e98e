"""What the USGS itself states against what the pipeline computes from its world tables.

The releases summarise their own world tables: MCS 2026's table T7 (and MCS 2024's T5)
gives, per critical mineral, the leading producing country, its production and share, the
world total, the US net import reliance and the primary import source; MCS 2026's Fig. 2
lists the import sources in order of share, and Fig. 3 gives their percentages. Each
statement is set beside the pipeline's number for the same edition and year (the edition's
own distribution, not the best series), and each difference over the tolerance carries
the explanation a rule finds, or a documented one from ``data/audit/usgs_peer_notes.csv``;
a difference nothing explains stops the build.

Explanations, tried in order (each a check on the numbers, not a label):

- ``denominator``: the pipeline's share is of the listed countries' sum, which is above
  the (rounded) world total; the USGS's is of its total;
- ``usgs-arithmetic``: the stated share is not the stated leader's production over the
  stated world total (manganese: 37% printed, 7.6/20 = 38%);
- ``excludes-us``: the statement says its total excludes US production, which the world
  table includes;
- ``revision``: the statement's world total is not the world table's (by more than
  rounding), so the shares are of different totals;
- ``open-total``: the world table's total is only a lower bound, so the pipeline's share
  is an upper bound.
"""

from __future__ import annotations

import math
import re

import pandas as pd

from raremetals.core.errors import InputError
from raremetals.core.io import read_csv_rows
from raremetals.stats import analysis

SHARE_POINTS = 1.0  # a share within one percentage point agrees
TOTAL_SAME = 0.02  # totals within 2% agree (both are rounded to two or three digits)
COLUMNS = [
    "statement_file",
    "statement_row",
    "edition",
    "year",
    "name_in_source",
    "commodity",
    "series",
    "statement",
    "usgs_states",
    "pipeline",
    "difference",
    "agreement",
    "explanation",
]
# the two tables' columns by what they hold (MCS 2024 spells some apart)
_T_COLUMNS = {
    "name": ["Critical_mineral"],
    "year": ["Year"],
    "nir": ["Net_Import_Reliance"],
    "source": ["Primary_import_sources_2021-24", "Primary_import_source"],
    "leader": ["Leading_source_country"],
    "leader_prod": ["Leading_country_prod"],
    "share": ["Leading_source_precent_world"],
    "world": ["World_total_prod"],
    "world_notes": ["World_prod_notes"],
}
_NUMBER = re.compile(r"^\d[\d,]*(?:\.\d+)?$")


def _number(text: str) -> float | None:
    text = text.strip()
    return float(text.replace(",", "")) if _NUMBER.match(text) else None


def _name(text: str) -> str:
    """A mineral's name without the footnote digit the table appends ("metals)9")."""
    return re.sub(r"(?<=\))\d+$", "", " ".join(text.split()))


def read_salient_table(path) -> list[dict]:
    """The rows of a critical-minerals salient table (T7, T5) by what each column holds,
    with the line of each."""
    rows = read_csv_rows(path)
    header = [h.strip() for h in rows[0]]
    col = {}
    for what, names in _T_COLUMNS.items():
        found = [header.index(n) for n in names if n in header]
        if not found:
            raise InputError(path, f"a column named {' or '.join(names)}", ", ".join(header))
        col[what] = found[0]
    out = []
    for line, cells in enumerate(rows[1:], start=2):
        if not any(c.strip() for c in cells):
            continue
        year = re.match(r"^(\d{4})", cells[col["year"]].strip())
        if not year:
            raise InputError(
                path, "a year such as 2025_estimated", cells[col["year"]], row=line, column="Year"
            )
        r = {what: cells[i].strip() for what, i in col.items()}
        # the world tables are in metric tons; MCS 2024's T5 has no unit column (its
        # figures are metric tons too, as its world totals show)
        if "Units" in header and cells[header.index("Units")].strip() != "metric tons":
            raise InputError(
                path, "metric tons", cells[header.index("Units")], row=line, column="Units"
            )
        out.append({**r, "name": _name(r["name"]), "year": int(year[1]), "line": line})
    return out


def _distribution(obs, commodity, edition, year, words, path, line):
    d = obs[
        (obs["commodity"] == commodity)
        & (obs["edition"] == edition)
        & (obs["year"] == year)
        & (obs["measure"] == "production")
        & (obs["excluded"] == "")
    ]
    series = sorted(s for s in set(d["series"]) if words.lower() in s.lower())
    if not series and not d.empty:
        return None
    if not series:
        return d
    if len(series) != 1:
        raise InputError(
            path,
            f"one {edition} production series of {commodity} in {year}"
            + (f" whose name holds '{words}'" if words else "")
            + " (name it in series_words of data/audit/usgs_peer_names.csv)",
            "; ".join(series) or "none",
            row=line,
        )
    return d[d["series"] == series[0]]


def _share_explanation(stated, conc, r, rows_world):
    """Why the stated leading share and the pipeline's differ, or ''."""
    total, world = conc["total"], conc["world_total"]
    leader_prod, stated_world = _number(r["leader_prod"]), _number(r["world"])
    if leader_prod and stated_world:
        own = 100 * leader_prod / stated_world
        if abs(own - stated) > SHARE_POINTS:
            return "usgs-arithmetic", f"{leader_prod:,.0f} / {stated_world:,.0f} = {own:.1f}%"
    if (
        conc["total_source"] != "world total row"
        and not math.isnan(world)
        and abs(100 * conc["cr1"] * total / world - stated) <= SHARE_POINTS
    ):
        return "denominator", (
            f"of the world total {world:,.0f} the pipeline's leader holds "
            f"{100 * conc['cr1'] * total / world:.1f}%; the pipeline divides by the listed "
            f"sum {total:,.0f}, above it"
        )
    if "excludes u.s." in r["world_notes"].lower():
        return "excludes-us", f"the table's world total excludes US production ({r['world']})"
    if stated_world and rows_world and abs(stated_world / rows_world - 1) > TOTAL_SAME:
        return "revision", (
            f"the table's world total {stated_world:,.0f} is not the world table's "
            f"{rows_world:,.0f}"
        )
    if conc["total_is_lower_bound"]:
        return "open-total", "the world table's total is only a lower bound"
    return "", ""


def peer_check(
    obs: pd.DataFrame,
    nir: pd.DataFrame,
    tables: list[tuple[str, str]],
    fig3: tuple[str, str] | None,
    names: pd.DataFrame,
    notes: pd.DataFrame,
    resolver,
) -> pd.DataFrame:
    """Every statement of the salient tables (``tables``: (path, edition) pairs) and of
    Fig. 3 (``fig3``: (path, edition)) against the pipeline's numbers, with agreement and
    explanation; ``obs`` are the observations of every edition, ``nir`` the net import
    reliance of Fig. 2, ``notes`` the documented explanations."""
    mapping = {_name(r["name_in_source"]): r for r in names.to_dict("records")}
    documented = {
        (r["edition"], r["name_in_source"], r["statement"]): r["explanation"]
        for r in notes.to_dict("records")
    }
    out = []
    for path, edition in tables:
        for r in read_salient_table(path):
            if r["name"] not in mapping:
                raise InputError(
                    path,
                    "a mineral named in data/audit/usgs_peer_names.csv",
                    r["name"],
                    row=r["line"],
                    column="Critical_mineral",
                )
            m = mapping[r["name"]]
            base = {
                "statement_file": path.rsplit("/", 1)[-1],
                "statement_row": r["line"],
                "edition": edition,
                "year": r["year"],
                "name_in_source": r["name"],
                "commodity": m["commodity"],
            }
            if not m["commodity"]:
                out.append(
                    {
                        **base,
                        "series": "",
                        "statement": "all",
                        "usgs_states": "",
                        "pipeline": "",
                        "difference": math.nan,
                        "agreement": "not compared",
                        "explanation": m["note"],
                    }
                )
                continue
            out += _statements(obs, nir, r, m, base, path, edition, resolver)
    if fig3 is not None:
        out += _fig3_statements(*fig3, nir, resolver)
    table = pd.DataFrame(out, columns=COLUMNS)
    for i, row in table.iterrows():
        key = (row["edition"], row["name_in_source"], row["statement"])
        if row["agreement"] == "differs" and key in documented:
            table.at[i, "agreement"] = "differs, explained"
            table.at[i, "explanation"] = "documented: " + documented[key]
    return table


def check_explained(table: pd.DataFrame) -> None:
    """Stop on a difference that neither a rule nor a documented note explains."""
    bad = table[table["agreement"] == "differs"]
    if bad.empty:
        return
    row = bad.iloc[0]
    raise InputError(
        row["statement_file"],
        f"{row['statement']} that the pipeline's numbers reproduce, or a rule or a row of "
        f"data/audit/usgs_peer_notes.csv that explains the difference ({len(bad)} such)",
        f"{row['name_in_source']}: USGS {row['usgs_states']}, pipeline {row['pipeline']}",
        row=int(row["statement_row"]),
    )


def _row(base, series, statement, states, mine, difference, agrees, why=("", "")):
    return {
        **base,
        "series": series,
        "statement": statement,
        "usgs_states": states,
        "pipeline": mine,
        "difference": difference,
        "agreement": "agrees" if agrees else ("differs, explained" if why[0] else "differs"),
        "explanation": f"{why[0]}: {why[1]}" if why[0] else "",
    }


def _statements(obs, nir, r, m, base, path, edition, resolver):
    d = _distribution(obs, m["commodity"], edition, r["year"], m["series_words"], path, r["line"])
    if d is None or d.empty:
        if _number(r["world"]) is not None or _number(r["share"]) is not None:
            raise InputError(
                path,
                f"a {edition} world production series of {m['commodity']} in {r['year']} "
                "to set the table's figures against",
                "none",
                row=r["line"],
            )
        return [
            {
                **_row(base, "", "all", r["world"], "", math.nan, False),
                "agreement": "not compared",
                "explanation": "neither the table nor the world table gives a number",
            }
        ]
    dist = analysis.usgs_distributions(d)
    conc = analysis.concentration(dist, {}).iloc[0]
    series = conc["series"]
    rows_world = conc["world_total"] if not math.isnan(conc["world_total"]) else None
    out = []
    stated_world = _number(r["world"])
    if stated_world is not None:
        mine = rows_world if rows_world is not None else conc["total"]
        diff = stated_world / mine - 1 if mine else math.nan
        why = ("", "")
        if not abs(diff) <= TOTAL_SAME:
            if "excludes u.s." in r["world_notes"].lower():
                why = ("excludes-us", "the table's total excludes US production")
            elif rows_world is None:
                why = ("open-total", "the world table gives no world total: the sum of its rows")
        out.append(
            _row(
                base,
                series,
                "world total (t)",
                r["world"],
                f"{mine:.12g}",
                diff,
                abs(diff) <= TOTAL_SAME,
                why,
            )
        )
    leader = r["leader"]
    if leader and leader not in ("NA", "W"):
        code = resolver.require(leader, path, row=r["line"], column="Leading_source_country").code
        ok = code in conc["cr1_country"].split(";")
        why = ("", "")
        if not ok and not conc["cr1_country"]:
            why = ("no-figures", "the world table gives no country a number")
        elif not ok and conc["total_is_lower_bound"]:
            why = ("open-total", "countries without a number may lead")
        out.append(
            _row(base, series, "leading country", code, conc["cr1_country"], math.nan, ok, why)
        )
        stated = _number(r["share"])
        if stated is not None and ok:
            mine = 100 * conc["cr1"]
            diff = mine - stated
            agrees = abs(diff) <= SHARE_POINTS
            why = ("", "") if agrees else _share_explanation(stated, conc, r, rows_world)
            out.append(
                _row(
                    base,
                    series,
                    "leading country's share (%)",
                    r["share"],
                    f"{mine:.1f}",
                    diff,
                    agrees,
                    why,
                )
            )
    nir_row = nir[(nir["edition"] == edition) & (nir["commodity"] == m["commodity"])]
    if len(nir_row) > 1:  # platinum and palladium: the label names the metal
        nir_row = nir_row[
            nir_row["commodity_label"].map(lambda lab: _fig2_label(r["name"], [lab]) is not None)
        ]
    if r["nir"] and len(nir_row):
        fig2 = nir_row.iloc[0]["value_raw"]
        stated = r["nir"].replace(" ", "")
        out.append(
            _row(
                base,
                series,
                "net import reliance (%)",
                r["nir"],
                fig2,
                math.nan,
                fig2 == stated,
                _nir_explanation(stated, fig2),
            )
        )
    return out


def _nir_explanation(stated: str, fig2: str) -> tuple[str, str]:
    """Why two statements of the same net import reliance differ, or ('', '')."""
    if fig2[:1] in "<>" and fig2[1:] == stated:
        return "bound-sign", f"Fig. 3 prints the bound {fig2} without its sign"
    return "", ""


def _fig2_label(name: str, labels: list[str]) -> str | None:
    """Fig. 2's label for a mineral of Fig. 3 or T7: the same words in any order and case
    ("Graphite, natural" is "GRAPHITE (NATURAL)"), else, for a name of one word, the one
    label that starts with it ("Niobium" is "NIOBIUM (COLUMBIUM)")."""

    def words(text):
        return re.findall(r"[a-z0-9]+", text.casefold())

    same = [lab for lab in labels if sorted(words(lab)) == sorted(words(name))]
    if same:
        return same[0]
    if len(words(name)) != 1:
        return None
    starting = [lab for lab in labels if words(lab)[:1] == words(name)]
    return starting[0] if len(starting) == 1 else None


def _fig3_statements(path, edition: str, nir: pd.DataFrame, resolver) -> list[dict]:
    """Fig. 3's largest import source and net import reliance of each mineral against
    Fig. 2's first-listed source and its reliance (the same release)."""
    rows = read_csv_rows(path)
    header = [h.strip() for h in rows[0]]
    for c in ("Commodity", "Import_Source_2021_24", "Percent", "NIR"):
        if c not in header:
            raise InputError(path, f"a column named {c}", ", ".join(header))
    col = {h: i for i, h in enumerate(header)}
    fig2 = nir[nir["edition"] == edition]
    labels = list(fig2["commodity_label"])
    minerals: dict[str, list] = {}
    for line, cells in enumerate(rows[1:], start=2):
        if any(c.strip() for c in cells):
            minerals.setdefault(cells[col["Commodity"]].strip(), []).append((line, cells))
    out = []
    for name, parts in minerals.items():
        partners = []
        for line, cells in parts:
            partner = cells[col["Import_Source_2021_24"]].strip()
            if partner == "NA":
                continue  # the release names no source (hafnium; cesium's "NA, 100")
            pct = _number(cells[col["Percent"]])
            if pct is None:
                raise InputError(
                    path, "a percentage", cells[col["Percent"]], row=line, column="Percent"
                )
            if partner != "Other":
                partners.append((pct, partner, line))
        line = parts[0][0]
        label = _fig2_label(name, labels)
        base = {
            "statement_file": path.rsplit("/", 1)[-1],
            "statement_row": line,
            "edition": edition,
            "year": int(fig2["year"].iloc[0]) if len(fig2) else 0,
            "name_in_source": name,
            "series": "",
        }
        if label is None or not partners:
            out.append(
                {
                    **base,
                    "commodity": "",
                    "statement": "largest import source",
                    "usgs_states": "",
                    "pipeline": "",
                    "difference": math.nan,
                    "agreement": "not compared",
                    "explanation": "Fig. 2 lists no mineral of that name"
                    if label is None
                    else "Fig. 3 names no import source",
                }
            )
            continue
        f2 = fig2[fig2["commodity_label"] == label].iloc[0]
        base["commodity"] = f2["commodity"]
        top = max(partners, key=lambda p: p[0])
        code = resolver.require(top[1], path, row=top[2], column="Import_Source_2021_24").code
        first = f2["import_source_codes"].split(";")[0]
        out.append(
            _row(
                base,
                "",
                "largest import source (Fig. 3 against Fig. 2)",
                code,
                first,
                math.nan,
                code == first,
            )
        )
        stated = parts[0][1][col["NIR"]].strip()
        out.append(
            _row(
                base,
                "",
                "net import reliance (%) (Fig. 3 against Fig. 2)",
                stated,
                f2["value_raw"],
                math.nan,
                stated == f2["value_raw"],
                _nir_explanation(stated, f2["value_raw"]),
            )
        )
    return out
