"""Which figures the pipeline makes, from which tables, with which captions.

``FIGURES`` maps a figure id to its inputs (names of tidy tables), its builder and its
caption in English and Japanese. :func:`build` reads the inputs and returns the figure in
each language with its caption record; the workflow saves them side by side
(``<id>.<lang>.png|svg|pdf`` and ``<id>.caption.json``), so the caption travels with the
figure.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import pandas as pd

from . import schemas
from .io import read_tidy

SCRIPT = "workflow/scripts/draw_figure.py"


@dataclass(frozen=True)
class FigureSpec:
    inputs: tuple[str, ...]
    builder: Callable
    en: str
    ja: str


def _plots():
    """The plotting module, imported only when a figure is drawn (it loads matplotlib,
    which the workflow does not need just to list the figures)."""
    from . import plots

    return plots


def _commodities(path) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def _elements(path) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False, comment="#")


READERS = {
    "shares": lambda p: read_tidy(p, schemas.COUNTRY_SHARES),
    "comparison": lambda p: read_tidy(p, schemas.PAPER_COMPARISON),
    "concentration": lambda p: read_tidy(p, schemas.CONCENTRATION),
    "us_import_reliance": lambda p: read_tidy(p, schemas.US_IMPORT_RELIANCE),
    "commodities": _commodities, "elements": _elements,
    "quotas": lambda p: read_tidy(p, schemas.EXPORT_QUOTAS),
    "sipri": lambda p: read_tidy(p, schemas.MILITARY_EXPENDITURE),
    "gwec": lambda p: read_tidy(p, schemas.WIND),
    "claims": lambda p: read_tidy(p, schemas.CLAIMS),
}


def _periodic(d, cfg, lang):
    return _plots().fig_periodic_table(d["elements"], lang)


def _shares(d, cfg, lang):
    return _plots().fig_shares_2009(d["shares"], d["concentration"], d["commodities"], lang)


def _china(d, cfg, lang):
    return _plots().fig_china_production_vs_reserves(d["comparison"], d["commodities"], lang)


def _hhi(d, cfg, lang):
    return _plots().fig_hhi_range(d["comparison"], d["commodities"], lang)


def _quotas(d, cfg, lang):
    return _plots().fig_export_quotas(d["quotas"], lang)


SIPRI_NAMES = {"China": "China", "United States": "United States of America", "Japan": "Japan"}


def quoted_military_expenditure(claims: pd.DataFrame) -> pd.DataFrame:
    """The paper's fn74 figures (claims on annual military expenditure), as points."""
    c = claims[claims["quantity"] == "annual expenditure"]
    return pd.DataFrame({"country": c["subject"].str.split(" - ").str[0].map(SIPRI_NAMES),
                         "year": c["year"].astype(int), "value": c["value"].astype(float),
                         "claim_id": c["claim_id"]})


def _military(d, cfg, lang):
    return _plots().fig_military_expenditure(d["sipri"], quoted_military_expenditure(d["claims"]),
                                          lang)


def wind_capacity(gwec: pd.DataFrame) -> pd.DataFrame:
    """World cumulative capacity at end-2009 and the GWEC forecast for 2014 (GW), both from
    the Global Wind 2009 Report as the paper cites it."""
    g = gwec[(gwec["source_id"] == "GWEC_GW2009_OUTLOOK") & (gwec["region"] == "World")
             & gwec["measure"].isin(["cumulative_installed_capacity",
                                     "forecast_cumulative_installed_capacity"])]
    return g.assign(value=g["value"].astype(float))[["year", "value", "measure", "row"]]


def _wind(d, cfg, lang):
    t3 = d["shares"]
    ree = t3[(t3["dataset"] == "paper_table3") & (t3["commodity"] == "rare_earths")
             & (t3["measure"] == "production") & (t3["area_type"] == "world")]
    q = d["quotas"]
    quota_2010 = float(q[(q["year"] == "2010") & (q["period"] == "full_year")]["value_t"].iloc[0])
    return _plots().fig_wind_neodymium(wind_capacity(d["gwec"]), float(ree["value"].iloc[0]),
                                    quota_2010, cfg["neodymium"], lang)


def _nir(d, cfg, lang):
    return _plots().fig_us_import_reliance(d["us_import_reliance"], d["commodities"],
                                        cfg["latest_edition"], lang)


def _concentrated(d, cfg, lang):
    return _plots().fig_most_concentrated(d["concentration"], d["commodities"],
                                       cfg["latest_edition"], lang, cfg["most_concentrated_n"])


FIGURES: dict[str, FigureSpec] = {
    "table1_periodic_table": FigureSpec(
        ("elements",), _periodic,
        "Table 1. The periodic table with the rare metals (orange) and rare earths (blue) of "
        "Japan's 1984 definition marked. Source: data/elements.csv.",
        "表1 周期表とレアメタル（橙）・レアアース（青）。1984年の定義による。"
        "出典: data/elements.csv。"),
    "fig1_shares_2009": FigureSpec(
        ("shares", "concentration", "commodities"), _shares,
        "Shares of world production and reserves held by the top three countries, and the "
        "rest, for the paper's twelve metals, 2009; † where the listed countries exceed the "
        "rounded world total, shares are of their sum. Source: the paper's Table 3 "
        "(corrected), results/stats/country_shares.csv, concentration.csv.",
        "論文の12鉱種について、上位3か国とその他が世界の産出量・埋蔵量に占めるシェア（2009年）。"
        "†は掲載国の合計が四捨五入された世界計を上回るもの（シェアはその合計に対する値）。"
        "出典: 論文の表3（訂正版）、results/stats/country_shares.csv、concentration.csv。"),
    "fig2_china_production_vs_reserves": FigureSpec(
        ("comparison", "commodities"), _china,
        "China's share of world production against its share of world reserves, 2009 "
        "(hollow) and {latest} (filled). Only metals where China is listed for "
        "both appear. Sources: the paper's Table 3; USGS {edition}; "
        "results/stats/paper_metals_comparison.csv.",
        "中国の世界産出量シェアと埋蔵量シェア。2009年（白抜き）と{latest}年（塗り）。"
        "出典: 論文の表3、USGS {edition}、results/stats/paper_metals_comparison.csv。"),
    "fig3_hhi_range": FigureSpec(
        ("comparison", "commodities"), _hhi,
        "Herfindahl–Hirschman index of production (range: unassigned share counted as none "
        "or as one producer), 2009 and {latest}, with the DOJ/FTC 2010 bands. "
        "Sources: results/stats/paper_metals_comparison.csv.",
        "産出量のHHI（範囲: 未割当分をゼロまたは1生産者とみなす）、2009年と{latest}年。背景は"
        "米司法省・FTC（2010年）の区分。出典: results/stats/paper_metals_comparison.csv。"),
    "fig4_export_quotas": FigureSpec(
        ("quotas",), _quotas,
        "China's rare-earth export quotas 2005–2011: the full-year figure and the batches or "
        "half-years that make it up, with the scope each source states. Source: "
        "data/raw/china_ree_export_quotas (trade press, URL per row).",
        "中国のレアアース輸出枠（2005～2011年）: 年間値と割当回別の内訳、各出典の範囲。出典: "
        "data/raw/china_ree_export_quotas（業界紙、行ごとにURL）。"),
    "fig5_military_expenditure": FigureSpec(
        ("sipri", "claims"), _military,
        "Military expenditure of China, the United States and Japan, 2000–2009: today's SIPRI "
        "series (current and constant 2023 US$) with the figures the paper quotes (fn74, "
        "SIPRI Yearbook 2010, constant 2008 US$). Sources: data/raw/sipri_milex; "
        "data/raw/paper/claims.csv.",
        "中国・米国・日本の軍事支出（2000～2009年）: 現在のSIPRI系列（名目・2023年不変米ドル）と"
        "論文の引用値（脚注74、SIPRI年鑑2010）。出典: data/raw/sipri_milex、claims.csv。"),
    "fig6_wind_neodymium": FigureSpec(
        ("gwec", "shares", "quotas"), _wind,
        "World wind capacity at end-2009 and GWEC's 2014 forecast, and the neodymium a year "
        "of the forecast additions would need at the paper's 600 kg per 3.5 MW turbine, for "
        "several shares of permanent-magnet generators (config: figures.neodymium), against "
        "world rare-earth production in 2009 and China's 2010 export quota. Sources: "
        "data/raw/gwec_wind_2009; the paper's Table 3; data/raw/china_ree_export_quotas.",
        "世界の風力発電設備容量（2009年末実績と2014年予測）と、予測される年間導入量が必要とする"
        "ネオジム（論文の3.5 MW機1基600 kgによる。永久磁石式の比率は設定 figures.neodymium）。"
        "比較: 2009年の世界レアアース産出量、中国の2010年輸出枠。"),
    "fig7_us_import_reliance": FigureSpec(
        ("us_import_reliance", "commodities"), _nir,
        "US net import reliance for the paper's metals in {latest} (bars, the "
        "source's codes printed) and in 2009 as the paper's Table 3 footnote gives it "
        "(diamonds). Source: results/stats/us_import_reliance.csv.",
        "論文の鉱種に対する米国の純輸入依存度: {latest}年（棒、原資料の記号を表示）と2009年"
        "（論文の表3脚注、菱形）。出典: results/stats/us_import_reliance.csv。"),
    "fig8_most_concentrated": FigureSpec(
        ("concentration", "commodities"), _concentrated,
        "The most concentrated mineral commodities in {latest}: HHI of production "
        "(lower bound, with the upper bound shaded) and China's share (dots). One series per "
        "commodity (mine production where given). Source: results/stats/concentration.csv.",
        "{latest}年に産出が最も集中している鉱物資源: 産出量のHHI（下限、上限を薄く表示）と中国の"
        "シェア（点）。出典: results/stats/concentration.csv。"),
}


def build(figure_id: str, inputs: dict[str, str], config: dict, languages=("en", "ja")):
    """The figure in each language, and its caption record."""
    spec = FIGURES[figure_id]
    data = {name: READERS[name](inputs[name]) for name in spec.inputs}
    figures = {lang: spec.builder(data, config, lang) for lang in languages}
    # an MCS edition's latest data year is the year before it (MCS 2024: 2023)
    latest = int(config["latest_edition"][-4:]) - 1
    words = {"latest": latest, "edition": f"MCS {latest + 1}"}
    caption = {"id": figure_id, "en": spec.en.format(**words), "ja": spec.ja.format(**words),
               "inputs": sorted(str(inputs[n]) for n in spec.inputs), "script": SCRIPT,
               "function": f"raremetals.figures.{spec.builder.__name__} → raremetals.plots"}
    return figures, caption
