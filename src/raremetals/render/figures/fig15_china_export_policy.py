"""Figure 15: China's export policy from the quotas to the controls, 2005-2025. Above, the
full-year rare-earth export quotas the sources give (tonnes; the scope changes in 2009, as
Figure 4 shows); below, every measure of the export-controls table on the day it took
effect, one row each, named, and marked by its kind (the WTO case, the end of quotas and
duties, a licence or ban on goods, on technology, a suspension). The kinds and names are
``data/china_export_measures.csv``; a measure it does not name stops the figure.

Each measure shows its status as of the compiled table's date (December 2025,
``stats.export_policy.STATUS_DATE``): a suspended measure is drawn hollow and labelled
suspended, until the day the table gives; a suspension says until when it runs. The
quota bars show where their scope changes (2008 to 2009, as Figure 4) and name the years
the sources lack."""

from __future__ import annotations

from datetime import date

import matplotlib.pyplot as plt
from matplotlib.artist import Artist
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from raremetals.core.text import Language
from raremetals.render.figures.plotted import QUOTA_UNIT, take, worked_out
from raremetals.render.figures.style import FAINT, GREYS, GRID, NOTE, REFERENCE, style
from raremetals.stats.export_policy import STATUS_DATE, export_measures

# kind -> marker: one mark a kind, all in one ink, filled where in force, hollow where
# suspended as of the table's date; the quotas have the bars
KINDS = {"wto": "s", "end_of_quotas": "D", "control": "o", "technology": "^", "suspension": "X"}
QUOTA = GREYS[1]
# past the table's date, so that no mark is cut by the frame
START, END = date(2005, 1, 1), date(2026, 7, 1)
SCOPE_CHANGE = date(2009, 1, 1)  # the quotas' scope: to 2008 not stated, from 2009 total


def _status(m: dict, t: dict) -> str:
    """What a measure's label says of its status as of the table's date."""
    if m["state"] == "suspended":
        return t["fig15_suspended"].format(until=m["until"])
    if m["state"] == "in force" and m["until"] and m["kind"] != "suspension":  # names say it
        return t["fig15_until"].format(until=m["until"])
    return ""


def plotted(data: dict, config: dict):
    """The full-year quotas, and each measure at its day (``period``; no value), the day
    it took effect or, where the table gives none, the day it was announced."""
    quotas, controls = data["china_ree_export_quotas"], data["china_export_controls"]
    full = quotas[quotas["period"] == "full_year"]
    full = full.assign(value_t=full["value_t"].astype(float), year=full["year"].astype(int))
    rows = export_measures(controls, data["china_export_measures"])
    measures = [
        {
            "measure": "export measure",
            "series": f"{m['kind']}: {m['fact_id']}",
            "year": m["day"].year,
            "period": m["day"].isoformat(),
            "quantity": "date_effective, else date_announced",
            "flag": m["state"] + (f" until {m['until']}" if m["until"] else ""),
            "table": "china_export_controls",
            "table_row": m["record"],
            "source_file": controls.loc[m["record"], "file"],
            "source_row": controls.loc[m["record"], "row"],
        }
        for m in rows
    ]
    return [
        take(
            full,
            "china_ree_export_quotas",
            "value_t",
            series="full-year quota",
            period="full_year",
            measure="export quota",
            unit=QUOTA_UNIT,
        ),
        worked_out(measures),
    ]


def draw(data: dict, config: dict, language: Language) -> Figure:
    t = language.labels
    quotas = data["china_ree_export_quotas"]
    full = quotas[quotas["period"] == "full_year"]
    rows = export_measures(
        data["china_export_controls"], data["china_export_measures"], language.code
    )
    with style(language.font):
        fig, (top, ax) = plt.subplots(
            2,
            1,
            figsize=(11, 9.2),
            sharex=True,
            gridspec_kw={"height_ratios": [1, 3.6], "hspace": 0.05},
        )
        for r in full.to_dict("records"):
            year = int(r["year"])
            top.bar(date(year, 7, 1), float(r["value_t"]), width=300, color=QUOTA, lw=0)
        last = int(full["year"].astype(int).max())
        if last < 2014:  # quotas ran to 2014: the years the table lacks are said, not left blank
            top.text(
                date(last + 1, 3, 1),
                float(full["value_t"].astype(float).max()) / 2,
                t["fig15_quota_gap"].format(first=last + 1, last=2014),
                fontsize=7.5,
                color=NOTE,
                va="center",
            )
        top.set_ylabel(t["fig15_quota_axis"], fontsize=8.5)
        top.yaxis.set_major_formatter(lambda v, _: f"{v / 1000:,.0f}k" if v else "0")
        top.grid(axis="y", color=GRID, lw=0.6)
        top.axvline(SCOPE_CHANGE, color=NOTE, ls="--", lw=0.8)
        # said beside the gap's note, where no bar stands
        top.text(
            date(last + 1, 3, 1),
            float(full["value_t"].astype(float).max()) / 6,
            t["fig15_scope"],
            fontsize=7.5,
            color=NOTE,
            va="center",
        )
        for i, m in enumerate(rows):
            ax.plot(
                [m["day"]],
                [i],
                marker=KINDS[m["kind"]],
                ls="none",
                ms=6.5,
                color=GREYS[0],
                mfc="white" if m["state"] == "suspended" else GREYS[0],
                clip_on=False,
            )
            name = m["name"] + _status(m, t)
            # names run left of their mark in the crowded last years, right of it before
            late = m["day"] >= date(2016, 1, 1)
            ax.annotate(
                f"{m['day']:%Y-%m-%d}  {name}" if not late else f"{name}  {m['day']:%Y-%m-%d}",
                (m["day"], i),
                xytext=(-8 if late else 8, 0),
                textcoords="offset points",
                ha="right" if late else "left",
                va="center",
                fontsize=7.3,
            )
        ax.set_ylim(len(rows) - 0.4, -0.8)
        ax.set_yticks([])
        ax.set_xlim(START, END)
        for a in (top, ax):
            for side in ("top", "right"):
                a.spines[side].set_visible(False)
            a.axvspan(date(2015, 1, 1), date(2015, 1, 2), color=REFERENCE, lw=0.8)
        ax.spines["left"].set_visible(False)
        ax.axvline(STATUS_DATE, color=FAINT, lw=0.8, ls=":")
        ax.text(
            STATUS_DATE,
            -0.7,
            t["fig15_as_of"] + " ",
            ha="right",
            va="center",
            fontsize=7,
            color=NOTE,
        )
        handles: list[Artist] = [
            Line2D([], [], ls="none", marker=mk, color=GREYS[0], label=t[f"fig15_kind_{kind}"])
            for kind, mk in KINDS.items()
        ]
        handles.append(
            Line2D(
                [], [], ls="none", marker="o", color=GREYS[0], mfc="white", label=t["fig15_hollow"]
            )
        )
        handles.insert(0, plt.Rectangle((0, 0), 1, 1, color=QUOTA, label=t["fig15_quotas"]))
        fig.legend(
            handles=handles,
            loc="lower center",
            ncol=4,
            frameon=False,
            fontsize=8,
            bbox_to_anchor=(0.5, 0.035),
        )
        top.set_title(t["fig15"], loc="left")
        fig.subplots_adjust(left=0.08, right=0.98, top=0.94, bottom=0.12)
    return fig
