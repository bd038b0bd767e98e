"""Stats stage: concentration statistics of every distribution (the USGS best series, each
year from the latest edition giving it, and the paper's 2009)."""

from _helpers import configure

configure(snakemake)

import pandas as pd

from raremetals.core import catalogue
from raremetals.core.io import read_as_printed, read_reference
from raremetals.core.schemas.inputs import PAPER_TEXT_VALUES
from raremetals.stats.comparison import paper_comparison
from raremetals.stats.concentration import (
    concentration,
    country_shares,
    note_partial_editions,
    wgi_scores,
)
from raremetals.stats.distributions import (
    KEY,
    paper_distributions,
    paper_text_distributions,
    usgs_distributions,
)
from raremetals.stats.reserves_to_production import reserves_to_production
from raremetals.stats.series import PARTIAL_EDITIONS, concentration_series

obs = catalogue.read("usgs_best_series", snakemake.input.best_series)
table3 = catalogue.read("paper_table3_corrected", snakemake.input.table3)
wgi = catalogue.read("wgi_estimates", snakemake.input.wgi)
commodities = read_reference(snakemake.input.commodities)
claims = catalogue.read("paper_claims", snakemake.input.claims)
text_values = read_as_printed(snakemake.input.text_values, PAPER_TEXT_VALUES)

dist = pd.concat(
    [
        usgs_distributions(obs),
        paper_distributions(table3),
        paper_text_distributions(claims, text_values, table3),
    ],
    ignore_index=True,
)
conc = concentration(dist, wgi_scores(wgi))
conc = note_partial_editions(conc, PARTIAL_EDITIONS)
out = snakemake.output
catalogue.write("concentration", conc, out.concentration, sort_by=KEY)
catalogue.write(
    "country_shares",
    country_shares(dist, conc),
    out.country_shares,
    sort_by=KEY + ["rank", "country_code", "row"],
)
catalogue.write(
    "reserves_to_production",
    reserves_to_production(conc),
    out.reserves_to_production,
    sort_by=["dataset", "edition", "commodity", "series", "year"],
)
middle_year = snakemake.params.middle_year
comparison = paper_comparison(conc, commodities, middle_year)
# in the order of the schema (a column no row fills stays, empty)
schema = catalogue.schema("paper_metals_comparison", middle_year=middle_year)
comparison = comparison.reindex(columns=list(schema.columns))
catalogue.write("paper_metals_comparison", comparison, out.paper_metals_comparison)
catalogue.write(
    "concentration_series",
    concentration_series(conc),
    out.concentration_series,
    sort_by=["commodity", "measure", "year", "dataset"],
)
