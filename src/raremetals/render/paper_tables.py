"""The tables the rule ``tables`` writes, listed once: their names (the rule's outputs)
and how each is made from its inputs, in every language of the build.

Each is ``<table>.<language>``, in CSV, Markdown, LaTeX and HTML; Table 3 as printed is in
the paper's language alone."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the workflow reads the names at every start: no pandas for them
    import pandas as pd

    from raremetals.core.text import Language
    from raremetals.render.tables import Table

# (table, made in every language of the build, or in the paper's alone)
LISTED = (
    ("table1_rare_metals", True),
    ("table3_as_printed", False),
    ("table3_corrected", True),
    ("china_export_policy", True),
    ("processing_stage", True),
    ("horizon", True),
)
PAPER_LANGUAGE = "ja"


def names(languages: list[str]) -> list[str]:
    """Every table the rule writes, as ``<table>.<language>``."""
    return [
        f"{table}.{code}"
        for table, every in LISTED
        for code in (languages if every else [PAPER_LANGUAGE])
    ]


def make(inputs: dict[str, pd.DataFrame], languages: dict[str, Language], evidence: dict) -> dict:
    """name -> Table of every table ``names`` lists. ``inputs``: the catalogue's tables
    paper_table3_corrected, commodities, elements, china_export_controls,
    china_export_measures, mining_and_processing and horizon; ``evidence``: a language
    code -> (path, rows) of the corrections' evidence translated into it."""
    from raremetals.render import policy_table, stage_tables, tables
    from raremetals.stats.export_policy import export_measures

    commodities = inputs["commodities"]
    t3 = inputs["paper_table3_corrected"].merge(
        commodities.drop_duplicates("commodity")[["commodity", "name_ja"]].rename(
            columns={"name_ja": "commodity_ja"}
        ),
        on="commodity",
        how="left",
    )
    controls, stages = inputs["china_export_controls"], inputs["mining_and_processing"]
    made: dict[str, Table] = {f"table3_as_printed.{PAPER_LANGUAGE}": tables.table3_printed(t3)}
    for code, language in languages.items():
        measures = export_measures(controls, inputs["china_export_measures"], code)
        made |= {
            f"table1_rare_metals.{code}": tables.table1(inputs["elements"], language),
            f"table3_corrected.{code}": tables.table3_corrected(
                t3, commodities, language, evidence.get(code)
            ),
            f"china_export_policy.{code}": policy_table.china_export_policy(
                measures, controls, language
            ),
            f"processing_stage.{code}": stage_tables.processing_stage(
                stages, commodities, language
            ),
            f"horizon.{code}": stage_tables.horizon(inputs["horizon"], commodities, language),
        }
    return made
