"""The HTML report: a static page in ``results/`` per language (``report.html``,
``report.ja.html``), each linking the other, that a reader opens in a browser.

It opens with the key findings (each number from ``numbers.json``), then shows every
figure (in either language: a switch at the top), the tables of its language, the
methods, the audit summary, the sources with licences and checksums, the workflow graph,
and for each output the rule and script that produced it. Its words are the language
catalogue's (``report.page``). Images and pages are linked by paths
relative to ``results/``, so the folder can be copied or zipped as it is; the Japanese
typeface is embedded as a subset of the characters the page uses, and the script that
sorts and filters its tables is in the page.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import markdown

from raremetals.render import web
from raremetals.render.lead import number_html
from raremetals.sources.registry import Source

e = html.escape
STYLE = """
body{font-family:sans-serif,"IPAexGothic";max-width:75em;margin:2em auto;padding:0 1em;
line-height:1.45}
nav a{margin-right:1em} figure{margin:2em 0;border-top:1px solid #ddd;padding-top:1em}
figure img{max-width:100%;height:auto} figcaption p{margin:.3em 0}
table{border-collapse:collapse;margin:1em 0;font-size:.9em}
td,th{border:1px solid #ccc;padding:.2em .5em;vertical-align:top}
.ja{color:#333} code{font-size:.9em} details{margin:.5em 0}
.findings{border:2px solid #c0392b;border-radius:6px;padding:.5em 1.2em;margin:1.5em 0;
background:#fdf2f1} .findings h2{margin:.3em 0} .findings li{margin:.3em 0}
.lang-switch{float:right} .lang-switch button{font:inherit;padding:.2em .7em}
.lang-switch button.lang-switch button[aria-pressed=true]{background:#2e4053;color:white}
.other-language{float:right;margin-left:1em}
@media (max-width:40em){h1{font-size:1.4em} body{margin:1em auto}}
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


def figure_section(
    captions: list[dict],
    provenance: dict,
    languages: dict[str, str],
    sizes: dict[str, tuple],
    words: dict,
) -> str:
    """Each figure in every language, the one of the language chosen shown: its preview,
    loaded when it is scrolled to and linked to the full-resolution PNG, sized to the
    figure's own shape (``sizes``: file name -> pixels)."""
    parts = [f'<h2 id="figures">{e(words["figures"])}</h2>']
    for c in captions:
        images, texts = [], []
        for code in languages:
            name = f"{c['id']}.{code}.png"
            width, height = (round(v * DISPLAY_DPI) for v in sizes[name])
            small = f"{c['id']}.{code}.preview.png"
            images.append(
                f'<a class="only-{e(code)}" href="figures/{e(name)}">'
                f'<img class="only-{e(code)}" lang="{e(code)}" src="figures/{e(small)}" '
                f'loading="lazy" alt="{e(c[code])}" width="{width}" height="{height}"></a>'
            )
            texts.append(f'<p class="only-{e(code)}" lang="{e(code)}">{e(c[code])}</p>')
        links = " · ".join(f'<a href="figures/{e(f)}">{e(f)}</a>' for f in sorted(c["files"]))
        data = f'<a href="figures/{e(c["data"])}">{e(c["data"])}</a>'
        prov = provenance.get(f"results/figures/{c['id']}.caption.json", {})
        made = words["made_by"].format(
            rule=e(prov.get("rule", "")),
            script=e(prov.get("script") or ""),
            function=e(c["function"]),
        )
        parts.append(
            f'<figure id="{e(c["id"])}">{"".join(images)}'
            f"<figcaption>{''.join(texts)}"
            f"<p><small>{e(words['files'])}: {links}. {e(words['values'])}: {data}. "
            f"{made}</small></p></figcaption></figure>"
        )
    return "\n".join(parts)


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
) -> str:
    """The key findings box, first on the page, in every language (code -> Language;
    ``names``: code -> commodity -> name; ``leaders``: code -> Japan's leading import
    sources, ``lead.japan_leaders``): a few plain sentences on what was found, then
    rare earths, tungsten and cobalt, 2009 against the latest year; every number from
    results/numbers.json."""
    by_key = {n["key"]: n for n in numbers}
    latest = by_key["year.latest"]["text"]
    blocks = []
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
        items = []
        for metal in ("rare_earths", "tungsten", "cobalt"):
            stats = [("china_share", words["share"]), ("hhi_range", words["hhi"])]
            if metal == "cobalt":
                stats.append(("cr1", words["cr1"]))
            detail = "; ".join(
                f"{label} "
                + " → ".join(
                    number_html(by_key[key], "b")
                    for key in (f"{metal}.production.{stat}.{when}" for when in ("2009", "latest"))
                )
                for stat, label in stats
            )
            items.append(f"<li><b>{e(names[code][metal])}</b>: {detail}</li>")
        blocks.append(
            f'<div class="only-{e(code)}" lang="{e(code)}">'
            f"<h2>{e(words['title'].format(latest=latest))}</h2>"
            + "".join(f"<p>{s}</p>" for s in said)
            + f"<p>{e(words['lead'].format(latest=latest))}</p><ul>{''.join(items)}</ul></div>"
        )
    return f'<section class="findings" id="findings">{"".join(blocks)}</section>'


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


def table_section(table_pages: dict[str, str], words: dict) -> str:
    parts = [f'<h2 id="tables">{e(words["tables"])}</h2>']
    for name, text in sorted(table_pages.items()):
        parts.append(
            f'<section id="{e(name)}">{text}'
            f'<p><small>{e(words["also_as"])}: <a href="tables/{e(name)}.csv">CSV</a>, '
            f'<a href="tables/{e(name)}.md">Markdown</a>, '
            f'<a href="tables/{e(name)}.tex">LaTeX</a>.</small></p></section>'
        )
    return "\n".join(parts)


def sources_section(registry: dict[str, Source], words: dict) -> str:
    heads = "".join(f"<th>{e(h)}</th>" for h in words["source_heads"])
    parts = [
        f'<h2 id="sources">{e(words["sources"])}</h2>',
        f'<table class="sortable"><thead><tr>{heads}</tr></thead><tbody>',
    ]
    for s in registry.values():
        files = "".join(
            f"<li><code>{e(f.path)}</code> sha256 <code>{f.sha256}</code></li>" for f in s.files
        )
        count = e(words["n_files"].format(n=len(s.files)))
        listing = (
            f"<details><summary>{count}</summary><ul>{files}</ul></details>"
            if s.files
            else e(words["not_vendored"])
        )
        link = f' (<a href="{e(s.url)}">{e(s.url)}</a>)' if s.url else ""
        parts.append(
            f"<tr><td><code>{e(s.id)}</code></td><td>{e(s.title)}, {e(s.publisher)}, "
            f"{e(s.edition)}{link}</td><td>{e(s.licence)}</td><td>{e(s.citation)}</td>"
            f"<td>{listing}</td></tr>"
        )
    parts.append("</tbody></table>")
    return "\n".join(parts)


def outputs_section(provenance: dict[str, dict], words: dict) -> str:
    rows = "".join(
        # each file linked, from the report's own folder (results/)
        f'<tr><td><a href="{e(path.removeprefix("results/"))}"><code>{e(path)}</code></a></td>'
        f"<td><code>{e(p['rule'])}</code></td>"
        f"<td><code>{e(p['script'] or '')}</code></td>"
        f"<td>{len(p['inputs'])}</td></tr>"
        for path, p in sorted(provenance.items())
    )
    heads = "".join(f"<th>{e(h)}</th>" for h in words["output_heads"])
    return (
        f'<h2 id="outputs">{e(words["outputs"])}</h2><p>{words["outputs_text"]}</p>'
        f'<table class="sortable"><thead><tr>{heads}</tr></thead><tbody>{rows}</tbody></table>'
    )


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
    languages: dict[str, str],
    sizes: dict[str, tuple],
    lead: str = "",
    findings: str = "",
) -> str:
    """The report in the language ``code`` (``words``: its catalogue's ``report.page``);
    ``other``: (file, language code, its name) of the report in another language."""
    nav = " ".join(f'<a href="#{a}">{e(t)}</a>' for a, t in words["nav"].items())
    switch = "".join(
        f'<button type="button" lang="{e(c)}" data-set-lang="{e(c)}" aria-pressed="false">'
        f"{e(name)}</button>"
        for c, name in languages.items()
    )
    methods = markdown.markdown(methods_md, extensions=["tables"])
    methods = _demote(_strip_heading(web.rebase_links(methods, "docs"), r"[^<]*"))
    audit = _strip_heading(_body(audit_html).strip(), r"[^<]*")
    graph = sizes["rulegraph.png"]
    body = [
        f'<p class="other-language"><a href="{e(other[0])}" hreflang="{e(other[1])}" '
        f'lang="{e(other[1])}">{e(other[2])}</a></p>',
        f"<h1>{e(words['title'])}</h1>",
        findings,
        f'<div class="lang-switch" role="group" aria-label="{e(words["switch"])}">{switch}</div>',
        f"<p>{e(words['intro'])}</p>",
        f"<nav>{nav}</nav>",
        lead,
        figure_section(captions, provenance, languages, sizes, words),
        table_section(table_pages, words),
        f'<h2 id="methods">{e(words["methods"])}</h2>{methods}',
        f'<h2 id="audit">{e(words["audit"])}</h2>{_demote(audit)}',
        f'<p>{e(words["notebook"])}: <a href="{e(notebook)}">{e(notebook)}</a>.</p>',
        sources_section(registry, words),
        f'<h2 id="workflow">{e(words["workflow"])}</h2><figure><img '
        f'src="workflow/rulegraph.png" alt="{e(words["workflow_alt"])}" loading="lazy" '
        f'width="{graph[0]}" height="{graph[1]}"></figure>'
        f'<p><small>{e(words["rulegraph"])}: <a href="{e(rulegraph)}">'
        f"{e(rulegraph)}</a>.</small></p>",
        outputs_section(provenance, words),
        f'<p><small>{e(words["font"])} <a href="report_files/IPA_Font_License_Agreement'
        '_v1.0.txt">IPA Font License</a>.</small></p>',
    ]
    content = "\n".join(body)
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{e(code)}" data-lang="{e(code)}"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{e(words['title'])}</title>",
        f"<style>{web.font_face(content)}{STYLE}{web.STYLE}</style></head><body>",
        content,
        f"<script>{web.SCRIPT}</script>",
        "</body></html>",
    ]
    return web.with_csp("\n".join(parts) + "\n")


def load_captions(paths) -> list[dict]:
    """The figures' caption records, in the order the workflow lists the figures."""
    return [json.loads(Path(p).read_text(encoding="utf-8")) for p in paths]
