"""Local HTTP servers for the fetch tests: a folder served slowly, and a server that
trickles bytes for ever; the files of data/raw the mirror tests tamper with or leave out."""

from __future__ import annotations

import http.server
import time

TAMPERED = "paper/claims.csv"
MISSING = "paper/table3_as_printed.csv"


class SlowHandler(http.server.SimpleHTTPRequestHandler):
    delay = 0.0

    def do_GET(self):  # noqa: N802 (the http.server API)
        time.sleep(self.delay)
        super().do_GET()

    def log_message(self, *args):
        pass


class Trickle(http.server.BaseHTTPRequestHandler):
    """Announces ``size`` bytes (if given) and sends a KiB every ``pause`` s, for ever."""

    size: int | None = None
    pause = 0.2

    def do_GET(self):  # noqa: N802 (the http.server API)
        self.send_response(200)
        if self.size is not None:
            self.send_header("Content-Length", str(self.size))
        self.end_headers()
        try:
            while True:
                self.wfile.write(b"x" * 1024)
                self.wfile.flush()
                time.sleep(self.pause)
        except OSError:  # the client went away
            pass

    def log_message(self, *args):
        pass
