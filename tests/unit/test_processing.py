"""The processing stage beside mining, and the IEA's supply sheet it partly comes from:
the IEA file read by rule (its note lines never countries, its totals checked), BGS's
refined cobalt and ferro-alloys computed by the mining statistics' own function, a
country whose alloys are given only in a sum never a zero, and the horizon's 2009, 2024
and 2030 said side by side only where they weigh one thing. Numbers are worked out from
the vendored files with the csv and json modules, not with the pipeline's readers."""

from __future__ import annotations

import csv
import json
import math

import pandas as pd
import pytest

from conftest import REPO
from raremetals.clean.bgs import Marks, load_series, parse_export
from raremetals.clean.countries import CountryResolver
from raremetals.clean.iea import key_lines, parse_supply
from raremetals.core.errors import InputError
from raremetals.core.io import read_reference
from raremetals.stats import processing
from raremetals.stats.comparability import Side, across_stages
from raremetals.stats.outlook import horizon, iea_outlook

# one test process reads the sources for this module's fixtures, not each of the two
pytestmark = pytest.mark.xdist_group("processing")

IEA = REPO / "data/raw/iea_critical_minerals/iea.json"
MINERALS = REPO / "data/iea_minerals.csv"
BGS = REPO / "data/raw/bgs_world_mineral_statistics"


@pytest.fixture(scope="module")
def places():
    return CountryResolver(REPO / "data/countries.csv")


@pytest.fixture(scope="module")
def iea(places):
    return parse_supply(IEA, MINERALS, places, "iea_critical_minerals")


@pytest.fixture(scope="module")
def bgs(places):
    series = load_series(REPO / "data/bgs_series.csv")
    marks = Marks(REPO / "data/bgs_marks.csv")
    files = ["BGS_cobalt_production.csv", "BGS_ferroalloys_production.csv"]
    return pd.concat(
        [parse_export(BGS / f, "bgs", series, places, marks) for f in files], ignore_index=True
    )


@pytest.fixture(scope="module")
def plan():
    return processing.load_plan(REPO / "data/processing_series.csv")


@pytest.fixture(scope="module")
def stats(plan, bgs, iea):
    holdings = processing.aggregate_holdings(read_reference(REPO / "data/bgs_series.csv"))
    return processing.processing_statistics(plan, bgs, holdings, iea)


def raw_bgs(name: str, sub: str, year: int) -> list[dict]:
    with open(BGS / name, encoding="utf-8", newline="") as fh:
        return [
            r
            for r in csv.DictReader(fh)
            if r["bgs_commodity_trans"] == sub and r["year"].startswith(str(year))
        ]


def supply(tmp_path, edit) -> str:
    """A copy of the vendored IEA file with ``edit`` applied to its supply sheet,
    written one key a line as the converter writes it."""
    data = json.loads(IEA.read_text(encoding="utf-8"))
    edit(data["supply"])
    path = tmp_path / "iea.json"
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False), encoding="utf-8")
    return path


def line_of(path, *keys) -> int:
    return key_lines(path.read_text(encoding="utf-8"))[("supply", *keys)]


# --- the IEA file ------------------------------------------------------------------------


def test_a_value_is_read_with_the_line_it_stands_on(iea):
    row = iea[
        (iea["mineral"] == "Cobalt")
        & (iea["stage"] == "refining")
        & (iea["country_code"] == "CHN")
        & (iea["year"] == 2024)
    ].iloc[0]
    assert row["value"] == pytest.approx(196.1433565869552)
    assert IEA.read_text(encoding="utf-8").splitlines()[row["row"] - 1].strip() == (
        '"2024": 196.1433565869552,'
    )
    assert row["kind"] == "data" and row["scenario"] == ""
    later = iea[(iea["mineral"] == "Cobalt") & (iea["year"] == 2030)]
    assert set(later["kind"]) == {"projection"} and set(later["scenario"]) == {"base case"}
    rest = iea[iea["country_raw"] == "Rest of world"]
    assert set(rest["area_type"]) == {"residual"}


def test_the_converters_note_lines_are_kept_as_notes_never_as_countries(iea):
    assert not iea["country_raw"].str.startswith("Notes").any()
    mining = iea[(iea["mineral"] == "Rare Earth Elements") & (iea["stage"] == "mining")]
    assert set(mining["country_raw"]) == {
        "China",
        "Myanmar",
        "Australia",
        "United States",
        "Rest of world",
    }
    note = mining["note"].iloc[0]
    assert note.startswith("Notes: Supply projections") and "“Base case” is assessed" in note
    refining = iea[(iea["mineral"] == "Rare Earth Elements") & (iea["stage"] == "refining")]
    assert set(refining["note"]) == {""}


@pytest.mark.parametrize(
    "name, values, expected",
    [
        ("Chinaa", 5.0, "a country name of ISO 3166"),  # a misspelt country with numbers
        ("Atlantis", None, "a country name of ISO 3166"),  # no place, no number, not a sentence
    ],
)
def test_a_key_that_is_no_place_is_refused_unless_it_is_a_note(
    tmp_path, places, name, values, expected
):
    def edit(s):
        s["Cobalt"]["mining"]["countries"][name] = {
            y: values for y in ("2024", "2030", "2035", "2040")
        }

    path = supply(tmp_path, edit)
    line = line_of(path, "Cobalt", "mining", "countries", name)
    with pytest.raises(InputError, match=rf"iea.json, row {line}: expected {expected}"):
        parse_supply(path, MINERALS, places, "iea")


def test_a_total_that_is_not_the_rows_sum_stops_the_build(tmp_path, places):
    def edit(s):
        s["Lithium"]["refining"]["total"]["2030"] += 1.0

    path = supply(tmp_path, edit)
    line = line_of(path, "Lithium", "refining", "total", "2030")
    with pytest.raises(InputError, match=rf"row {line}: expected a total equal to the sum"):
        parse_supply(path, MINERALS, places, "iea")


def test_a_top_three_share_that_is_not_the_rows_stops_the_build(tmp_path, places):
    def edit(s):
        s["Cobalt"]["refining"]["top3Share"]["2024"] = 0.9

    path = supply(tmp_path, edit)
    line = line_of(path, "Cobalt", "refining", "top3Share", "2024")
    with pytest.raises(InputError, match=rf"row {line}: expected a top-three share"):
        parse_supply(path, MINERALS, places, "iea")


def test_a_mineral_the_table_does_not_list_stops_the_build(tmp_path, places):
    def edit(s):
        s["Tin"] = s.pop("Copper")

    path = supply(tmp_path, edit)
    with pytest.raises(InputError, match=r"expected a mineral listed in .*iea_minerals.csv"):
        parse_supply(path, MINERALS, places, "iea")


def test_a_total_short_by_one_countrys_figure_flags_that_country(iea):
    # nickel mining: 2,463 + 345 + 116 + 190 + 118 + 100 + 629 = 3,961 kt against a printed
    # total of 3,861: Australia's 100 left out (and 40 of 4,490.87 in 2030)
    flagged = iea[iea["flag"] == "outside_total"]
    nickel = flagged[(flagged["mineral"] == "Nickel") & (flagged["stage"] == "mining")]
    assert set(nickel["country_code"]) == {"AUS"}
    assert set(flagged["mineral"]) == {"Nickel", "Graphite"}
    assert not len(
        iea[iea["commodity"].isin(["cobalt", "lithium", "rare_earths"]) & (iea["flag"] != "")]
    )


# --- BGS's processing stage ----------------------------------------------------------------


def test_refined_cobalt_is_computed_as_mining_is(stats):
    refined = stats[stats["series"] == "cobalt, refined"].set_index("year")
    for year in (2009, 2023):
        rows = raw_bgs("BGS_cobalt_production.csv", "cobalt, refined", year)
        total = sum(float(r["quantity"]) for r in rows)
        china = sum(float(r["quantity"]) for r in rows if r["country_trans"] == "China")
        assert refined.at[year, "total"] == total
        assert refined.at[year, "china_share"] == pytest.approx(china / total)
    # 25,544 of 62,203 t in 2009; 140,000 of 175,706 t in 2023
    assert refined.at[2009, "china_share"] == pytest.approx(0.41066, abs=5e-6)
    assert refined.at[2023, "china_share"] == pytest.approx(0.79679, abs=5e-6)


def test_a_country_whose_alloys_are_given_only_in_a_sum_is_without_a_figure(stats):
    vanadium = stats[stats["series"] == "ferro-alloys: Ferro-vanadium"].set_index("year")
    # China gives no ferro-vanadium from 2002; from 2011 its alloys are one figure
    # ("Ferro-alloys", 34,650,000 t in 2023), which may hold any of them
    rows = raw_bgs("BGS_ferroalloys_production.csv", "ferro-alloys", 2023)
    chinas = {r["bgs_sub_commodity_trans"] for r in rows if r["country_trans"] == "China"}
    assert "Ferro-vanadium" not in chinas and "Ferro-alloys" in chinas
    assert math.isnan(vanadium.at[2023, "china_share"])
    assert bool(vanadium.at[2023, "total_is_lower_bound"])
    assert vanadium.at[2023, "hhi_upper"] == 10_000
    assert "CHN" in vanadium.at[2023, "in_sums"]


def test_a_sum_of_nothing_produced_holds_no_alloy():
    bgs = pd.DataFrame(
        [
            {
                "series": "ferro-alloys: Ferro-vanadium",
                "country_code": "AUT",
                "year": 2020,
                "value": 7000.0,
                "area_type": "country",
                "commodity": "vanadium",
                "stage": "ferro-alloy plant",
                "basis": "alloy gross weight",
            },
            {
                "series": "ferro-alloys: Ferro-alloys",
                "country_code": "ZAF",
                "year": 2020,
                "value": 0.0,
                "area_type": "country",
                "commodity": "",
                "stage": "",
                "basis": "",
            },
            {
                "series": "ferro-alloys: Other ferro-alloys",
                "country_code": "JPN",
                "year": 2020,
                "value": 500.0,
                "area_type": "country",
                "commodity": "",
                "stage": "",
                "basis": "",
            },
        ]
    )
    holdings = {"ferro-alloys: Ferro-alloys": {"*"}, "ferro-alloys: Other ferro-alloys": {"*"}}
    held = processing.in_aggregate(bgs, "ferro-alloys: Ferro-vanadium", holdings)
    assert list(held["country_code"]) == ["JPN"]
    assert held["value"].isna().all() and set(held["flag"]) == {"in_aggregate"}


def test_the_stages_are_set_side_by_side_only_as_shares_of_one_metal(plan, stats, iea):
    mining = pd.DataFrame(
        [
            {
                "commodity": "cobalt",
                "series": "cobalt, mine",
                "basis": "element content",
                "year": 2023,
                "china_share": 1500 / 203130,
                "cr1_country": "COD",
                "cr1": 0.7,
                "hhi_lower": 5000.0,
                "hhi_upper": 5000.0,
                "total_is_lower_bound": False,
            },
        ]
    )
    empty = pd.DataFrame(columns=["commodity", "measure", "dataset"])
    table = processing.mining_and_processing(plan, stats, iea, mining, empty)
    cobalt = table[table["processing_series"] == "cobalt, refined"].iloc[0]
    # 1,500 of 203,130 t mined (BGS, 2023) against 140,000 of 175,706 t refined
    assert cobalt["china_gap"] == pytest.approx(140000 / 175706 - 1500 / 203130)
    rare = table[table["commodity"] == "rare_earths"].iloc[0]
    assert rare["processing_china_share"] == pytest.approx(73.75667016860831 / 80.80512702814008)
    assert rare["mining_china_share"] == pytest.approx(45.78735 / 75.09879032554382)
    assert across_stages(Side("cobalt", stage="mine"), Side("cobalt", stage="refinery")).like
    assert across_stages(Side("magnets", proxy=True, stage="mine"), Side("x")).why == "proxy"
    assert across_stages(Side("cobalt", stage="mine"), Side("nickel", stage="x")).why == "series"


def test_no_change_is_stated_between_2009_and_a_series_of_another_thing(iea, stats):
    outlook = iea_outlook(iea)
    paper = pd.DataFrame(
        [
            {
                "commodity": "rare_earths",
                "dataset": "paper_table3",
                "measure": "production",
                "china_share": 0.97,
                "cr3": 0.99,
                "hhi_lower": 9370.0,
                "hhi_upper": 9371.0,
                "total_is_lower_bound": False,
            },
            {
                "commodity": "cobalt",
                "dataset": "paper_table3",
                "measure": "production",
                "china_share": 0.10,
                "cr3": 0.60,
                "hhi_lower": 1929.0,
                "hhi_upper": 2800.0,
                "total_is_lower_bound": False,
            },
        ]
    )
    table = horizon(outlook, paper, stats)
    said = dict(zip(zip(table["commodity"], table["stage"], table["year"]), table["like_2009"]))
    assert said[("rare_earths", "mining", 2024)] == "no: series"  # magnet rare earths
    assert said[("cobalt", "mining", 2030)] == "yes"
    assert said[("cobalt", "refining", 2024)] == "yes"  # BGS's 2009 refined cobalt
    assert said[("lithium", "refining", 2024)] == "no 2009 row"
    projected = table[table["year"] == 2030]
    assert set(projected["kind"]) == {"projection"} and set(projected["scenario"]) == {"base case"}
