"""Figures and tables: what is drawn, in both languages, with every glyph available."""

import json
import os
import re
import warnings

import matplotlib
import pandas as pd
import pytest

from conftest import REPO
from raremetals.core import catalogue
from raremetals.core.text import load_languages
from raremetals.render import figures, paper_tables, web
from raremetals.render.figures.picks import WORLD_TOTAL_GIVEN, most_concentrated, not_ranked
from raremetals.render.figures.style import INK, missing_glyphs
from raremetals.stats.wind import neodymium_demand

# one test process draws every figure for this module (``drawn``), not each of the two
pytestmark = pytest.mark.xdist_group("figures")

LANGUAGES = load_languages([REPO / "data/languages/en.yaml", REPO / "data/languages/ja.yaml"])


@pytest.fixture(scope="module")
def inputs(built):
    names = {n for needed in figures.FIGURES.values() for n in needed}
    return {n: str(built / catalogue.path(n)) for n in names}


CONFIG = {
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
            figs, caption, _ = figures.build(fid, inputs, CONFIG, LANGUAGES)
            for fig in figs.values():
                fig.canvas.draw()
        out[fid] = (figs, caption)
    yield out
    matplotlib.pyplot.close("all")


def by_gid(fig, gid):
    found = [a for a in fig.findobj() if getattr(a, "get_gid", lambda: None)() == gid]
    assert found, f"nothing drawn with gid {gid}"
    return found[0]


def test_the_module_runs_in_one_test_process(request):
    """pytest-xdist sends a group to one process by marking its tests' ids; with pytest
    9.2 and xdist 3.8 the mark is lost and each process draws every figure again (xdist
    issue 1386), hence the pin of pytest."""
    if not os.environ.get("PYTEST_XDIST_WORKER") or not getattr(
        request.config.option, "loadgroup", False
    ):
        pytest.skip("not run by pytest-xdist with --dist loadgroup")
    assert request.node.nodeid.endswith("@figures")


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
    # each segment's share is drawn on it: 120,000 of 124,000 t, 97%; a narrow one beside
    assert by_gid(fig, "rare_earths:CHN:label").get_text() == "China 97%"
    texts = {t.get_gid(): t.get_text() for t in fig.findobj(matplotlib.text.Text)}
    assert "2\u00a0India\u00a02%" in texts["rare_earths:production:side"]
    ja = drawn["fig1_shares_2009"][0]["ja"]
    assert [t.get_text() for t in ja.axes[0].get_yticklabels()][-1] == "レアアース"


def test_china_points(drawn):
    fig = drawn["fig2_china_production_vs_reserves"][0]["en"]
    ree_2009 = by_gid(fig, "rare_earths:2009").get_offsets()[0]
    assert list(ree_2009) == pytest.approx([36 / 99, 120 / 124])


def test_hhi_segments_span_the_range(drawn, built):
    comp = pd.read_csv(built / catalogue.path("paper_metals_comparison"))
    comp = comp[comp.measure == "production"].set_index("commodity")
    fig = drawn["fig3_hhi_range"][0]["en"]
    # manganese 2009: China 25% ... the unassigned share makes a range
    mn = comp.loc["manganese"]
    line = by_gid(fig, "manganese:2009")
    assert list(line.get_xdata()) == pytest.approx([mn.hhi_lower_2009, mn.hhi_upper_2009])
    # rare earths 2009: 0.5% unassigned, bounds 9,370.3 and 9,370.5: a point, not a hairline
    ree = comp.loc["rare_earths"]
    assert ree.hhi_upper_2009 - ree.hhi_lower_2009 < 1
    point = by_gid(fig, "rare_earths:2009")
    assert list(point.get_xdata()) == pytest.approx([ree.hhi_lower_2009])
    assert point.get_marker() == "o" and point.get_markersize() >= 5


def test_quota_bars(drawn):
    fig = drawn["fig4_export_quotas"][0]["en"]
    assert by_gid(fig, "2009:full").get_height() == 50_145
    assert by_gid(fig, "2010:H2:total").get_height() == 7_976


def test_military_paper_points(drawn):
    fig = drawn["fig5_military_expenditure"][0]["en"]
    pts = by_gid(fig, "China:paper").get_offsets()
    assert sorted(map(tuple, pts)) == [(2000, 31.2), (2003, 48.5), (2009, 98.8)]  # US$ billion


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
    assert top.total_source.isin(WORLD_TOTAL_GIVEN).all()
    assert top.commodity.is_unique and list(top.hhi_lower) == sorted(top.hhi_lower, reverse=True)
    assert "boron" not in set(top.commodity)
    # MCS 2026, 2025: vanadium's listed countries (Brazil 5,300, China 82,000, Russia
    # 21,000, South Africa 5,000 t) pass the rounded world total (110,000 t): their sum
    # is the total, and the figure keeps 2025 rather than falling back to 2024
    top = most_concentrated(conc, "mcs2026")
    assert set(top.year) == {2025}
    v = top.set_index("commodity").loc["vanadium"]
    shares = [x / 113_300 for x in (5_300, 82_000, 21_000, 5_000)]
    assert v.hhi_lower == pytest.approx(10_000 * sum(x * x for x in shares))
    assert v.china_share == pytest.approx(82_000 / 113_300)
    # dimension stone (one country a series) and iron oxide pigments have no world total
    left = not_ranked(conc, "mcs2026", top)
    assert list(left.commodity) == ["stone_dimension", "iron_oxide_pigments"]


def test_periodic_table_marks(drawn):
    fig = drawn["table1_periodic_table"][0]["en"]
    assert by_gid(fig, "Nd:ree") and by_gid(fig, "W:rare_metal") and by_gid(fig, "Fe:")


def test_every_figure_file_and_caption_is_written(built):
    for fid in figures.FIGURES:
        caption = json.loads((built / f"results/figures/{fid}.caption.json").read_text())
        assert caption["id"] == fid
        for name in caption["files"]:
            assert (built / "results/figures" / name).stat().st_size > 1000
        # PNG and PDF, the default formats, in English and Japanese
        assert sorted(name.rsplit(".", 2)[-2:][1] for name in caption["files"]) == [
            "pdf",
            "pdf",
            "png",
            "png",
        ]
    png = (built / "results/figures/fig1_shares_2009.en.png").read_bytes()
    assert png.startswith(b"\x89PNG")
    # the report's copy: 120 of the PNG's 300 dpi, the same shape, far fewer bytes
    folder = built / "results/figures"
    for fid in figures.FIGURES:
        for code in ("en", "ja"):
            full, small = folder / f"{fid}.{code}.png", folder / f"{fid}.{code}.preview.png"
            (w, h), (pw, ph) = web.png_size(full), web.png_size(small)
            assert (pw, ph) == (round(w * 120 / 300), round(h * 120 / 300))
            assert small.stat().st_size < full.stat().st_size / 2


def test_tables_in_four_formats(built):
    folder = built / "results/tables"
    # what the rule writes is the one list of render/paper_tables.py, each in four formats
    made = sorted(p.name for p in folder.iterdir())
    listed = paper_tables.names(["en", "ja"])
    assert made == sorted(f"{n}.{ext}" for n in listed for ext in ("csv", "html", "md", "tex"))
    printed = (folder / "table3_as_printed.ja.md").read_text(encoding="utf-8")
    assert "①チリ(750 百万 t）" in printed and "埋 9,900 百万 t" in printed
    corrected = (folder / "table3_corrected.en.md").read_text(encoding="utf-8")
    # in English the ranks are numbers and the printed 百万 is spelled: pdfLaTeX sets both
    assert "1. Chile 7,500,000 t (76% of world) a)" in corrected
    assert (
        "a) printed 750 million t, corrected 7,500,000 t (T3-01; evidence: world total)"
        in corrected
    )
    assert "①" not in corrected and "百" not in corrected
    # in Japanese the notes are Japanese (data/corrections/table3_evidence.ja.csv)
    ja = (folder / "table3_corrected.ja.md").read_text(encoding="utf-8")
    notes = [line for line in ja.splitlines() if re.match(r"[a-o]\) ", line)]
    assert len(notes) == 15
    assert notes[0].startswith(
        "a) 印刷値 750 百万 t、訂正値 7,500,000 t（T3-01、根拠: 世界計）: チリの"
    )
    assert not [n for n in notes if re.search(r"\b(the|is|printed|as)\b", n)]
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


def test_pdfs_embed_truetype_fonts(built):
    """Every figure's PDF, in every language, embeds its fonts as TrueType (Type 42), which
    journals and PDF readers take; Type 3 fonts are drawn as shapes."""
    pdfs = sorted((built / "results/figures").glob("*.pdf"))
    assert len(pdfs) == 2 * len(figures.FIGURES)
    for pdf in pdfs:
        data = pdf.read_bytes()
        assert b"/Type3" not in data, pdf.name
        assert b"/TrueType" in data or b"/CIDFontType2" in data, pdf.name


def visible_texts(fig):
    """Every drawn text with its box: tick labels of ticks outside the view are not
    drawn, and an annotation's box is its text's, not its arrow's."""
    renderer = fig.canvas.get_renderer()
    hidden = set()
    for ax in fig.axes:
        for axis in (ax.xaxis, ax.yaxis):
            lo, hi = sorted(axis.get_view_interval())
            for tick in axis.get_major_ticks() + axis.get_minor_ticks():
                if not lo - 1e-9 <= tick.get_loc() <= hi + 1e-9:
                    hidden |= {id(tick.label1), id(tick.label2)}
    return [
        (t, matplotlib.text.Text.get_window_extent(t, renderer))
        for t in fig.findobj(matplotlib.text.Text)
        if t.get_visible() and t.get_text().strip() and id(t) not in hidden
    ]


@pytest.mark.parametrize("fid", sorted(figures.FIGURES))
def test_no_two_texts_overlap(drawn, fid):
    for lang, fig in drawn[fid][0].items():
        texts = visible_texts(fig)
        clashes = [
            (a.get_text()[:30], b.get_text()[:30])
            for i, (a, box_a) in enumerate(texts)
            for b, box_b in texts[i + 1 :]
            if box_a.overlaps(box_b)
        ]
        assert clashes == [], (fid, lang)


@pytest.mark.parametrize("fid", sorted(figures.FIGURES))
def test_every_image_carries_its_sources_and_years(drawn, fid):
    for lang, fig in drawn[fid][0].items():
        line = by_gid(fig, "source_line").get_text().replace("\n", "")
        assert ("Source" in line) if lang == "en" else ("出典" in line), (fid, lang)
        assert re.search(r"(19|20)\d\d", line), (fid, lang, line)
        fonts = {t.get_fontname() for t, _ in visible_texts(fig)}
        assert fonts == {"IPAexGothic"}, (fid, lang, fonts)


def test_top_three_ranked_as_the_paper_with_names_and_no_data(drawn):
    for lang, fig in drawn["fig1_shares_2009"][0].items():
        reserves = fig.axes[1]
        # the paper ranks rare-earth reserves China 36%, CIS 19%, United States 13%
        ree = sorted(
            (p.get_x(), p.get_gid()) for p in reserves.patches if p.get_gid().startswith("rare_e")
        )
        assert [gid for _, gid in ree] == [
            "rare_earths:CHN",
            "rare_earths:CIS",
            "rare_earths:USA",
            "rare_earths:rest",
        ]
        # indium reserves: the paper gives none
        assert by_gid(fig, "indium:no_data").axes is reserves
        # a segment is named inside it or beside its bar: tungsten production's 2nd and 3rd
        named = {t.get_gid() for t in fig.findobj(matplotlib.text.Text) if t.get_gid()}
        assert "tungsten:CHN:label" in named
        beside = by_gid(fig, "tungsten:production:side").get_text()
        assert ("Russia" in beside and "Canada" in beside) or ("ロシア" in beside), beside


def test_china_points_need_one_year_and_mark_partial_totals(drawn):
    fig = drawn["fig2_china_production_vs_reserves"][0]["en"]
    # MCS 2026 tantalum reserves: China 240,000 of the listed 120,000 + 40,000 + 240,000 +
    # 150 t (world total NA); production 80 of a world 2,500 t
    ta = by_gid(fig, "tantalum:latest")
    assert list(ta.get_offsets()[0]) == pytest.approx([240_000 / 400_150, 80 / 2_500])
    assert by_gid(fig, "tantalum:label").get_text() == "Tantalum*"
    # an upper bound of the reserves share: the arrow points toward 0 on that axis
    arrow = by_gid(fig, "tantalum:latest:upper_bound_x")
    assert arrow.xy[0] < arrow.xyann[0] and arrow.xy[1] == arrow.xyann[1]
    # indium: production 2025 (MCS 2026) but reserves only to 2024 (MCS 2025): not drawn
    gids = {a.get_gid() for a in fig.findobj() if getattr(a, "get_gid", lambda: None)()}
    assert "indium:latest" not in gids and "indium:2009" not in gids
    notes = " ".join(t.get_text() for t in fig.texts)
    assert "Indium (reserves last given for 2024)" in notes


def test_quota_scopes_are_told_apart(drawn):
    fig = drawn["fig4_export_quotas"][0]["en"]
    assert by_gid(fig, "2008:full").get_hatch() == ".."
    assert by_gid(fig, "2009:full").get_hatch() is None
    cut = by_gid(fig, "quota_cut_2010").get_text()
    assert cut == "2010: -40% on 2009"  # 30,258 / 50,145 - 1 = -39.7%


def test_import_reliance_bounds_are_drawn_as_bounds(drawn):
    fig = drawn["fig7_us_import_reliance"][0]["en"]
    # MCS 2024 prints lithium ">25": a bound that allows either class, hatched, uncoloured
    lithium = by_gid(fig, "lithium:mcs2024")
    assert lithium.get_hatch() == "///" and lithium.get_facecolor()[:3] == (1.0, 1.0, 1.0)
    assert by_gid(fig, "lithium:mcs2024:bound")
    # rare earths ">95": a bound too, that only the class "50% or more" allows
    ree = by_gid(fig, "rare_earths:mcs2024")
    assert ree.get_hatch() == "///"
    assert ree.get_facecolor()[:3] == pytest.approx(matplotlib.colors.to_rgb(INK))
    assert by_gid(fig, "chromium:mcs2024").get_hatch() is None  # 74, a value


def test_missing_china_share_is_not_zero(drawn):
    fig = drawn["fig8_most_concentrated"][0]["en"]
    texts = {t.get_gid(): t.get_text() for t in fig.findobj(matplotlib.text.Text)}
    assert texts.get("china:iodine:not_listed") == "China not listed"
    bold = {t.get_text(): bool(t.get_path_effects()) for t in fig.axes[0].get_yticklabels()}

    def label(start):
        return next(k for k in bold if k.startswith(start))

    # the paper's metals stand out; each bar names its series in USGS's words
    assert bold[label("Niobium · Mine production")] and not bold[label("Gallium · ")]
    assert label("Cobalt · Mine production") and "ferrosilicon" in label("Silicon · ")


def test_periodic_table_placeholders_and_bold_in_both_languages(drawn):
    for fig in drawn["table1_periodic_table"][0].values():
        assert by_gid(fig, "placeholder:57-71") and by_gid(fig, "placeholder:89-103")
        assert by_gid(fig, "Nd:bold").get_path_effects()
        assert not by_gid(fig, "Fe").get_path_effects()


def test_series_break_where_years_are_missing_and_say_why(drawn):
    for fid in ("fig9_china_share_series", "fig10_hhi_series"):
        for fig in drawn[fid][0].values():
            assert len([a for a in fig.findobj() if a.get_gid() == "axis_break"]) == 12
    fig = drawn["fig9_china_share_series"][0]["en"]
    # cobalt: USGS lists China for 2020, 2021, 2024 and 2025, not for 2022-23
    line = by_gid(fig, "cobalt:usgs")
    assert [y == y for y in line.get_ydata()] == [True, True, False, True, True]
    texts = [t.get_text() for t in fig.findobj(matplotlib.text.Text)]
    # chromium: Table 3 lists South Africa, India and Kazakhstan for 2009
    assert "China not listed: 2009, 2021, 2022, 2023, 2024, 2025" in "\n".join(texts)


def test_long_run_unit_values_out_of_line_are_marked(drawn):
    # DS140: 1937-39 unit values of 41, 38 and 29 1998-US$/t among years of 99,000 to
    # 145,000; the worksheet's notes say nothing of them
    for fig in drawn["fig11_ree_long_run"][0].values():
        odd = by_gid(fig, "out_of_line")
        assert list(odd.get_xdata()) == [1937, 1938, 1939]
        assert list(odd.get_ydata()) == pytest.approx([0.041, 0.038, 0.029])
        # years with a world figure and none for the US are hatched, not drawn as 0
        assert by_gid(fig, "world_us_na").get_hatch() == "////"


def test_a_tie_for_third_place_is_drawn_whole_and_a_removed_cell_is_said(drawn):
    fig = drawn["fig1_shares_2009"][0]["en"]
    # Table 3, cobalt production 2009: China and Russia 6,200 t each of 62,000 t, third
    for code in ("CHN", "RUS"):
        assert by_gid(fig, f"cobalt:{code}").get_width() == pytest.approx(0.1)
    texts = {t.get_gid(): t.get_text() for t in fig.findobj(matplotlib.text.Text)}
    assert "3=\u00a0Russia" in texts["cobalt:production:side"]
    # manganese reserves: Australia's 87 万 t, above the world total printed, was removed
    assert "Australia: removed (inconsistent as printed)" in texts[
        "manganese:reserves:side"
    ].replace("\n", " ")
