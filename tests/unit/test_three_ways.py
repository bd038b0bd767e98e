"""Table 3's 2009 production three ways: values worked out by hand from WMD's pages
(vol. 30, WMD2015.pdf; vol. 28, WMD2013.pdf), the class by basis, the reasons, and the
audit's checks that read them (a figure WMD takes from the USGS is never evidence)."""

from __future__ import annotations

import pandas as pd
import pytest

from conftest import REPO, languages, written
from raremetals.audit.checks import Sources
from raremetals.audit.checks.base import NotCheckable
from raremetals.audit.checks.wmd import wmd_share, wmd_value
from raremetals.audit.evidence import say, to_json, with_sentences
from raremetals.audit.three_ways import table3_three_ways
from raremetals.clean.countries import CountryResolver
from raremetals.clean.wmd_pdf import best_volume, load_volumes, read_volume
from raremetals.core.text import load_languages
from raremetals.render.audit_page import _three_ways_rows
from raremetals.stats.third_publisher import wmd_series

# one test process reads the sources for this module's fixtures, not each of the two
pytestmark = pytest.mark.xdist_group("three_ways")

FOLDER = REPO / "data/raw/world_mining_data"
BASES = {
    "cobalt": "element content",
    "chromium": "gross weight",
    "molybdenum": "element content",
    "niobium": "element content",
    "indium": "element content",
}
# Table 3's cells as printed (table3_as_printed.csv): metal, field, rank, country, t
CELLS = [
    ("cobalt", "world_production_2009", None, "WLD", 62_000, 56),
    ("cobalt", "production_rank", 1, "COD", 25_000, 61),
    ("cobalt", "production_rank", 3, "CHN+RUS", 6_200, 63),
    ("chromium", "production_rank", 1, "ZAF", 9_600_000, 33),
    ("molybdenum", "production_rank", 1, "CHN", 77_000, 103),
    ("niobium", "world_production_2009", None, "WLD", 62_000, 84),
    ("niobium", "production_rank", 1, "BRA", 57_000, 89),
    ("indium", "production_rank", 1, "CHN", 300, 117),
]


@pytest.fixture(scope="module")
def wmd():
    volumes = load_volumes(REPO / "data/wmd_volumes.csv")
    places = CountryResolver(REPO / "data/countries.csv")
    rows = pd.concat(
        [read_volume(FOLDER / f"WMD{y}.pdf", volumes, places) for y in (2013, 2015)],
        ignore_index=True,
    )
    rows["best"] = best_volume(rows)
    return rows


@pytest.fixture(scope="module")
def three_ways(wmd):
    table3 = pd.DataFrame(
        [
            {"commodity": m, "field": f, "rank": r, "country_code": c, "value": v, "unit": "t"}
            | {"file": "table3_as_printed.csv", "row": row}
            for m, f, r, c, v, row in CELLS
        ]
    )
    against_bgs = pd.DataFrame(
        [
            {"commodity": "cobalt", "field": "production_rank", "country_code": "COD"}
            | {"bgs_value": 56_258.0, "bgs_flag": "", "agreement": "differ"}
            | {"why": "vintage", "why_said": to_json(say("bgs_vintage"))}
        ]
    )
    made = table3_three_ways(table3, against_bgs, wmd, BASES)
    # as the job writes it: each reason in English, its sentence kept beside it
    made = with_sentences(made, ["bgs_why", "wmd_why"], languages()["en"])
    return made.set_index(["commodity", "country_code"])


def test_wmds_figures_and_classes_as_worked_out_from_the_pages(three_ways):
    # WMD2015.pdf page 104: "Congo, D.R. 56 103 ... 1e"; page 105: "Total 86 550"
    congo = three_ways.loc[("cobalt", "COD")]
    assert (congo["wmd_value"], congo["wmd_volume"], congo["wmd_flag"]) == (56_103, 30, "")
    assert congo["wmd_source"] == "national statistics"
    assert congo["wmd_agreement"] == "differ"  # 25,000 / 56,103 = 0.45
    assert "vol. 28 printed 35,500" in congo["wmd_why"]  # WMD2013.pdf page 108
    # BGS 56,258 against WMD 56,103: the two later publishers agree with each other
    assert congo["bgs_wmd_agreement"] == "agree"
    world = three_ways.loc[("cobalt", "WLD")]
    assert world["wmd_value"] == 86_550 and world["wmd_agreement"] == "differ"
    # a tie printed as one cell is each country's: China 6 003 (2q), Russia 1 882 + 470
    china, russia = three_ways.loc[("cobalt", "CHN")], three_ways.loc[("cobalt", "RUS")]
    assert (china["wmd_value"], china["wmd_flag"], china["wmd_agreement"]) == (6_003, "e", "agree")
    assert russia["wmd_value"] == 2_352 and russia["wmd_rank"] == 6


def test_another_basis_keeps_the_figure_but_does_not_class_it(three_ways):
    chromium = three_ways.loc[("chromium", "ZAF")]
    assert chromium["wmd_agreement"] == "bases differ"
    assert chromium["wmd_why"] == "USGS weighs gross weight, WMD Cr2O3 content"
    niobium = three_ways.loc[("niobium", "BRA")]
    assert niobium["wmd_agreement"] == "bases differ" and niobium["wmd_content_of"] == "Nb"
    assert three_ways.loc[("indium", "CHN")]["wmd_agreement"] == "no series"


def _sources(three_ways):
    empty = pd.DataFrame()
    claims = pd.DataFrame({"claim_id": []})
    return Sources(empty, empty, empty, empty, empty, claims, wmd=three_ways.reset_index())


def test_the_audit_reads_a_share_of_one_elements_content_not_a_copy_of_the_usgs(three_ways):
    src = _sources(three_ways)
    # Brazil's Nb2O5 content of the world's: a share of niobium content compares
    share, said, _ = wmd_share(src, {"commodity": "niobium", "country": "BRA"}, None)
    brazil, world = three_ways.loc[("niobium", "BRA")], three_ways.loc[("niobium", "WLD")]
    assert share == pytest.approx(100 * brazil["wmd_value"] / world["wmd_value"])
    assert "WMD vol. 30 2009 (Nb2O5 content)" in written(said)
    # the tonnage does not: Nb2O5 is not Nb
    with pytest.raises(NotCheckable) as why:
        wmd_value(src, {"commodity": "niobium", "country": "BRA"}, None)
    assert "so the tonnage does not compare" in written(why.value.said)
    # China's molybdenum of 2009 WMD takes from the USGS (remark 2b): not a third publisher
    assert three_ways.loc[("molybdenum", "CHN")]["wmd_source"] == "US Geological Survey"
    with pytest.raises(NotCheckable) as why:
        wmd_share(src, {"commodity": "molybdenum", "country": "CHN"}, None)
    assert "from the USGS" in written(why.value.said)
    # chromium: Cr2O3 content against chromite's gross weight, neither compares
    with pytest.raises(NotCheckable) as why:
        wmd_share(src, {"commodity": "chromium", "country": "ZAF"}, None)
    assert "so its share does not compare" in written(why.value.said)


def test_wmds_series_worked_out_from_a_page(wmd):
    series = wmd_series(
        wmd, BASES | {"rare_earths": "REO equivalent", "lithium": "element content"}
    )
    at = series.set_index(["commodity", "year"])
    # WMD2015.pdf page 116, rare earths (REO content) 2009: China 129 400, Russia 1 898,
    # Brazil 303, Malaysia 25, India 16, Australia and the United States blank; Total 131 642
    ree = at.loc[("rare_earths", 2009)]
    assert (ree["volume"], ree["total"], ree["blank_countries"]) == (30, 131_642, "AUS;USA")
    assert ree["china_share"] == pytest.approx(129_400 / 131_642)
    shares = [129_400, 1_898, 303, 25, 16]
    assert ree["hhi"] == pytest.approx(sum((100 * v / 131_642) ** 2 for v in shares))  # 9,664.4
    assert ree["compares_with_usgs"] == "tonnage"
    # vol. 28 weighs rare earths as concentrate: its 2007 does not stand beside the USGS
    assert at.loc[("rare_earths", 2007), "compares_with_usgs"] == ""
    # lithium as Li2O content: its shares are lithium's; chromium's Cr2O3 against chromite's weight
    assert at.loc[("lithium", 2009), "compares_with_usgs"] == "share"
    assert at.loc[("chromium", 2009), "compares_with_usgs"] == ""
    # niobium 2009: WMD lists no figure for China, and no share is made up for it
    assert pd.isna(at.loc[("niobium", 2009), "china_share"])


def test_the_audit_pages_table_has_a_head_for_every_cell(three_ways):
    rows = _three_ways_rows(three_ways.reset_index())
    paths = [REPO / "data/languages/en.yaml", REPO / "data/languages/ja.yaml"]
    for code, language in load_languages(paths).items():
        words = language.report["audit"]
        assert {len(row) for row in rows} == {len(words["bgs_heads"])}, code
        assert "World Mining Data" in words["against_bgs"], code
    congo = next(r for r in rows if r[:2] == ("cobalt", "#1 COD"))
    assert congo[2:7] == ("25,000", "56,258", "differ", "56,103", "differ")
