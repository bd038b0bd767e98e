"""The audit's readable summary, in Markdown and in HTML (a page per language), written
from the same tables; its words are the language catalogues' (``report.audit``)."""

from __future__ import annotations

import html
import re

import pandas as pd

from raremetals.core.text import markdown_escape as md
from raremetals.core.vocab import ERRATA_STATUSES, EVIDENCE_CLASSES, STATUSES
from raremetals.render import web


def _counts(series: pd.Series, order) -> list[tuple[str, int]]:
    counts = series.value_counts()
    return [(s, int(counts.get(s, 0))) for s in order]


def _claim_lines(c, words: dict) -> tuple[str, str]:
    value = c["value"]
    if value.isdigit() and len(value) > 4:
        value = f"{int(value):,}"
    # the unit as the language writes it after a number ("2008年", "2008 year")
    unit = words["units"].get(c["unit"], f" {c['unit']}" if c["unit"] else "")
    if c["unit"] == "decade" and not unit.startswith(" "):
        value = value.removesuffix("s")  # "1980s" is 1980年代
    detail = words["claimed"].format(value=f"{value}{unit}".strip())
    if c["recomputed"]:
        detail += words["recomputed"].format(value=c["recomputed"], tolerance=c["tolerance"])
    return detail, c["evidence"]


def evidence_counts(claims: pd.DataFrame) -> pd.DataFrame:
    """Verdicts by evidence class and status, the class first: a claim matched against
    the paper's own Table 3 is not one matched against an independent source, and every
    count the audit gives leads with what it was checked against."""
    verdicts = claims[claims["status"] != "not-checkable"]
    table = pd.crosstab(verdicts["evidence_class"], verdicts["status"])
    rows = [c for c in EVIDENCE_CLASSES if c in table.index]
    columns = [s for s in STATUSES if s in table.columns]
    return table.loc[rows, columns]


def _three_ways_rows(table: pd.DataFrame, names: dict | None = None) -> list[tuple]:
    """One row of text per cell of ``table3_three_ways.csv``, in the order of the
    catalogue's ``bgs_heads``; a class by its name in ``names`` (the catalogue's
    ``report.audit.names``), else as the table gives it."""
    names = names or {}

    def figure(value, estimate):
        return ("" if pd.isna(value) else _num(value)) + (" e" if estimate else "")

    rows = []
    for r in table.to_dict("records"):
        world = names.get("world", "world")
        cell = world if r["country_code"] == "WLD" else f"#{r['rank']} {r['country_code']}"
        why = "; ".join(
            f"{who}: {w}" for who, w in (("BGS", r["bgs_why"]), ("WMD", r["wmd_why"])) if w
        )
        rows.append(
            (
                names.get(r["commodity"], r["commodity"]),
                cell,
                _num(r["table3_value"]),
                figure(r["bgs_value"], "e" in str(r["bgs_flag"]).split(";")),
                names.get(r["bgs_agreement"], r["bgs_agreement"]),
                figure(r["wmd_value"], r["wmd_flag"] == "e"),
                names.get(r["wmd_agreement"], r["wmd_agreement"]),
                why,
            )
        )
    return rows


def summary_markdown(
    claims: pd.DataFrame, errata: pd.DataFrame, three_ways: pd.DataFrame, words: dict
) -> str:
    """The summary in Markdown, in the language of ``words`` (English for the build)."""
    status_text, errata_text = words["status"], words["errata_status"]
    out = [
        f"# {words['title']}",
        "",
        f"{len(claims)} numeric claims of the paper and {len(errata)} cells of its Table 3, "
        "each checked against the data in the snapshot. Method and tolerances: "
        "`src/raremetals/audit/claims.py`; checks: `data/audit/claim_checks.csv`.",
        "",
    ]
    classes = evidence_counts(claims)
    out += [
        words["rests_on"],
        "",
        f"| {words['evidence_head']} | " + " | ".join(classes.columns) + " | total |",
        "|---|" + "---:|" * (len(classes.columns) + 1),
    ]
    out += [
        f"| {words['evidence_classes'][evidence]} | "
        + " | ".join(str(n) for n in row)
        + f" | {int(row.sum())} |"
        for evidence, row in classes.iterrows()
    ]
    out += ["", "| status | claims | meaning |", "|---|---:|---|"]
    out += [f"| {s} | {n} | {status_text[s]} |" for s, n in _counts(claims["status"], STATUSES)]
    for status in STATUSES:
        group = claims[claims["status"] == status]
        if group.empty:
            continue
        out += ["", f"## {status} ({len(group)})", ""]
        for c in group.to_dict("records"):
            detail, evidence = map(md, _claim_lines(c, words))
            out.append(
                f"- **{md(c['claim_id'])}** ({md(c['section'])}) {md(c['text_en'])} — "
                f"「{md(c['text_ja'])}」 — {detail}. {evidence}"
            )
    out += ["", "## Table 3 errata", "", "| status | cells | meaning |", "|---|---:|---|"]
    out += [
        f"| {s} | {n} | {errata_text[s]} |" for s, n in _counts(errata["status"], ERRATA_STATUSES)
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
    heads = words["bgs_heads"]
    out += ["", f"## {words['against_bgs']}", "", words["bgs_lead"], ""]
    out += ["| " + " | ".join(heads) + " |", "|---" * len(heads) + "|"]
    out += ["| " + " | ".join(md(c) for c in row) + " |" for row in _three_ways_rows(three_ways)]
    return "\n".join(out) + "\n"


def _cell(e) -> str:
    rank = f" #{int(e['rank'])}" if pd.notna(e["rank"]) else ""
    return f"{e['symbol']} {e['field']}{rank} {e['country_code']}".strip()


def _linked(status: str, shown: str) -> str:
    return f'<a href="#audit-{status}">{html.escape(shown)}</a>'


def _num(v) -> str:
    return "" if pd.isna(v) else f"{v:,.0f}" if v >= 100 else f"{v:g}"


def summary_html(
    claims: pd.DataFrame,
    errata: pd.DataFrame,
    three_ways: pd.DataFrame,
    words: dict,
    lang: str = "en",
    other: tuple[str, str, str] | None = None,
    metals: dict[str, str] | None = None,
) -> str:
    """The audit as one page in the language ``lang`` (``words``: its catalogue's
    ``report.audit``): a count per status with links to its group, each group of claims as
    a table that sorts and filters (local script, no network), and the Table 3 errata.
    ``other``: (file, language code, its name) of the same page in another language;
    ``metals``: each commodity's name in the language. The
    Japanese text is set in IPAexGothic embedded as a subset, so it shows on a machine
    without Japanese fonts."""
    e = html.escape
    status_text, errata_text = words["status"], words["errata_status"]
    name = {**words["names"], **(metals or {})}
    counts = _counts(claims["status"], STATUSES)

    def head(cells) -> str:
        # a Japanese heading is marked so, to be set in the embedded face even when bold
        return (
            "<thead><tr>"
            + "".join(
                f"<th{' lang=ja' if re.search(r'[぀-鿿]', c) else ''}>{e(c)}</th>" for c in cells
            )
            + "</tr></thead>"
        )

    switch = (
        f'<p class="other-language"><a href="{e(other[0])}" hreflang="{e(other[1])}" '
        f'lang="{e(other[1])}">{e(other[2])}</a></p>'
        if other
        else ""
    )
    parts = [
        switch,
        f"<h1>{e(words['title'])}</h1>",
        f"<p>{e(words['lead'].format(claims=len(claims), cells=len(errata)))} "
        f"{e(words['evidence_language'])}</p>",
        '<nav class="audit-groups">'
        # the counts come below, by what each verdict rests on first
        + " · ".join(_linked(s, name[s]) for s, n in counts if n)
        + f' · <a href="#audit-errata">{e(words["errata"])}</a>'
        + f' · <a href="#audit-bgs">{e(words["against_bgs"])}</a></nav>',
    ]
    classes = evidence_counts(claims)
    parts.append(
        f"<p>{e(words['rests_on'])}</p><table>"
        f"{head([words['evidence_head'], *(name[s] for s in classes.columns), words['total']])}"
        "<tbody>"
        + "".join(
            f"<tr><td>{e(words['evidence_classes'][evidence])}</td>"
            + "".join(f"<td>{n}</td>" for n in row)
            + f"<td>{int(row.sum())}</td></tr>"
            for evidence, row in classes.iterrows()
        )
        + "</tbody></table>"
    )
    parts.append(f"<table>{head(words['count_heads'])}<tbody>")
    parts += [
        # a status no claim has has no group to link to
        f"<tr><td>{_linked(s, name[s]) if n else e(name[s])}</td><td>{n}</td>"
        f"<td>{e(status_text[s])}</td></tr>"
        for s, n in counts
    ]
    parts.append("</tbody></table>")
    for status in STATUSES:
        group = claims[claims["status"] == status]
        if group.empty:
            continue
        parts.append(
            f'<h2 id="audit-{status}">{e(name[status])} ({len(group)})</h2>'
            f"<p>{e(status_text[status])}</p>"
            f'<table class="sortable claims">{head(words["claim_heads"])}<tbody>'
        )
        for c in group.to_dict("records"):
            detail, evidence = _claim_lines(c, words)
            said = [
                f'<td lang="en">{e(c["text_en"])}</td>',
                f'<td class="ja" lang="ja">「{e(c["text_ja"])}」</td>',
            ]
            if lang == "ja":  # the original first
                said.reverse()
            parts.append(
                f'<tr id="{e(c["claim_id"])}"><td>{e(c["claim_id"])}</td>'
                f"<td>{e(name.get(c['section'], c['section']))}</td>{''.join(said)}"
                f'<td lang="en">{e(detail)}</td><td lang="en">{e(evidence)}</td></tr>'
            )
        parts.append("</tbody></table>")
    parts.append(
        f'<h2 id="audit-errata">{e(words["errata"])}</h2>'
        f"<table>{head(words['errata_count_heads'])}<tbody>"
    )
    parts += [
        f"<tr><td>{e(name[s])}</td><td>{n}</td><td>{e(errata_text[s])}</td></tr>"
        for s, n in _counts(errata["status"], ERRATA_STATUSES)
    ]
    parts.append(
        f'</tbody></table><table class="sortable errata">{head(words["errata_heads"])}<tbody>'
    )
    for r in errata[~errata["status"].isin(["ok", "blank"])].to_dict("records"):
        parts.append(
            f'<tr><td>{e(_cell(r))}</td><td lang="ja">{e(r["value_as_printed"])}'
            f"</td><td>{_num(r['value_printed'])}</td><td>{_num(r['value_corrected'])}"
            f'</td><td>{e(name[r["status"]])}</td><td lang="en">{e(r["evidence"])}</td></tr>'
        )
    parts.append("</tbody></table>")
    parts.append(
        f'<h2 id="audit-bgs">{e(words["against_bgs"])}</h2><p>{e(words["bgs_lead"])}</p>'
        f'<table class="sortable against-bgs">{head(words["bgs_heads"])}<tbody>'
        + "".join(
            "<tr>" + "".join(f"<td>{e(c)}</td>" for c in row) + "</tr>"
            for row in _three_ways_rows(three_ways, name)
        )
        + "</tbody></table>"
    )
    body = "\n".join(parts)
    style = (
        'body{font-family:sans-serif,"IPAexGothic";max-width:80em;margin:2em auto;'
        "padding:0 1em;line-height:1.4}table{border-collapse:collapse;margin:.5em 0}"
        "td,th{border:1px solid #ccc;padding:.2em .5em;vertical-align:top}"
        '.ja{font-family:"IPAexGothic",sans-serif;color:#444}'
        ".other-language{float:right}" + web.STYLE
    )
    return web.with_csp(
        "<!DOCTYPE html>\n"
        f'<html lang="{e(lang)}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{e(words['title'])}</title>"
        f"<style>{web.font_face(body)}{style}</style></head><body>\n"
        f"{body}\n<script>{web.SCRIPT}</script>\n</body></html>\n"
    )
