"""Figure 14: Japan's import sources in 2024 (UN Comtrade), for the HS code standing for
each metal, beside Table 3's sources for 2009. Two bars a metal, the shares of the three
largest partners by value and by net weight (China in its colour), and the paper's 2009
list at the right; the metals no code of the extract covers are named below."""

from __future__ import annotations

import matplotlib.pyplot as plt
from matplotlib.figure import Figure

from raremetals.core.text import Language, commodity_names
from raremetals.render.figures.picks import paper_metals
from raremetals.render.figures.plotted import take, worked_out
from raremetals.render.figures.style import CHINA, GREYS, NOTE, REST, style

BASES = ("value", "net weight")


def _percent(share: float) -> str:
    return f"{share:.0%}" if share >= 0.095 else f"{share:.1%}"


def _then(rows, language: Language) -> str:
    """Table 3's 2009 list at this metal, as printed (a source without a share alone)."""
    ranked = rows[rows["basis"] == "value"].sort_values("rank")
    parts = []
    for r in ranked.itertuples():
        if r.paper_2009_country_code:
            name = language.country(r.paper_2009_country_code)
            share = r.paper_2009_share
            parts.append(name if share != share else f"{name} {_percent(share)}")
    return language.labels["list_sep"].join(parts) or language.labels["japan_2009_blank"]


def plotted(data: dict, config: dict):
    """The three partners' shares by each basis and the rest of each bar; Table 3's 2009
    shares printed at the right."""
    d = data["japan_imports"]
    d = d[d["commodity"].isin(paper_metals(data["commodities"]))]
    shares = d[d["share"].notna()]
    unit = "fraction of Japan's imports from the world (" + shares["basis"] + ")"
    then = d[(d["basis"] == "value") & d["paper_2009_share"].notna()]
    rest = [
        {
            "series": f"2024 by {basis}: the other partners",
            "commodity": metal,
            "year": int(rows["year"].iloc[0]),
            "quantity": "1 - the shares of the three largest partners",
            "value": 1 - rows["share"].sum(),
            "unit": f"fraction of Japan's imports from the world ({basis})",
        }
        for (metal, basis), rows in shares.groupby(["commodity", "basis"], sort=False)
    ]
    return [
        take(shares, "japan_imports", "share", series="2024 by " + shares["basis"], unit=unit),
        worked_out(rest),
        take(
            then,
            "japan_imports",
            "paper_2009_share",
            series="Table 3, 2009",
            country_code=then["paper_2009_country_code"],
            year=2009,
            unit="fraction of Japan's imports (as Table 3 prints it)",
            source_file="",
            source_row="",
        ),
    ]


def draw(data: dict, config: dict, language: Language) -> Figure:
    t = language.labels
    d = data["japan_imports"]
    plan = data["japan_import_codes"].set_index("commodity")
    names = commodity_names(data["commodities"], language.code)
    product = f"product_{language.code}" if f"product_{language.code}" in plan else "product_en"
    order = [m for m in paper_metals(data["commodities"]) if m in set(d["commodity"])]
    covered = [m for m in order if plan.loc[m, "hs6"]]
    missing = [m for m in order if not plan.loc[m, "hs6"]]
    with style(language.font):
        fig, ax = plt.subplots(figsize=(11, 0.78 * len(covered) + 1.9))
        ticks, labels = [], []
        for i, metal in enumerate(covered):
            rows = d[d["commodity"] == metal]
            y0 = i * 3
            for j, basis in enumerate(BASES):
                y = y0 + j * 1.05
                left = 0.0
                for r in rows[rows["basis"] == basis].sort_values("rank").itertuples():
                    colour = CHINA if r.country_code == "CHN" else GREYS[r.rank - 1]
                    ax.barh(y, r.share, left=left, height=0.9, color=colour, lw=0)
                    if r.share >= 0.1:
                        # a narrow segment sets its name above its share
                        gap = " " if r.share >= 0.2 else "\n"
                        ax.text(
                            left + r.share / 2,
                            y,
                            f"{language.country(r.country_code, r.country)}{gap}"
                            f"{_percent(r.share)}",
                            ha="center",
                            va="center",
                            fontsize=7 if r.share >= 0.2 else 6,
                            linespacing=0.9,
                            color="black" if colour == GREYS[2] else "white",
                        )
                    left += r.share
                ax.barh(y, 1 - left, left=left, height=0.9, color=REST, lw=0)
                ax.text(
                    -0.01,
                    y,
                    t[f"basis_{basis.replace(' ', '_')}"],
                    ha="right",
                    va="center",
                    fontsize=7,
                    color=NOTE,
                )
            ticks.append(y0 + 0.5)
            hs6 = plan.loc[metal, "hs6"]
            # what the code is, in the image: one form of the metal, or a proxy
            kind = t[f"fig14_{plan.loc[metal, 'stands_for']}"]
            labels.append(
                f"{names[metal]}\n{plan.loc[metal, product]} (HS {hs6[:4]}.{hs6[4:]})\n{kind}"
            )
            ax.text(1.02, y0 + 0.5, _then(rows, language), va="center", fontsize=7.5)
        ax.set_yticks(ticks, labels, fontsize=8)
        ax.tick_params(axis="y", length=0, pad=44)
        ax.set_ylim(len(covered) * 3 - 1.4, -1.0)
        ax.set_xlim(0, 1)
        ax.xaxis.set_major_formatter(lambda v, _: f"{v:.0%}")
        # the column's head, and under it what its sources are of
        ax.text(1.02, -2.05, t["japan_2009_head"], fontsize=8, weight="bold", va="bottom")
        ax.text(1.02, -1.05, t["japan_2009_unlike"], fontsize=6.5, color=NOTE, va="bottom")
        ax.set_xlabel(t["japan_share_axis"], fontsize=8.5)
        for side in ("top", "right", "left"):
            ax.spines[side].set_visible(False)
        fig.suptitle(t["fig14"], x=0.02, y=0.975, ha="left")
        fig.text(
            0.01,
            0.045,
            t["japan_not_covered"].format(names=t["list_sep"].join(names[m] for m in missing)),
            fontsize=7.5,
            color=NOTE,
        )
        fig.subplots_adjust(left=0.2, right=0.72, top=0.86, bottom=0.16)
    return fig
