// Named scenarios (scenarios.json): a prepared state — the demo dataset, then engine commands run
// by the dataset's own people — with a goal for the reader. Building one replaces the demo's
// state; if the engine refuses a command on the way, the previous state comes back whole and
// the refusal is returned: the reader never gets a half-built scenario.

import { engineData, request, system } from "./api.js";
import { appFile } from "./files.js";
import { pick, t } from "./i18n.js";
import { own } from "./own.js";
import * as store from "./store.js";

let scenarios = null;

export async function loadScenarios() {
  if (scenarios) return scenarios;
  const response = await fetch(appFile("scenarios.json"));
  if (!response.ok) throw new Error(`scenarios.json: HTTP ${response.status}`);
  scenarios = (await response.json()).scenarios;
  return scenarios;
}

// Run one command of the scenario as the person holding role `as`, with that profile.
async function runAs(state, step) {
  const role = own(state.roles, step.as);
  const person = role ? own(state.people, role.person) : null;
  if (!person) {
    return { ok: false, error: { code: "scenario_actor", message: t("scenario.unknown_actor", { role: step.as }), instead: [] } };
  }
  const login = await request("session.login", { method: "eid", niss: person.niss, profile: step.as }, { session: null });
  if (!login.ok) return login;
  const token = login.data.session;
  const response = await request(step.command, step.args ?? {}, { session: token });
  await request("session.logout", {}, { session: token });
  return response;
}

// Replace the state by the scenario's. {ok: true} or {ok: false, index, step, actor, error}
// (the step refused, counted from 1, and who ran it), the previous state then restored.
export async function build(spec) {
  const previous = await store.snapshot();
  await store.resetToDemo();
  const exported = await system("state.export");
  if (!exported.ok) return { ok: false, index: 0, step: null, actor: "", error: exported.error };
  const state = exported.data;
  for (const [index, step] of spec.commands.entries()) {
    const response = await runAs(state, step);
    if (!response.ok) {
      const restored = await store.apply(previous);
      const person = state.people[state.roles[step.as]?.person];
      return {
        ok: false, index: index + 1, step, restored: restored.ok,
        actor: person ? `${person.first_name} ${person.name}` : step.as, error: response.error,
      };
    }
  }
  return { ok: true };
}

// The goal with its {fields} filled from the state (names of people, NISS, quality types).
export async function goalText(spec) {
  const exported = await system("state.export");
  if (!exported.ok) return pick(spec.goal);
  const { people } = exported.data;
  const fullName = (person) => (person ? `${person.first_name} ${person.name}` : "?");
  const values = {};
  for (const [key, ref] of Object.entries(spec.names ?? {})) {
    if (ref.person) values[key] = fullName(people[ref.person]);
    else if (ref.niss) values[key] = fullName(Object.values(people).find((p) => p.niss === ref.niss));
    else if (ref.niss_of) {
      const checked = await system("engine.validate", { field: "niss", value: people[ref.niss_of]?.niss ?? "" });
      values[key] = checked.ok && checked.data.valid ? checked.data.formatted : "?";
    } else if (ref.quality_type) {
      const type = engineData.catalogue.qualities.qualities.find((q) => q.id === ref.quality_type);
      values[key] = pick(type) || ref.quality_type;
    }
  }
  return pick(spec.goal).replace(/\{(\w+)\}/g, (whole, name) => values[name] ?? whole);
}
