"""Figure 11: rare earths over the long run (USGS Data Series 140, 1900-2020): US and
rest-of-world production, and the unit value in constant (1998) dollars, with the events
the paper names where the data place them."""

from __future__ import annotations

import matplotlib
import matplotlib.pyplot as plt
from matplotlib.figure import Figure

from raremetals.core.text import Language
from raremetals.render.figures.picks import ree_long_run
from raremetals.render.figures.plotted import take, worked_out
from raremetals.render.figures.style import EVENT, GREYS, NOTE, NOTE_LIGHT, PRICE, REST, USA, style

DRAWN = ("us_production", "world_production", "unit_value_1998usd")


NUMBERED = "①②③④⑤⑥"


def plotted(data: dict, config: dict):
    """US and world production and the unit value as Data Series 140 gives them; the
    rest of the world as world less US production, named by the world row it comes from."""
    ds = data["ds140_rare_earths"]
    d = ds[ds["statistic"].isin(DRAWN) & ds["value"].notna()]
    run = ree_long_run(ds)
    rest = run["series"]["rest_of_world"].dropna()
    odd = d["year"].isin(run["out_of_line"]) & (d["statistic"] == "unit_value_1998usd")
    flag = odd.map({True: "a hundredfold off the years around; not joined", False: ""})
    world = d[d["statistic"] == "world_production"]
    row_of = dict(zip(world["year"], world.index))
    rows = [
        {
            "series": "rest of the world",
            "year": year,
            "quantity": "world_production - us_production of the year",
            "value": value,
            "unit": "t REO",
            "table": "ds140_rare_earths",
            "table_row": row_of[year],
        }
        for year, value in rest.items()
    ]
    return [
        take(d, "ds140_rare_earths", "value", series=d["statistic"], unit=d["unit"], flag=flag),
        worked_out(rows),
    ]


def draw(data: dict, config: dict, language: Language) -> Figure:
    t = language.labels
    run = ree_long_run(data["ds140_rare_earths"])
    d, events, odd = run["series"], run["events"], run["out_of_line"]
    us = d["us_production"]
    # years with a world figure but none for the US: world alone, hatched, not 0
    unknown = d["world_production"].where(us.isna())
    with style(language.font):
        fig, (top, bottom) = plt.subplots(
            2, 1, figsize=(10, 7.5), sharex=True, gridspec_kw={"height_ratios": [3, 2]}
        )
        top.stackplot(
            d.index,
            us.fillna(0) / 1000,
            d["rest_of_world"].fillna(0) / 1000,
            colors=[USA, REST],
            labels=[t["us_production"], t["rest_of_world"]],
        )
        top.fill_between(
            d.index,
            0,
            unknown / 1000,
            where=unknown.notna(),
            facecolor="white",
            edgecolor=GREYS[0],  # the darkest grey: the areas are small
            hatch="////",
            lw=0,
            label=t["world_us_na"],
            gid="world_us_na",
        )
        top.set_ylabel(t["ree_production_kt"])
        top.legend(loc="upper left", frameon=False, fontsize=8)
        top.yaxis.set_major_formatter(matplotlib.ticker.StrMethodFormatter("{x:,.0f}"))
        value = d["unit_value_1998usd"] / 1000
        bottom.plot(d.index, value.where(~d.index.isin(odd)), color=PRICE, lw=1.3)
        if odd:
            bottom.plot(
                odd,
                value[odd],
                ls="none",
                marker="o",
                ms=4,
                mfc="white",
                color=PRICE,
                gid="out_of_line",
            )
            bottom.annotate(
                t["unit_value_break"].format(
                    years=f"{odd[0]}–{odd[-1]}"
                    if odd[-1] - odd[0] == len(odd) - 1
                    else ", ".join(map(str, odd)),
                    values=", ".join(f"{v * 1000:,.0f}" for v in value[odd]),
                ),
                (odd[-1], value[odd].min()),
                xytext=(12, 0),
                textcoords="offset points",
                va="center",
                fontsize=7.5,
                color=NOTE,
            )
        bottom.set_yscale("log")  # a century of prices spans three orders of magnitude
        bottom.yaxis.set_major_formatter(matplotlib.ticker.StrMethodFormatter("{x:,g}"))
        bottom.set_ylabel(t["unit_value_1998"])
        bottom.set_xlim(d.index.min(), d.index.max())
        # each event a numbered line, the numbers explained in the empty top left: no
        # leader line crosses the curve or another
        ordered = sorted(events.items(), key=lambda e: e[1][0])
        said = []
        for k, (name, (year, _)) in enumerate(ordered):
            mark = NUMBERED[k]
            for ax in (top, bottom):
                ax.axvline(year, color=EVENT, lw=0.7, ls="--", zorder=0)
            top.text(
                year,
                1.01,
                mark,
                transform=top.get_xaxis_transform(),
                ha="center",
                va="bottom",
                fontsize=8,
                gid=f"event:{name}",
            )
            said.append(f"{mark} " + t[f"event_{name}"].format(year=year).replace("\n", " "))
        top.text(0.3, 0.95, "\n".join(said), transform=top.transAxes, va="top", fontsize=8)
        bottom.set_xlabel(t["year"])
        top.set_title(t["fig11"].format(first=d.index.min(), last=d.index.max()))
        fig.text(0.01, 0.005, t["ds140_note"], fontsize=7, color=NOTE_LIGHT)
        fig.tight_layout(rect=(0, 0.025, 1, 1))
    return fig
