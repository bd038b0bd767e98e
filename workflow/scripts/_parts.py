"""What a build needs from the repository: a copy of these parts runs the workflow in
another folder (results/, logs and caches are left behind). The tests and the benchmark
make their copies from this one list."""

PARTS = (
    "Snakefile",
    "config",
    "workflow",
    "src",
    "data",
    "notebooks",
    "docs",
    "README.md",
    "environment.yml",
)
