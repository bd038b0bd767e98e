"""The audit's readable summary, in Markdown and in HTML, written from the same tables."""

from __future__ import annotations

import html

import pandas as pd

from raremetals.core import web
from raremetals.core.text import markdown_escape as md
from raremetals.core.vocab import ERRATA_STATUSES, EVIDENCE_CLASSES, STATUSES

STATUS_TEXT = {
    "match": "The number holds: the data, rounded half up to the precision the paper "
    "prints, reproduce it (approximate numbers within 10%).",
    "consistent": "The claim is a bound (more than, at most) and the data satisfy it; they "
    "do not reproduce a number.",
    "mismatch": "A vendored source gives a different number.",
    "inconsistent": "The paper contradicts itself (its text against its Table 3, or its own "
    "arithmetic).",
    "unit-slip": "Right once a unit error is undone.",
    "not-checkable": "No source in the snapshot covers it; the evidence says which would.",
}
ERRATA_TEXT = {
    "unit-slip": "Corrected: a unit printed wrongly (万 for 百万, t for thousand t).",
    "inconsistent": "Removed: no value can be shown to be right.",
    "format": "Printed oddly (misplaced comma, capital T); the value read is unaffected.",
    "text-conflict": "The paper's text gives another number for this cell.",
    "ok": "Consistent.",
    "blank": "Nothing printed.",
}


def _counts(series: pd.Series, order) -> list[tuple[str, int]]:
    counts = series.value_counts()
    return [(s, int(counts.get(s, 0))) for s in order]


def _claim_lines(c) -> tuple[str, str]:
    value = c["value"]
    if value.isdigit() and len(value) > 4:
        value = f"{int(value):,}"
    claimed = f"{value} {c['unit']}".strip()
    detail = f"claimed {claimed}"
    if c["recomputed"]:
        detail += f"; recomputed {c['recomputed']} (tolerance {c['tolerance']})"
    return detail, c["evidence"]


def evidence_counts(claims: pd.DataFrame) -> pd.DataFrame:
    """Verdicts by status and evidence class (a claim matched against the paper's own
    Table 3 is not one matched against an independent source)."""
    verdicts = claims[claims["status"] != "not-checkable"]
    table = pd.crosstab(verdicts["status"], verdicts["evidence_class"])
    order = [c for c in EVIDENCE_CLASSES if c in table.columns]
    rows = [s for s in STATUSES if s in table.index]
    return table.loc[rows, order]


AGAINST_BGS_LEAD = (
    "Table 3's 2009 production, the world and the three largest producers, against the "
    "British Geological Survey's figures for 2009 (a second publisher; "
    "results/audit/table3_against_bgs.csv). agree: within 5%; close: within 20%; bases "
    "differ or no series: not compared, with the reason. No status above changes by it: "
    "a claim's evidence becomes independent only where BGS holds within the claim's own "
    "tolerance."
)
AGAINST_BGS_HEAD = ("metal", "cell", "Table 3", "BGS", "ratio", "class", "why")


def _against_bgs_rows(table: pd.DataFrame) -> list[tuple[str, ...]]:
    """One row of text per cell of ``table3_against_bgs.csv``, in AGAINST_BGS_HEAD's order."""
    rows = []
    for r in table.to_dict("records"):
        cell = "world" if r["country_code"] == "WLD" else f"#{r['rank']} {r['country_code']}"
        bgs = "" if pd.isna(r["bgs_value"]) else _num(r["bgs_value"])
        if "e" in str(r["bgs_flag"]).split(";"):
            bgs += " e"
        ratio = "" if pd.isna(r["ratio"]) else f"{r['ratio']:.2f}"
        rows.append(
            (r["commodity"], cell, _num(r["table3_value"]), bgs, ratio, r["agreement"], r["why"])
        )
    return rows


def summary_markdown(claims: pd.DataFrame, errata: pd.DataFrame, against_bgs: pd.DataFrame) -> str:
    out = [
        "# Audit of the paper's numbers",
        "",
        f"{len(claims)} numeric claims of the paper and {len(errata)} cells of its Table 3, "
        "each checked against the data in the snapshot. Method and tolerances: "
        "`src/raremetals/audit/claims.py`; checks: `data/audit/claim_checks.csv`.",
        "",
        "| status | claims | meaning |",
        "|---|---:|---|",
    ]
    out += [f"| {s} | {n} | {STATUS_TEXT[s]} |" for s, n in _counts(claims["status"], STATUSES)]
    classes = evidence_counts(claims)
    out += [
        "",
        "What the verdicts rest on:",
        "",
        "| status | " + " | ".join(classes.columns) + " |",
    ]
    out.append("|---|" + "---:|" * len(classes.columns))
    out += [
        f"| {status} | " + " | ".join(str(n) for n in row) + " |"
        for status, row in classes.iterrows()
    ]
    for status in STATUSES:
        group = claims[claims["status"] == status]
        if group.empty:
            continue
        out += ["", f"## {status} ({len(group)})", ""]
        for c in group.to_dict("records"):
            detail, evidence = map(md, _claim_lines(c))
            out.append(
                f"- **{md(c['claim_id'])}** ({md(c['section'])}) {md(c['text_en'])} — "
                f"「{md(c['text_ja'])}」 — {detail}. {evidence}"
            )
    out += ["", "## Table 3 errata", "", "| status | cells | meaning |", "|---|---:|---|"]
    out += [
        f"| {s} | {n} | {ERRATA_TEXT[s]} |" for s, n in _counts(errata["status"], ERRATA_STATUSES)
    ]
    flagged = errata[~errata["status"].isin(["ok", "blank"])]
    out += [
        "",
        "| cell | printed | read | corrected | status | evidence |",
        "|---|---|---:|---:|---|---|",
    ]
    for e in flagged.to_dict("records"):
        out.append(
            f"| {md(_cell(e))} | {md(e['value_as_printed'])} | {_num(e['value_printed'])} | "
            f"{_num(e['value_corrected'])} | {e['status']} | {md(e['evidence'])} |"
        )
    out += ["", "## Table 3 against BGS, 2009", "", AGAINST_BGS_LEAD, ""]
    out += ["| " + " | ".join(AGAINST_BGS_HEAD) + " |", "|---" * len(AGAINST_BGS_HEAD) + "|"]
    out += ["| " + " | ".join(md(c) for c in row) + " |" for row in _against_bgs_rows(against_bgs)]
    return "\n".join(out) + "\n"


def _cell(e) -> str:
    rank = f" #{int(e['rank'])}" if pd.notna(e["rank"]) else ""
    return f"{e['symbol']} {e['field']}{rank} {e['country_code']}".strip()


def _num(v) -> str:
    return "" if pd.isna(v) else f"{v:,.0f}" if v >= 100 else f"{v:g}"


def summary_html(claims: pd.DataFrame, errata: pd.DataFrame, against_bgs: pd.DataFrame) -> str:
    """The audit as one page: a count per status with links to its group, each group of
    claims as a table that sorts and filters (local script, no network), and the Table 3
    errata. The Japanese quotes are set in IPAexGothic embedded as a subset, so they show
    on a machine without Japanese fonts."""
    e = html.escape
    counts = _counts(claims["status"], STATUSES)
    parts = [
        "<h1>Audit of the paper's numbers</h1>",
        f"<p>{len(claims)} numeric claims of the paper and {len(errata)} cells of its "
        "Table 3, each checked against the data in the snapshot.</p>",
        '<nav class="audit-groups">'
        + " · ".join(f'<a href="#audit-{s}">{s} ({n})</a>' for s, n in counts if n)
        + ' · <a href="#audit-errata">Table 3 errata</a>'
        + ' · <a href="#audit-bgs">Table 3 against BGS</a></nav>',
        "<table><thead><tr><th>status</th><th>claims</th><th>meaning</th></tr></thead><tbody>",
    ]
    parts += [
        f'<tr><td><a href="#audit-{s}">{s}</a></td><td>{n}</td><td>{e(STATUS_TEXT[s])}</td></tr>'
        for s, n in counts
    ]
    parts.append("</tbody></table>")
    classes = evidence_counts(claims)
    parts.append(
        "<p>What the verdicts rest on:</p><table><thead><tr><th>status</th>"
        + "".join(f"<th>{e(c)}</th>" for c in classes.columns)
        + "</tr></thead><tbody>"
        + "".join(
            f"<tr><td>{e(status)}</td>" + "".join(f"<td>{n}</td>" for n in row) + "</tr>"
            for status, row in classes.iterrows()
        )
        + "</tbody></table>"
    )
    for status in STATUSES:
        group = claims[claims["status"] == status]
        if group.empty:
            continue
        parts.append(
            f'<h2 id="audit-{status}">{status} ({len(group)})</h2>'
            f"<p>{e(STATUS_TEXT[status])}</p>"
            '<table class="sortable claims"><thead><tr><th>claim</th><th>section</th>'
            "<th>the paper says</th><th>原文</th><th>check</th><th>evidence</th></tr>"
            "</thead><tbody>"
        )
        for c in group.to_dict("records"):
            detail, evidence = _claim_lines(c)
            parts.append(
                f'<tr id="{e(c["claim_id"])}"><td>{e(c["claim_id"])}</td>'
                f"<td>{e(c['section'])}</td><td>{e(c['text_en'])}</td>"
                f'<td class="ja" lang="ja">「{e(c["text_ja"])}」</td>'
                f"<td>{e(detail)}</td><td>{e(evidence)}</td></tr>"
            )
        parts.append("</tbody></table>")
    parts.append(
        '<h2 id="audit-errata">Table 3 errata</h2><table><thead><tr><th>status</th>'
        "<th>cells</th><th>meaning</th></tr></thead><tbody>"
    )
    parts += [
        f"<tr><td>{s}</td><td>{n}</td><td>{e(ERRATA_TEXT[s])}</td></tr>"
        for s, n in _counts(errata["status"], ERRATA_STATUSES)
    ]
    parts.append(
        '</tbody></table><table class="sortable errata"><thead><tr><th>cell</th>'
        "<th>printed</th><th>read</th><th>corrected</th><th>status</th><th>evidence</th>"
        "</tr></thead><tbody>"
    )
    for r in errata[~errata["status"].isin(["ok", "blank"])].to_dict("records"):
        parts.append(
            f'<tr><td>{e(_cell(r))}</td><td lang="ja">{e(r["value_as_printed"])}'
            f"</td><td>{_num(r['value_printed'])}</td><td>{_num(r['value_corrected'])}"
            f"</td><td>{r['status']}</td><td>{e(r['evidence'])}</td></tr>"
        )
    parts.append("</tbody></table>")
    parts.append(
        f'<h2 id="audit-bgs">Table 3 against BGS, 2009</h2><p>{e(AGAINST_BGS_LEAD)}</p>'
        '<table class="sortable against-bgs"><thead><tr>'
        + "".join(f"<th>{e(h)}</th>" for h in AGAINST_BGS_HEAD)
        + "</tr></thead><tbody>"
        + "".join(
            "<tr>" + "".join(f"<td>{e(c)}</td>" for c in row) + "</tr>"
            for row in _against_bgs_rows(against_bgs)
        )
        + "</tbody></table>"
    )
    body = "\n".join(parts)
    style = (
        'body{font-family:sans-serif,"IPAexGothic";max-width:80em;margin:2em auto;'
        "padding:0 1em;line-height:1.4}table{border-collapse:collapse;margin:.5em 0}"
        "td,th{border:1px solid #ccc;padding:.2em .5em;vertical-align:top}"
        '.ja,[lang=ja]{font-family:"IPAexGothic",sans-serif;color:#444}' + web.STYLE
    )
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        "<title>Audit of the paper's numbers</title>"
        f"<style>{web.font_face(body)}{style}</style></head><body>\n"
        f"{body}\n<script>{web.SCRIPT}</script>\n</body></html>\n"
    )
