"""Where jobs run: under SLURM every job has an interpreter of its own, with no job server.
(That the warm interpreter and jobs of their own give the same bytes is
tests/pipeline/test_determinism.py; a second whole build, killed and finished, is
test_robustness's killed-build test.)"""


def test_no_warm_interpreter_on_a_cluster_node(monkeypatch):
    """Under SLURM each job runs on a node of its own: a job server there would serve one
    job and idle, so jobs run in their own interpreters (and locally they do not)."""
    from conftest import script_module

    warm = script_module("_warm")
    for name in ("RAREMETALS_WARM", "SLURM_JOB_ID", warm.CHILD):
        monkeypatch.delenv(name, raising=False)
    assert warm.enabled()
    monkeypatch.setenv("SLURM_JOB_ID", "4242")
    assert not warm.enabled()
