"""The source registry (``data/sources.yaml``): what each vendored file is and its checksum."""

from __future__ import annotations

import dataclasses
import hashlib
import sys
from dataclasses import dataclass
from pathlib import Path

import jsonschema
import yaml

from .errors import InputError

SOURCE_FIELDS = ("title", "publisher", "edition", "url", "doi", "licence", "citation",
                 "vendored", "files")
_TEXT = {"type": "string", "minLength": 1}
_URL = {"type": ["string", "null"], "pattern": "^(https?|ftp)://"}
SCHEMA = {
    "type": "object", "required": ["sources"], "additionalProperties": False,
    "properties": {"sources": {"type": "object", "additionalProperties": {
        "type": "object", "required": list(SOURCE_FIELDS), "additionalProperties": False,
        "properties": {
            "title": _TEXT, "publisher": _TEXT, "edition": _TEXT, "url": _URL,
            "doi": {"type": ["string", "null"], "pattern": "^10\\.\\d{4,}/\\S+$"},
            "licence": _TEXT, "citation": _TEXT, "vendored": {"type": "boolean"},
            "note": {"type": ["string", "null"]},
            "files": {"type": "array", "items": {
                "type": "object", "required": ["path", "sha256"],
                "additionalProperties": False,
                "properties": {"path": {"type": "string", "pattern": "^data/raw/"},
                               "sha256": {"type": "string", "pattern": "^[0-9a-f]{64}$"},
                               "url": _URL}}}}}}},
}


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

    def as_dict(self) -> dict:
        """Plain data, so that Snakemake records it as a parameter and re-runs the fetch
        when the entry changes."""
        return dataclasses.asdict(self)

    @classmethod
    def from_dict(cls, d: dict) -> Source:
        return cls(**{**d, "files": tuple(SourceFile(**f) for f in d["files"])})


def sha256_of(path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


class _UniqueKeyLoader(yaml.CSafeLoader):
    """YAML keeps the last of two equal keys without a word; here the second is an
    error (two registry entries for one source, say)."""

    def construct_mapping(self, node, deep=False):
        seen = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"the key {key!r} a second time", key_node.start_mark)
            seen.add(key)
        return super().construct_mapping(node, deep)


def read_yaml(path):
    """A YAML file's data; a syntax error, a key given twice or a tag that would build a
    Python object (``!!python/...``) is an error naming the file, line and column."""
    try:
        return yaml.load(Path(path).read_text(encoding="utf-8"), Loader=_UniqueKeyLoader)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else "somewhere"
        found = (err.problem or "").strip()
        if "python/" in str(err):
            found = "a !!python tag (it would run code; only plain YAML is read)"
        raise InputError(path, f"valid YAML ({where})", found) from None
    except yaml.YAMLError as err:
        raise InputError(path, "valid YAML", str(err).strip()) from None


def load_registry(path) -> dict[str, Source]:
    """Read the registry and check it against :data:`SCHEMA`: every entry has the fields
    a citation needs, a sha256 of 64 lowercase hex digits, http(s) URLs, a licence."""
    raw = read_yaml(path)
    errors = sorted(jsonschema.Draft202012Validator(SCHEMA).iter_errors(raw),
                    key=lambda e: list(map(str, e.absolute_path)))
    if errors:
        err = errors[0]
        keys = [str(k) for k in err.absolute_path]
        at = (f"source '{keys[1]}'" if len(keys) > 1 else "the registry") + (
            ", key " + ".".join(keys[2:]) if len(keys) > 2 else "")
        raise InputError(path, f"a valid registry entry ({at})",
                         err.message)
    paths = [f["path"] for entry in raw["sources"].values() for f in entry["files"]]
    twice = sorted({p for p in paths if paths.count(p) > 1})
    if twice:
        raise InputError(path, "each vendored file registered once", ", ".join(twice))
    return {sid: Source(id=sid, note=entry.get("note"),
                        files=tuple(SourceFile(f["path"], f["sha256"], f.get("url"))
                                    for f in entry["files"]),
                        **{k: entry[k] for k in SOURCE_FIELDS if k != "files"})
            for sid, entry in raw["sources"].items()}




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
