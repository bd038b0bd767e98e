"""The audit's readable summary, in Markdown and in HTML (a page per language, the
template ``audit_page.html.j2``), written from the same tables; its words are the language
catalogues' (``report.audit``)."""

from __future__ import annotations

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
    name = {**words["names"], **(metals or {})}
    classes = evidence_counts(claims)
    groups = []
    for status in STATUSES:
        group = claims[claims["status"] == status]
        if group.empty:
            continue
        shown = []
        for c in group.to_dict("records"):
            detail, evidence = _claim_lines(c, words)
            said = [{"lang": "en", "text": c["text_en"]}, {"lang": "ja", "text": c["text_ja"]}]
            if lang == "ja":  # the original first
                said.reverse()
            section = name.get(c["section"], c["section"])
            shown.append(
                {"id": c["claim_id"], "section": section, "said": said}
                | {"detail": detail, "evidence": evidence}
            )
        groups.append((status, shown))
    flagged = [
        {"cell": _cell(r), "printed": r["value_as_printed"], "status": r["status"]}
        | {"read": _num(r["value_printed"]), "corrected": _num(r["value_corrected"])}
        | {"evidence": r["evidence"]}
        for r in errata[~errata["status"].isin(["ok", "blank"])].to_dict("records")
    ]
    style = (
        'body{font-family:sans-serif,"IPAexGothic";max-width:80em;margin:2em auto;'
        "padding:0 1em;line-height:1.4}table{border-collapse:collapse;margin:.5em 0}"
        "td,th{border:1px solid #ccc;padding:.2em .5em;vertical-align:top}"
        '.ja{font-family:"IPAexGothic",sans-serif;color:#444}'
        ".other-language{float:right}"
    )
    return web.page(
        "audit_page.html.j2",
        style,
        lang=lang,
        words=words,
        other=other,
        name=name,
        n_claims=len(claims),
        n_cells=len(errata),
        counts=_counts(claims["status"], STATUSES),
        classes={
            "heads": [words["evidence_head"], *(name[s] for s in classes.columns), words["total"]],
            "rows": [(evidence, [int(n) for n in row]) for evidence, row in classes.iterrows()],
        },
        groups=groups,
        errata_counts=_counts(errata["status"], ERRATA_STATUSES),
        flagged=flagged,
        three_ways=_three_ways_rows(three_ways, name),
        japanese=lambda text: re.search(r"[぀-鿿]", text) is not None,
    )
