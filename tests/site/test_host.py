"""The host description (data/host.yml) as both servers apply it to the fresh build: nginx with
the generated configuration (`nginx_url`) and tools/serve.py (`site_url`). Read from the wire:
content types, compressed twins, the headers every page needs, caching, the 404 page per
language; and the two servers answer alike, so the configuration a host gets is the one tested."""

from __future__ import annotations

import brotli
import gzip
import re
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tools import host
from tools.languages import LANGUAGES, home

SERVERS = ("nginx_url", "site_url")
SAME = ("Content-Type", "Content-Encoding", "Cache-Control", "Content-Security-Policy", "Vary",
        "X-Content-Type-Options", "Referrer-Policy", "Permissions-Policy", "X-Frame-Options",
        "Cross-Origin-Opener-Policy")
ACCEPTS = ("br, gzip, deflate", "gzip", "")
DECODE = {"br": brotli.decompress, "gzip": gzip.decompress, None: lambda body: body}
THIRD_PARTY = re.compile(r"https?:|//|\*")
HASH_SOURCE = re.compile(r"'sha(256|384|512)-[A-Za-z0-9+/=]+'")
MISSING = {lang: home(lang) + "no-such-page/" for lang in LANGUAGES}


def fetch(base: str, path: str, accept: str = "") -> tuple[int, dict, bytes]:
    request = urllib.request.Request(base + path, headers={"Accept-Encoding": accept} if accept else {})
    try:
        with urllib.request.urlopen(request) as response:  # noqa: S310 - loopback test servers
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


@pytest.fixture(scope="session")
def site_host(built_site: Path) -> host.Host:
    return host.Host.for_site(built_site)


def url_of(site: Path, file: Path) -> str:
    return "/" + file.relative_to(site).as_posix()


@pytest.fixture(scope="session")
def sample_paths(built_site: Path, site_host: host.Host) -> list[str]:
    """One path of every kind the description tells apart, in every language."""
    site = built_site
    runtime = next((site / "runtime").iterdir())
    first = lambda pattern: url_of(site, next(site.glob(pattern)))  # noqa: E731
    paths = [*(home(lang) + page for lang in LANGUAGES for page in ("", "rae/activate-quality/", "search/search_index.json")),
             "/wizard/", "/actors/rae/index.html", *site_host.engine_pages(), *MISSING.values(), "/sitemap.xml",
             first("assets/javascripts/bundle.*.min.js"), first("assets/stylesheets/main.*.min.css"),
             first("assets/css/site.*.css"), first("assets/images/*.png"), first("demo-app/*/main.js"),
             first("assets/screens/*/*.webp")]
    paths += [url_of(site, f) for f in sorted(runtime.iterdir())
              if f.is_file() and not f.name.endswith((".br",)) and not (f.suffix == ".gz" and f.with_suffix("").is_file())]
    return paths


def test_both_servers_answer_alike(nginx_url, site_url, sample_paths):
    """Status, type, encoding and every header of the description, from nginx and tools/serve.py."""
    differences = []
    for path in sample_paths:
        for accept in ACCEPTS:
            a_status, a, _ = fetch(nginx_url, path, accept)
            b_status, b, _ = fetch(site_url, path, accept)
            for name in SAME:
                if a[name] != b[name]:
                    differences.append(f"{path} [{accept or '-'}] {name}: nginx {a[name]!r}, serve.py {b[name]!r}")
            if a_status != b_status:
                differences.append(f"{path} [{accept or '-'}] status: nginx {a_status}, serve.py {b_status}")
    assert not differences, "\n".join(differences[:30])


@pytest.mark.parametrize("server", SERVERS)
def test_every_page_has_the_security_headers(request, server, site_build):
    """Every page: a policy that allows no inline script but by hash (each of the page's own
    inline scripts has its hash there), no other origin, no framing; nosniff, a referrer and a
    permissions policy; a short cache lifetime."""
    base = request.getfixturevalue(server)
    wrong = []
    for path in site_build["pages"]:
        status, headers, body = fetch(base, path)
        csp = headers["Content-Security-Policy"] or ""
        directives = dict((d.split() + [""])[:1] + [" ".join(d.split()[1:])] for d in csp.split(";") if d.strip())
        scripts = directives.get("script-src", "")
        page_hashes = host.inline_script_hashes(body.decode("utf-8"))
        problems = [
            status != 200 and f"status {status}",
            "frame-ancestors" not in directives or directives["frame-ancestors"] != "'none'",
            "'unsafe-inline'" in scripts and "script-src 'unsafe-inline'",
            "'unsafe-eval'" in scripts.replace("'wasm-unsafe-eval'", "") and "'unsafe-eval'",
            # (a hash's base64 may hold "//": only the other sources name origins)
            THIRD_PARTY.search(HASH_SOURCE.sub("", csp)) and f"another origin in {csp!r}",
            not page_hashes <= set(scripts.split()) and f"inline scripts without their hash: {page_hashes - set(scripts.split())}",
            headers["X-Content-Type-Options"] != "nosniff" and "nosniff",
            not headers["Referrer-Policy"] and "Referrer-Policy",
            not headers["Permissions-Policy"] and "Permissions-Policy",
            "immutable" in (headers["Cache-Control"] or "immutable") and f"Cache-Control {headers['Cache-Control']}",
            not (headers["Content-Type"] or "").startswith("text/html") and f"type {headers['Content-Type']}",
        ]
        wrong += [f"{path}: {p}" for p in problems if p]
    assert not wrong, "\n".join(wrong[:30])


@pytest.mark.parametrize("server", SERVERS)
def test_types_the_demo_needs(request, server, sample_paths):
    base = request.getfixturevalue(server)
    expected = {".mjs": "text/javascript", ".js": "text/javascript", ".wasm": "application/wasm",
                ".json": "application/json", ".css": "text/css", ".html": "text/html"}
    wrong = []
    for path in sample_paths:
        ending = next((e for e in expected if path.endswith(e)), None)
        if ending:
            _, headers, _ = fetch(base, path, "br, gzip")
            if (headers["Content-Type"] or "").split(";")[0] != expected[ending]:
                wrong.append(f"{path}: {headers['Content-Type']}")
    assert not wrong, wrong


def test_every_text_file_has_its_compressed_twins(built_site):
    description = host.load_description()
    missing = []
    for file in sorted(built_site.rglob("*")):
        if not file.is_file() or not file.name.endswith(tuple(description["compress"])):
            continue
        plain = file.read_bytes()
        for suffix, decode in ((".br", brotli.decompress), (".gz", gzip.decompress)):
            twin = file.with_name(file.name + suffix)
            if twin.is_file():
                assert decode(twin.read_bytes()) == plain, twin
            elif len(plain) > 1024:  # a twin is left out only when it would not be smaller
                missing.append(url_of(built_site, twin))
    assert not missing, missing[:20]


@pytest.mark.parametrize("server", SERVERS)
def test_compressed_twins_are_sent_to_who_accepts_them(request, server, built_site, sample_paths):
    """brotli if accepted, else gzip, else the plain file; the body decodes to the file."""
    base = request.getfixturevalue(server)
    checked = 0
    for path in sample_paths:
        file = built_site / (path.lstrip("/") + ("index.html" if path.endswith("/") else ""))
        if not file.is_file() or not file.with_name(file.name + ".br").is_file():
            continue
        for accept, encoding in (("gzip, deflate, br", "br"), ("gzip", "gzip"), ("", None), ("identity", None)):
            status, headers, body = fetch(base, path, accept)
            assert status == 200, (path, status)
            assert headers["Content-Encoding"] == encoding, (path, accept, headers["Content-Encoding"])
            assert DECODE[encoding](body) == file.read_bytes(), (path, accept)
            assert "Accept-Encoding" in (headers["Vary"] or ""), (path, accept)
        checked += 1
    assert checked >= 10, f"only {checked} files with twins among {sample_paths}"


@pytest.mark.parametrize("server", SERVERS)
def test_files_the_worker_inflates_are_sent_as_they_are(request, server, built_site):
    """site-packages.tar.gz: a gzip file the worker inflates itself; a Content-Encoding would
    have the browser inflate it first (the worker recognises that, at a cost)."""
    base = request.getfixturevalue(server)
    runtime = next((built_site / "runtime").iterdir())
    packed = [f for f in runtime.glob("*.gz") if not f.with_suffix("").is_file()]
    assert {f.name for f in packed} >= {"site-packages.tar.gz"}, packed
    for file in packed:
        status, headers, body = fetch(base, url_of(built_site, file), "br, gzip")
        assert status == 200 and headers["Content-Encoding"] is None, (file.name, headers["Content-Encoding"])
        assert body == file.read_bytes(), file.name
        assert "immutable" in headers["Cache-Control"]


@pytest.mark.parametrize("server", SERVERS)
def test_versioned_files_are_kept_for_good(request, server, sample_paths):
    base = request.getfixturevalue(server)
    versioned = [p for p in sample_paths if re.search(r"^/(runtime|demo-app)/|\.[0-9a-f]{8,}(\.min)?\.(css|js)$", p)]
    assert len(versioned) >= 8, versioned
    for path in versioned:
        _, headers, _ = fetch(base, path, "br, gzip")
        assert "immutable" in headers["Cache-Control"] and "max-age=31536000" in headers["Cache-Control"], path


def test_pages_name_fingerprinted_own_files(built_site):
    """The site's own style sheets and scripts are named by a hash of their content in every page
    (so that they may be kept for good); the file so named holds that content."""
    html = (built_site / "index.html").read_text(encoding="utf-8")
    named = re.findall(r'(?:href|src)="([^"]*assets/(?:css|js|wizard)/[^"]+)"', html)
    assert named, "no own style sheet or script in the home page"
    for url in named:
        assert re.search(r"\.[0-9a-f]{10}\.(css|js)$", url), url
        file = built_site / url.removeprefix("./")
        stem, digest, ext = file.name.rsplit(".", 2)
        assert file.read_bytes() == (file.parent / f"{stem}.{ext}").read_bytes(), url


@pytest.mark.parametrize("server", SERVERS)
@pytest.mark.parametrize("lang", MISSING)
def test_missing_page_gets_the_404_page_of_its_language(request, server, lang):
    base = request.getfixturevalue(server)
    status, headers, body = fetch(base, MISSING[lang])
    text = body.decode("utf-8")
    assert status == 404
    assert f'<html lang="{lang}"' in text and "<h1>404 - Not found</h1>" not in text
    assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]
    assert headers["Content-Type"].startswith("text/html")
