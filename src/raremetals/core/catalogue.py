"""The catalogue of tables: every table the pipeline writes or reads by name, with its
path, the schema that checks it, the rule that makes it and what it holds.

The workflow's rules take their output paths from here, the figures and the report read
tables by name, the data dictionaries list the schemas of a stage, and the tests find
the tables they check; nothing else spells these paths out.

Paths are relative to the folder the pipeline runs in. Schemas are named, not imported,
so that listing the catalogue does not load pandera.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Table:
    name: str
    stage: str  # tidy, stats or audit (a folder of results/), or data (an input)
    rule: str  # the rule that writes it ("" for an input)
    schema: str  # attribute of raremetals.core.schemas ("" when the table has none)
    description: str
    # the source a compiled table is cleaned from (clean_compiled_table)
    source: str = ""

    @property
    def path(self) -> str:
        if self.stage == "data":
            return f"data/{self.name}.csv"
        return f"results/{self.stage}/{self.name}.csv"


TABLES: dict[str, Table] = {
    t.name: t
    for t in (
        Table(
            "observations",
            "tidy",
            "clean_usgs_world",
            "OBSERVATIONS",
            "USGS world production and reserves, every edition, one row per cell",
        ),
        Table(
            "usgs_row_accounting",
            "tidy",
            "clean_usgs_world",
            "USGS_ROW_ACCOUNTING",
            "Every cell and row of the USGS world tables: the distribution it is in, or why none",
        ),
        Table(
            "usgs_revisions",
            "tidy",
            "clean_usgs_world",
            "USGS_REVISIONS",
            "Values two USGS editions give for the same country, commodity and year",
        ),
        Table(
            "usgs_values_by_edition",
            "tidy",
            "clean_usgs_world",
            "usgs_values_by_edition",
            "Each commodity, country, measure and year with its value in every USGS edition",
        ),
        Table(
            "usgs_best_series",
            "tidy",
            "clean_usgs_world",
            "USGS_BEST_SERIES",
            "USGS world observations, each commodity, measure and year from the latest edition",
        ),
        Table(
            "bgs_production",
            "tidy",
            "clean_bgs",
            "BGS_PRODUCTION",
            "BGS World Mineral Statistics: production by country, 1971-2023, a series per "
            "form and basis",
        ),
        Table(
            "comtrade_japan",
            "tidy",
            "clean_comtrade",
            "COMTRADE_TRADE",
            "UN Comtrade (a third party's extract), 2024: Japan's trade by partner and HS6 code",
        ),
        Table(
            "eu_crm_scores",
            "tidy",
            "clean_eu_crm",
            "EU_CRM_SCORES",
            "EU criticality assessments 2011-2023: supply risk and economic importance "
            "(a third party's transcription)",
        ),
        Table(
            "eu_supply_shares_2023",
            "tidy",
            "clean_eu_crm",
            "EU_SUPPLY_SHARES",
            "EU 2023 report: global supply shares by material, stage and country",
        ),
        Table(
            "eu_crm_2010",
            "tidy",
            "clean_eu_crm",
            "EU_CRM_2010",
            "The 14 critical raw materials of 2010, from the Commission's 2014 report (PDF)",
        ),
        Table(
            "ds140_rare_earths",
            "tidy",
            "clean_ds140",
            "DS140",
            "USGS Data Series 140, rare earths 1900-2020: US supply, unit value, world production",
        ),
        Table(
            "usgs_net_import_reliance",
            "tidy",
            "clean_net_import_reliance",
            "NET_IMPORT_RELIANCE",
            "US net import reliance, every edition and 2009",
        ),
        Table(
            "wgi_estimates",
            "tidy",
            "clean_wgi",
            "WGI",
            "World Bank governance estimates by economy and year",
        ),
        Table("paper_table3", "tidy", "clean_table3", "TABLE3", "The paper's Table 3 as printed"),
        Table(
            "paper_table3_corrected",
            "tidy",
            "correct_table3",
            "TABLE3_CORRECTED",
            "Table 3 with its corrections applied cell by cell",
        ),
        Table(
            "paper_claims",
            "tidy",
            "clean_compiled_table",
            "CLAIMS",
            "Every numeric claim of the paper's text",
            source="paper",
        ),
        Table(
            "china_ree_export_quotas",
            "tidy",
            "clean_compiled_table",
            "EXPORT_QUOTAS",
            "China's rare-earth export quotas 2005-2011",
            source="china_ree_export_quotas",
        ),
        Table(
            "china_export_controls",
            "tidy",
            "clean_export_controls",
            "EXPORT_CONTROLS",
            "China's export measures after the quotas, 2012-2025, and the project's additions",
            source="china_export_controls",
        ),
        Table(
            "gwec_wind_2009",
            "tidy",
            "clean_compiled_table",
            "WIND",
            "Wind capacity, GWEC Global Wind 2009 Report",
            source="gwec_wind_2009",
        ),
        Table(
            "sipri_milex",
            "tidy",
            "clean_compiled_table",
            "MILITARY_EXPENDITURE",
            "Military expenditure, SIPRI",
            source="sipri_milex",
        ),
        Table(
            "ree_2009_secondary",
            "tidy",
            "clean_compiled_table",
            "REE_SECONDARY",
            "Rare-earth figures for 2009 from secondary sources",
            source="ree_2009_secondary",
        ),
        Table(
            "concentration",
            "stats",
            "concentration",
            "CONCENTRATION",
            "Concentration of every distribution (shares, HHI range, entropy, WGI-weighted)",
        ),
        Table(
            "country_shares",
            "stats",
            "concentration",
            "COUNTRY_SHARES",
            "Each country's share of every distribution",
        ),
        Table(
            "reserves_to_production",
            "stats",
            "concentration",
            "RESERVES_TO_PRODUCTION",
            "Reserves over production, world and by country",
        ),
        Table(
            "paper_metals_comparison",
            "stats",
            "concentration",
            "paper_comparison",
            "The paper's twelve metals, 2009 against the latest year",
        ),
        Table(
            "bgs_long_run",
            "stats",
            "bgs_long_run",
            "BGS_LONG_RUN",
            "China's share and the HHI of production from BGS, year by year (1971-2023)",
        ),
        Table(
            "usgs_bgs_comparison",
            "stats",
            "second_source",
            "USGS_BGS",
            "USGS against BGS: world totals, China's share and the leader, 2009 and 2020-2023",
        ),
        Table(
            "japan_imports",
            "stats",
            "japan_imports",
            "JAPAN_IMPORTS",
            "Japan's three largest sources in 2024 by value and weight (UN Comtrade), beside "
            "Table 3's 2009",
        ),
        Table(
            "eu_scores_against_hhi",
            "stats",
            "eu_view",
            "EU_SCORES_AGAINST_HHI",
            "The EU's supply-risk scores 2011-2023 beside the pipeline's governance-weighted "
            "HHI of the year nearest each assessment's window",
        ),
        Table(
            "eu_rank_correlation",
            "stats",
            "eu_view",
            "EU_CORRELATION",
            "Spearman's rank correlation of the EU's supply risk and the pipeline's hhi_wgi, "
            "per assessment",
        ),
        Table(
            "eu_supply_shares_against_usgs",
            "stats",
            "eu_view",
            "EU_SHARES_AGAINST_USGS",
            "The EU 2023 report's global extraction shares against the pipeline's 2020 "
            "production shares",
        ),
        Table(
            "concentration_series",
            "stats",
            "concentration",
            "CONCENTRATION_SERIES",
            "China's share, CR1/CR3 and the HHI range per commodity, measure and year: "
            "2009 and 2020-2025",
        ),
        Table(
            "japan_import_dependency_2009",
            "stats",
            "dependency",
            "JAPAN_DEPENDENCY",
            "Japan's import sources, Table 3, 2009",
        ),
        Table(
            "us_import_reliance",
            "stats",
            "dependency",
            "US_IMPORT_RELIANCE",
            "US net import reliance, 2009 and the latest edition",
        ),
        Table(
            "usgs_peer_check",
            "audit",
            "audit_usgs_peer",
            "USGS_PEER_CHECK",
            "What the USGS states of its world tables against the pipeline's numbers",
        ),
        Table(
            "table3_against_bgs",
            "audit",
            "audit_against_bgs",
            "TABLE3_AGAINST_BGS",
            "Table 3's 2009 production (world and top three) against BGS, cell by cell",
        ),
        Table(
            "claims_audit",
            "audit",
            "audit",
            "CLAIMS_AUDIT",
            "Every claim of the paper with a status and evidence",
        ),
        Table(
            "table3_errata",
            "audit",
            "audit",
            "TABLE3_ERRATA",
            "Every Table 3 cell with its erratum status",
        ),
        Table(
            "commodities",
            "data",
            "",
            "",
            "Commodity ids, USGS codes, names in each language and the paper's order",
        ),
        Table("elements", "data", "", "", "Every element with the paper's Table 1 mark"),
        Table(
            "long_run_series",
            "data",
            "",
            "",
            "Which BGS series stands for a metal in the long run, from which year, or why none",
        ),
        Table("eu_materials", "data", "", "", "Which EU material stands beside which commodity"),
        Table("eu_assessments", "data", "", "", "The data years each EU assessment averages"),
        Table(
            "china_export_measures",
            "data",
            "",
            "",
            "The kind and a short name, in each language, of every measure of China's "
            "export-controls table",
        ),
        Table("china_export_controls_added", "data", "", "", "Export measures, with their pages"),
        Table(
            "japan_import_codes",
            "data",
            "",
            "",
            "Which HS6 code stands for each of the twelve metals in the trade data, and why "
            "only as a proxy, or why none",
        ),
    )
}

STAGES = ("tidy", "stats", "audit")


def path(name: str) -> str:
    return TABLES[name].path


def of_rule(rule: str) -> dict[str, str]:
    """Output name -> path of every table a rule writes."""
    return {t.name: t.path for t in TABLES.values() if t.rule == rule}


def of_stage(stage: str) -> list[Table]:
    return [t for t in TABLES.values() if t.stage == stage]


def schema(name: str, **settings):
    """The schema of a table. One whose columns follow a setting of the build (the USGS
    editions it reads, the comparison's middle year) is a function of that setting, and
    made for the value ``settings`` give it (``editions=[...]``, ``middle_year=2023``)."""
    import inspect

    from raremetals.core import schemas

    found = getattr(schemas, TABLES[name].schema)
    if not inspect.isfunction(found):
        return found
    wanted = list(inspect.signature(found).parameters)
    missing = [w for w in wanted if w not in settings]
    if missing:
        raise TypeError(f"the schema of {name} is made for a value of {', '.join(missing)}")
    return found(**{w: settings[w] for w in wanted})


def read(name: str, path: str | None = None):
    """Read a table of the catalogue (from ``path`` if given): a results table checked
    against its schema (made for the build settings its header shows), an input as text
    cells."""
    from raremetals.core.io import read_reference, read_tidy

    table = TABLES[name]
    where = path or table.path
    if not table.schema:
        return read_reference(where)
    import csv

    from raremetals.core.schemas import settings_in_header

    with open(where, encoding="utf-8", newline="") as fh:
        header = next(csv.reader(fh), [])
    return read_tidy(where, schema(name, **settings_in_header(header)))
