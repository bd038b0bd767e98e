"""Audit every numeric claim of the paper (the cells of its Table 3: ``errata``).

``data/audit/claim_checks.csv`` says, for each claim that can be checked, how: a method,
its arguments and (where the default will not do) a tolerance. Each method recomputes the
claimed number from the tidy data and returns the value with a sentence of evidence,
which the language catalogues write (``evidence``: English in the table, each audit page
in its language). A claim without a check, or whose check says ``none``, is
``not-checkable``, and the evidence names the source that would check it.

Statuses: ``match`` (the data reproduce the number); ``consistent`` (the data bear the
claim out without reproducing a number: the claim is a bound, "more than" or "at most";
or it lies in the range the evidence allows, ``checks.base.Allowed``, where the figures
are printed rounded or a property's published values spread; or only part of a list the
claim names can be checked, ``unchecked`` in the check's arguments);
``mismatch`` (a vendored source disagrees); ``inconsistent`` (the paper disagrees with
itself, e.g. text against Table 3); ``unit-slip`` (right once a unit error is undone);
``not-checkable``.

The rounding rule is in ``rounding``, the checks in ``checks``.

A claim is a mismatch or inconsistent only where the evidence refutes it. Two rules follow:
a claim that relays a document it cites (a bill, a company, a press report: anything but
the USGS figures Table 3 quotes) is judged against that document, so a check on the
paper's own numbers (its Table 3, its arithmetic) that disagrees gives evidence, not a
self-contradiction (``not-checkable`` where the snapshot lacks the document); and a check
whose data measure another thing than the claim states says so with ``on_fail``
``not-checkable``.

A claim that is the basis of a correction of Table 3 is never checked against the
corrected cell (that would only return the claim): its check must read independent
evidence, and the evidence says which correction it supports.
"""

from __future__ import annotations

import math
import re

import pandas as pd

from raremetals.audit.checks import (
    DESCRIBE,
    METHODS,
    SAME_FIGURE,
    Allowed,
    NotCheckable,
    Sources,
    parse_args,
)
from raremetals.audit.evidence import Evidence, Noted, say, then
from raremetals.audit.rounding import (
    Claimed,
    default_tolerance,
    holds,
    parse_claimed,
    precision,
    within,
)
from raremetals.core.errors import InputError

# The title by which the paper cites a publication -> the source id of that vintage in
# the compiled tables. A check that reads another vintage (GWEC's preliminary press
# release of February 2010 for the final Global Wind 2009 Report; today's SIPRI series for
# the Yearbook 2010) gives evidence, never a verdict.
CITED_VINTAGES = {"GLOBAL WIND 2009 REPORT": "GWEC_GW2009_OUTLOOK"}
VINTAGED_METHODS = {"gwec", "gwec_share"}


# a cited source the paper's own Table 3 stands for: none, or the USGS figures it quotes
_OWN = re.compile(r"^none|usgs|mcs ?2010|mineral commodity summaries|^$|^nan$", re.I)
OWN_NUMBERS = ("t3_", "arith")


def relays(cited: str) -> bool:
    """Whether a claim relays a document it cites, other than the USGS figures Table 3
    quotes (then the paper's own numbers cannot refute it)."""
    # a cross-reference the transcriber added ("cf. USGS-based ... in fn27") is no citation
    cited = re.sub(r"\(cf\..*?\)", "", str(cited)).strip()
    return not _OWN.search(cited)


def correction_bases(table3: pd.DataFrame) -> dict[str, str]:
    """Claim id -> the Table 3 correction whose evidence rests on that claim."""
    return {
        cid: r["correction_id"]
        for r in table3.to_dict("records")
        if r.get("correction_id")
        for cid in re.findall(r"C\d{3}", r["correction_evidence"])
    }


def _other_vintage(cited: str, method: str, args: dict) -> str | None:
    """The vintage the paper cites where a check reads another one, else None."""
    if method not in VINTAGED_METHODS:
        return None
    for title, source_id in CITED_VINTAGES.items():
        if title.casefold() in cited.casefold() and args.get("source_id") != source_id:
            return f"{title.title()} ({source_id})"
    return None


def evidence_class(method: str, refs: str, corrected_from: dict[str, str]) -> str:
    """The class of what a verdict rests on (``EVIDENCE_CLASSES``); ``corrected_from``
    maps a Table 3 cell (file:row) to the claims its correction was derived from."""
    if method.startswith("t3_"):
        cells = [r.strip() for r in refs.split(";")]
        if any(corrected_from.get(c) for c in cells):
            return "correction_from_claim"
        return "paper_table3"
    if method == "arith":
        return "paper_text"
    return "independent"


def corrected_from_claims(table3: pd.DataFrame) -> dict[str, str]:
    """Table 3 cell (file:row) -> the claims its correction was derived from."""
    out = {}
    for r in table3.to_dict("records"):
        found = re.findall(r"C\d{3}", r.get("correction_evidence", "") or "")
        if r.get("correction_id") and found:
            out[f"{r['file']}:{r['row']}"] = ";".join(found)
    return out


def audit_claims(
    claims: pd.DataFrame, checks: pd.DataFrame, src: Sources, checks_path: str
) -> pd.DataFrame:
    """Every claim with a status, the recomputed value and a sentence of evidence."""
    unknown = sorted(set(checks["claim_id"]) - set(claims["claim_id"]))
    if unknown:
        raise InputError(
            checks_path, "claim ids of claims.csv", ", ".join(unknown), column="claim_id"
        )
    by_id = {r["claim_id"]: (r["row"], r) for r in checks.to_dict("records")}
    bases = correction_bases(src.t3)
    corrected = corrected_from_claims(src.t3)
    out = []
    for c in claims.to_dict("records"):
        line, check = by_id.get(c["claim_id"], (None, None))
        row = {
            k: c[k]
            for k in (
                "claim_id",
                "section",
                "text_ja",
                "text_en",
                "subject",
                "quantity",
                "value",
                "unit",
                "year",
            )
        }
        row.update(method="", recomputed="", tolerance="", sources="", evidence_class="none")
        if check is None or check["method"] == "none":
            cited = str(c["cited_source"])
            reason = (
                Noted(check["note"])
                if check is not None and check["note"]
                else say(
                    "no_source",
                    would=say("cited_would_check", cited=cited)
                    if cited and cited != "nan" and not cited.startswith("none")
                    else say("primary_would_check"),
                )
            )
            out.append({**row, "status": "not-checkable", "evidence": reason})
            continue
        claimed = parse_claimed(c["value"])
        if check["method"] not in METHODS or (claimed is None and check["method"] not in DESCRIBE):
            raise InputError(
                checks_path,
                f"a method of {sorted(METHODS)} for a claim that states a number",
                f"{check['method']} for {c['value']!r}",
                row=line,
                column="method",
            )
        args = parse_args(check["args"])
        basis = bases.get(c["claim_id"])
        if basis and check["method"].startswith("t3_"):
            raise InputError(
                checks_path,
                f"a check on evidence independent of Table 3: the "
                f"claim is the basis of correction {basis}, so the corrected "
                "cell would only return the claim",
                check["method"],
                row=line,
                column="method",
            )
        try:
            result = METHODS[check["method"]](src, args, claimed)
        except NotCheckable as why:
            out.append(
                {**row, "method": check["method"], "status": "not-checkable", "evidence": why.said}
            )
            continue
        except (LookupError, KeyError) as err:
            raise InputError(
                checks_path, "a check whose data can be found", str(err), row=line
            ) from None
        recomputed, evidence, refs = result[:3]
        cited_vintage = _other_vintage(str(c["cited_source"]), check["method"], args)
        if cited_vintage:
            out.append(
                {
                    **row,
                    "method": check["method"],
                    "status": "not-checkable",
                    "recomputed": _fmt(recomputed),
                    "sources": refs,
                    "evidence": then(
                        say("other_vintage", evidence=evidence, vintage=cited_vintage),
                        *_noted(check["note"]),
                    ),
                }
            )
            continue
        # a claim stating no number is only described: its check raises NotCheckable
        assert claimed is not None, c["claim_id"]
        status, evidence, shown_tolerance = _verdict(c, claimed, check, args, result, evidence)
        evidence = then(evidence, *_noted(check["note"]))
        if (
            status == "inconsistent"
            and check["method"].startswith(OWN_NUMBERS)
            and relays(c["cited_source"])
        ):
            status = "not-checkable"
            evidence = say("relays", cited=c["cited_source"], evidence=evidence)
        if basis:
            evidence = then(evidence, say("basis", correction=basis))
        out.append(
            {
                **row,
                "method": check["method"],
                "status": status,
                "recomputed": _fmt(recomputed),
                "tolerance": shown_tolerance,
                "sources": refs,
                "evidence": evidence,
                "evidence_class": (
                    "none"
                    if status == "not-checkable"
                    else evidence_class(check["method"], refs, corrected)
                ),
            }
        )
    table = pd.DataFrame(out)
    return table[[c for c in table.columns if c != "evidence_class"] + ["evidence_class"]]


def _verdict(c: dict, claimed: Claimed, check: dict, args: dict, result: tuple, evidence: Evidence):
    """(status, evidence, tolerance shown) of a check's result, by the rounding rule, the
    range the evidence allows (``Allowed``) and the part of the claim checked."""
    recomputed = result[0]
    op = "at_most" if check["method"] == "t3_at_most" else args.get("op", "")
    tol = (
        float(check["tolerance"])
        if check["tolerance"]
        else (default_tolerance(c["value"], claimed) if claimed.approx else None)
    )
    if check["method"] == "secondary_share":
        # the source's printed percentage against the claim's share, rounded alike
        source = Claimed(recomputed, False, "")
        step = precision(f"{recomputed:g}")
        ok = holds(result[3], source, step, tol, "")
    else:
        step = precision(c["value"], c["unit"])
        ok = holds(recomputed, claimed, step, tol, op)
    # "about": the data agree within the check's tolerance but cannot give the number
    bound = op in (">", ">=", "at_most", "about") or claimed.bound != ""
    status = ("consistent" if bound else "match") if ok else check["on_fail"]
    allowed = result[3] if len(result) > 3 and isinstance(result[3], Allowed) else None
    if not ok and allowed and within(allowed.low, allowed.high, claimed, step, tol):
        status = "consistent"
        evidence = then(evidence, say("within", why=allowed.why, value=c["value"]))
    if ok and args.get("unchecked"):
        status = "consistent"
        evidence = then(evidence, say("in_part"))
    return status, evidence, f"{tol:g}" if tol is not None else f"{float(step) / 2:g}"


def add_later_evidence(
    audit: pd.DataFrame, later: pd.DataFrame, src: Sources, later_path: str
) -> pd.DataFrame:
    """Append to a claim's evidence what a later or another source says of the same figure
    (``data/audit/claim_later_evidence.csv``: claim_id, method, args, note): a revision
    the paper could not know, or a second publisher's figure for the same year.

    The claim's status stays as its own source gives it. One rule changes the evidence
    class: a claim resting on Table 3 alone (``paper_table3``) whose figure another
    publisher gives for the same year (``SAME_FIGURE`` checks) within the claim's own
    tolerance rests on ``independent`` evidence; a figure outside it is only reported."""
    audit = audit.set_index("claim_id", drop=False)
    for line, r in enumerate(later.to_dict("records"), start=2):
        if r["claim_id"] not in audit.index or r["method"] not in METHODS:
            raise InputError(
                later_path,
                "a claim id of claims.csv and a check method",
                f"{r['claim_id']} {r['method']}",
                row=line,
            )
        claimed = parse_claimed(audit.at[r["claim_id"], "value"])
        cid = r["claim_id"]
        try:
            found, evidence, refs = METHODS[r["method"]](src, parse_args(r["args"]), claimed)[:3]
        except NotCheckable as why:
            found, evidence, refs = None, why.said, ""
        except (LookupError, KeyError) as err:
            raise InputError(later_path, "a check whose data can be found", str(err), row=line)
        if (
            r["method"] in SAME_FIGURE
            and found is not None
            and claimed is not None
            and audit.at[cid, "evidence_class"] == "paper_table3"
            and abs(found - claimed.value) <= float(audit.at[cid, "tolerance"])
        ):
            audit.at[cid, "evidence_class"] = "independent"
        audit.at[cid, "evidence"] = then(
            audit.at[cid, "evidence"],
            say(
                "another_publisher" if r["method"] in SAME_FIGURE else "later_data",
                evidence=evidence,
            ),
            *_noted(r["note"]),
        )
        audit.at[cid, "sources"] = "; ".join(filter(None, [audit.at[cid, "sources"], refs]))
    return audit.reset_index(drop=True)


def _noted(note: str) -> list:
    """A check's note from data/audit, as a sentence after the evidence (none if empty)."""
    return [say("note", note=Noted(note))] if note else []


def _fmt(value) -> str:
    if isinstance(value, dict):
        return "; ".join(f"{k} {v:g}" for k, v in value.items())
    if isinstance(value, (int, float)) and not math.isnan(value):
        return f"{value:,.0f}" if abs(value) >= 10_000 else f"{value:.6g}"
    return str(value)
