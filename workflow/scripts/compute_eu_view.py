"""Stats stage: the EU's view beside the pipeline's."""

from _helpers import configure

configure(snakemake)

from raremetals.core import catalogue, schemas
from raremetals.core.io import read_tidy, write_table
from raremetals.stats import eu_criticality, eu_view

inp, out = snakemake.input, snakemake.output
materials = catalogue.read("eu_materials", inp.materials)
windows = catalogue.read("eu_assessments", inp.windows)
prod = eu_view.production(
    read_tidy(inp.series, schemas.CONCENTRATION_SERIES),
    read_tidy(inp.concentration, schemas.CONCENTRATION),
)
against = eu_view.scores_against_hhi(
    read_tidy(inp.scores, schemas.EU_CRM_SCORES), materials, windows, prod
)
write_table(schemas.EU_SCORES_AGAINST_HHI.validate(against), out.eu_scores_against_hhi)
write_table(
    schemas.EU_CORRELATION.validate(eu_view.rank_correlation(against)), out.eu_rank_correlation
)
latest = windows.iloc[-1]  # the shares are the latest report's
shares = eu_view.shares_against_usgs(
    read_tidy(inp.shares, schemas.EU_SUPPLY_SHARES),
    materials,
    prod,
    (int(latest["data_first"]), int(latest["data_last"])),
)
write_table(schemas.EU_SHARES_AGAINST_USGS.validate(shares), out.eu_supply_shares_against_usgs)
scores = read_tidy(inp.scores, schemas.EU_CRM_SCORES)
thresholds = catalogue.read("eu_thresholds", inp.thresholds).astype(
    {"assessment": int, "supply_risk": float, "economic_importance": float}
)
lists = catalogue.read("eu_critical_lists", inp.lists).astype({"assessment": int})
critical = eu_criticality.criticality(scores, materials, thresholds, lists)
write_table(schemas.EU_CRITICALITY.validate(critical), out.eu_criticality)
check = eu_criticality.threshold_check(scores, thresholds, lists)
write_table(schemas.EU_THRESHOLD_CHECK.validate(check), out.eu_threshold_check)
