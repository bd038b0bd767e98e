"""The EU's criticality as the Commission draws it: each material's supply risk against its
economic importance in each assessment (2011-2023), critical where both reach the
thresholds of the assessment's method (``data/eu_thresholds.csv``: 1 and 5 under the 2010
method, 1 and 2.8 under the 2017 one, which rescaled economic importance: so positions
compare within an assessment, not across the change of method).

The thresholds are not printed as numbers in the snapshot, so they are checked: the
materials of the transcription's scores that reach both are set against the Commission's
published list of the assessment (``data/eu_critical_lists.csv``), and every difference is
named (2017: coking coal is listed with an economic importance of 2.3 in the
transcription, below 2.8).
"""

from __future__ import annotations

import pandas as pd

from raremetals.core.schemas.eu import EU_CRITICALITY, EU_THRESHOLD_CHECK


def _scored(scores: pd.DataFrame, thresholds: pd.DataFrame) -> pd.DataFrame:
    s = scores[scores["supply_risk"].notna() & scores["economic_importance"].notna()]
    t = thresholds.rename(
        columns={"supply_risk": "sr_threshold", "economic_importance": "ei_threshold"}
    )
    s = s.merge(t[["assessment", "sr_threshold", "ei_threshold"]], on="assessment")
    s["critical"] = (s["supply_risk"] >= s["sr_threshold"]) & (
        s["economic_importance"] >= s["ei_threshold"]
    )
    return s


def criticality(
    scores: pd.DataFrame, materials: pd.DataFrame, thresholds: pd.DataFrame, lists: pd.DataFrame
) -> pd.DataFrame:
    """The paper's metals (``data/eu_materials.csv``) in every assessment that scores them:
    the two scores, the thresholds, whether both are reached and whether the published
    list names the material."""
    s = _scored(scores, thresholds).merge(materials[["material", "commodity"]], on="material")
    listed = set(zip(lists["assessment"], lists["material"]))
    s["listed"] = [(a, m) in listed for a, m in zip(s["assessment"], s["material"])]
    out = s.reindex(columns=list(EU_CRITICALITY.columns))
    return out.sort_values(["assessment", "commodity", "material"]).reset_index(drop=True)


def threshold_check(
    scores: pd.DataFrame, thresholds: pd.DataFrame, lists: pd.DataFrame
) -> pd.DataFrame:
    """Per assessment: the materials the thresholds make critical against the published
    list, every material scored, and the names that differ either way."""
    s = _scored(scores, thresholds)
    rows = []
    for a, g in s.groupby("assessment"):
        above = set(g.loc[g["critical"], "material"])
        listed = set(lists.loc[lists["assessment"] == a, "material"])
        rows.append(
            {
                "assessment": int(a),
                "sr_threshold": float(g["sr_threshold"].iloc[0]),
                "ei_threshold": float(g["ei_threshold"].iloc[0]),
                "scored": len(g),
                "reach_both": len(above),
                "listed": len(listed),
                "reach_not_listed": ";".join(sorted(above - listed)),
                "listed_not_reaching": ";".join(sorted(listed - above)),
            }
        )
    return pd.DataFrame(rows, columns=list(EU_THRESHOLD_CHECK.columns))
