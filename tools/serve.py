"""Serve the built site on the loopback interface, as data/host.yml says a host must.

The standard library's server is enough for a static site once it follows the site's host
description (tools/host.py), the same one `make build` writes out for nginx:
- content types the demo needs (ES modules, WebAssembly), which the standard library lacks;
- a file's compressed twin (`<file>.br`, `<file>.gz`, written by the build) with
  Content-Encoding to a browser that accepts it, brotli first, as nginx's brotli_static and
  gzip_static; a `.gz` file asked for by its own name is sent as it is;
- the headers of every response: caching by path, a Content-Security-Policy by kind of page,
  nosniff, Referrer-Policy, Permissions-Policy, no framing by other sites;
- the site's own 404 page in the language of the missing address.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import mimetypes
import os
from pathlib import Path
from urllib.parse import unquote, urlsplit

from tools.host import Host

# The host description's types, for the modules that ask the standard library (mimetypes).
EXTRA_TYPES = {".mjs": "text/javascript", ".js": "text/javascript", ".wasm": "application/wasm"}


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    host: Host  # set by make_server

    def guess_type(self, path) -> str:
        return self.host.content_type(str(path))

    def _url_path(self) -> str:
        return unquote(urlsplit(self.path).path)

    def end_headers(self) -> None:
        for name, value in self.host.response_headers(getattr(self, "_served", None) or self._url_path()).items():
            self.send_header(name, value)
        super().end_headers()

    def send_head(self):
        """The file, or the twin the browser accepts (Content-Encoding), or the 404 page. With
        `gz_encoding` (a setting many hosts have), every `.gz` file asked for by name is sent with
        Content-Encoding: gzip too, so that the browser inflates it on the way: the demo's runtime
        must start all the same (tests/pyodide/test_host_encoding.py)."""
        self._served = None
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            if not self._url_path().endswith("/"):
                return super().send_head()  # the redirect to "<path>/"
            path = os.path.join(path, "index.html")
        if not os.path.isfile(path):
            return self._not_found()
        accepts_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if getattr(self.server, "gz_encoding", False) and accepts_gzip and path.endswith(".gz"):
            return self._send_file(open(path, "rb"), path[:-3], 200, "gzip")  # noqa: SIM115
        for encoding, twin in self.host.encodings(Path(path), self.headers.get("Accept-Encoding", "")):
            try:
                source = open(twin, "rb")  # noqa: SIM115 - closed by the caller (do_GET, do_HEAD)
            except OSError:
                continue
            return self._send_file(source, path, 200, encoding)
        return self._send_file(open(path, "rb"), path, 200, None)  # noqa: SIM115

    def _send_file(self, source, path: str, status: int, encoding: str | None):
        stat = os.fstat(source.fileno())
        self.send_response(status)
        self.send_header("Content-Type", self.guess_type(path))
        if encoding:
            self.send_header("Content-Encoding", encoding)
        if encoding or self._has_twin(path):
            self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(stat.st_size))
        self.send_header("Last-Modified", self.date_time_string(stat.st_mtime))
        self.end_headers()
        return source

    @staticmethod
    def _has_twin(path: str) -> bool:
        return any(os.path.isfile(path + suffix) for suffix in (".br", ".gz"))

    def _not_found(self):
        page = self.host.not_found_page(self._url_path())
        file = self.translate_path(page)
        if not os.path.isfile(file):
            self.send_error(404, "File not found")
            return None
        self._served = page
        encodings = self.host.encodings(Path(file), self.headers.get("Accept-Encoding", ""))
        encoding, twin = encodings[0] if encodings else (None, Path(file))
        return self._send_file(open(twin, "rb"), file, 404, encoding)  # noqa: SIM115

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - signature from the base class
        if not getattr(self.server, "quiet", False):
            super().log_message(format, *args)


def make_server(root: Path, host: str = "127.0.0.1", port: int = 8000, quiet: bool = False, gz_encoding: bool = False):
    """Return a threaded HTTP server for `root` (port 0 picks a free port); `gz_encoding`: every
    .gz file is sent with Content-Encoding: gzip (see SiteHandler.send_head)."""
    for ext, mime in EXTRA_TYPES.items():
        mimetypes.add_type(mime, ext)
    handler_class = type("SiteHandlerFor", (SiteHandler,), {"host": Host.for_site(Path(root))})
    handler = functools.partial(handler_class, directory=str(root))
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
