"""The processing stage through the whole pipeline: its headline numbers, the first
screen's sentence on the largest gaps between the stages, and what is said where China's
share of an alloy is unknown. Values worked out from the vendored BGS export and the IEA
file: refined cobalt 2023, 140,000 of 175,706 t; cobalt mined 2023, 1,500 of 203,130 t;
lithium refining 2024, 169.68 of 241.61 kt, mining 56.86 of 255.45 kt."""

from __future__ import annotations

import json
import re

import pytest

from raremetals.core import catalogue


@pytest.fixture(scope="module")
def by_key(built):
    numbers = json.loads((built / "results/numbers.json").read_text())["numbers"]
    return {n["key"]: n for n in numbers}


def test_the_latest_processing_shares_are_headline_numbers(built, by_key):
    refined = by_key["cobalt.processing.BGSCobaltRefined.china_share.latest"]
    assert refined["value"] == pytest.approx(140_000 / 175_706)
    assert refined["text"] == "80" and refined["file"] == catalogue.path("mining_and_processing")
    mined = by_key["cobalt.processing.BGSCobaltRefined.mining_china_share.latest"]
    assert mined["value"] == pytest.approx(1_500 / 203_130) and mined["text"] == "1"
    gap = by_key["lithium.processing.IEALithiumRefining.china_gap.latest"]
    assert gap["value"] == pytest.approx(
        169.67759096410308 / 241.6117526503776 - 56.857756170999984 / 255.4479525024
    )
    # an alloy China gives only in a sum: no value, never a zero
    vanadium = by_key["vanadium.processing.BGSFerroVanadium.china_share.latest"]
    assert vanadium["value"] is None and vanadium["text"] == "unknown"
    assert "vanadium.processing.BGSFerroVanadium.china_gap.latest" not in by_key
    # every metal without a processing source is named, with the reason
    for metal in ("tungsten", "zirconium", "indium", "tantalum"):
        assert by_key[f"{metal}.processing.none"]["text"] == "no source"
    tex = (built / "results/numbers.tex").read_text()
    assert r"\newcommand{\RMCobaltProcBGSCobaltRefinedChinaShareLatest}{80}" in tex


def test_the_first_screen_names_the_largest_gaps_from_numbers_json(built):
    page = (built / "results/report.html").read_text(encoding="utf-8")
    findings = page[page.index('id="findings"') :]
    findings = findings[: findings.index("</section>")]
    keys = re.findall(r'data-key="([^"]+\.processing\.[^"]+)"', findings)
    # cobalt (79 points), lithium (48), rare earths (30), largest first, in each language
    order = [k.split(".")[0] for k in keys if k.endswith(".china_share.latest")]
    assert order[:3] == ["cobalt", "lithium", "rare_earths"]
    text = re.sub(r"<[^>]+>", "", findings)
    assert "80% of refined cobalt against 1% of mining (BGS, 2023)" in text
    assert "magnet rare-earth refining" in text  # never "rare earths" against Table 3's
    assert "share of their processing is unknown" in text
