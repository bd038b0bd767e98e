"""Render stage: the paper's tables in CSV, Markdown, LaTeX and HTML, in every language."""

from _helpers import configure

configure(snakemake)

from pathlib import Path

from raremetals.core import catalogue
from raremetals.core.io import atomic_write, read_reference
from raremetals.core.text import load_languages
from raremetals.render import policy_table, stage_tables, tables
from raremetals.stats.selections import export_measures

i = snakemake.input
t3 = catalogue.read("paper_table3_corrected", i.table3)
commodities = catalogue.read("commodities", i.commodities)
elements = catalogue.read("elements", i.elements)
t3 = t3.merge(
    commodities.drop_duplicates("commodity")[["commodity", "name_ja"]].rename(
        columns={"name_ja": "commodity_ja"}
    ),
    on="commodity",
    how="left",
)
made = {"table3_as_printed.ja": tables.table3_printed(t3)}
controls = catalogue.read("china_export_controls", i.controls)
names = catalogue.read("china_export_measures", i.measures)
stages = catalogue.read("mining_and_processing", i.stages)
horizon = catalogue.read("horizon", i.horizon)
# the corrections' evidence in another language than the one it is written in (English)
evidence = {Path(p).name.split(".")[1]: (p, read_reference(p)) for p in i.evidence}
for code, language in load_languages(i.languages).items():
    made[f"table1_rare_metals.{code}"] = tables.table1(elements, language)
    made[f"table3_corrected.{code}"] = tables.table3_corrected(
        t3, commodities, language, evidence.get(code)
    )
    made[f"china_export_policy.{code}"] = policy_table.china_export_policy(
        export_measures(controls, names, code), controls, language
    )
    made[f"processing_stage.{code}"] = stage_tables.processing_stage(stages, commodities, language)
    made[f"horizon.{code}"] = stage_tables.horizon(horizon, commodities, language)
for path in snakemake.output:
    name, ext = Path(path).name.rsplit(".", 1)
    atomic_write(path, tables.RENDERERS[ext](made[name]))
