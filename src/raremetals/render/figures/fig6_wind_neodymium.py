"""Figure 6: world wind capacity in 2009 and the 2014 forecast, and the neodymium
the additions imply.

The two reference lines are tonnes of all rare-earth oxides, not of neodymium (a
part of them); their labels say so.
"""

from __future__ import annotations

import matplotlib
import matplotlib.pyplot as plt
from matplotlib.figure import Figure

from raremetals.clean.gwec import wind_capacity
from raremetals.core.text import Language
from raremetals.render.figures.picks import full_year_quota_row, table3_world_row
from raremetals.render.figures.plotted import QUOTA_UNIT, take
from raremetals.render.figures.style import CHINA, GREYS, INK, NOTE, style


def plotted(data: dict, config: dict):
    wind = wind_capacity(data["gwec_wind_2009"])
    ree = table3_world_row(data["country_shares"], "rare_earths")
    quota = full_year_quota_row(data["china_ree_export_quotas"], 2010)
    nd = data["wind_neodymium"]
    quota_row = quota.assign(value_t=quota["value_t"].astype(float))
    return [
        take(wind, "gwec_wind_2009", "value", unit="GW"),
        take(
            nd,
            "wind_neodymium",
            "nd_t",
            measure="neodymium for a year of wind additions",
            series=[f"{s:.0%} of additions with permanent-magnet generators" for s in nd.pm_share],
            unit="t Nd",
        ),
        take(
            ree,
            "country_shares",
            "value",
            series="world production 2009 (Table 3)",
            unit=ree["unit"],
        ),
        take(
            quota_row,
            "china_ree_export_quotas",
            "value_t",
            series="China's export quota 2010",
            period="full_year",
            year=quota_row["year"].astype(int),
            unit=QUOTA_UNIT,
        ),
    ]


def draw(data: dict, config: dict, language: Language) -> Figure:
    wind = wind_capacity(data["gwec_wind_2009"])
    ree_production_2009 = float(
        table3_world_row(data["country_shares"], "rare_earths")["value"].iloc[0]
    )
    quota_2010 = float(
        full_year_quota_row(data["china_ree_export_quotas"], 2010)["value_t"].iloc[0]
    )
    t = language.labels
    cap = {int(r["year"]): float(r["value"]) for r in wind.to_dict("records")}
    years = sorted(cap)
    nd_rows = data["wind_neodymium"]
    a = nd_rows.iloc[0]  # the assumptions and the additions, the same on every row
    additions = float(a["additions_gw"])
    with style(language.font):
        fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(11, 5.5))
        ax1.bar(
            [str(y) for y in years],
            [cap[y] for y in years],
            color=[GREYS[0] if y == years[0] else GREYS[2] for y in years],
            gid="capacity",
        )
        for y in years:
            label = t["actual"] if y == years[0] else t["forecast"]
            ax1.text(
                str(y), cap[y], f"{cap[y]:g} GW\n({label})", ha="center", va="bottom", fontsize=8
            )
        ax1.set_ylabel(t["capacity"])
        ax1.set_ylim(0, max(cap.values()) * 1.2)
        shares, nd = list(nd_rows["pm_share"]), list(nd_rows["nd_t"])
        ax2.bar([f"{s:.0%}" for s in shares], nd, color=INK, gid="nd")
        for i, v in enumerate(nd):
            ax2.text(i, v, f"{v:,.0f} t", ha="center", va="bottom", fontsize=8)
        for value, label, color, ls in (
            (ree_production_2009, t["ree_prod"], GREYS[0], "--"),
            (quota_2010, t["quota2010"], CHINA, ":"),
        ):
            ax2.axhline(value, color=color, ls=ls, lw=1)
            # the label sits clear above its line, not on it
            ax2.annotate(
                label.format(value=value),
                (1, value),
                xycoords=("axes fraction", "data"),
                annotation_clip=False,
                xytext=(0, 4),
                textcoords="offset points",
                ha="right",
                va="bottom",
                fontsize=7,
                color=color,
            )
        ax2.set_ylim(0, ree_production_2009 * 1.15)
        ax2.set_ylabel(t["nd_t"])
        ax2.set_xlabel(t["pm_share_axis"])
        ax2.yaxis.set_major_formatter(matplotlib.ticker.StrMethodFormatter("{x:,.0f}"))
        fig.text(
            0.01,
            0.01,
            t["assumptions"].format(
                nd=a["nd_kg_per_turbine"],
                mw=a["turbine_mw"],
                kgmw=a["nd_kg_per_turbine"] / a["turbine_mw"],
                gw=additions,
            ),
            fontsize=7,
            color=NOTE,
        )
        fig.suptitle(t["fig6"])
        fig.tight_layout(rect=(0, 0.04, 1, 1))
    return fig
