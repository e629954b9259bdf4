// The page's side of the engine: starts the Web Worker as soon as this module runs and gives
// the demo's screens a promise API. Pages that load the runtime import it by the name
// "egov-engine" (an import map the site's build writes; see demo/runtime/README.md):
//
//   import { engine } from "egov-engine";
//   engine.addEventListener("progress", (e) => e.detail.fraction);   // 0..1
//   await engine.ready;                                               // {mode, python, timings}
//   const response = await engine.request({command: "session.whoami", session, lang: "nl"});
//
// <html data-engine="loading|ready|failed"> follows the state; "ready" is set the moment the
// engine has answered (tests and benchmarks wait for it).

const root = document.documentElement;

class EngineClient extends EventTarget {
  #worker = null;
  #pending = new Map();
  #nextId = 1;
  #settle;

  constructor() {
    super();
    this.state = "loading";
    this.info = null;
    this.progress = { loaded: 0, total: 0, fraction: 0 };
    this.ready = new Promise((resolve, reject) => (this.#settle = { resolve, reject }));
    // A page that never awaits `ready` must not log an unhandled rejection on failure.
    this.ready.catch(() => {});
  }

  start() {
    if (this.#worker) return this;
    // The page's <head> may have started the worker already, before this module was even
    // fetched (hooks/runtime.py writes that small inline script); what it said meanwhile was
    // kept, and is read first.
    const early = globalThis.egovEngineBoot;
    delete globalThis.egovEngineBoot;
    this.#worker = early?.worker
      ?? new Worker(new URL("./worker.js", import.meta.url), { type: "module", name: "egov-engine" });
    root.dataset.engine = "loading";
    this.#worker.onmessage = ({ data }) => this.#receive(data);
    this.#worker.onerror = (event) => this.#fail(event.message || "the engine worker could not start");
    for (const event of early?.events ?? []) {
      if (event.type === "error") this.#fail(event.message || "the engine worker could not start");
      else this.#receive(event.data);
    }
    return this;
  }

  // Send a request (an object, or JSON text) and get the engine's response object.
  async request(request) {
    const text = typeof request === "string" ? request : JSON.stringify(request);
    return JSON.parse(await this.requestText(text));
  }

  // The same, JSON text in and out (no parsing on this side).
  requestText(text) {
    if (this.state === "failed") return Promise.reject(new Error(this.failure));
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      this.#worker.postMessage({ type: "request", id, request: text });
    });
  }

  #receive(message) {
    switch (message.type) {
      case "response": {
        const pending = this.#pending.get(message.id);
        this.#pending.delete(message.id);
        pending?.resolve(message.response);
        break;
      }
      case "progress": {
        const fraction = message.total ? message.loaded / message.total : 0;
        this.progress = { loaded: message.loaded, total: message.total, fraction };
        this.dispatchEvent(new CustomEvent("progress", { detail: this.progress }));
        break;
      }
      case "ready": {
        this.state = "ready";
        this.info = {
          mode: message.mode,
          python: message.python,
          timings: message.timings,
          // When the worker started, in ms on the page's clock (performance.now()).
          workerStart: Math.round(message.origin - performance.timeOrigin),
        };
        root.dataset.engine = "ready";
        // On the page's timeline too (what the engine made wait can be placed after it).
        performance.mark("egov-engine-ready");
        this.#settle.resolve(this.info);
        this.dispatchEvent(new CustomEvent("ready", { detail: this.info }));
        break;
      }
      case "mark":
        // A step the worker takes after "ready" (the standard library written): added to the
        // timings, in ms after the worker's start.
        if (this.info) this.info.timings[message.name] = message.ms;
        break;
      case "failed":
        this.#fail(message.message);
        break;
    }
  }

  #fail(reason) {
    if (this.state === "failed") return;
    this.state = "failed";
    this.failure = reason;
    root.dataset.engine = "failed";
    for (const pending of this.#pending.values()) pending.reject(new Error(reason));
    this.#pending.clear();
    this.#settle.reject(new Error(reason));
    this.dispatchEvent(new CustomEvent("failed", { detail: { reason } }));
  }
}

export const engine = new EngineClient().start();
