"""What readers cite with: CITATION.cff for the software and its sources, results/sources.bib
for LaTeX, and results/datapackage.json, a Frictionless Data Package of every table."""

import json
import shutil

import frictionless
import pandas as pd
import pytest
from pybtex.database import parse_file

import latex
from conftest import REPO
from raremetals.core import catalogue
from raremetals.render.figures import FIGURES
from raremetals.sources.registry import load_registry

REGISTRY = load_registry(REPO / "data/sources.yaml")


def test_sources_bib_has_every_source(built):
    bib = parse_file(str(built / "results/sources.bib"), "bibtex")
    assert set(bib.entries) == set(REGISTRY)
    mcs2026 = bib.entries["usgs_mcs2026"]
    assert mcs2026.fields["doi"] == "10.5066/P1WKQ63T" and mcs2026.fields["year"] == "2026"
    assert [str(p) for p in mcs2026.persons["author"]] == ["{U.S. Geological Survey}"]


@pytest.mark.skipif(not (latex.available() and shutil.which("bibtex")), reason="no TeX Live")
def test_sources_bib_compiles_with_bibtex(built, tmp_path):
    shutil.copy(built / "results/sources.bib", tmp_path / "sources.bib")
    text = latex.cited(r"The sources of the pipeline.\nocite{*}", tmp_path)
    assert "Mineral Commodity Summaries 2026 data release" in text
    assert "SIPRI Military Expenditure Database" in text


def test_datapackage_describes_every_table_and_validates(built):
    path = built / "results/datapackage.json"
    package = json.loads(path.read_text(encoding="utf-8"))
    resources = {r["name"]: r for r in package["resources"]}
    outputs = {t.name for t in catalogue.TABLES.values() if t.stage != "data"}
    drawn = {f"{fid}_data" for fid in FIGURES}
    assert set(resources) == outputs | drawn
    assert resources["fig3_hhi_range_data"]["path"] == "figures/fig3_hhi_range.data.csv"
    for name, resource in resources.items():
        header = list(pd.read_csv(built / "results" / resource["path"], nrows=0).columns)
        assert [f["name"] for f in resource["schema"]["fields"]] == header, name
        assert all(f["description"] for f in resource["schema"]["fields"]), name
    fields = {f["name"]: f for f in resources["concentration"]["schema"]["fields"]}
    assert fields["year"]["type"] == "integer" and fields["hhi_lower"]["type"] == "number"
    doi = {s.get("path") for s in resources["concentration"]["sources"]}
    assert "https://doi.org/10.5066/P1WKQ63T" in doi  # MCS 2026
    assert [s["title"][:11] for s in resources["paper_claims"]["sources"]] == [
        "レアメタル/レアアース"
    ]
    report = frictionless.validate(str(path))
    assert report.valid, report.flatten(["resource", "rowNumber", "fieldName", "type", "note"])[:10]
