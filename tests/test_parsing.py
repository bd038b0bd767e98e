"""Unit tests of the parsing rules for USGS cells, headers and country names."""

from decimal import Decimal

import pytest

from conftest import REPO
from raremetals.countries import CountryResolver
from raremetals.errors import InputError
from raremetals.usgs import basis_of, parse_cell, parse_value_column


@pytest.mark.parametrize("cell, value, flags", [
    ("240000", Decimal(240000), []), ("1,200", Decimal(1200), []),
    (" 0.5 ", Decimal("0.5"), []), ("e5,000", Decimal(5000), ["e"]),
    (">100,000,000", Decimal(100_000_000), [">"]), ("<100", Decimal(100), ["<"]),
    ("W", None, ["W"]), ("        NA", None, ["NA"]), ("XX", None, ["XX"]),
    ("", None, ["blank"]), ("Large", None, ["large"]),
    ("Included with “Other countries.”", None, ["incl_other"]),
])
def test_parse_cell(cell, value, flags):
    assert parse_cell(cell, "f.csv", 2, "c") == (value, flags)


@pytest.mark.parametrize("cell", ["-5", "12 000", "about 5", "5e3"])
def test_parse_cell_refuses_what_is_not_a_number_or_code(cell):
    with pytest.raises(InputError, match=r"f\.csv, row 9, column 'Prod_t_2022': expected"):
        parse_cell(cell, "f.csv", 9, "Prod_t_2022")


@pytest.mark.parametrize("header, parts", [
    ("Prod_t_est_2022", ("Prod", "", "t", True, "2022")),
    ("Prod_kt_Est_2023", ("Prod", "", "kt", True, "2023")),
    ("Prod_kg_2021", ("Prod", "", "kg", False, "2021")),
    ("Reserves_kt", ("Reserves", "", "kt", False, None)),
    ("Reserves_ore_K2O_equiv_kt", ("Reserves", "ore_K2O_equiv", "kt", False, None)),
    ("Prod_Sponge_t_Est_2021", ("Prod", "Sponge", "t", True, "2021")),
    ("Cap_Pigment_t_2023", ("Cap", "Pigment", "t", False, "2023")),
])
def test_parse_value_column(header, parts):
    p = parse_value_column(header)
    assert (p["measure"], p["product"], p["unit"], p["est"], p["year"]) == parts


def test_basis_from_type_text():
    assert basis_of("Rare earths, mine production, rare-earth-oxide equivalent") == \
        "REO equivalent"
    assert basis_of("Mine production, lithium content") == "element content"
    assert basis_of("Zirconium ores, thousand metric tons, gross weight") == "gross weight"
    assert basis_of("Refinery production") is None


@pytest.fixture(scope="module")
def resolver():
    return CountryResolver(REPO / "data/countries.csv")


@pytest.mark.parametrize("raw, base, qualifier, footnote, estimated", [
    ("Chinae", "China", "", "", True),
    ("Greecee", "Greece", "", "", True),
    ("Ukraine", "Ukraine", "", "", False),
    ("Other countries6", "Other countries", "", "6", False),
    ("Other countriese", "Other countries", "", "", True),
    ("World total (rounded), excluding United States.", "World total",
     "rounded, excluding United States.", "", False),
    ("Brazil (crude and beneficiated)9", "Brazil", "crude and beneficiated", "9", False),
    ("Kazakhstan, concentrate", "Kazakhstan", "concentrate", "", False),
    ("Korea, Republic ofe", "Korea, Republic of", "", "", True),
    ("United\xa0States1", "United States", "", "1", False),
])
def test_split_usgs_name(resolver, raw, base, qualifier, footnote, estimated):
    n = resolver.split_usgs_name(raw)
    assert (n.base, n.qualifier, n.footnote, n.estimated) == (base, qualifier, footnote,
                                                              estimated)


def test_aggregates_are_never_countries(resolver):
    assert resolver.resolve("World total").area_type == "world"
    assert resolver.resolve("Other countries").code == "OTH"
    assert resolver.resolve("CIS (Commonwealth of Independent States)").area_type == "group"
    assert resolver.resolve("Congo (Kinshasa)").code == "COD"
    assert resolver.resolve("Freedonia") is None
    with pytest.raises(InputError, match="Freedonia"):
        resolver.require("Freedonia", "x.csv", row=3, column="Country")
