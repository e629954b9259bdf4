// The demo's tools, under the screens: start again from the demo data, save the state to a JSON
// file and load it back, and make a link that carries the state (store.js says how).

import { button, download, focus, h, uid } from "./dom.js";
import { t } from "./i18n.js";
import { showEngineError } from "./errors.js";
import { lastSeq } from "./conditions.js";
import { parse } from "./router.js";
import * as session from "./session.js";
import * as store from "./store.js";

// The sentence describing a failed load (from a file, a link or the browser's storage).
export function problemText(result) {
  switch (result.problem) {
    case "unreadable": return t("state.problem.unreadable");
    case "format": return t("state.problem.format");
    case "older": return t("state.problem.older", { version: result.detail });
    case "newer": return t("state.problem.newer", { version: result.detail });
    case "engine": return t("state.problem.engine", { message: result.error.message });
    case "too_large": return t("state.problem.too_large", { size: result.detail });
    case "too_deep": return t("state.problem.too_deep", { depth: result.detail });
    default: return t("state.problem.format");
  }
}

// What a failed save means for the reader, and what to do ("quota" or "refused").
export function saveProblemText(problem) {
  const params = { export: t("tools.export") };
  return problem === "quota" ? t("state.save_failed_quota", params) : t("state.save_failed", params);
}

export function mountTools(section, { navigate }) {
  const headingId = "demo-tools-heading";
  const status = h("div", { class: "demo-tools-status", role: "status" });
  const errorBox = h("div", { class: "demo-error", role: "alert", tabindex: "-1", hidden: true });
  const fileId = uid("import");
  const fileInput = h("input", { type: "file", id: fileId, accept: "application/json,.json", class: "demo-file" });
  const shareId = uid("share");
  const shareOutput = h("input", { type: "text", id: shareId, readonly: true, class: "demo-share-url" });
  const shareRow = h("div", { class: "demo-field demo-share", hidden: true },
    h("label", { for: shareId }, t("tools.share_label")), shareOutput,
    button(t("tools.copy"), async () => {
      shareOutput.select();
      try {
        await navigator.clipboard.writeText(shareOutput.value);
        say(t("tools.copied"));
      } catch {
        say(t("tools.copy_by_hand"));
      }
    }));

  function say(text) {
    errorBox.hidden = true;
    status.textContent = "";
    setTimeout(() => (status.textContent = text), 30);
  }

  function failed(text, engineError = null) {
    status.textContent = "";
    const target = engineError
      ? showEngineError(errorBox, engineError)
      : (errorBox.replaceChildren(h("p", {}, text)), (errorBox.hidden = false), errorBox);
    focus(target);
  }

  // The reader's own loads stay in the audit journal (journal.json, "housekeeping").
  async function readerDidIt() {
    const seq = await lastSeq();
    store.setUi({ reader: [...store.uiState().reader, seq].slice(-50) });
  }

  async function afterLoad(flash) {
    session.adopt();
    navigate(session.current.token ? "/home" : "/login", {}, { flash });
  }

  const reset = button(t("tools.reset"), async () => {
    await store.resetToDemo();
    await readerDidIt();
    session.forget();
    const problem = store.lastStorageProblem();
    navigate("/login", {}, { flash: problem ? `${t("tools.reset_done")} ${saveProblemText(problem)}` : t("tools.reset_done") });
  });

  const exportButton = button(t("tools.export"), async () => {
    download(store.exportName(), await store.exportText());
    say(t("tools.exported"));
  });

  fileInput.addEventListener("change", async () => {
    const file = fileInput.files?.[0];
    if (!file) return;
    const result = await store.applyFile(file);
    fileInput.value = "";
    if (!result.ok) {
      failed(`${t("tools.import_failed")} ${problemText(result)}`, result.problem === "engine"
        ? { ...result.error, message: `${t("tools.import_failed")} ${result.error.message}` } : null);
      return;
    }
    await readerDidIt();
    // Never "loaded" alone when the browser could not keep it: a reload would bring back the old state.
    const loaded = t("tools.imported", { name: file.name });
    await afterLoad(result.kept ? loaded : `${loaded} ${saveProblemText(store.lastStorageProblem())}`);
  });

  const shareButton = button(t("tools.share"), async () => {
    shareOutput.value = await store.shareLink(parse().path);
    shareRow.hidden = false;
    focus(shareOutput);
    shareOutput.select();
    say(t("tools.share_ready"));
  });

  section.replaceChildren(
    h("h2", { id: headingId }, t("tools.title")),
    h("p", {}, t("tools.intro")),
    h("div", { class: "demo-tools-row" },
      reset, exportButton,
      h("span", { class: "demo-file-field" }, h("label", { for: fileId }, t("tools.import")), fileInput),
      shareButton),
    shareRow, errorBox, status);
}
