"""The project's reference tables the USGS clean step reads (``clean.layouts``), by the
names the rule gives its inputs. A module of its own, without pandas, because the workflow
reads it at every start."""

REFERENCE = {
    "commodities": "data/commodities.csv",
    "commodity_names": "data/usgs_commodity_names.csv",
    "countries": "data/countries.csv",
    "header_fixes": "data/corrections/usgs_header_fixes.csv",
    "version_corrections": "data/corrections/usgs_version_corrections.csv",
    "value_issues": "data/corrections/usgs_value_issues.csv",
    "units": "data/corrections/usgs_units.csv",
    "note_readings": "data/corrections/usgs_note_readings.csv",
}
