"""The figures: one function per figure, each taking tidy tables and a language ("en" or
"ja") and returning a matplotlib Figure. Saving is separate (:func:`save`) and writes the
same bytes for the same figure.

Japanese text is set in IPAexGothic, shipped by the ``matplotlib-fontja`` package.
"""

from __future__ import annotations

import math
from contextlib import contextmanager
from functools import cache

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
from matplotlib import font_manager  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

from . import stats  # noqa: E402
from .tables import MARKS, periodic_position  # noqa: E402

CHINA = "#c0392b"
GREYS = ["#5d6d7e", "#85929e", "#aeb6bf"]
REST = "#e5e8e8"
FORMATS = ("png", "svg", "pdf")


@cache
def japanese_font() -> str:
    """Register IPAexGothic with matplotlib and return its family name."""
    from matplotlib_fontja import get_font_ttf_path

    path = get_font_ttf_path()
    font_manager.fontManager.addfont(path)
    return font_manager.FontProperties(fname=path).get_name()


def font_path(lang: str) -> str:
    if lang == "ja":
        from matplotlib_fontja import get_font_ttf_path

        return get_font_ttf_path()
    return font_manager.findfont("DejaVu Sans", fallback_to_default=False)


@contextmanager
def style(lang: str):
    family = [japanese_font()] if lang == "ja" else ["DejaVu Sans"]
    with plt.rc_context({"font.family": family,
                         "axes.unicode_minus": False, "figure.dpi": 100,
                         "axes.spines.top": False, "axes.spines.right": False,
                         "pdf.fonttype": 42}):
        yield


def missing_glyphs(fig: Figure, lang: str) -> set[str]:
    """Characters of the figure's text that its font cannot draw."""
    from matplotlib.ft2font import FT2Font

    charmap = FT2Font(font_path(lang)).get_charmap()
    text = "".join(t.get_text() for t in fig.findobj(matplotlib.text.Text))
    return {c for c in text if c.strip() and ord(c) not in charmap}


def save(fig: Figure, stem: str, formats=FORMATS) -> list[str]:
    """Write ``stem.<format>`` for each format, without dates or version stamps."""
    metadata = {"png": {"Software": None}, "svg": {"Date": None, "Creator": None},
                "pdf": {"CreationDate": None, "ModDate": None, "Producer": None,
                        "Creator": None}}
    paths = []
    # SVG element ids are random unless salted; the salt is read when saving
    with plt.rc_context({"svg.hashsalt": "raremetals"}):
        for fmt in formats:
            path = f"{stem}.{fmt}"
            fig.savefig(path, format=fmt, dpi=300, metadata=metadata[fmt])
            paths.append(path)
    plt.close(fig)
    return paths


T = {
    "en": {
        "production": "Production", "reserves": "Reserves", "rest": "rest of world",
        "top3": "other top-3 countries", "group": "group of countries (CIS)",
        "share": "Share of world total", "fig1": "Top three countries' shares, 2009",
        "exceeds": "† The listed countries add up to more than the rounded world total: "
                   "shares are of their sum, so none is overstated.",
        "china_res": "China's share of world reserves",
        "china_prod": "China's share of world production",
        "fig2": "China: production share against reserves share",
        "hhi": "Herfindahl–Hirschman index (production)",
        "fig3": "Concentration of production, 2009 and {latest}",
        "unconc": "unconcentrated", "moderate": "moderately\nconcentrated",
        "high": "highly concentrated", "quota_t": "Export quota (t)",
        "fig4": "China's rare-earth export quotas",
        "milex": "Military expenditure (US$ million, log scale)",
        "fig5": "Military expenditure, 2000–2009",
        "paper_quoted": "quoted in the paper", "current": "current US$",
        "constant": "constant 2023 US$", "capacity": "Installed wind capacity (GW)",
        "nd_t": "Neodymium (t per year)", "fig6": "Wind power and the neodymium it implies",
        "nir": "US net import reliance (%)",
        "not_listed": "not in the USGS table (net import reliance not given)",
        "ge50": "50% or more", "lt50": "under 50%", "fig7": "US net import reliance, {year}",
        "paper2009": "2009 (paper)", "fig8": "Most concentrated mineral commodities, {year}",
        "china_share": "China's share", "hhi_short": "HHI (production)",
        "lower": "lower bound", "upper": "upper bound", "actual": "actual",
        "forecast": "forecast", "ree_prod": "World rare-earth production 2009 (t REO)",
        "quota2010": "China's 2010 export quota (t)", "pm_share": "{share:.0%} of new capacity "
        "with PM generators", "assumptions": "Assumptions: {nd:.0f} kg Nd per {mw:g} MW "
        "turbine ({kgmw:.0f} kg/MW); additions {gw:.1f} GW/yr (2010–2014 forecast); "
        "hybrid car {car:g} kg Nd", "full_year": "full year", "batch": "by batch",
        "scope": "scope", "rm": "rare metal",
        "periods": {"first_batch": "1st batch", "second_batch": "2nd batch", "H1": "H1",
                    "H2": "H2"}, "ree": "rare earth (REE)",
        "table1": "Rare metals in the periodic table (Japan, 1984 definition)",
    },
    "ja": {
        "production": "産出量", "reserves": "埋蔵量", "rest": "その他",
        "top3": "上位3か国（中国以外）", "group": "国家群（CIS）",
        "share": "世界計に占めるシェア", "fig1": "上位3か国のシェア（2009年）",
        "exceeds": "† 掲載国の合計が四捨五入された世界計を上回るため、シェアはその合計に対する値"
                   "（過大にならない）。",
        "china_res": "中国の埋蔵量シェア", "china_prod": "中国の産出量シェア",
        "fig2": "中国の産出量シェアと埋蔵量シェア",
        "hhi": "ハーフィンダール・ハーシュマン指数（産出量）",
        "fig3": "産出の集中度（2009年と{latest}年）",
        "unconc": "非集中", "moderate": "中程度の集中", "high": "高度の集中",
        "quota_t": "輸出枠（t）", "fig4": "中国のレアアース輸出枠",
        "milex": "軍事支出（百万米ドル、対数目盛）", "fig5": "軍事支出（2000～2009年）",
        "paper_quoted": "論文の引用値", "current": "名目米ドル", "constant": "2023年不変米ドル",
        "capacity": "風力発電設備容量（GW）", "nd_t": "ネオジム（t／年）",
        "fig6": "風力発電とネオジム需要", "nir": "米国の純輸入依存度（%）",
        "not_listed": "USGSの表に記載なし", "ge50": "50%以上", "lt50": "50%未満",
        "fig7": "米国の純輸入依存度（{year}年）", "paper2009": "2009年（論文）",
        "fig8": "集中度の高い鉱物資源（{year}年）", "china_share": "中国のシェア",
        "hhi_short": "HHI（産出量）", "lower": "下限", "upper": "上限", "actual": "実績",
        "forecast": "予測", "ree_prod": "世界のレアアース産出量 2009年（t REO）",
        "quota2010": "中国の2010年輸出枠（t）", "pm_share": "新規設備の{share:.0%}が永久磁石式",
        "assumptions": "前提: {mw:g} MW 機1基あたりネオジム {nd:.0f} kg（{kgmw:.0f} kg/MW）、"
        "新規導入 {gw:.1f} GW／年（2010～2014年予測）、ハイブリッド車1台 {car:g} kg",
        "full_year": "年間", "batch": "割当回別", "scope": "範囲", "rm": "レアメタル",
        "periods": {"first_batch": "第1回", "second_batch": "第2回", "H1": "上期",
                    "H2": "下期"},
        "ree": "レアアース(REE)", "table1": "周期表とレアメタル（1984年の定義）",
    },
}


def _names(commodities: pd.DataFrame, lang: str) -> dict[str, str]:
    col = "name_ja" if lang == "ja" else "name_en"
    return dict(zip(commodities["commodity"], commodities[col]))


def paper_metals(commodities: pd.DataFrame) -> list[str]:
    m = commodities[commodities["paper_order"] != ""].drop_duplicates("commodity")
    return list(m.sort_values("paper_order", key=lambda s: s.astype(int))["commodity"])


def fig_shares_2009(shares: pd.DataFrame, conc: pd.DataFrame, commodities: pd.DataFrame,
                    lang: str) -> Figure:
    """Top-3 countries and the rest, as shares of world production and reserves, 2009.

    Where the listed countries sum to more than the (rounded) world total, shares are of
    their sum (docs/methods.md): the bar is marked † and the footnote says so."""
    t = T[lang]
    metals = paper_metals(commodities)
    names = _names(commodities, lang)
    with style(lang):
        fig, axes = plt.subplots(1, 2, figsize=(11, 6.5), sharey=True)
        for ax, measure in zip(axes, ("production", "reserves")):
            d = shares[(shares["dataset"] == "paper_table3") & (shares["measure"] == measure)]
            for i, metal in enumerate(metals):
                rows = d[(d["commodity"] == metal) & (d["area_type"] == "country")
                         & d["share"].notna()].sort_values("rank").head(3)
                left = 0.0
                for j, r in enumerate(rows.to_dict("records")):
                    color = CHINA if r["country_code"] == "CHN" else GREYS[j % 3]
                    ax.barh(i, r["share"], left=left, color=color, edgecolor="white",
                            label=r["country_code"], gid=f"{metal}:{r['country_code']}")
                    if r["share"] >= 0.07:
                        ax.text(left + r["share"] / 2, i, r["country_code"], ha="center",
                                va="center", fontsize=7, color="white")
                    left += r["share"]
                groups = d[(d["commodity"] == metal) & d["area_type"].isin(["group", "tie"])
                           & d["share"].notna()]
                for r in groups.to_dict("records"):
                    ax.barh(i, r["share"], left=left, color=GREYS[1], hatch="//",
                            edgecolor="white", gid=f"{metal}:{r['country_code']}")
                    ax.text(left + r["share"] / 2, i, r["country_code"], ha="center",
                            va="center", fontsize=7, color="white")
                    left += r["share"]
                if not rows.empty:
                    ax.barh(i, max(0.0, 1 - left), left=left, color=REST, edgecolor="white",
                            gid=f"{metal}:rest")
                over = conc[(conc["dataset"] == "paper_table3") & (conc["commodity"] == metal)
                            & (conc["measure"] == measure) & conc["listed_exceeds_total"]]
                if not over.empty:
                    ax.text(1.01, i, "†", va="center", fontsize=10, clip_on=False,
                            gid=f"{metal}:listed_exceeds_total")
            ax.set_title(t[measure])
            ax.set_xlim(0, 1)
            ax.set_xlabel(t["share"])
            ax.xaxis.set_major_formatter(matplotlib.ticker.PercentFormatter(1.0))
        axes[0].set_yticks(range(len(metals)), [names[m] for m in metals])
        axes[0].invert_yaxis()
        handles = [matplotlib.patches.Patch(color=CHINA, label="CHN"),
                   matplotlib.patches.Patch(color=GREYS[0], label=t["top3"]),
                   matplotlib.patches.Patch(facecolor=GREYS[1], hatch="//", edgecolor="white",
                                            label=t["group"]),
                   matplotlib.patches.Patch(color=REST, label=t["rest"])]
        fig.legend(handles=handles, loc="lower center", ncol=4, frameon=False,
                   bbox_to_anchor=(0.5, 0.035))
        fig.text(0.5, 0.01, t["exceeds"], ha="center", fontsize=8, color="#444")
        fig.suptitle(t["fig1"])
        fig.tight_layout(rect=(0, 0.09, 1, 1))
    return fig


def fig_china_production_vs_reserves(comparison: pd.DataFrame, commodities: pd.DataFrame,
                                     lang: str) -> Figure:
    """China's share of world production against its share of reserves, 2009 → latest."""
    t = T[lang]
    names = _names(commodities, lang)
    wide = comparison.pivot_table(index="commodity", columns="measure",
                                  values=["china_share_2009", "china_share_latest"],
                                  aggfunc="first")
    with style(lang):
        fig, ax = plt.subplots(figsize=(7, 6.5))
        ax.plot([0, 1], [0, 1], color="#bbb", lw=0.8, ls="--")
        for metal in paper_metals(commodities):
            if metal not in wide.index:
                continue
            pts = {}
            for when in ("2009", "latest"):
                x = wide.loc[metal].get((f"china_share_{when}", "reserves"), math.nan)
                y = wide.loc[metal].get((f"china_share_{when}", "production"), math.nan)
                if pd.notna(x) and pd.notna(y):
                    pts[when] = (x, y)
            for when, (x, y) in pts.items():
                ax.scatter(x, y, s=40, color=CHINA, facecolors="none" if when == "2009"
                           else CHINA, zorder=3, gid=f"{metal}:{when}")
            if len(pts) == 2:
                ax.annotate("", xy=pts["latest"], xytext=pts["2009"],
                            arrowprops={"arrowstyle": "->", "color": "#888"})
            if pts:
                x, y = pts.get("latest", pts.get("2009"))
                ax.annotate(names[metal], (x, y), xytext=(4, 4), textcoords="offset points",
                            fontsize=8)
        ax.set_xlim(0, 1)
        ax.set_ylim(0, 1)
        ax.set_xlabel(t["china_res"])
        ax.set_ylabel(t["china_prod"])
        for axis in (ax.xaxis, ax.yaxis):
            axis.set_major_formatter(matplotlib.ticker.PercentFormatter(1.0))
        latest = int(comparison["year_latest"].dropna().max())
        ax.scatter([], [], color=CHINA, facecolors="none", label="2009")
        ax.scatter([], [], color=CHINA, label=str(latest))
        ax.legend(loc="lower right")
        ax.set_title(t["fig2"])
        fig.tight_layout()
    return fig


def fig_hhi_range(comparison: pd.DataFrame, commodities: pd.DataFrame, lang: str) -> Figure:
    """HHI range of production for the twelve metals, 2009 and latest, with DOJ/FTC bands."""
    t = T[lang]
    names = _names(commodities, lang)
    d = comparison[comparison["measure"] == "production"].set_index("commodity")
    metals = [m for m in paper_metals(commodities) if m in d.index]
    latest = int(d["year_latest"].dropna().max())
    g = stats.DOJ_FTC_2010
    with style(lang):
        fig, ax = plt.subplots(figsize=(9, 6.5))
        for lo, hi, color, label in ((0, g["moderate"], "#eafaf1", t["unconc"]),
                                     (g["moderate"], g["high"], "#fef9e7", t["moderate"]),
                                     (g["high"], 10_000, "#fdedec", t["high"])):
            ax.axvspan(lo, hi, color=color, zorder=0)
            ax.text((lo + hi) / 2, -0.9, label, ha="center", va="bottom", fontsize=8,
                    color="#666")
        for i, metal in enumerate(metals):
            for when, dy, color in (("2009", -0.15, "#7f8c8d"), ("latest", 0.15, CHINA)):
                lo, hi = d.loc[metal, f"hhi_lower_{when}"], d.loc[metal, f"hhi_upper_{when}"]
                if pd.isna(lo):
                    continue
                ax.plot([lo, hi], [i + dy, i + dy], color=color, lw=4, solid_capstyle="butt",
                        gid=f"{metal}:{when}")
                ax.plot([lo], [i + dy], marker="|", color=color, ms=10)
        ax.set_yticks(range(len(metals)), [names[m] for m in metals])
        ax.set_ylim(len(metals) - 0.5, -1.2)
        ax.set_xlim(0, 10_000)
        ax.set_xlabel(t["hhi"])
        ax.plot([], [], color="#7f8c8d", lw=4, label=f"2009 ({t['lower']}–{t['upper']})")
        ax.plot([], [], color=CHINA, lw=4, label=f"{latest} ({t['lower']}–{t['upper']})")
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.1), ncol=2, fontsize=8,
                  frameon=False)
        ax.set_title(t["fig3"].format(latest=latest), pad=12)
        fig.text(0.01, 0.005, g["vintage"], fontsize=7, color="#666")
        fig.tight_layout(rect=(0, 0.02, 1, 1))
    return fig


PERIOD_ORDER = ["first_batch", "second_batch", "H1", "H2"]


def fig_export_quotas(quotas: pd.DataFrame, lang: str) -> Figure:
    """Export quotas by year: the full-year figure beside the batches that make it up."""
    t = T[lang]
    q = quotas.assign(value=quotas["value_t"].astype(float), year=quotas["year"].astype(int))
    years = sorted(q["year"].unique())
    with style(lang):
        fig, ax = plt.subplots(figsize=(10, 5.5))
        for x, year in enumerate(years):
            full = q[(q["year"] == year) & (q["period"] == "full_year")]
            if not full.empty:
                r = full.iloc[0]
                ax.bar(x - 0.2, r["value"], width=0.38, color="#5d6d7e", gid=f"{year}:full")
                ax.text(x - 0.2, r["value"], f"{r['value']:,.0f}", ha="center", va="bottom",
                        fontsize=7)
            parts = q[(q["year"] == year) & q["period"].isin(PERIOD_ORDER)]
            # batches by firm type (domestic / foreign-invested) and halves overlap;
            # stack halves where given, else batches
            halves = parts[parts["period"].isin(["H1", "H2"])]
            use = halves if not halves.empty else parts
            bottom = 0.0
            for j, r in enumerate(use.sort_values(["period", "scope"]).to_dict("records")):
                ax.bar(x + 0.2, r["value"], bottom=bottom, width=0.38,
                       color=["#c0392b", "#e6b0aa", "#922b21", "#f5b7b1"][j % 4],
                       edgecolor="white", gid=f"{year}:{r['period']}:{r['scope']}")
                ax.text(x + 0.2, bottom + r["value"] / 2,
                        f"{t['periods'][r['period']]}\n{r['value']:,.0f}",
                        ha="center", va="center", fontsize=6, color="white")
                bottom += r["value"]
        ax.set_xticks(range(len(years)), [str(y) for y in years])
        ax.set_ylabel(t["quota_t"])
        ax.yaxis.set_major_formatter(matplotlib.ticker.StrMethodFormatter("{x:,.0f}"))
        ax.legend(handles=[matplotlib.patches.Patch(color="#5d6d7e", label=t["full_year"]),
                           matplotlib.patches.Patch(color="#c0392b", label=t["batch"])],
                  loc="upper right")
        scopes = sorted({f"{r['year']} {r['period']}: {r['scope']}" for r in q.to_dict("records")
                         if r["scope"] not in ("total",) and "not stated" not in r["scope"]})
        if scopes:
            fig.text(0.01, 0.01, f"{t['scope']}: " + "; ".join(scopes), fontsize=6,
                     color="#555", wrap=True)
        ax.set_title(t["fig4"])
        fig.tight_layout(rect=(0, 0.05, 1, 1))
    return fig


def fig_military_expenditure(sipri: pd.DataFrame, quoted: pd.DataFrame, lang: str) -> Figure:
    """SIPRI series for China, the US and Japan, with the paper's quoted figures marked."""
    t = T[lang]
    colors = {"China": CHINA, "United States of America": "#2e4053", "Japan": "#ca6f1e"}
    labels = {"en": {"China": "China", "United States of America": "United States",
                     "Japan": "Japan"},
              "ja": {"China": "中国", "United States of America": "米国", "Japan": "日本"}}[lang]
    s = sipri.assign(value=sipri["value"].astype(float), year=sipri["year"].astype(int))
    with style(lang):
        fig, ax = plt.subplots(figsize=(9, 5.5))
        for country, color in colors.items():
            for sheet, ls, label in (("Current US$", "-", t["current"]),
                                     ("Constant (2023) US$", ":", t["constant"])):
                d = s[(s["country"] == country) & (s["sipri_sheet"] == sheet)].sort_values("year")
                ax.plot(d["year"], d["value"], color=color, ls=ls,
                        label=f"{labels[country]} ({label})", gid=f"{country}:{sheet}")
            q = quoted[quoted["country"] == country]
            ax.scatter(q["year"], q["value"], color=color, marker="D", s=30, zorder=3,
                       gid=f"{country}:paper")
        ax.scatter([], [], color="#555", marker="D", label=t["paper_quoted"])
        ax.set_yscale("log")
        ax.set_ylabel(t["milex"])
        ax.set_xticks(range(2000, 2010))
        ax.legend(fontsize=7, ncol=2)
        ax.set_title(t["fig5"])
        fig.tight_layout()
    return fig


def neodymium_demand(additions_gw: float, nd_kg_per_turbine: float, turbine_mw: float,
                     pm_share: float) -> float:
    """Tonnes of neodymium a year of wind additions needs, if ``pm_share`` of it uses
    permanent-magnet generators at the paper's intensity."""
    return additions_gw * 1000 / turbine_mw * pm_share * nd_kg_per_turbine / 1000


def fig_wind_neodymium(wind: pd.DataFrame, ree_production_2009: float, quota_2010: float,
                       assumptions: dict, lang: str) -> Figure:
    """Installed capacity 2009 and the 2014 forecast; the neodymium the additions imply."""
    t = T[lang]
    cap = {int(r["year"]): float(r["value"]) for r in wind.to_dict("records")}
    years = sorted(cap)
    additions = (cap[years[-1]] - cap[years[0]]) / (years[-1] - years[0])
    a = assumptions
    with style(lang):
        fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(11, 5.5))
        ax1.bar([str(y) for y in years], [cap[y] for y in years],
                color=["#5d6d7e" if y == years[0] else "#aeb6bf" for y in years],
                gid="capacity")
        for y in years:
            label = t["actual"] if y == years[0] else t["forecast"]
            ax1.text(str(y), cap[y], f"{cap[y]:g} GW\n({label})", ha="center", va="bottom",
                     fontsize=8)
        ax1.set_ylabel(t["capacity"])
        ax1.set_ylim(0, max(cap.values()) * 1.2)
        shares = a["pm_shares"]
        nd = [neodymium_demand(additions, a["nd_kg_per_turbine"], a["turbine_mw"], s)
              for s in shares]
        ax2.bar([t["pm_share"].format(share=s) for s in shares], nd, color=CHINA, gid="nd")
        for i, v in enumerate(nd):
            ax2.text(i, v, f"{v:,.0f} t", ha="center", va="bottom", fontsize=8)
        ax2.axhline(ree_production_2009, color="#2e4053", ls="--", lw=1)
        ax2.text(len(nd) - 0.5, ree_production_2009, t["ree_prod"], ha="right", va="bottom",
                 fontsize=7)
        ax2.axhline(quota_2010, color="#ca6f1e", ls=":", lw=1)
        ax2.text(len(nd) - 0.5, quota_2010, t["quota2010"], ha="right", va="bottom", fontsize=7)
        ax2.set_ylabel(t["nd_t"])
        ax2.tick_params(axis="x", labelsize=7)
        ax2.yaxis.set_major_formatter(matplotlib.ticker.StrMethodFormatter("{x:,.0f}"))
        fig.text(0.01, 0.01, t["assumptions"].format(
            nd=a["nd_kg_per_turbine"], mw=a["turbine_mw"],
            kgmw=a["nd_kg_per_turbine"] / a["turbine_mw"], gw=additions,
            car=a["nd_kg_per_hybrid_car"]), fontsize=7, color="#555")
        fig.suptitle(t["fig6"])
        fig.tight_layout(rect=(0, 0.04, 1, 1))
    return fig


def fig_us_import_reliance(nir: pd.DataFrame, commodities: pd.DataFrame, edition: str,
                           lang: str) -> Figure:
    """US net import reliance for the paper's metals, latest edition, with the 2009 figure."""
    t = T[lang]
    names = _names(commodities, lang)
    metals = paper_metals(commodities)
    latest = nir[nir["source"] == edition]
    paper = nir[nir["source"] == "paper2010"]
    year = int(latest["year"].max())
    with style(lang):
        fig, ax = plt.subplots(figsize=(8, 6))
        for i, metal in enumerate(metals):
            row = latest[latest["commodity"] == metal]
            if row.empty:
                ax.text(1, i, t["not_listed"], va="center", fontsize=8, color="#666")
            else:
                r = row.iloc[0]
                if pd.notna(r["value"]):
                    ax.barh(i, r["value"], color=CHINA if r["value"] >= 50 else "#85929e",
                            gid=f"{metal}:{edition}")
                ax.text((r["value"] if pd.notna(r["value"]) else 0) + 1, i, r["value_raw"],
                        va="center", fontsize=8)
            old = paper[paper["commodity"] == metal]
            if not old.empty and pd.notna(old.iloc[0]["value"]):
                ax.plot(old.iloc[0]["value"], i, marker="D", color="#2e4053", ms=5,
                        gid=f"{metal}:paper2010")
        handles = [matplotlib.lines.Line2D([], [], marker="D", color="#2e4053", ls="",
                                           label=t["paper2009"]),
                   matplotlib.patches.Patch(color=CHINA, label=f"{year} ({t['ge50']})"),
                   matplotlib.patches.Patch(color="#85929e", label=f"{year} ({t['lt50']})")]
        ax.set_yticks(range(len(metals)), [names[m] for m in metals])
        ax.invert_yaxis()
        ax.set_xlim(0, 110)
        ax.set_xlabel(t["nir"])
        ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.1), ncol=3,
                  fontsize=8, frameon=False)
        ax.set_title(t["fig7"].format(year=year))
        fig.tight_layout()
    return fig


def most_concentrated(conc: pd.DataFrame, edition: str, n: int = 25) -> pd.DataFrame:
    """One production distribution per commodity (latest year of ``edition``; the mine
    stage where there is one, else the largest total), ranked by HHI lower bound.

    Only distributions with a world total from the source count: where the source gives
    none (boron, dimension stone report one country per series) a share of the sum of
    rows says nothing about world concentration.
    """
    d = conc[(conc["dataset"] == "usgs") & (conc["edition"] == edition)
             & (conc["measure"] == "production") & conc["hhi_lower"].notna()
             & (conc["total_source"] == "world total row")]
    d = d[d["year"] == d.groupby("commodity")["year"].transform("max")]
    d = d.assign(is_mine=d["stage"] == "mine").sort_values(
        ["commodity", "is_mine", "total", "series"], ascending=[True, False, False, True])
    d = d.drop_duplicates("commodity")
    return d.sort_values(["hhi_lower", "commodity"], ascending=[False, True]).head(n)


def fig_most_concentrated(conc: pd.DataFrame, commodities: pd.DataFrame, edition: str,
                          lang: str, n: int = 25) -> Figure:
    t = T[lang]
    names = _names(commodities, lang)
    top = most_concentrated(conc, edition, n)
    year = int(top["year"].max())
    with style(lang):
        fig, ax = plt.subplots(figsize=(9, 8))
        y = np.arange(len(top))
        label = [names.get(c) or names_en(commodities, c) for c in top["commodity"]]
        ax.barh(y, top["hhi_lower"], color="#85929e", label=f"{t['hhi_short']} ({t['lower']})",
                gid="hhi")
        ax.barh(y, top["hhi_upper"] - top["hhi_lower"], left=top["hhi_lower"], color="#d5d8dc",
                label=t["upper"], gid="hhi_upper")
        ax.set_yticks(y, label, fontsize=8)
        ax.invert_yaxis()
        ax.set_xlim(0, 10_000)
        ax.set_xlabel(t["hhi_short"])
        ax2 = ax.twiny()
        known = top["china_share"].notna().to_numpy()
        ax2.plot(top["china_share"].to_numpy()[known], y[known], "o", color=CHINA, ms=5,
                 label=t["china_share"], gid="china")
        ax2.set_xlim(0, 1)
        ax2.xaxis.set_major_formatter(matplotlib.ticker.PercentFormatter(1.0))
        ax2.set_xlabel(t["china_share"], color=CHINA)
        handles = ax.get_legend_handles_labels()[0] + ax2.get_legend_handles_labels()[0]
        ax.legend(handles=handles, loc="lower right", fontsize=8)
        ax.set_title(t["fig8"].format(year=year), pad=30)
        fig.tight_layout()
    return fig


def names_en(commodities: pd.DataFrame, commodity: str) -> str:
    return dict(zip(commodities["commodity"], commodities["name_en"]))[commodity]


def fig_periodic_table(elements: pd.DataFrame, lang: str) -> Figure:
    """Table 1 drawn: the periodic table with the rare metals and rare earths marked."""
    t = T[lang]
    colors = {"rare_metal": "#f5b041", "ree": "#5dade2", "": "#f2f3f4"}
    with style(lang):
        fig, ax = plt.subplots(figsize=(12, 6.8))
        for e in elements.to_dict("records"):
            r, c = periodic_position(int(e["z"]))
            y = r + (0.4 if r >= 9 else 0)
            ax.add_patch(matplotlib.patches.Rectangle((c - 0.47, y - 0.47), 0.94, 0.94,
                                                      color=colors[e["category"]],
                                                      gid=f"{e['symbol']}:{e['category']}"))
            ax.text(c, y - 0.18, str(e["z"]), ha="center", va="center", fontsize=6)
            ax.text(c, y + 0.12, e["symbol"], ha="center", va="center", fontsize=10,
                    fontweight="bold" if e["category"] else "normal")
        ax.set_xlim(0.4, 18.6)
        ax.set_ylim(10.9, 0.4)
        ax.axis("off")
        handles = [matplotlib.patches.Patch(color=colors["rare_metal"],
                                            label=f"{t['rm']} {MARKS['rare_metal']}"),
                   matplotlib.patches.Patch(color=colors["ree"],
                                            label=f"{t['ree']} {MARKS['ree']}")]
        ax.legend(handles=handles, loc="upper center", ncol=2, bbox_to_anchor=(0.45, 1.0),
                  frameon=False)
        ax.set_title(t["table1"])
        fig.tight_layout()
    return fig
