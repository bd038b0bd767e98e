"""The audit's evidence in every language of the catalogues: one sentence, its fields
filled alike in each; the notes of data/audit in Japanese; and a note the audit could
not join cleanly refused where it is read."""

from __future__ import annotations

import csv
import string

import pandas as pd
import pytest

from conftest import REPO, languages, written
from raremetals.audit.evidence import (
    Listed,
    Local,
    Noted,
    from_json,
    rewritten,
    say,
    then,
    with_sentences,
)
from raremetals.core.errors import InputError
from raremetals.core.io import read_as_printed
from raremetals.core.schemas.inputs import CLAIM_CHECKS


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_language_fills_the_same_fields_of_every_sentence():
    english = languages()["en"].report["audit"]["evidence"]
    for code, language in languages().items():
        for key, template in language.report["audit"]["evidence"].items():
            assert _fields(template) == _fields(english[key]), (code, key)


def test_a_sentence_with_a_name_a_list_and_a_note_in_english_and_japanese():
    # Table 3's rare earths 2009: China 120,000 t of a world 124,000 t = 96.77% -> 96.8
    evidence = then(
        say(
            "t3_share",
            country=Local({"en": "China", "ja": "中国"}),
            value="120,000",
            world="124,000",
            share="96.8",
        ),
        say("note", note=Noted("MCS 2010 would check the rest")),
    )
    assert written(evidence, "en") == (
        "Table 3: China 120,000 t of a world 124,000 t = 96.8%. MCS 2010 would check the rest"
    )
    assert written(evidence, "ja") == (
        "表3: 中国 120,000 t、世界計124,000 tの96.8%。残りはMCS 2010で照合できる"
    )
    order = say("t3_rank", order=Listed(["CHN", "CIS", "USA"]))
    assert written(order, "en") == "Table 3 order by value: CHN, CIS, USA"
    assert written(order, "ja") == "表3の値の順: CHN、CIS、USA"


def test_a_term_no_catalogue_has_is_named_with_the_file_to_add_it_to():
    """A check given a region the catalogues do not name (GWEC's "Europe", say)."""
    with pytest.raises(InputError) as err:
        written(say("gwec_share", region=say("place.Europe"), part="", world="", share=""))
    assert str(err.value) == (
        "data/languages/en.yaml: expected a sentence under report.audit.evidence for every "
        "key the audit says, found 'place.Europe'"
    )


def _texts(name: str, column: str = "note") -> set[str]:
    with open(REPO / "data" / name, encoding="utf-8") as f:
        rows = csv.DictReader(line for line in f if not line.startswith("#"))
        return {r[column] for r in rows if r[column]}


def test_every_english_text_of_the_data_the_outputs_show_has_its_japanese_and_no_other():
    """The audit's notes, Table 1's source and the export measures' instruments."""
    translated = languages()["ja"].from_english
    # a check's note follows the evidence after "。", so it has no full stop of its own
    joined = _texts("audit/claim_checks.csv") | _texts("audit/claim_later_evidence.csv")
    texts = joined | _texts("audit/table3_notes.csv", "evidence")
    texts |= _texts("long_run_series.csv") | _texts("elements.csv", "source")
    texts |= _texts("audit/element_values.csv", "publisher")
    texts |= _texts("raw/china_export_controls/china_export_controls_2012_2025.csv", "instrument")
    texts |= _texts("china_export_controls_added.csv", "instrument")
    assert sorted(texts - set(translated)) == []
    assert sorted(set(translated) - texts) == []  # a translation of a text now gone
    assert [n for n in joined if translated[n].endswith("。")] == []


def test_a_note_ending_in_a_full_stop_is_refused_at_its_row(tmp_path):
    """The audit puts ". " before a note; one ending in "." printed "92%.." in the English
    evidence of C034."""
    text = (REPO / "data/audit/claim_checks.csv").read_text(encoding="utf-8")
    bad = tmp_path / "claim_checks.csv"
    bad.write_text(text.replace("which rounds to 92%", "which rounds to 92%."), encoding="utf-8")
    with pytest.raises(InputError) as err:
        read_as_printed(bad, CLAIM_CHECKS)
    line = 1 + text.splitlines().index(
        next(r for r in text.splitlines() if "which rounds to 92%" in r)
    )
    assert f"claim_checks.csv, row {line}, column 'note'" in str(err.value)
    assert "a note that does not end in a full stop" in str(err.value)


def test_a_kept_sentence_is_written_again_in_another_language():
    """A job keeps its sentences beside the English (table3_three_ways.csv); the audit
    page writes them again in its language."""
    parts = [say("wmd_vintage", volume=30), say("wmd_first", volume=28, value="35,500")]
    why = Listed(parts, "clauses")
    kept = with_sentences(pd.DataFrame({"wmd_why": [why]}), ["wmd_why"], languages()["en"])
    assert list(kept.columns) == ["wmd_why", "wmd_why_said"]
    assert kept.loc[0, "wmd_why"] == (
        "MCS 2010's first estimate against WMD vol. 30; vol. 28 printed 35,500"
    )
    assert written(from_json(kept.loc[0, "wmd_why_said"]), "en") == kept.loc[0, "wmd_why"]
    again = rewritten(kept, ["wmd_why"], languages()["ja"])
    assert (
        again.loc[0, "wmd_why"] == "MCS 2010の最初の推計とWMD第30巻の比較、第28巻の印刷値は35,500"
    )
