"""``results/sources.bib``: one BibTeX entry per source of ``data/sources.yaml``, for
LaTeX users who cite the data behind a number (the key is the source's id)."""

from __future__ import annotations

import re

from raremetals.core.text import latex_escape
from raremetals.sources.registry import Source


def _year(source: Source) -> str | None:
    """The year a source was published: the first year its citation gives."""
    found = re.search(r"\b(19|20)\d\d\b", source.citation)
    return found.group() if found else None


def bibtex(registry: dict[str, Source]) -> str:
    """The registry as BibTeX (``@misc`` entries, which classic BibTeX styles know;
    ``@dataset`` they do not), written by pybtex; LaTeX's special characters are
    escaped in every field but the DOI and URL."""
    from pybtex.database import BibliographyData, Entry

    entries = {}
    for source in registry.values():
        fields = {
            # braces keep an organisation's name from being read as first and last names
            "author": "{" + latex_escape(source.publisher) + "}",
            "title": "{" + latex_escape(source.title) + "}",
            "howpublished": latex_escape(source.edition),
            "note": latex_escape(f"{source.citation} Licence: {source.licence}."),
        }
        if year := _year(source):
            fields["year"] = year
        if source.doi:
            fields["doi"] = source.doi
        if source.url:
            fields["url"] = source.url
        if source.version:
            fields["version"] = source.version
        entries[source.id] = Entry("misc", fields=fields)
    return BibliographyData(entries=entries).to_string("bibtex")
