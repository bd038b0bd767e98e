"""Unit tests of the parsing rules for USGS cells, headers and country names."""

from decimal import Decimal

import pytest

from conftest import REPO
from raremetals.clean.cells import (
    basis_of,
    capacity_by_words,
    estimate_marks,
    parse_cell,
    parse_value_column,
    stated_factor,
)
from raremetals.clean.countries import CountryResolver
from raremetals.clean.editions import series_key, unit_scale
from raremetals.core.errors import InputError


@pytest.mark.parametrize(
    "cell, value, flags",
    [
        ("240000", Decimal(240000), []),
        ("1,200", Decimal(1200), []),
        (" 0.5 ", Decimal("0.5"), []),
        ("e5,000", Decimal(5000), ["e"]),
        (">100,000,000", Decimal(100_000_000), [">"]),
        ("<100", Decimal(100), ["<"]),
        ("W", None, ["W"]),
        ("        NA", None, ["NA"]),
        ("XX", None, ["XX"]),
        ("", None, ["blank"]),
        ("Large", None, ["large"]),
        ("Included with “Other countries.”", None, ["incl_other"]),
    ],
)
def test_parse_cell(cell, value, flags):
    assert parse_cell(cell, "f.csv", 2, "c") == (value, flags)


@pytest.mark.parametrize("cell", ["-5", "12 000", "about 5", "5e3"])
def test_parse_cell_refuses_what_is_not_a_number_or_code(cell):
    with pytest.raises(InputError, match=r"f\.csv, row 9, column 'Prod_t_2022': expected"):
        parse_cell(cell, "f.csv", 9, "Prod_t_2022")


@pytest.mark.parametrize(
    "header, parts",
    [
        ("Prod_t_est_2022", ("Prod", "", "t", True, "2022")),
        ("Prod_kt_Est_2023", ("Prod", "", "kt", True, "2023")),
        ("Prod_kg_2021", ("Prod", "", "kg", False, "2021")),
        ("Reserves_kt", ("Reserves", "", "kt", False, None)),
        ("Reserves_ore_K2O_equiv_kt", ("Reserves", "ore_K2O_equiv", "kt", False, None)),
        ("Prod_Sponge_t_Est_2021", ("Prod", "Sponge", "t", True, "2021")),
        ("Cap_Pigment_t_2023", ("Cap", "Pigment", "t", False, "2023")),
    ],
)
def test_parse_value_column(header, parts):
    p = parse_value_column(header)
    assert (p["measure"], p["product"], p["unit"], p["est"], p["year"]) == parts


def test_basis_from_type_text():
    assert basis_of("Rare earths, mine production, rare-earth-oxide equivalent") == "REO equivalent"
    assert basis_of("Mine production, lithium content") == "element content"
    assert basis_of("Zirconium ores, thousand metric tons, gross weight") == "gross weight"
    assert basis_of("Refinery production") is None


@pytest.fixture(scope="module")
def resolver():
    return CountryResolver(REPO / "data/countries.csv")


@pytest.mark.parametrize(
    "raw, base, qualifier, footnote, estimated",
    [
        ("Chinae", "China", "", "", True),
        ("Greecee", "Greece", "", "", True),
        ("Ukraine", "Ukraine", "", "", False),
        ("Other countries6", "Other countries", "", "6", False),
        ("Other countriese", "Other countries", "", "", True),
        (
            "World total (rounded), excluding United States.",
            "World total",
            "rounded, excluding United States.",
            "",
            False,
        ),
        ("Brazil (crude and beneficiated)9", "Brazil", "crude and beneficiated", "9", False),
        ("Kazakhstan, concentrate", "Kazakhstan", "concentrate", "", False),
        ("Korea, Republic ofe", "Korea, Republic of", "", "", True),
        ("United\xa0States1", "United States", "", "1", False),
    ],
)
def test_split_usgs_name(resolver, raw, base, qualifier, footnote, estimated):
    n = resolver.split_usgs_name(raw)
    assert (n.base, n.qualifier, n.footnote, n.estimated) == (base, qualifier, footnote, estimated)


def test_aggregates_are_never_countries(resolver):
    assert resolver.resolve("World total").area_type == "world"
    assert resolver.resolve("Other countries").code == "OTH"
    assert resolver.resolve("CIS (Commonwealth of Independent States)").area_type == "group"
    assert resolver.resolve("Congo (Kinshasa)").code == "COD"
    assert resolver.resolve("Freedonia") is None
    with pytest.raises(InputError, match="Freedonia"):
        resolver.require("Freedonia", "x.csv", row=3, column="Country")


# Notes and Type texts as the MCS 2023/2024 world files word them
@pytest.mark.parametrize(
    "note, type_text, measure, factor",
    [
        (
            "Units are thousand metric tons, gross weight, of marketable chromite ore.",
            "",
            "production",
            1000,
        ),
        ("Crude iron ore, million metric tons. For Australia, ...", "", "reserves", 10**6),
        ("Thousand metric tons, ZrO2 content", "", "reserves", 1000),
        ("", "Iron ore - mine production - usable ore -thousand metric tons", "production", 1000),
        ("", "Silver - mine production, contained silver - metric tons", "production", 1),
        # a quantity, not a statement of the unit
        (
            "For Australia, Joint Ore Reserves Committee reserves were 1.7 million tons.",
            "",
            "reserves",
            None,
        ),
        ("Data are rounded to the nearest hundred thousand tons", "", "production", None),
        # the Type text speaks of production, not of reserves
        ("", "Iron ore - mine production - usable ore -thousand metric tons", "reserves", None),
    ],
)
def test_units_stated_in_words(note, type_text, measure, factor):
    stated = stated_factor(note, type_text, measure)
    assert (stated[0] if stated else None) == factor


@pytest.mark.parametrize(
    "text, years, every",
    [
        ("Production in 2021 is also estimated.", {2021}, False),
        ("Production data in 2021 were also estimated", {2021}, False),
        ("Also estimated in 2022", {2022}, False),
        ("estimated in 2022 also", {2022}, False),
        ("Excludes production from Puerto Rico. Estimated in 2021 also.", {2021}, False),
        ("Estimated", set(), True),
        (" Estimated in both years", set(), True),
        ("Cement production, estimated", set(), True),
        ("Estimated amount of rhenium recovered in association with copper", set(), False),
        ("China is estimated to produce natural trona", set(), False),
    ],
)
def test_estimate_marks(text, years, every):
    assert estimate_marks(text) == (years, every)


@pytest.mark.parametrize(
    "ratio, scale",
    [
        (1000, 3),
        (0.001, -3),
        (1_000_000, 6),
        (535, 3),
        (1 / 1500, -3),
        (214, 0),
        (5.6, 0),
        (1.0, 0),
        (0.0, 0),
        (float("inf"), 0),
    ],
)
def test_unit_scale(ratio, scale):
    assert unit_scale(ratio) == scale


def test_series_keys_fold_the_sources_spelling_slips():
    assert series_key("Mne production, grosss weight, marketable chromite ore") == series_key(
        "Mine production, gross weight, marketable chromite ore"
    )
    assert series_key("Mine poduction, Bentonite") == series_key("Mine production, bentonite")


def test_a_series_whose_words_say_capacity_is_capacity():
    import pandas as pd

    obs = pd.DataFrame(
        {
            "series": [
                "Clinker capacity, estimated",
                "Cement production, estimated",
                "Sponge Metal Production and Sponge and Pigment Yearend Operating Capacity",
                "Clinker capacity, estimated",
            ],
            "measure": ["production", "production", "production", "reserves"],
        }
    )
    assert list(capacity_by_words(obs).measure) == [
        "capacity",
        "production",
        "production",
        "reserves",
    ]
