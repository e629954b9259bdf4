// The demo's interface labels, every language side by side in i18n.json, and the reader's
// language: the page's <html lang> (the site builds one demo page per language: /demo/,
// /nl/demo/, /de/demo/…). The languages the demo speaks are the ones i18n.json holds; a page in
// another language gets the first of them. Texts that describe the rules (refusals, rule
// explanations, role and quality names) are not here: they come from the engine in the same
// language.

import { appFile } from "./files.js";

// The site is written for Belgium: each language is formatted the Belgian way (dates, numbers,
// plural forms of fr-BE, nl-BE, de-BE).
const REGION = "BE";

const pageLanguage = (document.documentElement.lang || "").toLowerCase().split("-")[0];

// The reader's language and its locale; settled by loadLabels() against the languages of the data
// (importers read them through these live bindings).
export let lang = pageLanguage;
export let locale = `${lang}-${REGION}`;
// The languages of i18n.json, the first one being the site's default.
export let languages = [];

let labels = null;
let plurals = null;
let numbers = null;

export async function loadLabels() {
  if (labels) return labels;
  const response = await fetch(appFile("i18n.json"));
  if (!response.ok) throw new Error(`i18n.json: HTTP ${response.status}`);
  labels = await response.json();
  languages = Object.keys(Object.values(labels)[0] ?? {});
  if (!languages.includes(lang) && languages.length) lang = languages[0];
  locale = `${lang}-${REGION}`;
  plurals = new Intl.PluralRules(locale);
  numbers = new Intl.NumberFormat(locale);
  return labels;
}

// t("login.title") or t("search.page_of", {page: 2, pages: 3}): the label in the reader's language with
// {name} fields filled, numbers written by the language's rules. A missing key shows itself in
// brackets (and the i18n test fails).
// A value that ends a sentence itself ("S.A. Demo N.V.") takes the place of the label's full stop.
export function t(key, params = {}) {
  const entry = labels?.[key];
  const text = entry?.[lang] ?? `[${key}]`;
  return text.replace(/\{(\w+)\}(\.?)/g, (whole, name, stop) => {
    if (!(name in params)) return whole;
    const value = typeof params[name] === "number" ? formatNumber(params[name]) : String(params[name]);
    return stop && value.endsWith(".") ? value : value + stop;
  });
}

// The plural form the language's rules give for `count` (Intl.PluralRules: French says "0
// utilisateur trouvé", Dutch "0 gebruikers gevonden", German "0 Benutzer gefunden"): keys
// "<key>.one", "<key>.other" (and any other category a language needs; "other" when it has none
// of its own).
export function tn(key, count, params = {}) {
  const category = plurals ? plurals.select(count) : "other";
  const chosen = labels?.[`${key}.${category}`] ? category : "other";
  return t(`${key}.${chosen}`, { count, ...params });
}

// A text of engine or demo data in the reader's language ({fr: …, nl: …, de: …} objects); the
// default language's when the data lacks the reader's.
export function pick(value) {
  if (value && typeof value === "object") return value[lang] ?? value[languages[0]] ?? "";
  return value ?? "";
}

export function formatNumber(value) {
  return numbers ? numbers.format(value) : String(value);
}

// Dates from the engine are ISO (2024-03-01 or a full timestamp): shown as the reader expects.
// A date alone is read at noon, so that no time zone moves it to another day.
export function formatDate(iso, options = {}) {
  if (!iso) return "";
  const date = new Date(iso.length === 10 ? `${iso}T12:00:00` : iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, options).format(date);
}

// A moment (the journal's entries, an e-mail sent): its date and its time, `time` "short"
// (hours, minutes) or "medium" (with seconds).
export function formatDateTime(iso, time = "short") {
  return formatDate(iso, { dateStyle: "short", timeStyle: time });
}
