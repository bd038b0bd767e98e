"""Checks of the elements' physical properties, from the package ``mendeleev``, and the
spread of their published values (``data/audit/element_values.csv``)."""

from __future__ import annotations

import importlib.metadata
import importlib.util
import sqlite3
from contextlib import closing
from pathlib import Path

from raremetals.audit.checks.base import Allowed, NotCheckable, Sources
from raremetals.audit.evidence import Listed, Noted, say

KELVIN = 273.15

ELEMENT_PROPERTIES = {
    "density": "e.density",
    "melting_point": "p.melting_point",
    "boiling_point": "p.boiling_point",
}


def from_mendeleev(symbol: str, name: str) -> tuple[str, float | None, str]:
    """(element name, value, package version) of ``density`` (g/cm3) or ``melting_point``
    / ``boiling_point`` (K) from the database the element-properties package ``mendeleev``
    ships. It is read with sqlite3: importing mendeleev's object layer (SQLAlchemy,
    pydantic, Pint) costs more than a second, the query a millisecond."""
    spec = importlib.util.find_spec("mendeleev")
    if spec is None:
        raise NotCheckable(say("mendeleev_missing"))
    db = Path(list(spec.submodule_search_locations or [""])[0]) / "elements.db"
    with closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True)) as con:
        rows = con.execute(
            f"SELECT e.name, {ELEMENT_PROPERTIES[name]} FROM elements e "
            "LEFT JOIN phasetransitions p ON p.atomic_number = e.atomic_number "
            "WHERE e.symbol = ?",
            (symbol,),
        ).fetchall()
    if len(rows) != 1:
        raise NotCheckable(
            say("mendeleev_records", n=len(rows), property=say(f"element.{name}"), symbol=symbol)
        )
    return rows[0][0], rows[0][1], importlib.metadata.version("mendeleev")


def element_property(src: Sources, a, claim):
    """An element's physical property from the element-properties package ``mendeleev``
    (melting and boiling points in kelvin there; ``unit=C`` gives Celsius)."""
    element, value, version = from_mendeleev(a["symbol"], a["property"])
    if value is None:
        raise NotCheckable(
            say("mendeleev_none", property=say(f"element.{a['property']}"), symbol=a["symbol"])
        )
    shown = {"C": "°C", "K": "K", "g/cm3": "g/cm3 (= Mg/m3)"}[a["unit"]]
    if a["unit"] == "C":
        value -= KELVIN
    return (
        float(value),
        say(
            "mendeleev",
            version=version,
            property=say(f"element.{a['property']}"),
            element=say(f"element.{element}"),
            value=f"{value:,.6g}",
            unit=shown,
        ),
        f"mendeleev {version}: {a['symbol']}.{a['property']}",
        published_spread(src, a["symbol"], a["property"], a["unit"], float(value), shown),
    )


def published_spread(src: Sources, symbol, prop, unit, value, shown) -> Allowed | None:
    """From the lowest to the highest published value of a property (each with the
    uncertainty its publisher states), the package's own value among them: handbooks
    and producers do not agree to the degree on the melting and boiling points of the
    refractory metals, and a claim is judged against all of them alike."""
    if src.published is None:
        return None
    rows = src.published[
        (src.published["symbol"] == symbol) & (src.published["property"] == prop)
    ].to_dict("records")
    if not rows:
        return None
    lows, highs, said = [value], [value], []
    for r in rows:
        shift = {("K", "C"): -KELVIN, ("C", "K"): KELVIN}.get((r["unit"], unit), 0.0)
        lows.append(float(r["low"]) + shift)
        highs.append(float(r["high"]) + shift)
        said.append(say("published", publisher=Noted(r["publisher"]), value=r["as_published"]))
    return Allowed(
        min(lows),
        max(highs),
        say(
            "published_spread",
            low=f"{min(lows):,.6g}",
            high=f"{max(highs):,.6g}",
            unit=shown,
            values=Listed(said, "clauses"),
        ),
    )


CHECKS = {
    "element_property": element_property,
}
