"""Citable outputs: headline numbers, the manifest, the report in a browser, the notebook."""

import hashlib
import json
import os
import re
import time

import nbformat
import pytest
import yaml

import browser
from conftest import REPO
from raremetals.core import catalogue


def test_numbers_have_stable_unique_macros(built):
    numbers = json.loads((built / "results/numbers.json").read_text())["numbers"]
    macros = [n["macro"] for n in numbers]
    assert len(macros) == len(set(macros))
    assert all(re.fullmatch(r"RM[A-Za-z]+", m) for m in macros)
    for n in numbers:
        assert {"value", "unit", "rounding", "file", "rows", "text"} <= set(n)
        assert (built / n["file"]).is_file()
    by_macro = {n["macro"]: n for n in numbers}
    ree = by_macro["RMRareEarthsProdChinaSharePaper"]
    assert ree["text"] == "97" and ree["value"] == pytest.approx(120_000 / 124_000)
    assert by_macro["RMRareEarthsResChinaSharePaper"]["text"] == "36"
    tex = (built / "results/numbers.tex").read_text()
    assert r"\newcommand{\RMRareEarthsProdChinaSharePaper}{97}" in tex


def test_every_macro_of_the_example_report_exists(built):
    used = set(re.findall(r"\\(RM[A-Za-z]+)", (REPO / "docs/example_report.tex").read_text()))
    defined = set(
        re.findall(r"\\newcommand\{\\(RM[A-Za-z]+)\}", (built / "results/numbers.tex").read_text())
    )
    assert used and used <= defined, sorted(used - defined)


def test_manifest_lists_every_output_with_its_provenance(built):
    manifest = json.loads((built / "results/manifest.json").read_text())
    listed = {f["path"]: f for f in manifest["files"]}
    on_disk = {str(p.relative_to(built)) for p in (built / "results").rglob("*") if p.is_file()} - {
        "results/manifest.json"
    }
    assert set(listed) == on_disk
    for path, entry in listed.items():
        data = (built / path).read_bytes()
        assert entry["sha256"] == hashlib.sha256(data).hexdigest()
        assert entry["size"] == len(data) and entry["rule"]
    table = listed[catalogue.path("concentration")]
    assert table["rule"] == "concentration"
    assert table["script"] == "workflow/scripts/compute_concentration.py"
    assert catalogue.path("usgs_best_series") in {i["path"] for i in table["inputs"]}
    assert manifest["code_version"]
    assert {"raremetals/stats/measures.py"} <= {c["path"] for c in manifest["library"]}
    # the figure's data: its three tables and the two language catalogues, no module
    fig1 = listed["results/figures/fig1_shares_2009.en.png"]["inputs"]
    assert sorted(i["path"] for i in fig1) == [
        "data/commodities.csv",
        "data/languages/en.yaml",
        "data/languages/ja.yaml",
        catalogue.path("concentration"),
        catalogue.path("country_shares"),
    ]
    # the report counts the same inputs
    report = (built / "results/report.html").read_text(encoding="utf-8")
    row = re.search(
        r"<code>results/figures/fig1_shares_2009\.en\.png</code>.*?<td>(\d+)</td>", report
    )
    assert row and int(row[1]) == len(fig1)


def test_notebook_ran_and_was_rendered(built):
    nb = nbformat.read(built / "results/notebooks/explore.ipynb", as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert all(c.execution_count for c in code)
    assert not any(o.get("output_type") == "error" for c in code for o in c.outputs)
    assert any(o.get("data", {}).get("image/png") for c in code for o in c.outputs)
    assert "papermill" not in nb.metadata
    html = (built / "results/notebooks/explore.html").read_text(encoding="utf-8")
    assert "rare_earths" in html and "<img" in html


def test_citation_metadata():
    cff = yaml.safe_load((REPO / "CITATION.cff").read_text())
    assert cff["cff-version"] == "1.2.0" and cff["title"] and cff["authors"]
    assert "## How to cite" in (REPO / "README.md").read_text()


@pytest.mark.skipif(
    not browser.available() and not os.environ.get("CI"),
    reason="chromium and chromedriver are not installed "
    "(./pipeline test installs them when run as root)",
)
def test_report_opens_in_a_browser_with_every_image_and_table(built):
    page = (built / "results/report.html").as_uri()
    with browser.chromium() as driver:
        driver.get(page)
        deadline = time.time() + 30
        while driver.execute_script("return document.readyState") != "complete":
            assert time.time() < deadline
            time.sleep(0.2)
        images = driver.execute_script(
            "return Array.from(document.images).map(i => [i.getAttribute('src'), "
            "i.complete && i.naturalWidth > 0])"
        )
        assert len(images) >= 10
        assert [src for src, ok in images if not ok] == []
        tables = driver.execute_script(
            "return Array.from(document.querySelectorAll('table')).map(t => "
            "[t.rows.length, t.offsetHeight, t.querySelectorAll('td').length])"
        )
        assert len(tables) >= 8
        assert all(rows > 1 and height > 0 and cells > 0 for rows, height, cells in tables)
        sections = driver.execute_script(
            "return ['figures','tables','methods','audit','sources','workflow','outputs']"
            ".map(id => !!document.getElementById(id))"
        )
        assert all(sections)
        ja = driver.execute_script("return document.querySelector('figcaption .ja').textContent")
        assert "出典" in ja


def test_an_hhi_range_prints_one_number_where_its_ends_agree(built):
    by_key = {
        n["key"]: n for n in json.loads((built / "results/numbers.json").read_text())["numbers"]
    }
    ranges = [k for k in by_key if ".hhi_range." in k]
    assert len(ranges) == 69
    for key in ranges:
        low, high = (
            by_key[key.replace("hhi_range", b)]["text"] for b in ("hhi_lower", "hhi_upper")
        )
        assert by_key[key]["text"] == (low if low == high else f"{low}–{high}"), key
    # tungsten 2009 (Table 3: 47,000, 2,400 and 2,000 of 58,000 t): 6,596 to 6,725
    assert by_key["tungsten.production.hhi_range.2009"]["text"] == "6,596–6,725"
    assert by_key["lithium.production.hhi_range.latest"]["text"] == "2,024"
