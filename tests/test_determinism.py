"""Same inputs, same bytes: a second clean build is identical to the first, and a job
gives the same bytes in the warm interpreter as in an interpreter of its own."""

from conftest import copy_repo, result_files, run_pipeline
from raremetals.core import catalogue


def test_two_clean_builds_are_byte_identical(built, tmp_path):
    second = copy_repo(tmp_path / "second")
    proc = run_pipeline(second)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    first_files, second_files = result_files(built), result_files(second)
    assert sorted(first_files) == sorted(second_files)
    different = [name for name in first_files if first_files[name] != second_files[name]]
    assert different == []
    assert "tidy/observations.csv" in first_files


def test_jobs_in_their_own_interpreters_give_the_same_bytes(built, tmp_path):
    workdir = copy_repo(tmp_path / "repo")
    targets = [
        catalogue.path("concentration"),
        "results/figures/fig1_shares_2009.ja.png",
        "results/figures/fig1_shares_2009.caption.json",
        "results/tables/table3_corrected.en.tex",
    ]
    proc = run_pipeline(workdir, *targets, RAREMETALS_WARM="0")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    for path in targets:
        assert (workdir / path).read_bytes() == (built / path).read_bytes(), path
