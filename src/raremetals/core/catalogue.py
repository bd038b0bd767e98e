"""The catalogue of tables: every table the pipeline writes or reads by name, with its
path, the schema that checks it, the rule that makes it and what it holds.

The workflow's rules take their output paths from here, the figures and the report read
tables by name, the data dictionaries list the schemas of a stage, and the tests find
the tables they check; nothing else spells these paths out.

The tables are declared in ``catalogue.csv`` beside this module, one row each (name, folder,
rule, schema, description, report category). Paths are relative to the folder the pipeline runs in.
Schemas are named, not imported, so that listing the catalogue does not load pandera.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Table:
    name: str
    stage: str  # tidy, stats or audit (a folder of results/), or data (an input)
    rule: str  # the rule that writes it ("" for an input)
    schema: str  # attribute of raremetals.core.schemas ("" when the table has none)
    description: str
    # the source a compiled table is cleaned from (clean_compiled_table)
    source: str = ""
    # the category under which Snakemake's own report shows the table ("": not shown)
    report: str = ""

    @property
    def path(self) -> str:
        if self.stage == "data":
            return f"data/{self.name}.csv"
        return f"results/{self.stage}/{self.name}.csv"


def _declared() -> dict[str, Table]:
    """The tables as ``catalogue.csv`` beside this module declares them, one row each."""
    import csv

    text = Path(__file__).with_name("catalogue.csv").read_text(encoding="utf-8")
    rows = csv.DictReader(line for line in text.splitlines() if not line.startswith("#"))
    tables = [Table(**row) for row in rows]
    names = [t.name for t in tables]
    twice = sorted({n for n in names if names.count(n) > 1})
    if twice:
        raise ValueError(f"catalogue.csv declares {', '.join(twice)} more than once")
    return {t.name: t for t in tables}


TABLES: dict[str, Table] = _declared()

STAGES = ("tidy", "stats", "audit")


def path(name: str) -> str:
    return TABLES[name].path


def of_rule(rule: str) -> dict[str, str]:
    """Output name -> path of every table a rule writes."""
    return {t.name: t.path for t in TABLES.values() if t.rule == rule}


def of_stage(stage: str) -> list[Table]:
    return [t for t in TABLES.values() if t.stage == stage]


def schema(name: str, **settings):
    """The schema of a table. One whose columns follow a setting of the build (the USGS
    editions it reads, the comparison's middle year) is a function of that setting, and
    made for the value ``settings`` give it (``editions=[...]``, ``middle_year=2023``)."""
    import inspect

    # imported by name, so that the workflow's rules list every schema module among the
    # inputs of a job that reads or writes through the catalogue
    from raremetals.core.schemas import (
        audit,
        bgs,
        eu,
        figures,
        inputs,
        processing,
        stats,
        tidy,
        trade,
        usgs,
        wmd,
    )

    loaded = (audit, bgs, eu, figures, inputs, processing, stats, tidy, trade, usgs, wmd)
    module, attribute = TABLES[name].schema.rsplit(".", 1)
    found = getattr({m.__name__.rsplit(".", 1)[1]: m for m in loaded}[module], attribute)
    if not inspect.isfunction(found):
        return found
    wanted = list(inspect.signature(found).parameters)
    missing = [w for w in wanted if w not in settings]
    if missing:
        raise TypeError(f"the schema of {name} is made for a value of {', '.join(missing)}")
    return found(**{w: settings[w] for w in wanted})


def read(name: str, path: str | None = None):
    """Read a table of the catalogue (from ``path`` if given): a results table checked
    against its schema (made for the build settings its header shows), an input as text
    cells."""
    from raremetals.core.io import read_reference, read_tidy

    table = TABLES[name]
    where = path or table.path
    if not table.schema:
        return read_reference(where)
    import csv

    from raremetals.core.schemas import settings_in_header

    with open(where, encoding="utf-8", newline="") as fh:
        header = next(csv.reader(fh), [])
    return read_tidy(where, schema(name, **settings_in_header(header)))


def write(name: str, table, path: str | None = None, **options):
    """Check ``table`` against the schema of catalogued table ``name`` (made for the build
    settings its columns show), write it (to ``path`` if given) and return it as checked;
    ``options`` go to ``core.io.write_table`` (``sort_by``)."""
    from raremetals.core.io import write_table
    from raremetals.core.schemas import settings_in_header

    checked = schema(name, **settings_in_header(list(table.columns))).validate(table)
    write_table(checked, path or TABLES[name].path, **options)
    return checked
