// The demo application: started by the demo page (docs/*/demo/index.md, through the hook
// hooks/demo_web.py). The frame shows at once; the engine loads meanwhile (the page's progress
// bar follows it); then the saved state is restored — or a shared one loaded — and the router
// shows the screen of the address.

import * as api from "./api.js";
import { h } from "./dom.js";
import { loadLabels, t } from "./i18n.js";
import { createCoach } from "./coach.js";
import { mountTools, problemText, saveProblemText } from "./controls.js";
import { createFrame } from "./frame.js";
import { dropQuery, navigate, parse, register, start } from "./router.js";
import { screens } from "./screens/index.js";
import * as session from "./session.js";
import * as store from "./store.js";

const root = document.getElementById("demo-app");

async function main() {
  await loadLabels();
  for (const screen of screens) register(screen);
  const coach = createCoach();
  const frame = createFrame(root, screens, { coach });
  try {
    await api.start();
    root.dataset.engineAt = String(Math.round(performance.now()));
  } catch (error) {
    frame.failed(String(error?.message ?? error));
    return;
  }
  api.onStateChange(() => {
    store.scheduleSave();
    // An action done in place (no new screen) may reach the scenario's goal or tick a step.
    void coach.refresh();
  });
  store.onUnsaved((unsaved) => (root.dataset.saved = unsaved ? "no" : "yes"));
  // A save that fails is said at once: what the reader does now would be lost on leaving.
  store.onSaveProblem((problem) => frame.report(problem ? saveProblemText(problem) : t("state.save_again")));
  // An engine that has failed answers nothing more: the page says so, and nothing is saved over
  // what the browser kept.
  api.engine.addEventListener("failed", () => frame.engineFailed());

  const notices = [];
  // A share link (?state=…) wins over what this browser had kept.
  const shared = parse().query.state;
  if (shared) {
    notices.push(...await receiveShared(shared, { atStart: true }));
  } else {
    const restored = await store.restore();
    if (restored.status === "replaced") notices.push(`${t("state.replaced")} ${problemText(restored)}`);
  }
  if (store.lastStorageProblem() && !notices.some((n) => n.includes(saveProblemText(store.lastStorageProblem())))) {
    notices.push(saveProblemText(store.lastStorageProblem()));
  }
  if (notices.length) frame.report(notices.join(" "));
  session.adopt();
  mountTools(frame.tools, { navigate });
  // A share link opened while the demo is shown (a click, an address typed) is read like one at
  // start-up: loaded, said in the notice, and the parameter dropped from the address.
  start(async (route) => {
    if (route.query.state) {
      const payload = route.query.state;
      const notice = await receiveShared(payload, { atStart: false });
      frame.report(notice.join(" "));
      session.adopt();
      return frame.show(parse());
    }
    return frame.show(route);
  }, root);
}

// Load a shared state; the notices to show. On failure the state in use stays as it was (at
// start-up, the one this browser kept).
async function receiveShared(payload, { atStart }) {
  dropQuery("state");
  const notices = [];
  const decoded = await store.decodeShare(payload);
  const result = decoded.ok ? await store.applyText(decoded.text) : decoded;
  if (result.ok) {
    notices.push(t("state.shared_loaded"));
    if (!result.kept) notices.push(saveProblemText(store.lastStorageProblem()));
    return notices;
  }
  notices.push(`${t("state.shared_failed")} ${problemText(result)}`);
  if (atStart) {
    const kept = await store.restore();
    if (kept.status === "replaced") notices.push(`${t("state.replaced")} ${problemText(kept)}`);
  } else {
    notices.push(t("state.shared_kept_current"));
  }
  return notices;
}

main().catch((error) => {
  // Never a blank page: whatever went wrong is said where the demo should be.
  root.replaceChildren(h("p", { class: "demo-error" }, String(error?.message ?? error)));
  root.dataset.demo = "failed";
});
