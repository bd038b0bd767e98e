"""Schemas of the processing stage beside mining, and of the IEA's projections."""

from __future__ import annotations

import pandera.pandas as pa

from raremetals.core.schemas.columns import HHI, SHARE, number, text


def _stage(stage: str, what: str) -> dict:
    return {
        f"{stage}_publisher": text(f"Who gives the {what} (BGS, IEA or USGS)"),
        f"{stage}_series": text(f"The {what}'s series, as the publisher names it"),
        f"{stage}_basis": text(f"What the {what} weighs, where its rows say"),
        f"{stage}_china_share": number(
            f"China's share of the {what} (empty: China has no figure)", checks=SHARE
        ),
        f"{stage}_china_share_bound": text(
            "at most: countries without a figure make the world total a lower bound",
            checks=pa.Check.isin(["", "at most"]),
        ),
        f"{stage}_leader": text(
            f"The {what}'s largest producer (empty where a country without a figure may be larger)"
        ),
        f"{stage}_leader_share": number("The leader's share", checks=SHARE),
        f"{stage}_hhi_lower": number("HHI, unassigned share contributing 0", checks=HHI),
        f"{stage}_hhi_upper": number("HHI, unassigned share held by one producer", checks=HHI),
        f"{stage}_segment": number(
            "BGS: the first year of the run this year belongs to (a break in series starts "
            "a new one; nothing is joined across); empty for other publishers"
        ),
    }


MINING_AND_PROCESSING = pa.DataFrameSchema(
    {
        "commodity": text("Commodity id (data/processing_series.csv)"),
        "year": pa.Column(int, description="Data year both stages hold"),
        **_stage("mining", "mining"),
        **_stage("processing", "processing"),
        "processing_stage": text("refinery, ferro-alloy plant or refining"),
        "china_gap": pa.Column(
            float,
            pa.Check.in_range(-1, 1),
            nullable=True,
            description="China's processing share less its mining share (fraction); "
            "empty where either is a bound or missing, or the stages are not of one metal",
        ),
        "processing_china_in_sum": pa.Column(
            bool,
            description="China gives this alloy only in a sum of several alloys (its "
            "share of the alloy is unknown, never zero)",
        ),
        "comparable": text("shares and HHI, or no and why (stats/comparability.py)"),
        "processing_note": text(
            "What to know about the processing distribution (countries without a figure, "
            "alloys given only in a sum)"
        ),
    },
    strict=True,
    ordered=True,
    name="mining_and_processing",
)


IEA_OUTLOOK = pa.DataFrameSchema(
    {
        "mineral": text("The IEA's mineral (data/iea_minerals.csv)"),
        "commodity": text("Commodity id"),
        "what": text("What is weighed, as a comparison names it"),
        "stage": text("mining or refining"),
        "year": pa.Column(int, description="Year of the data or projection"),
        "kind": text(
            "data (2024) or projection (the base case): a projection is never data",
            checks=pa.Check.isin(["data", "projection"]),
        ),
        "scenario": text("The projection's scenario (base case); empty for data"),
        "basis": text("What is weighed"),
        "unit": text("Unit of total (kt)"),
        "total": number("The rows' sum (the countries and the rest of the world)"),
        "china_share": number("China's share (empty: China not named)", checks=SHARE),
        "leader": text("The largest country named"),
        "leader_share": number("The leader's share", checks=SHARE),
        "top3_share": number("Share of the three largest countries named", checks=SHARE),
        "top3_countries": text("Their ISO3 codes, largest first"),
        "hhi_lower": number("HHI, the rest of the world contributing 0", checks=HHI),
        "hhi_upper": number("HHI, the rest of the world held by one producer", checks=HHI),
        "note": text("What to know about the distribution"),
    },
    strict=True,
    ordered=True,
    name="iea_outlook",
)

HORIZON = pa.DataFrameSchema(
    {
        "commodity": text("rare_earths, cobalt or lithium"),
        "stage": text("mining or refining"),
        "year": pa.Column(int, description="2009 (the paper), 2024 (data) or 2030 (projection)"),
        "kind": text("data or projection", checks=pa.Check.isin(["data", "projection"])),
        "scenario": text("The projection's scenario (base case); empty for data"),
        "publisher": text("USGS (Table 3), BGS or IEA"),
        "what": text("What is weighed: the magnet rare earths are not every rare earth"),
        "china_share": number("China's share (empty: China not named)", checks=SHARE),
        "china_share_bound": text(
            "at most: the world total is a lower bound", checks=pa.Check.isin(["", "at most"])
        ),
        "top3_share": number("Share of the three largest countries named", checks=SHARE),
        "hhi_lower": number("HHI's lower end", checks=HHI),
        "hhi_upper": number("HHI's upper end", checks=HHI),
        "like_2009": text(
            "Whether the row weighs what its stage's 2009 row weighs (yes), or no and why "
            "(stats/comparability.py): a change is stated only where yes"
        ),
    },
    strict=True,
    ordered=True,
    name="horizon",
)
