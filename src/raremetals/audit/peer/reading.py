"""Reading what the USGS states of its own world tables: the critical minerals' salient
tables (MCS 2026 T7, MCS 2024 T5), their numbers and names, and Fig. 2's labels."""

from __future__ import annotations

import re

from raremetals.core.errors import InputError
from raremetals.core.io import read_csv_rows

# the two tables' columns by what they hold (MCS 2024 spells some apart)
_T_COLUMNS = {
    "name": ["Critical_mineral"],
    "year": ["Year"],
    "nir": ["Net_Import_Reliance"],
    "source": ["Primary_import_sources_2021-24", "Primary_import_source"],
    "leader": ["Leading_source_country"],
    "leader_prod": ["Leading_country_prod"],
    "share": ["Leading_source_precent_world"],
    "world": ["World_total_prod"],
    "world_notes": ["World_prod_notes"],
}
_NUMBER = re.compile(r"^\d[\d,]*(?:\.\d+)?$")


def number(text: str) -> float | None:
    text = text.strip()
    return float(text.replace(",", "")) if _NUMBER.match(text) else None


def mineral_name(text: str) -> str:
    """A mineral's name without the footnote digit the table appends ("metals)9")."""
    return re.sub(r"(?<=\))\d+$", "", " ".join(text.split()))


def read_salient_table(path) -> list[dict]:
    """The rows of a critical-minerals salient table (T7, T5) by what each column holds,
    with the line of each."""
    rows = read_csv_rows(path)
    header = [h.strip() for h in rows[0]]
    col = {}
    for what, names in _T_COLUMNS.items():
        found = [header.index(n) for n in names if n in header]
        if not found:
            raise InputError(path, f"a column named {' or '.join(names)}", ", ".join(header))
        col[what] = found[0]
    out = []
    for line, cells in enumerate(rows[1:], start=2):
        if not any(c.strip() for c in cells):
            continue
        year = re.match(r"^(\d{4})", cells[col["year"]].strip())
        if not year:
            raise InputError(
                path, "a year such as 2025_estimated", cells[col["year"]], row=line, column="Year"
            )
        r = {what: cells[i].strip() for what, i in col.items()}
        # the world tables are in metric tons; MCS 2024's T5 has no unit column (its
        # figures are metric tons too, as its world totals show)
        if "Units" in header and cells[header.index("Units")].strip() != "metric tons":
            raise InputError(
                path, "metric tons", cells[header.index("Units")], row=line, column="Units"
            )
        out.append({**r, "name": mineral_name(r["name"]), "year": int(year[1]), "line": line})
    return out


def fig2_label(name: str, labels: list[str]) -> str | None:
    """Fig. 2's label for a mineral of Fig. 3 or T7: the same words in any order and case
    ("Graphite, natural" is "GRAPHITE (NATURAL)"), else, for a name of one word, the one
    label that starts with it ("Niobium" is "NIOBIUM (COLUMBIUM)")."""

    def words(text):
        return re.findall(r"[a-z0-9]+", text.casefold())

    same = [lab for lab in labels if sorted(words(lab)) == sorted(words(name))]
    if same:
        return same[0]
    if len(words(name)) != 1:
        return None
    starting = [lab for lab in labels if words(lab)[:1] == words(name)]
    return starting[0] if len(starting) == 1 else None
