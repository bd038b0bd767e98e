"""The audit's sentences of evidence, written in any language of the catalogues.

A check says what it found as a ``Said``: a key of the catalogues' ``report.audit.evidence``
and the fields its template names. ``text`` writes it in one language: the audit's table
keeps the English (``claims_audit.csv``), each audit page its own language. A field is
text (a number as the check formatted it, a code, a name as its source prints it),
another ``Said``, a ``Local`` (a name the source gives in several languages), a
``Noted`` (a note of ``data/audit``, which a catalogue may translate under
``audit_notes``) or a ``Listed`` (items joined as the language joins a list).

Evidence that grows (a note, a range the evidence allows, a later source) is a ``Then``
of its parts, each template bringing its own punctuation ("; ", ". ").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Union

from raremetals.core.text import Language


@dataclass(frozen=True)
class Said:
    key: str
    fields: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Local:
    """A name a source gives in more than one language: code -> name, English required."""

    names: dict[str, str]


@dataclass(frozen=True)
class Noted:
    """A note written in English in ``data/audit``; a catalogue's ``audit_notes`` maps
    the English to its language."""

    english: str


@dataclass(frozen=True)
class Listed:
    """Items joined as the language joins a list (``how`` a key of ``evidence``: ``list``
    for names, ``parts`` for clauses)."""

    items: Sequence[Any]
    how: str = "list"


@dataclass(frozen=True)
class Then:
    """Sentences one after another (not a tuple: a table cell holds it as one value)."""

    parts: tuple


Evidence = Union[Said, Then, Noted]


def say(key: str, **fields: Any) -> Said:
    return Said(key, fields)


def text(evidence: Any, language: Language) -> str:
    """``evidence`` written in ``language``; a key its catalogue lacks is a KeyError
    naming the key and the language (``load_languages`` refuses such a catalogue first)."""
    if isinstance(evidence, Then):
        return "".join(text(part, language) for part in evidence.parts)
    if isinstance(evidence, Said):
        templates = language.report["audit"]["evidence"]
        if evidence.key not in templates:
            raise KeyError(f"no audit evidence '{evidence.key}' in language {language.code}")
        shown = {k: text(v, language) for k, v in evidence.fields.items()}
        return templates[evidence.key].format(**shown)
    if isinstance(evidence, Local):
        return evidence.names.get(language.code) or evidence.names["en"]
    if isinstance(evidence, Noted):
        return language.audit_notes.get(evidence.english, evidence.english)
    if isinstance(evidence, Listed):
        separator = language.report["audit"]["evidence"][evidence.how]
        return separator.join(text(item, language) for item in evidence.items)
    return str(evidence)


def then(evidence: Evidence, *more: Said) -> Then:
    """``evidence`` followed by ``more``."""
    return Then((*(evidence.parts if isinstance(evidence, Then) else (evidence,)), *more))
