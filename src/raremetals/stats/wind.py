"""The paper's wind arithmetic: a year's additions of capacity, and the neodymium they
need if a share of them uses permanent-magnet generators."""

from __future__ import annotations

import pandas as pd


def annual_additions(wind: pd.DataFrame) -> float:
    """GW a year between the first and the last year of :func:`wind_capacity`."""
    cap = {int(r["year"]): float(r["value"]) for r in wind.to_dict("records")}
    years = sorted(cap)
    return (cap[years[-1]] - cap[years[0]]) / (years[-1] - years[0])


def neodymium_demand(
    additions_gw: float, nd_kg_per_turbine: float, turbine_mw: float, pm_share: float
) -> float:
    """Tonnes of neodymium a year of wind additions needs, if ``pm_share`` of it uses
    permanent-magnet generators at the paper's intensity."""
    return additions_gw * 1000 / turbine_mw * pm_share * nd_kg_per_turbine / 1000


def wind_neodymium(wind: pd.DataFrame, assumptions: dict) -> pd.DataFrame:
    """The neodymium a year of wind additions needs, one row per share of permanent-magnet
    generators (``assumptions``: ``nd_kg_per_turbine``, ``turbine_mw``, ``pm_shares``, the
    config's ``wind_neodymium``). ``wind``: the world's capacity in GW by year
    (``clean.gwec.wind_capacity``); the additions are the mean a year between its first
    and last year, whose rows are named."""
    years = sorted(int(y) for y in wind["year"])
    additions = annual_additions(wind)
    a = assumptions
    return pd.DataFrame(
        [
            {
                "first_year": years[0],
                "last_year": years[-1],
                "additions_gw": additions,
                "turbine_mw": float(a["turbine_mw"]),
                "nd_kg_per_turbine": float(a["nd_kg_per_turbine"]),
                "pm_share": float(share),
                "nd_t": neodymium_demand(additions, a["nd_kg_per_turbine"], a["turbine_mw"], share),
                "file": ";".join(sorted(set(wind["file"]))),
                "rows": ";".join(str(r) for r in wind.sort_values("year")["row"]),
            }
            for share in a["pm_shares"]
        ]
    )
