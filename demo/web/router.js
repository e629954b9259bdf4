// Hash router. The demo is one page (/demo/, /nl/demo/); its screens live in the fragment, so any
// screen can be linked to, reloaded, and reached with the browser's back and forward buttons:
//
//   /demo/#/<path>?<query>        e.g. /nl/demo/#/co-rae   /demo/#/search?name=smith&page=2
//
// Paths are patterns with named parts (":quality" matches one segment); the query is a plain
// URLSearchParams string. Two query parameters mean the same on every route and are handled
// before the screen is shown (main.js):
//   state=<share payload>   load a shared state (store.js), then the parameter is dropped;
// The guide's links, #/task/<task id>?person=<person id>&profile=<role id>, are a screen of their
// own (screens/task.js, tasks.json) — see README.md, "Links into the demo".

const routes = [];
let listener = null;
let pendingFlash = null;

// Register a screen (see screens/index.js). Patterns are matched in registration order.
export function register(screen) {
  const keys = [];
  const source = screen.path
    .split("/")
    .map((part) => {
      if (!part.startsWith(":")) return part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      keys.push(part.slice(1));
      return "([^/]+)";
    })
    .join("/");
  routes.push({ screen, keys, regex: new RegExp(`^${source}/?$`) });
}

// "#/co-rae/role-3/edit?x=1" -> {path: "/co-rae/role-3/edit", query: {x: "1"}}
export function parse(hash = location.hash) {
  const raw = hash.replace(/^#/, "") || "/";
  const at = raw.indexOf("?");
  const path = (at < 0 ? raw : raw.slice(0, at)) || "/";
  const query = Object.fromEntries(new URLSearchParams(at < 0 ? "" : raw.slice(at + 1)));
  return { path: path.startsWith("/") ? path : `/${path}`, query };
}

export function match(path) {
  for (const route of routes) {
    const found = route.regex.exec(path);
    if (found) {
      const params = {};
      route.keys.forEach((key, i) => (params[key] = decodeURIComponent(found[i + 1])));
      return { screen: route.screen, params };
    }
  }
  return null;
}

// The href of a route: href("/search", {name: "x", page: 2}) -> "#/search?name=x&page=2".
// Empty values are left out, so a query holds only what was chosen.
export function href(path, query = {}) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== "") params.set(key, String(value));
  }
  const qs = params.toString();
  return `#${path}${qs ? `?${qs}` : ""}`;
}

// Go to a route. `flash` is a message announced once the new screen is shown (the result of the
// action that led there). `replace` keeps the current entry out of the history (redirects).
export function navigate(path, query = {}, { flash = null, replace = false } = {}) {
  pendingFlash = flash;
  const target = href(path, query);
  if (target === location.hash) {
    listener?.(parse(target));
  } else if (replace) {
    history.replaceState(history.state, "", target);
    listener?.(parse(target));
  } else {
    location.hash = target;
  }
}

// Drop some query parameters from the address without showing the screen again.
export function dropQuery(...names) {
  const { path, query } = parse();
  for (const name of names) delete query[name];
  history.replaceState(history.state, "", href(path, query));
}

export function takeFlash() {
  const flash = pendingFlash;
  pendingFlash = null;
  return flash;
}

export function start(onRoute, root = document) {
  listener = onRoute;
  addEventListener("hashchange", () => onRoute(parse()));
  // A link to the address already shown changes nothing in the browser's eyes: the screen is
  // shown again all the same (e.g. "back to the list" after a result shown in place).
  root.addEventListener("click", (event) => {
    const anchor = event.target.closest?.("a[href^='#/']");
    if (!anchor || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
    if (anchor.getAttribute("href") !== location.hash) return;
    event.preventDefault();
    onRoute(parse());
  });
  onRoute(parse());
}
