"""The source registry (``data/sources.yaml``): what each vendored file is and its checksum."""

from __future__ import annotations

import dataclasses
import os
import sys
from dataclasses import dataclass

import jsonschema

from raremetals.core.errors import InputError
from raremetals.core.io import read_yaml, sha256_of

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
# the schemes a download may use, in the registry and in the config's mirror alike
URL_PATTERN = "^(https?|ftp)://"
_URL = {"type": ["string", "null"], "pattern": URL_PATTERN}
RAW_ROOT = "data/raw/"
# a path below data/raw/ in plain parts: no "..", ".", empty part, backslash or
# absolute path, so that no file of the registry (or its place in a cache) leaves its folder
PATH_PATTERN = r"^data/raw/(?!.*(?:^|/)\.{1,2}(?:/|$))[A-Za-z0-9_.\-]+(?:/[A-Za-z0-9_.\-]+)*$"
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
                    "doi": {"type": ["string", "null"], "pattern": "^10\\.\\d{4,}/\\S+$"},
                    "licence": _TEXT,
                    "citation": _TEXT,
                    "vendored": {"type": "boolean"},
                    "note": {"type": ["string", "null"]},
                    "version": _TEXT,
                    "obtained": _TEXT,
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
