"""Schemas of the tables compiled by hand: the paper's claims as printed, and the project's
own reference tables under data/ that a step reads as numbers or keys."""

from __future__ import annotations

import pandera.pandas as pa

from raremetals.core.schemas.columns import (
    A_NUMBER,
    A_YEAR,
    a_date_or_blank,
    as_printed,
    matches,
    one_of,
)
from raremetals.core.vocab import AREA_TYPES

CLAIMS = as_printed(
    "paper_claims",
    {
        "claim_id": "Claim id",
        "section": "Where in the paper (chapter or footnote)",
        "text_ja": "The paper's words (Japanese, exact substring of the text)",
        "text_en": "English translation",
        "subject": "What the claim is about",
        "quantity": "What it measures",
        "value": "The number, normalised (~ for 約, >= for 以上)",
        "unit": "Its unit",
        "year": "Year it refers to ('(implied)' where inferred)",
        "cited_source": "The source the paper cites for it",
    },
    unique=["claim_id"],
)
EXPORT_QUOTAS = as_printed(
    "china_ree_export_quotas",
    {
        "source_id": "Publication the row comes from",
        "year": ("Quota year", A_YEAR),
        "period": (
            "full_year, first_batch, second_batch, H1 or H2",
            one_of(["full_year", "first_batch", "second_batch", "H1", "H2"]),
        ),
        "scope": "Which firms the figure covers, as the source says",
        "value_t": ("Quota in metric tons", A_NUMBER),
        "value_as_printed": "The figure as the source prints it",
        "note": "Compiler's note",
        "source_title": "Title of the publication",
        "url": "Where it was published",
    },
    unique=["year", "period", "scope"],
)
A_DATE_OR_BLANK = a_date_or_blank()
# a measure's status as the compiled table gives it, as of its date (December 2025)
A_STATUS = matches(
    r"in force(?: until \d{4}-\d\d-\d\d)?|suspended until \d{4}-\d\d-\d\d"
    r"|lifted(?: \(.+\))?|n/a \(.+\)",
    "a status: in force [until YYYY-MM-DD], suspended until YYYY-MM-DD, lifted [(what)], n/a (why)",
)
EXPORT_CONTROLS = as_printed(
    "china_export_controls",
    {
        "fact_id": ("The fact's id", matches(r"[A-Z0-9_]+", "an id of capitals, digits, _")),
        "date_announced": ("When the measure was announced", A_DATE_OR_BLANK),
        "date_effective": ("When it took effect", A_DATE_OR_BLANK),
        "instrument": "The announcement, ruling or law, as the page names it",
        "measure": "What it does",
        "items": "The minerals or goods it covers",
        "hs_codes": "HS codes where the page gives them",
        "scope": "To whom it applies",
        "status_as_of_2026": ("Its status as reported to December 2025", A_STATUS),
        "url": "The page that states it",
        "publisher_of_url": "Who published that page",
        "note": "Compiler's note: which page gave which detail",
    },
    unique=["fact_id"],
)
WIND = as_printed(
    "gwec_wind_2009",
    {
        "source_id": "Publication the row comes from",
        "publication": "Publication",
        "region": "World, a region or a country",
        "year": (
            "Year (or period of a forecast)",
            matches(r"(?:19|20)\d\d(?:-(?:19|20)\d\d)?", "a year, or two joined by -"),
        ),
        "measure": "What is counted (annual or cumulative installed capacity, forecasts)",
        "value": "The figure (may carry > )",
        "unit": ("MW, GW or GW per year", one_of(["MW", "GW", "GW per year"])),
        "note": "Compiler's note",
        "url": "Where it was published",
    },
    unique=["source_id", "region", "year", "measure"],
)
MILITARY_EXPENDITURE = as_printed(
    "sipri_milex",
    {
        "source_id": "SIPRI release",
        "country": "Country as SIPRI names it",
        "year": ("Data year", A_YEAR),
        "measure": ("military_expenditure", one_of(["military_expenditure"])),
        "value": ("US$ million", A_NUMBER),
        "unit": "Currency and price base",
        "sipri_sheet": "SIPRI sheet (price base)",
        "note": "SIPRI notes",
        "repo": "Repository of the JSON export",
        "path": "File in that repository",
        "commit": "Commit of that repository",
    },
    unique=["country", "year", "sipri_sheet"],
)
REE_SECONDARY = as_printed(
    "ree_2009_secondary",
    {
        "source_id": "Publication the row comes from",
        "commodity": "Commodity",
        "country": "Country or aggregate",
        "year": "Data year",
        "measure": "What is stated",
        "value": "The figure as stated",
        "unit": "Its unit",
        "basis": "REO or not stated",
        "note": "Quotation or compiler's note",
        "url": "Where it was published",
    },
)

# The project's own reference tables under data/ that a step reads as numbers or keys.
FILLED = matches(r".*\S.*", "a cell that is not empty")
A_NUMBER_OR_BLANK = matches(
    r"(?:\d+(?:\.\d+)?)?", "a number (digits, one decimal point) or a blank"
)
# the audit puts a note after its evidence with ". " (audit.evidence, key note)
A_CLAUSE = matches(r"(?:.*[^.\s])?", "a note that does not end in a full stop or a space")
COMMODITY_NAMES = as_printed(
    "commodities",
    {
        "usgs_code": ("USGS file code", FILLED),
        "commodity": ("Commodity id", FILLED),
        "name_en": ("English name", FILLED),
        "name_ja": ("Japanese name", FILLED),
        "symbol": "Symbol as the paper uses it",
        "paper_order": ("Row of the paper's Table 3", matches(r"\d*", "a row number or a blank")),
        "^name_[a-z]+$": ("Name in a further language", FILLED),
    },
    unique=["usgs_code"],
)
COUNTRY_NAMES = as_printed(
    "countries",
    {
        "name": ("A spelling the sources use", FILLED),
        "code": ("ISO3 or aggregate code", FILLED),
        "area_type": ("Kind of place", one_of(AREA_TYPES)),
        "country": ("Name written in the tables", FILLED),
        "note": "Why",
    },
    unique=["name"],
)
TABLE3_CORRECTIONS = as_printed(
    "table3_corrections",
    {
        "correction_id": ("Correction id", FILLED),
        "symbol": ("Metal as the paper names it", FILLED),
        "field": ("Cell of Table 3", FILLED),
        "rank": ("Rank of the cell", matches(r"\d*", "a rank or a blank")),
        "printed_value": ("The value printed in the cell", A_NUMBER),
        "corrected_value": ("The right value; blank removes it", A_NUMBER_OR_BLANK),
        "factor": ("corrected_value / printed_value", A_NUMBER_OR_BLANK),
        "status": ("unit-slip or inconsistent", one_of(["unit-slip", "inconsistent"])),
        "evidence_type": (
            "What shows it",
            one_of(["paper_text", "world_total", "cross_cell_arithmetic", "vendored_source"]),
        ),
        "evidence": ("The evidence in words", FILLED),
    },
    unique=["correction_id"],
)
CLAIM_CHECKS = as_printed(
    "claim_checks",
    {
        "claim_id": ("Claim of data/raw/paper/claims.csv", FILLED),
        "method": ("How to recompute it (raremetals.audit.checks.METHODS, or none)", FILLED),
        "args": "The method's arguments (key=value;...)",
        "tolerance": ("Tolerance where the default will not do", A_NUMBER_OR_BLANK),
        "on_fail": (
            "Status if the data disagree; not-checkable where the data measure another "
            "thing than the claim states, so that they cannot refute it (evidence only)",
            pa.Check.isin(
                ["", "mismatch", "inconsistent", "unit-slip", "not-checkable"],
                error="mismatch, inconsistent, unit-slip, not-checkable or a blank",
            ),
        ),
        "note": ("Why, in words", A_CLAUSE),
    },
    unique=["claim_id"],
)
ELEMENT_VALUES = as_printed(
    "element_values",
    {
        "symbol": ("Element symbol", FILLED),
        "property": (
            "melting_point or boiling_point",
            one_of(["melting_point", "boiling_point"]),
        ),
        "unit": ("C or K", one_of(["C", "K"])),
        "low": ("The value less the uncertainty its publisher states", A_NUMBER),
        "high": ("The value plus that uncertainty", A_NUMBER),
        "as_published": ("The figure as the page gives it", FILLED),
        "publisher": ("Who published it, and through which page", FILLED),
        "url": ("The page it is read from", FILLED),
        "note": "Why it is here",
    },
    unique=["symbol", "property", "publisher"],
)
PAPER_TEXT_VALUES = as_printed(
    "paper_text_values",
    {
        "claim_id": ("Claim of data/raw/paper/claims.csv", FILLED),
        "symbol": ("Metal as the paper names it", FILLED),
        "measure": ("production or reserves", one_of(["production", "reserves"])),
        "country_code": ("ISO3 code", matches(r"[A-Z]{3}", "an ISO3 code")),
        "note": "Where the text gives it",
    },
    unique=["claim_id"],
)
