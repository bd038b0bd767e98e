"""The source registry (``data/sources.yaml``): what each vendored file is and its checksum."""

from __future__ import annotations

import dataclasses
import os
import sys
from dataclasses import dataclass
from pathlib import Path

import jsonschema

from raremetals.core.errors import InputError
from raremetals.core.io import read_yaml, sha256_of
from raremetals.core.vocab import EDITION_PATTERN

SOURCE_FIELDS = (
    "title",
    "publisher",
    "edition",
    "url",
    "doi",
    "licence",
    "citation",
    "vendored",
    "files",
)
_TEXT = {"type": "string", "minLength": 1}
# the schemes a download may use, in the registry and in the config's mirror alike; no
# space, brace, backslash, quote or angle bracket, which no URL holds unencoded (RFC 3986)
# and which would break the BibTeX and HTML the address is written into
URL_PATTERN = r'^(https?|ftp)://[^\s{}\\"<>]+$'
_URL = {"type": ["string", "null"], "pattern": URL_PATTERN}
# a path below data/raw/ in plain parts: no "..", ".", empty part, backslash or
# absolute path, so that no file of the registry (or its place in a cache) leaves its folder
PATH_PATTERN = r"^data/raw/(?!.*(?:^|/)\.{1,2}(?:/|$))[A-Za-z0-9_.\-]+(?:/[A-Za-z0-9_.\-]+)*$"
# The layouts of the USGS Mineral Commodity Summaries data releases, each read by a parser
# of raremetals.clean: one wide file per commodity (MCS 2022-2024), one wide world table
# (MCS 2025), one long table of every statistic (MCS 2026).
LAYOUTS = ("per-commodity", "world-table", "long")
_RELEASE = {
    "type": "object",
    "required": ["edition", "layout"],
    "additionalProperties": False,
    "properties": {
        "edition": {"type": "string", "pattern": EDITION_PATTERN},
        "layout": {"enum": list(LAYOUTS)},
        # the file holding the world table, in the layouts of one table
        "table": {"type": "string", "pattern": PATH_PATTERN},
        # the release's own summaries of its world tables, which the audit sets against
        # the pipeline's numbers: the critical minerals' salient statistics (MCS 2026 T7,
        # MCS 2024 T5) and the figure of import shares (MCS 2026 Fig. 3)
        "statements": {
            "type": "object",
            "additionalProperties": False,
            "minProperties": 1,
            "properties": {
                "salient": {"type": "string", "pattern": PATH_PATTERN},
                "import_shares": {"type": "string", "pattern": PATH_PATTERN},
            },
        },
    },
    "if": {"properties": {"layout": {"enum": ["world-table", "long"]}}},
    "then": {"required": ["table"]},
    "else": {"not": {"required": ["table"]}},
}
SCHEMA = {
    "type": "object",
    "required": ["sources"],
    "additionalProperties": False,
    "properties": {
        "sources": {
            "type": "object",
            "additionalProperties": {
                "type": "object",
                "required": list(SOURCE_FIELDS),
                "additionalProperties": False,
                "properties": {
                    "title": _TEXT,
                    "publisher": _TEXT,
                    "edition": _TEXT,
                    "url": _URL,
                    "doi": {"type": ["string", "null"], "pattern": r'^10\.\d{4,}/[^\s{}\\"<>]+$'},
                    "licence": _TEXT,
                    "citation": _TEXT,
                    "vendored": {"type": "boolean"},
                    "note": {"type": ["string", "null"]},
                    "version": _TEXT,
                    "obtained": _TEXT,
                    "usgs_release": _RELEASE,
                    "files": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "required": ["path", "sha256", "bytes"],
                            "additionalProperties": False,
                            "properties": {
                                "path": {"type": "string", "pattern": PATH_PATTERN},
                                "sha256": {"type": "string", "pattern": "^[0-9a-f]{64}$"},
                                "bytes": {"type": "integer", "minimum": 0},
                                "url": _URL,
                                "member": _TEXT,
                                "mirror": _URL,
                            },
                        },
                    },
                },
            },
        }
    },
}


@dataclass(frozen=True)
class SourceFile:
    """A vendored file of ``bytes`` bytes. ``url`` is the publisher's address; where the
    publisher distributes the file inside an archive, ``member`` names it in the archive
    at ``url``. ``mirror`` is a third-party copy of the same bytes, tried when the
    publisher fails."""

    path: str
    sha256: str
    bytes: int
    url: str | None
    member: str | None = None
    mirror: str | None = None


@dataclass(frozen=True)
class Source:
    id: str
    title: str
    publisher: str
    edition: str
    url: str | None
    doi: str | None
    licence: str
    citation: str
    vendored: bool
    files: tuple[SourceFile, ...]
    note: str | None = None
    version: str | None = None  # edition version or posting date
    obtained: str | None = None  # how the vendored copy was obtained
    # a USGS MCS data release: its edition id, layout and (one-table layouts) table file
    usgs_release: dict | None = None

    def as_dict(self) -> dict:
        """Plain data, so that Snakemake records it as a parameter and re-runs the fetch
        when the entry changes."""
        return dataclasses.asdict(self)

    @classmethod
    def from_dict(cls, d: dict) -> Source:
        return cls(**{**d, "files": tuple(SourceFile(**f) for f in d["files"])})


def load_registry(path) -> dict[str, Source]:
    """Read the registry and check it against :data:`SCHEMA`: every entry has the fields
    a citation needs, a path below ``data/raw/`` that stays there, a sha256 of 64
    lowercase hex digits and a size, http(s) or ftp URLs, a licence."""
    raw = read_yaml(path)
    errors = sorted(
        jsonschema.Draft202012Validator(SCHEMA).iter_errors(raw),
        key=lambda e: list(map(str, e.absolute_path)),
    )
    if errors:
        err = errors[0]
        keys = [str(k) for k in err.absolute_path]
        at = (f"source '{keys[1]}'" if len(keys) > 1 else "the registry") + (
            ", key " + ".".join(keys[2:]) if len(keys) > 2 else ""
        )
        raise InputError(path, f"a valid registry entry ({at})", err.message)
    editions = [
        e["usgs_release"]["edition"] for e in raw["sources"].values() if "usgs_release" in e
    ]
    twice = sorted({e for e in editions if editions.count(e) > 1})
    if twice:
        raise InputError(path, "each USGS edition registered once", ", ".join(twice))
    for sid, entry in raw["sources"].items():
        release = entry.get("usgs_release", {})
        named = [release.get("table"), *release.get("statements", {}).values()]
        for file in filter(None, named):
            if file not in {f["path"] for f in entry["files"]}:
                raise InputError(
                    path, f"a usgs_release file among the files of source '{sid}'", file
                )
    paths = [f["path"] for entry in raw["sources"].values() for f in entry["files"]]
    twice = sorted({p for p in paths if paths.count(p) > 1})
    if twice:
        raise InputError(path, "each vendored file registered once", ", ".join(twice))
    return {
        sid: Source(
            id=sid,
            note=entry.get("note"),
            version=entry.get("version"),
            obtained=entry.get("obtained"),
            usgs_release=entry.get("usgs_release"),
            files=tuple(
                SourceFile(
                    f["path"],
                    f["sha256"],
                    f["bytes"],
                    f.get("url"),
                    f.get("member"),
                    f.get("mirror"),
                )
                for f in entry["files"]
            ),
            **{k: entry[k] for k in SOURCE_FIELDS if k != "files"},
        )
        for sid, entry in raw["sources"].items()
    }


def check_snapshot(registry: dict[str, Source], root, registry_path: str) -> None:
    """Every vendored file the registry names is in the snapshot as a regular file (not a
    link, which could point anywhere) of the size it registers. Run by every build:
    Snakemake notices neither an input deleted after a build (the outputs are up to date)
    nor a file swapped for a link to an older one, and a size costs only a stat."""
    import stat

    for source in registry.values():
        for f in source.files:
            where = f"the vendored file that {registry_path} registers for source '{source.id}'"
            try:
                info = os.lstat(Path(root, f.path))
            except FileNotFoundError:
                raise InputError(f.path, where, "no such file") from None
            if not stat.S_ISREG(info.st_mode):
                found = "a symbolic link" if stat.S_ISLNK(info.st_mode) else "not a file"
                raise InputError(f.path, f"{where}, a regular file", found)
            if info.st_size != f.bytes:
                raise InputError(
                    f.path, f"{where}, of {f.bytes:,} bytes", f"{info.st_size:,} bytes"
                )


def usgs_editions(registry: dict[str, Source]) -> dict[str, Source]:
    """The USGS data releases of the registry by edition id (``mcs2026``), oldest first:
    every list of editions the workflow uses is this one, or a part of it."""
    releases = {s.usgs_release["edition"]: s for s in registry.values() if s.usgs_release}
    return dict(sorted(releases.items()))


def main(argv: list[str]) -> int:
    """``python -m raremetals.sources.registry hash PATH...``: print lines to paste into
    the registry."""
    if len(argv) < 2 or argv[0] != "hash":
        print("usage: python -m raremetals.sources.registry hash PATH...", file=sys.stderr)
        return 2
    for p in argv[1:]:
        print(
            f"      - path: {p}\n        sha256: {sha256_of(p)}\n"
            f"        bytes: {os.path.getsize(p)}\n        url: null"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
