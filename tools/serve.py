"""Serve the built site on the loopback interface.

The standard library's server is enough for a static site, but it does not know every type the
demo needs (ES modules, WebAssembly), and browsers refuse a module served as text/plain. Two more
things a host of this site must do, and this server does:
- send a file's gzip'd twin (`<file>.gz`, written by the build beside the demo runtime's large
  files) with `Content-Encoding: gzip` to a browser that accepts it, as nginx's `gzip_static`;
- give the runtime's files (/runtime/) a long cache lifetime and their own Content-Security-Policy.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import mimetypes
import os
from pathlib import Path

EXTRA_TYPES = {
    ".mjs": "text/javascript",
    ".js": "text/javascript",
    ".wasm": "application/wasm",
    ".whl": "application/zip",
    ".zip": "application/zip",
    ".json": "application/json",
    ".webp": "image/webp",
}


RUNTIME_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; object-src 'none'"


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, **EXTRA_TYPES}

    def end_headers(self) -> None:
        # /runtime/<content hash>/ never changes once written (hooks/runtime.py): browsers may
        # keep it for good, which is what makes the demo's second visit fast.
        if self.path.startswith("/runtime/"):
            self.send_header("Cache-Control", "public, max-age=31536000, immutable")
            # The engine's worker does not inherit its page's policy (CSP 3): its scripts carry
            # their own. Same-origin scripts, and WebAssembly compilation, nothing else.
            self.send_header("Content-Security-Policy", RUNTIME_CSP)
        super().end_headers()

    def send_head(self):
        """The plain file, or its `.gz` twin with Content-Encoding: gzip when the browser accepts
        gzip and the build wrote one. With `gz_encoding` (a setting many hosts have), every `.gz`
        file asked for by name is sent with Content-Encoding: gzip too, so that the browser
        inflates it on the way: the demo's runtime must start all the same."""
        path = self.translate_path(self.path)
        packed = path + ".gz"
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if accepts and getattr(self.server, "gz_encoding", False) and path.endswith(".gz") and os.path.isfile(path):
            packed, path = path, path[:-3]
        elif not accepts or os.path.isdir(path) or not os.path.isfile(packed) or not os.path.isfile(path):
            return super().send_head()
        try:
            source = open(packed, "rb")  # noqa: SIM115 - closed by the caller (do_GET, do_HEAD)
        except OSError:
            return super().send_head()
        stat = os.fstat(source.fileno())
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(stat.st_size))
        self.send_header("Last-Modified", self.date_time_string(stat.st_mtime))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        return source

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - signature from the base class
        if not getattr(self.server, "quiet", False):
            super().log_message(format, *args)


def make_server(root: Path, host: str = "127.0.0.1", port: int = 8000, quiet: bool = False, gz_encoding: bool = False):
    """Return a threaded HTTP server for `root` (port 0 picks a free port); `gz_encoding`: every
    .gz file is sent with Content-Encoding: gzip (see SiteHandler.send_head)."""
    for ext, mime in EXTRA_TYPES.items():
        mimetypes.add_type(mime, ext)
    handler = functools.partial(SiteHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer((host, port), handler)
    server.quiet = quiet
    server.gz_encoding = gz_encoding
    return server


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--root", default="site", type=Path)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", default=8000, type=int)
    parser.add_argument("--gz-content-encoding", action="store_true",
                        help="send every .gz file with Content-Encoding: gzip, as some hosts do")
    args = parser.parse_args()
    server = make_server(args.root, args.host, args.port, gz_encoding=args.gz_content_encoding)
    print(f"Serving {args.root} on http://{args.host}:{server.server_address[1]}/ (Ctrl+C to stop)")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
