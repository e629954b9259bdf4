"""tools/serve.py sends a file's gzip'd twin with Content-Encoding: gzip, only to a client that
accepts gzip and only where the build wrote one; everything else is served as it is."""

from __future__ import annotations

import gzip
import threading
import urllib.request

import pytest

from tools.serve import make_server


@pytest.fixture
def served(tmp_path):
    (tmp_path / "runtime").mkdir()
    plain = b"\0snapshot bytes " * 4096
    (tmp_path / "runtime" / "engine.snapshot").write_bytes(plain)
    (tmp_path / "runtime" / "engine.snapshot.gz").write_bytes(gzip.compress(plain, mtime=0))
    (tmp_path / "runtime" / "python_stdlib.zip").write_bytes(b"PK zip as it is")
    (tmp_path / "index.html").write_text("<p>hello</p>")
    server = make_server(tmp_path, port=0, quiet=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}", plain
    server.shutdown()


def get(url: str, accept: str | None):
    request = urllib.request.Request(url, headers={"Accept-Encoding": accept} if accept else {})
    with urllib.request.urlopen(request) as response:  # noqa: S310 - loopback test server
        return response.headers, response.read()


def test_gzip_twin_for_a_client_that_accepts_gzip(served):
    base, plain = served
    headers, body = get(f"{base}/runtime/engine.snapshot", "gzip, deflate, br")
    assert headers["Content-Encoding"] == "gzip"
    assert headers["Vary"] == "Accept-Encoding"
    assert int(headers["Content-Length"]) == len(body) < len(plain)
    assert gzip.decompress(body) == plain
    # The type is the file's, not gzip's; the runtime's caching and policy headers stay.
    assert headers["Content-Type"] != "application/gzip"
    assert "immutable" in headers["Cache-Control"]
    assert "'wasm-unsafe-eval'" in headers["Content-Security-Policy"]


def test_plain_file_otherwise(served):
    base, plain = served
    headers, body = get(f"{base}/runtime/engine.snapshot", None)
    assert headers["Content-Encoding"] is None and body == plain
    headers, body = get(f"{base}/runtime/engine.snapshot", "br")
    assert headers["Content-Encoding"] is None and body == plain


def test_files_without_a_twin_are_sent_as_they_are(served):
    base, _ = served
    headers, body = get(f"{base}/runtime/python_stdlib.zip", "gzip")
    assert headers["Content-Encoding"] is None and body == b"PK zip as it is"
    headers, body = get(f"{base}/", "gzip")
    assert headers["Content-Encoding"] is None and b"hello" in body
