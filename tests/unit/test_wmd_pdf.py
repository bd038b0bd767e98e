"""World Mining Data's production tables read from the PDFs (vols. 28-32) by the words'
places on the page: values worked out by hand from the pages, vol. 32's tables against
its workbook cell by cell, every index vols. 28-31 print reproduced from the rows read,
and a table that is not where the list says, or a word under no year, stops the build."""

from __future__ import annotations

import math

import pytest

from conftest import REPO
from raremetals.audit.peer.printed_index import check_printed_indices
from raremetals.clean.countries import CountryResolver
from raremetals.clean.wmd import load_minerals, read_printed_indices, read_workbook
from raremetals.clean.wmd_pdf import _Table, best_volume, load_volumes, read_volume
from raremetals.core.errors import InputError

FOLDER = REPO / "data/raw/world_mining_data"


@pytest.fixture(scope="module")
def volumes():
    return load_volumes(REPO / "data/wmd_volumes.csv")


@pytest.fixture(scope="module")
def places():
    return CountryResolver(REPO / "data/countries.csv")


@pytest.fixture(scope="module")
def vol28(volumes, places):
    return read_volume(FOLDER / "WMD2013.pdf", volumes, places)


def _cell(rows, commodity, code, year):
    hit = rows[
        (rows["commodity"] == commodity) & (rows["country_code"] == code) & (rows["year"] == year)
    ]
    return hit.iloc[0]


def test_values_as_the_page_prints_them(vol28):
    # WMD2013.pdf page 108: "Cobalt ... China 6 100 6 630 6 000 6 500 6 800 2q"
    china = _cell(vol28, "cobalt", "CHN", 2009)
    assert (china["value"], china["flag"], china["source"]) == (
        6000,
        "e",
        "International Consultative Group",
    )
    assert china["where"] == "WMD2013.pdf, page 108, line 40"  # lines of text from the top
    # page 109: "Burkina Faso 18 000 22 372 1b": figures under 2010 and 2011 only
    burkina = vol28[(vol28["commodity"] == "manganese") & (vol28["country_code"] == "BFA")]
    by_year = dict(zip(burkina["year"], burkina["value"]))
    assert by_year[2010] == 18_000 and by_year[2011] == 22_372
    assert all(math.isnan(by_year[y]) for y in (2007, 2008, 2009))
    assert set(burkina["source"]) == {"US Geological Survey"} and set(burkina["flag"]) == {""}
    # the table's Total row for 2009: 65 169 t
    cobalt = vol28[(vol28["commodity"] == "cobalt") & (vol28["year"] == 2009)]
    assert cobalt["value"].sum() == 65_169
    assert set(cobalt["basis"]) == {"Co content"}


def test_vol_32_read_from_the_pdf_is_its_workbook_cell_by_cell(volumes, places):
    pdf = read_volume(FOLDER / "WMD2017.pdf", volumes, places)
    book = read_workbook(
        FOLDER / "wmd2017_6.4_production_by_country.xlsx",
        load_minerals(REPO / "data/wmd_minerals.csv"),
        places,
    )
    key = ["commodity", "year", "country_raw"]
    both = pdf.merge(book[book["commodity"] != ""], on=key, suffixes=("_pdf", "_book"))
    assert len(both) == len(pdf) == 910  # every row of the 11 tables, five years each
    same = (both["value_pdf"] == both["value_book"]) | (
        both["value_pdf"].isna() & both["value_book"].isna()
    )
    assert same.all() and (both["flag_pdf"] == both["flag_book"]).all()


def test_the_indices_vol_28_prints_are_reproduced_from_the_rows_read(volumes, vol28):
    listed = volumes[volumes["volume"] == 28]
    minerals = listed.rename(columns={"heading": "sheet", "index_heading": "heading"})
    printed = read_printed_indices(FOLDER / "WMD2013.pdf", 2011, minerals)
    checked = check_printed_indices(
        vol28.rename(columns={"heading": "sheet"}), printed.assign(volume=28)
    )
    assert len(checked) == 10 and checked["difference"].abs().max() <= 0.5
    # page 150: "Total 11 533 354 100,00 HHI 2 360" (a decimal comma in vol. 28)
    chromium = checked[checked["sheet"] == "Chromium"].iloc[0]
    assert (chromium["printed_hhi"], chromium["page"]) == (2360, 150)


def test_the_latest_volume_is_the_best_for_each_year(vol28, volumes, places):
    vol30 = read_volume(FOLDER / "WMD2015.pdf", volumes, places)
    both = vol28._append(vol30, ignore_index=True)
    best = both[best_volume(both)]
    assert set(best[best["year"] == 2008]["volume"]) == {28}
    assert set(best[best["year"] == 2009]["volume"]) == {30}
    # a revision kept beside the first figure: China's lithium of 2009, 2 600 t then 5 250 t
    lithium = both[(both["commodity"] == "lithium") & (both["country_code"] == "CHN")]
    revised = lithium[lithium["year"] == 2009].set_index("volume")["value"]
    assert (revised[28], revised[30]) == (2600, 5250)


def test_a_table_not_on_its_page_stops_the_build(volumes, places):
    wrong = volumes.copy()
    wrong.loc[(wrong["volume"] == 28) & (wrong["commodity"] == "lithium"), "table_page"] = 112
    with pytest.raises(
        InputError, match=r"WMD2013.pdf, page 112: expected the table 'Lithium' on this page"
    ):
        read_volume(FOLDER / "WMD2013.pdf", wrong, places)


def _word(text, x1):
    return {"text": text, "x0": x1 - 5 * len(text), "x1": x1, "top": 100.0}


def _table():
    spec = {"heading": "Cobalt"}
    header = [_word(str(y), x) for y, x in zip(range(2007, 2012), (207, 278, 340, 411, 482))]
    return _Table(
        "test.pdf, page 1, line 1", spec, [*header, _word("Rem", 516)], list(range(2007, 2012))
    )


def test_a_word_under_no_year_or_a_bad_figure_stops_the_build():
    table = _table()
    with pytest.raises(InputError, match=r"page 2, line 3: expected a word under one of the years"):
        table.read([_word("China", 80), _word("6", 490)], "test.pdf, page 2, line 3")
    with pytest.raises(
        InputError, match=r"expected a figure in groups of three digits, found '6 30'"
    ):
        table.read(
            [_word("China", 80), _word("6", 270), _word("30", 278)], "test.pdf, page 2, line 4"
        )
    with pytest.raises(InputError, match=r"expected one remark"):
        table.read(
            [_word("China", 80), _word("600", 207), _word("xx", 516)], "test.pdf, page 2, line 5"
        )


def test_a_total_the_rows_do_not_make_stops_the_build():
    table = _table()
    table.read([_word("China", 80), _word("600", 207), _word("1e", 516)], "w")
    table.read([_word("Total", 80), _word("700", 207)], "w")
    with pytest.raises(
        InputError, match=r"Cobalt, 2007: a total equal to the sum of the rows \(600\)"
    ):
        table.check_total()


def test_a_blank_between_two_figures_stops_the_build():
    table = _table()
    # before a first figure: a mine not yet producing, read
    table.read([_word("Oman", 80), _word("775", 482), _word("1e", 516)], "test.pdf, page 2, line 6")
    # between two figures: an unknown, not a zero
    row = [_word("Oman", 80), _word("700", 207), _word("775", 482), _word("1e", 516)]
    with pytest.raises(InputError, match=r"line 7: expected figures in consecutive years"):
        table.read(row, "test.pdf, page 2, line 7")
