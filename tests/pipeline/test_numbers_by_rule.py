"""Numbers that hold by rule: each quirk of the USGS files met by a rule for its whole class
(a dash, series worded apart, a repeated column, the basis, a '>' total), every row of the
files accounted for, and what the USGS states of its own tables set against the pipeline.
Values are worked out by hand from the lines of the vendored files named beside them. An
invariant broken must stop the build: each where the files are cleaned
(tests/unit/test_faults_where_read.py), one here on a copy of the repository."""

from __future__ import annotations

import csv
import math

import pandas as pd
import pytest
from faults import BROKEN, BROKEN_END_TO_END, MCS2025, MCS2026, in_text

from conftest import REPO, copy_repo, make_fault, one, run_pipeline
from raremetals.clean import accounting
from raremetals.core import catalogue

T7 = "data/raw/usgs_mcs2026/MCS2026_T7_Critical_Minerals_Salient.csv"
OBS = catalogue.path("observations")
PEER = catalogue.path("usgs_peer_check")


@pytest.fixture(scope="session")
def rp(built):
    return pd.read_csv(built / catalogue.path("reserves_to_production"), keep_default_na=False)


# --- class by class, on the real build ---------------------------------------------------


def test_talc_2025_is_one_distribution_whatever_the_wording(conc):
    # MCS 2026 talc, 2025: the world total (6,900 kt) under "Mine production"; India
    # 1,500 and Pakistan 200 under "Mine production: steatite", China 1,300 and Canada 150
    # under "...: unspecified minerals", the US 490 and France 300 "...: crude", Brazil
    # 570, Italy 170, Other countries 790 each under words of their own
    row = one(
        conc, edition="mcs2026", commodity="talc_pyrophyllite", measure="production", year=2025
    )
    assert row.series == "Mine production" and row.total == 6_900_000
    listed = [200, 200, 130, 300, 300, 300, 490, 300, 570, 170, 1500, 200, 150, 1300]
    assert sum(listed) + 790 == 6_900
    assert (row.cr1_country, row.cr1) == ("IND", pytest.approx(1_500 / 6_900))
    assert row.n_listed == 14 and row.china_share == pytest.approx(1_300 / 6_900)


def test_a_world_total_and_its_countries_join_across_letter_case(conc, built):
    # MCS 2026 titanium minerals: countries under "Mine production: Ilmenite", the world
    # total (9,400 kt) under "Mine production: ilmenite"; China 3,200
    row = one(
        conc,
        edition="mcs2026",
        commodity="titanium_minerals",
        measure="production",
        year=2025,
        series="Mine production: Ilmenite",
    )
    assert row.world_total == 9_400_000 and row.china_share == pytest.approx(3_200 / 9_400)
    # the combined "ilmenite and rutile" total (2024: 9,680 kt, 2025: 9,800 kt) has no
    # countries: accounted for, no distribution
    obs = pd.read_csv(built / OBS, keep_default_na=False)
    both = obs[(obs.edition == "mcs2026") & (obs.series == "Mine production: ilmenite and rutile")]
    assert set(both.excluded) == {accounting.WORLD_ONLY}
    assert set(both.value_raw) == {"9,680", "9,800"}
    assert not (conc.series == "Mine production: ilmenite and rutile").any()


def test_rows_worded_unlike_their_siblings_join_them(conc):
    # MCS 2025 soda ash reserves: the US row "Soda ash, natural, mine production" (line
    # 1027: 23,000,000 kt) beside "Mine production, natural" (world 25,000,000 kt)
    soda = one(conc, edition="mcs2025", commodity="soda_ash", measure="reserves")
    assert (soda.cr1_country, soda.cr1) == ("USA", pytest.approx(23 / 25))
    # cobalt: the US row "Mine production, estimated" joins "...cobalt content, estimated",
    # so MCS 2025's 2023 production is one distribution: Congo 175,000 of 238,000 t
    co = one(conc, edition="mcs2025", commodity="cobalt", measure="production", year=2023)
    assert co.total == 238_000 and co.cr1 == pytest.approx(175_000 / 238_000)


def test_a_dash_is_a_country_at_zero(conc):
    # MCS 2026 tantalum reserves: the US "—" (line 7532) is listed at zero; seven countries
    # are NA; listed 120,000 + 40,000 + 240,000 + 150 t
    row = one(conc, edition="mcs2026", commodity="tantalum", measure="reserves")
    assert row.n_unquantified == 7 and "USA" not in row.unquantified_countries
    h = sum((v / 400_150) ** 2 for v in (120_000, 40_000, 240_000, 150))
    assert row.hhi_lower == pytest.approx(10_000 * h / (1 + 7 * h))


def test_a_column_that_repeats_capacity_is_no_reserves(conc, built):
    # MCS 2025 indium RESERVES_2024 (lines 481-491) equal MCS 2026's refinery capacity
    # country for country: recorded as suspect, so indium has no reserves to report
    row = one(conc, edition="mcs2025", commodity="indium", measure="reserves")
    assert math.isnan(row.total) and row.note.startswith("the source gives no number")
    nums = {n["key"] for n in pd.read_json(built / "results/numbers.json")["numbers"]}
    assert "indium.reserves.total.latest" not in nums


def test_basis_from_the_series_the_note_and_the_section(built, rp):
    obs = pd.read_csv(built / OBS, keep_default_na=False)
    cr = obs[(obs.edition == "mcs2026") & (obs.commodity == "chromium")]
    # "Reserves: Cr2O3 content"; "Mine production and ore reserves are reported in gross
    # weight" (the rows' note) over the chapter's "(Data in ..., chromium content)"
    assert set(cr[cr.series == "Reserves: Cr2O3 content"].basis) == {"Cr2O3 content"}
    assert set(cr[cr.series == "Reserves: Ore"].basis) == {"gross weight"}
    assert set(cr[cr.measure == "production"].basis) == {"gross weight"}
    # so no reserves-to-production ratio across bases for 2025
    ratio = one(rp, edition="mcs2026", commodity="chromium", year=2025)
    assert ratio.rp_years == "" and "bases differ" in ratio.note
    # "World Mine Production (manganese content) and Reserves": production in Mn content
    mn = obs[(obs.edition == "mcs2026") & (obs.commodity == "manganese")]
    assert set(mn[mn.measure == "production"].basis) == {"element content"}
    assert set(mn[mn.measure == "reserves"].basis) == {"gross weight"}


def test_a_world_total_given_as_a_bound_is_a_bound_everywhere(conc, rp, built):
    # MCS 2026 rare-earth reserves (lines 6107-6124, Brazil as version 1.3 corrected it):
    # listed 75,290,000 t above the ">75,000,000" world total; Burma, India, Madagascar,
    # Nigeria and Thailand NA
    listed = [1.9, 6.3, 11, 0.83, 44, 1.5, 0.71, 3.8, 0.86, 0.89, 3.5]
    row = one(conc, edition="mcs2026", commodity="rare_earths", measure="reserves")
    assert row.total == pytest.approx(sum(listed) * 1e6) and row.total_is_lower_bound
    assert row.n_unquantified == 5
    h = sum((v / sum(listed)) ** 2 for v in listed)
    assert (
        row.hhi_lower == pytest.approx(10_000 * h / (1 + 5 * h)) == pytest.approx(1305.7, abs=0.1)
    )
    assert row.hhi_upper == 10_000
    assert one(rp, edition="mcs2026", commodity="rare_earths").rp_bound == "at least"
    by_key = {n["key"]: n for n in pd.read_json(built / "results/numbers.json")["numbers"]}
    assert by_key["rare_earths.reserves.total.latest"]["text"] == "≥75,000,000"
    # in text to the nearest ten: 1,305.7 prints 1,310
    assert by_key["rare_earths.reserves.hhi_range.latest"]["text"] == "1,310–10,000"
    # chromium's ">540,000,000" with no country unquantified: a bound, the HHI at the total
    cr = one(conc, edition="mcs2026", commodity="chromium", measure="reserves", year=2025)
    assert cr.total_is_lower_bound and cr.hhi_upper < 10_000
    assert by_key["chromium.reserves.total.latest"]["text"] == "≥540,000,000"


def test_every_bound_text_rounds_outward(built):
    """A bound still bounds once printed: "at least" rounds down, "at most" up (58.44%
    at most is ≤59, not ≤58; 187.5 years at least is ≥187, not ≥188)."""
    numbers = pd.read_json(built / "results/numbers.json")["numbers"]
    bounds = [n for n in numbers if n["bound"]]
    assert len(bounds) >= 30
    for n in bounds:
        sign, printed = n["text"][0], float(n["text"][1:].replace(",", ""))
        value = 100 * n["value"] if n["unit"] == "%" else n["value"]
        if n["bound"] == "at least":
            assert sign == "≥" and printed <= value, n
        else:
            assert sign == "≤" and printed >= value, n
    by_key = {n["key"]: n for n in numbers}
    assert by_key["rare_earths.reserves.china_share.latest"]["text"] == "≤59"
    assert by_key["niobium.rp.latest"]["text"] == "≥187"


def test_a_tie_is_a_tie(built):
    shares = pd.read_csv(built / catalogue.path("country_shares"), keep_default_na=False)
    # Table 3, cobalt 2009: China and Russia printed together in third place, 6,200 t each
    co = shares[
        (shares.dataset == "paper_table3")
        & (shares.commodity == "cobalt")
        & (shares.measure == "production")
        & shares.country_code.isin(["CHN", "RUS"])
    ]
    assert list(co["rank"].astype(float)) == [3.0, 3.0]
    assert dict(zip(co.country_code, co.tied_with)) == {"CHN": "RUS", "RUS": "CHN"}


def test_growth_is_not_a_change_of_basis(built):
    comp = pd.read_csv(built / catalogue.path("paper_metals_comparison"))
    # lithium production: 18 kt (2009) to 290 kt (2025), but 82.5 kt in 2020 (MCS 2022)
    li = one(comp, commodity="lithium", measure="production")
    assert li.comparable and float(li.total_ratio) == pytest.approx(290 / 18)
    # where the flag is false the note says why, in words
    ind = one(comp, commodity="indium", measure="reserves")
    assert not ind.comparable and ind.comparability_note.startswith(
        "the paper gives no 2009 total; the USGS gives no 2024 total"
    )


def test_every_row_of_the_usgs_files_is_accounted_for(built):
    account = pd.read_csv(built / catalogue.path("usgs_row_accounting"), keep_default_na=False)
    for rel, encoding in ((MCS2026, "cp1252"), (MCS2025, "utf-8-sig")):
        with open(REPO / rel, encoding=encoding, newline="") as fh:
            rows = [n for n, r in enumerate(csv.reader(fh), start=1) if n > 1 and any(r)]
        name = rel.rsplit("/", 1)[1]
        assert set(account[account.file == name]["row"]) == set(rows)
    # MCS 2026: 8,886 rows; the US sections are named, never read into a distribution
    ours = account[account.file == "MCS2026_Commodities_Data.csv"]
    assert ours.row.nunique() == 8_886
    assert (ours.reason == "US salient statistics").sum() == 4_863
    # each cell in one distribution or one exclusion
    assert ((account.distribution != "") ^ (account.reason != "")).all()
    # talc's US 490 kt is in the world distribution once, from the world section
    talc = ours[(ours.commodity == "talc_pyrophyllite") & (ours.country_raw == "United States")]
    talc = talc[(talc.measure == "production") & (talc.year == "2025")]
    assert list(talc.distribution) == ["mcs2026|talc_pyrophyllite|Mine production|production|2025"]


def test_the_usgs_statements_agree_or_are_explained(built):
    peer = pd.read_csv(built / PEER, keep_default_na=False)
    assert set(peer.agreement) <= {"agrees", "differs, explained", "not compared"}
    # T7 line 20, manganese: South Africa 37%; the world table 7,600 of 20,000 kt = 38%
    mn = one(
        peer, edition="mcs2026", commodity="manganese", statement="leading country's share (%)"
    )
    assert (mn.usgs_states, mn.pipeline, mn.agreement) == ("37", "38.0", "agrees")
    # T7 line 7, bismuth: China 88%; the listed countries sum to 16,280 t, above the world
    # total of 16,000: the pipeline's 14,000 / 16,280 = 86.0% (the denominator rule)
    bi = one(peer, edition="mcs2026", commodity="bismuth", statement="leading country's share (%)")
    assert bi.pipeline == "86.0" and bi.explanation.startswith("denominator:")
    # Fig. 3 prints Fig. 2's ">75" for barite as 75
    ba = peer[(peer.name_in_source == "Barite") & peer.statement.str.contains("Fig. 3")]
    assert "bound-sign" in " ".join(ba.explanation)
    # each T7 mineral is compared or named with the reason
    t7 = peer[peer.statement_file == "MCS2026_T7_Critical_Minerals_Salient.csv"]
    assert t7.name_in_source.nunique() == 39


# --- the invariants, broken on copies ----------------------------------------------------


@pytest.mark.parametrize("case", BROKEN_END_TO_END)
def test_a_broken_invariant_stops_the_build(case, tmp_path):
    """Each invariant of tests/faults.py's BROKEN is refused where the USGS files are
    cleaned (tests/unit/test_faults_where_read.py); one goes through the pipeline."""
    rel, edit, record, target, message = BROKEN[case]
    workdir = copy_repo(tmp_path / "repo")
    make_fault(workdir, rel, edit, record)
    proc = run_pipeline(workdir, target)
    out = proc.stdout + proc.stderr
    assert proc.returncode != 0 and message in out, out[-3000:]
    assert not (workdir / target).exists()


def test_an_unexplained_usgs_statement_stops_the_build(tmp_path):
    workdir = copy_repo(tmp_path / "repo")
    # T7 line 36, tungsten: China 67,000 t, 79% of 85,000 t; say 51,000 t and 60% (its
    # own arithmetic holds, the world table's 67,000 t does not)
    make_fault(
        workdir, T7, in_text("China,67000,79,85000", "China,51000,60,85000", "utf-8-sig"), True
    )
    proc = run_pipeline(workdir, PEER)
    out = proc.stdout + proc.stderr
    assert proc.returncode != 0, out[-3000:]
    assert (
        "MCS2026_T7_Critical_Minerals_Salient.csv, row 36: expected leading country's share" in out
    )
    assert not (workdir / PEER).exists()
