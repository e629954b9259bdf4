// The explanation of a refusal, as the engine gives it: its message in the reader's language,
// the rule of the policy table that refused, who could do it instead, and the field at fault —
// shown under that field as well (forms.js) with the focus moved there, or, when no field is at
// fault, to the message itself.

import { button, clear, dl, focus, h } from "./dom.js";
import { t } from "./i18n.js";
import { clearErrors, findField, labelOf, setFieldError } from "./forms.js";
import { roleName } from "./policy.js";

const REFUSALS = new Set(["forbidden", "out_of_scope", "profile_blocked", "account_blocked", "profile_required",
  "not_your_profile"]);

function title(error) {
  if (REFUSALS.has(error.code)) return t("error.refused");
  if (error.field) return t("error.field");
  return t("error.failed");
}

function goTo(input) {
  return button(t("error.go_to_field", { field: labelOf(input) }), () => focus(input), { class: "demo-link-button" });
}

// Several faults of one answer (error.errors): each under its field, all listed in the box with a
// link to their field; the first field gets the focus.
function showFaults(box, error, formElement) {
  clearErrors(formElement);
  const found = error.errors.map((fault) => ({ fault, input: findField(formElement, fault.field) }));
  for (const { fault, input } of found) if (input) setFieldError(input, fault.message);
  clear(box).append(
    h("p", { class: "demo-error-title" }, t("error.field")),
    h("ul", {}, found.map(({ fault, input }) => h("li", {}, input ? goTo(input) : null, input ? " " : null, fault.message))));
  box.dataset.code = error.code;
  box.dataset.rule = error.rule ?? "";
  box.dataset.field = error.field ?? "";
  box.hidden = false;
  return found.find((f) => f.input)?.input ?? box;
}

// Fill `box` with the engine's error; returns the element that should get focus.
export function showEngineError(box, error, formElement = null) {
  if (formElement && error.errors?.length > 1) return showFaults(box, error, formElement);
  if (formElement) clearErrors(formElement);
  const input = findField(formElement, error.field);
  if (input) setFieldError(input, error.message);
  const rows = [];
  if (error.rule) rows.push([t("error.rule"), h("code", {}, error.rule)]);
  if (error.instead?.length) rows.push([t("error.instead"), error.instead.map((r) => roleName(r)).join(", ")]);
  if (error.field) rows.push([t("error.field_at_fault"), input ? goTo(input) : h("code", {}, error.field)]);
  if (error.problems?.length) {
    rows.push([t("error.problems"), h("ul", {}, error.problems.slice(0, 10).map((p) =>
      h("li", {}, h("code", {}, p.path), " : ", p.problem)))]);
  }
  clear(box).append(
    h("p", { class: "demo-error-title" }, title(error)),
    h("p", { class: "demo-error-message" }, error.message),
    rows.length ? dl(rows) : null);
  box.dataset.code = error.code;
  box.dataset.rule = error.rule ?? "";
  box.dataset.field = error.field ?? "";
  box.hidden = false;
  return input ?? box;
}

// Problems the interface found itself (forms.localProblems): every field marked, the first focused.
export function showLocalProblems(box, problems, formElement) {
  clearErrors(formElement);
  for (const { input, message } of problems) setFieldError(input, message);
  clear(box).append(
    h("p", { class: "demo-error-title" }, t("error.field")),
    h("ul", {}, problems.map(({ input, message }) => h("li", {}, goTo(input), " ", message))));
  box.dataset.code = "form";
  box.dataset.rule = "";
  box.dataset.field = problems[0].input.name;
  box.hidden = false;
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
