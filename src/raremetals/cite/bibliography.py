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


def bib_escape(s: str) -> str:
    """Text as a BibTeX field that prints as the same text: LaTeX's special characters
    escaped once, and a brace as a command, since BibTeX counts even an escaped brace and
    one left open would swallow the rest of the file."""
    return latex_escape(s).replace(r"\{", r"\textbraceleft{}").replace(r"\}", r"\textbraceright{}")


def bibtex(registry: dict[str, Source]) -> str:
    """The registry as BibTeX (``@misc`` entries, which classic BibTeX styles know;
    ``@dataset`` they do not), laid out by pybtex. Every field but the DOI and URL is
    escaped here, once: pybtex's own encoding (which escapes ``%`` again, and not ``$``)
    is left out, and the DOI and URL stay as they are for ``\\url``."""
    from pybtex.database import BibliographyData, Entry
    from pybtex.database.output.bibtex import Writer

    class Escaped(Writer):
        def _encode(self, text: str) -> str:
            return text

    entries = {}
    for source in registry.values():
        fields = {
            # braces keep an organisation's name from being read as first and last names
            "author": "{" + bib_escape(source.publisher) + "}",
            "title": "{" + bib_escape(source.title) + "}",
            "howpublished": bib_escape(source.edition),
            "note": bib_escape(f"{source.citation} Licence: {source.licence}."),
        }
        if year := _year(source):
            fields["year"] = year
        if source.doi:
            fields["doi"] = source.doi
        if source.url:
            fields["url"] = source.url
        if source.version:
            fields["version"] = bib_escape(source.version)
        entries[source.id] = Entry("misc", fields=fields)
    return Escaped().to_string(BibliographyData(entries=entries))
