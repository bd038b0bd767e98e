"""The source registry (``data/sources.yaml``): what each vendored file is and its checksum."""

from __future__ import annotations

import hashlib
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

from .errors import InputError

SOURCE_FIELDS = ("title", "publisher", "edition", "url", "doi", "licence", "citation",
                 "vendored", "files")


@dataclass(frozen=True)
class SourceFile:
    path: str
    sha256: str
    url: str | None


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


def sha256_of(path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def load_registry(path) -> dict[str, Source]:
    """Read the registry and check that every entry has the fields a citation needs."""
    raw = yaml.load(Path(path).read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    if not isinstance(raw, dict) or not isinstance(raw.get("sources"), dict):
        raise InputError(path, "a mapping with a 'sources' key")
    sources = {}
    for sid, entry in raw["sources"].items():
        missing = [f for f in SOURCE_FIELDS if f not in (entry or {})]
        if missing:
            raise InputError(path, f"fields {', '.join(SOURCE_FIELDS)} in source '{sid}'",
                             f"missing {', '.join(missing)}")
        files = []
        for item in entry["files"]:
            if not {"path", "sha256"} <= set(item or {}):
                raise InputError(path, f"path and sha256 for every file of source '{sid}'",
                                 str(item))
            files.append(SourceFile(item["path"], item["sha256"], item.get("url")))
        fields = {k: entry[k] for k in SOURCE_FIELDS if k != "files"}
        sources[sid] = Source(id=sid, files=tuple(files), note=entry.get("note"), **fields)
    return sources


def main(argv: list[str]) -> int:
    """``python -m raremetals.registry hash PATH...``: print lines to paste into the registry."""
    if len(argv) < 2 or argv[0] != "hash":
        print("usage: python -m raremetals.registry hash PATH...", file=sys.stderr)
        return 2
    for p in argv[1:]:
        print(f"      - path: {p}\n        sha256: {sha256_of(p)}\n        url: null")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
