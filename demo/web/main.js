// The demo application: started by the demo page (docs/*/demo/index.md, through the hook
// hooks/demo_web.py). The frame shows at once; the engine loads meanwhile (the page's progress
// bar follows it); then the saved state is restored — or a shared one loaded — and the router
// shows the screen of the address.

import * as api from "./api.js";
import { h } from "./dom.js";
import { loadLabels, t } from "./i18n.js";
import { createCoach } from "./coach.js";
import { mountTools, problemText } from "./controls.js";
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
  const notices = [];

  // A share link (?state=…) wins over what this browser had kept.
  const shared = parse().query.state;
  if (shared) {
    dropQuery("state");
    const decoded = await store.decodeShare(shared);
    const result = decoded.ok ? await store.applyText(decoded.text) : decoded;
    if (result.ok) notices.push(t("state.shared_loaded"));
    else notices.push(`${t("state.shared_failed")} ${problemText(result)}`);
    if (!result.ok) {
      const kept = await store.restore();
      if (kept.status === "replaced") notices.push(`${t("state.replaced")} ${problemText(kept)}`);
    }
  } else {
    const restored = await store.restore();
    if (restored.status === "replaced") notices.push(`${t("state.replaced")} ${problemText(restored)}`);
  }
  if (store.lastStorageProblem()) notices.push(t("state.no_storage"));
  if (notices.length) frame.report(notices.join(" "));
  session.adopt();
  mountTools(frame.tools, { navigate });
  start((route) => frame.show(route), root);
}

main().catch((error) => {
  // Never a blank page: whatever went wrong is said where the demo should be.
  root.replaceChildren(h("p", { class: "demo-error" }, String(error?.message ?? error)));
  root.dataset.demo = "failed";
});
