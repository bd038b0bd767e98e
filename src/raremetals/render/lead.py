"""The report's table of the paper's twelve metals, 2009 against today: China's share of
production and of reserves, the HHI of production and its DOJ/FTC class, Japan's leading
import source then and now, and a sentence in the page's language on what changed. Every
number is an entry of ``results/numbers.json``, shown with its file, row and macro."""

from __future__ import annotations

import html

from raremetals.stats.measures import doj_ftc_class

e = html.escape


def number_html(n: dict, tag: str) -> str:
    """One number of numbers.json as a page shows it, its file, row and macro on hover."""
    shown = n["text"] + ("%" if n["unit"] == "%" else "")
    return (
        f'<{tag} title="{e(n["file"])}, {e(n["rows"])} (\\{e(n["macro"])})" '
        f'data-key="{e(n["key"])}">{e(shown)}</{tag}>'
    )


def japan_leaders(japan, today, language) -> dict[tuple[str, str], str]:
    """(commodity, "2009" or "today") -> Japan's leading import source, named in
    ``language``: Table 3's first source for 2009, the largest partner by value today."""
    out = {}
    for r in japan.itertuples():
        if r.sources:
            out[(r.commodity, "2009")] = language.country(r.sources.split(";")[0])
    for r in today[(today["basis"] == "value") & (today["rank"] == 1)].itertuples():
        out[(r.commodity, "today")] = language.country(r.country_code, r.country)
    return out


def hhi_class(by_key: dict, commodity: str, when: str) -> str:
    """The DOJ/FTC class of the HHI of production: "highly concentrated", ... ("" where
    there is no HHI); of the range where its two ends fall in different classes."""
    lo = by_key.get(f"{commodity}.production.hhi_lower.{when}")
    hi = by_key.get(f"{commodity}.production.hhi_upper.{when}")
    if lo is None:
        return ""
    low = doj_ftc_class(lo["value"])
    high = doj_ftc_class(hi["value"]) if hi is not None else low
    return low if low == high else f"{low} – {high}"


def named(c: str, words: dict) -> str:
    """A class of :func:`hhi_class` in the page's language; a range as its words say."""
    parts = [words["classes"][part] for part in c.split(" – ")]
    return parts[0] if len(parts) == 1 else words["class_range"].format(a=parts[0], b=parts[1])


def what_changed(by_key: dict, commodity: str, leaders: dict, words: dict) -> str:
    """One sentence or three on the metal from 2009 to today, from the numbers alone:
    China's share of production, the concentration class, Japan's leading source."""
    said = []
    then = by_key.get(f"{commodity}.production.china_share.2009")
    now = by_key.get(f"{commodity}.production.china_share.latest")
    if then is not None and now is not None:
        a, b = then["text"] + "%", now["text"] + "%"
        key = "same" if a == b else "up" if now["value"] > then["value"] else "down"
        said.append(words[f"share_{key}"].format(a=a, b=b))
    c0, c1 = hhi_class(by_key, commodity, "2009"), hhi_class(by_key, commodity, "latest")
    if c0 and c1:
        if c0 == c1:
            said.append(words["class_same"].format(c=named(c0, words)))
        else:
            said.append(words["class_moved"].format(c0=named(c0, words), c1=named(c1, words)))
    x0, x1 = leaders.get((commodity, "2009")), leaders.get((commodity, "today"))
    if x0 and x1:
        key = "leader_same" if x0 == x1 else "leader_moved"
        said.append(words[key].format(x=x1, x0=x0, x1=x1))
    return words["sep"].join(said)


def lead_section(
    numbers: list[dict],
    metals: list[tuple[str, str]],
    middle_year: int,
    leaders: dict[tuple[str, str], str],
    words: dict,
) -> str:
    """The table (``metals``: id and name in the page's language; ``leaders``: from
    :func:`japan_leaders`, today's "" where the trade data cover no code for the metal;
    ``words``: the catalogue's ``report.page``), through ``middle_year``."""
    by_key = {n["key"]: n for n in numbers}
    latest = by_key["year.latest"]["text"]

    def cell(commodity: str, measure: str, stat: str, when: str) -> str:
        n = by_key.get(f"{commodity}.{measure}.{stat}.{when}")
        return "<td>–</td>" if n is None else number_html(n, "td")

    def hhi(commodity: str, when: str) -> str:
        n = by_key.get(f"{commodity}.production.hhi_range.{when}")
        c = hhi_class(by_key, commodity, when)
        if n is None:
            return "<td>–</td>"
        return f"<td>{number_html(n, 'span')}<br><small>{e(named(c, words))}</small></td>"

    def leader(commodity: str, when: str) -> str:
        country = leaders.get((commodity, when), "")
        n = by_key.get(f"{commodity}.japan_imports.leader_share.{when}")
        if not country:
            return f"<td>{e(words['not_covered'])}</td>" if when == "today" else "<td>–</td>"
        share = "" if n is None else " " + number_html(n, "span")
        return f"<td>{e(country)}{share}</td>"

    rows = "".join(
        f"<tr><th>{e(name)}</th>"
        + "".join(
            cell(c, "production", "china_share", w) for w in ("2009", str(middle_year), "latest")
        )
        + "".join(cell(c, "reserves", "china_share", w) for w in ("2009", "latest"))
        + hhi(c, "2009")
        + hhi(c, "latest")
        + leader(c, "2009")
        + leader(c, "today")
        + f'<td class="changed">{e(what_changed(by_key, c, leaders, words))}</td>'
        + "</tr>"
        for c, name in metals
    )
    today = by_key.get("year.japan_imports")
    today = today["text"] if today else words["today"]
    text = words["lead_text"].format(middle=middle_year, latest=e(latest), today=e(today))
    years = f"<th>2009</th><th>{e(latest)}</th>"
    return (
        f'<h2 id="lead">{e(words["lead_title"].format(latest=latest))}</h2><p>{text}</p>'
        f"<table><thead><tr><th rowspan=2>{e(words['metal'])}</th><th colspan=3>"
        f"{e(words['china_share'])}</th><th colspan=2>{e(words['china_reserves'])}</th>"
        f"<th colspan=2>{e(words['hhi'])}</th><th colspan=2>{e(words['japan_source'])}</th>"
        f"<th rowspan=2>{e(words['changed'])}</th></tr><tr>"
        f"<th>2009</th><th>{middle_year}</th><th>{e(latest)}</th>{years}{years}"
        f"<th>2009</th><th>{e(today)}</th>"
        f"</tr></thead><tbody>{rows}</tbody></table>"
    )
