"""BGS World Mineral Statistics exports read by rule: a series per BGS commodity and
sub-commodity, each of BGS's marks read as data/bgs_marks.csv says (a flag, a bound, a
series of its own), never guessed, and a clear error naming the file, line and column for
a careless cell or a mark the table does not list."""

from __future__ import annotations

import csv
import io

import pytest

from conftest import REPO
from raremetals.clean.bgs import COLUMNS, Marks, load_series, parse_export
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


@pytest.fixture(scope="module")
def marks():
    return Marks(REPO / "data/bgs_marks.csv")


def export(tmp_path, *changes: dict):
    out = io.StringIO()
    w = csv.DictWriter(out, HEADER, lineterminator="\n")
    w.writeheader()
    for change in changes:
        w.writerow({**ROW, **change})
    path = tmp_path / "BGS_test_production.csv"
    path.write_text(out.getvalue(), encoding="utf-8")
    return path


def test_a_row_becomes_a_tidy_row_with_its_line(tmp_path, series, resolver, marks):
    path = export(
        tmp_path,
        {},
        {"country_trans": "Soviet Union", "year": "1971-01-01 00:00:00", "quantity": "8800"},
        {
            "country_trans": "Uganda",
            "quantity": "0",
            "data_precision_description": "Quantity is more than 0 but less than 0.5",
            "concat_figure_notes_code": "",
            "concat_figure_notes_text": "",
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
    t = parse_export(path, "bgs", series, resolver, marks).set_index("country_code")
    china = t.loc["CHN"]
    assert (china.series, china.basis, china.value, china.flag, china.row) == (
        "tungsten, mine",
        "element content",
        49432,
        "e",
        2,
    )
    assert (t.loc["SUN", "country"], t.loc["SUN", "year"]) == ("Soviet Union", 1971)
    # BGS writes 0 for a quantity below half a tonne: not zero, and not unknown either
    uga = t.loc["UGA"]
    assert uga.value != uga.value and (uga.value_max, uga.flag) == (0.5, "lt_half_unit")
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
        # a lithium mineral's gross weight is never read as metal content
        ({"bgs_commodity_trans": "lithium minerals"}, "units", "tonnes (metal content)"),
        # a metal-content series never takes a gross weight
        ({"units": "tonnes (metric)"}, "units", "tonnes (metric)"),
        # a mark the vocabulary does not list, whatever its code
        (
            {"concat_figure_notes_code": "z", "concat_figure_notes_text": "Provisional."},
            "concat_figure_notes_text",
            "Provisional.",
        ),
        # a note code without its text
        ({"concat_figure_notes_code": "*|#"}, "concat_figure_notes_text", "Estimates."),
        # a mark listed for another commodity only
        (
            {"concat_figure_notes_code": "a", "concat_figure_notes_text": "Marketable."},
            "concat_figure_notes_text",
            "Marketable.",
        ),
    ],
)
def test_a_careless_cell_is_refused_at_its_line_and_column(
    tmp_path, series, resolver, marks, change, column, found
):
    path = export(tmp_path, {"country_trans": "Austria"}, change)
    with pytest.raises(InputError) as err:
        parse_export(path, "bgs", series, resolver, marks)
    message = str(err.value)
    assert f"{path}, row 3, column '{column}'" in message and found in message


def test_a_row_given_twice_is_refused(tmp_path, series, resolver, marks):
    path = export(tmp_path, {}, {"quantity": "40000"})
    with pytest.raises(InputError, match="row 3: expected one row per series, country and year"):
        parse_export(path, "bgs", series, resolver, marks)


def test_every_series_of_the_mapping_names_a_known_commodity(series):
    known = {
        r["commodity"]
        for r in csv.DictReader(open(REPO / "data/commodities.csv", encoding="utf-8"))
    }
    assert {s["commodity"] for s in series.values()} - {""} <= known
    # forms of one metal are series of their own: never one key for two forms
    lithium = [k for k, s in series.items() if s["commodity"] == "lithium"]
    assert len({series[k]["basis"] for k in lithium}) == len(lithium)


def test_each_mark_does_what_the_vocabulary_says(tmp_path, series, resolver, marks):
    """BGS_REs_production.csv gives China's rare-earth minerals as "REO content" and the
    US's monazite of 1982-1987 as a "Nominal capacity"; BGS_tungsten_production.csv marks
    every country "Break in series." in 1977 and Rwanda's figures as "Exports."."""
    minerals = {"bgs_commodity_trans": "rare earth minerals", "units": "tonnes (metric)"}
    path = export(
        tmp_path,
        {
            **minerals,
            "year": "1995-01-01 00:00:00",
            "quantity": "48000",
            "concat_figure_notes_code": "a",
            "concat_figure_notes_text": "REO content. Assumed to be 60% of concentrates produced.",
        },
        {
            **minerals,
            "country_trans": "USA",
            "bgs_sub_commodity_trans": "Monazite",
            "year": "1984-01-01 00:00:00",
            "quantity": "450",
            "concat_figure_notes_code": "e",
            "concat_figure_notes_text": "Nominal capacity.",
        },
        {
            "country_trans": "Rwanda",
            "year": "1977-01-01 00:00:00",
            "quantity": "390",
            "concat_figure_notes_code": "#|i",
            "concat_figure_notes_text": "Break in series.|Exports.",
        },
    )
    t = parse_export(path, "bgs", series, resolver, marks).set_index("country_code")
    china = t.loc["CHN"]
    # another basis: kept apart, in a series of its own
    assert china.series == "rare earth minerals [REO content (60% of concentrate assumed)]"
    assert (china.basis, china.value) == ("REO content (60% of concentrate assumed)", 48_000)
    usa = t.loc["USA"]
    assert usa.value != usa.value and (usa.value_max, usa.flag) == (450, "capacity")
    assert t.loc["RWA", "flag"] == "break;stands_in" and t.loc["RWA", "value"] == 390


def test_one_country_under_two_names_is_refused_where_both_have_a_figure(
    tmp_path, series, resolver, marks
):
    # a made-up duplicate: China again as "People's Republic of China"
    path = export(tmp_path, {}, {"country_trans": "People's Republic of China", "quantity": "9"})
    with pytest.raises(InputError) as err:
        parse_export(path, "bgs", series, resolver, marks)
    message = str(err.value)
    assert "row 3, column 'country_trans'" in message and "line 2 gives China 49432" in message
    # BGS's own case: the Federal Republic and Germany in 1990, one of them without a figure
    germany = {
        "year": "1990-01-01 00:00:00",
        "concat_figure_notes_code": "",
        "concat_figure_notes_text": "",
    }
    path = export(
        tmp_path,
        {**germany, "country_trans": "German Federal Republic", "quantity": "120"},
        {
            **germany,
            "country_trans": "Germany",
            "quantity": "",
            "data_precision_description": "Figures not available",
        },
    )
    assert list(parse_export(path, "bgs", series, resolver, marks).value.fillna(-1)) == [120, -1]


def test_every_mark_of_the_vendored_exports_is_in_the_vocabulary(series, resolver, marks):
    folder = REPO / "data/raw/bgs_world_mineral_statistics"
    for path in sorted(folder.glob("BGS_*.csv")):
        assert len(parse_export(path, "bgs", series, resolver, marks))


def test_a_blank_line_is_skipped_and_a_short_row_named(tmp_path):
    text = (REPO / "data/bgs_series.csv").read_text(encoding="utf-8")
    blank = tmp_path / "bgs_series.csv"
    blank.write_text(text + "\n", encoding="utf-8")  # a trailing blank line, as editors add
    assert load_series(blank) == load_series(REPO / "data/bgs_series.csv")
    short = tmp_path / "short.csv"
    short.write_text(text + "tungsten ore,,tungsten\n", encoding="utf-8")
    line = len(text.splitlines()) + 1
    with pytest.raises(
        InputError, match=rf"short.csv, row {line}: expected 8 cells, as the header"
    ):
        load_series(short)


def test_the_upper_bound_is_a_column_of_numbers_in_a_file_without_ranges(series, resolver, marks):
    # BGS_cobalt_production.csv gives no range: every row's upper bound is empty, and the
    # column is still one of numbers, so that the files' tables join without pandas
    # guessing its type (a FutureWarning of pandas, and another type in a later pandas)
    path = REPO / "data/raw/bgs_world_mineral_statistics/BGS_cobalt_production.csv"
    table = parse_export(path, "bgs", series, resolver, marks)
    assert table.value_max.isna().all() and table.value_max.dtype == "float64"
