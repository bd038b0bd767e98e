"""Citing, without a build: CITATION.cff is complete, a LaTeX title prints as written, and
the macros' words and roundings. (The BibTeX, the data package and their validity after a
build: tests/pipeline/test_citations.py.)"""

import re
import shutil

import pytest
import yaml
from pybtex.database import parse_file

import latex
from conftest import REPO
from raremetals.sources.registry import load_registry

REGISTRY = load_registry(REPO / "data/sources.yaml")


def test_citation_cff_is_complete():
    cff = yaml.safe_load((REPO / "CITATION.cff").read_text(encoding="utf-8"))
    assert cff["cff-version"] == "1.2.0" and cff["title"] and cff["authors"]
    version = re.search(r'^version = "(.+)"', (REPO / "pyproject.toml").read_text(), re.M)[1]
    assert cff["version"] == version
    assert re.fullmatch(r"\d{4}-\d\d-\d\d", str(cff["date-released"]))
    refs = cff["references"]
    # every source of the registry, by DOI where it has one, else by title
    for source in REGISTRY.values():
        if source.doi:
            assert source.doi in {r.get("doi") for r in refs}, source.id
        elif source.id != "paper":
            assert source.title in {r["title"] for r in refs}, source.id
    paper = [r for r in refs if r["type"] == "article"]
    assert paper and paper[0]["title"].startswith("レアメタル/レアアースの戦略性と安全保障")
    assert "## How to cite" in (REPO / "README.md").read_text()


@pytest.mark.skipif(not (latex.available() and shutil.which("bibtex")), reason="no TeX Live")
def test_a_title_with_latex_characters_prints_as_written(tmp_path):
    """LaTeX's special characters in a registry text are escaped once (``\\%``, not
    ``\\\\%``, which ends the line and comments out the rest), and a lone brace does not
    unbalance the file."""
    import dataclasses

    from raremetals.cite.bibliography import bibtex

    hostile = "R&D: 50% of #1 x_y at $5 ~ ^ \\ {draft"
    source = dataclasses.replace(REGISTRY["sipri_milex"], title=hostile, edition="{v}")
    bib = bibtex({"sipri_milex": source, "usgs_mcs2026": REGISTRY["usgs_mcs2026"]})
    assert r"R\&D: 50\% of \#1 x\_y at \$5" in bib and r"\\%" not in bib
    (tmp_path / "sources.bib").write_text(bib, encoding="utf-8")
    assert parse_file(str(tmp_path / "sources.bib"), "bibtex").entries.keys() == {
        "sipri_milex",
        "usgs_mcs2026",
    }
    text = latex.cited(r"See \cite{sipri_milex} and \cite{usgs_mcs2026}.", tmp_path)
    assert "R&D: 50% of #1 x_y at $5 ~ ^ \\ {draft" in text, text
    assert "{v}" in text and "Mineral Commodity Summaries 2026 data release" in text


def test_a_year_is_named_in_words_for_a_macro():
    from raremetals.cite.numbers import periods, year_word

    assert [year_word(y) for y in (2010, 2019, 2020, 2023, 2030, 2099)] == [
        "Ten",
        "Nineteen",
        "Twenty",
        "TwentyThree",
        "Thirty",
        "NinetyNine",
    ]
    assert periods(2022) == {"2009": "Paper", "2022": "TwentyTwo", "latest": "Latest"}
    with pytest.raises(ValueError, match="2010 to 2099"):
        year_word(2009)


def test_an_hhi_prints_to_the_nearest_ten_half_up():
    from raremetals.cite.numbers import hhi_text

    assert hhi_text(9370.26) == "9,370"
    assert hhi_text(6725.09) == "6,730"
    assert hhi_text(6725.0) == "6,730"  # half up, not to even
    assert hhi_text(6724.99) == "6,720"
    assert hhi_text(10_000) == "10,000"
    assert hhi_text(4.9) == "0"
    # a bound rounds outward
    assert hhi_text(9370.26, "at most") == "9,380" and hhi_text(9379.9, "at least") == "9,370"


def test_bound_texts_round_outward():
    from raremetals.cite.numbers import integer_text, percent_text, significant_text

    assert (percent_text(0.5844, "at most"), percent_text(0.5844)) == ("59", "58")
    assert (percent_text(0.385), percent_text(0.5319, "at least")) == ("39", "53")
    assert (integer_text(187.5, "at least"), integer_text(187.5)) == ("187", "188")
    assert significant_text(75_290_000, "at least") == "75,200,000"
    assert significant_text(75_210_000, "at most") == "75,300,000"
    assert significant_text(1_234_567) == "1,230,000" and significant_text(0) == "0"
