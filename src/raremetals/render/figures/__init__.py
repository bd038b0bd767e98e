"""The figures: one module per figure, each with ``draw(data, config, language)`` that
takes tables of the catalogue by name and returns a matplotlib Figure. What a figure
shows is chosen in :mod:`raremetals.render.figures.picks`; its words come from the language
catalogues; :mod:`.style` saves it.

Each module's ``plotted(data, config)`` gives the values the figure draws, as rows of
:mod:`.plotted`, written beside the figure as ``<id>.data.csv``.

``FIGURES`` names each figure's input tables, so that the workflow can list them without
loading matplotlib.
"""

from __future__ import annotations

import importlib

FIGURES: dict[str, tuple[str, ...]] = {
    "table1_periodic_table": ("elements",),
    "fig1_shares_2009": ("country_shares", "concentration", "commodities"),
    "fig2_china_production_vs_reserves": ("paper_metals_comparison", "commodities"),
    "fig3_hhi_range": ("paper_metals_comparison", "commodities"),
    "fig4_export_quotas": ("china_ree_export_quotas",),
    "fig5_military_expenditure": ("sipri_milex", "paper_claims"),
    "fig6_wind_neodymium": (
        "gwec_wind_2009",
        "wind_neodymium",
        "country_shares",
        "china_ree_export_quotas",
    ),
    "fig7_us_import_reliance": ("us_import_reliance", "commodities"),
    "fig8_most_concentrated": ("concentration", "country_shares", "commodities"),
    "fig9_china_share_series": ("concentration_series", "wmd_series", "commodities"),
    "fig10_hhi_series": ("concentration_series", "wmd_series", "commodities"),
    "fig11_ree_long_run": ("ds140_rare_earths",),
    "fig12_bgs_long_run": (
        "bgs_long_run",
        "long_run_series",
        "concentration_series",
        "usgs_bgs_comparison",
        "wmd_series",
        "china_ree_export_quotas",
        "china_export_controls",
        "commodities",
    ),
    "fig13_usgs_against_bgs": ("usgs_bgs_comparison", "commodities"),
    "fig14_japan_imports": ("japan_imports", "japan_import_codes", "commodities"),
    "fig15_china_export_policy": (
        "china_ree_export_quotas",
        "china_export_controls",
        "china_export_measures",
    ),
    "fig16_mining_and_processing": ("mining_and_processing", "processing_series", "commodities"),
    "fig17_horizon": ("iea_outlook", "horizon"),
    "fig18_eu_criticality": ("eu_criticality", "eu_crm_scores", "commodities"),
}


def module(figure_id: str):
    if figure_id not in FIGURES:
        raise KeyError(f"no figure {figure_id!r}; the figures are {', '.join(FIGURES)}")
    return importlib.import_module(f"{__name__}.{figure_id}")


def caption_words(editions: list[str]) -> dict:
    """The words a figure's title, caption and source line fill in: the build's latest
    data year, and the edition that gives it (MCS 2026 gives 2025)."""
    from raremetals.core.settings import latest_data_year

    latest = latest_data_year(editions)
    return {"latest": latest, "edition": f"MCS {latest + 1}", "edition_year": latest + 1}


def build(figure_id: str, paths: dict[str, str], config: dict, languages: dict):
    """The figure in each language (code -> Figure), its caption record, and the values
    it draws (the same in every language)."""
    from raremetals.core import catalogue
    from raremetals.render.figures import plotted
    from raremetals.render.figures.style import source_line

    figure = module(figure_id)
    draw = figure.draw
    data = {name: catalogue.read(name, paths[name]) for name in FIGURES[figure_id]}

    words = caption_words([config["latest_edition"]])
    figures = {}
    for code, language in languages.items():
        figures[code] = draw(data, config, language)
        source_line(figures[code], language.source(figure_id).format(**words))
    caption = {
        "id": figure_id,
        **{
            code: language.caption(figure_id).format(**words)
            for code, language in languages.items()
        },
        "inputs": sorted(str(paths[n]) for n in FIGURES[figure_id]),
        "function": f"{__name__}.{figure_id}.draw",
        "data": f"{figure_id}.data.csv",
    }
    return figures, caption, plotted.frame(figure.plotted(data, config), paths)
