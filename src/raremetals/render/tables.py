"""The paper's tables (Table 1, Table 3 as printed and corrected) as data, and their
rendering to CSV, Markdown, LaTeX and HTML.

A :class:`Table` holds a header, rows whose cells may have several lines, footnotes, a
name ("Table 3 (corrected)") and a caption; every renderer writes the same content, so
the four files never disagree. The LaTeX is a ``longtable`` on a landscape page (it runs
over pages and fits A4), numbered by LaTeX itself, with the notes set below it; see
:data:`LATEX_PREAMBLE` for the packages a document needs. English tables hold only
characters pdfLaTeX can set; Japanese ones need LuaLaTeX with luatexja.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from raremetals.core.io import spreadsheet_safe
from raremetals.core.text import (
    Language,
    commodity_names,
    corrections_evidence,
    latex_escape,
    markdown_escape,
)
from raremetals.core.vocab import MARKS, PAPER_LANGUAGE, periodic_position
from raremetals.render import web

CIRCLED = {1: "①", 2: "②", 3: "③"}
# Japanese number words in quoted printed values, spelled for the other languages
NUMBER_WORDS = {"百万": "million", "万": "×10,000"}

LATEX_PREAMBLE = r"""\usepackage{booktabs,longtable,array,pdflscape,url}"""


@dataclass
class Table:
    name: str  # "Table 3 (corrected)": printed before the caption, except in LaTeX
    caption: str
    header: list[str]
    rows: list[list[list[str]]]  # row -> cell -> lines
    footnotes: list[str] = field(default_factory=list)
    lang: str = "en"
    widths: list[float] | None = None  # LaTeX: each column's share of the page's width
    label: str = ""  # LaTeX: the \label
    number: int | None = None  # the paper's own number of a table it prints (1, 3)

    @property
    def title(self) -> str:
        # Japanese sets the name and the caption apart by a space, as the paper does
        joint = " " if self.lang == PAPER_LANGUAGE else ". "
        return f"{self.name}{joint}{self.caption}"


def spell_numbers(text: str, lang: str) -> str:
    """Japanese number words (万, 百万) in quoted printed values, spelled out in the
    table's language; Japanese keeps them."""
    if lang == PAPER_LANGUAGE:
        return text
    for word, spelled in NUMBER_WORDS.items():
        text = text.replace(word, f" {spelled}" if spelled[0].isalpha() else spelled)
    return re.sub(r" {2,}", " ", text)


def to_csv(t: Table) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow([spreadsheet_safe(h) for h in t.header])
    for row in t.rows:
        w.writerow([spreadsheet_safe("; ".join(cell)) for cell in row])
    return buf.getvalue()


def to_markdown(t: Table) -> str:
    esc = markdown_escape
    out = [
        f"**{esc(t.title)}**",
        "",
        "| " + " | ".join(map(esc, t.header)) + " |",
        "|" + "---|" * len(t.header),
    ]
    out += ["| " + " | ".join("<br>".join(map(esc, cell)) for cell in row) + " |" for row in t.rows]
    if t.footnotes:
        out += [""] + [f"{esc(n)}  " for n in t.footnotes]
    return "\n".join(out) + "\n"


def _tex_cell(lines: list[str]) -> str:
    return r"\newline ".join(map(latex_escape, lines))


URL = re.compile(r"https?://[^\s%#{}\\]+[^\s%#{}\\.,;:)]")


def _tex_note(note: str) -> str:
    """A note as LaTeX, its URLs set with \\url so that a line may break inside them
    (a URL as plain text runs past the margin)."""
    parts, last = [], 0
    for m in URL.finditer(note):
        parts += [latex_escape(note[last : m.start()]), rf"\url{{{m.group()}}}"]
        last = m.end()
    return "".join(parts) + latex_escape(note[last:])


def _caption_label(t: Table) -> list[str]:
    """How the caption is labelled, within the table's group: 表3 in Japanese (no space,
    as the paper prints it), Table 3 in English; the paper's own number where the table
    is one the paper prints."""
    out = []
    if t.lang == PAPER_LANGUAGE:
        out += [
            r"\renewcommand{\tablename}{表}",
            r"\makeatletter\renewcommand{\fnum@table}{\tablename\thetable}\makeatother",
        ]
    if t.number is not None:
        out.append(rf"\renewcommand{{\thetable}}{{{t.number}}}")
    return out


def to_latex(t: Table) -> str:
    """A longtable on a landscape page, its header repeated on every page, the notes
    below it. Needs the packages of :data:`LATEX_PREAMBLE`."""
    widths = t.widths or [1 / len(t.header)] * len(t.header)
    columns = "".join(
        rf">{{\raggedright\arraybackslash}}p{{\dimexpr {w:.3f}\linewidth-2\tabcolsep\relax}}"
        for w in widths
    )
    header = " & ".join(latex_escape(h) for h in t.header) + r" \\"
    out = [
        f"% {t.title}",
        f"% Needs {LATEX_PREAMBLE}"
        + ("; Japanese text: LuaLaTeX with luatexja" if t.lang == PAPER_LANGUAGE else ""),
        r"\begin{landscape}",
        r"\footnotesize",
        r"\setlength{\tabcolsep}{3pt}",
        r"\setlength{\LTleft}{0pt}",
        r"\setlength{\LTright}{0pt}",
        *_caption_label(t),
        rf"\begin{{longtable}}{{@{{}}{columns}@{{}}}}",
        rf"\caption{{{latex_escape(t.caption)}}}"
        + (rf"\label{{{t.label}}}" if t.label else "")
        + r"\\",
        r"\toprule",
        header,
        r"\midrule",
        r"\endfirsthead",
        r"\toprule",
        header,
        r"\midrule",
        r"\endhead",
        r"\bottomrule",
        r"\endfoot",
    ]
    out += [" & ".join(_tex_cell(cell) for cell in row) + r" \\" for row in t.rows]
    out.append(r"\end{longtable}")
    if t.number is not None:  # the paper's number borrowed: the count goes on as before
        out.append(r"\addtocounter{table}{-1}")
    if t.footnotes:
        out += [r"\begin{list}{}{\setlength{\leftmargin}{0pt}\setlength{\itemsep}{1pt}}"]
        out += [rf"\item {_tex_note(n)}" for n in t.footnotes]
        out += [r"\end{list}"]
    out.append(r"\end{landscape}")
    return "\n".join(out) + "\n"


def to_html(t: Table) -> str:
    return web.render("tables.html.j2", t=t)


RENDERERS = {"csv": to_csv, "md": to_markdown, "tex": to_latex, "html": to_html}


# --- Table 1 ---------------------------------------------------------------------------


def table1(elements: pd.DataFrame, language: Language) -> Table:
    """The periodic table as a grid: each cell the atomic number and symbol, marked."""
    text = language.tables["table1"]
    grid: list[list[list[str]]] = [[[] for _ in range(18)] for _ in range(10)]
    for e in elements.to_dict("records"):
        r, c = periodic_position(int(e["z"]))
        mark = MARKS.get(e["category"], "")
        grid[r - 1][c - 1] = [f"{e['z']}", f"{e['symbol']}{mark}"]
    marked = set(elements.loc[elements["category"] != "", "source"])
    sources = "; ".join(sorted(language.translated(s) for s in marked))
    legend = text["legend"].format(rm_mark=MARKS["rare_metal"], ree_mark=MARKS["ree"])
    rows = list(grid)
    rows.insert(7, [[] for _ in range(18)])  # a gap before the f-block rows
    return Table(
        text["name"],
        text["caption"],
        [str(g) for g in range(1, 19)],
        rows,
        [legend + sources],
        language.code,
        label=f"tab:table1-{language.code}",
        number=1,
    )


# --- Table 3 ---------------------------------------------------------------------------

# Table 3 as printed keeps the paper's own words, whatever the languages of the outputs.
PRINTED: dict[str, Any] = {
    "name": "表3",
    "caption": "主要レアメタル埋蔵量・産出量等の偏在性と依存度（2009年、印刷のまま）",
    "header": [
        "鉱種",
        "世界計（09生／埋）",
        "埋蔵量上位3か国",
        "産出量上位3か国",
        "日本の輸入先（シェア）",
        "米国の輸入先",
    ],
    "footnote": "(1) 米国の輸入依存度: ",
}
_RAW = re.compile(r"raw cell: '(.*?)'(?:$|;)")


def raw_cell(note: str) -> str | None:
    m = _RAW.search(note)
    return m.group(1) if m else None


def _fmt_t(v: float) -> str:
    return f"{v:,.0f} t"


def table3_printed(t3: pd.DataFrame) -> Table:
    """Table 3 in Japanese, each cell exactly as printed (from the transcription)."""
    rows = []
    for symbol, g in _by_metal(t3):
        cells = {
            f: [
                raw_cell(r["note"]) or ""
                for r in g[g["field"] == f].sort_values("rank").to_dict("records")
                if raw_cell(r["note"])
            ]
            for f in set(g["field"])
        }
        rows.append(
            [
                [g["commodity_ja"].iloc[0]],
                cells.get("world_production_2009", []) + cells.get("world_reserves", [])
                or ["埋--"],
                cells.get("reserves_rank", []) or ["－"],
                cells.get("production_rank", []),
                cells.get("japan_import_share_rank", []),
                cells.get("us_import_source_rank", []),
            ]
        )
    return Table(
        PRINTED["name"],
        PRINTED["caption"],
        PRINTED["header"],
        rows,
        [_nir_footnote(t3, PRINTED["footnote"])],
        PAPER_LANGUAGE,
        TABLE3_WIDTHS,
        "tab:table3-printed",
        number=3,
    )


# Table 3's columns: metal, world, reserves, production, Japan's sources, US sources
TABLE3_WIDTHS = [0.09, 0.13, 0.22, 0.22, 0.18, 0.16]


def _by_metal(t3):
    order = list(dict.fromkeys(t3["symbol"]))
    return [(s, t3[t3["symbol"] == s]) for s in order]


def _nir_footnote(t3, lead: str) -> str:
    nir = t3[(t3["field"] == "us_net_import_reliance") & t3["value"].notna()]
    parts = [f"{r['symbol']} {r['value']:g}%" for r in nir.to_dict("records")]
    return lead + ", ".join(parts)


def table3_corrected(
    t3: pd.DataFrame, commodities: pd.DataFrame, language: Language, evidence=None
) -> Table:
    """Table 3 with corrected values, a footnote per corrected cell, and the share of the
    world total each country cell implies. ``evidence``: (file, table) of the corrections'
    evidence in ``language`` (correction_id, evidence), where it is not English; a
    correction it lacks is an error naming the file."""
    text = language.tables["table3"]
    names = commodity_names(commodities, language.code)
    notes: list[str] = []
    rows: list = []
    said = corrections_evidence(t3, evidence)

    def mark_for(r) -> str:
        if not r["correction_id"]:
            return ""
        mark = chr(ord("a") + len(notes))
        corrected = _fmt_t(r["value"]) if pd.notna(r["value"]) else text["removed"]
        note = text["note"].format(
            mark=f"{mark})",
            printed=r["value_as_printed"],
            corrected=corrected,
            cid=r["correction_id"],
            etype=text["evidence_types"].get(r["evidence_type"], r["evidence_type"]),
            evidence=said.get(r["correction_id"], r["correction_evidence"]),
        )
        notes.append(spell_numbers(note, language.code))
        return f" {mark})"

    for symbol, g in _by_metal(t3):
        world = {f: g[g["field"] == f].iloc[0] for f in ("world_production_2009", "world_reserves")}
        world_cells = []
        for f, label in (("world_production_2009", text["prod"]), ("world_reserves", text["res"])):
            w = world[f]
            value = _fmt_t(w["value"]) if pd.notna(w["value"]) else "—"
            world_cells.append(f"{label} {value}{mark_for(w)}")
        cells = [[names.get(g["commodity"].iloc[0], symbol) + f" ({symbol})"], world_cells]
        for f, measure_world in (
            ("reserves_rank", world["world_reserves"]),
            ("production_rank", world["world_production_2009"]),
            ("japan_import_share_rank", None),
            ("us_import_source_rank", None),
        ):
            lines = []
            for r in g[g["field"] == f].sort_values("rank").to_dict("records"):
                if not r["country_code"]:
                    continue
                # one name a country in every language (the paper writes 南ア and
                # 南アフリカ, カザフ and カザフスタン: the printed table keeps its spelling)
                codes = r["country_code"].split("+")
                who = text["tie_joiner"].join(language.country(c) for c in codes)
                if len(codes) > 1:
                    who = text["tie"].format(names=who)
                rank = int(r["rank"])
                # circled numbers are the paper's; pdfLaTeX cannot set them
                line = (
                    f"{CIRCLED.get(rank, '')}{who}"
                    if language.code == PAPER_LANGUAGE
                    else f"{rank}. {who}"
                )
                if pd.notna(r["value"]):
                    line += f" {r['value']:g}%" if r["unit"] == "%" else f" {_fmt_t(r['value'])}"
                    if measure_world is not None and pd.notna(measure_world["value"]):
                        share = r["value"] / measure_world["value"]
                        line += text["share"].format(share=f"{share:.0%}")
                line += mark_for(r)
                lines.append(line)
            cells.append(lines)
        rows.append(cells)
    return Table(
        text["name"],
        text["corrected"],
        text["header"],
        rows,
        [_nir_footnote(t3, text["footnote"])] + notes,
        language.code,
        TABLE3_WIDTHS,
        f"tab:table3-corrected-{language.code}",
        number=3,
    )
