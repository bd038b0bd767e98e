"""The text of the outputs in each language, read from one catalogue file per language
(``data/languages/<code>.yaml``): figure labels, captions and source lines, table
headings and notes, the report's words, the font to set them in and names of countries.

Texts the data files hold in English that outputs show (the audit's notes, Table 1's
source, the instruments of China's export measures): a catalogue's ``from_english`` gives
each in its language (English -> its text), the English standing in where it does not.

Names of commodities are the column ``name_<code>`` of data/commodities.csv; where a
cell is empty the English name stands in, as it does for a country the catalogue does
not name. Every catalogue has the same keys; one that lacks a key is refused.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from raremetals.core.errors import InputError
from raremetals.core.io import read_yaml


@dataclass(frozen=True)
class Language:
    code: str
    name: str
    font: str
    figures: dict
    tables: dict
    report: dict
    countries: dict
    from_english: dict = field(default_factory=dict)

    @property
    def labels(self) -> dict:
        return self.figures["labels"]

    def caption(self, figure_id: str) -> str:
        return self.figures["captions"][figure_id]

    def source(self, figure_id: str) -> str:
        """The line printed under a figure: its sources and the years of its data."""
        return self.figures["sources"][figure_id]

    def translated(self, english: str) -> str:
        """A text a data file holds in English, in this language where the catalogue
        gives it (``from_english``), else the English."""
        return self.from_english.get(english, english)

    def country(self, code: str, english: str = "") -> str:
        """A country's short name: the catalogue's own, else the ISO 3166 name (short
        English form from country_converter; the ISO translation for other languages),
        else ``english``, else the code."""
        return self.countries.get(code) or _iso_name(code, self.code) or english or code


@cache
def iso_converter():
    """country_converter's table of names and codes, read once (reading it costs about
    half a second)."""
    import country_converter as coco

    return coco.CountryConverter()


@cache
def _iso_name(code: str, language: str) -> str | None:
    import pycountry

    country = pycountry.countries.get(alpha_3=code)
    if country is None:
        return None
    if language == "en":
        short = iso_converter().convert(code, src="ISO3", to="name_short", not_found=None)
        return short if isinstance(short, str) else country.name
    common = getattr(country, "common_name", None) or country.name
    return _iso_translation(language).gettext(common)


@cache
def _iso_translation(language: str):
    import gettext

    import pycountry

    return gettext.translation(
        "iso3166-1", pycountry.LOCALES_DIR, languages=[language], fallback=True
    )


def _keys(tree, prefix="") -> set[str]:
    if not isinstance(tree, dict):
        return set()
    out = set()
    for key, value in tree.items():
        # names and notes a catalogue may give or leave to the English
        if prefix.endswith("countries.") or (prefix, key) == ("", "from_english"):
            continue
        out.add(prefix + key)
        out |= _keys(value, f"{prefix}{key}.")
    return out


def load_languages(paths) -> dict[str, Language]:
    """code -> Language for each catalogue file; the code is the file's stem."""
    trees = {Path(p).stem: (p, read_yaml(p)) for p in paths}
    every = set().union(*(_keys(tree) for _, tree in trees.values()))
    languages = {}
    for code, (path, tree) in trees.items():
        missing = sorted(every - _keys(tree))
        if missing:
            raise InputError(
                path,
                "the keys every language catalogue has",
                f"no {', '.join(missing[:5])}" + (" ..." if len(missing) > 5 else ""),
            )
        languages[code] = Language(
            code,
            tree["name"],
            tree["font"],
            tree["figures"],
            tree["tables"],
            tree["report"],
            tree.get("countries") or {},
            tree.get("from_english") or {},
        )
    return languages


def translated_corrections(paths) -> dict[str, tuple]:
    """Language code -> (file, table) of each data/corrections/table3_evidence.<code>.csv:
    the corrections' evidence in another language than English, its own."""
    from raremetals.core.io import read_reference

    return {Path(p).name.split(".")[1]: (p, read_reference(p)) for p in paths}


def corrections_evidence(table3, evidence) -> dict[str, str]:
    """correction_id -> the evidence of that correction of Table 3 in another language,
    from ``evidence``: (file, table) of data/corrections/table3_evidence.<code>.csv, or None
    for English (the corrections' own). A correction the file lacks is an error naming it."""
    if evidence is None:
        return {}
    path, translated = evidence
    said = dict(zip(translated["correction_id"], translated["evidence"]))
    missing = sorted(set(table3["correction_id"]) - set(said) - {""})
    if missing:
        raise InputError(path, "the evidence of every correction of Table 3", missing[0])
    return said


def commodity_names(commodities, code: str) -> dict[str, str]:
    """commodity id -> its name in the language ``code`` (English where none is given)."""
    column = f"name_{code}"
    if column not in commodities.columns:
        raise InputError(
            "data/commodities.csv",
            f"a column {column} with the commodities' names in the language '{code}'",
            "no such column",
            row=1,
        )
    english = dict(zip(commodities["commodity"], commodities["name_en"]))
    return {c: name or english[c] for c, name in zip(commodities["commodity"], commodities[column])}


LATEX_SPECIAL = {
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "{": r"\{",
    "}": r"\}",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
    "\\": r"\textbackslash{}",
    # a bound's sign: in mathematics, which pdfLaTeX and LuaLaTeX both set
    "≤": r"\ensuremath{\leq}",
    "≥": r"\ensuremath{\geq}",
}


def markdown_escape(s: str) -> str:
    """Source text as Markdown that renders as the same text: HTML and link syntax are
    escaped, so a note holding ``<img onerror=...>`` or ``[x](javascript:...)`` stays text,
    and ``|`` cannot end a table cell. Emphasis marks are left: at worst they set a word
    in italics, and escaping them would clutter every name with an underscore."""
    s = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return re.sub(r"([\\\[\]|])", r"\\\1", s)


def latex_escape(s: str) -> str:
    """Text with the characters LaTeX treats as commands escaped, and a bound's sign set."""
    return re.sub(r"[&%$#_{}~^\\≤≥]", lambda m: LATEX_SPECIAL[m.group()], s)
