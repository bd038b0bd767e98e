"""Which files of the library a workflow script runs, so that a rule can list them as
inputs: an edit to one module re-runs exactly the rules whose scripts import it, directly
or through other modules.

The imports are read with a pattern rather than by importing or parsing the modules, since
every run of the workflow (a dry run too) derives the inputs of every rule. A test holds the
result against the real import graph (``tests/test_structure.py``).
"""

from __future__ import annotations

import os
import re
from functools import cache
from pathlib import Path

# `import raremetals.x` and `from raremetals.x import a, b` (parenthesised over lines too)
IMPORT = re.compile(
    r"^\s*(?:from\s+(raremetals[\w.]*)\s+import\s+(\([^)]*\)|[^\n#]+)|import\s+(raremetals[\w.]*))",
    re.M,
)


def package() -> Path:
    """The installed package's folder (or the one PYTHONPATH puts first), found without
    importing more than its root."""
    import importlib.util

    return Path(importlib.util.find_spec("raremetals").origin).parent


@cache
def module_file(name: str | None) -> str | None:
    """The file of module ``name`` of the package; None for a name that is not a module
    (an object imported from one)."""
    if name is None or name.split(".")[0] != "raremetals":
        return None
    base = package().joinpath(*name.split(".")[1:])
    for path in (base.with_suffix(".py"), base / "__init__.py"):
        if path.is_file():
            return str(path)
    return None


@cache
def imported(path: str) -> frozenset[str]:
    """Names of raremetals modules (and candidates: 'from pkg import name') in a file."""
    names = set()
    for module, items, plain in IMPORT.findall(Path(path).read_text(encoding="utf-8")):
        if plain:
            names.add(plain)
            continue
        names.add(module)
        for item in items.strip("()").split(","):
            if item.strip():
                names.add(f"{module}.{item.split()[0]}")
    return frozenset(names)


def library_files(script: Path, *modules: str) -> list[str]:
    """The library files ``script`` (with ``_helpers.py`` beside it) and any modules it
    imports by name at run time depend on, with the packages that hold them and a
    module's own data files beside it (``render/web.js`` beside ``render/web.py``); as paths
    from the folder the workflow runs in."""
    scripts = Path(script).parent
    todo = [str(script), str(scripts / "_helpers.py"), *map(module_file, modules)]
    seen = set()
    while todo:
        path = todo.pop()
        if path is None or path in seen:
            continue
        seen.add(path)
        for name in imported(path):
            parts = name.split(".")
            todo += [module_file(".".join(parts[:i])) for i in range(1, len(parts) + 1)]
    seen |= {data for p in list(seen) for data in data_files(p)}
    return sorted(os.path.relpath(p) for p in seen if Path(p).parent != scripts)


@cache
def data_files(path: str) -> tuple[str, ...]:
    """The data files beside module ``path`` that it reads, named after it (``web.js``
    beside ``web.py``, ``catalogue.csv`` beside ``catalogue.py``)."""
    return tuple(
        str(data)
        for data in Path(path).parent.glob(f"{Path(path).stem}*.*")
        if data.suffix in (".js", ".j2", ".csv")
    )
