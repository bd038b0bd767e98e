"""The audit's rules without a build: default tolerances, rounding half up, the precision of
printed numbers, ranges of figures printed rounded, and a published value that is no
number refused at its row. (The verdicts of a whole build: tests/pipeline/test_audit.py.)"""

from decimal import Decimal

import pandas as pd
import pytest

from conftest import REPO, written
from raremetals.audit.rounding import default_tolerance, parse_claimed, precision, round_half_up
from raremetals.core.schemas.inputs import ELEMENT_VALUES
from raremetals.core.text import load_languages
from raremetals.render.audit_page import _claim_lines


@pytest.mark.parametrize(
    "text, unit, tolerance",
    [
        ("97", "%", 0.5),
        ("22.1", "%", 0.05),
        ("124000", "t", 500),
        ("~45", "%", 4.5),
        ("99000000", "t", 500_000),
        ("50", "%", 0.5),
    ],
)
def test_default_tolerance(text, unit, tolerance):
    assert default_tolerance(text, parse_claimed(text), unit) == pytest.approx(tolerance)


# --- one rounding rule, bounds, circular evidence, one vintage (issue 10) --------------------


@pytest.mark.parametrize(
    "value, step, rounded",
    [
        (96.7742, "1", 97),  # C020: the paper prints 97% for 120,000 / 124,000
        (-39.659, "1", -40),  # C081: the 2010 quota cut printed as -40%
        (38.5, "1", 39),  # C032: half rounds up, so 38.5% is not 38%
        (22.2668, "0.1", 22.3),
        (8_080_000, "1000000", 8_000_000),
    ],
)
def test_round_half_up(value, step, rounded):
    assert round_half_up(value, Decimal(step)) == rounded


def test_precision_of_printed_numbers():
    assert precision("22.1", "%") == Decimal("0.1")
    assert precision("124000", "t") == 1000 and precision("97", "%") == 1


def test_a_claim_relaying_a_cited_document_is_not_judged_against_the_papers_own_numbers():
    from raremetals.audit.claims import relays

    # H.R. 4866's "about 15%" (C114) relays the bill, not the paper's Table 3
    assert relays('fn69: H.R. 4866: 111th Congress ("RESTART Act") (cf. USGS-based 13 of 99 Mt)')
    # the USGS figures Table 3 quotes, or no citation: Table 3 stands for them
    assert not relays("fn29: 数値は、2009 年時点。op.cit USGSMCS2010")
    assert not relays("none (matches Table 3)") and not relays("")


def test_a_share_of_figures_printed_rounded_is_a_range():
    from raremetals.audit.rounding import printed_step, share_range, within

    # Table 3's molybdenum: China "77,000t" of a world "20 万 t"
    assert printed_step("77,000t", "t") == 1_000 and printed_step("20 万 t", "万 t") == 10_000
    assert printed_step("12.4 万 t", "万 t") == 1_000 and printed_step("1,160t", "t") == 10
    low, high = share_range(77_000, 1_000, 200_000, 10_000)
    assert low == pytest.approx(100 * 76_500 / 205_000)  # 37.32%
    assert high == pytest.approx(100 * 77_500 / 195_000)  # 39.74%
    one = Decimal(1)
    assert within(low, high, parse_claimed("38"), one, None)  # the text's 38% (C032)
    # tantalum: Australia "560t" of "1,160t" allows 47.6-48.9%, not the text's 58% (C035)
    ta = share_range(560, 10, 1_160, 10)
    assert not within(*ta, parse_claimed("58"), one, None)
    assert within(*ta, parse_claimed("48"), one, None)


def test_melting_and_boiling_points_are_judged_against_the_same_published_spread():
    import pandas as pd

    from raremetals.audit.checks import Sources
    from raremetals.audit.checks.elements import element_property
    from raremetals.core.io import read_as_printed

    published = read_as_printed("data/audit/element_values.csv", ELEMENT_VALUES)
    empty = pd.DataFrame()
    src = Sources(empty, empty, empty, empty, empty, pd.DataFrame({"claim_id": []}))
    src.published = published
    args = {"symbol": "W", "unit": "C"}
    melt = element_property(src, {**args, "property": "melting_point"}, None)
    boil = element_property(src, {**args, "property": "boiling_point"}, None)
    # mendeleev: 3,414 and 5,555 °C; the data sheet's 3,410 ± 20 and ITIA's 5,700 ± 200
    assert melt[0] == pytest.approx(3414, abs=0.5) and boil[0] == pytest.approx(5555, abs=0.5)
    assert (melt[3].low, melt[3].high) == (3390, 3430)
    assert (boil[3].low, boil[3].high) == (5500, 5900)
    assert "Guinness World Records" in written(boil[3].why)


def test_a_published_value_that_is_no_number_is_refused_at_its_row(tmp_path):
    from raremetals.core.errors import InputError
    from raremetals.core.io import read_as_printed

    text = open("data/audit/element_values.csv", encoding="utf-8").read()
    bad = tmp_path / "element_values.csv"
    bad.write_text(text.replace("W,boiling_point,C,5500,", "W,boiling_point,C,5.500 K,"))
    with pytest.raises(InputError) as err:
        read_as_printed(bad, ELEMENT_VALUES)
    assert "element_values.csv, row 4, column 'low'" in str(err.value)


def test_a_claims_unit_is_written_as_its_language_writes_it():
    paths = [REPO / "data/languages/en.yaml", REPO / "data/languages/ja.yaml"]
    words = {code: lang.report["audit"] for code, lang in load_languages(paths).items()}

    def said(value, unit, code):
        claim = {"value": value, "unit": unit, "recomputed": "", "evidence": ""}
        return _claim_lines(claim, words[code])[0]

    assert said("2008", "year", "en") == "claimed 2008 year"
    assert said("2008", "year", "ja") == "論文 2008年"
    assert said("1980s", "decade", "ja") == "論文 1980年代"
    assert said("120000", "t", "ja") == "論文 120,000 t"
    # every unit a claim is given in has its Japanese form
    claims = pd.read_csv(REPO / "data/raw/paper/claims.csv", dtype=str, keep_default_na=False)
    assert set(claims["unit"]) - {""} <= set(words["ja"]["units"])
