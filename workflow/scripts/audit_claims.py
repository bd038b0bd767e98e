"""Audit stage: check every claim and every Table 3 cell; write tables and the summary."""

from _helpers import configure

configure(snakemake)

from pathlib import Path

from raremetals.audit.checks import Sources
from raremetals.audit.claims import add_later_evidence, audit_claims
from raremetals.audit.errata import in_language, table3_errata
from raremetals.audit.evidence import rewritten, text
from raremetals.core import catalogue
from raremetals.core.io import atomic_write, read_as_printed, read_reference
from raremetals.core.schemas.inputs import CLAIM_CHECKS, ELEMENT_VALUES
from raremetals.core.text import (
    commodity_names,
    corrections_evidence,
    load_languages,
    translated_corrections,
)
from raremetals.render import web
from raremetals.render.audit_page import summary_html, summary_markdown

i = snakemake.input
table3 = catalogue.read("paper_table3_corrected", i.table3)
claims = catalogue.read("paper_claims", i.claims)
checks = read_as_printed(i.checks, CLAIM_CHECKS)
sources = Sources(
    table3,
    catalogue.read("china_ree_export_quotas", i.quotas),
    catalogue.read("gwec_wind_2009", i.wind),
    catalogue.read("sipri_milex", i.military),
    catalogue.read("ree_2009_secondary", i.secondary),
    claims,
    catalogue.read("ds140_rare_earths", i.ds140),
    catalogue.read("table3_against_bgs", i.against_bgs),
    catalogue.read("eu_crm_2010", i.eu_2010),
    catalogue.read("bgs_production", i.bgs),
    read_as_printed(i.element_values, ELEMENT_VALUES),
    catalogue.read("table3_three_ways", i.three_ways),
    catalogue.read("wmd_volumes", i.wmd),
)
claims_audit = audit_claims(claims, checks, sources, i.checks)
claims_audit = add_later_evidence(claims_audit, read_reference(i.later), sources, i.later)
languages = load_languages(i.languages)
notes = read_reference(i.notes)
corrections = translated_corrections(i.corrections)


def in_its_words(code):
    """The claims and Table 3's errata with their evidence in the language ``code``."""
    language = languages[code]
    written = claims_audit.assign(evidence=[text(s, language) for s in claims_audit["evidence"]])
    translated = corrections_evidence(table3, corrections.get(code))
    errata = table3_errata(
        *in_language(table3, notes, translated, language), written, checks, i.notes
    )
    return written, catalogue.schema("table3_errata").validate(errata)


shown = {code: in_its_words(code) for code in languages}
claims_en = catalogue.write("claims_audit", shown["en"][0], snakemake.output.claims_audit)
errata_en = catalogue.write("table3_errata", shown["en"][1], snakemake.output.table3_errata)
three_ways = sources.wmd
words = {code: language.report["audit"] for code, language in languages.items()}
atomic_write(
    snakemake.output.markdown, summary_markdown(claims_en, errata_en, three_ways, words["en"])
)
commodities = catalogue.read("commodities", i.commodities)
for code, path in zip(languages, snakemake.output.html):
    # each page links the next language's (English to Japanese and back)
    other = list(languages)[(list(languages).index(code) + 1) % len(languages)]
    link = (Path(web.page_name("summary", other)).name, other, languages[other].name)
    metals = commodity_names(commodities, code)
    compared = rewritten(three_ways, ["bgs_why", "wmd_why"], languages[code])
    page = summary_html(*shown[code], compared, words[code], code, link, metals)
    atomic_write(path, page)
