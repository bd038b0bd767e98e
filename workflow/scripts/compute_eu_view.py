"""Stats stage: the EU's view beside the pipeline's."""

from _helpers import configure

configure(snakemake)

from raremetals.core import catalogue
from raremetals.stats import eu_criticality, eu_view

inp, out = snakemake.input, snakemake.output
materials = catalogue.read("eu_materials", inp.materials)
windows = catalogue.read("eu_assessments", inp.windows)
prod = eu_view.production(
    catalogue.read("concentration_series", inp.series),
    catalogue.read("concentration", inp.concentration),
)
against = eu_view.scores_against_hhi(
    catalogue.read("eu_crm_scores", inp.scores), materials, windows, prod
)
catalogue.write("eu_scores_against_hhi", against, out.eu_scores_against_hhi)
catalogue.write("eu_rank_correlation", eu_view.rank_correlation(against), out.eu_rank_correlation)
latest = windows.iloc[-1]  # the shares are the latest report's
shares = eu_view.shares_against_usgs(
    catalogue.read("eu_supply_shares_2023", inp.shares),
    materials,
    prod,
    (int(latest["data_first"]), int(latest["data_last"])),
)
catalogue.write("eu_supply_shares_against_usgs", shares, out.eu_supply_shares_against_usgs)
scores = catalogue.read("eu_crm_scores", inp.scores)
thresholds = catalogue.read("eu_thresholds", inp.thresholds).astype(
    {"assessment": int, "supply_risk": float, "economic_importance": float}
)
lists = catalogue.read("eu_critical_lists", inp.lists).astype({"assessment": int})
critical = eu_criticality.criticality(scores, materials, thresholds, lists)
catalogue.write("eu_criticality", critical, out.eu_criticality)
check = eu_criticality.threshold_check(scores, thresholds, lists)
catalogue.write("eu_threshold_check", check, out.eu_threshold_check)
