"""Fetch stage: snapshot verification and download mode against a local HTTP server."""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import http.server
import io
import json
import shutil
import threading
import time
import urllib.parse
import zipfile
from pathlib import Path

import pytest
import yaml

from conftest import REPO, copy_repo, run_pipeline
from raremetals.core import catalogue
from raremetals.core.errors import FetchError, InputError
from raremetals.sources.fetch import download, verify_snapshot
from raremetals.sources.registry import load_registry

TAMPERED = "paper/claims.csv"
MISSING = "paper/table3_as_printed.csv"


class _SlowHandler(http.server.SimpleHTTPRequestHandler):
    delay = 0.0

    def do_GET(self):  # noqa: N802 (the http.server API)
        time.sleep(self.delay)
        super().do_GET()

    def log_message(self, *args):
        pass


@pytest.fixture
def start_server():
    """Start HTTP servers on 127.0.0.1 for a test; yields a function of the handler."""
    servers = []

    def start(handler) -> str:
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_port}"

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


@pytest.fixture
def serve(start_server):
    """A server of a folder; a function of (folder, delay) that returns its base URL."""

    def start(folder: Path, delay: float = 0.0) -> str:
        handler = type("Handler", (_SlowHandler,), {"delay": delay})
        return start_server(functools.partial(handler, directory=str(folder)))

    return start


@pytest.fixture(scope="module")
def registry():
    return load_registry(REPO / "data/sources.yaml")


@pytest.fixture
def mirror_tree(tmp_path) -> Path:
    """A copy of data/raw with one tampered file and one missing file."""
    served = tmp_path / "served"
    shutil.copytree(REPO / "data/raw", served)
    with open(served / TAMPERED, "ab") as fh:
        fh.write(b"tampered\n")
    (served / MISSING).unlink()
    return served


def test_snapshot_verifies_every_registered_file(registry):
    for source in registry.values():
        record = verify_snapshot(source, root=REPO)
        # the record gives each file as the job sees it: below the repository
        assert [f["path"] for f in record] == [str(REPO / f.path) for f in source.files]
        assert [f["path"] for f in verify_snapshot(source)] == [f.path for f in source.files]


def test_snapshot_refuses_a_changed_file(registry, tmp_path):
    copy = copy_repo(tmp_path / "repo")
    with open(copy / "data/raw" / TAMPERED, "ab") as fh:
        fh.write(b"x")
    with pytest.raises(InputError, match=r"data/raw/paper/claims\.csv: expected sha256 "):
        verify_snapshot(registry["paper"], root=copy)


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


def _download_config(workdir: Path, mirror: str) -> Path:
    path = workdir / "download.yaml"
    path.write_text(
        yaml.safe_dump(
            {
                "fetch": {
                    "mode": "download",
                    "mirror": mirror,
                    "timeout": 10,
                    "cache_dir": ".cache/sources",
                }
            }
        )
    )
    return path


def test_pipeline_in_download_mode_matches_snapshot(built, serve, tmp_path):
    workdir = copy_repo(tmp_path / "repo")
    base = serve(REPO / "data/raw")
    tidy = [t.path for t in catalogue.of_stage("tidy")]  # what the fetched files feed
    proc = run_pipeline(workdir, *tidy, "--configfile", str(_download_config(workdir, base)))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    for path in tidy:
        assert (workdir / path).read_bytes() == (built / path).read_bytes(), path
    assert (workdir / ".cache/sources/usgs_mcs2024/world/mcs2024-raree_world.csv").is_file()


def test_pipeline_download_failure_names_source_and_file(serve, mirror_tree, tmp_path):
    workdir = copy_repo(tmp_path / "repo")
    proc = run_pipeline(
        workdir,
        catalogue.path("paper_table3"),
        "--configfile",
        str(_download_config(workdir, serve(mirror_tree))),
    )
    out = proc.stdout + proc.stderr
    assert proc.returncode != 0
    assert "error: source 'paper', file data/raw/paper/claims.csv" in out
    assert "checksum mismatch" in out
    assert not (workdir / "results/fetch/paper.json").exists()
    assert not (workdir / catalogue.path("paper_table3")).exists()
    assert not list((workdir / ".cache/sources/paper").glob("*claims*"))


# --- the publisher's shapes: a file URL with ?name=, a zip with members, a ScienceBase item --


class _ScienceBase(http.server.BaseHTTPRequestHandler):
    """Serves ``files`` (name -> bytes) as ScienceBase does: ``/catalog/file/get/<item>
    ?name=<name>`` and the item's file list at ``/catalog/item/<item>?format=json``."""

    files: dict[str, bytes] = {}

    def do_GET(self):  # noqa: N802 (the http.server API)
        url = urllib.parse.urlsplit(self.path)
        query = urllib.parse.parse_qs(url.query)
        base = f"http://127.0.0.1:{self.server.server_port}"
        if url.path.startswith("/catalog/item/") and query.get("format") == ["json"]:
            item = url.path.rsplit("/", 1)[1]
            listing = [
                {"name": n, "url": f"{base}/catalog/file/get/{item}?name={n}"}
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
    base = sciencebase({"World_Data.zip": _zip({"MCS2025_World_Data.csv": good + b"x"})})
    url = f"{base}/catalog/file/get/677eaf95d34e760b392c4970?name=World_Data.zip"
    source = _one_file(registry, "usgs_mcs2025", MCS2025_CSV, url=url, mirror=None)
    with pytest.raises(
        FetchError,
        match=r"file data/raw/usgs_mcs2025/MCS2025_World_Data\.csv, URL .*World_Data\.zip "
        r"\(member MCS2025_World_Data\.csv\): checksum mismatch",
    ):
        download(source, tmp_path / "cache", "data/raw/", timeout=10)
    assert not (tmp_path / "cache/usgs_mcs2025").exists(), "no bad file in the cache"


def test_download_falls_back_to_the_labelled_mirror(registry, sciencebase, serve, tmp_path):
    base = sciencebase({})  # the publisher answers 404
    mirror = serve(REPO / "data/raw") + "/usgs_mcs2024/world/mcs2024-raree_world.csv"
    url = f"{base}/catalog/item/65a6e45fd34e5af967a46749?format=json"
    source = _one_file(registry, "usgs_mcs2024", REE_2024, url=url, mirror=mirror)
    (record,) = download(source, tmp_path / "cache", "data/raw/", timeout=10)
    assert record["origin"].startswith(f"{mirror} (mirror; the publisher failed: ")
    assert Path(record["path"]).read_bytes() == (REPO / REE_2024).read_bytes()
    # with neither, the error names both
    source = _one_file(registry, "usgs_mcs2024", REE_2024, url=url, mirror=mirror + ".gone")
    with pytest.raises(FetchError, match="the item lists no file .* the mirror failed too"):
        download(source, tmp_path / "cache2", "data/raw/", timeout=10)
