"""Schemas of the EU's critical raw materials assessments, as read and as set beside the
pipeline's statistics."""

from __future__ import annotations

import pandera.pandas as pa

from raremetals.core.schemas.columns import FLAG_RE, PLACE, PROVENANCE, SHARE, number, text

_SOURCE = text("Source id in data/sources.yaml (eu_crm_assessments)")

EU_CRM_SCORES = pa.DataFrameSchema(
    {
        "source_id": _SOURCE,
        "material": text(
            "The material as the EU names it (HREEs, LREEs: heavy, light rare earths)"
        ),
        "assessment": pa.Column(
            int, pa.Check.isin([2011, 2014, 2017, 2020, 2023]), description="Year of the assessment"
        ),
        "supply_risk": number("Supply risk (SR); empty where not assessed"),
        "economic_importance": number("Economic importance (EI); empty where not assessed"),
        "flag": text("NA: not assessed ('-')", checks=pa.Check.str_matches(FLAG_RE)),
        **PROVENANCE,
    },
    strict=True,
    ordered=True,
    name="eu_crm_scores",
    unique=["material", "assessment"],
)

EU_SUPPLY_SHARES = pa.DataFrameSchema(
    {
        "source_id": _SOURCE,
        "material": text("The material as the EU names it"),
        "stage": text(
            "extraction or processing", checks=pa.Check.isin(["extraction", "processing"])
        ),
        **PLACE,
        "country_raw": text("Country as the transcription names it"),
        "share": number("Share of global supply, 2023 report; empty for a bound", checks=SHARE),
        "share_raw": text("As printed ('12.3%', '<0.1%')"),
        "flag": text(
            "'<': below the printed share, no number", checks=pa.Check.str_matches(FLAG_RE)
        ),
        **PROVENANCE,
    },
    strict=True,
    ordered=True,
    name="eu_supply_shares_2023",
    unique=["material", "stage", "country_code"],
)

EU_CRM_2010 = pa.DataFrameSchema(
    {
        "source_id": _SOURCE,
        "material": text("A critical raw material of the 2010 report, as the 2014 report lists it"),
        "listed_in": pa.Column(int, description="The report whose list it is (2010)"),
        "table": text("The 2014 report's table that lists it"),
        "file": text("The report (PDF)"),
        "page": pa.Column(int, pa.Check.ge(1), description="Its page"),
    },
    strict=True,
    ordered=True,
    name="eu_crm_2010",
    unique=["material"],
)

EU_SCORES_AGAINST_HHI = pa.DataFrameSchema(
    {
        "material": text("The EU's material (data/eu_materials.csv)"),
        "commodity": text("The pipeline's commodity standing beside it"),
        "assessment": pa.Column(int, description="Year of the EU assessment"),
        "supply_risk": number("The EU's supply risk (SR); empty where not assessed"),
        "economic_importance": number("The EU's economic importance (EI)"),
        "data_first": pa.Column(
            int, description="First data year the assessment averages (data/eu_assessments.csv)"
        ),
        "data_last": pa.Column(int, description="Last data year it averages"),
        "pipeline_year": pa.Column(
            "Int64",
            nullable=True,
            description="The pipeline's year of the metal nearest that window",
        ),
        "years_off": pa.Column(
            "Int64", nullable=True, description="Years between that year and the window (0: inside)"
        ),
        "pipeline_source": text("Dataset and edition of the pipeline's figure"),
        "hhi_wgi": number(
            "The pipeline's governance-weighted HHI of production (sum of s^2 x WGI, 0-10)"
        ),
        "wgi_year": pa.Column("Int64", nullable=True, description="WGI year used"),
        "sr_rank": number("Rank of supply_risk within the assessment (1: highest; ties averaged)"),
        "hhi_wgi_rank": number("Rank of hhi_wgi within the assessment"),
        "note": text("What stands beside what (data/eu_materials.csv)"),
        "file": text("The EU scores' file"),
        "row": pa.Column(int, description="Its line"),
    },
    strict=True,
    ordered=True,
    name="eu_scores_against_hhi",
)

EU_CORRELATION = pa.DataFrameSchema(
    {
        "assessment": pa.Column(int, description="Year of the EU assessment"),
        "pipeline_years": text("The pipeline's years set beside it, joined by ';'"),
        "max_years_off": pa.Column(int, description="The most years one lies outside the window"),
        "n_materials": pa.Column(
            int, description="Materials with both numbers, a metal counted once"
        ),
        "spearman_rho": number(
            "Spearman's rank correlation of SR and hhi_wgi, each metal once: where two EU "
            "materials stand for one metal (heavy and light rare earths), the one of the "
            "higher supply risk",
            checks=pa.Check.in_range(-1, 1),
        ),
        "spearman_rho_other": number(
            "The same with the other of such a pair (empty where there is none)",
            checks=pa.Check.in_range(-1, 1),
        ),
        "counted_once": text("Which of a pair the headline counts, and which the other"),
        "materials": text("The materials of the headline, joined by ';'"),
    },
    strict=True,
    ordered=True,
    name="eu_rank_correlation",
)

EU_SHARES_AGAINST_USGS = pa.DataFrameSchema(
    {
        "commodity": text("The pipeline's commodity"),
        "material": text("The EU's material"),
        "usgs_year": pa.Column(
            "Int64", nullable=True, description="The pipeline's year nearest the report's window"
        ),
        "eu_china_share": number("China's share of extraction, EU 2023 report", checks=SHARE),
        "eu_china_flag": text(
            "'<': below the printed share; 'not listed': China not in the EU's list"
        ),
        "eu_leader": text("The EU's largest producer (ISO3)"),
        "eu_leader_share": number("Its share", checks=SHARE),
        "usgs_source": text("Dataset and edition of the pipeline's figure"),
        "usgs_china_share": number("China's share of production, pipeline (USGS)", checks=SHARE),
        "usgs_leader": text("The pipeline's largest producer (ISO3)"),
        "usgs_leader_share": number("Its share", checks=SHARE),
        "china_points": number("usgs_china_share - eu_china_share, in points"),
        "same_leader": pa.Column(bool, description="Whether both name the same largest producer"),
        "note": text("What is compared, or why nothing is"),
        "eu_file": text("The EU shares' file"),
        "eu_rows": text("Its lines for the material's extraction, joined by ';'"),
    },
    strict=True,
    ordered=True,
    name="eu_supply_shares_against_usgs",
)

EU_CRITICALITY = pa.DataFrameSchema(
    {
        "material": text("The EU's material (the transcription's name)"),
        "commodity": text("The paper's metal it stands beside (data/eu_materials.csv)"),
        "assessment": pa.Column(int, description="The EU's assessment (2011-2023)"),
        "supply_risk": number("Supply risk, as the transcription gives it"),
        "economic_importance": number("Economic importance (rescaled from 2017 on)"),
        "sr_threshold": number("Supply risk threshold of the assessment's method"),
        "ei_threshold": number("Economic importance threshold (5 to 2014, 2.8 from 2017)"),
        "critical": pa.Column(bool, description="Both thresholds reached"),
        "listed": pa.Column(bool, description="The published list names the material"),
        "file": text("The transcription's file"),
        "row": pa.Column(int, description="Its line"),
    },
    strict=True,
    ordered=True,
    name="eu_criticality",
)

EU_THRESHOLD_CHECK = pa.DataFrameSchema(
    {
        "assessment": pa.Column(int, description="The EU's assessment"),
        "sr_threshold": number("Supply risk threshold (data/eu_thresholds.csv)"),
        "ei_threshold": number("Economic importance threshold"),
        "scored": pa.Column(int, description="Materials the transcription scores"),
        "reach_both": pa.Column(int, description="Of them, those reaching both thresholds"),
        "listed": pa.Column(int, description="Materials on the published list"),
        "reach_not_listed": text("Reaching both, not on the list (; between names)"),
        "listed_not_reaching": text("On the list, not reaching both"),
    },
    strict=True,
    ordered=True,
    name="eu_threshold_check",
)
