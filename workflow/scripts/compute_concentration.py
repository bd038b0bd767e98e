"""Stats stage: concentration statistics of every distribution (the USGS best series, each
year from the latest edition giving it, and the paper's 2009)."""

from _helpers import configure

configure(snakemake)

import pandas as pd

from raremetals.core import schemas
from raremetals.core.io import read_as_printed, read_reference, read_tidy, write_table
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

obs = read_tidy(snakemake.input.best_series, schemas.USGS_BEST_SERIES)
table3 = read_tidy(snakemake.input.table3, schemas.TABLE3_CORRECTED)
wgi = read_tidy(snakemake.input.wgi, schemas.WGI)
commodities = read_reference(snakemake.input.commodities)
claims = read_tidy(snakemake.input.claims, schemas.CLAIMS)
text_values = read_as_printed(snakemake.input.text_values, schemas.PAPER_TEXT_VALUES)

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
write_table(schemas.CONCENTRATION.validate(conc), out.concentration, sort_by=KEY)
write_table(
    schemas.COUNTRY_SHARES.validate(country_shares(dist, conc)),
    out.country_shares,
    sort_by=KEY + ["rank", "country_code", "row"],
)
write_table(
    schemas.RESERVES_TO_PRODUCTION.validate(reserves_to_production(conc)),
    out.reserves_to_production,
    sort_by=["dataset", "edition", "commodity", "series", "year"],
)
middle_year = snakemake.params.middle_year
comparison = paper_comparison(conc, commodities, middle_year)
# in the order of the schema (a column no row fills stays, empty)
schema = schemas.paper_comparison(middle_year)
comparison = comparison.reindex(columns=list(schema.columns))
write_table(schema.validate(comparison), out.paper_metals_comparison)
write_table(
    schemas.CONCENTRATION_SERIES.validate(concentration_series(conc)),
    out.concentration_series,
    sort_by=["commodity", "measure", "year", "dataset"],
)
