"""The HTML report: a static page in ``results/`` per language (``report.html``,
``report.ja.html``), each wholly in its language, that a reader opens in a browser.

A navigation stays at the top of the screen: the sections, and the same page in the
other language (the one language control). The page opens with the key findings (each
number from ``numbers.json``), then the twelve metals 2009 against today (a link to
each metal's row), every figure, the tables, the methods, the audit summary and the
sources with licences and checksums; an appendix for maintainers holds the workflow
graph, the rule, script and function behind each figure, and every output's rule and
script. Its words are the language catalogue's (``report.page``). The page is the
template ``report.html.j2`` beside this module, the findings box
``report_findings.html.j2``; this module prepares what they show. Images and pages are
linked by paths relative to ``results/``, so the folder can be copied or zipped as it
is; the Japanese typeface is embedded as a subset of the characters the page uses, and
the script that sorts and filters its tables is in the page.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import markdown
from markupsafe import Markup

from raremetals.render import web
from raremetals.render.lead import number_html
from raremetals.sources.registry import Source

e = html.escape
STYLE = """
body{font-family:sans-serif,"IPAexGothic";max-width:75em;margin:0 auto 2em;padding:0 1em;
line-height:1.45}
nav.toc{position:sticky;top:0;z-index:3;background:#fff;border-bottom:1px solid #ccc;
display:flex;gap:1.2em;overflow-x:auto;white-space:nowrap;padding:.6em 0}
nav.toc .other-language{margin-left:auto;font-weight:bold}
[id]{scroll-margin-top:3.2em}
figure{margin:2em 0;border-top:1px solid #ddd;padding-top:1em}
figure img{max-width:100%;height:auto} figcaption p{margin:.3em 0}
table{border-collapse:collapse;margin:1em 0;font-size:.9em}
td,th{border:1px solid #ccc;padding:.2em .5em;vertical-align:top}
.ja{color:#333} code{font-size:.9em} details{margin:.5em 0}
.findings{border:2px solid #c0392b;border-radius:6px;padding:.5em 1.2em;margin:1.5em 0;
background:#fdf2f1} .findings h2{margin:.3em 0} .findings li{margin:.3em 0}
table.lead{max-height:85vh;border-collapse:separate;border-spacing:0;
border-top:1px solid #ccc;border-left:1px solid #ccc}
table.lead th,table.lead td{border-width:0 1px 1px 0}
table.lead thead th{position:sticky;top:0;z-index:2;background:#f4f6f7}
table.lead thead th span{display:block;font-weight:normal}
table.lead tbody th{position:sticky;left:0;z-index:1;background:#fff;min-width:6em}
table.lead thead th:first-child{left:0;z-index:3}
.metals a{white-space:nowrap}
nav.toc{scrollbar-width:none}
@media (max-width:40em){h1{font-size:1.4em} nav.toc .other-language{order:-1;margin-left:0}}
"""
DISPLAY_DPI = 96 / 300  # figures are saved at 300 dpi; CSS pixels are 1/96 inch


def _body(html_text: str) -> str:
    """The content of a page's <body>, or the text itself if it is a fragment, without
    its scripts: the report runs its own once (twice, every table above would get two
    filter boxes and two sorts a click)."""
    m = re.search(r"<body[^>]*>(.*)</body>", html_text, re.S)
    return re.sub(r"<script\b.*?</script>", "", m.group(1) if m else html_text, flags=re.S)


def _demote(fragment: str) -> str:
    """Lower headings by one level so an embedded page sits under a report section."""
    return re.sub(r"<(/?)h([1-5])", lambda m: f"<{m[1]}h{int(m[2]) + 1}", fragment)


def figures_shown(
    captions: list[dict], provenance: dict, code: str, sizes: dict[str, tuple]
) -> list[dict]:
    """Each figure as the page in language ``code`` shows it: its preview, loaded when it
    is scrolled to and linked to the full-resolution PNG, sized to the figure's own shape
    (``sizes``: file name -> pixels), its caption, files and data, and (for the
    maintainers' appendix) the rule, script and function that made it."""
    shown = []
    for c in captions:
        name = f"{c['id']}.{code}.png"
        width, height = (round(v * DISPLAY_DPI) for v in sizes[name])
        prov = provenance.get(f"results/figures/{c['id']}.caption.json", {})
        shown.append(
            {"id": c["id"], "name": name, "preview": f"{c['id']}.{code}.preview.png"}
            | {"text": c[code], "width": width, "height": height}
            | {"files": sorted(c["files"]), "data": c["data"], "function": c["function"]}
            | {"rule": prov.get("rule", ""), "script": prov.get("script") or ""}
        )
    return shown


def processing_sentence(gaps: dict, words: dict, html_of, names: dict) -> str:
    """Where processing is far more concentrated than mining (``gaps``: the largest gaps
    and the metals whose share is unknown, from ``stats.processing``), each share an
    entry of numbers.json."""

    def name(metal):  # a name inside a sentence, lower-cased where the language does so
        return names[metal].lower() if words.get("lowercase_names") else names[metal]

    items = [
        words["s_processing_item"].format(
            metal=e(name(g["commodity"])),
            processing=html_of(f"{g['commodity']}.processing.{g['word']}.china_share.latest"),
            mining=html_of(f"{g['commodity']}.processing.{g['word']}.mining_china_share.latest"),
            publisher=e(g["publisher"]),
            year=g["year"],
            series=e(words["series"][g["series"]]),
        )
        for g in gaps["largest"]
    ]
    said = e(words["s_processing"]).format(items=words["list_sep"].join(items))
    if gaps["unknown"]:
        metals = words["and_sep"].join(e(name(m)) for m in gaps["unknown"])
        said += words["sep"] + e(words["s_processing_unknown"]).format(metals=metals)
    return said


def findings_sentences(
    by_key: dict, words: dict, html_of, japan: dict, comparable: bool = True
) -> list[str]:
    """The first screen's sentences in one language: what was found, each number an
    entry of numbers.json (``html_of(key)``); ``japan``: the country and code of Japan's
    leading rare-earth-proxy source today; ``comparable``: whether rare-earth production
    of 2009 and today may be compared (paper_metals_comparison.csv). The processing
    stage's sentence is :func:`processing_sentence`, second."""
    n = {
        name: html_of(key)
        for name, key in {
            "share09": "rare_earths.production.china_share.2009",
            "share": "rare_earths.production.china_share.latest",
            "range09": "rare_earths.production.hhi_range.2009",
            "range": "rare_earths.production.hhi_range.latest",
            "magnets": "rare_earths.japan_imports.leader_share.today",
            "in_force": "china_export_controls.in_force",
            "suspended": "china_export_controls.suspended",
            "until": "china_export_controls.suspended_until",
            "claims": "audit.claims.total",
            "checked": "audit.claims.checked",
            "independent": "audit.claims.evidence.independent",
            "matched": "audit.claims.match.independent",
            "own": "audit.claims.evidence.paper_table3",
        }.items()
        if key in by_key
    }
    hhi = f'<abbr title="{e(words["hhi_gloss"])}">HHI</abbr>'
    latest = e(by_key["year.latest"]["text"])
    lo = [by_key.get(f"rare_earths.production.hhi_lower.{w}") for w in ("2009", "latest")]
    went = words["fell" if lo[0] and lo[1] and lo[1]["value"] < lo[0]["value"] else "rose"]
    out = [
        e(words["s_ree" if comparable else "s_ree_unlike"]).format(
            hhi=hhi, latest=latest, went=e(went), **n
        )
    ]
    if japan and "magnets" in n:
        out.append(e(words["s_japan"]).format(**japan, **n))
    if {"in_force", "suspended", "until"} <= set(n):
        out.append(e(words["s_controls"]).format(**n))
    if {"claims", "checked", "independent", "matched", "own"} <= set(n):
        out.append(e(words["s_audit"]).format(**n))
    return out


def findings_section(
    numbers: list[dict],
    languages: dict,
    names: dict[str, dict],
    leaders: dict[str, dict] | None = None,
    comparable: bool = True,
    gaps: dict | None = None,
) -> dict[str, Markup]:
    """The key findings box of each language's page, first on it (code -> Language;
    ``names``: code -> commodity -> name; ``leaders``: code -> Japan's leading import
    sources, ``lead.japan_leaders``): a few plain sentences on what was found, then
    rare earths, tungsten and cobalt, 2009 against the latest year; every number from
    results/numbers.json."""
    by_key = {n["key"]: n for n in numbers}
    latest = by_key["year.latest"]["text"]
    boxes = {}
    for code, language in languages.items():
        words = language.report["findings"]
        found = (leaders or {}).get(code, {})
        japan = (
            {"country": found[("rare_earths", "today")], "code": found[("rare_earths", "code")]}
            if ("rare_earths", "today") in found
            else {}
        )
        html_of = lambda key: number_html(by_key[key], "b")  # noqa: E731
        said = findings_sentences(by_key, words, html_of, japan, comparable)
        if gaps and gaps["largest"]:
            said.insert(1, processing_sentence(gaps, words, html_of, names[code]))
        metals = []
        for metal in ("rare_earths", "tungsten", "cobalt"):
            stats = [("china_share", words["share"]), ("hhi_range", words["hhi"])]
            if metal == "cobalt":
                stats.append(("cr1", words["cr1"]))
            pairs = [
                (
                    label,
                    [
                        number_html(by_key[f"{metal}.production.{stat}.{when}"], "b")
                        for when in ("2009", "latest")
                    ],
                )
                for stat, label in stats
            ]
            metals.append((names[code][metal], pairs))
        boxes[code] = Markup(
            web.render(
                "report_findings.html.j2",
                title=words["title"].format(latest=latest),
                said=[Markup(s) for s in said],
                lead=words["lead"].format(latest=latest),
                metals=metals,
            )
        )
    return boxes


def tables_in(table_pages: dict[str, str], code: str) -> dict[str, str]:
    """The tables a page in the language ``code`` shows: each table in that language,
    else in the one language it has (Table 3 as printed: Japanese)."""
    stems = {name.rsplit(".", 1)[0] for name in table_pages}
    out = {}
    for stem in sorted(stems):
        variants = sorted(n for n in table_pages if n.rsplit(".", 1)[0] == stem)
        name = f"{stem}.{code}" if f"{stem}.{code}" in table_pages else variants[0]
        out[name] = table_pages[name]
    return out


def _strip_heading(fragment: str, title: str) -> str:
    """An embedded page without its own first heading (``title``: a pattern), which the
    report's section heading replaces."""
    fragment = re.sub(r'^\s*<p class="other-language">.*?</p>', "", fragment, flags=re.S)
    return re.sub(rf"^\s*<h[1-6][^>]*>\s*{title}\s*</h[1-6]>", "", fragment, count=1)


def report_html(
    *,
    code: str,
    words: dict,
    other: tuple[str, str, str],
    methods_md: str,
    audit_html: str,
    captions: list[dict],
    table_pages: dict[str, str],
    registry: dict[str, Source],
    provenance: dict[str, dict],
    notebook: str,
    rulegraph: str,
    sizes: dict[str, tuple],
    lead: str = "",
    findings: str = "",
) -> str:
    """The report in the language ``code`` (``words``: its catalogue's ``report.page``);
    ``other``: (file, language code, its name) of the report in another language."""
    methods = markdown.markdown(methods_md, extensions=["tables"])
    methods = _demote(_strip_heading(web.rebase_links(methods, "docs"), r"[^<]*"))
    audit = _strip_heading(_body(audit_html).strip(), r"[^<]*")
    return web.page(
        "report.html.j2",
        STYLE,
        code=code,
        words=words,
        other=other,
        findings=Markup(findings),
        lead=Markup(lead),
        figures=figures_shown(captions, provenance, code, sizes),
        tables=[(name, Markup(text)) for name, text in sorted(table_pages.items())],
        methods=Markup(methods),
        audit=Markup(_demote(audit)),
        notebook=notebook,
        registry=registry,
        graph=sizes["rulegraph.png"],
        rulegraph=rulegraph,
        outputs=sorted(provenance.items()),
    )


def load_captions(paths) -> list[dict]:
    """The figures' caption records, in the order the workflow lists the figures."""
    return [json.loads(Path(p).read_text(encoding="utf-8")) for p in paths]
