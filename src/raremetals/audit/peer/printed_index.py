"""A published index as a peer check: World Mining Data prints, for the last year of each
volume, a concentration index per mineral ((mod)HHI(ct), section 6.5). The pipeline's own
HHI function (:func:`raremetals.stats.measures.hhi_bounds`), run on WMD's own country
table (vol. 32's workbook for all its 63 minerals, and the paper's metals' tables read
from the PDFs of vols. 28-31; each row a producer as WMD counts them: Russia, Europe and
Russia, Asia are two), must give each printed index to its rounding (a unit), and the
rows must sum to the printed total; a difference stops the build. This is the check of
the HHI code against someone else's published figure.

Beside it, the index with Russia counted once (as every statistic here counts a
country), which WMD's own does not do.
"""

from __future__ import annotations

import math

import pandas as pd

from raremetals.core.errors import InputError
from raremetals.stats.measures import hhi_bounds, shares

PRINTED_STEP = 0.5  # the index is printed to a unit: half of one either way


def _hhi(values: dict[str, float], total: float) -> float:
    return hhi_bounds(list(shares(values, total).values()))[0]


def check_printed_indices(production: pd.DataFrame, printed: pd.DataFrame) -> pd.DataFrame:
    """One row per mineral the volume prints an index for, with the printed and the
    computed index; stops at the first that is not reproduced."""
    rows = []
    for p in printed.to_dict("records"):
        d = production[
            (production["sheet"] == p["sheet"])
            & (production["year"] == p["year"])
            & production["value"].notna()
        ]
        by_row = dict(zip(d["country_raw"], d["value"]))
        total = math.fsum(by_row.values())
        computed = _hhi(by_row, total)
        by_country = d.groupby("country_code")["value"].sum().to_dict()
        where = f"{p['file']}, page {p['page']} ({p['heading']})"
        if not math.isclose(total, p["printed_total"], abs_tol=0.5):
            raise InputError(
                where,
                f"the printed total of {p['year']} equal to WMD's rows ({total:,.0f})",
                f"{p['printed_total']:,.0f}",
            )
        if abs(computed - p["printed_hhi"]) > PRINTED_STEP:
            raise InputError(
                where,
                f"a printed index the HHI of WMD's rows reproduces ({computed:,.2f})",
                f"{p['printed_hhi']:,.0f}",
            )
        rows.append(
            {
                "volume": int(p["volume"]),
                "sheet": p["sheet"],
                "commodity": d["commodity"].iloc[0] if len(d) else "",
                "year": int(p["year"]),
                "producers": len(by_row),
                "printed_total": p["printed_total"],
                "rows_total": total,
                "printed_hhi": p["printed_hhi"],
                "computed_hhi": computed,
                "difference": computed - p["printed_hhi"],
                "hhi_russia_as_one": _hhi(by_country, total),
                "file": p["file"],
                "page": int(p["page"]),
            }
        )
    return pd.DataFrame(rows)
