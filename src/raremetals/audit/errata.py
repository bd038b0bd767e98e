"""Table 3's errata: every cell of the paper's Table 3 with a status and its evidence."""

from __future__ import annotations

import pandas as pd

from raremetals.audit.checks import parse_args
from raremetals.core.errors import InputError
from raremetals.core.text import Language
from raremetals.core.vocab import ERRATA_STATUSES


def in_language(
    table3: pd.DataFrame, notes: pd.DataFrame, corrections: dict, language: Language
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Table 3 and the errata notes with their evidence in ``language``: a correction's
    from ``corrections`` (``core.text.corrections_evidence``), a note's from the
    catalogue (``Language.translated``); English where the language gives none."""
    return (
        table3.assign(
            correction_evidence=[
                corrections.get(c, e)
                for c, e in zip(table3["correction_id"], table3["correction_evidence"])
            ]
        ),
        notes.assign(evidence=[language.translated(e) for e in notes["evidence"]]),
    )


def table3_errata(
    table3: pd.DataFrame,
    notes: pd.DataFrame,
    claims_audit: pd.DataFrame,
    checks: pd.DataFrame,
    notes_path: str,
) -> pd.DataFrame:
    """Every cell of Table 3 with a status, the corrected value and the evidence type.

    Statuses come from one place each: ``unit-slip``/``inconsistent`` from the corrections
    (already on the corrected table), ``format`` and minor inconsistencies from the notes
    (``notes_path``, data/audit/table3_notes.csv), ``text-conflict`` from the claims the
    audit found inconsistent with a cell.
    """
    t = table3.copy()
    t["status"] = t["correction_status"].where(
        t["correction_status"] != "", t["flag"].map({"blank": "blank"}).fillna("ok")
    )
    t["evidence"] = t["correction_evidence"]
    t["claims"] = ""
    for n in notes.to_dict("records"):
        hit = (t["symbol"] == n["symbol"]) & (t["field"] == n["field"])
        if n["rank"]:
            hit &= t["rank"] == float(n["rank"])
        if hit.sum() != 1:
            raise InputError(
                notes_path,
                "a (symbol, field, rank) naming one cell",
                f"{n['symbol']} {n['field']} {n['rank']}",
            )
        if n["status"] not in ERRATA_STATUSES:
            raise InputError(
                notes_path, f"a status in {ERRATA_STATUSES}", n["status"], column="status"
            )
        t.loc[hit, ["status", "evidence_type", "evidence"]] = [
            n["status"],
            n["evidence_type"],
            n["evidence"],
        ]
    conflicts = claims_audit[
        (claims_audit["status"] == "inconsistent") & claims_audit["method"].str.startswith("t3_")
    ]
    args = checks.set_index("claim_id")["args"]
    for c in conflicts.to_dict("records"):
        a = parse_args(args[c["claim_id"]])
        hit = t["symbol"] == a["symbol"]
        if "field" in a:
            hit &= t["field"] == a["field"]
            if "rank" in a:
                hit &= t["rank"] == float(a["rank"])
        elif c["method"] == "t3_japan_share":
            hit &= (t["field"] == "japan_import_share_rank") & (t["country_code"] == a["country"])
        elif "country" in a:
            hit &= (t["field"] == f"{a['measure']}_rank") & (t["country_code"] == a["country"])
        else:
            continue
        t.loc[hit & (t["status"] == "ok"), ["status", "evidence_type"]] = [
            "text-conflict",
            "paper_text",
        ]
        t.loc[hit, "claims"] = t.loc[hit, "claims"].map(
            lambda s, cid=c["claim_id"]: ";".join(filter(None, [s, cid]))
        )
        t.loc[hit & (t["evidence"] == ""), "evidence"] = c["evidence"]
    keep = [
        "symbol",
        "commodity",
        "field",
        "rank",
        "country_code",
        "country_ja",
        "value_as_printed",
        "value_printed",
        "value",
        "unit",
        "status",
        "correction_id",
        "evidence_type",
        "evidence",
        "claims",
        "file",
        "row",
    ]
    return t[keep].rename(columns={"value": "value_corrected"})
