"""Where each output came from: the rule, the script and the inputs that made it, and the
version of the code.

Snakemake records, for every file a job wrote, the rule and the input files in
``.snakemake/metadata/<urlsafe base64 of the path>`` (a JSON record). The manifest reads
those records rather than keeping a second list of the workflow by hand.
"""

from __future__ import annotations

import ast
import base64
import json
import re
import subprocess
from pathlib import Path

from .registry import sha256_of


def snakemake_record(path: str, metadata_dir=".snakemake/metadata") -> dict:
    name = base64.urlsafe_b64encode(str(path).encode()).decode()
    record_path = Path(metadata_dir) / name
    if not record_path.is_file():
        raise FileNotFoundError(f"{path}: Snakemake has no record of the job that wrote it "
                                f"(looked for {record_path})")
    return json.loads(record_path.read_text(encoding="utf-8"))


LIBRARY = "src/raremetals/"


def file_provenance(path: str, metadata_dir=".snakemake/metadata") -> dict:
    """Rule, script and data inputs (with sha256) of one output file. Every rule also
    reads the library (src/raremetals); the manifest lists it once."""
    record = snakemake_record(path, metadata_dir)
    inputs = record["input"]
    if isinstance(inputs, str):  # some record versions store the list as its repr
        inputs = ast.literal_eval(inputs)
    script = re.search(r"scripts/([\w.]+\.py)", record.get("code") or "")
    return {
        "rule": record["rule"],
        "script": f"workflow/scripts/{script.group(1)}" if script else None,
        "inputs": [{"path": p, "sha256": sha256_of(p)} for p in sorted(inputs)
                   if Path(p).is_file() and not p.startswith(LIBRARY)],
    }


def code_version(root=".") -> str:
    """The git commit of the code, with ``+dirty`` if tracked files were changed; a marker
    when the tree is not a git checkout."""
    try:
        commit = subprocess.run(["git", "rev-parse", "HEAD"], cwd=root, capture_output=True,
                                text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"],
                               cwd=root, capture_output=True, text=True,
                               check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown (not a git checkout)"
    return commit + ("+dirty" if dirty else "")


def manifest(outputs: list[str], metadata_dir=".snakemake/metadata", root=".") -> dict:
    files = []
    for path in sorted(outputs):
        files.append({"path": path, "sha256": sha256_of(path),
                      "size": Path(path).stat().st_size,
                      **file_provenance(path, metadata_dir)})
    library = sorted(str(p) for p in Path(root, LIBRARY).glob("*.py"))
    return {"code_version": code_version(root),
            "library": [{"path": str(Path(p).relative_to(root)), "sha256": sha256_of(p)}
                        for p in library],
            "files": files}
