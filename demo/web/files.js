// The application's data files (the JSON files beside main.js), by name. Resolved from this
// module's URL: it sits at the application's root, as a source file and in the site, where the
// build bundles every module into files at that root (hooks/demo_web.py).

export const appFile = (name) => new URL(name, import.meta.url);
