"""Every row of a USGS file accounted for, without a build: a row no rule claims stops the
reading where it is read. (The rules for each quirk, through a build:
tests/pipeline/test_numbers_by_rule.py.)"""

from __future__ import annotations

import pandas as pd
import pytest

from conftest import REPO
from raremetals.clean import accounting
from raremetals.clean.countries import CountryResolver
from raremetals.clean.long_table import parse_commodities_table
from raremetals.clean.usgs_tables import CommodityNames
from raremetals.core.errors import InputError

MCS2026 = "data/raw/usgs_mcs2026/MCS2026_Commodities_Data.csv"


def test_a_row_nothing_claims_stops_the_build():
    resolver = CountryResolver(REPO / "data/countries.csv")
    names = CommodityNames(REPO / "data/commodities.csv", REPO / "data/usgs_commodity_names.csv")
    table, skipped = parse_commodities_table(
        REPO / MCS2026, "usgs_mcs2026", names, resolver, edition="mcs2026"
    )
    table = accounting.assign_distributions(table.assign(), {"talc_pyrophyllite": "Talc"})
    account = accounting.row_accounting(table, pd.DataFrame(skipped).assign(edition="mcs2026"))
    rows = accounting.data_row_numbers(REPO / MCS2026, "cp1252")
    accounting.check_every_row(account, {"MCS2026_Commodities_Data.csv": (MCS2026, rows)})
    with pytest.raises(InputError, match=r"row 6094: expected a row that ends in a distribution"):
        accounting.check_every_row(
            account[account.row != 6094], {"MCS2026_Commodities_Data.csv": (MCS2026, rows)}
        )
