"""Fetch stage, without the workflow: the snapshot verified file by file, and download mode
against local HTTP servers (a mirror, a checksum that differs, a 404, a timeout, a server
down). (The pipeline in both modes: tests/pipeline/test_fetch.py.)"""

from __future__ import annotations

import dataclasses
import hashlib
import http.server
import io
import json
import time
import urllib.parse
import zipfile
from pathlib import Path

import pytest

from conftest import REPO
from raremetals.core.errors import FetchError
from raremetals.sources.fetch import download, verify_snapshot
from servers import MISSING, TAMPERED, Trickle


def test_snapshot_verifies_every_registered_file(registry):
    for source in registry.values():
        record = verify_snapshot(source, root=REPO)
        # the record gives each file as the job sees it: below the repository
        assert [f["path"] for f in record] == [str(REPO / f.path) for f in source.files]
        assert [f["path"] for f in verify_snapshot(source)] == [f.path for f in source.files]


def test_download_from_mirror_verifies_into_cache(registry, serve, mirror_tree, tmp_path):
    base = serve(mirror_tree)
    cache = tmp_path / "cache"
    record = download(registry["usgs_mcs2024"], cache, "data/raw/", mirror=base, timeout=10)
    assert len(record) == len(registry["usgs_mcs2024"].files)
    for entry in record:
        assert entry["origin"].startswith(base)
        assert hashlib.sha256(Path(entry["path"]).read_bytes()).hexdigest() == entry["sha256"]


def test_download_checksum_mismatch(registry, serve, mirror_tree, tmp_path):
    cache = tmp_path / "cache"
    with pytest.raises(
        FetchError,
        match=r"source 'paper', file data/raw/paper/claims\.csv.*"
        r"checksum mismatch",
    ):
        download(registry["paper"], cache, "data/raw/", mirror=serve(mirror_tree), timeout=10)
    assert not any(p.is_file() for p in cache.rglob("*")), "cache keeps no bad or partial file"
    assert (
        hashlib.sha256((REPO / "data/raw" / TAMPERED).read_bytes()).hexdigest()
        == registry["paper"].files[0].sha256
    ), "the snapshot is untouched"


def test_download_missing_file_is_http_404(registry, serve, mirror_tree, tmp_path):
    source = registry["paper"]
    only_missing = type(source)(
        **{**source.__dict__, "files": tuple(f for f in source.files if f.path.endswith(MISSING))}
    )
    with pytest.raises(FetchError, match=r"table3_as_printed\.csv.*HTTP error 404"):
        download(
            only_missing, tmp_path / "cache", "data/raw/", mirror=serve(mirror_tree), timeout=10
        )
    assert not any(p.is_file() for p in (tmp_path / "cache").rglob("*"))


def test_download_timeout(registry, serve, tmp_path):
    base = serve(REPO / "data/raw", delay=2.0)
    with pytest.raises(FetchError, match=r"source 'paper'.*download failed.*timeout 0\.5 s"):
        download(registry["paper"], tmp_path / "cache", "data/raw/", mirror=base, timeout=0.5)
    assert not any(p.is_file() for p in (tmp_path / "cache").rglob("*"))


def test_download_server_down(registry, tmp_path):
    with pytest.raises(
        FetchError,
        match=r"source 'paper', file data/raw/paper/.*download "
        r"failed",
    ):
        download(
            registry["paper"],
            tmp_path / "cache",
            "data/raw/",
            mirror="http://127.0.0.1:9",
            timeout=2,
        )
    assert not any(p.is_file() for p in (tmp_path / "cache").rglob("*"))


# --- the publisher's shapes: a file URL with ?name=, a zip with members, a ScienceBase item --


class _ScienceBase(http.server.BaseHTTPRequestHandler):
    """Serves ``files`` (name -> bytes) as ScienceBase does: ``/catalog/file/get/<item>
    ?name=<name>`` and the item's file list at ``/catalog/item/<item>?format=json``."""

    files: dict[str, bytes] = {}
    listed: str | None = None  # the URL the file list gives for every file, if not its own

    def do_GET(self):  # noqa: N802 (the http.server API)
        url = urllib.parse.urlsplit(self.path)
        query = urllib.parse.parse_qs(url.query)
        base = f"http://127.0.0.1:{self.server.server_port}"
        if url.path.startswith("/catalog/item/") and query.get("format") == ["json"]:
            item = url.path.rsplit("/", 1)[1]
            listing = [
                {"name": n, "url": self.listed or f"{base}/catalog/file/get/{item}?name={n}"}
                for n in sorted(self.files)
            ]
            body = json.dumps({"id": item, "files": listing}).encode()
        elif url.path.startswith("/catalog/file/get/") and query.get("name", [""])[0] in self.files:
            body = self.files[query["name"][0]]
        else:
            self.send_error(404)
            return
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def sciencebase(start_server):
    """A ScienceBase of ``files`` (name -> bytes); returns its base URL."""
    return lambda files: start_server(type("Handler", (_ScienceBase,), {"files": files}))


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        for name, data in members.items():
            z.writestr(name, data)
    return buffer.getvalue()


def _one_file(registry, source_id: str, path: str, **changes):
    source = registry[source_id]
    entry = next(f for f in source.files if f.path == path)
    return dataclasses.replace(source, files=(dataclasses.replace(entry, **changes),))


MCS2025_CSV = "data/raw/usgs_mcs2025/MCS2025_World_Data.csv"
MCS2026_CSV = "data/raw/usgs_mcs2026/MCS2026_Commodities_Data.csv"
REE_2024 = "data/raw/usgs_mcs2024/world/mcs2024-raree_world.csv"


def test_registry_urls_are_the_publishers(registry):
    urls = [f.url for s in registry.values() for f in s.files if f.url]
    assert len(urls) == 415
    assert not [u for u in urls if "github" in u], "a third-party copy is a mirror, not the url"
    assert {urllib.parse.urlsplit(u).netloc for u in urls} == {
        "www.sciencebase.gov",
        "pubs.usgs.gov",
        "d9-wret.s3.us-west-2.amazonaws.com",  # usgs.gov's file store (DS 140)
    }
    entry = next(f for f in registry["usgs_mcs2024"].files if f.path == REE_2024)
    assert entry.url.endswith("/catalog/item/65a6e45fd34e5af967a46749?format=json")
    assert entry.member == "mcs2024-raree_world.csv" and "Redliana/cmm-data" in entry.mirror


def test_download_a_file_url_with_name(registry, sciencebase, tmp_path):
    data = (REPO / MCS2026_CSV).read_bytes()
    base = sciencebase({"MCS2026_Commodities_Data.csv": data})
    url = f"{base}/catalog/file/get/696a75d5d4be0228872d3bf8?name=MCS2026_Commodities_Data.csv"
    source = _one_file(registry, "usgs_mcs2026", MCS2026_CSV, url=url, mirror=None)
    (record,) = download(source, tmp_path / "cache", "data/raw/", timeout=10)
    assert record["origin"] == url
    assert Path(record["path"]).read_bytes() == data


def test_download_a_member_of_the_release_zip(registry, sciencebase, tmp_path):
    # World_Data.zip as distributed holds MCS2025_World_Data.csv
    zipped = (REPO / "data/raw/usgs_mcs2025/World_Data.zip").read_bytes()
    base = sciencebase({"World_Data.zip": zipped})
    url = f"{base}/catalog/file/get/677eaf95d34e760b392c4970?name=World_Data.zip"
    source = _one_file(registry, "usgs_mcs2025", MCS2025_CSV, url=url, mirror=None)
    (record,) = download(source, tmp_path / "cache", "data/raw/", timeout=10)
    assert record["origin"] == f"{url} (member MCS2025_World_Data.csv)"
    assert Path(record["path"]).read_bytes() == (REPO / MCS2025_CSV).read_bytes()


def test_download_through_the_item_file_list(registry, sciencebase, tmp_path):
    # the MCS 2024 item: which of its archives holds the member is read from its JSON
    member = (REPO / REE_2024).read_bytes()
    base = sciencebase(
        {
            "Salient.zip": _zip({"salient/mcs2024-raree_salient.csv": b"x"}),
            "World.zip": _zip({"world/mcs2024-raree_world.csv": member}),
        }
    )
    url = f"{base}/catalog/item/65a6e45fd34e5af967a46749?format=json"
    source = _one_file(registry, "usgs_mcs2024", REE_2024, url=url, mirror=None)
    (record,) = download(source, tmp_path / "cache", "data/raw/", timeout=10)
    assert Path(record["path"]).read_bytes() == member


def test_download_refuses_a_tampered_member(registry, sciencebase, tmp_path):
    good = (REPO / MCS2025_CSV).read_bytes()
    served = {"World_Data.zip": _zip({"MCS2025_World_Data.csv": good[:-1] + b"x"})}
    base = sciencebase(served)
    url = f"{base}/catalog/file/get/677eaf95d34e760b392c4970?name=World_Data.zip"
    source = _one_file(registry, "usgs_mcs2025", MCS2025_CSV, url=url, mirror=None)
    with pytest.raises(
        FetchError,
        match=r"file data/raw/usgs_mcs2025/MCS2025_World_Data\.csv, URL .*World_Data\.zip "
        r"\(member MCS2025_World_Data\.csv\): checksum mismatch",
    ):
        download(source, tmp_path / "cache", "data/raw/", timeout=10)
    assert not any(p.is_file() for p in (tmp_path / "cache/usgs_mcs2025").rglob("*")), (
        "no bad file in the cache"
    )
    # nor the archive it came from: once the publisher serves the right one, it is fetched
    assert not any((tmp_path / "cache/.archives").glob("*.zip"))
    served["World_Data.zip"] = _zip({"MCS2025_World_Data.csv": good})
    (record,) = download(source, tmp_path / "cache", "data/raw/", timeout=10)
    assert Path(record["path"]).read_bytes() == good


def test_download_falls_back_to_the_labelled_mirror(registry, sciencebase, serve, tmp_path):
    base = sciencebase({})  # the publisher answers 404
    mirror = serve(REPO / "data/raw") + "/usgs_mcs2024/world/mcs2024-raree_world.csv"
    url = f"{base}/catalog/item/65a6e45fd34e5af967a46749?format=json"
    source = _one_file(registry, "usgs_mcs2024", REE_2024, url=url, mirror=mirror)
    (record,) = download(source, tmp_path / "cache", "data/raw/", timeout=10)
    assert record["origin"].startswith(f"{mirror} (mirror; the publisher failed: ")
    assert Path(record["path"]).read_bytes() == (REPO / REE_2024).read_bytes()
    # a user who keeps to the publishers: the copy is not tried, the publisher's error stands
    with pytest.raises(FetchError, match="the item lists no file") as err:
        download(source, tmp_path / "own", "data/raw/", timeout=10, third_party_copies=False)
    assert "mirror" not in str(err.value)
    # with neither, the error names both
    source = _one_file(registry, "usgs_mcs2024", REE_2024, url=url, mirror=mirror + ".gone")
    with pytest.raises(FetchError, match="the item lists no file .* the mirror failed too"):
        download(source, tmp_path / "cache2", "data/raw/", timeout=10)


# --- hostile servers and archives: every download has a deadline and a size cap ----------


def _claims_from(url: str, registry):
    return _one_file(registry, "paper", "data/raw/paper/claims.csv", url=url, mirror=None)


def test_download_stops_a_trickling_server_at_the_deadline(registry, start_server, tmp_path):
    # each KiB comes well within the 5 s timeout: only the whole file's deadline ends it
    size = registry["paper"].files[0].bytes
    base = start_server(type("Handler", (Trickle,), {"size": size}))
    started = time.monotonic()
    with pytest.raises(
        FetchError,
        match=r"file data/raw/paper/claims\.csv, URL http://127\.0\.0\.1:\d+/c: download not "
        r"complete after the deadline of 1 s \(\d+,?\d* bytes received\)",
    ):
        download(
            _claims_from(f"{base}/c", registry), tmp_path / "c", "data/raw/", timeout=5, deadline=1
        )
    assert time.monotonic() - started < 3
    assert not any(p.is_file() for p in (tmp_path / "c").rglob("*")), "no partial file"


def test_download_refuses_more_bytes_than_the_registry_gives(registry, start_server, tmp_path):
    size = registry["paper"].files[0].bytes  # 47,628 bytes
    assert size == 47628
    # a server that says so at once, and one that sends without saying (no Content-Length)
    announced = start_server(type("Handler", (Trickle,), {"size": 2**31}))
    with pytest.raises(
        FetchError,
        match=r"claims\.csv, URL .*: the server announces 2,147,483,648 bytes, more "
        r"than the 47,628 expected",
    ):
        download(_claims_from(f"{announced}/c", registry), tmp_path / "c", "data/raw/", timeout=5)
    endless = start_server(type("Handler", (Trickle,), {"pause": 0}))
    with pytest.raises(FetchError, match=r"claims\.csv, URL .*: larger than the 47,628 bytes"):
        download(_claims_from(f"{endless}/big", registry), tmp_path / "c", "data/raw/", timeout=5)
    assert not any(p.is_file() for p in (tmp_path / "c").rglob("*"))


def _zip_bomb(path: Path, stated: int | None = None) -> bytes:
    """A small zip whose member inflates to 64 MiB of zeros (its header saying ``stated``
    bytes instead, where given)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        with z.open("MCS2025_World_Data.csv", "w") as member:
            for _ in range(64):
                member.write(bytes(1 << 20))
    data = path.read_bytes()
    if stated is not None:  # the central directory's uncompressed size (offset 24)
        at = data.rindex(b"PK\x01\x02")
        data = data[: at + 24] + stated.to_bytes(4, "little") + data[at + 28 :]
    return data


def test_a_zip_member_larger_than_registered_is_not_inflated(registry, sciencebase, tmp_path):
    bomb = _zip_bomb(tmp_path / "bomb.zip")
    assert len(bomb) < 100_000
    base = sciencebase({"World_Data.zip": bomb})
    url = f"{base}/catalog/file/get/677eaf95d34e760b392c4970?name=World_Data.zip"
    source = _one_file(registry, "usgs_mcs2025", MCS2025_CSV, url=url, mirror=None)
    size = source.files[0].bytes
    with pytest.raises(
        FetchError,
        match=rf"MCS2025_World_Data\.csv\): the archive gives member MCS2025_World_Data\.csv "
        rf"as 67,108,864 bytes, more than the {size:,} expected",
    ):
        download(source, tmp_path / "cache", "data/raw/", timeout=10)
    # a header that lies about the size: inflating stops at the registry's size
    lying = sciencebase({"World_Data.zip": _zip_bomb(tmp_path / "lie.zip", stated=size)})
    url = f"{lying}/catalog/file/get/677eaf95d34e760b392c4970?name=World_Data.zip"
    source = _one_file(registry, "usgs_mcs2025", MCS2025_CSV, url=url, mirror=None)
    with pytest.raises(FetchError, match=r"a damaged archive member \(Bad CRC-32 for file"):
        download(source, tmp_path / "cache2", "data/raw/", timeout=10)
    assert not any(p.is_file() and p.suffix == ".csv" for p in (tmp_path / "cache2").rglob("*"))


def test_an_archive_larger_than_max_bytes_is_refused(registry, sciencebase, tmp_path):
    zipped = (REPO / "data/raw/usgs_mcs2025/World_Data.zip").read_bytes()
    base = sciencebase({"World_Data.zip": zipped})
    url = f"{base}/catalog/file/get/677eaf95d34e760b392c4970?name=World_Data.zip"
    source = _one_file(registry, "usgs_mcs2025", MCS2025_CSV, url=url, mirror=None)
    with pytest.raises(FetchError, match=r"announces 22,615 bytes, more than the 10,000"):
        download(source, tmp_path / "cache", "data/raw/", timeout=10, max_bytes=10_000)
    assert not any(p.is_file() for p in (tmp_path / "cache").rglob("*"))


def test_a_file_list_naming_a_local_file_is_refused(registry, start_server, tmp_path):
    """A ScienceBase item's file list comes from the server: an address in it that is not
    http(s) or ftp (``file:///etc/passwd``) is not opened."""
    files = {"mcs2024-raree_world.csv": b""}
    base = start_server(
        type("Handler", (_ScienceBase,), {"files": files, "listed": "file:///etc/passwd"})
    )
    url = f"{base}/catalog/item/65a6e45fd34e5af967a46749?format=json"
    source = _one_file(registry, "usgs_mcs2024", REE_2024, url=url, mirror=None)
    with pytest.raises(
        FetchError, match=r"expected an http\(s\) or ftp URL, found 'file:///etc/passwd'"
    ):
        download(source, tmp_path / "cache", "data/raw/", timeout=10)
