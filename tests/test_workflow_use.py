"""The workflow used as a reader would: from another folder, as another workflow's module,
with one more language, and rebuilt after one module of the library changed."""

from __future__ import annotations

import csv
import io
import re
import textwrap

import yaml

from conftest import copy_repo, run_pipeline
from raremetals.core import catalogue
from raremetals.render.figures import FIGURES

FIGURE = "results/figures/fig4_export_quotas.en.png"
TABLE = catalogue.path("concentration")


def test_runs_from_another_folder(tmp_path, built):
    clone = copy_repo(tmp_path / "clone")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    proc = run_pipeline(clone, "-s", str(clone / "Snakefile"), "-d", str(elsewhere), TABLE, FIGURE)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    for path in (TABLE, FIGURE):
        assert (elsewhere / path).read_bytes() == (built / path).read_bytes(), path
    assert not (clone / "results").exists()


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


def test_an_edit_to_one_figure_module_reruns_that_figure_only(tmp_path):
    workdir = copy_repo(tmp_path / "repo")
    own = {"PYTHONPATH": str(workdir / "src")}  # the copy runs its own library
    # two figures and a table: what the edit must re-run, and what it must not
    targets = [
        "results/figures/fig4_export_quotas.caption.json",
        "results/figures/fig5_military_expenditure.caption.json",
        "results/tables/table1_rare_metals.en.md",
    ]
    assert run_pipeline(workdir, *targets, **own).returncode == 0
    assert "Nothing to be done" in run_pipeline(workdir, "-n", *targets, **own).stdout
    module = workdir / "src/raremetals/render/figures/fig4_export_quotas.py"
    module.write_text(module.read_text() + "\n# an edit\n")
    proc = run_pipeline(workdir, "-n", *targets, **own)
    assert proc.returncode == 0, proc.stderr
    assert planned(proc) == {"figure": 1}
    assert "wildcards: fig=fig4_export_quotas" in proc.stdout
    # in the whole workflow too, the other figure stays (the rest is planned as missing)
    whole = planned(run_pipeline(workdir, "-n", **own))
    assert whole["figure"] == len(FIGURES) - 1 and "tables" not in whole


def test_a_made_up_language_is_one_catalogue_and_a_column_of_names(tmp_path):
    workdir = copy_repo(tmp_path / "repo")
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

    proc = run_pipeline(workdir, "results/report.html")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    figures = workdir / "results/figures"
    assert (figures / "fig1_shares_2009.xx.png").stat().st_size > 1000
    assert not list(figures.glob("*.ja.*"))
    caption = yaml.safe_load((figures / "fig1_shares_2009.caption.json").read_text())
    assert caption["xx"].startswith("SHARES OF WORLD PRODUCTION")
    table = (workdir / "results/tables/table3_corrected.xx.md").read_text(encoding="utf-8")
    assert "TABLE 3 (CORRECTED)" in table and "RARE EARTHS" in table and "PRC" in table
    assert "(1) US NET IMPORT RELIANCE" in table
    report = (workdir / "results/report.html").read_text(encoding="utf-8")
    assert 'lang="xx"' in report and "SHARES OF WORLD PRODUCTION" in report
