// Reading the engine's policy table (engine.policy) for the interface: which menu entries a
// profile gets and how refusals name the roles. The engine decides every action itself; this
// module only mirrors the table's two lists so that the menu shows what the engine will allow
// (and, marked, what it will refuse with its own explanation).

import { engineData } from "./api.js";
import { lang, languages, pick } from "./i18n.js";

function action(id) {
  return engineData.policy?.actions.find((a) => a.id === id) ?? null;
}

// "allowed" (the role is in the action's allow list), "denied" (in its deny list: the engine has
// a specific explanation for this role) or "none" (the role has nothing to do with the action).
export function decide(role, actionId) {
  const entry = action(actionId);
  if (!entry) return "none";
  if (role in entry.allow) return "allowed";
  if (role in entry.deny) return "denied";
  return "none";
}

export function actionLabel(actionId) {
  const entry = action(actionId);
  return entry ? pick(entry) : actionId;
}

// Role names as the policy table gives them ("rae" -> "Responsable Accès Entreprise (RAE)");
// outside actors (the contact centre) too.
export function roleName(role, { short = false } = {}) {
  const policy = engineData.policy;
  const entry = policy?.roles[role];
  if (entry) return short ? entry[`short_${lang}`] ?? entry[`short_${languages[0]}`] : pick(entry);
  return pick(policy?.outside_actors?.[role]) || role;
}

// The engine's refusal of `actionId` to `role`, written from the policy table before anything is
// sent, when the table denies it with an explanation (null otherwise): a screen whose forms the
// profile may not use says so up front instead of offering them.
export function refusal(role, actionId) {
  const entry = action(actionId);
  const rule = entry?.deny?.[role];
  if (!rule) return null;
  const text = pick(engineData.policy.rules[rule]);
  const instead = entry.instead ?? Object.keys(entry.allow);
  return { code: "forbidden", rule, message: text, instead, field: null };
}

// What a command does, in the reader's words: its action's label in the policy table, else the
// command's own description in the engine's catalogue.
export function commandLabel(command) {
  const spec = engineData.commands.get(command);
  if (spec?.action) return actionLabel(spec.action);
  return pick(spec?.description);
}
