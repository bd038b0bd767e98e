"""Report stage: write results/report.html."""

from _helpers import configure

configure(snakemake)

import json
import shutil
from pathlib import Path

from matplotlib_fontja import get_font_ttf_path

from raremetals.cite.provenance import file_provenance, job_records
from raremetals.core import schemas, web
from raremetals.core.io import atomic_write, read_reference, read_tidy
from raremetals.core.text import commodity_names, load_languages
from raremetals.render import report
from raremetals.sources.registry import load_registry
from raremetals.stats.selections import paper_metals

i = snakemake.input
tables = {
    Path(p).name.removesuffix(".html"): Path(p).read_text(encoding="utf-8")
    for p in i.tables
    if p.endswith(".html")
}
records = job_records(Path(snakemake.params.logs).rglob("*.job.json"))
commodities = read_reference(i.commodities)
english = dict(zip(commodities["commodity"], commodities["name_en"]))
languages = load_languages(i.languages)
numbers = json.loads(Path(i.numbers).read_text(encoding="utf-8"))["numbers"]
sizes = {Path(p).name: web.png_size(p) for p in i.outputs if p.endswith(".png")}
page = report.report_html(
    readme_intro=report.readme_intro(Path(i.readme).read_text(encoding="utf-8")),
    methods_md=Path(i.methods).read_text(encoding="utf-8"),
    audit_html=Path(i.audit).read_text(encoding="utf-8"),
    captions=report.load_captions(i.captions),
    table_pages=tables,
    registry=load_registry(i.registry),
    provenance={p: file_provenance(p, records) for p in i.outputs},
    notebook="notebooks/explore.html",
    rulegraph="workflow/rulegraph.dot",
    languages={code: language.name for code, language in languages.items()},
    sizes=sizes,
    lead=report.lead_section(
        numbers,
        [(m, english[m]) for m in paper_metals(commodities)],
        snakemake.params.middle_year,
        report.japan_leaders(
            read_tidy(i.japan, schemas.JAPAN_DEPENDENCY),
            read_tidy(i.japan_today, schemas.JAPAN_IMPORTS),
            languages["en"],
        ),
    ),
    findings=report.findings_section(
        numbers, languages, {code: commodity_names(commodities, code) for code in languages}
    ),
)
atomic_write(snakemake.output.html, page)
fonts = Path(get_font_ttf_path()).parent
shutil.copyfile(fonts / Path(snakemake.output.font).name, snakemake.output.font)
