"""Country names as the sources spell them, mapped to ISO 3166 alpha-3 codes.

A name maps when it is exactly a short or official name of ``country_converter``'s table
(or an ISO 3166 alpha-3 code), or a row of ``data/countries.csv``, which holds every other
spelling the sources use ("Burma", "Korea, Republic of") and the aggregates: "World
total", "Other countries" and "CIS" get codes of their own (WLD, OTH, CIS) and an
``area_type`` that says they are not countries. country_converter's fuzzy (regular
expression) matching is not used: it would take a misspelling such as "Chinaa" for China.
A name that does not map is an error that lists the nearest known names.

USGS world tables decorate names; :func:`split_usgs_name` takes the decoration apart:
footnote numbers (``Other countries6``), an estimate mark glued to the name (``Chinae``),
qualifiers (``Brazil (beneficiated)``, ``Kazakhstan, concentrate``).
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from functools import cache

from raremetals.core.errors import InputError
from raremetals.core.io import read_as_printed
from raremetals.core.schemas.inputs import COUNTRY_NAMES
from raremetals.core.text import iso_converter

_FOOTNOTE = re.compile(r"^(.*?\D)(\d+)$")
_PAREN = re.compile(r"^(.*?)\s*\((.*)\)$")


@dataclass(frozen=True)
class Place:
    code: str  # ISO3, or an aggregate code (WLD, OTH, CIS, USA+CAN, ...)
    country: str  # standard English short name
    area_type: str  # country | world | residual | group


@dataclass(frozen=True)
class UsgsName:
    base: str
    qualifier: str  # text the source added to the name ("beneficiated", "rounded", ...)
    footnote: str  # footnote number glued to the name
    estimated: bool  # a trailing "e" glued to the name


class CountryResolver:
    def __init__(self, overrides_csv):
        table = read_as_printed(overrides_csv, COUNTRY_NAMES)
        self._overrides = {
            r.name: Place(r.code, r.country, r.area_type) for r in table.itertuples()
        }
        self._coco = iso_converter()
        data = self._coco.data
        self._short = dict(zip(data.ISO3, data.name_short))
        self._exact = {
            **{c: c for c in data.ISO3},
            **dict(zip(data.name_official, data.ISO3)),
            **dict(zip(data.name_short, data.ISO3)),
        }
        self.known_names = set(data.name_short) | set(self._overrides)

    @cache
    def resolve(self, name: str) -> Place | None:
        """The place a clean name denotes, or None when nothing maps it."""
        if name in self._overrides:
            return self._overrides[name]
        code = self._exact.get(name)
        return Place(code, self._short[code], "country") if code else None

    def require(self, name: str, path, row=None, column=None) -> Place:
        place = self.resolve(name)
        if place is None:
            near = difflib.get_close_matches(name, sorted(self.known_names), n=3, cutoff=0.6)
            hint = f" (nearest: {', '.join(near)})" if near else ""
            raise InputError(
                path,
                "a country name of ISO 3166 as country_converter spells "
                "it, or a spelling or aggregate listed in data/countries.csv "
                f"(add a row there to map a new spelling){hint}",
                name,
                row=row,
                column=column,
            )
        return place

    def split_usgs_name(self, raw: str) -> UsgsName:
        name = " ".join(raw.replace("\xa0", " ").split())
        footnote = ""
        if m := _FOOTNOTE.match(name):
            name, footnote = m.group(1).strip(), m.group(2)
        for prefix in ("World total", "Other countries"):
            if name.lower().startswith(prefix.lower()):  # MCS 2025 writes "Other Countries"
                rest = name[len(prefix) :].replace("(", "").replace(")", "").strip(" ,")
                if rest == "e":
                    return UsgsName(prefix, "", footnote, True)
                return UsgsName(prefix, rest, footnote, False)
        if name in self.known_names:
            return UsgsName(name, "", footnote, False)
        if name.endswith("e") and name[:-1] in self.known_names:
            return UsgsName(name[:-1], "", footnote, True)
        if m := _PAREN.match(name):
            return UsgsName(m.group(1), m.group(2), footnote, False)
        if ", " in name:
            base, qualifier = name.split(", ", 1)
            if self.resolve(base) is not None:
                return UsgsName(base, qualifier, footnote, False)
        return UsgsName(name, "", footnote, False)
