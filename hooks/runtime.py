"""MkDocs hook: the demo's Pyodide runtime in the built site, and on the pages that use it only.

- on_config: builds build/runtime/ (wheels, memory snapshot) if anything it is made of changed;
  a failure stops the build, so a site never goes out without its runtime.
- on_post_page: a page whose front matter says `engine_runtime: true` gets, in its <head>, a
  Content-Security-Policy (the site's own scripts and WebAssembly only; inline scripts by hash),
  a one-line script that starts the engine's worker while the page is still parsed, a script
  that holds Material's bundle and search index until the engine is ready (PAGE_SCRIPTS_LATER),
  an import map naming the client module "egov-engine", and the client and status modules.
  No other page references the runtime, so no other page downloads Pyodide.
- on_post_build: copies the runtime (pinned at on_config, so that a concurrent rebuild cannot
  swap it) to <site>/runtime/<id>/, where <id> is a hash of its content: a new build gets new
  URLs, so servers may let browsers cache these files for good.
"""

from __future__ import annotations

import html
import json
import logging
import re
import shutil
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tools import build_runtime, host  # noqa: E402  (needs the repository root on sys.path)

log = logging.getLogger("mkdocs.hooks.runtime")
META_KEY = "engine_runtime"
_stamp: dict | None = None
_pinned: Path | None = None  # this build's own copy of build/runtime/ (see build_runtime.pin)

CHARSET_META = re.compile(r"<meta charset=[^>]*>", re.I)


def on_config(config):
    global _stamp, _pinned
    on_shutdown()  # `mkdocs serve` configures again at each rebuild
    try:
        with build_runtime.wheels_tool.build_lock():
            _stamp = build_runtime.ensure(log=log.info)
            _pinned = build_runtime.pin(_stamp)
    except Exception as exc:  # any failure here means a site without its runtime
        raise PluginError(f"the demo runtime could not be built: {exc}") from exc
    return config


def on_shutdown() -> None:
    global _pinned
    if _pinned is not None:
        shutil.rmtree(_pinned.parent, ignore_errors=True)
        _pinned = None


def runtime_dir() -> str:
    return f"runtime/{_stamp['id']}/"



def content_security_policy(page_html: str) -> str:
    scripts = " ".join(["'self'", "'wasm-unsafe-eval'", *sorted(host.inline_script_hashes(page_html))])
    return "; ".join([
        "default-src 'self'",
        # Pyodide compiles its WebAssembly: 'wasm-unsafe-eval' allows that and nothing else
        # (no eval, no new Function). Material's two inline scripts are allowed by hash.
        f"script-src {scripts}",
        "worker-src 'self'",
        "connect-src 'self'",
        # Material styles elements from its scripts and draws icons from data: URLs.
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "font-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
    ])


# Material's scripts wait on engine pages. On a first visit nothing is cached, the machine has two
# cores, and every bit of the page's own work slows the engine's start (the WebAssembly compiles
# on the same cores): measured on the demo page, the engine was ready 0.07 to 0.2 s sooner when
# Material's bundle ran after it (interleaved A/Bs, 8 and 12 rounds). Nothing the reader sees
# needs that bundle: the page is drawn by its HTML and CSS; the bundle adds search, tooltips and
# the like. So on a page that loads the engine, the bundle is loaded once the engine is ready or
# failed, or at the reader's first key press or pointer press, or after 15 s, whichever comes
# first; as it then arrives after DOMContentLoaded, which is what it waits for, it is told the
# document is there (Material's `document$`).
# Its search index (half a second of processor to build) waits longer: until the engine is ready
# or failed, or the reader goes to the search field, or 15 s.
PAGE_SCRIPTS_LATER = (
    "(()=>{const bundle=%s,root=document.documentElement,X=XMLHttpRequest.prototype,"
    "open=X.open,send=X.send,held=[];let loaded=false,go=false;"
    "const load=()=>{if(loaded)return;loaded=true;const s=document.createElement('script');s.src=bundle;"
    "s.onload=()=>{if(document.readyState!=='loading')window.document$?.next(document)};"
    "document.head.append(s)};"
    "const release=()=>{if(go)return;go=true;for(const[r,a]of held.splice(0))send.apply(r,a)};"
    "X.open=function(m,u,...r){this.egovLater=String(u).endsWith('/search/search_index.json');"
    "return open.call(this,m,u,...r)};"
    "X.send=function(...a){if(this.egovLater&&!go){held.push([this,a]);return}return send.apply(this,a)};"
    "new MutationObserver((_,o)=>{if(['ready','failed'].includes(root.dataset.engine)){o.disconnect();"
    "load();release()}}).observe(root,{attributes:true,attributeFilter:['data-engine']});"
    "for(const t of['keydown','pointerdown'])addEventListener(t,load,{capture:true,once:true});"
    "addEventListener('focusin',(e)=>{if(e.target.closest?.('[data-md-component=search]')){load();release()}});"
    "setTimeout(()=>{load();release()},15000)})()"
)
# Material's bundle, as its template writes it at the end of <body>.
MATERIAL_BUNDLE = re.compile(r'<script src="([^"]*assets/javascripts/bundle\.[0-9a-f]+\.min\.js)"></script>\n?')


def on_post_page(output: str, page, config) -> str:
    if not page.meta.get(META_KEY):
        return output
    base = get_relative_url(runtime_dir(), page.url)
    if not base.endswith("/"):
        base += "/"
    bundle = MATERIAL_BUNDLE.search(output)
    if bundle is None:
        raise PluginError(f"{page.file.src_uri}: Material's bundle script was not found")
    output = output[:bundle.start()] + output[bundle.end():]
    client = base + "client.js"
    import_map = json.dumps({"imports": {"egov-engine": client}})
    worker = json.dumps(base + "worker.js")
    tags = "\n".join([
        # The worker starts here, while the page is still being parsed: Pyodide's downloads and
        # compilation begin before the client module has even arrived. The client adopts it and
        # reads the messages kept meanwhile (client.js, start()).
        "<script>(()=>{const events=[],worker=new Worker(" + worker + ',{type:"module",name:"egov-engine"});'
        "worker.onmessage=worker.onerror=(e)=>events.push(e);"
        "globalThis.egovEngineBoot={worker,events}})()</script>",
        f"<script>{PAGE_SCRIPTS_LATER % json.dumps(bundle.group(1))}</script>",
        f'<script type="importmap">{import_map}</script>',
        # async: the worker starts as soon as the client is fetched, not after the page parses.
        f'<script type="module" async src="{html.escape(client)}"></script>',
        f'<script type="module" src="{html.escape(base)}status.js"></script>',
    ])
    # Right after <meta charset> (which must stay within the first 1024 bytes) and before any
    # script: a policy only applies to what follows it.
    charset = CHARSET_META.search(output)
    if charset is None:
        raise PluginError(f"{page.file.src_uri}: no <meta charset> to put the runtime after")
    head_at = charset.end()
    output = output[:head_at] + "\n" + tags + output[head_at:]
    csp = html.escape(content_security_policy(output), quote=True)
    meta = f'\n<meta http-equiv="Content-Security-Policy" content="{csp}">'
    return output[:head_at] + meta + output[head_at:]


def on_post_build(config) -> None:
    target = Path(config["site_dir"]) / runtime_dir()
    shutil.copytree(_pinned, target, dirs_exist_ok=True)
    log.info("demo runtime copied to %s", target.relative_to(Path(config["site_dir"]).parent))
