"""Regenerate and audit the analysis of the 2010 paper on rare metals and rare earths.

The package holds the logic of the pipeline; the Snakemake rules in ``workflow/`` only
wire files to these functions.
"""
