"""World Mining Data read by rule, and its printed concentration index as a peer check
of the pipeline's HHI: every index vol. 32 prints for 2015 (section 6.5) is reproduced,
to its unit, from the workbook's own rows; a printed index the rows do not give stops
the build, naming the page."""

from __future__ import annotations

import pytest

from conftest import REPO
from raremetals.audit.peer.printed_index import check_printed_indices
from raremetals.clean.countries import CountryResolver
from raremetals.clean.wmd import load_minerals, read_printed_indices, read_workbook
from raremetals.core.errors import InputError

# one test process reads the sources for this module's fixtures, not each of the two
pytestmark = pytest.mark.xdist_group("wmd")

FOLDER = REPO / "data/raw/world_mining_data"


@pytest.fixture(scope="module")
def minerals():
    return load_minerals(REPO / "data/wmd_minerals.csv")


@pytest.fixture(scope="module")
def production(minerals):
    places = CountryResolver(REPO / "data/countries.csv")
    return read_workbook(FOLDER / "wmd2017_6.4_production_by_country.xlsx", minerals, places)


@pytest.fixture(scope="module")
def printed(minerals):
    return read_printed_indices(FOLDER / "WMD2017.pdf", 2015, minerals)


def test_a_value_keeps_its_cell_and_mark(production):
    cobalt = production[(production["sheet"] == "Cobalt") & (production["year"] == 2015)]
    china = cobalt[cobalt["country_code"] == "CHN"].iloc[0]
    # sheet Cobalt, row 7: China 6,843 / 7,498 / 8,580 / 8,500 / 8,500 t, "estimate"
    assert (china["value"], china["row"], china["column"], china["flag"]) == (8500, 7, "G", "e")
    assert cobalt["value"].sum() == 140_713  # the sheet's Total row
    russia = cobalt[cobalt["country_code"] == "RUS"]
    assert set(russia["country_raw"]) == {"Russia, Europe", "Russia, Asia"}


def test_every_printed_index_is_reproduced_from_wmds_own_rows(production, printed):
    checked = check_printed_indices(production, printed.assign(volume=32))
    assert len(checked) == 63 and checked["difference"].abs().max() <= 0.5
    niobium = checked[checked["sheet"] == "Niobium"].iloc[0]
    # page 145 of WMD2017.pdf: "Total 91 224 100.00 HHI 8 553"
    assert (niobium["printed_hhi"], niobium["page"], niobium["rows_total"]) == (8553, 145, 91_224)
    cobalt = checked[checked["sheet"] == "Cobalt"].iloc[0]
    # Russia in two parts is two producers to WMD (3,731.8), one here (3,732.5)
    assert cobalt["computed_hhi"] == pytest.approx(3731.82, abs=0.01)
    assert cobalt["hhi_russia_as_one"] == pytest.approx(3732.50, abs=0.01)


def test_an_index_the_rows_do_not_give_stops_the_build(production, printed):
    wrong = printed.assign(volume=32)
    wrong.loc[wrong["sheet"] == "Tungsten", "printed_hhi"] = 6663
    with pytest.raises(InputError, match=r"WMD2017.pdf, page 147 \(Tungsten \(W-Content\)\)"):
        check_printed_indices(production, wrong)


def test_a_heading_listed_on_a_page_it_is_not_on_stops_the_build(minerals):
    """Niobium's table is on page 145: listed as on page 150, its index is not found
    there or on page 151, and the reader names the heading and the pages it read."""
    niobium = minerals[minerals["sheet"] == "Niobium"]
    found = read_printed_indices(FOLDER / "WMD2017.pdf", 2015, niobium)
    assert (found["page"].tolist(), found["printed_hhi"].tolist()) == ([145], [8553])
    with pytest.raises(
        InputError,
        match=r"WMD2017.pdf: expected heading 'Niobium \(Nb2O5-Content\)' with its printed "
        r"total and index on page 150 or 151 .*found 'none'",
    ):
        read_printed_indices(FOLDER / "WMD2017.pdf", 2015, niobium.assign(index_page="150"))


def test_a_heading_without_its_page_is_refused_where_the_list_is_read(tmp_path):
    text = (REPO / "data/wmd_minerals.csv").read_text(encoding="utf-8")
    assert "\nCobalt,Cobalt,142," in text
    path = tmp_path / "wmd_minerals.csv"
    path.write_text(text.replace("\nCobalt,Cobalt,142,", "\nCobalt,Cobalt,p. 142,"))
    with pytest.raises(
        InputError,
        match=r"column 'index_page': expected the page \(from 1\) of sheet Cobalt's heading, "
        r"found 'p. 142'",
    ):
        load_minerals(path)
