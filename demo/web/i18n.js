// The demo's interface labels, French and Dutch side by side in i18n.json, and the reader's
// language: the page's <html lang> (the site's language switch builds /demo/ and /nl/demo/).
// Texts that describe the rules (refusals, rule explanations, role and quality names) are not
// here: they come from the engine in the same language.

import { appFile } from "./files.js";

export const lang = (document.documentElement.lang || "fr").toLowerCase().startsWith("nl") ? "nl" : "fr";

let labels = null;

export async function loadLabels() {
  if (labels) return labels;
  const response = await fetch(appFile("i18n.json"));
  if (!response.ok) throw new Error(`i18n.json: HTTP ${response.status}`);
  labels = await response.json();
  return labels;
}

// t("login.title") or t("search.page_of", {page: 2, pages: 3}): the label in the reader's language with
// {name} fields filled. A missing key shows itself in brackets (and the i18n test fails).
// A value that ends a sentence itself ("S.A. Demo N.V.") takes the place of the label's full stop.
export function t(key, params = {}) {
  const entry = labels?.[key];
  const text = entry?.[lang] ?? `[${key}]`;
  return text.replace(/\{(\w+)\}(\.?)/g, (whole, name, stop) => {
    if (!(name in params)) return whole;
    const value = String(params[name]);
    return stop && value.endsWith(".") ? value : value + stop;
  });
}

// The plural form the language's rules give for `count` (Intl.PluralRules: French says "0
// utilisateur trouvé", Dutch "0 gebruikers gevonden"): keys "<key>.one", "<key>.other" (and any
// other category a language needs; "other" when it has none of its own).
const plurals = new Intl.PluralRules(lang === "nl" ? "nl-BE" : "fr-BE");
export function tn(key, count, params = {}) {
  const category = plurals.select(count);
  const chosen = labels?.[`${key}.${category}`] ? category : "other";
  return t(`${key}.${chosen}`, { count, ...params });
}

// A name in both languages from engine data ({fr, nl} objects).
export function pick(value) {
  if (value && typeof value === "object") return value[lang] ?? value.fr ?? "";
  return value ?? "";
}

// Dates from the engine are ISO (2024-03-01 or a full timestamp): shown as the reader expects.
export function formatDate(iso) {
  if (!iso) return "";
  const date = new Date(iso.length === 10 ? `${iso}T12:00:00` : iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleDateString(lang === "nl" ? "nl-BE" : "fr-BE");
}
