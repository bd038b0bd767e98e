"""Values of the tidy tables, checked by hand against the vendored source files."""

import csv
import math

import pandas as pd
import pytest

from conftest import REPO, one
from raremetals.core import catalogue
from raremetals.core.io import read_tidy
from raremetals.core.schemas.tidy import TABLE3_CORRECTED


def test_rare_earths_china_2023_mine_production(observations):
    # mcs2024-raree_world.csv line 7: China, Prod_t_est_2023 = 240000
    row = one(
        observations,
        edition="mcs2024",
        commodity="rare_earths",
        country_code="CHN",
        measure="production",
        year=2023,
    )
    assert row.value == 240_000
    assert row.unit == "t" and row.unit_raw == "t"
    assert row.flag == "e"
    assert row.basis == "REO equivalent" and row.stage == "mine"
    assert (row.file, row.row, row.column) == ("mcs2024-raree_world.csv", 7, "Prod_t_est_2023")
    assert row.note == "Production quota; does not include undocumented production."


def test_rare_earths_world_total_is_an_aggregate(observations):
    # line 17: World total (rounded), 2023 = 350000, reserves 110000000
    rows = observations[
        (observations.edition == "mcs2024")
        & (observations.commodity == "rare_earths")
        & (observations.area_type == "world")
    ]
    assert set(rows.country_code) == {"WLD"}
    assert one(rows, measure="production", year=2023).value == 350_000
    assert one(rows, measure="reserves").value == 110_000_000
    assert one(rows, measure="reserves").year == 2023


def test_burma_is_myanmar_and_na_reserves_stay_empty(observations):
    row = one(
        observations,
        edition="mcs2024",
        commodity="rare_earths",
        country_raw="Burma",
        measure="reserves",
    )
    assert row.country_code == "MMR"
    assert math.isnan(row.value) and row.flag == "NA"


def test_thousand_tonnes_are_converted(observations):
    # mcs2024-chrom_world.csv line 5: Kazakhstan, Prod_kt_est_2023 = 6000 (kt)
    row = one(
        observations,
        edition="mcs2024",
        commodity="chromium",
        country_code="KAZ",
        measure="production",
        year=2023,
    )
    assert row.value == 6_000_000 and row.unit_raw == "kt" and row.basis == "gross weight"


def test_kilograms_are_converted(observations):
    # mcs2024-plati_world.csv line 12: South Africa platinum, 2023e 120000 kg, reserves
    # 63000000 kg
    sel = observations[(observations.file == "mcs2024-plati_world.csv") & (observations.row == 12)]
    assert one(sel, year=2023, measure="production").value == 120
    assert one(sel, measure="reserves").value == 63_000


def test_withheld_value_is_not_a_number(observations):
    # mcs2024-lithi_world.csv line 2: United States, W, W
    sel = observations[(observations.file == "mcs2024-lithi_world.csv") & (observations.row == 2)]
    assert one(sel, year=2022, measure="production").flag == "W"
    # the header marks 2023 estimated, but a withheld value is no estimate of a number
    assert one(sel, year=2023, measure="production").flag == "W"
    assert sel[sel.measure == "production"].value.isna().all()
    assert one(sel, measure="reserves").value == 1_100_000


def test_residual_and_footnote(observations):
    # line 11: "Other countries6", reserves 2800000
    row = one(observations, file="mcs2024-lithi_world.csv", row=11, measure="reserves")
    assert (row.country_code, row.area_type) == ("OTH", "residual")
    assert "footnote 6" in row.note and row.value == 2_800_000


def test_estimate_mark_glued_to_country_name(observations):
    # mcs2024-perli_world.csv line 5: "Chinae", 1500 kt
    row = one(observations, file="mcs2024-perli_world.csv", row=5, measure="production", year=2022)
    assert row.country_code == "CHN" and "e" in row.flag.split(";")
    assert row.value == 1_500_000


def test_congo_kinshasa_is_the_drc(observations):
    row = one(observations, file="mcs2024-cobal_world.csv", row=5, measure="production", year=2023)
    assert row.country_code == "COD" and row.value == 170_000


def test_every_world_file_of_every_edition_is_cleaned(observations, built):
    files = {p.name for p in (built / "data/raw").glob("usgs_mcs202*/world/*_world.csv")}
    # MCS 2022 (12), 2023 and 2024 (154) per commodity; MCS 2025 and 2026 one table each
    assert len(files) == 166
    files |= {"MCS2025_World_Data.csv", "MCS2026_Commodities_Data.csv"}
    assert set(observations.file) == files
    assert observations.groupby("edition").file.nunique().to_dict() == {
        "mcs2022": 12,
        "mcs2023": 77,
        "mcs2024": 77,
        "mcs2025": 1,
        "mcs2026": 1,
    }


def test_net_import_reliance_keeps_codes(built):
    nir = pd.read_csv(
        built / catalogue.path("usgs_net_import_reliance"),
        keep_default_na=False,
        na_values={"value": [""]},
    )
    # MCS2024_Fig2 line 20: RARE EARTHS, compounds and metals, >95
    row = one(nir, edition="mcs2024", row=20)
    assert row.commodity == "rare_earths"
    assert (row.value_raw, row.flag, row.value) == (">95", ">", 95)
    assert row.import_source_codes == "CHN;MYS;JPN;EST"


def test_wgi_estimate(built):
    wgi = pd.read_csv(built / catalogue.path("wgi_estimates"))
    # WGIData.csv line 1442: China, CC.EST, 2022 = 0.0159702487289906
    row = one(wgi, country_code="CHN", dimension="CC", year=2022)
    assert row.estimate == pytest.approx(0.0159702487289906, abs=1e-15)
    assert row.row == 1442
    assert set(wgi.dimension) == {"CC", "GE", "PV", "RL", "RQ", "VA"}


def test_table3_as_printed(built):
    t3 = pd.read_csv(
        built / catalogue.path("paper_table3"),
        keep_default_na=False,
        na_values={"value": [""], "rank": [""]},
    )
    assert len(t3) == 180
    world = one(t3, symbol="REE", field="world_production_2009")
    assert world.value == 124_000 and world.country_code == "WLD"
    # read literally: the ×100 slip of the print is kept here, corrected elsewhere
    assert one(t3, symbol="Li", field="reserves_rank", rank=1).value == 750_000_000
    assert one(t3, symbol="REE", field="reserves_rank", rank=2).country_code == "CIS"
    assert one(t3, symbol="Co", field="production_rank", rank=3).area_type == "tie"
    assert one(t3, symbol="V", field="us_import_source_rank", rank=1).country_code == "CZE"


@pytest.mark.parametrize("folder", ["tidy", "stats", "audit"])
def test_data_dictionary_covers_every_column_of_every_table(built, folder):
    dictionary = pd.read_csv(built / "results" / folder / "data_dictionary.csv")
    tables = sorted(
        p for p in (built / "results" / folder).glob("*.csv") if p.name != "data_dictionary.csv"
    )
    assert sorted(set(dictionary.table)) == sorted(p.stem for p in tables)
    for path in tables:
        header = pd.read_csv(path, nrows=0).columns
        assert list(dictionary[dictionary.table == path.stem].column) == list(header)
    assert dictionary.description.str.len().min() > 5


def test_table3_corrections_are_listed_on_their_cells(built):
    t3 = read_tidy(built / catalogue.path("paper_table3_corrected"), TABLE3_CORRECTED)
    chile = one(t3, symbol="Li", field="reserves_rank", rank=1)
    assert (chile.value_printed, chile.value) == (750_000_000, 7_500_000)
    assert chile.correction_id == "T3-01" and chile.evidence_type == "world_total"
    australia_mn = one(t3, symbol="Mn", field="reserves_rank", rank=3)
    assert math.isnan(australia_mn.value) and australia_mn.flag == "inconsistent"
    assert (t3.correction_id != "").sum() == 15
    untouched = t3[t3.correction_id == ""]
    assert untouched.value.equals(untouched.value_printed)


# --- header units the data contradict, and estimate marks in notes (issue 10) --------------


def test_chromium_2021_is_read_in_the_thousand_tons_its_note_states(observations):
    # mcs2023-chrom_world.csv line 6: South Africa 18600 under Prod_t_2021, note "Units are
    # thousand metric tons"; finding U01 of data/corrections/usgs_units.csv
    row = one(
        observations,
        edition="mcs2023",
        commodity="chromium",
        country_code="ZAF",
        measure="production",
        year=2021,
    )
    assert row.value == 18_600_000 and row.value_raw == "18600"
    assert (row.unit_raw, row.unit_applied, row.unit_finding) == ("t", "kt", "U01")


def test_selenium_2023_reserves_are_read_in_tons_as_mcs_2023_gives_them(observations):
    # mcs2024-selen_world.csv line 4: Canada 6000 under Reserves_kt; MCS 2023 line 4: 6000
    # under Reserves_t (finding U05)
    new = one(
        observations,
        edition="mcs2024",
        commodity="selenium",
        country_code="CAN",
        measure="reserves",
    )
    old = one(
        observations,
        edition="mcs2023",
        commodity="selenium",
        country_code="CAN",
        measure="reserves",
    )
    assert new.value == old.value == 6_000
    assert (new.unit_raw, new.unit_applied, new.unit_finding) == ("kt", "t", "U05")
    assert (old.unit_raw, old.unit_applied, old.unit_finding) == ("t", "t", "")


def test_every_cell_of_a_corrected_column_is_corrected(observations):
    counts = observations[observations.unit_finding != ""].groupby("unit_finding").size()
    # chromium 2 x 8 rows, vanadium 7, rhenium 10, selenium 15, talc 16; gypsum is a
    # confirmed revision of one cell. MCS 2025: titanium minerals 23 rows x (2 years of
    # production + reserves) and Sierra Leone's empty unit, 3; molybdenum 14 and vanadium 6
    # reserves; industrial sand 22 rows x 2 years. MCS 2026: vanadium reserves, 7 rows.
    assert counts.to_dict() == {
        "U20": 69,
        "U21": 3,
        "U22": 14,
        "U23": 6,
        "U24": 44,
        "U25": 7,
        "U01": 8,
        "U02": 8,
        "U03": 7,
        "U04": 10,
        "U05": 15,
        "U06": 16,
        "U07": 1,
    }


@pytest.mark.parametrize(
    "where, flagged",
    [
        # mcs2024-lithi_world.csv line 5: Brazil 2630 (2022), note "Also estimated in 2022"
        (dict(edition="mcs2024", commodity="lithium", country_code="BRA", year=2022), True),
        # line 3: Argentina 6590 (2022), no note: reported, not estimated
        (dict(edition="mcs2024", commodity="lithium", country_code="ARG", year=2022), False),
        # mcs2023-heliu_world.csv line 4: Algeria 14 (2021), "Production in 2021 is also
        # estimated"
        (dict(edition="mcs2023", commodity="helium", country_code="DZA", year=2021), True),
        # mcs2024-potas_world.csv line 13: Spain 420 (2022), "Also estimated in 2024", read as
        # 2022 (data/corrections/usgs_note_readings.csv)
        (dict(edition="mcs2024", commodity="potash", country_code="ESP", year=2022), True),
    ],
)
def test_estimate_marks_in_notes_flag_the_year_they_name(observations, where, flagged):
    row = one(observations, measure="production", **where)
    assert ("e" in row.flag.split(";")) is flagged


def test_an_e_glued_to_the_name_marks_production_not_reserves(observations):
    # mcs2024-perli_world.csv line 5: "Chinae", production 1500 (2022), reserves 32000
    prod = one(
        observations,
        edition="mcs2024",
        commodity="perlite",
        country_code="CHN",
        measure="production",
        year=2022,
    )
    res = one(
        observations, edition="mcs2024", commodity="perlite", country_code="CHN", measure="reserves"
    )
    assert prod.flag == "e" and res.flag == ""
    # a code is not a number: no estimate mark on it (line 3: "Argentinae", reserves NA)
    na = one(
        observations, edition="mcs2024", commodity="perlite", country_code="ARG", measure="reserves"
    )
    assert na.flag == "NA"


def test_revisions_between_editions(built):
    rev = pd.read_csv(built / catalogue.path("usgs_revisions"), keep_default_na=False)
    # chromium 2022, South Africa: MCS 2023 18000 (kt, corrected), MCS 2024 19100 kt
    zaf = one(
        rev, commodity="chromium", measure="production", country_code="ZAF", year_earlier=2022
    )
    assert float(zaf.ratio) == pytest.approx(19_100 / 18_000)
    assert zaf.verdict == "unit-corrected" and zaf.unit_findings == "U02"
    # gypsum reserves, Thailand: 1,700 -> 910,000 kt, near 10^3 but a recorded revision
    tha = one(
        rev,
        commodity="gypsum",
        measure="reserves",
        country_code="THA",
        edition_earlier="mcs2023",
    )
    assert (int(tha.scale), tha.verdict) == (3, "confirmed-revision")
    # rare earths 2022, China: 210,000 t in both editions
    chn = one(
        rev, commodity="rare_earths", measure="production", country_code="CHN", year_earlier=2022
    )
    assert chn.verdict == "same" and chn.value_raw_later == "210000"
    assert set(rev.verdict) <= {"same", "revision", "unit-corrected", "confirmed-revision"}


def test_bgs_production_holds_every_row_of_the_exports(built):
    """Worked out from the vendored exports with the csv module alone: BGS's 2009 tungsten
    mine production is 63,310 t over 20 countries, China 49,432 t (no note); its 2009
    rare-earth oxides China 129,400 t, an estimate (note code '*|b'). Every row of every
    export is one row of the tidy table, at its line."""
    import csv

    folder = REPO / "data/raw/bgs_world_mineral_statistics"
    raw = {
        p.name: list(csv.DictReader(p.open(encoding="utf-8", newline="")))
        for p in sorted(folder.glob("*.csv"))
    }
    tidy = pd.read_csv(
        built / catalogue.path("bgs_production"), keep_default_na=False, na_values={"value": [""]}
    )
    assert sorted(tidy.groupby("file").size().items()) == sorted(
        (name, len(rows)) for name, rows in raw.items()
    )
    w2009 = [
        r
        for r in raw["BGS_tungsten_production.csv"]
        if r["year"].startswith("2009") and r["bgs_commodity_trans"] == "tungsten, mine"
    ]
    assert (len(w2009), sum(float(r["quantity"]) for r in w2009)) == (20, 63_310)
    t = tidy[(tidy.series == "tungsten, mine") & (tidy.year == 2009)]
    assert (len(t), t.value.sum(), t.value.notna().all()) == (20, 63_310, True)
    china = one(t, country_code="CHN")
    assert (china.value, china.flag, china.basis) == (49_432, "", "element content")
    ree = one(tidy, series="rare earth oxides", year=2009, country_code="CHN")
    assert (ree.value, ree.flag, ree.basis) == (129_400, "e", "REO equivalent")
    assert ree.note.startswith("Estimates.|Includes production from iron ore extraction")
    # forms are never summed: each lithium form is a series of its own
    li = tidy[(tidy.commodity == "lithium") & (tidy.year == 2009)]
    assert li.groupby("series")["basis"].nunique().eq(1).all() and li.series.nunique() > 3


def test_a_formula_in_a_source_cell_reaches_no_spreadsheet_as_a_formula(built):
    """The clean build's own case (the quota table's note "= 16304 + 5978 ...") and a
    hostile measure title in China's export controls, on a copy: every CSV of results/
    writes them with a leading apostrophe, and the pipeline reads them back unchanged."""
    from conftest import copy_build, run_pipeline

    quotas = (built / "results/tidy/china_ree_export_quotas.csv").read_text(encoding="utf-8")
    assert ",'= 16304 + 5978 (domestic + foreign-invested)," in quotas
    workdir = copy_build(built, "formula")
    path = workdir / "data/china_export_controls_added.csv"
    text = path.read_text(encoding="utf-8")
    hostile = '=HYPERLINK(""http://evil.example/"",""click"")'
    old = "\"Export Control Law of the People's Republic of China (NPC Standing Committee, adopted"
    assert old in text
    path.write_text(text.replace(old + ' 17 October 2020)"', f'"{hostile}"'), encoding="utf-8")
    targets = [
        "results/tidy/china_export_controls.csv",
        "results/tables/china_export_policy.en.csv",
    ]
    proc = run_pipeline(workdir, *targets)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    for target in targets:
        cells = [c for row in csv.reader((workdir / target).open(encoding="utf-8")) for c in row]
        assert "'" + hostile.replace('""', '"') in cells, target
        assert not [c for c in cells if c.startswith(("=", "@"))], target
    controls = catalogue.read("china_export_controls", workdir / targets[0])
    assert hostile.replace('""', '"') in set(controls.instrument)  # read back as written
