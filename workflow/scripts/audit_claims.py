"""Audit stage: check every claim and every Table 3 cell; write tables and the summary."""

from _helpers import configure

configure(snakemake)

from pathlib import Path

from raremetals.audit.checks import Sources
from raremetals.audit.claims import add_later_evidence, audit_claims
from raremetals.audit.errata import table3_errata
from raremetals.audit.summary import summary_html, summary_markdown
from raremetals.core import catalogue, schemas, web
from raremetals.core.io import atomic_write, read_as_printed, read_reference, read_tidy, write_table
from raremetals.core.text import commodity_names, load_languages

i = snakemake.input
table3 = read_tidy(i.table3, schemas.TABLE3_CORRECTED)
claims = read_tidy(i.claims, schemas.CLAIMS)
checks = read_as_printed(i.checks, schemas.CLAIM_CHECKS)
sources = Sources(
    table3,
    read_tidy(i.quotas, schemas.EXPORT_QUOTAS),
    read_tidy(i.wind, schemas.WIND),
    read_tidy(i.military, schemas.MILITARY_EXPENDITURE),
    read_tidy(i.secondary, schemas.REE_SECONDARY),
    claims,
    read_tidy(i.ds140, schemas.DS140),
    read_tidy(i.against_bgs, schemas.TABLE3_AGAINST_BGS),
    read_tidy(i.eu_2010, schemas.EU_CRM_2010),
    read_tidy(i.bgs, schemas.BGS_PRODUCTION),
    read_as_printed(i.element_values, schemas.ELEMENT_VALUES),
    read_tidy(i.three_ways, schemas.TABLE3_THREE_WAYS),
    read_tidy(i.wmd, schemas.WMD_VOLUMES),
)
claims_audit = audit_claims(claims, checks, sources, i.checks)
claims_audit = add_later_evidence(claims_audit, read_reference(i.later), sources, i.later)
claims_audit = schemas.CLAIMS_AUDIT.validate(claims_audit)
notes = read_reference(i.notes)
errata = schemas.TABLE3_ERRATA.validate(table3_errata(table3, notes, claims_audit, checks, i.notes))
write_table(claims_audit, snakemake.output.claims_audit)
write_table(errata, snakemake.output.table3_errata)
three_ways = sources.wmd
languages = load_languages(i.languages)
words = {code: language.report["audit"] for code, language in languages.items()}
atomic_write(
    snakemake.output.markdown, summary_markdown(claims_audit, errata, three_ways, words["en"])
)
commodities = catalogue.read("commodities", i.commodities)
for code, path in zip(languages, snakemake.output.html):
    # each page links the next language's (English to Japanese and back)
    other = list(languages)[(list(languages).index(code) + 1) % len(languages)]
    link = (Path(web.page_name("summary", other)).name, other, languages[other].name)
    metals = commodity_names(commodities, code)
    page = summary_html(claims_audit, errata, three_ways, words[code], code, link, metals)
    atomic_write(path, page)
