"""Statistics: hand-worked values from the vendored files, and properties of the formulas."""

import math

import pandas as pd
import pytest

from conftest import one
from raremetals.core import catalogue
from raremetals.stats import measures as stats
from raremetals.stats.reserves_to_production import series_subject

# --- the paper's 2009 data (Table 3, corrected) -------------------------------------------


def test_rare_earths_2009_china_share_of_production_and_reserves(conc):
    prod = one(conc, dataset="paper_table3", commodity="rare_earths", measure="production")
    # Table 3: China 120,000 t of a world 124,000 t; the text says 97%
    assert prod.china_share == pytest.approx(120_000 / 124_000)
    assert round(prod.china_share * 100) == 97
    res = one(conc, dataset="paper_table3", commodity="rare_earths", measure="reserves")
    # corrected (T3-02, T3-03): China 3,600 万 t of 9,900 万 t; the text says 36%
    assert res.china_share == pytest.approx(36_000_000 / 99_000_000)
    assert round(res.china_share * 100) == 36


def test_rare_earths_2009_reserves_take_the_text_countries_too(conc):
    row = one(conc, dataset="paper_table3", commodity="rare_earths", measure="reserves")
    # Table 3: China 36, CIS 19 (a group: unassigned), US 13 Mt; fn27: Australia 5.4,
    # India 3.1 Mt; of a world 99 Mt
    listed = [36, 13, 5.4, 3.1]
    assert row.n_listed == 4 and row.cr3_countries == "CHN;USA;AUS"
    assert row.hhi_lower == pytest.approx(10_000 * sum((v / 99) ** 2 for v in listed))
    r = 1 - sum(listed) / 99
    assert row.hhi_upper == pytest.approx(row.hhi_lower + 10_000 * r * r)
    assert "claims.csv" in row.source_file


def test_tungsten_2009_cr1(conc):
    row = one(conc, dataset="paper_table3", commodity="tungsten", measure="production")
    assert row.cr1_country == "CHN"
    assert row.cr1 == pytest.approx(47_000 / 58_000)  # 81%, as the text says


def test_cobalt_2009_tie_counts_both_countries(conc):
    row = one(conc, dataset="paper_table3", commodity="cobalt", measure="production")
    # DRC 25,000, Australia 6,300, China and Russia 6,200 each, of 62,000 t
    shares = [25_000 / 62_000, 6_300 / 62_000, 6_200 / 62_000, 6_200 / 62_000]
    assert row.n_listed == 4
    assert row.hhi_lower == pytest.approx(10_000 * sum(s * s for s in shares))
    assert row.cr3 == pytest.approx((25_000 + 6_300 + 6_200) / 62_000)


# --- the latest USGS data -------------------------------------------------------------------

# mcs2024-raree_world.csv, 2022 and 2023 columns, country rows (US, Australia, Brazil,
# Burma, Canada, China, Greenland, India, Madagascar, Malaysia, Russia, South Africa,
# Tanzania, Thailand, Vietnam); world totals 300,000 and 350,000 t.
REE_2022 = [42000, 18000, 80, 12000, 0, 210000, 0, 2900, 960, 80, 2600, 0, 0, 7100, 1200]


def test_rare_earths_hhi_range_2022(conc):
    row = one(
        conc,
        dataset="usgs",
        edition="mcs2024",
        commodity="rare_earths",
        measure="production",
        year=2022,
    )
    shares = [v / 300_000 for v in REE_2022]
    r = 1 - sum(shares)  # 3,080 t unassigned
    assert r == pytest.approx(3_080 / 300_000)
    lower = 10_000 * sum(s * s for s in shares)
    assert row.hhi_lower == pytest.approx(lower)
    assert row.hhi_upper == pytest.approx(lower + 10_000 * r * r)
    assert row.doj_ftc_class_lower == "highly concentrated"


# MCS2026_Commodities_Data.csv lines 6071-6088 (2024) and 6089-6106 (2025): US, Australia,
# Brazil, Burma, China, India, Madagascar, Malaysia, Nigeria, Russia, Thailand, Vietnam
# (Canada, Greenland, South Africa and Tanzania are "—", zero); "Other countries" 1,000
# and 550; world totals 380,000 and 390,000 t
REE_2024 = [45_500, 29_000, 560, 27_000, 270_000, 2_900, 1_400, 140, 1_500, 2_600, 2_100, 300]
REE_2025 = [51_000, 29_000, 2_000, 22_000, 270_000, 2_900, 2_700, 110, 1_500, 2_600, 4_800, 150]


def test_rare_earths_2024_listed_exceed_rounded_total(conc):
    row = one(
        conc,
        dataset="usgs",
        edition="mcs2026",
        commodity="rare_earths",
        measure="production",
        year=2024,
    )
    assert sum(REE_2024) == 383_000  # more than the rounded 380,000
    # shares are of the sum of rows, "Other countries" (1,000) with the listed countries,
    # so they cannot overstate and the other countries keep their weight
    expected = 10_000 * sum((v / 384_000) ** 2 for v in REE_2024)
    assert row.hhi_lower == pytest.approx(expected)
    assert row.hhi_upper == pytest.approx(expected + 10_000 * (1_000 / 384_000) ** 2)
    assert row.china_share == pytest.approx(270_000 / 384_000)
    assert (row.world_total, row.total) == (380_000, 384_000)
    assert row.listed_exceeds_total and row.total_source.startswith("sum of rows (above")
    assert "exceed the world total by 0.8%" in row.note


def test_rare_earths_2025_share_of_the_world_total(conc):
    row = one(
        conc,
        dataset="usgs",
        edition="mcs2026",
        commodity="rare_earths",
        measure="production",
        year=2025,
    )
    assert sum(REE_2025) == 388_760  # below the world total: shares are of 390,000
    assert row.total == 390_000 and row.china_share == pytest.approx(270_000 / 390_000)
    assert round(row.china_share * 100) == 69
    shares = [v / 390_000 for v in REE_2025]
    r = 1 - sum(shares)  # "Other countries" 550 and the rounding: 1,240 t
    assert r == pytest.approx(1_240 / 390_000)
    assert row.hhi_lower == pytest.approx(10_000 * sum(s * s for s in shares))
    assert row.hhi_upper == pytest.approx(row.hhi_lower + 10_000 * r * r)
    # Canada, Greenland, South Africa and Tanzania print "—": listed at zero, with a share
    # of 0 (never among the countries without a number)
    assert row.n_listed == 16 and row.n_unquantified == 0


def test_rare_earth_reserves_2025_take_the_version_1_3_correction(conc):
    row = one(
        conc,
        dataset="usgs",
        edition="mcs2026",
        commodity="rare_earths",
        measure="reserves",
        year=2025,
    )
    # version 1.3: Brazil 21,000,000 -> 11,000,000 t, world >85,000,000 -> >75,000,000 t;
    # the listed countries (US 1.9, Australia 6.3, Brazil 11, Canada 0.83, China 44,
    # Greenland 1.5, Malaysia 0.71, Russia 3.8, South Africa 0.86, Tanzania 0.89, Vietnam
    # 3.5 Mt) sum to 75.29 Mt, above the lower bound: shares are of their sum
    listed = [1.9, 6.3, 11, 0.83, 44, 1.5, 0.71, 3.8, 0.86, 0.89, 3.5]
    assert row.world_total == 75_000_000 and row.total_flag == ">;corrected"
    assert row.total == pytest.approx(sum(listed) * 1e6)
    assert row.china_share == pytest.approx(44 / sum(listed))
    assert "lower bound" in row.note


def test_wgi_weighted_hhi_tungsten_2009(conc):
    # WGIData.csv, 2009 column, six estimates each (lines 1442-1472, 5762-5792, 1262-1292)
    chn = [
        -0.519456624984741,
        0.0932420492172241,
        -0.451781332492828,
        -0.298093944787979,
        -0.46321377158165,
        -1.7011684179306,
    ]
    rus = [
        -1.14130687713623,
        -0.497236013412476,
        -0.969926595687866,
        -0.288328468799591,
        -0.806498229503632,
        -0.89992368221283,
    ]
    can = [
        2.05179667472839,
        1.74208331108093,
        1.12707591056824,
        1.69657874107361,
        1.7967267036438,
        1.40189552307129,
    ]
    wgi = {c: (2.5 - sum(e) / 6) * 2 for c, e in (("CHN", chn), ("RUS", rus), ("CAN", can))}
    assert wgi["CHN"] == pytest.approx(6.113, abs=1e-3)
    shares = {"CHN": 47_000 / 58_000, "RUS": 2_400 / 58_000, "CAN": 2_000 / 58_000}
    row = one(conc, dataset="paper_table3", commodity="tungsten", measure="production")
    assert row.wgi_year == 2009
    assert row.hhi_wgi == pytest.approx(sum(s * s * wgi[c] for c, s in shares.items()))
    assert row.country_risk_wgi == pytest.approx(sum(s * wgi[c] for c, s in shares.items()))


def test_withheld_values_stay_unknown(conc):
    # lithium MCS 2024, 2022: the United States is W
    row = one(
        conc,
        dataset="usgs",
        edition="mcs2024",
        commodity="lithium",
        measure="production",
        year=2022,
    )
    assert row.unquantified_countries == "USA" and row.n_unquantified == 1


def test_without_a_world_total_countries_without_a_number_open_the_total(conc, built):
    # MCS 2026 tantalum reserves (MCS2026_Commodities_Data.csv): Australia 120,000,
    # Brazil 40,000, China 240,000, Russia 150 t; Bolivia, Burundi, Congo (Kinshasa),
    # Ethiopia, Mozambique, Nigeria and Rwanda NA, the US "—" (line 7532: zero, so one of
    # the listed countries, not an unknown amount); the world total NA
    row = one(conc, edition="mcs2026", commodity="tantalum", measure="reserves")
    listed = [120_000, 40_000, 240_000, 150, 0]
    assert row.total == sum(listed) == 400_150 and row.total_is_lower_bound
    assert row.n_unquantified == 7 and "COD" in row.unquantified_countries.split(";")
    assert "USA" not in row.unquantified_countries.split(";") and row.n_listed == 5
    assert row.china_share == pytest.approx(240_000 / 400_150)
    h = sum((v / 400_150) ** 2 for v in listed)
    assert (
        row.hhi_lower == pytest.approx(10_000 * h / (1 + 7 * h)) == pytest.approx(1089.9, abs=0.1)
    )
    assert row.hhi_upper == 10_000 and row.effective_producers_min == 1
    assert math.isnan(row.shannon_entropy) and "at least the total used" in row.note
    # with a world total, a country without a number stays inside the unassigned share
    ree = one(conc, edition="mcs2026", commodity="rare_earths", measure="production", year=2025)
    assert not ree.total_is_lower_bound
    # so reserves over production is at least 400,150 / 2,500 years
    rp = pd.read_csv(built / catalogue.path("reserves_to_production"), keep_default_na=False)
    ta = one(rp, edition="mcs2026", commodity="tantalum")
    assert (float(ta.rp_years), ta.rp_bound) == (pytest.approx(400_150 / 2_500), "at least")
    comp = pd.read_csv(built / catalogue.path("paper_metals_comparison"))
    ta = one(comp, commodity="tantalum", measure="reserves")
    assert ta.total_is_lower_bound_latest and not ta.total_is_lower_bound_2009
    assert "world total is only a lower bound" in ta.comparability_note


def test_a_bound_is_not_an_amount(conc):
    # MCS 2023 zirconium, 2021 (mcs2023-zirco-hafni_world.csv): the US "<100" kt is below
    # 100 kt, not 100 kt: a country between 0 and 100 kt, inside the world total with
    # "Other countries" (150), in the unassigned share
    row = one(conc, edition="mcs2023", commodity="zirconium", measure="production", year=2021)
    assert (row.n_listed, row.small_countries, row.n_unquantified) == (6, "USA", 0)
    listed = [500, 140, 55, 100, 64, 320]
    assert row.listed_share == pytest.approx(sum(listed) / 1300)
    assert row.hhi_lower == pytest.approx(10_000 * sum((v / 1300) ** 2 for v in listed))
    assert row.hhi_upper == pytest.approx(row.hhi_lower + 10_000 * (1 - sum(listed) / 1300) ** 2)


def test_other_countries_keep_their_weight_above_a_rounded_total(conc):
    # MCS2026_Commodities_Data.csv lines 8877-8887, zirconium reserves 2025 (kt, ZrO2):
    # nine countries 71,790, "Other countries" 5,700, world ">70,000"
    countries = [500, 55_000, 500, 3_400, 2_100, 1_500, 2_600, 290, 5_900]
    assert sum(countries) == 71_790
    row = one(conc, edition="mcs2026", commodity="zirconium", measure="reserves", year=2025)
    assert row.total == 77_490_000 and row.cr1_country == "AUS"
    assert round(100 * row.cr1, 1) == 71.0  # not 76.6, the share of the countries alone
    lower = 10_000 * sum((v / 77_490) ** 2 for v in countries)
    assert row.hhi_lower == pytest.approx(lower) and round(lower) == 5_138
    assert row.hhi_upper == pytest.approx(lower + 10_000 * (5_700 / 77_490) ** 2)
    assert round(row.hhi_upper) == 5_192


def test_less_than_half_a_unit_is_between_0_and_it(conc):
    # MCS 2026 vermiculite 2025: Mexico "Less than ½ unit" (of thousand metric tons), the
    # listed countries 463,000 t above the rounded world 460,000: Mexico holds 0 to 500 t
    # on top of their sum, a country of known size, not one that opens the HHI to 10,000
    row = one(conc, edition="mcs2026", commodity="vermiculite", measure="production", year=2025)
    assert (row.small_countries, row.n_unquantified, row.total) == ("MEX", 0, 463_000)
    assert row.total_max == 463_500 and row.hhi_upper < 2_000


def test_a_capacity_in_production_columns_is_capacity(built, conc):
    # MCS2025_World_Data.csv rows 201-216: "Clinker capacity, estimated" in PROD_2023 and
    # PROD_EST_ 2024; MCS 2026 files the same figures under capacity
    obs = pd.read_csv(built / catalogue.path("observations"), keep_default_na=False)
    clinker = obs[(obs.file == "MCS2025_World_Data.csv") & obs.row.between(201, 216)]
    assert len(clinker) == 32 and set(clinker.measure) == {"capacity"}
    cement = conc[(conc.commodity == "cement") & (conc.measure == "production")]
    assert not cement.series.str.contains("apacity").any()


def test_a_ratio_where_the_bases_the_rows_state_agree(built):
    # 2024: reserves of MCS 2025, production of MCS 2026 (the best series). "as reported"
    # states no basis, so it never differs from one that is stated
    rp = pd.read_csv(built / catalogue.path("reserves_to_production"), keep_default_na=False)

    def ratio(commodity):
        r = one(rp, dataset="usgs", commodity=commodity, year=2024)
        return round(float(r.rp_years), 1), r.rp_bound

    assert ratio("cobalt") == (round(11_000_000 / 302_000, 1), "") == (36.4, "")
    assert ratio("helium") == (66.0, "at least")
    assert ratio("kyanite") == (33.8, "at least")


def test_suspect_value_is_left_out(conc):
    row = one(conc, dataset="usgs", edition="mcs2023", commodity="zinc", measure="reserves")
    assert "AUS" in row.unquantified_countries.split(";")
    assert row.listed_share < 1


def test_comparison_table_covers_the_twelve_metals(built):
    comp = pd.read_csv(built / catalogue.path("paper_metals_comparison"))
    assert len(comp) == 24 and comp.commodity.nunique() == 12
    ree = one(comp, commodity="rare_earths", measure="production")
    assert (ree.year_2009, ree.year_latest, ree.edition_latest) == (2009, 2025, "mcs2026")
    assert ree.total_2009 == 124_000 and ree.total_latest == 390_000
    assert ree.china_share_latest == pytest.approx(270_000 / 390_000)
    # 2023 from MCS 2025 (MCS2025_World_Data.csv line 885: China 255,000 of 376,000)
    assert ree.edition_2023 == "mcs2025" and ree.total_2023 == 376_000
    assert ree.china_share_2023 == pytest.approx(255_000 / 376_000)
    assert bool(ree.comparable)
    indium = one(comp, commodity="indium", measure="reserves")
    assert not indium.comparable and "the paper gives no 2009 total" in indium.comparability_note


def test_reserves_to_production(built):
    rp = pd.read_csv(built / catalogue.path("reserves_to_production"))
    # 2023: reserves of MCS 2024, production of MCS 2025 (the best series)
    ree = one(rp, dataset="usgs", edition="mcs2024", commodity="rare_earths")
    assert ree.rp_years == pytest.approx(110_000_000 / 376_000)
    assert ree.note == "production from mcs2025 (the best series)"
    # 2025: MCS 2026 with version 1.3's world reserves
    ree = one(rp, dataset="usgs", edition="mcs2026", commodity="rare_earths", year=2025)
    assert ree.rp_years == pytest.approx(75_000_000 / 390_000)
    zr = one(rp, dataset="usgs", edition="mcs2024", commodity="zirconium")
    assert math.isnan(zr.rp_years) and "bases differ" in zr.note


def test_reserves_pair_with_the_production_their_names_say(built):
    rp = pd.read_csv(built / catalogue.path("reserves_to_production"), keep_default_na=False)
    # MCS 2026 copper: "Reserves: rounded" 980,000 kt against "Mine production: rounded"
    # 23,000 kt in 2025, not the refinery production (29,000 kt)
    cu = one(rp, edition="mcs2026", commodity="copper")
    assert float(cu.rp_years) == pytest.approx(980_000 / 23_000)
    # feldspar: Brazil's "Reserves: beneficiated, marketable" and Spain's "...: includes
    # pegmatites" are rows of the one table whose world total is "Reserves": one ratio,
    # world mine production 31,000 kt, at least (reserves of eight countries are NA)
    fs = one(rp, edition="mcs2026", commodity="feldspar")
    assert (float(fs.production), fs.rp_bound) == (31_000_000, "at least")
    assert series_subject("Reserves (million metric tons): Iron content") == "Iron content"
    assert series_subject("Refinery production") == "Refinery"


def test_japan_dependency_2009(built):
    jp = pd.read_csv(built / catalogue.path("japan_import_dependency_2009"))
    w = one(jp, commodity="tungsten")
    assert w.china_share == pytest.approx(0.92)
    assert w.hhi_lower == pytest.approx(8464) and w.hhi_upper == pytest.approx(8464 + 64)


# --- numbers that were wrong without warning (issue 10) -------------------------------------


def test_niobium_2009_reserves_hhi_cannot_exceed_10000(conc):
    row = one(conc, dataset="paper_table3", commodity="niobium", measure="reserves")
    # Table 3: Brazil 290 万 t + Canada 4.6 万 t = 2,946,000 t above a world 2,900,000 t
    assert row.total == 2_946_000 and row.listed_exceeds_total
    assert row.hhi_lower == pytest.approx(
        10_000 * ((2_900_000 / 2_946_000) ** 2 + (46_000 / 2_946_000) ** 2)
    )
    assert row.hhi_lower < 10_000 and row.cr3 == pytest.approx(1)


def test_helium_2022_counts_both_us_rows(conc):
    # 2022 comes from MCS 2024 (the best series): mcs2024-heliu_world.csv, US 65 (natural
    # gas, row 2) + 12 (Cliffside, row 3) of 158; Qatar 59, Algeria 8, Russia 5,
    # Australia, Canada, Poland 3; South Africa NA
    row = one(
        conc, dataset="usgs", edition="mcs2024", commodity="helium", measure="production", year=2022
    )
    assert (row.cr1_country, row.cr1) == ("USA", pytest.approx(77 / 158))
    values = [77, 59, 8, 5, 3, 3, 3]
    assert row.hhi_lower == pytest.approx(10_000 * sum((v / 158) ** 2 for v in values))
    assert row.doj_ftc_class_lower == "highly concentrated"


def test_doj_ftc_class_of_rare_earth_reserves_2023(conc):
    # mcs2024-raree_world.csv reserves: the listed countries sum above the world total
    row = one(
        conc,
        dataset="usgs",
        edition="mcs2024",
        commodity="rare_earths",
        measure="reserves",
        year=2023,
    )
    assert row.listed_exceeds_total and row.total > row.world_total
    assert row.hhi_upper <= 10_000 and row.doj_ftc_class_lower == "moderately concentrated"


def test_no_distribution_leaves_its_ranges(conc):
    shares = conc[["listed_share", "unassigned_share", "cr1", "cr3", "china_share"]]
    assert ((shares.fillna(0) >= 0) & (shares.fillna(0) <= 1)).all().all()
    assert (conc.hhi_lower.dropna() <= conc.hhi_upper.dropna()).all()
    assert conc.hhi_upper.max() <= 10_000
    assert (conc.cr1.dropna() <= conc.cr3.dropna() + 1e-12).all()


def test_implausible_reserves_to_production_are_flagged(built):
    rp = pd.read_csv(
        built / catalogue.path("reserves_to_production"),
        keep_default_na=False,
        na_values={"rp_years": [""]},
    )
    # after the unit corrections no ratio is implausible; vanadium MCS 2023 reads
    # 26,000 kt (it read 26,000 t with the header's t) against the 102,000 t MCS 2024
    # gives for 2022; MCS 2026's reserves read in kt (U25): 21,000 kt / 110,000 t
    v = one(rp, dataset="usgs", edition="mcs2023", commodity="vanadium")
    assert v.rp_years == pytest.approx(26_000_000 / 102_000) and v.rp_flag == ""
    v = one(rp, dataset="usgs", edition="mcs2026", commodity="vanadium", year=2025)
    assert v.rp_years == pytest.approx(21_000_000 / 110_000) and v.rp_flag == ""
    assert stats.rp_flag(0.26) == "below 1 year" and stats.rp_flag(26_000) == "above 10,000 years"
    assert set(rp.rp_flag) == {""}


def test_bgs_long_run_is_one_basis_a_metal_worked_out_from_the_exports(built):
    """China's share of tungsten mine production in 2009, from BGS_tungsten_production.csv
    with the csv module alone: 49,432 of 63,310 t; rare earths start in 1992, when BGS's
    oxide series begins; lithium, which BGS gives only by form, has no rows; manganese
    counts South Africa's grades in the years it reports no ore total (1974-2014)."""
    import csv

    from conftest import REPO

    rows = list(
        csv.DictReader(
            (REPO / "data/raw/bgs_world_mineral_statistics/BGS_tungsten_production.csv").open(
                encoding="utf-8", newline=""
            )
        )
    )
    y2009 = {r["country_trans"]: float(r["quantity"]) for r in rows if r["year"][:4] == "2009"}
    run = pd.read_csv(built / catalogue.path("bgs_long_run"))
    w = run[(run.commodity == "tungsten") & (run.year == 2009)].iloc[0]
    assert (w.total, w.cr1_country) == (sum(y2009.values()), "CHN")
    # the table holds 15 significant digits
    assert w.china_share == pytest.approx(y2009["China"] / sum(y2009.values()), rel=1e-12)
    assert w.china_share == pytest.approx(49_432 / 63_310, rel=1e-12)
    assert run.groupby("commodity").year.min().to_dict() == {
        "cobalt": 1971,
        "lithium": 2012,
        "manganese": 1971,
        "rare_earths": 1992,
        "tungsten": 1971,
    }
    assert run.year.max() == 2023
    mn = list(
        csv.DictReader(
            (REPO / "data/raw/bgs_world_mineral_statistics/BGS_manganese_production.csv").open(
                encoding="utf-8", newline=""
            )
        )
    )
    total_2000 = sum(float(r["quantity"] or 0) for r in mn if r["year"][:4] == "2000")
    assert run[(run.commodity == "manganese") & (run.year == 2000)].total.iloc[0] == total_2000


def _bgs_rows(name: str) -> list[dict]:
    import csv

    from conftest import REPO

    path = REPO / "data/raw/bgs_world_mineral_statistics" / name
    return list(csv.DictReader(path.open(encoding="utf-8", newline="")))


def test_bgs_marks_read_by_rule_in_the_long_run(built):
    """Worked out from the exports with the csv module: tungsten 1999, Uganda "more than 0
    but less than 0.5" (0 to 0.5 t, not a country of unknown size); the break of 1977,
    every country marked; lithium 2023, every form in lithium content summed; manganese
    ore without Austria's manganese content of iron ore (1974-1998)."""
    run = pd.read_csv(built / catalogue.path("bgs_long_run"))
    run[["small_countries", "gap_rule"]] = run[["small_countries", "gap_rule"]].fillna("")
    w = _bgs_rows("BGS_tungsten_production.csv")
    y1999 = {r["country_trans"]: float(r["quantity"] or 0) for r in w if r["year"][:4] == "1999"}
    total = sum(y1999.values())
    row = run[(run.commodity == "tungsten") & (run.year == 1999)].iloc[0]
    assert (row.total, row.total_max, row.small_countries) == (total, total + 0.5, "UGA")
    at_zero = 10_000 * sum((v / total) ** 2 for v in y1999.values())
    assert row.hhi_upper == pytest.approx(at_zero) and round(row.hhi_lower) == 5_927
    assert not row.total_is_lower_bound  # 3,721-10,000 when Uganda counted as unknown
    # 1977: BGS marks every tungsten country "Break in series.": a new segment
    marked = {
        r["country_trans"]
        for r in w
        if r["year"][:4] == "1977" and "#" in r["concat_figure_notes_code"]
    }
    listed = {r["country_trans"] for r in w if r["year"][:4] == "1977"}
    assert marked == listed
    tungsten = run[run.commodity == "tungsten"].set_index("year")
    assert (tungsten.segment[1976], tungsten.segment[1977]) == (1971, 1977)
    assert tungsten.break_weight[1977] == 1
    # lithium 2023: the lithium content of every form, per country
    li = [
        r
        for r in _bgs_rows("BGS_lithium_production.csv")
        if r["year"][:4] == "2023" and "Li content" in r["bgs_sub_commodity_trans"]
    ]
    li_total = sum(float(r["quantity"] or 0) for r in li)
    china = sum(float(r["quantity"] or 0) for r in li if r["country_trans"] == "China")
    lithium = run[(run.commodity == "lithium") & (run.year == 2023)].iloc[0]
    assert (lithium.total, china) == (li_total, 35_700) and round(li_total, -3) == 218_000
    assert lithium.china_share == pytest.approx(china / li_total) and lithium.cr1_country == "AUS"
    # manganese ore 1990: Austria's "Mn content of domestic iron ore" is no manganese ore
    mn = [r for r in _bgs_rows("BGS_manganese_production.csv") if r["year"][:4] == "1990"]
    kept_apart = [r for r in mn if "iron ore" in r["concat_figure_notes_text"]]
    assert {r["country_trans"] for r in kept_apart} >= {"Austria"}
    ore = sum(float(r["quantity"] or 0) for r in mn if r not in kept_apart)
    assert run[(run.commodity == "manganese") & (run.year == 1990)].total.iloc[0] == ore
    # rare earths 2012: Thailand listed without a figure, and in no year near it
    ree = run[(run.commodity == "rare_earths") & (run.year == 2012)].iloc[0]
    assert ree.hhi_upper == 10_000 and ree.gap_rule.startswith("no bound by the rule: THA")


def test_usgs_against_bgs_worked_out_from_both_files(built):
    """Rare earths 2023: MCS 2025 gives a world 376,000 t REO; BGS's oxide rows for 2023,
    summed with the csv module, 377,438 t: a ratio of 0.996 and one leader (China), so
    'agree'. Manganese 2020-2023: USGS in manganese content, BGS ore in gross weight:
    'bases differ', never a ratio read as agreement."""
    import csv

    from conftest import REPO

    rows = csv.DictReader(
        (REPO / "data/raw/bgs_world_mineral_statistics/BGS_REs_production.csv").open(
            encoding="utf-8", newline=""
        )
    )
    bgs_2023 = sum(
        float(r["quantity"] or 0)
        for r in rows
        if r["year"][:4] == "2023" and r["bgs_commodity_trans"] == "rare earth oxides"
    )
    assert bgs_2023 == 377_438
    c = pd.read_csv(built / catalogue.path("usgs_bgs_comparison"), keep_default_na=False)
    ree = c[(c.commodity == "rare_earths") & (c.year == 2023)].iloc[0]
    assert (ree.usgs_total, ree.bgs_total, ree.agreement) == (376_000, bgs_2023, "agree")
    assert ree.total_ratio == pytest.approx(376_000 / 377_438, rel=1e-12)
    mn = c[(c.commodity == "manganese") & (c.year >= 2020)]
    assert set(mn.agreement) == {"bases differ"} and len(mn) == 4
    assert set(c.year) == {2009, 2020, 2021, 2022, 2023}


def test_table3_against_bgs_worked_out_from_the_exports(built):
    """Table 3's tungsten 2009 (world 58,000 t, China 47,000 t) against
    BGS_tungsten_production.csv read with the csv module: a world of 63,310 t (close:
    0.916) and China's 49,432 t at its line (agree: 0.951); cobalt's tie at rank 3
    (China and Russia, 6,200 t each) is a row each; no claim changed its evidence class."""
    import csv

    from conftest import REPO

    path = REPO / "data/raw/bgs_world_mineral_statistics/BGS_tungsten_production.csv"
    rows = list(csv.DictReader(path.open(encoding="utf-8", newline="")))
    y2009 = [(line, r) for line, r in enumerate(rows, start=2) if r["year"][:4] == "2009"]
    world = sum(float(r["quantity"]) for _, r in y2009)
    china_line, china = next((n, r) for n, r in y2009 if r["country_trans"] == "China")
    t = catalogue.read("table3_against_bgs", built / catalogue.path("table3_against_bgs"))
    w = t[t.commodity == "tungsten"].set_index("country_code")
    assert (w.loc["WLD", "bgs_value"], w.loc["WLD", "agreement"]) == (world, "close")
    assert w.loc["WLD", "ratio"] == pytest.approx(58_000 / 63_310, rel=1e-12)
    assert w.loc["CHN", "bgs_value"] == float(china["quantity"]) == 49_432
    assert (w.loc["CHN", "bgs_row"], w.loc["CHN", "agreement"]) == (china_line, "agree")
    cobalt = t[(t.commodity == "cobalt") & (t["rank"] == 3)]
    assert sorted(cobalt.country_code) == ["CHN", "RUS"]
    assert set(t[t.commodity == "manganese"].agreement) == {"bases differ"}
    assert set(t[t.commodity == "lithium"].agreement) == {"no series"}
    claims = pd.read_csv(built / catalogue.path("claims_audit"), keep_default_na=False)
    c030 = claims.set_index("claim_id").loc["C030"]
    assert c030.evidence_class == "paper_table3"  # BGS: 78.1%, outside the 0.5 of "81%"
    assert "Another publisher: BGS 2009 (tungsten, mine): CHN 49,432 t" in c030.evidence
