"""The faulty inputs the tests make. Most are (file, edit, record the new checksum?,
target, expected message): a bad source file (``CASES``, the edit a function of the text),
a careless one (``CARELESS``, the edit made to the file in place) and a broken invariant
of the USGS files (``BROKEN``, in place). A bad setting (``SETTINGS_CASES``) is (file,
edit, expected message). The tests meet each where its file is read
(tests/unit/test_faults_where_read.py) and those of the ``*_END_TO_END`` lists through
the whole pipeline as well (tests/pipeline/test_bad_input.py, test_numbers_by_rule.py)."""

from __future__ import annotations

import gzip

from conftest import REPO
from raremetals.core import catalogue

RAREE = "data/raw/usgs_mcs2024/world/mcs2024-raree_world.csv"
TUNGS = "data/raw/usgs_mcs2024/world/mcs2024-tungs_world.csv"
CHROM = "data/raw/usgs_mcs2024/world/mcs2024-chrom_world.csv"
UNITS = "data/corrections/usgs_units.csv"
TABLE3 = "data/raw/paper/table3_as_printed.csv"
SIPRI = "data/raw/sipri_milex/sipri_milex_china_usa_japan_2000_2009.csv"
COUNTRY_LINES = len((REPO / "data/countries.csv").read_text(encoding="utf-8").splitlines())
QUOTAS = "data/raw/china_ree_export_quotas/china_ree_export_quotas.csv"
WIND = "data/raw/gwec_wind_2009/gwec_global_wind_2009.csv"
CLAIMS = "data/raw/paper/claims.csv"
OBS = catalogue.path("observations")
CONC = catalogue.path("concentration")


def replace(old: str, new: str):
    def edit(text: str) -> str:
        assert old in text
        return text.replace(old, new, 1)

    return edit


def append_to_row(start: str, cells: str):
    def edit(text: str) -> str:
        row = next(line for line in text.splitlines() if line.startswith(start))
        return text.replace(row, row + cells, 1)

    return edit


def truncate(text: str) -> str:
    return text[: text.index("MCS2024,Vietnam") + len('MCS2024,Vietnam,"Rare earths, mine')]


def duplicate_row(text: str) -> str:
    row = next(line for line in text.splitlines() if line.startswith("MCS2024,India,"))
    return text.replace(row, row + "\n" + row, 1)


# case: (file, edit of its text or bytes, record the new checksum?, target, expected message)
CASES = {
    "a field past the csv module's limit": (
        RAREE,
        replace("MCS2024,India,", "MCS2024," + "India" * 30_000 + ","),
        True,
        OBS,
        "mcs2024-raree_world.csv, row 9: expected a CSV row, found 'field larger than field "
        "limit (131072)'",
    ),
    "empty file": (
        RAREE,
        lambda t: "",
        True,
        OBS,
        "mcs2024-raree_world.csv: expected a non-empty file",
    ),
    "header only": (
        RAREE,
        lambda t: t.splitlines()[0] + "\n",
        True,
        OBS,
        "mcs2024-raree_world.csv: expected a header and at least one data row",
    ),
    "missing column": (
        RAREE,
        replace("Source,Country,Type,", "Source,Country,"),
        True,
        OBS,
        "mcs2024-raree_world.csv: expected a column named 'Type'",
    ),
    "renamed column": (
        RAREE,
        replace("Prod_t_est_2023", "Production_2023"),
        True,
        OBS,
        "mcs2024-raree_world.csv, row 1, column 'Production_2023': expected a "
        "column named like Prod_<unit>[_est]_<year>",
    ),
    "non-numeric value": (
        RAREE,
        replace("210000,240000", "210000,24O000"),
        True,
        OBS,
        "mcs2024-raree_world.csv, row 7, column 'Prod_t_est_2023': expected a non-negative number",
    ),
    "negative production": (
        RAREE,
        replace("210000,240000", "210000,-240000"),
        True,
        OBS,
        "row 7, column 'Prod_t_est_2023': expected a non-negative number, a range "
        "or a USGS code (W, NA, XX, —, Large, ...), found '-240000'",
    ),
    "shares far above the world total": (
        RAREE,
        # 2022: the best series takes it from MCS 2024 (2023 comes from MCS 2025)
        replace("210000,240000", "910000,240000"),
        True,
        CONC,
        "mcs2024-raree_world.csv, row 17: expected country values that fit their total "
        "(listed values sum to 332.3% of the world total",
    ),
    "unknown country": (
        RAREE,
        replace("MCS2024,Burma,", "MCS2024,Freedonia,"),
        True,
        OBS,
        "mcs2024-raree_world.csv, row 5, column 'Country': expected a country "
        "name of ISO 3166 as country_converter spells it",
    ),
    # country_converter's fuzzy matching took this for China; it is refused, with a hint
    "misspelt country": (
        RAREE,
        replace("MCS2024,China,", "MCS2024,Chinaa,"),
        True,
        OBS,
        "row 7, column 'Country': expected a country name of ISO 3166 as "
        "country_converter spells it, or a spelling or aggregate listed in "
        "data/countries.csv (add a row there to map a new spelling) "
        "(nearest: China",
    ),
    "value without a header": (
        RAREE,
        append_to_row("MCS2024,China,", ",99"),
        True,
        OBS,
        "mcs2024-raree_world.csv, row 7, column 'column 45, no header'"
        ": expected no value in a column without a header, found '99'",
    ),
    # 2022 is in both editions: MCS 2023 gives tungsten in t; read as kt it is 1,000 times
    "header unit the other edition contradicts": (
        TUNGS,
        replace("Prod_t_est_2022", "Prod_kt_est_2022"),
        True,
        OBS,
        "expected a value on the scale of mcs2023's mcs2023-tungs_world.csv:",
    ),
    "header unit the note contradicts": (
        CHROM,
        replace("Prod_kt_2022", "Prod_t_2022"),
        True,
        OBS,
        "mcs2024-chrom_world.csv, row 2, column 'Prod_t_2022': expected values in the unit the "
        "row states ('thousand metric tons'), not the header's 't'",
    ),
    "unit finding removed": (
        UNITS,
        lambda t: "\n".join(line for line in t.splitlines() if not line.startswith("U05,")) + "\n",
        False,
        OBS,
        "mcs2024-selen_world.csv, row 4, column 'Reserves_kt': expected a value on the scale "
        "of mcs2023's mcs2023-selen_world.csv:4:Reserves_t (6000)",
    ),
    "two unit findings for one column": (
        UNITS,
        lambda t: (
            t + "U99,mcs2023,mcs2023-vanad_world.csv,Reserves_t,,t,kt,unit-error,"
            "note,the same column again\n"
        ),
        False,
        OBS,
        "usgs_units.csv, row 15, column 'id': expected one finding per cell or column (line 4 "
        "names the same), found 'U99'",
    ),
    "unit finding in an unknown unit": (
        UNITS,
        replace("Reserves_kt,,kt,t,unit-error", "Reserves_kt,,kt,tonnes,unit-error"),
        False,
        OBS,
        "usgs_units.csv, row 6, column 'unit_used': expected a unit of kg, t, kt",
    ),
    "note naming a year the file lacks": (
        RAREE,
        replace(",Production quota;", ",Also estimated in 2021. Production quota;"),
        True,
        OBS,
        "mcs2024-raree_world.csv, row 7, column 'Prod_notes': expected a note naming a "
        "year of the file's production columns (2022, 2023)",
    ),
    "duplicate rows": (
        RAREE,
        duplicate_row,
        True,
        OBS,
        "mcs2024-raree_world.csv, row 10, column 'Country': expected one row "
        "per country and type (row 9 has the same)",
    ),
    "unknown unit": (
        RAREE,
        replace("Prod_t_est_2023", "Prod_lb_est_2023"),
        True,
        OBS,
        "row 1, column 'Prod_lb_est_2023': expected a unit the pipeline knows",
    ),
    # Windows-1252, the usual other encoding; row 2 holds the file's first non-ASCII
    # character (a no-break space)
    "other encoding": (
        RAREE,
        lambda t: t.encode("cp1252"),
        True,
        OBS,
        "mcs2024-raree_world.csv, row 2: expected UTF-8 text, found 'byte 0xa0 that is not UTF-8'",
    ),
    "truncated file": (
        RAREE,
        truncate,
        True,
        OBS,
        "mcs2024-raree_world.csv, row 16: expected a row with all 8 named "
        "columns (a truncated file?), found '3 cells'",
    ),
    "wrong checksum": (
        RAREE,
        replace("210000,240000", "210000,240001"),
        False,
        OBS,
        # the text rewritten (its CRLF line ends read as LF): its size tells, before a hash
        "data/raw/usgs_mcs2024/world/mcs2024-raree_world.csv: expected the vendored file that "
        "data/sources.yaml registers for source 'usgs_mcs2024', of 4,085 bytes",
    ),
    # the compiled tables: a cell the later steps read as a number or a word of a
    # vocabulary, and a row twice
    "SIPRI figure with a thousands separator": (
        SIPRI,
        replace(",2000,military_expenditure,566381,", ',2000,military_expenditure,"566,381",'),
        True,
        catalogue.path("sipri_milex"),
        "sipri_milex_china_usa_japan_2000_2009.csv, row 2, column 'value': expected a number",
    ),
    "SIPRI year twice": (
        SIPRI,
        lambda t: t + t.splitlines()[1] + "\n",
        True,
        catalogue.path("sipri_milex"),
        "row 62: expected one row per country, year, sipri_sheet (the same as row 2), "
        "found 'United States of America, 2000, Constant (2023) US$'",
    ),
    "quota of a period not known": (
        QUOTAS,
        replace("2008,first_batch", "2008,third_quarter"),
        True,
        catalogue.path("china_ree_export_quotas"),
        "china_ree_export_quotas.csv, row 5, column 'period': expected one of full_year, "
        "first_batch, second_batch, H1, H2, found 'third_quarter'",
    ),
    "negative quota": (
        QUOTAS,
        replace(",50000,", ",-50000,"),
        True,
        catalogue.path("china_ree_export_quotas"),
        "row 2, column 'value_t': expected a number: digits with at most one decimal point, "
        "no sign or separator, found '-50000'",
    ),
    "wind capacity in an unknown unit": (
        WIND,
        replace(",158.5,GW", ",158.5,TW"),
        True,
        catalogue.path("gwec_wind_2009"),
        "gwec_global_wind_2009.csv, row 20, column 'unit': expected one of MW, GW, GW per year",
    ),
    "claim id twice": (
        CLAIMS,
        lambda t: t + t.splitlines()[-1] + "\n",
        True,
        catalogue.path("paper_claims"),
        "claims.csv, row 179: expected one row per claim_id (the same as row 178), found 'C177'",
    ),
    "WGI indicator of an economy twice": (
        "data/raw/worldbank_wgi/WGIData.csv",
        lambda t: t + t.splitlines()[1] + "\n",
        True,
        catalogue.path("wgi_estimates"),
        "WGIData.csv, row 7706: expected one row per economy and indicator (the same as "
        "row 2), found 'AFG, CC.EST'",
    ),
    # the project's own reference tables
    "commodity without a Japanese name": (
        "data/commodities.csv",
        replace(",アルミニウム,", ",,"),
        False,
        OBS,
        "data/commodities.csv, row 3, column 'name_ja': expected a cell that is not empty",
    ),
    "country spelling listed twice": (
        "data/countries.csv",
        lambda t: t + t.splitlines()[1] + "\n",
        False,
        OBS,
        # the appended line is the one after the file's last
        f"data/countries.csv, row {COUNTRY_LINES + 1}: expected one row per name (the same "
        "as row 2), found 'World total'",
    ),
    "correction factor in words": (
        "data/corrections/table3_corrections.csv",
        replace(",7500000,0.01,", ",7500000,one hundredth,"),
        False,
        catalogue.path("paper_table3_corrected"),
        "table3_corrections.csv, row 2, column 'factor': expected a number (digits, one "
        "decimal point) or a blank, found 'one hundredth'",
    ),
    "check tolerance in words": (
        "data/audit/claim_checks.csv",
        replace("C009+273.15,0.5,", "C009+273.15,half,"),
        False,
        catalogue.path("claims_audit"),
        "claim_checks.csv, row 2, column 'tolerance': expected a number (digits, one decimal "
        "point) or a blank, found 'half'",
    ),
    "text value of a claim that does not exist": (
        "data/paper_text_values.csv",
        replace("C023,REE", "C999,REE"),
        False,
        CONC,
        "paper_text_values.csv, row 2, column 'claim_id': expected a claim of claims.csv, "
        "found 'C999'",
    ),
    "table 3 number unlike its cell": (
        TABLE3,
        replace('"124,000t",124000', '"124,000t",12400'),
        True,
        catalogue.path("paper_table3"),
        "table3_as_printed.csv, row 156, column 'value_number': expected 124000",
    ),
}


MCS2026 = "data/raw/usgs_mcs2026/MCS2026_Commodities_Data.csv"
MCS2025 = "data/raw/usgs_mcs2025/MCS2025_World_Data.csv"
DS140 = "data/raw/usgs_ds140/ds140-rare-earths-2020.xlsx"
DS140_TIDY = catalogue.path("ds140_rare_earths")
COMTRADE = "data/raw/un_comtrade_extract/comtrade_2024.csv.gz"


def in_text(old: str, new: str, encoding: str = "utf-8"):
    def edit(path):
        text = path.read_bytes().decode(encoding)
        assert old in text
        path.write_bytes(text.replace(old, new, 1).encode(encoding))

    return edit


def in_gzip(old: str, new: str):
    """An edit of the text inside a gzip file, written back compressed."""

    def edit(path):
        text = gzip.decompress(path.read_bytes()).decode("utf-8")
        assert old in text
        path.write_bytes(gzip.compress(text.replace(old, new, 1).encode("utf-8"), mtime=0))

    return edit


def resave_with_openpyxl(path):
    """As a contributor tidying the workbook in Python would: openpyxl keeps formulas and
    drops the values Excel computed for them."""
    from openpyxl import load_workbook

    load_workbook(path).save(path)


def two_codes_for_tungsten(path):
    with open(path, "a", encoding="utf-8") as fh:
        fh.write("tungo,tungsten,Tungsten (ore),タングステン,W,11\n")


# case: (file, edit of the file in place, record its checksum?, target, expected message)
CARELESS = {
    "item 8: a header name given twice": (
        RAREE,
        in_text("Prod_t_est_2022,Prod_t_est_2023", "Prod_t_est_2023,Prod_t_est_2023"),
        True,
        OBS,
        "mcs2024-raree_world.csv, row 1, column 'column 5': expected each column named once "
        "(column 4 has the same name), found 'Prod_t_est_2023'",
    ),
    "item 9: a commodity id twice with other names": (
        "data/commodities.csv",
        two_codes_for_tungsten,
        False,
        OBS,
        "data/commodities.csv, row 80, column 'name_en': expected the same name_en for every "
        "code of commodity 'tungsten' (row 72 gives 'Tungsten'), found 'Tungsten (ore)'",
    ),
    "item 10: carats among metric tons": (
        MCS2026,
        in_text(
            "Tungsten,Bolivia,Production,Mine production,metric tons,2024",
            "Tungsten,Bolivia,Production,Mine production,million carats,2024",
            "cp1252",
        ),
        True,
        OBS,
        "MCS2026_Commodities_Data.csv, row 8209: expected a unit of mass like that of row "
        "8219, the world total of tungsten production 2024 ('Mine production': metric tons), "
        "found 'million carats'",
    ),
    "item 11: a workbook saved without its formulas' values": (
        DS140,
        resave_with_openpyxl,
        True,
        DS140_TIDY,
        "ds140-rare-earths-2020.xlsx, row 107, column 'E': expected a formula's value as "
        "Excel saved it",
    ),
    "issue 23: a Comtrade row repeated with another value": (
        COMTRADE,
        in_gzip(
            "392,710,260200,M,140650044.81,595290000.0\r\n",
            "392,710,260200,M,140650044.81,595290000.0\r\n"
            "392,710,260200,M,140650045.81,595290000.0\r\n",
        ),
        True,
        catalogue.path("comtrade_japan"),
        "comtrade_2024.csv.gz, row 25923, column 'value': expected a repeat of line 25922 to "
        "repeat it exactly (value 140650044.81, netwgt 595290000.0): one row per partner, code "
        "and flow, found 'value 140650045.81, netwgt 595290000.0'",
    ),
    "issue 23: a Comtrade partner code no table knows": (
        COMTRADE,
        in_gzip("392,36,260200,M,", "392,568,260200,M,"),
        True,
        catalogue.path("comtrade_japan"),
        "comtrade_2024.csv.gz, row 25923, column 'partner': expected an M49 partner code of "
        "country_converter's table or one of data/comtrade_partners.csv",
    ),
    "issue 23: a BGS quantity in words": (
        "data/raw/bgs_world_mineral_statistics/BGS_tungsten_production.csv",
        in_text(
            ",49432,Mine production of tungsten,",
            ",forty-nine thousand,Mine production of tungsten,",
        ),
        True,
        catalogue.path("bgs_production"),
        "BGS_tungsten_production.csv, row 955, column 'quantity': expected a quantity in digits "
        "(tonnes), found 'forty-nine thousand'",
    ),
    "item 13: a header year misspelt": (
        RAREE,
        in_text("Prod_t_est_2023", "Prod_t_est_2O23"),
        True,
        OBS,
        "mcs2024-raree_world.csv, row 1, column 'Prod_t_est_2O23': expected a column name "
        "ending in a year of four digits",
    ),
}


# Every fault of tests/faults.py is met where its file is read
# (tests/unit/test_faults_where_read.py); these go through the whole pipeline as well, one
# per stage, to prove the protocol: the message in the build's output, nothing
# half-written in results/, and (CARELESS) nothing written outside the repository and a
# clean rerun after the fix, one per source family.
END_TO_END = [
    "wrong checksum",  # the fetch stage
    "non-numeric value",  # the clean stage: USGS, one file per commodity
    "shares far above the world total",  # the statistics stage
]  # the audit stage's: tests/pipeline/test_audit.py, on a copy of the session's build
CARELESS_END_TO_END = [
    "item 10: carats among metric tons",  # USGS, one long table (MCS 2026)
    "item 11: a workbook saved without its formulas' values",  # DS 140
    "issue 23: a Comtrade row repeated with another value",  # UN Comtrade
    "issue 23: a BGS quantity in words",  # BGS
]


def without_lines(word: str):
    """An edit that removes the lines holding ``word`` (any case)."""

    def edit(path):
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        kept = [line for line in lines if word not in line.lower()]
        assert len(kept) < len(lines)
        path.write_text("".join(kept), encoding="utf-8")

    return edit


# Invariants of the USGS files (issue 21), each broken by one line; the cleaning of the
# USGS files must refuse each
BROKEN = {
    # issue 21, item 7: China vanishing from rare earths 2024 without a word
    "a misspelt statistic": (
        MCS2026,
        in_text(
            "Rare Earths,China,Production,Mine production,metric tons,2024",
            "Rare Earths,China,Productoin,Mine production,metric tons,2024",
            "cp1252",
        ),
        True,
        OBS,
        "expected a statistic of a world section (Production, Capacity, Reserves), "
        "found 'Productoin'",
    ),
    "an unknown section": (
        MCS2026,
        in_text(
            "TANTALUM,World Mine Production and Reserves,Tantalum,United States",
            "TANTALUM,Mine Production and Reserves,Tantalum,United States",
            "cp1252",
        ),
        True,
        OBS,
        "expected a section named 'World ...'",
    ),
    "countries of a series no world total is worded like": (
        MCS2026,
        in_text(
            "Titanium Mineral Concentrates,Australia,Production,Mine production: Ilmenite,",
            "Titanium Mineral Concentrates,Australia,Production,Mine production: Ilmenite ore,",
            "cp1252",
        ),
        True,
        OBS,
        "expected countries of a series that has a world total; 'Mine production: "
        "Ilmenite ore' has none",
    ),
    "two world totals of one series": (
        MCS2025,
        in_text("MCS2025,Indium,Uzbekistan", "MCS2025,Indium,World total", "utf-8-sig"),
        True,
        OBS,
        "expected one world total per series",
    ),
    # MCS 2025's indium reserves repeat MCS 2026's refinery capacity: without the row of
    # data/corrections that says so, the repeat is refused
    "a repeated column without its correction": (
        "data/corrections/usgs_value_issues.csv",
        without_lines("indium"),
        False,
        OBS,
        "MCS2025_World_Data.csv, row 481, column 'RESERVES_2024': expected reserves that "
        "do not repeat another measure; these equal the capacity of mcs2026 ('Refinery "
        "capacity', 2025) for 7 countries",
    ),
}
BROKEN_END_TO_END = ["a misspelt statistic"]


REGISTRY, CONFIG = "data/sources.yaml", "config/config.yaml"
# where the edits below land: the line of the second of two sources of one name (the
# first is worldbank_wgi renamed), the config's first line after its end
_SOURCES = (REPO / REGISTRY).read_text(encoding="utf-8").splitlines()
TWICE_LINE = max(_SOURCES.index(f"  {s}:") for s in ("worldbank_wgi", "sipri_milex")) + 1
APPENDED = len((REPO / CONFIG).read_text(encoding="utf-8").splitlines()) + 1


def append(text: str):
    return lambda t: t + text


# The registry and the config are read before anything runs: (file, edit, message)
SETTINGS_CASES = {
    "sha256 not 64 lowercase hex digits": (
        REGISTRY,
        replace("sha256: eac34d3a", "sha256: EAC34D3A"),
        "data/sources.yaml: expected a valid registry entry (source 'usgs_mcs2023', key "
        "files.0.sha256), found \"'EAC34D3A",
    ),
    "URL without a scheme": (
        REGISTRY,
        replace("url: https://doi.org/10.5066/P9WCYUI6", "url: doi.org/x"),
        "(source 'usgs_mcs2023', key url), found '\\'doi.org/x\\' does not match",
    ),
    "no licence": (
        REGISTRY,
        replace("    licence: CC BY 4.0\n", ""),
        "(source 'worldbank_wgi'), found \"'licence' is a required property\"",
    ),
    "a source registered twice": (
        REGISTRY,
        replace("  worldbank_wgi:", "  sipri_milex:"),
        f'data/sources.yaml: expected valid YAML (line {TWICE_LINE}, column 3), found "the key '
        "'sipri_milex' a second time\"",
    ),
    "registry YAML syntax error": (
        REGISTRY,
        replace("sources:\n", "sources: [\n"),
        "data/sources.yaml: expected valid YAML (line",
    ),
    "config YAML syntax error": (
        CONFIG,
        append("editions: [mcs2023, mcs2024\n"),
        f"config.yaml: expected valid YAML (line {APPENDED + 1}, column 1)",
    ),
    "registry path leaving data/raw": (
        REGISTRY,
        replace("path: data/raw/paper/claims.csv", "path: data/raw/../../workflow/scripts/x.py"),
        "data/sources.yaml: expected a valid registry entry (source 'paper', key files.",
    ),
    "registry absolute path": (
        REGISTRY,
        replace("path: data/raw/paper/claims.csv", "path: /etc/hostname"),
        "\"'/etc/hostname' does not match",
    ),
    "YAML anchor in the registry": (
        REGISTRY,
        replace("    licence: CC BY 4.0\n", "    licence: &l CC BY 4.0\n"),
        "data/sources.yaml: expected plain YAML without anchors or aliases (line",
    ),
    # nine nested aliases stand for 9**9 items: refused before anything expands them
    "YAML alias bomb in the config": (
        CONFIG,
        append(
            "a: &a [x, x, x, x, x, x, x, x, x]\n"
            + "".join(
                f"{c}: &{c} [{', '.join([f'*{p}'] * 9)}]\n" for p, c in zip("abcdefgh", "bcdefghi")
            )
        ),
        f"config.yaml: expected plain YAML without anchors or aliases (line {APPENDED}, column 4), "
        "found '&a'",
    ),
    "config python tag": (
        CONFIG,
        append('x: !!python/object/apply:os.system ["touch pwned"]\n'),
        f"config.yaml: expected valid YAML (line {APPENDED}, column 4), found 'a !!python tag (it "
        "would run code; only plain YAML is read)'",
    ),
}
# one of each file through the pipeline (the rest where the file is read)
SETTINGS_END_TO_END = ["registry path leaving data/raw", "config python tag"]
