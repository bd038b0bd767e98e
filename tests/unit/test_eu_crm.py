"""The EU's assessments read by rule (scores, shares with bounds, a line break inside a
name, repeats) and set beside the pipeline's numbers by rule (the year nearest a window,
Spearman's rho of average ranks)."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from conftest import REPO
from raremetals.clean.countries import CountryResolver
from raremetals.clean.eu_crm import parse_2010_list, parse_scores, parse_supply_shares
from raremetals.core.errors import InputError
from raremetals.core.io import read_reference
from raremetals.stats.eu_criticality import criticality, threshold_check
from raremetals.stats.eu_view import nearest_year, shares_against_usgs, spearman


def write(tmp_path, name, text, encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def test_scores_with_not_assessed_a_name_across_lines_and_an_exact_repeat(tmp_path):
    path = write(
        tmp_path,
        "scores.csv",
        'Material,Year,SR,EI\nCobalt,2011,1.1,7.2\n"Natural Teak\nwood",2011,-,-\n'
        "Cobalt,2011,1.1,7.2\nTungsten,2014,2,9.1\n",
    )
    t = parse_scores(path, "eu").set_index("material")
    assert t.loc["Natural Teak wood", "flag"] == "NA"
    assert math.isnan(t.loc["Natural Teak wood", "supply_risk"])
    assert t.loc["Tungsten", "row"] == 6  # the line, counting the one inside the name
    assert len(t) == 3


@pytest.mark.parametrize(
    "line, found",
    [
        ("Tungsten,2014,high,7.2", "row 3, column 'SR': expected a score in digits or '-'"),
        ("Cobalt,2011,1.2,7.2", "row 3: expected a repeat of line 2 to repeat it exactly"),
        # a supply risk of 12 moved rho from 0.54 to 0.70: off the EU's scale
        ("Tungsten,2014,12,7.2", "row 3, column 'SR': expected a score on the EU's scale"),
        ("Tungsten,2014,1.2,10.5", "row 3, column 'EI': expected a score on the EU's scale"),
    ],
)
def test_a_careless_score_is_refused_at_its_line(tmp_path, line, found):
    path = write(tmp_path, "scores.csv", f"Material,Year,SR,EI\nCobalt,2011,1.1,7.2\n{line}\n")
    with pytest.raises(InputError, match=found):
        parse_scores(path, "eu")


def test_shares_in_cp1252_with_a_bound_that_stays_a_bound(tmp_path):
    resolver = CountryResolver(REPO / "data/countries.csv")
    path = write(
        tmp_path,
        "shares.csv",
        "Material,Stage,Country,Share,t\nAntimony,E,Türkiye,2.5%,1.0\n"
        'Niobium,E,China,<0.1%,1.0\nCobalt,E,"Congo, D.R.",62.8%,1.0\n',
        "cp1252",
    )
    t = parse_supply_shares(path, "eu", resolver).set_index("material")
    assert t.loc["Antimony", "country_code"] == "TUR" and t.loc["Antimony", "share"] == 0.025
    assert math.isnan(t.loc["Niobium", "share"]) and t.loc["Niobium", "flag"] == "<"
    assert t.loc["Cobalt", "country_code"] == "COD"
    bad = write(tmp_path, "bad.csv", "Material,Stage,Country,Share,t\nCobalt,E,China,about 4%,1\n")
    with pytest.raises(InputError, match="row 2, column 'Share': expected a share"):
        parse_supply_shares(bad, "eu", resolver)
    # a share of 826% is refused at its row, not later in a schema's traceback
    bad = write(tmp_path, "bad.csv", "Material,Stage,Country,Share,t\nCobalt,E,China,826%,1\n")
    with pytest.raises(InputError, match="row 2, column 'Share': expected a share of at most"):
        parse_supply_shares(bad, "eu", resolver)
    # shares of one material summing to 190% would make Austria the leader
    bad = write(
        tmp_path,
        "bad.csv",
        "Material,Stage,Country,Share,t\nTungsten,E,China,80%,1\nTungsten,E,Austria,90%,1\n"
        "Tungsten,E,Russia,20%,1\n",
    )
    with pytest.raises(InputError, match=r"row 3, column 'Share'.*Tungsten \(extraction\)"):
        parse_supply_shares(bad, "eu", resolver)


def test_the_2010_list_is_read_from_the_commissions_report():
    t = parse_2010_list(REPO / "data/raw/eu_crm_assessments/crm_2014_report.pdf", "eu")
    assert len(t) == 14 and set(t["page"]) == {14}
    assert {"Antimony", "Beryllium", "Fluorspar", "Magnesium", "Graphite"} <= set(t["material"])


def test_a_file_that_is_no_pdf_is_refused(tmp_path):
    path = write(tmp_path, "report.pdf", "not a pdf")
    with pytest.raises(InputError, match="expected a PDF whose text can be read"):
        parse_2010_list(path, "eu")


@pytest.mark.parametrize(
    "years, window, expected",
    [
        ([2009, 2020, 2021], (2016, 2020), (2020, 0)),
        ([2009, 2021], (2016, 2020), (2021, 1)),
        ([2009, 2020], (2012, 2016), (2009, 3)),
        ([2009, 2021], (2015, 2015), (2009, 6)),
    ],
)
def test_the_year_nearest_a_window(years, window, expected):
    assert nearest_year(years, *window) == expected


def test_spearman_is_pearson_of_average_ranks():
    a, b = pd.Series([1.0, 2.0, 3.0, 4.0]), pd.Series([10.0, 30.0, 20.0, 40.0])
    assert spearman(a, b) == pytest.approx(0.8)  # 1 - 6 * 2 / (4 * 15)
    assert math.isnan(spearman(pd.Series([1.0, 2.0]), pd.Series([2.0, 1.0])))


def test_a_material_without_extraction_shares_is_named_with_the_reason():
    shares = pd.DataFrame(
        {
            "material": ["Indium"],
            "stage": ["processing"],
            "country_code": ["CHN"],
            "share": [0.503],
            "flag": [""],
            "file": ["f"],
            "row": [2],
        }
    )
    materials = pd.DataFrame(
        {
            "material": ["Indium", "HREEs"],
            "commodity": ["indium", "rare_earths"],
            "shares_as": ["", ""],
            "note": ["", ""],
        }
    )
    prod = pd.DataFrame(columns=["commodity", "year"])
    out = shares_against_usgs(shares, materials, prod, (2016, 2020)).set_index("material")
    assert "processing only" in out.loc["Indium", "note"]
    assert "by element" in out.loc["HREEs", "note"]


def test_rare_earths_by_element_and_counted_once():
    """The 2023 report's dysprosium (China 84.4%) stands for the heavy rare earths; in a
    rank correlation the heavy and light rare earths, both beside one HHI, count once."""
    from raremetals.stats.eu_view import once_a_metal

    shares = pd.DataFrame(
        {
            "material": ["Dysprosium"],
            "stage": ["extraction"],
            "country_code": ["CHN"],
            "share": [0.844],
            "flag": [""],
            "file": ["global_supply_shares_2023.csv"],
            "row": [590],
        }
    )
    materials = pd.DataFrame(
        {
            "material": ["HREEs"],
            "commodity": ["rare_earths"],
            "shares_as": ["Dysprosium"],
            "note": [""],
        }
    )
    prod = pd.DataFrame(columns=["commodity", "year"])
    out = shares_against_usgs(shares, materials, prod, (2016, 2020)).iloc[0]
    assert out.eu_china_share == 0.844 and "Dysprosium's shares stand" in out.note
    both = pd.DataFrame(
        {
            "material": ["HREEs", "LREEs", "Cobalt"],
            "commodity": ["rare_earths", "rare_earths", "cobalt"],
            "supply_risk": [3.9, 3.1, 2.5],
            "hhi_wgi": [40.0, 40.0, 20.0],
        }
    )
    head, other, said = once_a_metal(both)
    assert list(head.material) == ["HREEs", "Cobalt"] and list(other.material) == [
        "LREEs",
        "Cobalt",
    ]
    assert said == "HREEs (headline), LREEs (other)"


def _thresholds_and_lists():
    thresholds = read_reference(REPO / "data/eu_thresholds.csv").astype(
        {"assessment": int, "supply_risk": float, "economic_importance": float}
    )
    lists = read_reference(REPO / "data/eu_critical_lists.csv").astype({"assessment": int})
    return thresholds, lists


def test_the_thresholds_give_the_published_lists_but_one_named_case():
    scores = parse_scores(REPO / "data/raw/eu_crm_assessments/crm_scores_over_time.csv", "eu")
    check = threshold_check(scores, *_thresholds_and_lists()).set_index("assessment")
    # 2014: supply risk >= 1 and economic importance >= 5 make exactly the 20 materials of
    # the 2014 report's Table 6 (p. 24): chromium at SR 1.0, EI 8.9 is one of them
    assert (check.loc[2014, "reach_both"], check.loc[2014, "listed"]) == (20, 20)
    assert check.loc[[2011, 2014, 2020, 2023], "reach_not_listed"].eq("").all()
    # 2017: coking coal is listed at EI 2.3 in the transcription, below 2.8
    assert check.loc[2017, "listed_not_reaching"] == "Coking coal"
    assert check.loc[2023, "ei_threshold"] == 2.8


def test_a_metal_on_a_threshold_reaches_it():
    scores = pd.DataFrame(
        [
            {"material": m, "assessment": a, "supply_risk": sr, "economic_importance": ei}
            | {"file": "crm_scores_over_time.csv", "row": r}
            for m, a, sr, ei, r in [
                ("Chromium", 2014, 1.0, 8.9, 20),  # both reached: critical
                ("Chromium", 2017, 0.9, 6.8, 30),
                ("Cobalt", 2023, 2.8, 6.8, 40),
            ]
        ]
    )
    materials = pd.DataFrame(
        {"material": ["Chromium", "Cobalt"], "commodity": ["chromium", "cobalt"]}
    )
    c = criticality(scores, materials, *_thresholds_and_lists()).set_index(
        ["material", "assessment"]
    )
    assert c.loc[("Chromium", 2014), ["critical", "listed"]].tolist() == [True, True]
    assert c.loc[("Chromium", 2017), ["critical", "listed"]].tolist() == [False, False]
    assert c.loc[("Cobalt", 2023), "ei_threshold"] == 2.8 and c.loc[("Cobalt", 2023), "critical"]
