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

import pandas as pd

from raremetals.audit.peer.explanations import (
    SHARE_POINTS,
    TOTAL_SAME,
    nir_explanation,
    share_explanation,
    statement_row,
)
from raremetals.audit.peer.reading import fig2_label, mineral_name, number, read_salient_table
from raremetals.core.errors import InputError
from raremetals.core.io import read_csv_rows
from raremetals.core.schemas.usgs import USGS_PEER_CHECK
from raremetals.stats.concentration import concentration
from raremetals.stats.distributions import usgs_distributions

COLUMNS = list(USGS_PEER_CHECK.columns)


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


def peer_check(
    obs: pd.DataFrame,
    nir: pd.DataFrame,
    tables: list[tuple[str, str]],
    figures: list[tuple[str, str]],
    names: pd.DataFrame,
    notes: pd.DataFrame,
    resolver,
) -> pd.DataFrame:
    """Every statement of the salient tables (``tables``: (path, edition) pairs) and of the
    import-shares figures (``figures``: Fig. 3, likewise) against the pipeline's numbers,
    with agreement and explanation; ``obs`` are the observations of every edition, ``nir``
    the net import reliance of Fig. 2, ``notes`` the documented explanations."""
    mapping = {mineral_name(r["name_in_source"]): r for r in names.to_dict("records")}
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
    for path, edition in figures:
        out += _fig3_statements(path, edition, nir, resolver)
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


def _statements(obs, nir, r, m, base, path, edition, resolver):
    d = _distribution(obs, m["commodity"], edition, r["year"], m["series_words"], path, r["line"])
    if d is None or d.empty:
        if number(r["world"]) is not None or number(r["share"]) is not None:
            raise InputError(
                path,
                f"a {edition} world production series of {m['commodity']} in {r['year']} "
                "to set the table's figures against",
                "none",
                row=r["line"],
            )
        return [
            {
                **statement_row(base, "", "all", r["world"], "", math.nan, False),
                "agreement": "not compared",
                "explanation": "neither the table nor the world table gives a number",
            }
        ]
    dist = usgs_distributions(d)
    conc = concentration(dist, {}).iloc[0]
    series = conc["series"]
    rows_world = conc["world_total"] if not math.isnan(conc["world_total"]) else None
    out = []
    stated_world = number(r["world"])
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
            statement_row(
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
            statement_row(
                base, series, "leading country", code, conc["cr1_country"], math.nan, ok, why
            )
        )
        stated = number(r["share"])
        if stated is not None and ok:
            mine = 100 * conc["cr1"]
            diff = mine - stated
            agrees = abs(diff) <= SHARE_POINTS
            why = ("", "") if agrees else share_explanation(stated, conc, r, rows_world)
            out.append(
                statement_row(
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
            nir_row["commodity_label"].map(lambda lab: fig2_label(r["name"], [lab]) is not None)
        ]
    if r["nir"] and len(nir_row):
        fig2 = nir_row.iloc[0]["value_raw"]
        stated = r["nir"].replace(" ", "")
        out.append(
            statement_row(
                base,
                series,
                "net import reliance (%)",
                r["nir"],
                fig2,
                math.nan,
                fig2 == stated,
                nir_explanation(stated, fig2),
            )
        )
    return out


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
            pct = number(cells[col["Percent"]])
            if pct is None:
                raise InputError(
                    path, "a percentage", cells[col["Percent"]], row=line, column="Percent"
                )
            if partner != "Other":
                partners.append((pct, partner, line))
        line = parts[0][0]
        label = fig2_label(name, labels)
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
            statement_row(
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
            statement_row(
                base,
                "",
                "net import reliance (%) (Fig. 3 against Fig. 2)",
                stated,
                f2["value_raw"],
                math.nan,
                stated == f2["value_raw"],
                nir_explanation(stated, f2["value_raw"]),
            )
        )
    return out
