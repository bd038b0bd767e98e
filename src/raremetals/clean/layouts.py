"""Which parser reads a USGS edition, by the layout its registry entry gives
(``usgs_release.layout`` in ``data/sources.yaml``). The layout of one wide file per
commodity (MCS 2022-2024) is read file by file by :func:`raremetals.clean.per_commodity.
parse_world_file`; the layouts of one table, by the parsers here, each with the encoding
of its files."""

from __future__ import annotations

from raremetals.clean import long_table, world_table

ONE_TABLE = {
    "world-table": (world_table.parse_world_table, world_table.ENCODING),
    "long": (long_table.parse_commodities_table, long_table.ENCODING),
}
