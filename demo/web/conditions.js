// Reading the engine's journal against conditions written as data (scenarios.json `done`,
// tours.json steps' `done`), so that "the reader has done it" is decided by what the engine
// recorded, never by the interface's own bookkeeping. A condition:
//
//   {commands: ["user.unblock"], kinds?: ["gl", "co_gl"], person?: "person-lotte",
//    target?: {role: "role-kevin-user", "person->niss": "91041704526"}, other_person?: true}
//
// `a->b` in a target field follows the id in field `a` to its record's field `b` (the same
// notation as scenarios.json `expect`, read by the tests in Python).

import { system } from "./api.js";

// Field `a` of a record holds an id of this collection of the state.
const REFERENCES = {
  person: "people", quality: "qualities", role: "roles", enterprise: "enterprises", invitation: "invitations",
};
const MISSING = Symbol("missing");
const ALL = 1_000_000;

export function valueAt(state, record, path) {
  const parts = path.split("->");
  let value = record?.[parts[0]];
  for (let i = 1; i < parts.length; i += 1) {
    const collection = state?.[REFERENCES[parts[i - 1]]];
    const next = typeof value === "string" ? collection?.[value] : undefined;
    if (!next) return MISSING;
    value = next[parts[i]];
  }
  return value === undefined ? MISSING : value;
}

export function matches(entry, condition, state) {
  if (!condition.commands.includes(entry.command)) return false;
  if (condition.kinds && !condition.kinds.includes(entry.profile?.kind)) return false;
  if (condition.person && entry.actor?.person !== condition.person) return false;
  for (const [path, wanted] of Object.entries(condition.target ?? {})) {
    if (valueAt(state, entry.target ?? {}, path) !== wanted) return false;
  }
  if (condition.other_person) {
    const whom = entry.target?.person;
    if (!whom || whom === entry.actor?.person) return false;
  }
  return true;
}

// The first entry after `since` that meets any of the conditions, or null.
export function reachedBy(entries, conditions, since, state) {
  return entries.find((entry) => entry.seq > since && conditions.some((c) => matches(entry, c, state))) ?? null;
}

// Whether some condition follows a reference (then the state is needed to decide).
export function needsState(conditions) {
  return conditions.some((c) => Object.keys(c.target ?? {}).some((path) => path.includes("->")));
}

// The journal, oldest first, and — only when a condition needs it — the state.
export async function readJournal(conditions = []) {
  const journal = await system("journal.list", { limit: ALL });
  if (!journal.ok) throw new Error(journal.error.message);
  let state = null;
  if (needsState(conditions)) {
    const exported = await system("state.export");
    if (!exported.ok) throw new Error(exported.error.message);
    state = exported.data;
  }
  return { entries: [...journal.data].reverse(), state };
}

// The sequence number of the journal's last entry (0 when empty): progress is counted after it.
export async function lastSeq() {
  const journal = await system("journal.list", { limit: 1 });
  if (!journal.ok) throw new Error(journal.error.message);
  return journal.data[0]?.seq ?? 0;
}
