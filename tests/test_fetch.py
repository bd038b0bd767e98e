"""Fetch stage: snapshot verification and download mode against a local HTTP server."""

from __future__ import annotations

import functools
import hashlib
import http.server
import shutil
import threading
import time
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
def serve():
    """Start an HTTP server on 127.0.0.1 serving a folder; yields a function of (folder, delay)."""
    servers = []

    def start(folder: Path, delay: float = 0.0) -> str:
        handler = type("Handler", (_SlowHandler,), {"delay": delay})
        server = http.server.ThreadingHTTPServer(
            ("127.0.0.1", 0), functools.partial(handler, directory=str(folder))
        )
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_port}"

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


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
