"""The audit's sentences of evidence, written in any language of the catalogues.

A check says what it found as a ``Said``: a key of the catalogues' ``report.audit.evidence``
and the fields its template names. ``text`` writes it in one language: the audit's table
keeps the English (``claims_audit.csv``), each audit page its own language. A field is
text (a number as the check formatted it, a code, a name as its source prints it),
another ``Said``, a ``Local`` (a name the source gives in several languages), a
``Noted`` (a note of ``data/audit``, which a catalogue may translate under
``from_english``) or a ``Listed`` (items joined as the language joins a list).

Evidence that grows (a note, a range the evidence allows, a later source) is a ``Then``
of its parts, each template bringing its own punctuation ("; ", ". ").

A sentence one job writes and another reads (why BGS's or WMD's figure differs from
Table 3's) is kept in its table beside the English, as JSON (``to_json``, ``from_json``).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from raremetals.core.errors import InputError
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
    """A note written in English in ``data/audit``, which a catalogue may give in its
    language (``Language.translated``)."""

    english: str


@dataclass(frozen=True)
class Listed:
    """Items joined as the language joins a list (``how`` a key of ``evidence``: ``list``
    for names, ``clauses`` for the clauses of one sentence, ``parts`` for sentences)."""

    items: Sequence[Any]
    how: str = "list"


@dataclass(frozen=True)
class Then:
    """Sentences one after another (not a tuple: a table cell holds it as one value)."""

    parts: tuple


Evidence = Said | Then | Noted


def say(key: str, **fields: Any) -> Said:
    return Said(key, fields)


def basis(name: str) -> Said:
    """A weighing basis (element content, gross weight, Li2O content, ...) by the
    catalogues' name for it; none stated is said so."""
    return say(f"basis.{name}" if name else "basis.unstated")


def text(evidence: Any, language: Language) -> str:
    """``evidence`` written in ``language``. A sentence or term its catalogue lacks (a
    check given a new region, measure or basis, say) is an error naming the catalogue's
    file and the key it needs."""
    if isinstance(evidence, Then):
        return "".join(text(part, language) for part in evidence.parts)
    if isinstance(evidence, Said):
        templates = language.report["audit"]["evidence"]
        if evidence.key not in templates:
            raise InputError(
                f"data/languages/{language.code}.yaml",
                "a sentence under report.audit.evidence for every key the audit says",
                evidence.key,
            )
        shown = {k: text(v, language) for k, v in evidence.fields.items()}
        return templates[evidence.key].format(**shown)
    if isinstance(evidence, Local):
        return evidence.names.get(language.code) or evidence.names["en"]
    if isinstance(evidence, Noted):
        return language.translated(evidence.english)
    if isinstance(evidence, Listed):
        separator = language.report["audit"]["evidence"][evidence.how]
        return separator.join(text(item, language) for item in evidence.items)
    return str(evidence)


def then(evidence: Evidence, *more: Said) -> Then:
    """``evidence`` followed by ``more``."""
    return Then((*(evidence.parts if isinstance(evidence, Then) else (evidence,)), *more))


def _plain(evidence: Any) -> Any:
    if isinstance(evidence, Said):
        return {"key": evidence.key, "fields": {k: _plain(v) for k, v in evidence.fields.items()}}
    if isinstance(evidence, Then):
        return {"then": [_plain(p) for p in evidence.parts]}
    if isinstance(evidence, Local):
        return {"local": evidence.names}
    if isinstance(evidence, Noted):
        return {"noted": evidence.english}
    if isinstance(evidence, Listed):
        return {"listed": [_plain(i) for i in evidence.items], "how": evidence.how}
    return str(evidence)  # a field is written as text (a number as its str)


def _built(plain: Any) -> Any:
    if not isinstance(plain, dict):
        return plain
    if "key" in plain:
        return Said(plain["key"], {k: _built(v) for k, v in plain["fields"].items()})
    if "then" in plain:
        return Then(tuple(_built(p) for p in plain["then"]))
    if "local" in plain:
        return Local(plain["local"])
    if "noted" in plain:
        return Noted(plain["noted"])
    return Listed([_built(i) for i in plain["listed"]], plain["how"])


def to_json(evidence: Any) -> str:
    """``evidence`` as one line of JSON, the same bytes for the same sentence."""
    return json.dumps(_plain(evidence), ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def from_json(text: str) -> Any:
    """The sentence ``to_json`` wrote ("" for none)."""
    return _built(json.loads(text)) if text else ""


def with_sentences(frame, columns: list[str], language: Language):
    """``frame`` with the sentences of ``columns`` written in ``language``, each kept beside
    it as JSON (column ``<name>_said``) for the pages in other languages."""
    out = frame.copy()
    for column in columns:
        kept = [to_json(s) if s != "" else "" for s in frame[column]]
        out.insert(out.columns.get_loc(column) + 1, f"{column}_said", kept)
        out[column] = [text(s, language) for s in frame[column]]
    return out


def rewritten(frame, columns: list[str], language: Language):
    """``frame`` (a table ``with_sentences`` wrote) with ``columns`` written again in
    ``language`` from the sentences kept beside them."""
    return frame.assign(
        **{c: [text(from_json(s), language) for s in frame[f"{c}_said"]] for c in columns}
    )
