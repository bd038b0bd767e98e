"""The layout: stages as sub-packages, a bottom layer that imports no stage, nothing that
imports upwards, and a library free of repository paths and Snakemake's internals."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from conftest import REPO, script_module
from raremetals.core import catalogue
from raremetals.render.figures import FIGURES

# a build's settings, for the schemas made for them (catalogue.schema)
SETTINGS = {"editions": ["mcs2025", "mcs2026"], "middle_year": 2023}

LIBRARY = REPO / "src/raremetals"
# the stages in the order data goes through them; core is the bottom layer
ORDER = ["core", "sources", "clean", "stats", "audit", "render", "cite"]


def imports_of(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            assert node.level == 0, f"{path}: relative import"
            names.add(node.module)
    return {n for n in names if n.startswith("raremetals")}


MODULES = sorted(p for p in LIBRARY.rglob("*.py") if p.parent != LIBRARY)


def test_every_module_belongs_to_a_stage():
    assert {p.relative_to(LIBRARY).parts[0] for p in MODULES} == set(ORDER)
    assert [p.name for p in LIBRARY.glob("*.py")] == ["__init__.py"]


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(LIBRARY)))
def test_nothing_imports_upwards(path):
    stage = ORDER.index(path.relative_to(LIBRARY).parts[0])
    for name in imports_of(path):
        parts = name.split(".")
        assert len(parts) > 1, f"{path}: imports the package root"
        used = ORDER.index(parts[1])
        assert used <= stage, f"{path} ({ORDER[stage]}) imports {name} ({ORDER[used]})"
        if ORDER[stage] == "core":
            assert parts[1] == "core", f"the bottom layer imports a stage: {name}"


def test_a_figure_module_only_draws():
    """What a figure shows is chosen in the statistics stage; its words are data."""
    for fig in FIGURES:
        text = (LIBRARY / f"render/figures/{fig}.py").read_text(encoding="utf-8")
        assert "def draw(" in text and "read_csv" not in text and '"en"' not in text


@pytest.mark.parametrize(
    "path",
    sorted(LIBRARY.rglob("*.py")) + sorted((REPO / "workflow").rglob("*.py")),
    ids=lambda p: str(p.relative_to(REPO)),
)
def test_no_path_edits_and_no_snakemake_internals(path):
    text = path.read_text(encoding="utf-8")
    assert "sys.path.insert" not in text and "sys.path.append" not in text
    assert ".snakemake/" not in text
    if LIBRARY in path.parents:
        assert "import snakemake" not in text and "workflow/scripts" not in text


def test_the_catalogue_names_every_table_once():
    paths = [t.path for t in catalogue.TABLES.values()]
    assert len(paths) == len(set(paths))
    for t in catalogue.TABLES.values():
        assert t.schema == "" or catalogue.schema(t.name, **SETTINGS).name == t.name
    for needed in FIGURES.values():
        assert set(needed) <= set(catalogue.TABLES)


def test_rules_take_table_paths_from_the_catalogue():
    """No rule file spells out the path of a catalogued table, whole or below results/: a
    rule names its tables (``tables_of(rule)`` for its outputs, ``table(name)`` for its
    inputs), and the catalogue alone gives their paths."""
    rules = "".join(p.read_text() for p in (REPO / "workflow/rules").glob("*.smk"))
    for t in catalogue.TABLES.values():
        for spelled in (t.path, t.path.removeprefix("results/")):
            assert f'"{spelled}"' not in rules, t.path


def test_scripts_write_catalogued_tables_through_the_catalogue():
    """A script that writes a table of the catalogue writes it by name
    (``catalogue.write``, which checks it against its schema) and names no schema itself;
    only the figures' data files and the data dictionary, which are no catalogued tables,
    are written as plain tables."""
    plain = {"draw_figure.py", "data_dictionary.py"}
    for path in sorted((REPO / "workflow/scripts").glob("*.py")):
        text = path.read_text(encoding="utf-8")
        if path.name not in plain:
            assert "write_table" not in text, path.name
        assert not re.search(r"\b[A-Z][A-Z0-9_]+\.validate\(", text), path.name


def test_every_registry_layout_has_its_parser():
    from raremetals.clean.layouts import ONE_TABLE
    from raremetals.sources.registry import LAYOUTS

    assert {"per-commodity", *ONE_TABLE} == set(LAYOUTS)


def _import_graph(script: Path) -> set[str]:
    """The raremetals modules a script runs, as Python resolves them: every import
    statement of the script, of _helpers beside it and of each module reached (read from
    the syntax tree, at any depth), each name resolved by importlib, packages included."""
    import importlib.util
    import os

    found, todo = set(), [script, script.parent / "_helpers.py"]
    while todo:
        path = todo.pop()
        for node in ast.walk(ast.parse(Path(path).read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
            for name in names:
                if not name.startswith("raremetals"):
                    continue
                parts = name.split(".")
                for i in range(1, len(parts) + 1):
                    try:
                        spec = importlib.util.find_spec(".".join(parts[:i]))
                    except ModuleNotFoundError:
                        spec = None
                    if spec and spec.origin and os.path.relpath(spec.origin) not in found:
                        found.add(os.path.relpath(spec.origin))
                        todo.append(spec.origin)
    return found


@pytest.mark.parametrize(
    "script",
    sorted(p for p in (REPO / "workflow/scripts").glob("*.py") if not p.name.startswith("_")),
    ids=lambda p: p.name,
)
def test_a_rule_lists_the_library_files_its_script_runs(script, monkeypatch):
    """The rules' library inputs (workflow/scripts/_library.py, read with a pattern) are the
    modules Python resolves from the script's imports: none missing, none extra."""
    monkeypatch.chdir(REPO)
    listed = {p for p in script_module("_library").library_files(script) if p.endswith(".py")}
    assert listed == _import_graph(script)


def test_a_schema_made_for_a_setting_needs_its_value():
    """The comparison's columns follow the config's middle year: its schema is made for one,
    and read back with the one its header shows."""
    from raremetals.core.schemas import settings_in_header

    with pytest.raises(TypeError, match="paper_metals_comparison .* middle_year"):
        catalogue.schema("paper_metals_comparison")
    made = catalogue.schema("paper_metals_comparison", middle_year=2021)
    assert {"edition_2021", "china_share_2021"} <= set(made.columns)
    assert settings_in_header(list(made.columns))["middle_year"] == 2021
    values = catalogue.schema("usgs_values_by_edition", editions=["mcs2024", "mcs2026"])
    assert settings_in_header(list(values.columns))["editions"] == ["mcs2024", "mcs2026"]


def test_a_unit_test_builds_nothing():
    """The tier is the folder: a test under tests/unit/ neither takes a fixture that builds
    the workflow (the collection refuses that, through fixtures too) nor runs it on a copy;
    such a test belongs in tests/pipeline/."""
    from conftest import PIPELINE_FIXTURES

    building = []
    for path in sorted((REPO / "tests/unit").glob("test_*.py")):
        functions = {
            n.name: n
            for n in ast.parse(path.read_text(encoding="utf-8")).body
            if isinstance(n, ast.FunctionDef)
        }

        def runs(name, seen=()):
            calls = {
                n.func.id
                for n in ast.walk(functions[name])
                if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)
            }
            helpers = (calls & set(functions)) - {name, *seen}
            return bool(calls & {"run_pipeline", "copy_repo"}) or any(
                runs(h, (*seen, name)) for h in helpers
            )

        for name, node in functions.items():
            if {a.arg for a in node.args.args} & PIPELINE_FIXTURES or runs(name):
                building.append(f"{path.name}::{name}")
    assert building == []


def test_each_colour_of_the_figures_has_one_meaning():
    """Every colour a figure draws is a name of style's palette, which says what it means
    (CHINA, JAPAN, USA, LATEST, PAPER, PRICE, the neutral greys, ...): no module mixes in
    a colour of its own, in any of the forms matplotlib reads as hex (#rgb, #rgba,
    #rrggbb, #rrggbbaa)."""
    from raremetals.render.figures import style

    hex_colour = re.compile(r"[\"']#(?:[0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})[\"']")
    assert hex_colour.search('color="#666"') and hex_colour.search("'#c0392b80'")
    for fig in FIGURES:
        text = (LIBRARY / f"render/figures/{fig}.py").read_text(encoding="utf-8")
        assert not hex_colour.findall(text), fig
    hues = [style.CHINA, style.JAPAN, style.USA, style.LATEST, style.PAPER, style.PRICE]
    assert len(set(hues)) == len(hues)


def test_a_unit_file_and_its_pipeline_namesake_each_say_what_they_hold():
    """tests/unit/test_x.py and tests/pipeline/test_x.py test one concern at two tiers:
    each opens with its own account of what it tests (a copied docstring said, of the
    unit file on the warm interpreter, what only the pipeline file does)."""
    for unit in sorted((REPO / "tests/unit").glob("test_*.py")):
        pipeline = REPO / "tests/pipeline" / unit.name
        if pipeline.is_file():
            said = [
                ast.get_docstring(ast.parse(p.read_text(encoding="utf-8")))
                for p in (unit, pipeline)
            ]
            assert said[0] and said[1] and said[0] != said[1], unit.name


def test_the_workflow_starts_without_the_data_libraries():
    """Every run of the workflow, a no-op too, reads the library modules its rule files
    import: none of them may import pandas, pandera or matplotlib at import time (a
    constant the rules need lives in a module of its own, clean/usgs_reference.py)."""
    import subprocess
    import sys

    rules = [REPO / "Snakefile", *sorted((REPO / "workflow/rules").glob("*.smk"))]
    imports = [
        line.strip()
        for path in rules
        for line in path.read_text(encoding="utf-8").splitlines()
        if re.match(r"\s*(from|import) raremetals\b", line)
    ]
    assert imports
    check = "\n".join(
        [
            *imports,
            "import sys",
            "print(sorted({'pandas', 'pandera', 'matplotlib'} & set(sys.modules)))",
        ]
    )
    out = subprocess.run([sys.executable, "-c", check], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]", out.stdout
