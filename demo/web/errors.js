// The one place where problems are shown: the error box above the screen and, tied to them, the
// messages under the fields (forms.setFieldError). A problem is what the engine refused (its
// `errors`, every fault of the command at once, or its single `error`) or what the interface's
// own checks found before sending (required fields, confirmations, the live checks of each value,
// forms.formProblems). Every fault is listed at once, each with a button that goes to its field,
// named by the field's label. A refusal shows the engine's message, the explanation of the
// policy table's rule when it says more, and who could do it instead — never a rule id or an
// argument name: those stay in data attributes for the tests.

import { engineData } from "./api.js";
import { append, button, clear, dl, focus, h } from "./dom.js";
import { pick, t } from "./i18n.js";
import { clearErrors, findField, labelOf, setFieldError } from "./forms.js";
import { roleName } from "./policy.js";

const REFUSALS = new Set(["forbidden", "out_of_scope", "profile_blocked", "account_blocked", "profile_required",
  "not_your_profile"]);

function title(error, problems) {
  if (REFUSALS.has(error.code)) return t("error.refused");
  if (problems.length > 1) return t("error.fields", { count: problems.length });
  if (problems.length === 1) return t("error.field");
  return t("error.failed");
}

function goTo(input) {
  return button(t("error.go_to_field", { field: labelOf(input) }), () => focus(input), { class: "demo-link-button" });
}

// The explanation of a policy rule in the reader's language (the engine's policy export).
function ruleText(rule) {
  return pick(engineData.policy?.rules?.[rule]) || null;
}

// Every fault of an engine answer: its `errors` list when it gives one, else the error itself.
export function faultsOf(error) {
  return Array.isArray(error.errors) && error.errors.length ? error.errors : [error];
}

function fill(box, { code, rule = "", field = "", heading, message = null, problems = [], rows = [] }) {
  // dom.append, not Element.append: the parts left out (null) must not show as the word "null".
  append(clear(box), [
    h("p", { class: "demo-error-title" }, heading),
    message ? h("p", { class: "demo-error-message" }, message) : null,
    problems.length ? h("ul", { class: "demo-error-list" }, problems.map(({ input, message: text }) =>
      h("li", {}, input ? [goTo(input), " "] : null, text))) : null,
    rows.length ? dl(rows) : null]);
  box.dataset.code = code;
  box.dataset.rule = rule ?? "";
  box.dataset.field = field ?? "";
  box.hidden = false;
}

// Fill `box` with the engine's answer (and, tied to their fields in `formElement`, each fault);
// `extra` are problems the interface found meanwhile. Returns the element that should get focus.
export function showEngineError(box, error, formElement = null, extra = []) {
  if (formElement) clearErrors(formElement);
  const faults = faultsOf(error);
  const problems = [...extra];
  let message = null;
  for (const fault of faults) {
    const input = findField(formElement, fault.field);
    if (input && problems.some((p) => p.input === input)) continue; // the interface's own word on it stands
    if (input) setFieldError(input, fault.message);
    if (input || faults.length > 1 || extra.length) problems.push({ input, message: fault.message });
    else message = faults.length === 1 ? error.message : fault.message; // a caller may have framed it
  }
  for (const { input, message: text } of extra) if (input) setFieldError(input, text);
  const rows = [];
  const explanation = error.rule ? ruleText(error.rule) : null;
  if (explanation && explanation !== error.message) rows.push([t("error.rule"), explanation]);
  if (error.instead?.length) rows.push([t("error.instead"), error.instead.map((r) => roleName(r)).join(", ")]);
  // A refused state (state.load) lists its faults in the reader's words, never their paths or codes.
  if (error.problems?.length) {
    rows.push([t("error.problems"), h("ul", {}, error.problems.slice(0, 10).map((p) => h("li", {}, p.message ?? "")))]);
  }
  fill(box, {
    code: error.code, rule: error.rule, field: faults.find((f) => f.field)?.field ?? error.field,
    heading: title(error, problems), message, problems, rows,
  });
  return problems.find((p) => p.input)?.input ?? box;
}

// Problems the interface found itself (forms.formProblems): every field marked, the first focused.
export function showLocalProblems(box, problems, formElement) {
  clearErrors(formElement);
  for (const { input, message } of problems) setFieldError(input, message);
  fill(box, { code: "form", field: problems[0].input.name, heading: title({ code: "form" }, problems), problems });
  return problems[0].input;
}

export function hideError(box) {
  clear(box);
  box.hidden = true;
  delete box.dataset.code;
  delete box.dataset.rule;
  delete box.dataset.field;
}

export { focus };
