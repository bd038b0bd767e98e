"""The values behind each figure (results/figures/<id>.data.csv): written, linked, read
back from the table row each names, and the same values the figure draws."""

import csv
import json

import matplotlib
import pandas as pd
import pytest
import yaml

from conftest import REPO, one
from raremetals.core import catalogue
from raremetals.core.io import read_tidy
from raremetals.core.schemas.figures import FIGURE_DATA
from raremetals.core.text import load_languages
from raremetals.render import figures

LANGUAGES = load_languages([REPO / "data/languages/en.yaml"])


def data(built, fid) -> pd.DataFrame:
    return read_tidy(built / f"results/figures/{fid}.data.csv", FIGURE_DATA)


def row_at(path, line: int) -> dict:
    """The record that starts on a line of a CSV, by the header (the first line that is
    not a comment)."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    header = next(csv.reader([next(x for x in lines if not x.startswith("#"))]))
    return dict(zip(header, next(csv.reader(lines[line - 1 :]))))


@pytest.mark.parametrize("fid", sorted(figures.FIGURES))
def test_each_figure_writes_and_links_its_values(built, fid):
    caption = json.loads((built / f"results/figures/{fid}.caption.json").read_text())
    assert caption["data"] == f"{fid}.data.csv"
    assert len(data(built, fid)) > 0
    report = (built / "results/report.html").read_text(encoding="utf-8")
    assert f'href="figures/{fid}.data.csv"' in report
    package = json.loads((built / "results/datapackage.json").read_text())
    resource = next(r for r in package["resources"] if r["path"] == f"figures/{fid}.data.csv")
    assert [f["name"] for f in resource["schema"]["fields"]][:3] == [
        "measure",
        "series",
        "commodity",
    ]


@pytest.mark.parametrize("fid", sorted(figures.FIGURES))
def test_each_value_reads_back_from_its_table_row(built, fid):
    """Every row that names a column of its table holds the number of that column on the
    line it names, and the source file and row the table gives for it."""
    checked = 0
    for r in data(built, fid).to_dict("records"):
        if not r["table"]:
            continue
        row = row_at(built / r["table"], int(r["table_row"]))
        if r["quantity"] not in row:
            continue  # worked out from that row: checked by hand below
        assert float(row[r["quantity"]]) == pytest.approx(r["value"], rel=1e-12), r
        if r["source_file"]:
            assert r["source_file"] == row.get("file", row.get("source_file")), r
        if r["source_file"] and "row" in row:
            assert str(r["source_row"]) == row["row"], r
        checked += 1
    assert checked > 0


def test_worked_out_values_by_hand(built):
    # Table 3, lithium production 2009: Chile 7,400, Australia 4,400, China 2,300 of 18,000
    rest = one(
        data(built, "fig1_shares_2009"), commodity="lithium", measure="production", country_code=""
    )
    assert rest["value"] == pytest.approx(3900 / 18000)
    # GWEC: 158.5 GW at end-2009, 409 GW forecast for 2014: 50.1 GW a year; 3.5 MW and
    # 600 kg Nd a turbine, 10% of them with permanent magnets
    nd = data(built, "fig6_wind_neodymium")
    ten = nd[nd["series"].str.startswith("10%")].iloc[0]
    assert ten["value"] == pytest.approx(50.1 * 1000 / 3.5 * 0.1 * 600 / 1000)
    # cobalt 2009: China 6,200 t of 62,000 t in Table 3; BGS 6,003 t of 87,210 t
    points = one(
        data(built, "fig13_usgs_against_bgs"),
        commodity="cobalt",
        year=2009,
        quantity="100 x (usgs_china_share - bgs_china_share)",
    )
    assert points["value"] == pytest.approx(100 * (6200 / 62000 - 6003 / 87210))
    # DS140 2010: world 101,000 t, US 0 t
    rest = one(data(built, "fig11_ree_long_run"), series="rest of the world", year=2010)
    assert rest["value"] == 101_000
    # the 2010 quota against 2009's: 30,258 t against 50,145 t
    cut = one(data(built, "fig4_export_quotas"), series="change of the full-year quota")
    assert cut["value"] == pytest.approx(30258 / 50145 - 1)
    # the quotas' end took effect on 1 January 2015
    end = data(built, "fig15_china_export_policy")
    end = end[end["series"].str.endswith("CN_QUOTA_ABOLISHED_2015")].iloc[0]
    assert (end["period"], pd.isna(end["value"])) == ("2015-01-01", True)


# one test process draws the figures of ``english``, not each of the two
pytestmark = pytest.mark.xdist_group("figure_data")

LATEST = "mcs2026"  # the latest edition of the vendored snapshot


@pytest.fixture(scope="module")
def english(built):
    settings = {**yaml.safe_load((REPO / "config/config.yaml").read_text())["figures"]}
    out = {}
    for fid in ("fig3_hhi_range", "fig7_us_import_reliance", "fig9_china_share_series"):
        paths = {n: str(built / catalogue.path(n)) for n in figures.FIGURES[fid]}
        figs, _, values = figures.build(
            fid, paths, {**settings, "latest_edition": LATEST}, LANGUAGES
        )
        out[fid] = (figs["en"], values)
    yield out
    matplotlib.pyplot.close("all")


def drawn_with(fig, gid):
    return [a for a in fig.findobj() if getattr(a, "get_gid", lambda: None)() == gid]


def test_the_values_are_the_ones_drawn(built, english):
    # Figure 9: each metal's USGS line holds its rows' shares, year by year
    fig, values = english["fig9_china_share_series"]
    written = data(built, "fig9_china_share_series")
    assert values.drop(columns="table").equals(written.drop(columns="table"))
    for metal, rows in values[values["series"].str.startswith("usgs")].groupby("commodity"):
        (line,) = drawn_with(fig, f"{metal}:usgs")
        ys = [y for y in line.get_ydata() if y == y]  # a NaN breaks the line at a gap
        assert ys == pytest.approx(list(rows.sort_values("year")["value"]))
    # Figure 3: each range spans its lower and upper bound
    fig, values = english["fig3_hhi_range"]
    for (metal, when), rows in values.groupby(["commodity", "series"]):
        (mark, *_) = drawn_with(fig, f"{metal}:{when}")
        ends = rows.set_index("flag")["value"]
        assert min(mark.get_xdata()) == pytest.approx(ends["lower bound"])
        assert max(mark.get_xdata()) == pytest.approx(
            ends["upper bound"] if len(mark.get_xdata()) > 1 else ends["lower bound"]
        )
    # Figure 7: each bar of the latest edition is its row's value
    fig, values = english["fig7_us_import_reliance"]
    latest = values[values["series"] == LATEST]
    for r in latest.to_dict("records"):
        (bar,) = drawn_with(fig, f"{r['commodity']}:{LATEST}")
        assert bar.get_width() == pytest.approx(r["value"])
    assert len(latest) >= 8
