"""The audit: every claim and every Table 3 cell gets a status, and the known errors of the
paper are found."""

import hashlib

import pandas as pd
import pytest

from conftest import copy_repo, run_pipeline
from raremetals import schemas
from raremetals.audit import default_tolerance, parse_claimed
from raremetals.io import read_tidy


@pytest.fixture(scope="module")
def claims(built):
    return read_tidy(built / "results/audit/claims_audit.csv", schemas.CLAIMS_AUDIT)


@pytest.fixture(scope="module")
def errata(built):
    return read_tidy(built / "results/audit/table3_errata.csv", schemas.TABLE3_ERRATA)


def cell(errata, symbol, field, rank=None):
    sel = errata[(errata.symbol == symbol) & (errata.field == field)]
    if rank is not None:
        sel = sel[sel["rank"] == rank]
    assert len(sel) == 1
    return sel.iloc[0]


def claim(claims, claim_id):
    return claims.set_index("claim_id").loc[claim_id]


def test_every_claim_and_every_cell_has_a_status(claims, errata, built):
    source = pd.read_csv(built / "data/raw/paper/claims.csv")
    assert list(claims.claim_id) == list(source.claim_id)
    assert claims.status.isin(["match", "mismatch", "inconsistent", "unit-slip",
                               "not-checkable"]).all()
    assert (claims.evidence.str.len() > 20).all()
    assert len(errata) == 180 and (errata.status != "").all()


def test_lithium_and_rare_earth_reserve_unit_slips(errata):
    chile = cell(errata, "Li", "reserves_rank", 1)
    assert chile.status == "unit-slip" and chile.evidence_type == "world_total"
    assert (chile.value_printed, chile.value_corrected) == (750_000_000, 7_500_000)
    for field, rank in (("world_reserves", None), ("reserves_rank", 1), ("reserves_rank", 2),
                        ("reserves_rank", 3)):
        ree = cell(errata, "REE", field, rank)
        assert ree.status == "unit-slip" and ree.evidence_type == "paper_text"
        assert ree.value_corrected == ree.value_printed / 100


def test_tantalum_text_58_against_table_48(claims, errata):
    c = claim(claims, "C035")
    assert c.status == "inconsistent" and c.recomputed == "48.2759"
    assert cell(errata, "Ta", "production_rank", 1).status == "text-conflict"


def test_japan_tungsten_dependence_45_in_text_92_in_table(claims, errata):
    c = claim(claims, "C046")
    assert c.value == "~45" and c.status == "inconsistent" and c.recomputed == "92"
    japan_w = errata[(errata.symbol == "W") & (errata.field == "japan_import_share_rank")
                     & (errata.country_code == "CHN")].iloc[0]
    assert japan_w.status == "text-conflict" and japan_w.claims == "C046"


def test_matches_and_mismatches_against_vendored_sources(claims):
    assert claim(claims, "C020").status == "match"      # China 97% of REE production
    assert claim(claims, "C082").status == "match"      # 2009 export quota 50,145 t
    assert claim(claims, "C084").status == "match"      # H2 quota -72%
    assert claim(claims, "C140").status == "mismatch"   # China 36% of new wind capacity
    assert claim(claims, "C140").recomputed == "34.6981"
    assert claim(claims, "C153").status == "mismatch"   # China 25.8 GW (GWEC: 25.1)
    assert claim(claims, "C008").status == "inconsistent"  # 3,410 °C is not 3,698 K
    assert claim(claims, "C122").status == "not-checkable"
    assert "SIPRI Yearbook 2010" in claim(claims, "C122").evidence


def test_summary_reads_by_status_with_japanese_quotes(built, claims):
    md = (built / "results/audit/summary.md").read_text(encoding="utf-8")
    counts = claims.status.value_counts()
    assert f"| match | {counts['match']} |" in md
    assert f"## inconsistent ({counts['inconsistent']})" in md
    assert "「タングステン（約 45%）」" in md
    html = (built / "results/audit/summary.html").read_text(encoding="utf-8")
    assert html.count("<li>") == len(claims) and 'lang="ja"' in html


@pytest.mark.parametrize("text, unit, tolerance", [
    ("97", "%", 0.5), ("22.1", "%", 0.05), ("124000", "t", 500), ("~45", "%", 4.5),
    ("99000000", "t", 500_000), ("50", "%", 0.5),
])
def test_default_tolerance(text, unit, tolerance):
    assert default_tolerance(text, parse_claimed(text), unit) == pytest.approx(tolerance)


def test_a_changed_source_value_flips_a_match_to_a_mismatch(claims, tmp_path):
    assert claim(claims, "C141").status == "match"       # China added 13 GW in 2009
    workdir = copy_repo(tmp_path / "repo")
    path = workdir / "data/raw/gwec_wind_2009/gwec_global_wind_2009.csv"
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    text = path.read_text(encoding="utf-8")
    old = "China,2009,annual_installed_capacity,13000,MW"
    assert old in text
    path.write_text(text.replace(old, old.replace("13000", "15000")), encoding="utf-8")
    registry = workdir / "data/sources.yaml"
    registry.write_text(registry.read_text().replace(
        before, hashlib.sha256(path.read_bytes()).hexdigest()))
    proc = run_pipeline(workdir, "results/audit/claims_audit.csv")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    changed = read_tidy(workdir / "results/audit/claims_audit.csv", schemas.CLAIMS_AUDIT)
    c141 = changed.set_index("claim_id").loc["C141"]
    assert c141.status == "mismatch" and c141.recomputed == "15"
