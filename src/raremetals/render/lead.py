"""The report's table of the paper's twelve metals, 2009 against today: China's share of
production and of reserves, the HHI of production and its DOJ/FTC class, Japan's leading
import source then and now, and a sentence in the page's language on what changed. Every
number is an entry of ``results/numbers.json``, shown with its file, row and macro."""

from __future__ import annotations

import html

from markupsafe import Markup

from raremetals.render import web
from raremetals.stats.measures import doj_ftc_class

e = html.escape


def number_html(n: dict, tag: str) -> Markup:
    """One number of numbers.json as a page shows it, its file, row and macro on hover."""
    shown = n["text"] + ("%" if n["unit"] == "%" else "")
    return Markup(
        f'<{tag} title="{e(n["file"])}, {e(n["rows"])} (\\{e(n["macro"])})" '
        f'data-key="{e(n["key"])}">{e(shown)}</{tag}>'
    )


def japan_leaders(japan, today, language) -> dict[tuple[str, str], str]:
    """(commodity, "2009" or "today") -> Japan's leading import source, named in
    ``language``: Table 3's first source for 2009, the largest partner by value today;
    (commodity, "code") -> the HS code that stands for the metal today, and (commodity,
    "unlike") -> why today's code is not like Table 3's metal ("" where it is:
    ``stats.comparability``, decided in ``japan_imports.csv``)."""
    out = {}
    for r in japan.itertuples():
        if r.sources:
            out[(r.commodity, "2009")] = language.country(r.sources.split(";")[0])
    for r in today[(today["basis"] == "value") & (today["rank"] == 1)].itertuples():
        out[(r.commodity, "today")] = language.country(r.country_code, r.country)
        out[(r.commodity, "code")] = f"{r.hs6[:4]}.{r.hs6[4:]}"
        out[(r.commodity, "unlike")] = "" if r.like_2009 else r.unlike_2009
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


def _share(then: dict, now: dict, comparable: bool, words: dict) -> str:
    """China's share 2009 against now: a change only between like things, and only
    where a bound allows it (a fall to "at most 59%" from 97% is a fall; a rise to it is
    not known)."""
    a, b = then["text"] + "%", now["text"] + "%"
    if not comparable:
        return words["share_unlike"].format(a=a, b=b)
    if now["bound"] == "at most" and now["value"] >= then["value"]:
        return words["share_unknown"].format(a=a, b=b)
    key = "same" if a == b else "up" if now["value"] > then["value"] else "down"
    return words[f"share_{key}"].format(a=a, b=b)


def what_changed(
    by_key: dict, commodity: str, leaders: dict, words: dict, comparable: bool = True
) -> str:
    """One sentence or three on the metal from 2009 to today, from the numbers alone:
    China's share of production, the concentration class, Japan's leading source. A
    change is said only where the two sides are alike (``comparable``, from the
    comparison table; Japan's sources, from ``japan_imports.csv``); otherwise the
    sentence says what each side is."""
    said = []
    then = by_key.get(f"{commodity}.production.china_share.2009")
    now = by_key.get(f"{commodity}.production.china_share.latest")
    if then is not None and now is not None:
        said.append(_share(then, now, comparable, words))
    c0, c1 = hhi_class(by_key, commodity, "2009"), hhi_class(by_key, commodity, "latest")
    if c0 and c1 and comparable:
        if c0 == c1:
            said.append(words["class_same"].format(c=named(c0, words)))
        else:
            said.append(words["class_moved"].format(c0=named(c0, words), c1=named(c1, words)))
    x0, x1 = leaders.get((commodity, "2009")), leaders.get((commodity, "today"))
    unlike = leaders.get((commodity, "unlike"), "")
    if x0 and x1 and unlike:
        said.append(
            words["leader_unlike"].format(
                x0=x0, x1=x1, code=leaders[(commodity, "code")], kind=words[f"unlike_{unlike}"]
            )
        )
    elif x0 and x1:
        key = "leader_same" if x0 == x1 else "leader_moved"
        said.append(words[key].format(x=x1, x0=x0, x1=x1))
    return words["sep"].join(said)


def lead_section(
    numbers: list[dict],
    metals: list[tuple[str, str]],
    middle_year: int,
    leaders: dict[tuple[str, str], str],
    words: dict,
    comparable: dict[str, bool] | None = None,
) -> str:
    """The table (``metals``: id and name in the page's language; ``leaders``: from
    :func:`japan_leaders`, today's "" where the trade data cover no code for the metal;
    ``words``: the catalogue's ``report.page``; ``comparable``: whether each metal's
    production of 2009 and today may be compared, from paper_metals_comparison.csv),
    through ``middle_year``."""
    by_key = {n["key"]: n for n in numbers}
    comparable = comparable or {}
    latest = by_key["year.latest"]["text"]

    def number(commodity: str, measure: str, stat: str, when: str) -> dict | None:
        return by_key.get(f"{commodity}.{measure}.{stat}.{when}")

    def leader(commodity: str, when: str) -> dict:
        """Japan's leading source: the country, its share, and for today's source (of one
        code) which code it is and that it is a proxy."""
        kind = leaders.get((commodity, "unlike"), "") if when == "today" else ""
        code = leaders.get((commodity, "code"))
        return {
            "today": when == "today",
            "country": leaders.get((commodity, when), ""),
            "share": number(commodity, "japan_imports", "leader_share", when),
            "said": words["japan_code"].format(code=code, kind=words[f"unlike_{kind}"])
            if kind and code
            else "",
        }

    rows = [
        {
            "id": c,
            "name": name,
            "shares": [
                number(c, "production", "china_share", w)
                for w in ("2009", str(middle_year), "latest")
            ]
            + [number(c, "reserves", "china_share", w) for w in ("2009", "latest")],
            "hhi": [number(c, "production", "hhi_range", w) for w in ("2009", "latest")],
            "classes": [
                named(k, words) if (k := hhi_class(by_key, c, w)) else ""
                for w in ("2009", "latest")
            ],
            "leaders": [leader(c, "2009"), leader(c, "today")],
            "changed": what_changed(by_key, c, leaders, words, comparable.get(c, True)),
        }
        for c, name in metals
    ]
    today = by_key.get("year.japan_imports")
    today = today["text"] if today else words["today"]
    text = words["lead_text"].format(middle=middle_year, latest=e(latest), today=e(today))
    return web.render(
        "lead.html.j2",
        number_html=number_html,
        words=words,
        latest=latest,
        middle=middle_year,
        today=today,
        text=Markup(text),
        rows=rows,
    )
