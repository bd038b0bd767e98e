"""A bad source file stops the build with a message that names the file, the place and the
expectation, and leaves no output derived from it in results/. Each case corrupts one
input of a copy of the repository and runs the real pipeline on it."""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import time

import pytest
from faults import (
    CARELESS,
    CARELESS_END_TO_END,
    CASES,
    CLAIMS,
    END_TO_END,
    OBS,
    RAREE,
    REGISTRY,
    SETTINGS_CASES,
    SETTINGS_END_TO_END,
    SIPRI,
)

from conftest import copy_build, copy_repo, make_fault, register, run_pipeline
from raremetals.core import catalogue


@pytest.mark.parametrize("case", END_TO_END)
def test_bad_input_stops_with_a_clear_message(case, tmp_path):
    rel, edit, record, target, message = CASES[case]
    workdir = copy_repo(tmp_path / "repo")
    path = workdir / rel
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    changed = edit(path.read_text(encoding="utf-8-sig"))
    if isinstance(changed, bytes):
        path.write_bytes(changed)
    else:
        path.write_text(changed, encoding="utf-8")
    if record:
        register(workdir, rel, before)  # the cleaning step, not the checksum, meets it
    proc = run_pipeline(workdir, target)
    out = proc.stdout + proc.stderr
    assert proc.returncode != 0
    assert message in out, out[-3000:]
    assert not (workdir / target).exists()
    leftovers = [
        p
        for p in (workdir / "results").rglob("*")
        if p.is_file() and (p.name.startswith(".") or p.parent.name == "stats")
    ]
    assert leftovers == []
    if target == OBS:  # none of the failed job's tables (Table 3's, which it reads, may be)
        assert not [
            p for p in catalogue.of_rule("clean_usgs_world").values() if (workdir / p).exists()
        ]


def test_registry_entry_pointing_to_a_missing_file(tmp_path):
    workdir = copy_repo(tmp_path / "repo")
    registry = workdir / "data/sources.yaml"
    entry = "      - path: data/raw/usgs_mcs2024/world/mcs2024-raree_world.csv\n"
    missing = (
        "      - path: data/raw/usgs_mcs2024/world/mcs2024-missing_world.csv\n"
        "        sha256: " + "a" * 64 + "\n        bytes: 1\n        url: null\n"
    )
    text = registry.read_text()
    assert entry in text
    registry.write_text(text.replace(entry, missing + entry, 1))
    proc = run_pipeline(workdir, OBS)
    out = proc.stdout + proc.stderr
    assert proc.returncode != 0
    # the workflow refuses to start, naming the file and its source, without a traceback
    assert (
        "error: data/raw/usgs_mcs2024/world/mcs2024-missing_world.csv: expected the "
        "vendored file that data/sources.yaml registers for source 'usgs_mcs2024', "
        "found 'no such file'"
    ) in out
    assert "Traceback" not in out and 'File "' not in out
    assert not (workdir / "results").exists()


SIPRI_RECORD = "results/fetch/sipri_milex.json"


def test_a_changed_checksum_in_the_registry_reruns_the_fetch(tmp_path):
    workdir = copy_repo(tmp_path / "repo")
    assert run_pipeline(workdir, SIPRI_RECORD).returncode == 0
    sha = hashlib.sha256((workdir / SIPRI).read_bytes()).hexdigest()
    registry = workdir / "data/sources.yaml"
    registry.write_text(registry.read_text().replace(sha, "a" * 64))
    proc = run_pipeline(workdir, SIPRI_RECORD)
    out = proc.stdout + proc.stderr
    assert proc.returncode != 0
    assert f"{SIPRI}: expected sha256 {'a' * 64}" in out, out[-2000:]
    assert not (workdir / SIPRI_RECORD).exists()


def test_a_vendored_file_deleted_after_a_build_stops_the_next(tmp_path):
    workdir = copy_repo(tmp_path / "repo")
    assert run_pipeline(workdir, SIPRI_RECORD).returncode == 0
    (workdir / SIPRI).unlink()
    proc = run_pipeline(workdir, SIPRI_RECORD)
    assert proc.returncode != 0
    assert f"error: {SIPRI}: expected the vendored file" in proc.stdout + proc.stderr


@pytest.mark.parametrize("case", SETTINGS_END_TO_END)
def test_bad_settings_are_refused_before_anything_runs(case, tmp_path):
    """Each bad setting of tests/faults.py's SETTINGS_CASES is refused by the reader of
    its file (tests/unit/test_faults_where_read.py); one of each file here, through the
    pipeline: refused before anything runs, and the YAML's code never run."""
    rel, edit, message = SETTINGS_CASES[case]
    workdir = copy_repo(tmp_path / "repo")
    path = workdir / rel
    path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")
    started = time.monotonic()
    proc = run_pipeline(workdir, OBS)
    out = proc.stdout + proc.stderr
    assert proc.returncode != 0 and message in out, out[-2000:]
    assert time.monotonic() - started < 60  # refused at once, not after a long expansion
    assert "Traceback" not in out and not (workdir / "pwned").exists()
    assert not (workdir / "results").exists()


def test_rerun_after_fix_picks_up_cleanly(tmp_path):
    workdir = copy_repo(tmp_path / "repo")
    original = (workdir / RAREE).read_bytes()
    (workdir / RAREE).write_bytes(original.replace(b"210000,240000", b"210000,240001"))
    assert run_pipeline(workdir, OBS).returncode != 0
    (workdir / RAREE).write_bytes(original)
    proc = run_pipeline(workdir, OBS)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "240000" in (workdir / OBS).read_text()


def test_a_vendored_file_linked_out_of_data_raw_is_refused(tmp_path):
    """A symbolic link that leaves data/raw/ is refused even with the right bytes, before
    anything runs (every build checks the snapshot for links)."""
    workdir = copy_repo(tmp_path / "repo")
    claims = workdir / CLAIMS
    outside = tmp_path / "claims.csv"
    claims.rename(outside)
    claims.symlink_to(outside)
    proc = run_pipeline(workdir, catalogue.path("paper_claims"))
    out = proc.stdout + proc.stderr
    assert proc.returncode != 0
    assert (
        f"error: {CLAIMS}: expected the vendored file that data/sources.yaml registers for "
        "source 'paper', a regular file, found 'a symbolic link'"
    ) in out, out[-2000:]
    assert not (workdir / "results/fetch/paper.json").exists()


def test_markdown_outputs_keep_source_text_as_text(built):
    """HTML and links in a source's text reach the Markdown outputs as text (in a
    maintainer's build, the paper's claims and a correction edited)."""
    import markdown

    workdir = copy_build(built, "markup")
    path = workdir / CLAIMS
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    hostile = "<img src=x onerror=alert(1)> [x](javascript:alert(1)) a|b"
    text = path.read_text(encoding="utf-8")
    old = "the Schuman Declaration (9 May 1950)"
    path.write_text(text.replace(old, hostile, 1), encoding="utf-8")
    register(workdir, CLAIMS, before)
    # and in the evidence of a Table 3 correction, which the table's notes quote
    corrections = workdir / "data/corrections/table3_corrections.csv"
    text = corrections.read_text(encoding="utf-8")
    old = "百万 printed for 万."
    assert old in text
    corrections.write_text(text.replace(old, hostile, 1), encoding="utf-8")
    outputs = ["results/audit/summary.md", "results/tables/table3_corrected.en.md"]
    proc = run_pipeline(workdir, *outputs)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    for output in outputs:
        md = (workdir / output).read_text(encoding="utf-8")
        rendered = markdown.markdown(md, extensions=["tables"])
        assert "<img" not in rendered and "<a " not in rendered, output
        # the text itself is all there, as the reader sees it
        assert "&lt;img src=x onerror=alert(1)&gt; [x](javascript:alert(1)) a|b" in rendered


# --- careless input (issue 21): the whole protocol -----------------------------------------


def _tree(root) -> dict[str, str]:
    """Every file below ``root`` but what a build writes, with its sha256."""
    made = ("results", "logs", ".snakemake", ".cache")  # .cache: the job server's folder
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in root.rglob("*")
        if p.is_file() and p.relative_to(root).parts[0] not in made and "__pycache__" not in p.parts
    }


@pytest.mark.parametrize("case", CARELESS_END_TO_END)
def test_careless_input_stops_quickly_and_a_fixed_rerun_is_clean(case, built, tmp_path):
    """The fault stops the build within a minute with the message; nothing is written
    outside results/ and the logs; after the fix, a rerun gives the clean build's bytes."""
    rel, edit, record, target, message = CARELESS[case]
    workdir = copy_repo(tmp_path / "repo")
    make_fault(workdir, rel, edit, record)
    tree = _tree(workdir)
    started = time.monotonic()
    proc = run_pipeline(workdir, target)
    out = proc.stdout + proc.stderr
    assert time.monotonic() - started < 60
    assert proc.returncode != 0 and message in out, out[-3000:]
    assert "Traceback" not in out
    assert not (workdir / target).exists()
    assert sorted(tmp_path.iterdir()) == [workdir] and _tree(workdir) == tree
    # the fix: the file and the registry as they were
    for fixed in (rel, REGISTRY):
        (workdir / fixed).write_bytes((built / fixed).read_bytes())
    proc = run_pipeline(workdir, target)
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    assert (workdir / target).read_bytes() == (built / target).read_bytes()


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() != 0, reason="mounts a small disk (root)"
)
def test_a_full_disk_is_one_line_naming_the_file(built, tmp_path):
    """results/ on a 64 KiB disk: the job that fills it says which file it could not
    write and what to do, with no traceback and no half-written file; with room again,
    the rerun gives the clean build's bytes."""
    workdir = copy_repo(tmp_path / "repo")
    results = workdir / "results"
    results.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(results)], capture_output=True
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a small disk here: {mounted.stderr.decode().strip()}")
    try:
        proc = run_pipeline(workdir, OBS)
        out = proc.stdout + proc.stderr
        assert proc.returncode != 0
        assert re.search(
            r"error: \S*results/\S+: could not write \(No space left on device\); free space "
            r"or fix the folder's permissions, then build again",
            out,
        ), out[-3000:]
        assert "Traceback" not in out
        assert not [p for p in results.rglob(".*") if p.is_file()], "no temporary file left"
    finally:
        subprocess.run(["umount", str(results)], check=True)
    proc = run_pipeline(workdir, OBS)
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    assert (workdir / OBS).read_bytes() == (built / OBS).read_bytes()
