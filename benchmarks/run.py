"""Benchmark the pipeline: cold build (beside the jobs' own time and the CPU it took),
no-op rebuild (beside Snakemake's own no-op of one rule, and of the same jobs and files
without the workflow's code), incremental rebuilds, peak memory, and the import floor,
as medians of several runs on this machine.

    .venv/bin/python benchmarks/run.py [--runs 3] [--setup]

It works on a copy of the repository in a temporary folder (results/ of the checkout are
not touched) and prints its figures; docs/benchmarks.md records them with the date and
machine. ``--setup`` also times installing the pinned dependencies into a fresh virtual
environment (needs the package registry).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def _parts() -> tuple[str, ...]:
    """What a build needs (workflow/scripts/_parts.py, the tests' list too)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("_parts", REPO / "workflow/scripts/_parts.py")
    parts = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(parts)
    return parts.PARTS


PARTS = _parts()
TOUCHED = "data/raw/gwec_wind_2009/gwec_global_wind_2009.csv"
MCS2026 = "data/raw/usgs_mcs2026/MCS2026_Commodities_Data.csv"
# Parses the MCS 2026 table (3 MB, cp1252) as the clean rule does, after the imports.
PARSE_2026 = (
    "import sys, time; from raremetals.clean.countries import CountryResolver; "
    "from raremetals.clean.long_table import parse_commodities_table; "
    "from raremetals.clean.corrections import load_unit_findings; "
    "from raremetals.clean.usgs_tables import CommodityNames; "
    "n = CommodityNames('data/commodities.csv', 'data/usgs_commodity_names.csv'); "
    "r = CountryResolver('data/countries.csv'); "
    "f = load_unit_findings('data/corrections/usgs_units.csv'); "
    "t = time.perf_counter(); "
    "parse_commodities_table(sys.argv[1], 'usgs_mcs2026', n, r, f, edition='mcs2026'); "
    "print(time.perf_counter() - t)"
)
MODULE = "src/raremetals/render/figures/fig4_export_quotas.py"
REGISTRY = "data/sources.yaml"
# Runs a command and prints its wall time and the peak resident memory of its processes.
MEASURE = (
    "import resource, subprocess, sys, time; t = time.perf_counter(); "
    "r = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, "
    "stderr=subprocess.DEVNULL); "
    "print(time.perf_counter() - t, "
    "resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, r.returncode)"
)


def measure(cmd: list[str], cwd: Path, **env: str) -> tuple[float, float]:
    """(seconds, peak MB) of one run of ``cmd``; a failed run stops the benchmark. The copy
    runs its own library (its src/ first on the path)."""
    env = {**os.environ, "PYTHONPATH": str(cwd / "src"), **env}
    out = subprocess.run(
        [sys.executable, "-c", MEASURE, *cmd],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=True,
        env=env,
    ).stdout.split()
    seconds, kb, rc = float(out[0]), int(out[1]), int(out[2])
    if rc != 0:
        sys.exit(f"benchmark: {' '.join(cmd)} failed in {cwd}")
    return seconds, kb / 1024


def snakemake(*args: str) -> list[str]:
    return [sys.executable, "-m", "snakemake", "--cores", "2", "--quiet", *args]


def planned_jobs(cwd: Path) -> tuple[int, list[str]]:
    cmd = [sys.executable, "-m", "snakemake", "--cores", "2", "-n"]
    env = {**os.environ, "PYTHONPATH": str(cwd / "src")}
    out = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, env=env).stdout
    rules = re.findall(r"^(\w+)\s+(\d+)$", out, re.M)
    jobs = {r: int(n) for r, n in rules if r != "total"}
    return sum(jobs.values()), sorted(jobs)


def change_source_file(work: Path) -> None:
    """Change one vendored file (a trailing blank line, which no reader keeps) and record
    its new checksum and size, as a maintainer updating a source would. Snakemake compares
    input checksums, so a mere touch would re-run nothing."""
    path, registry = work / TOUCHED, work / REGISTRY
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    path.write_bytes(path.read_bytes() + b"\n")
    data = path.read_bytes()
    text, n = re.subn(
        rf"sha256: {before}\n(\s*)bytes: \d+",
        lambda m: f"sha256: {hashlib.sha256(data).hexdigest()}\n{m[1]}bytes: {len(data)}",
        registry.read_text(),
    )
    assert n == 1, TOUCHED
    registry.write_text(text)


def edit_module(work: Path) -> None:
    path = work / MODULE
    path.write_text(path.read_text() + "\n# an edit\n")


def job_records(work: Path) -> list[dict]:
    """The records the build's jobs wrote (rule, inputs, outputs, peak memory)."""
    return [json.loads(p.read_text()) for p in sorted((work / "logs").rglob("*.job.json"))]


def largest_job(work: Path) -> float:
    """The largest peak memory (MB) of a job's process, from the jobs' records."""
    return max(record["max_rss_mb"] for record in job_records(work))


def jobs_time(work: Path) -> float:
    """The jobs' own time (s): the sum of Snakemake's benchmark records of the build."""
    return sum(
        float(p.read_text().splitlines()[1].split("\t")[0])
        for p in (work / "logs/benchmarks").rglob("*.tsv")
    )


def busy_cpu() -> float:
    """Seconds of CPU the whole machine has spent working (all cores, from /proc/stat):
    the difference over a build is what the build cost, other work on the machine too."""
    fields = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    idle = fields[3] + fields[4]  # idle, iowait
    return (sum(fields[:8]) - idle) / os.sysconf("SC_CLK_TCK")


def same_dag(work: Path, dst: Path) -> Path:
    """A workflow of the build's jobs, each a rule with the same input and output files
    (from the jobs' records) that only touches its outputs, its source files empty: what
    Snakemake alone costs to plan this many jobs and files, without the workflow's code
    (its imports, the registry, input functions, params)."""
    jobs = job_records(work)
    made = {o for job in jobs for o in job["outputs"]}
    lines = [f"rule all:\n    input: {sorted(made)!r}\n"]
    for i, job in enumerate(jobs):
        lines.append(
            f"rule job{i}:\n    input: {job['inputs']!r}\n    output: {job['outputs']!r}\n"
            "    shell: 'touch {output}'\n"
        )
    dst.mkdir()
    (dst / "Snakefile").write_text("\n".join(lines))
    for source in {i for job in jobs for i in job["inputs"]} - made:
        (dst / source).parent.mkdir(parents=True, exist_ok=True)
        (dst / source).touch()
    return dst


def clean(work: Path) -> None:
    for generated in ("results", ".snakemake", "logs"):
        shutil.rmtree(work / generated, ignore_errors=True)


def copy_repo(dst: Path) -> Path:
    dst.mkdir(parents=True)
    for part in PARTS:
        src = REPO / part
        (shutil.copytree if src.is_dir() else shutil.copy2)(src, dst / part)
    return dst


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--setup", action="store_true")
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        work = copy_repo(Path(tmp) / "repo")
        floor = [
            measure([sys.executable, "-c", "import pandas, matplotlib.pyplot"], work)[0]
            for _ in range(args.runs)
        ]
        parse = [
            float(
                subprocess.run(
                    [sys.executable, "-c", PARSE_2026, MCS2026],
                    cwd=work,
                    env={**os.environ, "PYTHONPATH": str(work / "src")},
                    capture_output=True,
                    text=True,
                    check=True,
                ).stdout
            )
            for _ in range(args.runs)
        ]
        cold, peaks, own, cpu = [], [], [], []
        for _ in range(args.runs):
            clean(work)
            before = busy_cpu()
            cold.append(measure(snakemake(), work)[0])
            cpu.append(busy_cpu() - before)
            peaks.append(largest_job(work))
            own.append(jobs_time(work))
        noop = [measure(snakemake(), work)[0] for _ in range(args.runs)]
        # Snakemake's own start: a no-op of a workflow of one rule and no imports
        empty = Path(tmp) / "empty"
        empty.mkdir()
        (empty / "Snakefile").write_text(
            'rule all:\n    output: "a"\n    shell: "touch {output}"\n'
        )
        measure(snakemake(), empty)
        floor_noop = [measure(snakemake(), empty)[0] for _ in range(args.runs)]
        bare = same_dag(work, Path(tmp) / "same-dag")
        measure(snakemake(), bare)
        bare_noop = [measure(snakemake(), bare)[0] for _ in range(args.runs)]
        incremental, jobs = [], []
        for _ in range(args.runs):
            change_source_file(work)
            n, rules = planned_jobs(work)
            jobs.append(n)
            incremental.append(measure(snakemake(), work)[0])
        module, module_jobs = [], []
        for _ in range(args.runs):
            edit_module(work)
            n, module_rules = planned_jobs(work)
            module_jobs.append(n)
            module.append(measure(snakemake(), work)[0])
        clean(work)  # every job in a process of its own, as on a cluster
        cold_alone, peak_alone = measure(snakemake(), work, RAREMETALS_WARM="0")
        total_jobs, _ = planned_jobs_after_clean(work)
        m_cold, m_own, m_cpu = map(statistics.median, (cold, own, cpu))
        m_one, m_bare, cores = (
            statistics.median(floor_noop),
            statistics.median(bare_noop),
            os.cpu_count(),
        )
        rows += [
            ("import floor (pandas, matplotlib.pyplot)", f"{statistics.median(floor):.2f} s"),
            (f"parse {MCS2026} (3 MB)", f"{statistics.median(parse):.2f} s"),
            ("cold build (empty results/)", f"{m_cold:.1f} s ({total_jobs} jobs)"),
            ("cold / floor", f"{m_cold / statistics.median(floor):.0f}x"),
            ("jobs' own time (sum of the jobs' benchmark records)", f"{m_own:.1f} s"),
            ("cold / (jobs' own time over the cores)", f"{m_cold / (m_own / cores):.2f}x"),
            (
                "CPU the machine spent over the cold build",
                f"{m_cpu:.0f} s ({m_cpu / (m_cold * cores):.0%} of the cores' time)",
            ),
            ("no-op rebuild", f"{statistics.median(noop):.2f} s"),
            ("no-op of a one-rule workflow (Snakemake's start)", f"{m_one:.2f} s"),
            ("no-op / one-rule no-op", f"{statistics.median(noop) / m_one:.2f}x"),
            (
                "no-op of the same jobs and files, without the workflow's code",
                f"{m_bare:.2f} s ({m_bare / m_one:.2f}x the one-rule no-op)",
            ),
            (
                f"incremental rebuild (edit {TOUCHED})",
                f"{statistics.median(incremental):.1f} s, {statistics.median(jobs):.0f} jobs "
                f"re-run: {', '.join(rules)}",
            ),
            (
                f"incremental rebuild (edit {MODULE})",
                f"{statistics.median(module):.1f} s, {statistics.median(module_jobs):.0f} jobs "
                f"re-run: {', '.join(module_rules)}",
            ),
            ("peak memory of a job (warm interpreter)", f"{max(peaks):.0f} MB"),
            ("cold build, every job its own interpreter", f"{cold_alone:.1f} s"),
            ("peak memory of a job (own interpreter)", f"{peak_alone:.0f} MB"),
        ]
        if args.setup:
            venv = Path(tmp) / "venv"
            t = time.perf_counter()
            subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
            subprocess.run(
                [
                    str(venv / "bin/python"),
                    "-m",
                    "pip",
                    "install",
                    "--quiet",
                    "-c",
                    str(REPO / "requirements.lock"),
                    "-e",
                    str(REPO),
                ],
                check=True,
                stdout=subprocess.DEVNULL,
            )
            rows.append(
                ("set-up of the build environment (fresh venv)", f"{time.perf_counter() - t:.0f} s")
            )
    print(
        f"# {time.strftime('%Y-%m-%d')}, {platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, medians of {args.runs} runs"
    )
    width = max(len(r[0]) for r in rows)
    for name, value in rows:
        print(f"{name:<{width}}  {value}")


def planned_jobs_after_clean(work: Path) -> tuple[int, list[str]]:
    """How many jobs a cold build runs (dry run on an empty results/)."""
    with tempfile.TemporaryDirectory() as tmp:
        fresh = copy_repo(Path(tmp) / "repo")
        return planned_jobs(fresh)


if __name__ == "__main__":
    main()
