"""The workflow used as a reader would: from another folder (with SVG asked for), as
another workflow's module, with one more language and one more edition, and rebuilt after
one module of the library or one setting changed."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import re
import subprocess
import sys
import textwrap

import pandas as pd
import pytest
import yaml

from conftest import REPO, copy_build, copy_repo, result_files, run_pipeline
from raremetals.core import catalogue
from raremetals.render.figures import FIGURES

FIGURE = "results/figures/fig4_export_quotas.en.png"
TABLE = catalogue.path("concentration")


def test_runs_from_another_folder_as_the_readme_says(tmp_path, built):
    """The README's command, as written, with its two paths filled in, on a clone whose
    config asks for SVG beside the default PNG and PDF: the whole build, its results
    where it runs, the same bytes as the session's build but for the files that name
    where the clone is, and the SVGs everywhere a figure's files are named (its caption
    record, both reports' links and the manifest) and nowhere else."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    command = re.search(
        r"^snakemake .*-s /path/to/clone/Snakefile -d /path/to/elsewhere$", readme, re.M
    )
    clone = copy_repo(tmp_path / "clone")
    config = clone / "config/config.yaml"
    text = config.read_text(encoding="utf-8")
    assert "  formats: [png, pdf]\n" in text
    config.write_text(text.replace("[png, pdf]", "[png, pdf, svg]"), encoding="utf-8")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    args = (
        command[0]
        .replace("/path/to/clone", str(clone))
        .replace("/path/to/elsewhere", str(elsewhere))
    )
    proc = subprocess.run(
        [sys.executable, "-m", *args.split()], capture_output=True, text=True, timeout=900
    )
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    assert not (clone / "results").exists()
    made, clean = result_files(elsewhere), result_files(built)
    assert not [p for p in clean if p.endswith(".svg")]
    svgs = sorted(f"{fig}.{lang}.svg" for fig in FIGURES for lang in ("en", "ja"))
    assert sorted(made) == sorted([*clean, *(f"figures/{name}" for name in svgs)])
    for name in svgs:
        assert (
            made[f"figures/{name}"].lstrip().startswith(b"<?xml")
            and b"<svg" in made[f"figures/{name}"]
        )
    # files that name an input give its path from the working folder: ../clone/data/...
    there = (os.path.relpath(clone, elsewhere) + "/").encode()
    differ = sorted(
        p for p in clean if p != "manifest.json" and made[p].replace(there, b"") != clean[p]
    )
    named = [f"figures/{fig}.caption.json" for fig in FIGURES] + ["report.html", "report.ja.html"]
    assert differ == sorted(named), differ
    # and those are the session's build's but for the SVGs they name
    for p in named:
        if p.endswith(".json"):
            caption = json.loads(made[p].replace(there, b""))
            caption["files"] = [f for f in caption["files"] if not f.endswith(".svg")]
            assert caption == json.loads(clean[p]), p
        else:
            # an SVG's link under its figure and its row in the outputs table
            link = (
                rb' \xc2\xb7 <a href="figures/[^"]+\.svg">[^<]+</a>'
                rb'|<tr><td><a href="figures/[^"]+\.svg">.*?</tr>'
            )
            assert re.sub(link, b"", made[p].replace(there, b"")) == clean[p], p
    manifest = made["manifest.json"].decode()
    for fig in FIGURES:
        caption = json.loads(made[f"figures/{fig}.caption.json"])
        for lang in ("en", "ja"):
            name = f"{fig}.{lang}.svg"
            assert name in caption["files"] and f'"results/figures/{name}"' in manifest
            for report in ("report.html", "report.ja.html"):
                assert f'href="figures/{name}"'.encode() in made[report]
    notebook = (elsewhere / "results/notebooks/explore.html").read_text(encoding="utf-8")
    assert "Rare earths: production in 2025, USGS mcs2026" in notebook


def test_runs_as_a_module_of_another_workflow(tmp_path, built):
    clone = copy_repo(tmp_path / "clone")
    host = tmp_path / "host"
    host.mkdir()
    (host / "Snakefile").write_text(
        textwrap.dedent(f"""\
        configfile: "{clone}/config/config.yaml"

        module raremetals:
            snakefile: "{clone}/Snakefile"
            config: config

        use rule * from raremetals as rm_*

        rule host_all:
            input: "{TABLE}", "{FIGURE}"
            default_target: True
        """)
    )
    proc = run_pipeline(clone, "-s", str(host / "Snakefile"), cwd=host)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    for path in (TABLE, FIGURE):
        assert (host / path).read_bytes() == (built / path).read_bytes(), path


def planned(proc) -> dict[str, int]:
    """rule -> number of jobs, from a dry run's job stats."""
    stats = proc.stdout.split("Job stats:", 1)[1].split("Reasons:", 1)[0]
    jobs = dict(re.findall(r"^(\w+)\s+(\d+)$", stats, re.M))
    return {rule: int(n) for rule, n in jobs.items() if rule != "total"}


def test_an_edit_to_one_figure_module_reruns_that_figure_only(built):
    """A finished build, one figure's module edited: the next build re-runs that figure
    and what gathers every figure (citations, report, manifest), nothing else."""
    workdir = copy_build(built, "module")
    assert "Nothing to be done" in run_pipeline(workdir, "-n").stdout
    module = workdir / "src/raremetals/render/figures/fig4_export_quotas.py"
    module.write_text(module.read_text() + "\n# an edit\n")
    proc = run_pipeline(workdir, "-n", "results/figures/fig5_military_expenditure.caption.json")
    assert "Nothing to be done" in proc.stdout, proc.stdout[-2000:]
    proc = run_pipeline(workdir, "-n")
    assert proc.returncode == 0, proc.stderr
    assert planned(proc) == {"figure": 1, "citations": 1, "report": 1, "manifest": 1, "all": 1}
    assert "wildcards: fig=fig4_export_quotas" in proc.stdout


def test_an_edit_to_the_wind_assumptions_reruns_their_statistic_and_figure_only(built):
    """The wind arithmetic's assumptions are the statistic's own setting
    (``wind_neodymium`` in the config): a changed share re-runs the statistic, Figure 6
    and what gathers them, no other figure."""
    workdir = copy_build(built, "wind")
    config = workdir / "config/config.yaml"
    text = config.read_text(encoding="utf-8")
    assert "  pm_shares: [0.1, 0.25, 1.0]\n" in text
    config.write_text(text.replace("[0.1, 0.25, 1.0]", "[0.5, 1.0]"), encoding="utf-8")
    proc = run_pipeline(workdir, "-n")
    assert proc.returncode == 0, proc.stderr
    assert planned(proc) == {
        "wind": 1,
        "figure": 1,
        "citations": 1,
        "report": 1,
        "manifest": 1,
        "all": 1,
    }
    assert "wildcards: fig=fig6_wind_neodymium" in proc.stdout


def _add_a_language(workdir) -> None:
    """A third language in place of Japanese, with data alone: its catalogue (English
    shouted), a column of names and the config's list; Japanese's outputs removed."""
    for made in (workdir / "results").rglob("*.ja.*"):
        made.unlink()
    en = yaml.safe_load((workdir / "data/languages/en.yaml").read_text(encoding="utf-8"))

    def shout(tree):
        if isinstance(tree, dict):
            return {k: shout(v) for k, v in tree.items()}
        if isinstance(tree, list):
            return [shout(v) for v in tree]
        # format fields such as {latest} stay as they are
        return (
            re.sub(r"\{[^}]*\}|[^{]+", lambda m: m[0] if m[0][0] == "{" else m[0].upper(), tree)
            if isinstance(tree, str)
            else tree
        )

    xx = {
        **shout(en),
        "name": "Shouted English",
        "font": "DejaVu Sans",
        "countries": {"CHN": "PRC"},
    }
    (workdir / "data/languages/xx.yaml").write_text(
        yaml.safe_dump(xx, allow_unicode=True), encoding="utf-8"
    )
    commodities = workdir / "data/commodities.csv"
    rows = list(csv.reader(io.StringIO(commodities.read_text(encoding="utf-8"))))
    name_en = rows[0].index("name_en")
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(rows[0] + ["name_xx"])
    for row in rows[1:]:
        writer.writerow(row + [row[name_en].upper()])
    commodities.write_text(out.getvalue(), encoding="utf-8")
    config = workdir / "config/config.yaml"
    config.write_text(config.read_text().replace("languages: [en, ja]", "languages: [en, xx]"))


def _check_the_language(workdir) -> None:
    """Every output of the made-up language made, none of Japanese's made again."""
    figures = workdir / "results/figures"
    assert (figures / "fig1_shares_2009.xx.png").stat().st_size > 1000
    assert not list(figures.glob("*.ja.*"))
    caption = yaml.safe_load((figures / "fig1_shares_2009.caption.json").read_text())
    assert caption["xx"].startswith("SHARES OF WORLD PRODUCTION")
    table = (workdir / "results/tables/table3_corrected.xx.md").read_text(encoding="utf-8")
    assert "TABLE 3 (CORRECTED)" in table and "RARE EARTHS" in table and "PRC" in table
    assert "(1) US NET IMPORT RELIANCE" in table
    # its own report, which the English one links
    report = (workdir / "results/report.xx.html").read_text(encoding="utf-8")
    assert '<html lang="xx"' in report and "SHARES OF WORLD PRODUCTION" in report
    english = (workdir / "results/report.html").read_text(encoding="utf-8")
    assert 'href="report.xx.html" hreflang="xx"' in english


def _add_an_edition(workdir) -> None:
    """MCS 2026's table relabelled as MCS 2027, its years one later, added as a maintainer
    adds an edition: the files and their registry entry (layout and table), the edition's
    commodity names and corrections."""
    old = workdir / "data/raw/usgs_mcs2026/MCS2026_Commodities_Data.csv"
    rows = list(csv.reader(io.StringIO(old.read_bytes().decode("cp1252"), newline="")))
    year = rows[0].index("Year")
    for row in rows[1:]:
        if row[year].isdigit():
            row[year] = str(int(row[year]) + 1)
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    folder = workdir / "data/raw/usgs_mcs2027"
    folder.mkdir()
    (folder / "MCS2027_Commodities_Data.csv").write_bytes(out.getvalue().encode("cp1252"))
    # and its net import reliance (Fig. 2), whose header names the years
    fig2 = (workdir / "data/raw/usgs_mcs2026/MCS2026_Fig2_Net_Import_Reliance.csv").read_bytes()
    for a, b in ((b"MCS2026", b"MCS2027"), (b"pct_2025", b"pct_2026"), (b"2021_24", b"2022_25")):
        fig2 = fig2.replace(a, b)
    (folder / "MCS2027_Fig2_Net_Import_Reliance.csv").write_bytes(fig2)
    files = "".join(
        f"      - path: data/raw/usgs_mcs2027/{p.name}\n"
        f"        sha256: {hashlib.sha256(p.read_bytes()).hexdigest()}\n"
        f"        bytes: {p.stat().st_size}\n"
        "        url: null\n"
        for p in sorted(folder.iterdir())
    )
    registry = workdir / "data/sources.yaml"
    registry.write_text(
        registry.read_text(encoding="utf-8")
        + textwrap.indent(
            textwrap.dedent(
                """\
              usgs_mcs2027:
                title: Mineral Commodity Summaries 2027 data release (made up for a test)
                publisher: U.S. Geological Survey
                edition: MCS 2027 (MCS 2026 relabelled, its years one later)
                url: null
                doi: null
                licence: US public domain
                citation: "Made up: MCS 2026's table with its years shifted by one."
                vendored: true
                usgs_release:
                  edition: mcs2027
                  layout: long
                  table: data/raw/usgs_mcs2027/MCS2027_Commodities_Data.csv
                files:
            """
            ),
            "  ",
        )
        + files,
        encoding="utf-8",
    )
    # the edition's names and corrections: MCS 2026's rows, for the new file
    for name in (
        "usgs_commodity_names.csv",
        "corrections/usgs_units.csv",
        "corrections/usgs_version_corrections.csv",
    ):
        path = workdir / "data" / name
        rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))
        edition = rows[0].index("edition")
        for row in [r for r in rows[1:] if r[edition] == "mcs2026"]:
            copy = [c.replace("MCS2026", "MCS2027") for c in row]
            copy[edition] = "mcs2027"
            if rows[0][0] == "id":
                copy[0] += "-2027"
            rows.append(copy)
        out = io.StringIO()
        csv.writer(out, lineterminator="\n").writerows(rows)
        path.write_text(out.getvalue(), encoding="utf-8")
    # the config analyses every edition of the registry: it is not touched
    assert "\neditions: all\n" in (workdir / "config/config.yaml").read_text(encoding="utf-8")


def _check_the_edition(workdir) -> None:
    """The new edition read with the parser of its layout: the best series takes 2025
    and 2026 from it."""
    best = pd.read_csv(workdir / catalogue.path("usgs_best_series"), keep_default_na=False)
    ree = best[(best.commodity == "rare_earths") & (best.measure == "production")]
    assert set(ree.loc[ree.year >= 2025, "edition"]) == {"mcs2027"}
    assert set(ree.loc[ree.year == 2024, "edition"]) == {"mcs2026"}
    # MCS 2026's China 2025 (270,000 t) is the made-up edition's 2026
    china = ree[(ree.country_code == "CHN") & (ree.year == 2026)]
    assert china.value.astype(float).tolist() == [270_000]
    values = pd.read_csv(workdir / catalogue.path("usgs_values_by_edition"), nrows=0)
    assert list(values.columns[-6:-4]) == ["value_mcs2027", "raw_mcs2027"]
    tidy = pd.read_csv(workdir / "results/tidy/data_dictionary.csv")
    assert "value_mcs2027" in set(tidy.column)


def test_a_made_up_language_and_edition_are_data_alone(built):
    """A finished build given a made-up language in place of Japanese and a made-up
    edition, each with data alone (and the config's list of languages): the next build
    makes every output in the new language (Japanese's, removed first, are not made
    again) and reads the edition with the parser of its layout. One build serves both:
    each changes what every figure draws, so each alone re-runs nearly the whole build."""
    workdir = copy_build(built, "language-edition")
    _add_a_language(workdir)
    _add_an_edition(workdir)
    proc = run_pipeline(workdir)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    _check_the_language(workdir)
    _check_the_edition(workdir)


def test_the_middle_year_is_the_configs_alone(built):
    """comparison.middle_year set to 2022 in the config of a finished build, and nothing
    else changed: the next build makes the comparison's columns, its data dictionary and
    the LaTeX macros follow. Rare earths' 2022 comes from MCS 2024 (the latest edition
    giving 2022; MCS 2025 starts at 2023): mcs2024-raree_world.csv gives China 210,000 t of
    a world 300,000 t, 70%."""
    workdir = copy_build(built, "middle-year")
    config = workdir / "config/config.yaml"
    text = config.read_text(encoding="utf-8")
    assert "  middle_year: 2023\n" in text
    config.write_text(text.replace("  middle_year: 2023\n", "  middle_year: 2022\n"))
    targets = ["results/numbers.tex", "results/stats/data_dictionary.csv"]
    proc = run_pipeline(workdir, *targets)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    comparison = catalogue.read(
        "paper_metals_comparison", workdir / catalogue.path("paper_metals_comparison")
    )
    assert "china_share_2022" in comparison and "china_share_2023" not in comparison
    ree = comparison.set_index(["commodity", "measure"]).loc[("rare_earths", "production")]
    assert (ree["edition_2022"], ree["total_2022"]) == ("mcs2024", 300_000)
    assert ree["china_share_2022"] == 210_000 / 300_000
    macros = (workdir / "results/numbers.tex").read_text(encoding="utf-8")
    assert "\\RMRareEarthsProdChinaShareTwentyTwo}{70}" in macros
    assert "TwentyThree" not in macros
    stats = pd.read_csv(workdir / "results/stats/data_dictionary.csv")
    assert {"edition_2022", "hhi_lower_2022"} <= set(stats.column)


def test_a_script_runs_outside_snakemake_for_debugging(tmp_path, built):
    """workflow/scripts/_debug.py hands a rule's script the object Snakemake would (its
    wildcards given on the command line) and runs it in the same process: the outputs are
    the build's bytes; a rule whose inputs are missing says which to build first."""
    import os
    import subprocess
    import sys

    workdir = copy_repo(tmp_path / "repo")
    env = {**os.environ, "PYTHONPATH": str(workdir / "src")}

    def debug(*args):
        return subprocess.run(
            [sys.executable, "workflow/scripts/_debug.py", *args],
            cwd=workdir,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )

    early = debug("clean_table3")
    assert early.returncode == 1
    assert "error: rule clean_table3 needs inputs that are not there" in early.stderr
    assert "./pipeline build results/fetch/paper.json" in early.stderr, early.stderr
    for args in (["fetch", "source=paper"], ["clean_table3"]):
        proc = debug(*args)
        assert proc.returncode == 0, proc.stderr
    for path in ("results/fetch/paper.json", catalogue.path("paper_table3")):
        assert (workdir / path).read_bytes() == (built / path).read_bytes(), path


def test_a_new_statistic_is_four_files(built):
    """docs/extending.md's count: a statistic written by a rule that exists touches four
    files (its function, its schema, its row of the catalogue, the call in the rule's
    script), and the rule's output, the data dictionary and the data package follow.
    Here: the second and third producers' share (CR3 - CR1) of every distribution."""
    workdir = copy_build(built, "statistic")
    before = {p: p.read_bytes() for p in workdir.rglob("*") if p.is_file()}
    (workdir / "src/raremetals/stats/runners_up.py").write_text(
        '"""The second and third producers\' share of a distribution: CR3 - CR1."""\n\n\n'
        "def runners_up(conc):\n"
        '    out = conc[["dataset", "edition", "commodity", "series", "measure", "year"]]\n'
        '    return out.assign(runners_up=conc["cr3"] - conc["cr1"])\n'
    )
    schemas = workdir / "src/raremetals/core/schemas/stats.py"
    schemas.write_text(
        schemas.read_text(encoding="utf-8") + "\n\nRUNNERS_UP = pa.DataFrameSchema(\n"
        '    {**DIST_KEY, "runners_up": number("CR3 - CR1", checks=SHARE)},\n'
        '    strict=True, ordered=True, name="runners_up",\n)\n'
    )
    tables = workdir / "src/raremetals/core/catalogue.csv"
    tables.write_text(
        tables.read_text(encoding="utf-8")
        + "runners_up,stats,concentration,stats.RUNNERS_UP,CR3 less CR1 of each distribution,,\n"
    )
    script = workdir / "workflow/scripts/compute_concentration.py"
    script.write_text(
        script.read_text(encoding="utf-8")
        + "from raremetals.stats.runners_up import runners_up\n\n"
        'catalogue.write("runners_up", runners_up(conc), snakemake.output.runners_up)\n'
    )
    touched = sorted(
        str(p.relative_to(workdir))
        for p in workdir.rglob("*")
        if p.is_file() and before.get(p) != p.read_bytes()
    )
    assert len(touched) == 4, touched
    made = "results/stats/runners_up.csv"
    proc = run_pipeline(workdir, made, "results/stats/data_dictionary.csv")
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    table = pd.read_csv(workdir / made, keep_default_na=False, na_values={"runners_up": [""]})
    conc = pd.read_csv(built / catalogue.path("concentration"), keep_default_na=False)
    assert len(table) == len(conc)
    # rare earths, USGS MCS 2026, 2025: CR3 - CR1 of the concentration table's own rows
    key = {"dataset": "usgs", "edition": "mcs2026", "commodity": "rare_earths", "year": 2025}
    mine = table[(table[list(key)] == pd.Series(key)).all(axis=1)]
    theirs = conc[(conc[list(key)] == pd.Series(key)).all(axis=1)]
    expected = sorted(float(r.cr3) - float(r.cr1) for r in theirs.itertuples() if r.cr3 != "")
    assert expected and sorted(mine.runners_up.dropna()) == pytest.approx(expected, abs=1e-12)
    dictionary = pd.read_csv(workdir / "results/stats/data_dictionary.csv")
    assert "runners_up" in set(dictionary.table)
