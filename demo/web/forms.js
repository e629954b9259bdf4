// Form building blocks shared by the screens: labelled fields, the account form of the guide
// (username and password typed twice, name, first name, title, NISS, language, e-mails), the
// password rules from the engine's data, and errors tied to their fields.
//
// Every input names the engine argument(s) it answers for in data-paths ("person.username",
// space-separated when several): an engine error whose `field` is one of them is shown under
// that input (aria-invalid, aria-describedby) and the input gets focus. Forms use novalidate:
// the checks and their messages are the engine's (or, for the few the interface does itself —
// a required field left empty, a confirmation that differs — labels of i18n.json).

import { engineData, request } from "./api.js";
import { h, uid } from "./dom.js";
import { lang, t } from "./i18n.js";

// <form novalidate> whose submit handler gets the form's values; a second submit while the
// first runs is ignored (a double click must not add a person twice).
export function form({ onSubmit, className = "demo-form", label = null }, ...children) {
  let busy = false;
  const element = h("form", { class: className, novalidate: true, "aria-label": label }, children);
  element.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (busy) return;
    busy = true;
    element.setAttribute("aria-busy", "true");
    try {
      await onSubmit(values(element), element);
    } finally {
      busy = false;
      element.removeAttribute("aria-busy");
    }
  });
  return element;
}

export function submit(label, props = {}) {
  return h("button", { type: "submit", class: "md-button md-button--primary", ...props }, label);
}

// The longest text the engine accepts for a field path ("gl.first_name" -> first_name), from its
// data (data/field_limits.json, via engine.catalogue): the same bound, shown by the field itself.
export function maxLength(path) {
  const limits = engineData.catalogue?.field_limits;
  if (!limits || !path) return null;
  const leaf = path.split(".").pop();
  if (path.startsWith("fields.")) return limits.fields.quality_field;
  return limits.fields[leaf] ?? limits.default;
}

// One labelled field. spec: {name, label, type, value, required, hint, paths, options, autocomplete,
// inputmode, readonly, confirms (the name of the field this one repeats), validate (an engine
// validator: niss, email, username, password, enterprise_number, onss_number), maxlength
// (default: the engine's bound for the field's first path; confirmations repeat their field's)}.
export function field(spec) {
  const id = uid(spec.name.replace(/\W/g, "-"));
  const hintId = spec.hint ? `${id}-hint` : null;
  const errorId = `${id}-error`;
  const common = {
    id, name: spec.name,
    dataset: { paths: (spec.paths ?? [spec.name]).join(" "), ...(spec.confirms ? { confirms: spec.confirms } : {}) },
    "aria-required": spec.required ? "true" : null,
    "aria-describedby": hintId,
    autocomplete: spec.autocomplete ?? null,
  };
  let input;
  if (spec.type === "select") {
    input = h("select", common, spec.options.map((o) =>
      h("option", { value: o.value, selected: String(o.value) === String(spec.value ?? "") }, o.label)));
  } else {
    const bound = spec.maxlength ?? maxLength(spec.confirms ? spec.confirms : (spec.paths ?? [spec.name])[0]);
    input = h("input", {
      ...common, type: spec.type ?? "text", value: spec.value ?? "",
      maxlength: ["file", "date", "number", "checkbox", "radio"].includes(spec.type) ? null : bound,
      inputmode: spec.inputmode ?? null, readonly: spec.readonly ? true : null,
      spellcheck: spec.type === "password" || spec.validate ? "false" : null,
    });
  }
  if (spec.validate) liveValidate(input, spec.validate);
  const row = h("div", { class: "demo-field" },
    h("label", { for: id }, spec.label, spec.required ? h("span", { class: "demo-required", "aria-hidden": "true" }, " *") : null),
    input,
    spec.hint ? h("div", { id: hintId, class: "demo-hint" }, spec.hint) : null,
    h("p", { id: errorId, class: "demo-field-error", hidden: true }));
  return row;
}

// Radio buttons in a fieldset; options: [{value, label, hint?, checked?}].
export function radios({ name, legend, options, paths = [name], required = false }) {
  const errorId = uid(`${name}-error`);
  const set = h("fieldset", { class: "demo-radios", dataset: { group: name } },
    h("legend", {}, legend, required ? h("span", { class: "demo-required", "aria-hidden": "true" }, " *") : null),
    options.map((option) => {
      const id = uid(name);
      return h("div", { class: "demo-radio" },
        h("input", {
          type: "radio", id, name, value: option.value, checked: Boolean(option.checked),
          dataset: { paths: paths.join(" "), errorId }, "aria-required": required ? "true" : null,
        }),
        h("label", { for: id }, option.label),
        option.hint ? h("span", { class: "demo-hint" }, " ", option.hint) : null);
    }),
    h("p", { id: errorId, class: "demo-field-error", hidden: true }));
  return set;
}

// Checkboxes in a fieldset; values(form)[name] is the list of checked values.
export function checkboxes({ name, legend, options, paths = [name] }) {
  const errorId = uid(`${name}-error`);
  return h("fieldset", { class: "demo-checkboxes", dataset: { group: name, list: "true" } },
    h("legend", {}, legend),
    options.map((option) => {
      const id = uid(name);
      return h("div", { class: "demo-checkbox" },
        h("input", { type: "checkbox", id, name, value: option.value, checked: Boolean(option.checked),
          dataset: { paths: paths.join(" "), errorId } }),
        h("label", { for: id }, option.label));
    }),
    h("p", { id: errorId, class: "demo-field-error", hidden: true }));
}

// The values of a form by input name (trimmed text; checkbox groups give lists).
export function values(formElement) {
  const out = {};
  for (const input of formElement.querySelectorAll("input[name], select[name], textarea[name]")) {
    if (input.type === "radio") {
      if (input.checked) out[input.name] = input.value;
      else if (!(input.name in out)) out[input.name] = "";
    } else if (input.type === "checkbox") {
      out[input.name] ??= [];
      if (input.checked) out[input.name].push(input.value);
    } else {
      out[input.name] = input.type === "password" ? input.value : input.value.trim();
    }
  }
  return out;
}

function errorElementOf(input) {
  if (input.dataset.errorId) return document.getElementById(input.dataset.errorId);
  return input.closest(".demo-field")?.querySelector(".demo-field-error") ?? null;
}

function groupOf(input) {
  if (input.type !== "radio" && input.type !== "checkbox") return [input];
  return [...input.form.querySelectorAll(`input[name="${CSS.escape(input.name)}"]`)];
}

// Show `message` under `input` and tie it to it (aria-invalid, aria-describedby).
export function setFieldError(input, message) {
  const error = errorElementOf(input);
  if (!error) return;
  error.textContent = message;
  error.hidden = false;
  for (const member of groupOf(input)) {
    member.setAttribute("aria-invalid", "true");
    const ids = new Set((member.getAttribute("aria-describedby") ?? "").split(" ").filter(Boolean));
    ids.add(error.id);
    member.setAttribute("aria-describedby", [...ids].join(" "));
  }
}

export function clearFieldError(input) {
  const error = errorElementOf(input);
  if (!error) return;
  error.textContent = "";
  error.hidden = true;
  for (const member of groupOf(input)) {
    member.removeAttribute("aria-invalid");
    const ids = (member.getAttribute("aria-describedby") ?? "").split(" ").filter((x) => x && x !== error.id);
    if (ids.length) member.setAttribute("aria-describedby", ids.join(" "));
    else member.removeAttribute("aria-describedby");
  }
}

export function clearErrors(formElement) {
  for (const input of formElement.querySelectorAll("[aria-invalid]")) clearFieldError(input);
}

// The input answering for an engine field path ("gl.username"), or null. Exact paths first,
// then the input whose path ends with the error's last part ("person" errors on a NISS field
// declared as answering for "person" too).
export function findField(formElement, path) {
  if (!formElement || !path) return null;
  const inputs = [...formElement.querySelectorAll("[data-paths]")];
  return inputs.find((i) => i.dataset.paths.split(" ").includes(path)) ?? null;
}

// The label text of an input (for the error summary's "go to the field"): a group's own name
// (data-group-label, for checkboxes spread over a table's rows), its fieldset's legend, or the
// field's label — never the argument name the input answers for.
export function labelOf(input) {
  if (input.dataset.groupLabel) return input.dataset.groupLabel;
  if (input.type === "radio" || input.type === "checkbox") {
    const set = input.closest("fieldset[data-group]") ?? input.closest("fieldset");
    return set?.querySelector("legend")?.firstChild?.textContent ?? t("error.this_field");
  }
  const label = input.labels?.[0];
  return label?.firstChild?.textContent ?? t("error.this_field");
}

// Checks the interface does before asking the engine: required fields and confirmations.
// Returns [{input, message}] in the form's order.
export function localProblems(formElement) {
  const problems = [];
  const seen = new Set();
  for (const input of formElement.querySelectorAll("[aria-required='true'], [data-confirms]")) {
    if (input.type === "radio") {
      if (seen.has(input.name)) continue;
      seen.add(input.name);
      if (!groupOf(input).some((r) => r.checked)) problems.push({ input, message: t("form.required_choice") });
      continue;
    }
    const value = input.value.trim();
    if (input.getAttribute("aria-required") === "true" && !value) {
      problems.push({ input, message: input.dataset.requiredMessage ?? t("form.required") });
    } else if (input.dataset.confirms) {
      const first = formElement.querySelector(`[name="${CSS.escape(input.dataset.confirms)}"]`);
      if (first && first.value !== input.value) problems.push({ input, message: t("form.confirmation_differs") });
    }
  }
  return problems;
}

// The engine's word on one value (engine.validate): null when valid, else its message.
async function checkValue(kind, value) {
  const response = await request("engine.validate", { field: kind, value }, { session: null });
  return response.ok && !response.data.valid ? response.data.message : null;
}

// A field is left by pressing a button or a radio below it: its message must not appear or go
// between that press and its release, or what was pressed moves away from under the pointer and
// the click is lost (the form seems to ignore "Next"). So a live check's verdict waits for the
// release of a pointer pressed meanwhile, and for the click that follows it.
let pointerPressed = false;
let afterRelease = [];
addEventListener("pointerdown", () => (pointerPressed = true), true);
for (const type of ["pointerup", "pointercancel"]) {
  addEventListener(type, () => {
    pointerPressed = false;
    const waiting = afterRelease;
    afterRelease = [];
    setTimeout(() => waiting.forEach((resume) => resume()), 0); // after the click event
  }, true);
}

function pointerReleased() {
  return pointerPressed ? new Promise((resume) => afterRelease.push(resume)) : Promise.resolve();
}

// Ask the engine about a value as soon as the reader leaves the field: the same checks and texts
// the engine applies when the form is sent, nothing saved.
function liveValidate(input, kind) {
  input.dataset.validate = kind;
  input.addEventListener("change", async () => {
    const value = input.value.trim();
    if (!value) {
      await pointerReleased();
      if (!input.value.trim()) clearFieldError(input);
      return;
    }
    const message = await checkValue(kind, value);
    await pointerReleased();
    if (input.value.trim() !== value) return; // the reader typed on meanwhile
    if (message) setFieldError(input, message);
    else clearFieldError(input);
  });
}

// Every fault the interface can find before sending, in the form's order: the required fields
// and confirmations (localProblems) and the live check of every other value typed — so that one
// round shows them all.
export async function formProblems(formElement) {
  const problems = localProblems(formElement);
  const marked = new Set(problems.map((p) => p.input));
  const checks = [...formElement.querySelectorAll("[data-validate]")]
    .filter((input) => !marked.has(input) && input.value.trim())
    .map(async (input) => ({ input, message: await checkValue(input.dataset.validate, input.value.trim()) }));
  for (const found of await Promise.all(checks)) if (found.message) problems.push(found);
  const order = [...formElement.querySelectorAll("input, select, textarea")];
  return problems.sort((a, b) => order.indexOf(a.input) - order.indexOf(b.input));
}

// --- the password rules and the account form ------------------------------------------------

// The password rules as a list, written from the engine's data (data/password_rules.json):
// the numbers and the characters are never typed here.
export function passwordRules() {
  const rules = engineData.catalogue.password_rules.password;
  return h("ul", { class: "demo-rules" },
    h("li", {}, t("rules.password.length", { min: rules.min_length, max: rules.max_length })),
    rules.spaces_allowed ? null : h("li", {}, t("rules.no_spaces")),
    rules.case_sensitive ? h("li", {}, t("rules.password.case")) : null,
    h("li", {}, t("rules.password.non_letters", { min: rules.min_non_letters })),
    h("li", {}, t("rules.password.specials"), " ", h("code", {}, rules.specials)));
}

export function usernameRules() {
  const rules = engineData.catalogue.password_rules.username;
  return h("ul", { class: "demo-rules" },
    h("li", {}, t("rules.username.characters")),
    h("li", {}, t("rules.username.length", { min: rules.min_length, max: rules.max_length })),
    rules.spaces_allowed ? null : h("li", {}, t("rules.no_spaces")));
}

// The languages a person's account may have: the portal's four, as the engine's schema allows them
// (a domain list, not the site's languages, which are data: i18n.js).
const ACCOUNT_LANGUAGES = ["fr", "nl", "de", "en"];

export function languageOptions({ empty = false } = {}) {
  const options = ACCOUNT_LANGUAGES.map((code) => ({ value: code, label: t(`language.${code}`) }));
  return empty ? [{ value: "", label: t("form.any") }, ...options] : options;
}

// The guide's account form for a person the application does not know yet. `path` is the engine
// argument the person goes in ("person", "gl"); `niss` is shown, not typed again.
export function accountForm({ path, niss, nissFormatted, applications = null }) {
  const at = (name) => [`${path}.${name}`];
  return h("fieldset", { class: "demo-account" },
    h("legend", {}, t("account.legend")),
    h("p", { class: "demo-hint" }, t("form.required_note")),
    h("p", {}, t("account.username_twice")),
    field({ name: "username", label: t("account.username"), required: true, paths: at("username"),
      autocomplete: "off", validate: "username", hint: usernameRules() }),
    field({ name: "username_confirm", label: t("account.username_confirm"), required: true, confirms: "username",
      autocomplete: "off" }),
    h("p", {}, t("account.password_twice")),
    field({ name: "password", label: t("account.password"), type: "password", required: true,
      paths: at("password"), autocomplete: "new-password", validate: "password", hint: passwordRules() }),
    field({ name: "password_confirm", label: t("account.password_confirm"), type: "password", required: true,
      confirms: "password", autocomplete: "new-password" }),
    field({ name: "name", label: t("account.name"), required: true, paths: at("name"), autocomplete: "off" }),
    field({ name: "first_name", label: t("account.first_name"), required: true, paths: at("first_name"),
      autocomplete: "off" }),
    field({ name: "title", label: t("account.title"), paths: at("title"), autocomplete: "off" }),
    field({ name: "niss", label: t("account.niss"), value: nissFormatted ?? niss, readonly: true,
      paths: [...at("niss"), path] }),
    field({ name: "language", label: t("account.language"), type: "select", options: languageOptions(),
      value: lang, paths: at("language") }),
    field({ name: "email", label: t("account.email"), type: "email", required: true, paths: at("email"),
      autocomplete: "off", validate: "email" }),
    field({ name: "local_email", label: t("account.local_email"), type: "email", paths: at("local_email"),
      autocomplete: "off", validate: "email", hint: t("account.local_email_hint") }),
    applications?.length
      ? h("div", { class: "demo-applications" },
        h("p", {}, t("account.applications")),
        h("ul", {}, applications.map((a) => h("li", {}, a))))
      : null);
}

// The engine's "person" object from the account form's values.
export function personFrom(formValues, niss) {
  const person = { niss, name: formValues.name, first_name: formValues.first_name, email: formValues.email,
    language: formValues.language, username: formValues.username, password: formValues.password };
  if (formValues.title) person.title = formValues.title;
  if (formValues.local_email) person.local_email = formValues.local_email;
  return person;
}
