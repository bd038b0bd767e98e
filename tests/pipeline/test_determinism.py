"""Same inputs, same bytes: a job gives the same bytes in the warm interpreter as in an
interpreter of its own. (That a second whole build, started afresh, killed and finished,
is identical to the first, file by file, is test_robustness's killed-build test.)"""

from conftest import copy_build, run_pipeline
from raremetals.core import catalogue


def test_jobs_in_their_own_interpreters_give_the_same_bytes(built):
    workdir = copy_build(built, "own-interpreters")
    targets = [
        catalogue.path("concentration"),
        "results/figures/fig1_shares_2009.ja.png",
        "results/figures/fig1_shares_2009.caption.json",
        "results/tables/table3_corrected.en.tex",
    ]
    # the jobs that make them run again (--force: not the jobs before them)
    proc = run_pipeline(workdir, "--force", *targets, RAREMETALS_WARM="0")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    # and the processing statistics the table of the processing stage reads, which read
    # the concentration series
    assert "4 of 4 steps (100%) done" in proc.stderr, proc.stderr[-3000:]
    for path in targets:
        assert (workdir / path).read_bytes() == (built / path).read_bytes(), path
