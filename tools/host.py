"""The site's host description (data/host.yml), applied to a build.

One description, two servers: tools/serve.py asks `Host.response_headers` for every response, and
`nginx_site` writes the same rules as an nginx configuration (`make build` -> deploy/nginx/), so
the two cannot drift. The build's own facts come from the built site: its languages, which pages
load the demo's runtime, and the hashes of the inline scripts each kind of page holds (the
Content-Security-Policy allows those and no other inline script).

    python -m tools.host --site site --out deploy/nginx    # the nginx files for that build
"""

from __future__ import annotations

import argparse
import base64
import contextlib
import gzip
import hashlib
import os
import pwd
import re
import socket
import subprocess
import tempfile
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import brotli
import yaml

ROOT = Path(__file__).resolve().parent.parent
DESCRIPTION = ROOT / "data" / "host.yml"
# Inline scripts the policy must allow (an import map counts; a JSON data block is not run).
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\ssrc=)([^>]*)>(.*?)</script>", re.S | re.I)
DATA_TYPE = re.compile(r"""\stype=["']?application/(ld\+)?json""", re.I)
# A page that loads the demo's runtime carries the runtime's own policy (hooks/runtime.py).
ENGINE_MARK = re.compile(r'<meta http-equiv="Content-Security-Policy" content="[^"]*wasm-unsafe-eval')
LANGUAGE_DIR = re.compile(r"^[a-z]{2}$")
NGINX = "/usr/sbin/nginx"
ENCODINGS = (("br", ".br"), ("gzip", ".gz"))  # preferred first


def load_description(path: Path = DESCRIPTION) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def inline_script_hashes(page_html: str) -> set[str]:
    hashes = set()
    for attrs, body in INLINE_SCRIPT.findall(page_html):
        if DATA_TYPE.search(attrs):
            continue
        digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode()
        hashes.add(f"'sha256-{digest}'")
    return hashes


def url_path_of(site: Path, html: Path) -> str:
    rel = html.relative_to(site).as_posix()
    return "/" + rel.removesuffix("index.html")


# --- the build's compressed twins ------------------------------------------------------------


def write_twins(site: Path, description: dict | None = None) -> dict[str, int]:
    """Write <file>.br and <file>.gz beside every text file of `site` (kept only when smaller);
    an existing twin (the runtime writes its own .gz) is kept. Returns bytes before and after."""
    description = description or load_description()
    suffixes = tuple(description["compress"])
    totals = {"files": 0, "plain": 0, "br": 0}
    for path in sorted(site.rglob("*")):
        if not path.is_file() or not path.name.endswith(suffixes):
            continue
        data = path.read_bytes()
        totals["files"] += 1
        totals["plain"] += len(data)
        for suffix, pack in ((".br", brotli_twin), (".gz", _gzip)):
            twin = path.with_name(path.name + suffix)
            if not twin.is_file():
                packed = pack(data)
                if len(packed) < len(data):
                    twin.write_bytes(packed)
        br = path.with_name(path.name + ".br")
        totals["br"] += br.stat().st_size if br.is_file() else len(data)
    return totals


def brotli_twin(data: bytes, densest: bool = False) -> bytes:
    """The bytes of a .br twin. Quality 11 (the densest, with a 16 MB window) on text; a large file
    at 11 takes most of a minute (the 9.6 MB WebAssembly: 45 s, 2.77 MB against 3.10 MB at 9), so
    at each site build large files get 9, unless `densest` (the runtime's build, once per version)."""
    if densest or len(data) < 2_000_000:
        return brotli.compress(data, quality=11, lgwin=24)
    return brotli.compress(data, quality=9)


def _gzip(data: bytes) -> bytes:
    return gzip.compress(data, compresslevel=9, mtime=0)


# --- the description applied to a build -------------------------------------------------------


@dataclass
class Host:
    site: Path
    description: dict

    @classmethod
    def for_site(cls, site: Path) -> "Host":
        return cls(Path(site), load_description())

    # Facts of the build, read once.

    @cached_property
    def _pages(self) -> dict[str, str]:
        """URL path of every HTML file -> its kind of page ('guide' or 'engine')."""
        kinds = {}
        self._hashes = {"guide": set(), "engine": set()}
        for html in sorted(self.site.rglob("*.html")):
            text = html.read_text(encoding="utf-8", errors="replace")
            kind = "engine" if ENGINE_MARK.search(text) else "guide"
            kinds[url_path_of(self.site, html)] = kind
            self._hashes[kind] |= inline_script_hashes(text)
        return kinds

    def script_hashes(self, kind: str) -> list[str]:
        self._pages  # noqa: B018 - reads the build once
        return sorted(self._hashes[kind])

    def engine_pages(self) -> list[str]:
        return [path for path, kind in self._pages.items() if kind == "engine"]

    @cached_property
    def languages(self) -> list[str]:
        """Language prefixes that have their own 404 page ('nl'); the default's is at the root."""
        return sorted(p.name for p in self.site.iterdir()
                      if p.is_dir() and LANGUAGE_DIR.match(p.name) and (p / self.description["not_found"]).is_file())

    # Rules.

    def content_type(self, path: str) -> str:
        types = self.description["types"]
        ending = max((e for e in types if path.endswith(e)), key=len, default=None)
        mime = types[ending] if ending else self.description["default_type"]
        return f"{mime}; charset=utf-8" if mime in self.description["utf8_types"] else mime

    def cache_rule(self, path: str) -> dict:
        for rule in self.description["cache"]:
            if re.search(rule["match"], path):
                return rule
        raise ValueError(f"data/host.yml: no cache rule matches {path}")

    def cache_control(self, path: str) -> str:
        return self.cache_rule(path)["value"]

    def policy(self, kind: str) -> str:
        text = " ".join(self.description["csp"][kind].split())
        if "{scripts}" in text:
            text = text.replace(" {scripts}", "".join(" " + h for h in self.script_hashes(kind)))
        return text

    def kind_of(self, path: str) -> str:
        """'guide' or 'engine' for a page (its URL path, '/x/' or '/x/index.html'), else 'file'."""
        page = path if not path.endswith("/") else path + "index.html"
        if not page.endswith(".html"):
            return "file"
        return self._pages.get(page.removesuffix("index.html"), "guide")

    def not_found_page(self, path: str) -> str:
        """URL path of the 404 page for a missing `path`, in the language of its prefix."""
        first = path.lstrip("/").split("/", 1)[0]
        prefix = f"/{first}/" if first in self.languages else "/"
        return prefix + self.description["not_found"]

    def response_headers(self, path: str) -> dict[str, str]:
        """Headers (but Content-Type and Content-Encoding) for the file served at URL `path`
        ('/x/' for the page /x/index.html)."""
        return {
            **self.description["headers"],
            "Cache-Control": self.cache_control(path),
            "Content-Security-Policy": self.policy(self.kind_of(path)),
        }

    def encodings(self, file: Path, accept_encoding: str) -> list[tuple[str, Path]]:
        """The twins of `file` a client that sends `accept_encoding` may get, preferred first."""
        accepted = {part.split(";")[0].strip().lower() for part in accept_encoding.split(",")}
        accepted -= {t.split(";")[0].strip().lower() for t in accept_encoding.split(",") if re.search(r";\s*q=0(\.0*)?\s*$", t)}
        if file.name.endswith(".gz"):
            return []  # a gzip file is the resource itself (the worker inflates it)
        return [(name, file.with_name(file.name + suffix)) for name, suffix in ENCODINGS
                if name in accepted and file.with_name(file.name + suffix).is_file()]


# --- nginx ------------------------------------------------------------------------------------


def _quote(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _location(match: str, headers: dict[str, str], extra: list[str] = ()) -> list[str]:
    # add_header in a location replaces the server's: each location says all of them. `always`:
    # 404 pages get them too.
    body = [*extra, *(f"add_header {name} {_quote(value)} always;" for name, value in headers.items())]
    return [f"location {match} {{", *("    " + line for line in body), "}"]


def _locations(host: Host, lang: str | None) -> list[str]:
    """Locations under the language prefix `/lang/` (None: the default language, at the root):
    the engine pages by name, then one per cache rule, in the description's order (nginx tries
    regular expressions in order: the first that matches wins, as in Host.cache_control)."""
    prefix = f"/{lang}/" if lang else "/"
    others = [f"/{other}/" for other in host.languages if other != lang]
    out = []
    for page in host.engine_pages():
        if page.startswith(prefix) and not any(page.startswith(o) for o in others):
            for name in (page, page + "index.html"):
                out += _location(f"= {name}", host.response_headers(name))
    *rules, _ = host.description["cache"]  # the last one (any path) is the enclosing location's
    for rule in rules:
        # Headers of a path this rule is the first to match (a page, a fingerprinted file, a file
        # of a content-hashed directory); a rule no such path under `prefix` reaches is left out.
        example = next((path for path in _example_paths(prefix) if host.cache_rule(path) is rule), None)
        if example is not None:
            out += _location(f"~ {_quote(rule['match'])}", host.response_headers(example))
    return out


def _example_paths(prefix: str) -> list[str]:
    return [prefix + "x/", prefix + "x/index.html", prefix + "x.0123abcd.min.js",
            prefix + "runtime/0123abcd/x.js", prefix + "demo-app/0123abcd/x.js", prefix + "x.png"]


def nginx_site(host: Host, root: str) -> str:
    """Server-level directives serving the build at `root` as data/host.yml says (include them in
    a `server { }` block). Needs nginx's brotli_static module (Debian:
    libnginx-mod-http-brotli-static); without it, remove the `brotli_static` line."""
    d = host.description
    by_type: dict[str, list[str]] = {}
    for ending, mime in d["types"].items():
        by_type.setdefault(mime, []).append(ending.lstrip("."))
    lines = [
        "# Generated by tools/host.py from data/host.yml for one build: do not edit, rebuild.",
        f"root {root};",
        "index index.html;",
        "charset utf-8;",
        "charset_types " + " ".join(t for t in d["utf8_types"] if t != "text/html") + ";",
        "types {",
        *[f"    {mime} {' '.join(exts)};" for mime, exts in by_type.items()],
        "}",
        f"default_type {d['default_type']};",
        "# The build's .br and .gz twins, sent with Content-Encoding to a browser that accepts them;",
        "# nothing is compressed on the fly. A .gz file asked for by its own name is sent as it is.",
        "gzip off;",
        "gzip_static on;",
        "brotli_static on;",
        "gzip_vary on;",
        "server_tokens off;",
        "# /x -> /x/ keeps the host and port the browser used.",
        "absolute_redirect off;",
        f"error_page 404 /{d['not_found']};",
    ]
    for lang in host.languages:
        nested = ["    " + line for line in _locations(host, lang)]
        lines += _location(f"^~ /{lang}/", host.response_headers(f"/{lang}/x.png"),
                           [f"error_page 404 /{lang}/{d['not_found']};", *nested])
    lines += _locations(host, None)
    lines += _location("/", host.response_headers("/x.png"))
    return "\n".join(lines) + "\n"


def nginx_main(host: Host, root: str, listen: str, prefix: Path) -> str:
    """A complete nginx.conf around `nginx_site`: runs unprivileged from `prefix` (its pid, logs
    and temporary files there), in the foreground."""
    modules = Path("/usr/lib/nginx/modules/ngx_http_brotli_static_module.so")
    site = "\n".join("        " + line for line in nginx_site(host, root).splitlines())
    # Started by root, nginx would hand its workers to "nobody", who may not read a private
    # temporary build: the workers stay the starting user.
    user = f"user {pwd.getpwuid(os.geteuid()).pw_name};" if os.geteuid() == 0 else ""
    return f"""# Generated by tools/host.py: nginx serving one build on {listen}, all its files in {prefix}.
load_module {modules};
{user}
daemon off;
worker_processes 1;
pid {prefix}/nginx.pid;
error_log {prefix}/error.log warn;
events {{
    worker_connections 256;
}}
http {{
    access_log {prefix}/access.log;
    client_body_temp_path {prefix}/client_body;
    proxy_temp_path {prefix}/proxy;
    fastcgi_temp_path {prefix}/fastcgi;
    uwsgi_temp_path {prefix}/uwsgi;
    scgi_temp_path {prefix}/scgi;
    sendfile on;
    server {{
        listen {listen};
{site}
    }}
}}
"""


@contextlib.contextmanager
def nginx(site: Path, nginx_binary: str = NGINX):
    """Debian's nginx serving `site` as the description says, on a free loopback port, as the
    current user, everything of its own in a temporary directory (no system file touched); yields
    the base URL. Stopped (by its own pid) on exit."""
    with tempfile.TemporaryDirectory(prefix="nginx-") as tmp:
        prefix = Path(tmp)
        port = _free_port()
        conf = prefix / "nginx.conf"
        conf.write_text(nginx_main(Host.for_site(site), str(Path(site).resolve()), f"127.0.0.1:{port}", prefix),
                        encoding="utf-8")
        process = subprocess.Popen([nginx_binary, "-p", str(prefix), "-c", str(conf), "-e", str(prefix / "error.log")],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        try:
            _wait_listening(port, process, prefix / "error.log")
            yield f"http://127.0.0.1:{port}"
        finally:
            process.terminate()
            process.wait(timeout=30)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_listening(port: int, process: subprocess.Popen, log: Path) -> None:
    """Returns once nginx accepts connections; raises if it exited instead."""
    while True:
        if process.poll() is not None:
            raise RuntimeError(f"nginx exited ({process.returncode}): {log.read_text(errors='replace') if log.exists() else ''}"
                               f"{process.stderr.read().decode(errors='replace')}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            # Connection refused until nginx has bound its port: poll the process again (it
            # starts in milliseconds; this loop waits for that event, not for a set time).
            process_wait(process)


def process_wait(process: subprocess.Popen) -> None:
    try:
        process.wait(timeout=0.05)
    except subprocess.TimeoutExpired:
        pass


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--site", type=Path, default=Path("site"))
    parser.add_argument("--out", type=Path, default=Path("deploy/nginx"))
    parser.add_argument("--root", help="where the host puts the site (default: --site, absolute)")
    args = parser.parse_args()
    host = Host.for_site(args.site)
    root = args.root or str(args.site.resolve())
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "egov-help-site.conf").write_text(nginx_site(host, root), encoding="utf-8")
    print(f"wrote {args.out / 'egov-help-site.conf'} (root {root})")


if __name__ == "__main__":
    main()
