"""Text a spreadsheet would evaluate as a formula is written with a leading apostrophe
(OWASP's advice on CSV injection), and read back as it was: one rule for every text
column of results/."""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
from hypothesis import given
from hypothesis import strategies as st

from raremetals.core.io import read_tidy, spreadsheet_safe, spreadsheet_text, write_table


def test_formulas_are_escaped_numbers_are_not():
    # the vendored quota table's note, as the clean build writes it
    assert spreadsheet_safe("= 16304 + 5978 (domestic + foreign-invested)").startswith("'= 16304")
    for formula in ('=HYPERLINK("http://x")', "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "\t=1"):
        assert spreadsheet_safe(formula) == "'" + formula
    # a plain number or a lone sign is no formula
    for plain in ("-40", "+3.5", "-1,200", "-39.7%", "-", "2,300 t", "China"):
        assert spreadsheet_safe(plain) == plain
    # an apostrophe already there is kept apart from the one the rule adds
    assert spreadsheet_safe("'=1") == "''=1" and spreadsheet_text("''=1") == "'=1"
    assert spreadsheet_text("'quoted") == "'quoted"


@given(st.text(alphabet=st.sampled_from(list("'=+-@\t\r 0123456789.,%aZ")), max_size=8))
def test_the_rule_is_undone_exactly(cell):
    assert spreadsheet_text(spreadsheet_safe(cell)) == cell


def test_a_table_written_and_read_back_is_unchanged(tmp_path):
    schema = pa.DataFrameSchema(
        {"note": pa.Column(str), "value": pa.Column(float, nullable=True)}, strict=True
    )
    table = pd.DataFrame({"note": ["=1+1", "-40", "ok", "'=x"], "value": [1.0, -40.0, None, 2.0]})
    path = tmp_path / "t.csv"
    write_table(table, path)
    assert path.read_text().splitlines()[1:3] == ["'=1+1,1", "-40,-40"]
    pd.testing.assert_frame_equal(read_tidy(path, schema), table)
