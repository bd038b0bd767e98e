"""Every USGS edition into one table: which parser reads an edition, by the layout its
registry entry gives (``usgs_release.layout`` in ``data/sources.yaml``), and the checks
and tables made from all editions together.

The layout of one wide file per commodity (MCS 2022-2024) is read file by file by
:func:`raremetals.clean.per_commodity.parse_world_file`; the layouts of one table by the
parsers of ``ONE_TABLE``, each with the encoding of its files. :func:`clean_usgs_world`
is the whole clean step, called by the rule clean_usgs_world and by the
tests on a file made faulty, so that each fault is met where the file is read.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from raremetals.clean import accounting, editions, long_table, world_table

ONE_TABLE = {
    "world-table": (world_table.parse_world_table, world_table.ENCODING),
    "long": (long_table.parse_commodities_table, long_table.ENCODING),
}


def clean_usgs_world(
    files: dict[str, list[str]],
    releases: dict[str, dict],
    reference: dict[str, str],
    raw_root: str = "data/raw/",
) -> tuple[dict[str, pd.DataFrame], list[str]]:
    """The tidy tables of every USGS edition (observations, the row accounting, the
    revisions between editions, the best series) and the notes of what was left out.

    ``files``: each source id's files (the paths its fetch record gives); ``releases``:
    each source id's ``usgs_release`` entry; ``reference``: the paths of
    ``usgs_reference.REFERENCE``."""
    from raremetals.clean.cells import capacity_by_words
    from raremetals.clean.commodities import load_commodities
    from raremetals.clean.corrections import (
        apply_version_corrections,
        check_findings_apply,
        load_header_fixes,
        load_note_readings,
        load_unit_findings,
        mark_suspect,
    )
    from raremetals.clean.countries import CountryResolver
    from raremetals.clean.per_commodity import parse_world_file
    from raremetals.clean.usgs_tables import LEFT_OUT, CommodityNames
    from raremetals.core.schemas.usgs import (
        OBSERVATIONS,
        USGS_BEST_SERIES,
        USGS_REVISIONS,
        USGS_ROW_ACCOUNTING,
    )

    ref = reference
    resolver = CountryResolver(ref["countries"])
    commodities = load_commodities(ref["commodities"])
    names = CommodityNames(ref["commodities"], ref["commodity_names"])
    fixes = load_header_fixes(ref["header_fixes"])
    findings = load_unit_findings(ref["units"])
    readings = load_note_readings(ref["note_readings"])
    frames, not_read, read, notes = [], [], {}, []
    for source_id, paths in files.items():
        release = releases[source_id]
        if release["layout"] == "per-commodity":
            for path in sorted(p for p in paths if "/world/" in p and p.endswith("_world.csv")):
                frames.append(
                    parse_world_file(
                        path,
                        source_id,
                        commodities,
                        resolver,
                        fixes,
                        findings,
                        ref["units"],
                        readings,
                    )
                )
                read[Path(path).name] = (path, accounting.data_row_numbers(path))
            continue
        parse, encoding = ONE_TABLE[release["layout"]]
        below = "/" + release["table"].removeprefix(raw_root)
        [path] = [p for p in paths if p.endswith(below)]
        table, skipped = parse(
            path, source_id, names, resolver, findings, edition=release["edition"]
        )
        frames.append(table)
        not_read += [dict(r, edition=release["edition"]) for r in skipped]
        read[Path(path).name] = (path, accounting.data_row_numbers(path, encoding))
        left_out = sorted({r["commodity_raw"] for r in skipped if r["reason"] == LEFT_OUT})
        if left_out:
            notes.append(f"{Path(path).name}: chapters left out: {', '.join(left_out)}")
    # a file whose cells are all codes has no number: its value column is still a float
    # one (only such frames are cast: a cast of each of 168 frames cost a second)
    table = pd.concat(
        [f if f["value"].dtype == float else f.astype({"value": float}) for f in frames],
        ignore_index=True,
    )
    table = capacity_by_words(table)
    table = apply_version_corrections(table, ref["version_corrections"])
    table = mark_suspect(table, ref["value_issues"])
    check_findings_apply(table, findings, ref["units"])
    table = accounting.assign_distributions(
        table, {c["commodity"]: c["name_en"] for c in commodities.values()}
    )
    accounting.check_one_unit(table)
    accounting.check_repeated_series(table, ref["value_issues"])
    table = OBSERVATIONS.validate(table[list(OBSERVATIONS.columns)])
    account = accounting.row_accounting(
        table,
        pd.DataFrame(not_read, columns=["edition", "file", "row", "commodity_raw", "reason"]),
    )
    accounting.check_every_row(account, read)
    revisions = editions.compare_editions(
        table, {f.id for f in findings if f.verdict == "revision"}
    )
    editions.check_unit_scale(revisions, ref["units"])
    tables = {
        "observations": table,
        "usgs_row_accounting": USGS_ROW_ACCOUNTING.validate(account),
        "usgs_revisions": USGS_REVISIONS.validate(revisions),
        "usgs_best_series": USGS_BEST_SERIES.validate(editions.best_series(table)),
    }
    return tables, notes
