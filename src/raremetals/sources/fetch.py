"""Make every registered file available to cleaning, checked against its sha256.

Two modes, chosen in the config:

* ``snapshot`` (default): the vendored bytes under ``data/raw`` are verified in place.
* ``download``: each file is fetched from its publisher (the registry's ``url``), or from
  ``mirror`` + its path under ``data/raw`` when the config names a mirror, into a cache,
  verified, and only then used. A file is written to the cache under a temporary name
  and renamed once its checksum matches, so the cache never holds a half-written or
  wrong file, and the snapshot is never touched.

The publisher's address takes three shapes: a file URL (ScienceBase's
``catalog/file/get/<item>?name=<file>``, a USGS page); a zip archive with the file as
its ``member``; or a ScienceBase item (``catalog/item/<item>?format=json``) whose file
list says whether the member is a file of the item or inside one of its zip archives.
Archives are kept in the cache (``.archives/``); each member is verified against its own
sha256. Where the publisher fails and the registry names a third-party ``mirror`` of the
file, the mirror is tried and the record says so.

Either way the result is a *fetch record*: for each file, the path cleaning should read,
its sha256 and where it came from.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import urllib.error
import urllib.request
import zipfile
from pathlib import Path

from raremetals.core.errors import FetchError, InputError
from raremetals.core.io import sha256_of
from raremetals.sources.registry import Source, SourceFile


def _check(source: Source, entry: SourceFile, path: Path) -> None:
    if not path.is_file():
        raise InputError(
            entry.path, f"the file registered for source '{source.id}'", "no such file"
        )
    actual = sha256_of(path)
    if actual != entry.sha256:
        raise InputError(
            entry.path,
            f"sha256 {entry.sha256} (registry, source '{source.id}')",
            f"sha256 {actual}",
        )


def _in(root, path: str) -> str:
    return os.path.normpath(os.path.join(root, path))


def verify_snapshot(source: Source, root=".") -> list[dict]:
    """Check every vendored file of a source against the registry. Registry paths are
    relative to ``root`` (the repository); the record gives them as the job sees them."""
    record = []
    for entry in source.files:
        _check(source, entry, Path(root) / entry.path)
        record.append({"path": _in(root, entry.path), "sha256": entry.sha256, "origin": "snapshot"})
    return record


def file_url(entry: SourceFile, mirror: str | None, raw_root: str) -> str | None:
    """The registry's URL, or the file's place under ``mirror`` (a base URL under which
    the files sit at their path below ``raw_root``)."""
    if mirror:
        return mirror.rstrip("/") + "/" + entry.path.removeprefix(raw_root)
    return entry.url


def download(
    source: Source,
    cache_dir,
    raw_root: str,
    mirror: str | None = None,
    timeout: float = 30.0,
    root=".",
) -> list[dict]:
    """Fetch every file of a source into ``cache_dir`` and verify it.

    A file with no URL (and no mirror) is a compiled table that exists only in the
    snapshot: it is verified there and recorded with origin ``snapshot (no URL)``.
    """
    fetcher = _Fetcher(Path(cache_dir), timeout)
    record = []
    for entry in source.files:
        url = file_url(entry, mirror, raw_root)
        if url is None:
            _check(source, entry, Path(root) / entry.path)
            record.append(
                {
                    "path": _in(root, entry.path),
                    "sha256": entry.sha256,
                    "origin": "snapshot (no URL)",
                }
            )
            continue
        target = Path(cache_dir) / entry.path.removeprefix(raw_root)
        origin = url if mirror else _origin(entry)
        if not (target.is_file() and sha256_of(target) == entry.sha256):
            where = f"source '{source.id}', file {entry.path}"
            if mirror:  # the config's mirror holds the files at their paths
                data = fetcher.get(url, f"{where}, URL {url}")
                _store(data, entry, target, f"{where}, URL {url}")
            else:
                origin = _from_publisher(fetcher, entry, target, where)
        record.append({"path": str(target), "sha256": entry.sha256, "origin": origin})
    return record


def _origin(entry: SourceFile) -> str:
    return entry.url + (f" (member {entry.member})" if entry.member else "")


def _from_publisher(fetcher: _Fetcher, entry: SourceFile, target: Path, where: str) -> str:
    """Fetch a file from its publisher, or its mirror where the publisher fails; the
    origin to record."""
    try:
        data = fetcher.publisher(entry, where)
        _store(data, entry, target, f"{where}, URL {_origin(entry)}")
        return _origin(entry)
    except FetchError as err:
        if not entry.mirror:
            raise
        first = str(err)
    try:
        data = fetcher.get(entry.mirror, f"{where}, mirror {entry.mirror}")
        _store(data, entry, target, f"{where}, mirror {entry.mirror}")
    except FetchError as err:
        raise FetchError(f"{first}; the mirror failed too: {err}") from None
    return f"{entry.mirror} (mirror; the publisher failed: {first})"


def _store(data: bytes, entry: SourceFile, target: Path, where: str) -> None:
    """Write ``data`` to ``target`` if its sha256 is the registry's, atomically."""
    actual = hashlib.sha256(data).hexdigest()
    if actual != entry.sha256:
        raise FetchError(
            f"{where}: checksum mismatch, expected sha256 {entry.sha256} "
            f"(registry), downloaded file has {actual}"
        )
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, target)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


class _Fetcher:
    """Downloads with one timeout, keeping zip archives (by URL) in the cache's
    ``.archives`` folder and ScienceBase file lists for the run."""

    def __init__(self, cache_dir: Path, timeout: float):
        self.archives = cache_dir / ".archives"
        self.timeout = timeout
        self.items: dict[str, list[dict]] = {}

    def get(self, url: str, where: str) -> bytes:
        try:
            with urllib.request.urlopen(url, timeout=self.timeout) as response:
                return response.read()
        except urllib.error.HTTPError as err:
            raise FetchError(f"{where}: HTTP error {err.code} {err.reason}") from None
        except (urllib.error.URLError, TimeoutError, OSError) as err:
            reason = getattr(err, "reason", err)
            raise FetchError(
                f"{where}: download failed ({reason}; timeout {self.timeout} s)"
            ) from None

    def archive(self, url: str, where: str) -> zipfile.ZipFile:
        path = self.archives / (hashlib.sha256(url.encode()).hexdigest()[:16] + ".zip")
        if not path.is_file():
            data = self.get(url, where)
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".zip.")
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            os.replace(tmp, path)
        try:
            return zipfile.ZipFile(path)
        except zipfile.BadZipFile:
            path.unlink()
            raise FetchError(f"{where}: not a zip archive") from None

    def item_files(self, url: str, where: str) -> list[dict]:
        if url not in self.items:
            try:
                item = json.loads(self.get(url, where))
                self.items[url] = [
                    {"name": f["name"], "url": f["url"]} for f in item.get("files", [])
                ]
            except (ValueError, KeyError, TypeError):
                raise FetchError(f"{where}: not a ScienceBase item's JSON") from None
        return self.items[url]

    def member(self, url: str, name: str, where: str) -> bytes | None:
        archive = self.archive(url, where)
        found = [m for m in archive.namelist() if m.rsplit("/", 1)[-1] == name]
        return archive.read(found[0]) if found else None

    def publisher(self, entry: SourceFile, where: str) -> bytes:
        at = f"{where}, URL {_origin(entry)}"
        if not entry.member:
            return self.get(entry.url, at)
        if "/catalog/item/" not in entry.url:  # a zip archive
            data = self.member(entry.url, entry.member, at)
            if data is None:
                raise FetchError(f"{at}: the archive has no member {entry.member}")
            return data
        files = self.item_files(entry.url, at)
        for f in files:
            if f["name"] == entry.member:
                return self.get(f["url"], f"{where}, URL {f['url']}")
        for f in files:
            if f["name"].lower().endswith(".zip"):
                data = self.member(f["url"], entry.member, f"{where}, URL {f['url']}")
                if data is not None:
                    return data
        raise FetchError(
            f"{at}: the item lists no file {entry.member} and none of its zip archives "
            f"({', '.join(f['name'] for f in files if f['name'].lower().endswith('.zip'))}) "
            "holds it"
        )


def read_record(path) -> list[dict]:
    """The file list of a fetch record written by the fetch rule."""
    return json.loads(Path(path).read_text(encoding="utf-8"))["files"]


def paths_in(record_path, part: str, suffix: str = ".csv") -> list[str]:
    """Paths of a fetch record whose path contains ``part`` and ends with ``suffix``."""
    return sorted(
        f["path"]
        for f in read_record(record_path)
        if part in f["path"] and f["path"].endswith(suffix)
    )
