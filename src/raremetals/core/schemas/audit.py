"""Schemas of the audit's tables under results/audit/."""

from __future__ import annotations

import pandera.pandas as pa

from raremetals.core.schemas.columns import PROVENANCE, number, text

CLAIMS_AUDIT = pa.DataFrameSchema(
    {
        **{
            k: text(d)
            for k, d in (
                ("claim_id", "Claim id (data/raw/paper/claims.csv)"),
                ("section", "Where in the paper (chapter or footnote)"),
                ("text_ja", "The paper's words (Japanese, exact)"),
                ("text_en", "English translation"),
                ("subject", "What the claim is about"),
                ("quantity", "What it measures"),
                ("value", "The number as the claim states it (~ for 約, >= for 以上)"),
                ("unit", "Its unit"),
                ("year", "Year it refers to"),
            )
        },
        "method": text("How it was checked (data/audit/claim_checks.csv); empty if not"),
        "recomputed": text("The value recomputed from the data"),
        "tolerance": text(
            "Half the printed precision (the values that round half up to the "
            "claim lie within it), or the check's own tolerance, in the "
            "claim's unit"
        ),
        "sources": text("file:row of every value the check read"),
        "status": text(
            "match, consistent (a bound the data satisfy), mismatch, "
            "inconsistent, unit-slip or not-checkable",
            checks=pa.Check.isin(
                ["match", "consistent", "mismatch", "inconsistent", "unit-slip", "not-checkable"]
            ),
        ),
        "evidence": text("One sentence of evidence, or which source would check it"),
        "evidence_class": text(
            "What the verdict rests on: independent (a source independent of the paper), "
            "paper_table3 (the paper's own Table 3), paper_text (the paper's other "
            "numbers), correction_from_claim (a Table 3 cell whose correction was derived "
            "from a claim: the paper against itself), none (not checkable)",
            checks=pa.Check.isin(
                ["independent", "paper_table3", "paper_text", "correction_from_claim", "none"]
            ),
        ),
    },
    strict=True,
    name="claims_audit",
)

TABLE3_ERRATA = pa.DataFrameSchema(
    {
        "symbol": text("Metal as the paper names it"),
        "commodity": text("Commodity id"),
        "field": text("Cell of Table 3"),
        "rank": number("Rank printed in the cell"),
        "country_code": text("ISO3 or aggregate code"),
        "country_ja": text("Country as printed"),
        "value_as_printed": text("Cell as printed"),
        "value_printed": number("The printed value read literally (t or %)"),
        "value_corrected": number("The value after correction (t or %); empty if removed"),
        "unit": text("t or %"),
        "status": text(
            "ok, blank, unit-slip, inconsistent, format or text-conflict",
            checks=pa.Check.isin(
                ["ok", "blank", "unit-slip", "inconsistent", "format", "text-conflict"]
            ),
        ),
        "correction_id": text("Correction applied (data/corrections/table3_corrections.csv)"),
        "evidence_type": text(
            "paper_text, world_total, cross_cell_arithmetic, vendored_source or print"
        ),
        "evidence": text("The evidence in words"),
        "claims": text("Claims of the text that disagree with this cell"),
        **PROVENANCE,
    },
    strict=True,
    name="table3_errata",
)

# a production cell of Table 3, as the tables that set it beside other publishers name it
TABLE3_CELL = {
    "commodity": text("Commodity id"),
    "field": text("The Table 3 cell: world_production_2009 or production_rank"),
    "rank": pa.Column("Int64", nullable=True, description="Table 3's rank (empty: world)"),
    "country_code": text("ISO3 (WLD: the world); a tie Table 3 prints as one cell: a row each"),
    "table3_value": number("Table 3's figure (corrected), in unit", nullable=False),
    "unit": text("Unit (t)"),
}


# a sentence kept as the audit writes it in every language (audit.evidence.to_json)
def said(of: str):
    return text(f"The sentence of {of} as JSON (key and fields), which each language writes")


TABLE3_AGAINST_BGS = pa.DataFrameSchema(
    {
        **TABLE3_CELL,
        "bgs_series": text("The BGS series standing for the metal (data/long_run_series.csv)"),
        "bgs_basis": text("What the BGS series weighs"),
        "usgs_basis": text(
            "What USGS weighs for the metal (its production rows, usgs_best_series.csv)"
        ),
        "bgs_value": number("BGS's 2009 figure: the country's, or the countries' sum for WLD"),
        "bgs_flag": text("BGS's flag on it (e: estimate)"),
        "bgs_rank": pa.Column("Int64", nullable=True, description="The country's rank in BGS"),
        "ratio": number("table3_value / bgs_value"),
        "agreement": text(
            "agree (within 5%), close (within 20%), differ, bases differ, no series, not in BGS",
            checks=pa.Check.isin(
                ["agree", "close", "differ", "bases differ", "no series", "not in BGS"]
            ),
        ),
        "why": text("What the rows show of why the two differ (vintage, estimate, coverage)"),
        "why_said": said("why"),
        "table3_file": text("Table 3's file"),
        "table3_row": pa.Column(int, description="Its line"),
        "bgs_file": text("BGS's export (empty for a sum or no figure)"),
        "bgs_row": pa.Column("Int64", nullable=True, description="Its line"),
    },
    strict=True,
    ordered=True,
    name="table3_against_bgs",
)

_CLASSES = ["agree", "close", "differ", "bases differ", "no series", "not in BGS", "not in WMD"]
TABLE3_THREE_WAYS = pa.DataFrameSchema(
    {
        **TABLE3_CELL,
        "usgs_basis": text("What USGS weighs for the metal (its production rows)"),
        "bgs_value": number("BGS's 2009 figure (audit/table3_against_bgs.csv)"),
        "bgs_flag": text("BGS's flag on it (e: estimate)"),
        "bgs_agreement": text(
            "Table 3 against BGS, as table3_against_bgs.csv classes it",
            checks=pa.Check.isin(_CLASSES),
        ),
        "bgs_why": text("Why Table 3 and BGS differ, as table3_against_bgs.csv says"),
        "bgs_why_said": said("bgs_why"),
        "wmd_volume": pa.Column("Int64", nullable=True, description="WMD's best volume for 2009"),
        "wmd_basis": text("What WMD weighs, as the volume's definitions state"),
        "wmd_content_of": text("The element whose content WMD weighs (empty: gross weight)"),
        "wmd_value": number(
            "WMD's 2009 figure: the country's (Russia's parts summed), or the Total"
        ),
        "wmd_flag": text("WMD's remark: empty reported, e estimate, provisional"),
        "wmd_source": text("Whom WMD takes the figure from (its remark's letter)"),
        "wmd_rank": pa.Column("Int64", nullable=True, description="The country's rank in WMD"),
        "wmd_ratio": number("table3_value / wmd_value"),
        "wmd_agreement": text(
            "agree (within 5%), close (within 20%), differ, bases differ, no series, not in WMD",
            checks=pa.Check.isin(_CLASSES),
        ),
        "wmd_why": text("What the rows show of why Table 3 and WMD differ"),
        "wmd_why_said": said("wmd_why"),
        "wmd_where": text("WMD's page and line (tidy/wmd_volumes.csv), or its Total"),
        "bgs_wmd_agreement": text(
            "BGS against WMD where both compare with Table 3 (same classes); else empty",
            checks=pa.Check.isin(["", "agree", "close", "differ"]),
        ),
        "table3_file": text("Table 3's file"),
        "table3_row": pa.Column("Int64", description="Its line"),
    },
    strict=True,
    ordered=True,
    name="table3_three_ways",
)
