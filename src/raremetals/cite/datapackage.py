"""``results/datapackage.json``: a Frictionless Data Package describing every table the
pipeline writes, so that a reader's tools (frictionless, pandas, R, Excel's importers)
know each column's name, type and meaning (a unit where the description gives one; most
tables carry a unit column) before opening the file.

Each resource is one CSV of ``results/``, its path relative to the package; its fields
come from the table's schema (the same that checks it and writes the data dictionary);
its sources are the registry's sources it was made from, found by walking the job
records from the table back to the vendored files.
"""

from __future__ import annotations

from pathlib import PurePosixPath

from raremetals.sources.registry import Source

# pandera dtype -> Table Schema type
TYPES = {
    "str": "string",
    "int64": "integer",
    "Int64": "integer",
    "float64": "number",
    "bool": "boolean",
}


def upstream_sources(path: str, records: dict[str, dict], registry: dict[str, Source]) -> list[str]:
    """The ids of the registry's sources an output was made from, however many jobs
    lie between: vendored files, and the fetch records that verified them."""
    by_file = {f.path: s.id for s in registry.values() for f in s.files}
    found, todo, seen = set(), [path], set()
    while todo:
        current = todo.pop()
        if current in seen:
            continue
        seen.add(current)
        if current in by_file:
            found.add(by_file[current])
        elif current.startswith("results/fetch/") and PurePosixPath(current).stem in registry:
            found.add(PurePosixPath(current).stem)
        elif current in records:
            todo += records[current]["inputs"]
    return sorted(found)


def field(column: str, spec) -> dict:
    out = {
        "name": column,
        "type": TYPES.get(str(spec.dtype), "any"),
        "description": spec.description or "",
    }
    # an empty text cell is a value ("no flag"), and a CSV writes it as it writes a
    # missing one: only numbers, booleans and dates can be required
    if not spec.nullable and out["type"] != "string":
        out["constraints"] = {"required": True}
    return out


def datapackage(
    tables: list, schemas: dict, records: dict[str, dict], registry: dict[str, Source], version: str
) -> dict:
    """The package: ``tables`` are catalogue entries (name, path, description),
    ``schemas`` their pandera schemas by name."""
    resources = []
    for table in tables:
        ids = upstream_sources(table.path, records, registry)
        resources.append(
            {
                "name": table.name,
                "path": str(PurePosixPath(table.path).relative_to("results")),
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "description": table.description,
                "sources": [_source(registry[i]) for i in ids],
                "schema": {
                    "fields": [field(c, s) for c, s in schemas[table.name].columns.items()],
                    "missingValues": [""],
                },
            }
        )
    return {
        "profile": "tabular-data-package",
        "name": "raremetals-results",
        "title": "Rare metals and rare earths: the 2010 analysis, regenerated (results)",
        "description": (
            "The tables of results/: tidy source data, concentration and dependency "
            "statistics, and the audit of the paper's numbers. Every row names its source "
            "file and row; units are given per row (column unit) or in the field's "
            "description. The data keep their sources' terms (each resource's sources)."
        ),
        "version": version,
        "sources": [_source(s) for s in registry.values()],
        "resources": resources,
    }


def _source(source: Source) -> dict:
    out = {"title": f"{source.title} ({source.publisher}, {source.edition})"}
    if source.doi:
        out["path"] = f"https://doi.org/{source.doi}"
    elif source.url:
        out["path"] = source.url
    return out
