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
