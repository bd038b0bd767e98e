"""Statistics as pure functions: properties of the formulas for any input (hypothesis),
hand-worked distributions, a country on two rows, withheld values never zero, bounds
that keep a range narrow. (Values of the whole build: tests/pipeline/test_stats.py.)"""

import math

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from raremetals.stats import concentration as analysis
from raremetals.stats import measures as stats
from raremetals.stats.distributions import DIST_COLUMNS

# --- properties -------------------------------------------------------------------------------

share_lists = st.lists(st.floats(0, 1, allow_nan=False), min_size=1, max_size=12).map(
    lambda xs: [x / max(1.0, sum(xs)) for x in xs]
)


@given(share_lists, st.integers(1, 20))
def test_hhi_of_any_split_of_the_remainder_lies_in_the_range(shares, parts):
    lower, upper = stats.hhi_bounds(shares)
    assert lower <= upper + 1e-9
    r = stats.unassigned_share(shares)
    split = [r / parts] * parts
    true_hhi = 10_000 * sum(s * s for s in shares + split)
    assert lower - 1e-6 <= true_hhi <= upper + 1e-6


@given(
    share_lists,
    st.lists(st.floats(0, 100, allow_nan=False), min_size=1, max_size=8),
    st.integers(0, 20),
)
def test_hhi_of_any_amounts_of_countries_without_a_number_lies_in_the_range(shares, hidden, parts):
    # shares of a sum of rows (its remainder: "Other countries"); the countries without a
    # number hold ``hidden`` (any amounts, in units of that sum) on top of it
    lower, upper = stats.hhi_bounds(shares, len(hidden))
    world = 1 + sum(hidden)
    r = stats.unassigned_share(shares)
    others = [r / parts] * parts if parts else [r]
    true_hhi = 10_000 * sum((x / world) ** 2 for x in shares + hidden + others)
    assert upper == 10_000
    assert lower - 1e-6 <= true_hhi
    # and it is reached: each hidden country holding H (k*H in all), "Other countries"
    # spread among many
    h, k = sum(s * s for s in shares), len(hidden)
    reached = 10_000 * sum((x / (1 + k * h)) ** 2 for x in shares + [h] * k)
    assert reached == pytest.approx(lower, abs=1e-6)


@given(st.lists(st.floats(0.01, 1000, allow_nan=False), min_size=1, max_size=10))
def test_shares_of_a_complete_distribution_sum_to_one(values):
    values_by = {f"C{i}": v for i, v in enumerate(values)}
    s = stats.shares(values_by, sum(values))
    assert sum(s.values()) == pytest.approx(1)
    assert stats.unassigned_share(list(s.values())) == pytest.approx(0, abs=1e-9)


def test_a_monopoly_gives_10000():
    assert stats.hhi_bounds([1.0]) == (10_000, 10_000)
    assert stats.normalised_hhi([1.0]) == 1.0
    assert stats.effective_producers(10_000) == 1


def _dist(values, world=None, withheld=()):
    rows = [
        {"country_code": c, "country": c, "area_type": "country", "value": v, "flag": ""}
        for c, v in values.items()
    ]
    rows += [
        {"country_code": c, "country": c, "area_type": "country", "value": math.nan, "flag": "W"}
        for c in withheld
    ]
    if world is not None:
        rows.append(
            {
                "country_code": "WLD",
                "country": "World",
                "area_type": "world",
                "value": world,
                "flag": "",
            }
        )
    d = pd.DataFrame(rows)
    for k, v in {
        "dataset": "usgs",
        "edition": "x",
        "commodity": "c",
        "series": "s",
        "measure": "production",
        "year": 2020,
        "stage": "mine",
        "unit": "t",
        "basis": "b",
        "value_max": math.nan,
        "file": "f.csv",
        "row": 2,
    }.items():
        d[k] = v
    return d[DIST_COLUMNS]


values_st = st.dictionaries(
    st.sampled_from(["AUS", "BRA", "CHN", "IND", "USA", "ZAF"]), st.integers(1, 10_000), min_size=1
)


@settings(max_examples=40, deadline=None)
@given(values_st, st.randoms())
def test_statistics_do_not_depend_on_row_order(values, rnd):
    d = _dist(values, world=sum(values.values()) * 1.2)
    shuffled = d.sample(frac=1, random_state=rnd.randint(0, 2**31)).reset_index(drop=True)
    a = analysis.concentration(d, {2020: {}}).iloc[0]
    b = analysis.concentration(shuffled, {2020: {}}).iloc[0]
    pd.testing.assert_series_equal(a, b)


@settings(max_examples=40, deadline=None)
@given(values_st)
def test_withheld_values_are_never_counted_as_zero(values):
    world = sum(values.values()) * 1.5
    plain = analysis.concentration(_dist(values, world), {2020: {}}).iloc[0]
    with_w = analysis.concentration(_dist(values, world, withheld=["KAZ", "RUS"]), {2020: {}}).iloc[
        0
    ]
    for col in (
        "hhi_lower",
        "hhi_upper",
        "hhi_normalised",
        "cr3",
        "unassigned_share",
        "shannon_entropy",
    ):
        assert with_w[col] == plain[col]
    assert (with_w.n_listed, with_w.n_unquantified) == (plain.n_listed, 2)


def test_listed_values_far_above_the_world_total_are_refused():
    with pytest.raises(stats.DistributionError, match="more than"):
        stats.denominator(130, 100, 130)
    assert stats.denominator(105, 100, 105) == (105, stats.ROWS_SUM_ABOVE_TOTAL)
    # a printed "Other countries" keeps its weight where the listed countries pass the total
    assert stats.denominator(105, 100, 110) == (110, stats.ROWS_SUM_ABOVE_TOTAL)
    assert stats.denominator(95, 100, 105) == (100, stats.WORLD_TOTAL)
    assert stats.denominator(90, 100, 95) == (100, stats.WORLD_TOTAL)
    assert stats.denominator(90, None, 95) == (95, stats.ROWS_SUM)


# Any distribution: countries (some listed twice), a world total from 92% of the listed
# sum (a rounded total) to twice it, or none, and withheld countries.
dist_st = st.tuples(
    st.lists(
        st.tuples(
            st.sampled_from(["AUS", "BRA", "CHN", "IND", "USA", "ZAF"]), st.integers(0, 10_000)
        ),
        min_size=1,
        max_size=10,
    ),
    st.one_of(st.none(), st.floats(0.92, 2.0)),
    st.lists(st.sampled_from(["KAZ", "RUS"]), max_size=2, unique=True),
)


@settings(max_examples=150, deadline=None)
@given(dist_st)
def test_statistics_stay_in_their_ranges_for_any_input(dist):
    rows, world_factor, withheld = dist
    listed = sum(v for _, v in rows)
    world = None if world_factor is None else listed * world_factor
    parts = [_dist({code: value}).assign(row=10 + i) for i, (code, value) in enumerate(rows)]
    if world is not None or withheld:
        parts.append(_dist({}, world, withheld))
    row = analysis.concentration(pd.concat(parts, ignore_index=True), {2020: {}}).iloc[0]
    if not row.total > 0:
        assert math.isnan(row.get("hhi_lower", math.nan))
        return
    assert 0 <= row.hhi_lower <= row.hhi_upper <= 10_000
    assert 0 <= row.china_share <= 1 or math.isnan(row.china_share)
    assert 0 <= row.cr1 <= row.cr3 <= 1
    assert 0 <= row.listed_share <= 1 and 0 <= row.unassigned_share <= 1
    assert row.effective_producers_min >= 1 - 1e-9
    assert row.effective_producers_max >= row.effective_producers_min - 1e-9
    # a country listed twice counts once, with its rows summed
    by_country = {}
    for code, value in rows:
        by_country[code] = by_country.get(code, 0) + value
    assert row.n_listed == len(by_country)
    top = max(by_country.values())
    assert row.cr1 == pytest.approx(top / row.total)
    assert row.listed_exceeds_total == (world is not None and listed > world)


def test_a_country_on_two_rows_is_summed_not_dropped():
    d = pd.concat(
        [
            _dist({"USA": 60}),
            _dist({"USA": 15}).assign(row=3),
            _dist({"QAT": 60}, world=160).assign(row=4),
        ],
        ignore_index=True,
    )
    row = analysis.concentration(d, {2020: {}}).iloc[0]
    assert (row.cr1_country, row.cr1) == ("USA", 75 / 160)
    assert "rows of one country summed: USA" in row.note
    shares = analysis.country_shares(d, analysis.concentration(d, {2020: {}}))
    usa = shares[shares.country_code == "USA"]
    assert list(usa["rank"]) == [1, 1] and list(usa.country_share) == [75 / 160] * 2


@pytest.mark.parametrize(
    "usgs_basis, bgs_basis, ratio, usgs_china, bgs_china, leaders, expected",
    [
        ("element content", "gross weight", 0.36, 0.04, 0.09, ("ZAF", "ZAF"), "bases differ"),
        ("REO equivalent", "REO equivalent", 0.996, 0.678, 0.676, ("CHN", "CHN"), "agree"),
        ("element content", "element content", 1.003, 0.847, 0.822, ("CHN", "CHN"), "close"),
        (
            "as reported; element content",
            "element content",
            1.17,
            math.nan,
            0.007,
            ("COD", "COD"),
            "close",
        ),
        ("not stated", "element content", 0.71, 0.1, 0.069, ("COD", "COD"), "differ"),
        ("element content", "element content", 1.01, 0.5, 0.5, ("CHN", "AUS"), "differ"),
    ],
)
def test_two_publishers_agree_by_rule(
    usgs_basis, bgs_basis, ratio, usgs_china, bgs_china, leaders, expected
):
    """USGS against BGS: bases first (a row's "as reported" says nothing), then totals
    within 5% with China within 2 points and one leader (agree), within 20% and one leader
    (close), else differ."""
    from raremetals.stats.second_source import _agreement

    row = {
        "usgs_basis": usgs_basis,
        "bgs_basis": bgs_basis,
        "total_ratio": ratio,
        "usgs_china_share": usgs_china,
        "bgs_china_share": bgs_china,
        "usgs_leader": leaders[0],
        "bgs_leader": leaders[1],
        "bgs_total_is_lower_bound": False,
        "usgs_source": "usgs",
    }
    assert _agreement(row)[0] == expected


def test_producers_below_a_bound_keep_the_range_narrow():
    # three producers 60, 30, 10 and one "less than 0.5": between 0 and 0.5 on top of 100
    at_zero = 10_000 * (0.36 + 0.09 + 0.01)
    at_bound = 10_000 * sum((v / 100.5) ** 2 for v in (60, 30, 10, 0.5))
    assert stats.hhi_bounds_with_small([60, 30, 10], 100, [0.5]) == pytest.approx(
        (at_bound, at_zero)
    )
    # with no small producer, the plain range
    assert stats.hhi_bounds_with_small([60, 40], 100, []) == stats.hhi_bounds([0.6, 0.4])
    # a bound as large as the index's part of the total says nothing more than no number
    assert stats.hhi_bounds_with_small([60, 30, 10], 100, [50]) is None


def test_table3_takes_the_metals_usgs_basis_in_a_comparison():
    """One verdict for one pair of cells: Table 3 states no basis, and the comparison of
    USGS against BGS gives its 2009 the basis the USGS states for the metal (manganese:
    element content against BGS's ore, so 'bases differ', as in table3_against_bgs)."""
    from raremetals.stats.second_source import _basis, usgs_bases

    conc = pd.DataFrame(
        {
            "dataset": ["usgs", "usgs", "paper_table3"],
            "edition": ["mcs2026", "mcs2026", "paper2010"],
            "commodity": ["manganese", "manganese", "manganese"],
            "series": ["Mine production", "Mine production", "Table 3"],
            "measure": ["production", "reserves", "production"],
            "year": [2024, 2025, 2009],
            "basis": ["as reported; element content", "gross weight", "not stated"],
        }
    )
    assert usgs_bases(conc[conc.dataset == "usgs"]) == {"manganese": "element content"}
    paper = conc[conc.dataset == "paper_table3"].drop(columns="basis")
    assert list(_basis(paper, conc)) == ["element content"]
