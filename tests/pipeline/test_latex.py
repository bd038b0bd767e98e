"""The LaTeX a reader puts into a paper: every table of results/tables compiles on A4
with pdfLaTeX (English) and LuaLaTeX (every language) without overfull boxes, and every
row and note reaches the PDF; so does docs/example_report.tex with results/numbers.tex.
TeX Live and pdftotext come from Debian (`./pipeline test` installs them)."""

import re

import pytest

import latex
from raremetals.render import paper_tables

TABLES = paper_tables.names(["en", "ja"])
CASES = [(t, e) for t in TABLES for e in latex.ENGINES if t.endswith(".en") or e == "lualatex"]


def _plain(tex: str) -> str:
    """A cell or note of the generated LaTeX as the reader sees it."""
    tex = tex.replace(r"\newline", " ")
    tex = re.sub(r"\\url\{([^}]*)\}", r"\1", tex)
    tex = re.sub(r"\\text(asciitilde|asciicircum|backslash)\{\}", "", tex)
    tex = tex.replace(r"\ensuremath{\leq}", "≤").replace(r"\ensuremath{\geq}", "≥")
    return re.sub(r"\\([&%$#_{}])", r"\1", tex)


def rows_and_notes(tex: str) -> tuple[list[str], list[str]]:
    body = tex.split(r"\endfoot", 1)[1].split(r"\end{longtable}", 1)[0]
    rows = [line[: -len(r" \\")] for line in body.strip().splitlines()]
    notes = re.findall(r"^\\item (.*)$", tex, flags=re.M)
    return [_plain(r) for r in rows], [_plain(n) for n in notes]


@pytest.mark.parametrize("table, engine", CASES)
def test_table_compiles_on_a4_with_every_row_and_note(built, tmp_path, table, engine):
    tex = (built / f"results/tables/{table}.tex").read_text(encoding="utf-8")
    caption = re.search(r"\\caption\{(.*?)\}", tex).group(1)
    assert not re.match(r"(Table|表)\s*\d", caption), caption  # LaTeX numbers the table
    if table.endswith(".en"):
        assert not re.search(r"[①②③\u3000-\u9fff]", tex)  # nothing pdfLaTeX cannot set
    log, text = latex.compile_tex(engine, latex.document(engine, tex), tmp_path)
    assert latex.overfull(log) == []
    assert "a4paper" in latex.document(engine, tex)
    pdf = latex.squeeze(text)
    rows, notes = rows_and_notes(tex)
    assert rows and (notes or table.startswith("table1"))
    for row in rows:
        first = row.split(" & ")[0]
        assert latex.squeeze(first) in pdf, first
    for note in notes:
        assert latex.squeeze(note[:80]) in pdf, note[:80]
    assert latex.squeeze(caption[:40]) in pdf
    # labelled in the table's language, the paper's own tables by the paper's number
    number = {"table1": "1", "table3": "3"}.get(table.split("_")[0], r"\d")
    label = r"表\s*" if table.endswith(".ja") else r"Table\s+"
    assert re.search(label + number + ":", text), text[:300]


def test_table3_runs_over_pages_with_its_header_repeated(built, tmp_path):
    tex = (built / "results/tables/table3_corrected.en.tex").read_text(encoding="utf-8")
    _, text = latex.compile_tex("pdflatex", latex.document("pdflatex", tex), tmp_path)
    pages = text.split("\f")
    assert 2 <= len([p for p in pages if p.strip()]) < 4
    # the rare-earths row, last of the table, and the notes are in the PDF
    assert "Rare earths (REE)" in text or "Rare earths" in text
    for page in pages:
        if page.strip() and "Top 3 production" not in page and "Lithium" not in page:
            # a page of notes only: the table has ended before it
            assert "a)" in page or "(1)" in page


@pytest.mark.parametrize("engine", latex.ENGINES)
def test_example_report_compiles_and_prints_ranges_once(built, tmp_path, engine):
    numbers = built / "results/numbers.tex"
    tex = (built / "docs/example_report.tex").read_text(encoding="utf-8")
    tex = tex.replace(r"\input{results/numbers.tex}", rf"\input{{{numbers.as_posix()}}}")
    log, text = latex.compile_tex(engine, tex, tmp_path, "example_report")
    assert latex.overfull(log) == []
    # 2009: China produced 120,000 of 124,000 t of rare earths (97%)
    words = " ".join(text.split())
    assert "China produced 97%" in words
    # a bound keeps its sign: MCS 2026 tantalum reserves, 400,150 t listed, world total NA
    assert "reserves are ≥400,000 t, China’s share ≤60%" in words, words
    assert not re.search(r"\b(\d[\d,]*)–\1\b", text), "a range whose ends are equal"


def test_a_url_in_a_note_breaks_at_the_margin(built, tmp_path):
    """Table 1's note names two web pages: set with \\url, they break where a line ends,
    even with wider margins than the table was made for."""
    tex = (built / "results/tables/table1_rare_metals.en.tex").read_text(encoding="utf-8")
    assert r"\url{http://sun33.xsrv.jp/metal/2007/11/post_4.html}" in tex
    document = latex.document("pdflatex", tex).replace("margin=2cm", "margin=4cm")
    log, text = latex.compile_tex("pdflatex", document, tmp_path)
    assert latex.overfull(log) == []
    assert "earthresources.sakura.ne.jp" in latex.squeeze(text)
