"""Japan's imports today, checked against the vendored UN Comtrade extract read here with
the csv and gzip modules, and the paper's twelve metals each placed: covered by a code or
named as not covered."""

from __future__ import annotations

import csv
import gzip
import json

import pandas as pd
import pytest

from conftest import REPO

EXTRACT = REPO / "data/raw/un_comtrade_extract/comtrade_2024.csv.gz"


def _japan_imports(hs6: str) -> dict[str, tuple[float, float]]:
    """partner code -> (value, net weight) of Japan's 2024 imports of one code, read raw."""
    out = {}
    with gzip.open(EXTRACT, "rt", newline="") as fh:
        for r in csv.DictReader(fh):
            if (r["reporter"], r["flow"], r["cmd"]) == ("392", "M", hs6):
                out[r["partner"]] = (float(r["value"]), float(r["netwgt"]))
    return out


@pytest.fixture(scope="module")
def today(built) -> pd.DataFrame:
    return pd.read_csv(built / "results/stats/japan_imports.csv", dtype={"hs6": str})


def test_manganese_ore_south_africa_by_value_and_weight(today):
    raw = _japan_imports("260200")
    world, zaf = raw["0"], raw["710"]  # M49 710: South Africa
    assert round(100 * zaf[0] / world[0], 1) == 64.1  # the issue's own check
    m = today[(today["commodity"] == "manganese") & (today["rank"] == 1)].set_index("basis")
    assert m.loc["value", "country_code"] == "ZAF"
    assert m.loc["value", "share"] == pytest.approx(zaf[0] / world[0], rel=1e-12)
    assert m.loc["net weight", "share"] == pytest.approx(zaf[1] / world[1], rel=1e-12)
    assert m.loc["value", "paper_2009_country_code"] == "CHN"  # Table 3: China 79%


def test_cobalt_oxides_third_source_by_value_is_taiwan_under_comtrades_code(today):
    raw = _japan_imports("282200")
    partners = sorted((v[0], p) for p, v in raw.items() if p != "0")[::-1]
    assert partners[2][1] == "490"  # "Other Asia, nes"
    c = today[(today["commodity"] == "cobalt") & (today["basis"] == "value")]
    assert c.set_index("rank").loc[3, "country_code"] == "TWN"


def test_every_metal_of_the_paper_is_covered_or_named(today):
    plan = pd.read_csv(REPO / "data/japan_import_codes.csv", dtype=str, keep_default_na=False)
    assert len(plan) == 12 and set(today["commodity"]) == set(plan["commodity"])
    missing = set(today.loc[~today["covered"], "commodity"])
    assert missing == {"chromium", "molybdenum", "zirconium", "indium"}
    assert today.loc[~today["covered"], "why"].str.startswith("Not in the extract").all()


def test_the_leading_source_today_is_a_headline_number(built, today):
    numbers = json.loads((built / "results/numbers.json").read_text())["numbers"]
    by_key = {n["key"]: n for n in numbers}
    tungsten = by_key["tungsten.japan_imports.leader_share.today"]
    assert tungsten["text"] == "100" and "CHN" in tungsten["description"]
    assert by_key["year.japan_imports"]["value"] == 2024
    assert by_key["lithium.japan_imports.leader_share.2009"]["text"] == "86"
