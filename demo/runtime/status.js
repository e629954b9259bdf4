// Ties a page's loading indicator and "ping" form to the engine. The page holds every text (in
// its own language) in data attributes; this module only switches between them.
//
//   <progress data-engine-progress max="100" value="0" aria-labelledby="…"></progress>
//   <p role="status" data-engine-status data-text-ready="…" data-text-failed="…">…</p>
//   <form data-engine-ping data-request='{"command": …}' data-text-answer="… {ms} …">
//     <button>…</button> <output data-engine-output></output></form>

import { engine } from "./client.js";

const progress = document.querySelector("[data-engine-progress]");
const status = document.querySelector("[data-engine-status]");
const ping = document.querySelector("[data-engine-ping]");

// The answer's time as the page's language writes a number (12,3 in French, Dutch and German).
const milliseconds = new Intl.NumberFormat(document.documentElement.lang || undefined,
  { minimumFractionDigits: 1, maximumFractionDigits: 1 });

const text = (element, key, values = {}) =>
  (element?.dataset[key] ?? "").replace(/\{(\w+)\}/g, (_, name) => String(values[name] ?? ""));

function showProgress(fraction) {
  if (progress) progress.value = Math.round(fraction * 100);
}

engine.addEventListener("progress", (event) => showProgress(event.detail.fraction));
engine.ready.then(
  (info) => {
    showProgress(1);
    // Loaded: the bar and its label have said what they had to; the status line says "ready".
    if (progress) {
      progress.hidden = true;
      if (progress.id) document.querySelector(`label[for="${CSS.escape(progress.id)}"]`)?.setAttribute("hidden", "");
    }
    if (status) status.textContent = text(status, "textReady", { mode: info.mode, python: info.python });
    if (ping) ping.querySelector("button")?.removeAttribute("aria-disabled");
  },
  (error) => {
    if (status) status.textContent = text(status, "textFailed", { reason: error.message });
  },
);

ping?.addEventListener("submit", async (event) => {
  event.preventDefault();
  const output = ping.querySelector("[data-engine-output]");
  if (engine.state !== "ready") {
    output.textContent = text(ping, "textWait");
    return;
  }
  const started = performance.now();
  const response = await engine.request(ping.dataset.request);
  const ms = milliseconds.format(performance.now() - started);
  output.dataset.ok = String(response.ok);
  output.textContent = text(ping, response.ok ? "textAnswer" : "textRefused", {
    ms,
    message: response.error?.message ?? "",
  });
});
