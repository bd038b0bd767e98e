"""Figures and tables: what is drawn, in both languages, with every glyph available."""

import json
import warnings

import matplotlib
import pandas as pd
import pytest

from conftest import REPO
from raremetals.core import catalogue
from raremetals.core.text import load_languages
from raremetals.core.vocab import periodic_position
from raremetals.render import figures
from raremetals.render.figures.style import missing_glyphs
from raremetals.stats.selections import most_concentrated, neodymium_demand

LANGUAGES = load_languages([REPO / "data/languages/en.yaml", REPO / "data/languages/ja.yaml"])


@pytest.fixture(scope="module")
def inputs(built):
    names = {n for needed in figures.FIGURES.values() for n in needed}
    return {n: str(built / catalogue.path(n)) for n in names}


CONFIG = {
    "neodymium": {
        "nd_kg_per_turbine": 600,
        "turbine_mw": 3.5,
        "nd_kg_per_hybrid_car": 1,
        "pm_shares": [0.1, 1.0],
    },
    "most_concentrated_n": 25,
    "latest_edition": "mcs2024",
}


@pytest.fixture(scope="module")
def drawn(inputs):
    out = {}
    for fid in figures.FIGURES:
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # a missing glyph warns; fail on it
            warnings.filterwarnings("ignore", "More than 20 figures")  # kept open to test
            figs, caption = figures.build(fid, inputs, CONFIG, LANGUAGES)
            for fig in figs.values():
                fig.canvas.draw()
        out[fid] = (figs, caption)
    yield out
    matplotlib.pyplot.close("all")


def by_gid(fig, gid):
    found = [a for a in fig.findobj() if getattr(a, "get_gid", lambda: None)() == gid]
    assert found, f"nothing drawn with gid {gid}"
    return found[0]


@pytest.mark.parametrize("fid", sorted(figures.FIGURES))
def test_every_glyph_exists_in_both_languages(drawn, fid):
    figs, caption = drawn[fid]
    assert set(figs) == {"en", "ja"}
    for lang, fig in figs.items():
        assert missing_glyphs(fig, LANGUAGES[lang].font) == set(), (fid, lang)
    assert caption["en"] and caption["ja"]
    assert caption["function"] == f"raremetals.render.figures.{fid}.draw"


def test_shares_2009_bars_are_the_table3_shares(drawn):
    fig = drawn["fig1_shares_2009"][0]["en"]
    china_ree = by_gid(fig, "rare_earths:CHN")
    assert china_ree.get_width() == pytest.approx(120_000 / 124_000)
    chile_li_reserves = [a for a in fig.axes[1].patches if a.get_gid() == "lithium:CHL"][0]
    assert chile_li_reserves.get_width() == pytest.approx(7_500_000 / 9_900_000)
    cis = [a for a in fig.axes[1].patches if a.get_gid() == "rare_earths:CIS"][0]
    assert cis.get_width() == pytest.approx(19 / 99)
    assert [t.get_text() for t in fig.axes[0].get_yticklabels()][0] == "Lithium"
    ja = drawn["fig1_shares_2009"][0]["ja"]
    assert [t.get_text() for t in ja.axes[0].get_yticklabels()][-1] == "レアアース"


def test_china_points(drawn):
    fig = drawn["fig2_china_production_vs_reserves"][0]["en"]
    ree_2009 = by_gid(fig, "rare_earths:2009").get_offsets()[0]
    assert list(ree_2009) == pytest.approx([36 / 99, 120 / 124])


def test_hhi_segments_span_the_range(drawn, built):
    comp = pd.read_csv(built / catalogue.path("paper_metals_comparison"))
    row = comp[(comp.commodity == "rare_earths") & (comp.measure == "production")].iloc[0]
    line = by_gid(drawn["fig3_hhi_range"][0]["en"], "rare_earths:2009")
    assert list(line.get_xdata()) == pytest.approx([row.hhi_lower_2009, row.hhi_upper_2009])


def test_quota_bars(drawn):
    fig = drawn["fig4_export_quotas"][0]["en"]
    assert by_gid(fig, "2009:full").get_height() == 50_145
    assert by_gid(fig, "2010:H2:total").get_height() == 7_976


def test_military_paper_points(drawn):
    fig = drawn["fig5_military_expenditure"][0]["en"]
    pts = by_gid(fig, "China:paper").get_offsets()
    assert sorted(map(tuple, pts)) == [(2000, 31_200), (2003, 48_500), (2009, 98_800)]


def test_neodymium_arithmetic(drawn):
    # (409 - 158.5) GW over 5 years = 50.1 GW/yr; 600 kg per 3.5 MW; all PM generators
    expected = 50.1 * 1000 / 3.5 * 600 / 1000
    assert neodymium_demand(50.1, 600, 3.5, 1.0) == pytest.approx(expected)
    bars = [p for p in drawn["fig6_wind_neodymium"][0]["en"].axes[1].patches if p.get_gid() == "nd"]
    assert bars[-1].get_height() == pytest.approx(expected)


def test_us_import_reliance_bars(drawn):
    fig = drawn["fig7_us_import_reliance"][0]["en"]
    assert by_gid(fig, "rare_earths:mcs2024").get_width() == 95
    assert list(by_gid(fig, "tungsten:paper2010").get_xdata()) == [63]


def test_most_concentrated_needs_a_world_total(drawn, built):
    conc = pd.read_csv(
        built / catalogue.path("concentration"),
        keep_default_na=False,
        na_values={"hhi_lower": [""], "total": [""], "china_share": [""]},
    )
    top = most_concentrated(conc, "mcs2024")
    assert (top.total_source == "world total row").all()
    assert top.commodity.is_unique and list(top.hhi_lower) == sorted(top.hhi_lower, reverse=True)
    assert "boron" not in set(top.commodity)


def test_periodic_table_marks(drawn):
    fig = drawn["table1_periodic_table"][0]["en"]
    assert by_gid(fig, "Nd:ree") and by_gid(fig, "W:rare_metal") and by_gid(fig, "Fe:")


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


def test_every_figure_file_and_caption_is_written(built):
    for fid in figures.FIGURES:
        caption = json.loads((built / f"results/figures/{fid}.caption.json").read_text())
        assert caption["id"] == fid
        for name in caption["files"]:
            assert (built / "results/figures" / name).stat().st_size > 1000
        assert len(caption["files"]) == 6
    png = (built / "results/figures/fig1_shares_2009.en.png").read_bytes()
    assert png.startswith(b"\x89PNG")


def test_tables_in_four_formats(built):
    folder = built / "results/tables"
    printed = (folder / "table3_as_printed.ja.md").read_text(encoding="utf-8")
    assert "①チリ(750 百万 t）" in printed and "埋 9,900 百万 t" in printed
    corrected = (folder / "table3_corrected.en.md").read_text(encoding="utf-8")
    assert "①Chile 7,500,000 t (76% of world) a)" in corrected
    assert (
        "a) printed 750 百万 t, corrected 7,500,000 t (T3-01; evidence: world_total)" in corrected
    )
    tex = (folder / "table3_corrected.ja.tex").read_text(encoding="utf-8")
    assert r"\toprule" in tex and r"\bottomrule" in tex
    html = (folder / "table1_rare_metals.en.html").read_text(encoding="utf-8")
    assert html.count("<tr>") == 12 and "Nd†" in html and "W*" in html
    csv = pd.read_csv(folder / "table3_corrected.en.csv")
    assert len(csv) == 12


def test_markers_of_table1_are_data(built):
    elements = pd.read_csv(REPO / "data/elements.csv", comment="#", keep_default_na=False)
    assert (elements.category == "ree").sum() == 17
    assert (elements.category == "rare_metal").sum() == 30


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


def test_pdfs_embed_truetype_fonts(built):
    """Every figure's PDF, in every language, embeds its fonts as TrueType (Type 42), which
    journals and PDF readers take; Type 3 fonts are drawn as shapes."""
    pdfs = sorted((built / "results/figures").glob("*.pdf"))
    assert len(pdfs) == 2 * len(figures.FIGURES)
    for pdf in pdfs:
        data = pdf.read_bytes()
        assert b"/Type3" not in data, pdf.name
        assert b"/TrueType" in data or b"/CIDFontType2" in data, pdf.name
