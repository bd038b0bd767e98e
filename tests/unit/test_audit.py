"""The audit: every claim and every Table 3 cell gets a status, and the known errors of the
paper are found."""

from decimal import Decimal

import pytest

from raremetals.audit.rounding import default_tolerance, parse_claimed, precision, round_half_up


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
