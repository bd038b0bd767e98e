"""Make every registered file available to cleaning, checked against its sha256.

Two modes, chosen in the config:

* ``snapshot`` (default): the vendored bytes under ``data/raw`` are verified in place.
* ``download``: each file is fetched from its registry URL (or from ``mirror`` + its path
  under ``data/raw``) into a cache, verified, and only then used. A file is written to the
  cache under a temporary name and renamed once its checksum matches, so the cache never
  holds a half-written or wrong file, and the snapshot is never touched.

Either way the result is a *fetch record*: for each file, the path cleaning should read,
its sha256 and where it came from.
"""

from __future__ import annotations

import json
import os
import tempfile
import urllib.error
import urllib.request
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
        if not (target.is_file() and sha256_of(target) == entry.sha256):
            _download_verified(source, entry, url, target, timeout)
        record.append({"path": str(target), "sha256": entry.sha256, "origin": url})
    return record


def _download_verified(
    source: Source, entry: SourceFile, url: str, target: Path, timeout: float
) -> None:
    where = f"source '{source.id}', file {entry.path}, URL {url}"
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
    try:
        with os.fdopen(fd, "wb") as fh:
            try:
                with urllib.request.urlopen(url, timeout=timeout) as response:
                    while block := response.read(1 << 20):
                        fh.write(block)
            except urllib.error.HTTPError as err:
                raise FetchError(f"{where}: HTTP error {err.code} {err.reason}") from None
            except (urllib.error.URLError, TimeoutError, OSError) as err:
                reason = getattr(err, "reason", err)
                raise FetchError(
                    f"{where}: download failed ({reason}; timeout {timeout} s)"
                ) from None
        actual = sha256_of(tmp)
        if actual != entry.sha256:
            raise FetchError(
                f"{where}: checksum mismatch, expected sha256 {entry.sha256} "
                f"(registry), downloaded file has {actual}"
            )
        os.replace(tmp, target)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


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
