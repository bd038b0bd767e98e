"""The build settings the configuration's schema cannot check alone: they depend on the
USGS editions the registry holds and the configuration asks for."""

from __future__ import annotations


def edition_year(edition: str) -> int:
    """The year of an edition id (mcs2026 → 2026)."""
    return int(edition[-4:])


def data_years(editions: list[str]) -> list[int]:
    """The data years the editions give: each Mineral Commodity Summaries gives the two
    years before its own (MCS 2026: 2024 and 2025)."""
    return sorted({edition_year(e) - k for e in editions for k in (1, 2)})


def latest_data_year(editions: list[str]) -> int:
    """The latest data year of the build: the year before its newest edition."""
    return max(edition_year(e) for e in editions) - 1


def middle_year_error(middle_year: int, editions: list[str]) -> str | None:
    """Why ``comparison.middle_year`` cannot work with these editions (a year none of
    them gives would leave every column of that year empty), or None."""
    years = data_years(editions)
    if years[0] <= middle_year <= years[-1]:
        return None
    return (
        f"config key comparison.middle_year: {middle_year} is not a year the editions of "
        f"this build give ({', '.join(editions)}: {years[0]}-{years[-1]}); every column "
        f"of that year would be empty"
    )


def config_error(
    config: dict, usgs_editions: list[str], registry: str, commodities: set[str], catalogues: dict
) -> str | None:
    """The first value of the configuration that cannot work, in words naming its key and
    what would, or None. ``usgs_editions``: the editions ``registry`` holds;
    ``commodities``: the ids of data/commodities.csv; ``catalogues``: each language code
    of the config -> whether its text catalogue exists."""
    known = ", ".join(usgs_editions)
    for key, editions in (
        ("editions", config["editions"]),
        ("notebook.edition", [config["notebook"]["edition"]]),
    ):
        for edition in editions:
            if edition not in usgs_editions:
                return (
                    f"config key {key}: {edition!r} is not an edition of {registry} (its "
                    f"usgs_release entries: {known})"
                )
    wrong = middle_year_error(config["comparison"]["middle_year"], config["editions"])
    if wrong:
        return wrong
    commodity = config["notebook"]["commodity"]
    if commodity not in commodities:
        return (
            f"config key notebook.commodity: {commodity!r} is not a commodity id of "
            "data/commodities.csv (e.g. rare_earths, tungsten)"
        )
    for code, present in catalogues.items():
        if not present:
            return (
                f"config key languages: {code!r} has no text catalogue "
                f"(expected data/languages/{code}.yaml)"
            )
    return None
