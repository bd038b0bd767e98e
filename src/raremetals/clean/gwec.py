"""GWEC's wind figures as the paper cites them (the Global Wind 2009 Report): the world's
capacity in GW, whichever unit a row gives it in."""

from __future__ import annotations

import pandas as pd

from raremetals.core.io import as_numbers, refuse_first

# GWEC figures in GW or MW (a rate, "GW per year", is in GW too)
UNITS_PER_GW = {"GW": 1, "MW": 1000}


def wind_capacity(gwec: pd.DataFrame) -> pd.DataFrame:
    """World cumulative capacity at end-2009 and the GWEC forecast for 2014 (GW), both from
    the Global Wind 2009 Report as the paper cites it; a figure in MW is converted."""
    g = gwec[
        (gwec["source_id"] == "GWEC_GW2009_OUTLOOK")
        & (gwec["region"] == "World")
        & gwec["measure"].isin(
            ["cumulative_installed_capacity", "forecast_cumulative_installed_capacity"]
        )
    ]
    refuse_first(g[~g["unit"].isin(UNITS_PER_GW)], "unit", "a capacity in GW or MW")
    gw = as_numbers(g, "value", "a number of GW or MW") / g["unit"].map(UNITS_PER_GW)
    return g.assign(value=gw)[["year", "value", "measure", "file", "row"]]
