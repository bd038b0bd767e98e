"""Figures and tables without a build: wind capacity's unit, Table 1's positions against
mendeleev, every metal's Japanese name, a value out of line, a ragged reference table,
and no file, module or library name drawn. (What the built figures draw:
tests/pipeline/test_figures.py.)"""

import re

import pandas as pd
import pytest

from conftest import REPO
from raremetals.clean.gwec import wind_capacity
from raremetals.core.errors import InputError
from raremetals.core.io import read_as_printed, read_yaml
from raremetals.core.schemas.inputs import WIND
from raremetals.core.schemas.stats import WIND_NEODYMIUM
from raremetals.core.vocab import periodic_position
from raremetals.stats.wind import wind_neodymium


def test_wind_capacity_is_read_in_gigawatts_whatever_the_unit():
    gwec = read_as_printed(REPO / "data/raw/gwec_wind_2009/gwec_global_wind_2009.csv", WIND)
    # the Global Wind 2009 Report: 158.5 GW at end-2009 and 409 GW forecast for 2014
    assert list(wind_capacity(gwec)["value"]) == [158.5, 409]
    row = gwec.index[gwec["value"] == "158.5"]
    in_mw = gwec.copy()
    in_mw.loc[row, ["value", "unit"]] = ["158500", "MW"]
    assert list(wind_capacity(in_mw)["value"]) == pytest.approx([158.5, 409])
    in_mw.loc[row, "value"] = "about 158,500"
    with pytest.raises(InputError, match=r"row 20, column 'value': expected a number of GW or MW"):
        wind_capacity(in_mw)


def test_the_neodymium_a_year_of_wind_additions_needs():
    """gwec_global_wind_2009.csv rows 20 and 22: 158.5 GW at the end of 2009 and 409 GW
    forecast for 2014, so (409 - 158.5) / 5 = 50.1 GW a year; the paper's 600 kg of Nd a
    3.5 MW turbine: 50.1 x 1000 / 3.5 x 600 / 1000 = 8,588.6 t with every generator a
    permanent-magnet one, a quarter of that with a quarter."""
    gwec = read_as_printed(REPO / "data/raw/gwec_wind_2009/gwec_global_wind_2009.csv", WIND)
    nd = wind_neodymium(
        wind_capacity(gwec), {"nd_kg_per_turbine": 600, "turbine_mw": 3.5, "pm_shares": [0.25, 1]}
    )
    assert list(nd["pm_share"]) == [0.25, 1.0] and set(nd["additions_gw"]) == {50.1}
    assert list(nd["nd_t"]) == pytest.approx([8588.571 / 4, 8588.571], abs=1e-3)
    assert (nd["first_year"].iloc[0], nd["last_year"].iloc[0], nd["rows"].iloc[0]) == (
        2009,
        2014,
        "20;22",
    )
    WIND_NEODYMIUM.validate(nd)


@pytest.mark.parametrize(
    "z, position",
    [
        (1, (1, 1)),
        (2, (1, 18)),
        (5, (2, 13)),
        (57, (9, 3)),
        (71, (9, 17)),
        (72, (6, 4)),
        (89, (10, 3)),
        (118, (7, 18)),
    ],
)
def test_periodic_position(z, position):
    assert periodic_position(z) == position


def test_table1_symbols_and_positions_agree_with_mendeleev():
    """data/elements.csv and the layout of vocab.periodic_position against the
    element-properties package: every symbol, and the period and group of every element
    outside the lanthanide and actinide rows."""
    from mendeleev.fetch import fetch_table

    table = fetch_table("elements").set_index("atomic_number")
    elements = pd.read_csv(REPO / "data/elements.csv", comment="#", keep_default_na=False)
    for z, symbol in zip(elements.z, elements.symbol):
        assert table.at[z, "symbol"] == symbol, z
        row, column = periodic_position(z)
        if row <= 7:
            assert (row, column) == (table.at[z, "period"], table.at[z, "group_id"]), symbol
        else:  # La-Lu and Ac-Lr drawn below the table, in periods 6 and 7
            assert table.at[z, "period"] == row - 3


def test_every_commodity_has_a_japanese_name():
    commodities = pd.read_csv(REPO / "data/commodities.csv", keep_default_na=False)
    assert (commodities["name_ja"] != "").all(), list(
        commodities.loc[commodities["name_ja"] == "", "commodity"]
    )


def test_a_value_a_hundredfold_off_its_neighbours_is_out_of_line():
    from raremetals.render.figures.picks import out_of_line

    values = pd.Series([5000.0, 6000, 40, 7000, 5500, 90_000], index=range(1935, 1941))
    # 40 is 1/150 of the median around it; 90,000 is 15 times, a market can do that
    assert out_of_line(values) == [1937]
    assert out_of_line(values, factor=10) == [1937, 1940]


def test_a_reference_table_with_a_ragged_row_is_named(tmp_path):
    from raremetals.core.io import read_reference

    path = tmp_path / "table3_evidence.ja.csv"
    text = "# a comment\ncorrection_id,evidence\nT3-01,a unit slip\nT3-02,23,000 t\n"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match="table3_evidence.ja.csv.*as many cells"):
        read_reference(path)


def test_no_file_module_or_library_name_is_drawn_in_a_figure():
    """What a figure draws (its source line and its labels) names sources in a reader's
    words: no path of the repository, no file, module or library name."""
    pattern = re.compile(r"data/|results/|\.csv|\.py\b|mendeleev|matplotlib|pdfplumber|pypdf")

    def texts(tree):
        if isinstance(tree, dict):
            for value in tree.values():
                yield from texts(value)
        elif isinstance(tree, list):
            for value in tree:
                yield from texts(value)
        elif isinstance(tree, str):
            yield tree

    for code in ("en", "ja"):
        figures = read_yaml(REPO / f"data/languages/{code}.yaml")["figures"]
        drawn = [*texts(figures["sources"]), *texts(figures["labels"])]
        assert [t for t in drawn if pattern.search(t)] == [], code
