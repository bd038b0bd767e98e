"""MCS 2022, 2025 and 2026 and Data Series 140 read file by file, without a build: values
worked out by hand from the vendored files, the codes kept as flags, the version 1.3
correction, and each bad input refused where it is read. (The editions side by side in a
build: tests/pipeline/test_new_editions.py.)"""

from __future__ import annotations

import math
import shutil

import pytest

from conftest import REPO
from raremetals.clean.corrections import apply_version_corrections, load_unit_findings
from raremetals.clean.countries import CountryResolver
from raremetals.clean.ds140 import parse_workbook
from raremetals.clean.long_table import parse_commodities_table
from raremetals.clean.usgs_tables import LEFT_OUT, CommodityNames
from raremetals.clean.world_table import BLANK_ROW, note_code, parse_world_table
from raremetals.core.errors import InputError

RAW = REPO / "data/raw"
MCS2025 = RAW / "usgs_mcs2025/MCS2025_World_Data.csv"
MCS2026 = RAW / "usgs_mcs2026/MCS2026_Commodities_Data.csv"
DS140 = RAW / "usgs_ds140/ds140-rare-earths-2020.xlsx"


@pytest.fixture(scope="module")
def names():
    return CommodityNames(REPO / "data/commodities.csv", REPO / "data/usgs_commodity_names.csv")


@pytest.fixture(scope="module")
def resolver():
    return CountryResolver(REPO / "data/countries.csv")


@pytest.fixture(scope="module")
def findings():
    return load_unit_findings(REPO / "data/corrections/usgs_units.csv")


@pytest.fixture(scope="module")
def mcs2026(names, resolver, findings):
    return parse_commodities_table(
        MCS2026, "usgs_mcs2026", names, resolver, findings, edition="mcs2026"
    )


@pytest.fixture(scope="module")
def mcs2025(names, resolver, findings):
    return parse_world_table(MCS2025, "usgs_mcs2025", names, resolver, findings, edition="mcs2025")


def cell(df, **where):
    for k, v in where.items():
        df = df[df[k] == v]
    assert len(df) == 1, where
    return df.iloc[0]


# --- MCS 2026: one long cp1252 table ------------------------------------------------------


def test_mcs2026_rare_earths_2025(mcs2026):
    table, skipped = mcs2026
    ree = table[(table.commodity == "rare_earths") & (table.measure == "production")]
    # line 6094: RARE EARTHS, China, Production, Mine production, metric tons, 2025,
    # "270,000", "Estimated."
    china = cell(ree, country_code="CHN", year=2025)
    assert (china.value, china.value_raw, china.flag, china.row) == (270_000, "270,000", "e", 6094)
    assert (china.unit_raw, china.basis, china.stage) == ("metric tons", "REO equivalent", "mine")
    # line 6093: Canada "—", the USGS mark for zero: a country listed at 0, flagged
    canada = cell(ree, country_code="CAN", year=2025)
    assert (canada.value, canada.flag, canada.value_raw) == (0, "zero", "—")
    # the world total's "Mine production: rounded" joins the countries' series
    world = cell(ree, country_code="WLD", year=2025)
    assert (world.series, world.country_qualifier, world.value) == (
        "Mine production",
        "rounded",
        390_000,
    )
    # chapters the earlier world tables do not have are left out, named with the reason,
    # as are the rows of the US sections
    reasons = {(r["commodity_raw"], r["reason"]) for r in skipped}
    assert ("Scandium", LEFT_OUT) in reasons and ("Yttrium", LEFT_OUT) in reasons
    assert ("Rare Earths", "US salient statistics") in reasons


def test_mcs2026_codes_are_flags(mcs2026):
    table, _ = mcs2026
    # "s" with the note "Less than ½ unit." (helium, South Africa, 2025)
    he = cell(table, commodity="helium", country_code="ZAF", year=2025, measure="production")
    assert (he.value_raw, he.flag) == ("s", "lt_half_unit") and math.isnan(he.value)
    # "s" with "Included in “World total.”" (graphite reserves, United States)
    gr = cell(table, commodity="graphite", country_code="USA", measure="reserves")
    assert gr.flag == "incl_world"
    # a range stays text: iron and steel slag is left out, so take the cesium-free check
    assert not (table.value_raw.str.contains(" - ") & table.value.notna()).any()
    # ">" kept on the world total of rare-earth reserves (before the correction)
    res = cell(table, commodity="rare_earths", country_code="WLD", measure="reserves")
    assert (res.value_raw, res.flag, res.value, res.row) == (
        ">85,000,000",
        ">",
        85_000_000,
        6124,
    )


def test_mcs2026_unit_finding_reads_vanadium_reserves_in_kt(mcs2026):
    table, _ = mcs2026
    # line 8391: South Africa 520 "metric tons"; MCS 2025 gives vanadium reserves in kt
    za = cell(table, commodity="vanadium", country_code="ZAF", measure="reserves")
    assert (za.value_raw, za.unit_raw, za.unit_applied, za.unit_finding) == (
        "520",
        "metric tons",
        "thousand metric tons",
        "U25",
    )
    assert za.value == 520_000


def test_version_1_3_corrects_brazil_rare_earth_reserves(mcs2026):
    table, _ = mcs2026
    fixed = apply_version_corrections(table, REPO / "data/corrections/usgs_version_corrections.csv")
    bra = cell(fixed, commodity="rare_earths", country_code="BRA", measure="reserves")
    assert (bra.value_raw, bra.value, bra.flag) == ("21,000,000", 11_000_000, "corrected")
    assert "version 1.3" in bra.note
    world = cell(fixed, commodity="rare_earths", country_code="WLD", measure="reserves")
    assert (world.value_raw, world.value, world.flag) == (">85,000,000", 75_000_000, ">;corrected")


def test_a_stale_version_correction_is_refused(mcs2026, tmp_path):
    table, _ = mcs2026
    stale = tmp_path / "corrections.csv"
    stale.write_text(
        "edition,file,row,column,value_in_source,value_used,version,evidence\n"
        'mcs2026,MCS2026_Commodities_Data.csv,6109,Value,"11,000,000","11,000,000",1.3,x\n',
        encoding="utf-8",
    )
    with pytest.raises(InputError, match="row 2: expected a cell .* holding '11,000,000'"):
        apply_version_corrections(table, stale)


# --- MCS 2025: one wide table, codes in the notes --------------------------------------------


def test_mcs2025_rare_earths_and_its_stray_header_space(mcs2025):
    table, skipped = mcs2025
    # germanium's rows hold no number and no code: accounted for, not read
    assert {(r["commodity_raw"], r["reason"]) for r in skipped} == {("Gemanium", BLANK_ROW)}
    assert [r["row"] for r in skipped] == list(range(401, 409))
    # line 885 (China): PROD_2023 255000, "PROD_EST_ 2024" 270000, RESERVES_2024 44000000
    china = table[(table.commodity == "rare_earths") & (table.country_code == "CHN")]
    p24 = cell(china, measure="production", year=2024)
    assert (p24.value, p24.flag, p24.column) == (270_000, "e", "PROD_EST_ 2024")
    assert cell(china, measure="production", year=2023).flag == ""
    assert cell(china, measure="reserves", year=2024).value == 44_000_000
    # an all-blank capacity of a series that has none is not invented
    assert not ((table.commodity == "rare_earths") & (table.measure == "capacity")).any()


def test_mcs2025_codes_in_the_notes(mcs2025):
    table, _ = mcs2025
    # line 1091: tellurium, United States, blank values, note "W for 23-24"
    te = table[(table.commodity == "tellurium") & (table.country_code == "USA")]
    assert set(te[te.measure == "production"].flag) == {"W"}
    assert note_code("na for 2023", 2023) == "NA" and note_code("na for 2023", 2024) is None
    assert note_code("W for 23-24", 2024) == "W"


def test_mcs2025_reserve_unit_from_the_note(mcs2025):
    table, _ = mcs2025
    # iron ore reserves: "Crude Ore, million metric tons" against a UNIT_MEAS of kt
    ore = table[
        (table.commodity == "iron_ore")
        & (table.measure == "reserves")
        & (table.note.str.startswith("Crude Ore"))
    ]
    assert set(ore.unit_raw) == {"million metric tons"}
    aus = cell(ore, country_code="AUS")
    assert aus.value == float(aus.value_raw.replace(",", "")) * 1e6


# --- refusals ----------------------------------------------------------------------------------

HEADER_2026 = (
    "MCS chapter,Section,Commodity,Country,Statistics,Statistics_detail,Unit,Year,Value,"
    "Notes,Is critical mineral 2025,Other notes\r\n"
)
ROW_2026 = (
    "RARE EARTHS,World Mine Production and Reserves,Rare Earths,China,Production,"
    'Mine production,metric tons,2025,"270,000",Estimated.,Yes,\r\n'
)


def _write(tmp_path, text: str, encoding="cp1252"):
    path = tmp_path / "MCS2026_Commodities_Data.csv"
    path.write_bytes(text.encode(encoding))
    return path


@pytest.mark.parametrize(
    "text, encoding, message",
    [
        (
            HEADER_2026 + ROW_2026.replace("Mine production", "Mine production — note"),
            "utf-8",
            "expected cp1252 text, found 'UTF-8 text'",
        ),
        (
            HEADER_2026 + ROW_2026.replace("metric tons", "short tons"),
            "cp1252",
            "row 2, column 'Unit': expected a unit the pipeline knows",
        ),
        (
            HEADER_2026 + ROW_2026.replace("Rare Earths", "Unobtainium"),
            "cp1252",
            "row 2, column 'Commodity': expected a commodity named as in data/commodities.csv",
        ),
        (
            HEADER_2026 + ROW_2026 + ROW_2026,
            "cp1252",
            "row 3, column 'Country': expected one row per commodity, series, country",
        ),
        (
            HEADER_2026 + ROW_2026.replace('"270,000"', "s"),
            "cp1252",
            "row 2, column 'Notes': expected a note saying what the code 's' stands for",
        ),
        (
            HEADER_2026 + ROW_2026.replace('"270,000"', "-270000"),
            "cp1252",
            "row 2, column 'Value': expected a non-negative number",
        ),
        (
            HEADER_2026 + ROW_2026.rsplit(",", 4)[0] + "\r\n",
            "cp1252",
            "row 2: expected a row with all 12 columns (a truncated file?)",
        ),
        (
            HEADER_2026.replace("Unit,", "Units,") + ROW_2026,
            "cp1252",
            "row 1: expected the columns",
        ),
    ],
    ids=[
        "UTF-8 where cp1252 is declared",
        "unknown unit",
        "unknown commodity",
        "a row twice",
        "s without a note",
        "negative value",
        "truncated row",
        "renamed column",
    ],
)
def test_mcs2026_bad_input_is_refused(tmp_path, names, resolver, text, encoding, message):
    path = _write(tmp_path, text, encoding)
    with pytest.raises(InputError) as err:
        parse_commodities_table(path, "usgs_mcs2026", names, resolver, edition="mcs2026")
    assert message in str(err.value)
    assert str(path) in str(err.value)


def test_mcs2025_empty_unit_needs_a_finding(tmp_path, names, resolver):
    path = tmp_path / "MCS2025_World_Data.csv"
    shutil.copy(MCS2025, path)
    # without usgs_units.csv's U21, Sierra Leone's rutile row (line 1132) has no unit
    with pytest.raises(InputError, match="row 1132, column 'UNIT_MEAS': expected a unit"):
        parse_world_table(path, "usgs_mcs2025", names, resolver, edition="mcs2025")


# --- Data Series 140 ---------------------------------------------------------------------------


def test_ds140_rare_earths():
    d = parse_workbook(DS140, "usgs_ds140")
    assert (d.year.min(), d.year.max()) == (1900, 2020)
    # worksheet row 115: 2009, world production 135,000 t (MCS 2010 printed 124,000)
    world = cell(d, year=2009, statistic="world_production")
    assert (world.value, world.row, world.unit) == (135_000, 115, "t REO")
    # row 62: 1956 US production "W"
    w = cell(d, year=1956, statistic="us_production")
    assert w.flag == "W" and math.isnan(w.value)
    us = d[d.statistic == "us_production"].set_index("year").value
    assert (us.loc[2001:2011] == 0).all() and us[2000] == 5_000 and us[2012] == 3_000


def test_ds140_bad_cell_is_refused(tmp_path):
    from openpyxl import load_workbook

    book = load_workbook(DS140, data_only=True)  # the formulas' values kept as values
    book.active["H115"] = "about 135,000"  # 2009, world production
    bad = tmp_path / "ds140-rare-earths-2020.xlsx"
    book.save(bad)
    with pytest.raises(InputError, match="row 115, column 'H': expected a number, NA or W"):
        parse_workbook(bad, "usgs_ds140")


def test_ds140_bad_workbook_is_refused(tmp_path):
    bad = tmp_path / "ds140-rare-earths-2020.xlsx"
    bad.write_bytes(b"not a workbook")
    with pytest.raises(InputError, match="expected an Excel workbook"):
        parse_workbook(bad, "usgs_ds140")
