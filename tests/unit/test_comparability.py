"""Like with like: one verdict for a pair of things set side by side
(stats.comparability), and no renderer states a change between unlike things."""

from __future__ import annotations

import pytest

from conftest import REPO
from raremetals.core.text import load_languages
from raremetals.render.lead import what_changed
from raremetals.stats.comparability import Side, verdict


@pytest.mark.parametrize(
    "a, b, expected",
    [
        (Side("rare_earths"), Side("Permanent magnets of metal", proxy=True), "proxy"),
        (Side("lithium"), Side("Lithium carbonate"), "series"),
        (Side("manganese", "element content"), Side("manganese", "gross weight"), "basis"),
        (Side("cobalt", stage="mine"), Side("cobalt", stage="refinery"), "stage"),
        # "as reported" states nothing: it never differs from a basis that is stated
        (Side("cobalt", "as reported; element content"), Side("cobalt", "element content"), ""),
        (Side("tungsten"), Side("tungsten", "element content"), ""),
    ],
)
def test_one_verdict_for_a_pair(a, b, expected):
    v = verdict(a, b)
    assert (v.like, v.why) == (expected == "", expected)


CHANGE_WORDS = ("rose", "fell", "moved", "stayed", "still", "went from")


@pytest.fixture(scope="module")
def words():
    languages = load_languages(sorted((REPO / "data/languages").glob("*.yaml")))
    return {code: language.report["page"] for code, language in languages.items()}


def n(key, value, text, bound=""):
    return {"key": key, "value": value, "text": text, "bound": bound, "unit": "%"}


def test_no_sentence_states_a_change_between_unlike_things(words):
    """A made-up metal: its 2009 share from one basis and today's from another (the
    comparison table says not comparable), Japan's source then for the metal and today
    for a proxy. No sentence says it rose, fell or moved; each says what each side is."""
    by_key = {
        "x.production.china_share.2009": n("x", 0.97, "97"),
        "x.production.china_share.latest": n("x", 0.69, "69"),
        "x.production.hhi_lower.2009": n("x", 9_000, "9,000"),
        "x.production.hhi_lower.latest": n("x", 2_000, "2,000"),
    }
    leaders = {
        ("x", "2009"): "China",
        ("x", "today"): "Philippines",
        ("x", "code"): "8505.11",
        ("x", "unlike"): "proxy",
    }
    en = what_changed(by_key, "x", leaders, words["en"], comparable=False)
    assert not any(w in en for w in CHANGE_WORDS), en
    assert "97%" in en and "69%" in en and "8505.11" in en and "proxy" in en
    ja = what_changed(by_key, "x", leaders, words["ja"], comparable=False)
    assert "変わった" not in ja and "上がった" not in ja and "下がった" not in ja and "代理" in ja
    # the same numbers between like things: a change, and the source's move
    like = what_changed(by_key, "x", {**leaders, ("x", "unlike"): ""}, words["en"])
    assert "fell from 97% to 69%" in like and "moved from China to Philippines" in like


def test_a_bound_allows_no_rise(words):
    by_key = {
        "x.production.china_share.2009": n("x", 0.50, "50"),
        "x.production.china_share.latest": n("x", 0.584, "≤59", "at most"),
    }
    said = what_changed(by_key, "x", {}, words["en"])
    assert not any(w in said for w in CHANGE_WORDS) and "≤59% now (a bound)" in said
