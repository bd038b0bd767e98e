"""Same inputs, same bytes: a second clean build is identical to the first, whether its
jobs run in the warm interpreter (the first) or each in an interpreter of its own."""

from conftest import copy_repo, result_files, run_pipeline


def test_two_clean_builds_are_byte_identical(built, tmp_path):
    second = copy_repo(tmp_path / "second")
    proc = run_pipeline(second, RAREMETALS_WARM="0")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    first_files, second_files = result_files(built), result_files(second)
    assert sorted(first_files) == sorted(second_files)
    different = [name for name in first_files if first_files[name] != second_files[name]]
    assert different == []
    assert "tidy/observations.csv" in first_files
