"""Counts a report quotes, as entries of ``results/numbers.json``: the audit's verdicts by
the evidence they rest on (a match against an independent source is not a match against
the paper's own Table 3), and China's export controls by their status as of the compiled
table's date."""

from __future__ import annotations

import pandas as pd

from raremetals.cite.numbers import camel, entry
from raremetals.core.vocab import EVIDENCE_CLASSES
from raremetals.stats.export_policy import STATUS_DATE, measure_status


def evidence_numbers(claims: pd.DataFrame, file: str) -> list[dict]:
    """Claims with a verdict (every status but not-checkable), by evidence class."""
    verdicts = claims[claims["status"] != "not-checkable"]
    counts = verdicts["evidence_class"].value_counts()
    out = [
        entry(
            "audit.claims.checked",
            "AuditClaimsChecked",
            len(verdicts),
            str(len(verdicts)),
            "claims",
            "count",
            file,
            "status != not-checkable",
            "Claims of the paper with a verdict",
        )
    ]
    for evidence, meaning in EVIDENCE_CLASSES.items():
        if evidence == "none":  # a verdict always rests on something
            continue
        n = int(counts.get(evidence, 0))
        out.append(
            entry(
                f"audit.claims.evidence.{evidence}",
                f"AuditClaimsOn{camel(evidence).replace('3', 'Three')}",
                n,
                str(n),
                "claims",
                "count",
                file,
                f"status != not-checkable, evidence_class={evidence}",
                f"Claims of the paper with a verdict resting on {meaning}",
            )
        )
    return out


# the kinds of data/china_export_measures.csv that are controls: licences and bans
CONTROLS = ("control", "technology")


def export_measure_numbers(controls: pd.DataFrame, kinds: dict[str, str], file: str) -> list[dict]:
    """China's export controls (licences and bans on goods and technology, by their kind
    in ``kinds``: fact id -> kind) in force and suspended as of the table's date, and the
    first day a suspension ends. The WTO case, the end of the quotas and the suspensions
    themselves are measures, not controls, and are not counted."""
    rows = controls[controls["fact_id"].map(kinds).isin(CONTROLS)]
    status = rows["status_as_of_2026"].map(measure_status)
    states = status.map(lambda s: s["state"]).value_counts()
    as_of = f"as of {STATUS_DATE:%B %Y} (the compiled table)"
    out = [
        entry(
            f"china_export_controls.{state.replace(' ', '_')}",
            f"ChinaExportControls{camel(state.replace(' ', '_'))}",
            int(states.get(state, 0)),
            str(int(states.get(state, 0))),
            "controls",
            "count",
            file,
            f"kind control or technology, status_as_of_2026 starts '{state}'",
            f"China's export controls (licences and bans) {state}, {as_of}",
        )
        for state in ("in force", "suspended")
    ]
    until = sorted(s["until"] for s in status if s["state"] == "suspended" and s["until"])
    if until:
        out.append(
            entry(
                "china_export_controls.suspended_until",
                "ChinaExportControlsSuspendedUntil",
                until[0].isoformat(),
                until[0].isoformat(),
                "date",
                "as given",
                file,
                "status_as_of_2026 'suspended until ...', the earliest",
                f"The first day a suspension of China's export controls ends, {as_of}",
            )
        )
    return out
