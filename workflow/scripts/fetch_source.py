"""Fetch stage: verify or download one source's files and write its fetch record."""

from _helpers import configure

configure(snakemake)

import json
import signal
import sys

from raremetals.core.io import atomic_write
from raremetals.sources.fetch import download, verify_snapshot
from raremetals.sources.registry import Source


def _stopped(signum, frame):
    # unwinds the download, so that its temporary file is removed, rather than dying in it;
    # a second SIGTERM (the build's and the job server's) must not cut the unwinding short
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    sys.exit(f"error: fetch stopped by signal {signal.Signals(signum).name}")


signal.signal(signal.SIGTERM, _stopped)
p = snakemake.params
source = Source.from_dict(p.source)
if p.mode == "snapshot":
    files = verify_snapshot(source, root=p.root)
else:
    files = download(
        source,
        p.cache_dir,
        p.raw_root,
        mirror=p.mirror,
        third_party_copies=p.third_party_copies,
        timeout=p.timeout,
        root=p.root,
        deadline=p.deadline,
        max_bytes=p.max_bytes,
    )
record = {"source": source.id, "mode": p.mode, "files": files}
atomic_write(snakemake.output.record, json.dumps(record, indent=1, ensure_ascii=False) + "\n")
