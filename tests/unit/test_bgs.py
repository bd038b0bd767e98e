"""BGS World Mineral Statistics exports read by rule: a series per BGS commodity and
sub-commodity, BGS's precision statements as flags, never as numbers, and a clear error
naming the file, line and column for a careless cell."""

from __future__ import annotations

import csv
import io

import pytest

from conftest import REPO
from raremetals.clean.bgs import COLUMNS, load_series, parse_export
from raremetals.clean.countries import CountryResolver
from raremetals.core.errors import InputError

HEADER = ["x", *COLUMNS]  # an export has more columns than those read
ROW = {
    "x": "1.0",
    "year": "2009-01-01 00:00:00",
    "quantity": "49432",
    "units": "tonnes (metal content)",
    "country_trans": "China",
    "bgs_commodity_trans": "tungsten, mine",
    "bgs_sub_commodity_trans": "",
    "data_precision_description": "",
    "concat_figure_notes_code": "*",
    "concat_figure_notes_text": "Estimates.",
}


@pytest.fixture(scope="module")
def series():
    return load_series(REPO / "data/bgs_series.csv")


@pytest.fixture(scope="module")
def resolver():
    return CountryResolver(REPO / "data/countries.csv")


def export(tmp_path, *changes: dict):
    out = io.StringIO()
    w = csv.DictWriter(out, HEADER, lineterminator="\n")
    w.writeheader()
    for change in changes:
        w.writerow({**ROW, **change})
    path = tmp_path / "BGS_test_production.csv"
    path.write_text(out.getvalue(), encoding="utf-8")
    return path


def test_a_row_becomes_a_tidy_row_with_its_line(tmp_path, series, resolver):
    path = export(
        tmp_path,
        {},
        {"country_trans": "Soviet Union", "year": "1971-01-01 00:00:00", "quantity": "8800"},
        {
            "country_trans": "Uganda",
            "quantity": "0",
            "data_precision_description": "Quantity is more than 0 but less than 0.5",
            "concat_figure_notes_code": "",
        },
        {
            "country_trans": "Rwanda",
            "quantity": "",
            "data_precision_description": "Figures not available",
        },
        {
            "country_trans": "Spain",
            "quantity": "0",
            "data_precision_description": "Nil (nothing produced)",
        },
    )
    t = parse_export(path, "bgs", series, resolver).set_index("country_code")
    china = t.loc["CHN"]
    assert (china.series, china.basis, china.value, china.flag, china.row) == (
        "tungsten, mine",
        "element content",
        49432,
        "e",
        2,
    )
    assert (t.loc["SUN", "country"], t.loc["SUN", "year"]) == ("Soviet Union", 1971)
    # BGS writes 0 for a quantity below half a tonne: it is no number, and not zero
    assert t.loc["UGA", "value"] != t.loc["UGA", "value"] and t.loc["UGA", "flag"] == "lt_half_unit"
    assert t.loc["RWA", "value"] != t.loc["RWA", "value"] and t.loc["RWA", "flag"] == "e;NA"
    assert (t.loc["ESP", "value"], t.loc["ESP", "flag"]) == (0, "e;zero")


@pytest.mark.parametrize(
    "change, column, found",
    [
        ({"quantity": "about 500"}, "quantity", "about 500"),
        ({"quantity": "49,432"}, "quantity", "49,432"),
        ({"quantity": "-5"}, "quantity", "-5"),
        ({"year": "2009"}, "year", "2009"),
        ({"units": "kilograms"}, "units", "kilograms"),
        (
            {"bgs_sub_commodity_trans": "Wolframite"},
            "bgs_sub_commodity_trans",
            "tungsten, mine / Wolframite",
        ),
        ({"country_trans": "Chinaa"}, "country_trans", "Chinaa"),
        (
            {"data_precision_description": "Provisional"},
            "data_precision_description",
            "Provisional",
        ),
        (
            {"quantity": "12", "data_precision_description": "Figures not available"},
            "quantity",
            "12",
        ),
        ({"bgs_commodity_trans": "lithium minerals"}, "units", "gross weight of minerals"),
    ],
)
def test_a_careless_cell_is_refused_at_its_line_and_column(
    tmp_path, series, resolver, change, column, found
):
    path = export(tmp_path, {"country_trans": "Austria"}, change)
    with pytest.raises(InputError) as err:
        parse_export(path, "bgs", series, resolver)
    message = str(err.value)
    assert f"{path}, row 3, column '{column}'" in message and found in message


def test_a_row_given_twice_is_refused(tmp_path, series, resolver):
    path = export(tmp_path, {}, {"quantity": "40000"})
    with pytest.raises(InputError, match="row 3: expected one row per series, country and year"):
        parse_export(path, "bgs", series, resolver)


def test_every_series_of_the_mapping_names_a_known_commodity(series):
    known = {
        r["commodity"]
        for r in csv.DictReader(open(REPO / "data/commodities.csv", encoding="utf-8"))
    }
    assert {s["commodity"] for s in series.values()} - {""} <= known
    # forms of one metal are series of their own: never one key for two forms
    lithium = [k for k, s in series.items() if s["commodity"] == "lithium"]
    assert len({series[k]["basis"] for k in lithium}) == len(lithium)
