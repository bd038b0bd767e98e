"""Report stage: write the report in every language (results/report.html,
results/report.ja.html, ...)."""

from _helpers import configure

configure(snakemake)

import json
import shutil
from pathlib import Path

from matplotlib_fontja import get_font_ttf_path

from raremetals.cite.provenance import file_provenance, job_records
from raremetals.core import catalogue
from raremetals.core.io import atomic_write, read_reference
from raremetals.core.text import commodity_names, load_languages
from raremetals.render import lead, report, web
from raremetals.render.figures.picks import paper_metals
from raremetals.sources.registry import load_registry
from raremetals.stats.processing import largest_gaps, unknown_in_sums

i = snakemake.input
tables = {
    Path(p).name.removesuffix(".html"): Path(p).read_text(encoding="utf-8")
    for p in i.tables
    if p.endswith(".html")
}
records = job_records(i.records)
commodities = read_reference(i.commodities)
languages = load_languages(i.languages)
names = {code: commodity_names(commodities, code) for code in languages}
numbers = json.loads(Path(i.numbers).read_text(encoding="utf-8"))["numbers"]
sizes = {Path(p).name: web.png_size(p) for p in i.outputs if p.endswith(".png")}
japan = catalogue.read("japan_import_dependency_2009", i.japan)
japan_today = catalogue.read("japan_imports", i.japan_today)
comparison = catalogue.read("paper_metals_comparison", i.comparison)
# whether 2009 and today's production of a metal may be compared (stats.comparison)
comparable = dict(
    zip(
        *comparison.loc[comparison["measure"] == "production", ["commodity", "comparable"]].T.values
    )
)
shared = {
    "captions": report.load_captions(i.captions),
    "registry": load_registry(i.registry),
    "provenance": {p: file_provenance(p, records) for p in i.outputs},
    "notebook": "notebooks/explore.html",
    "rulegraph": "workflow/rulegraph.dot",
    "sizes": sizes,
}
# Japan's leading import sources, named in each language
leaders = {code: lead.japan_leaders(japan, japan_today, languages[code]) for code in languages}
stages = catalogue.read("mining_and_processing", i.stages)
gaps = {"largest": largest_gaps(stages), "unknown": unknown_in_sums(stages)}
findings = report.findings_section(
    numbers, languages, names, leaders, comparable.get("rare_earths", True), gaps
)
codes = list(languages)
for code, path, methods, audit in zip(codes, snakemake.output.html, i.methods, i.audit):
    words = languages[code].report["page"]
    other = codes[(codes.index(code) + 1) % len(codes)]
    page = report.report_html(
        code=code,
        words=words,
        other=(Path(web.page_name("report", other)).name, other, languages[other].name),
        methods_md=Path(methods).read_text(encoding="utf-8"),
        audit_html=Path(audit).read_text(encoding="utf-8"),
        table_pages=report.tables_in(tables, code),
        findings=findings[code],
        lead=lead.lead_section(
            numbers,
            [(m, names[code][m]) for m in paper_metals(commodities)],
            snakemake.params.middle_year,
            leaders[code],
            words,
            comparable,
        ),
        **shared,
    )
    atomic_write(path, page)
fonts = Path(get_font_ttf_path()).parent
shutil.copyfile(fonts / Path(snakemake.output.font).name, snakemake.output.font)
