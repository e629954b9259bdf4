// The only way from the screens to the data: requests to the role engine, which runs in a Web
// Worker (demo/runtime/client.js, imported by its import-map name "egov-engine"). Every request
// carries the reader's language and the session token, so refusals come back explained in
// that language. After a command that changed the state (or added a journal line), listeners
// are told, and store.js saves the state.

import { engine } from "egov-engine";
import { lang } from "./i18n.js";

let token = null;
const changeListeners = new Set();
// Engine data read once after start: the policy table, the quality catalogue, the commands.
export const engineData = { policy: null, catalogue: null, commands: new Map() };

export { engine };

export function setToken(value) {
  token = value ?? null;
}

export function getToken() {
  return token;
}

export function onStateChange(listener) {
  changeListeners.add(listener);
  return () => changeListeners.delete(listener);
}

// Wait for the engine and read what every screen needs from it.
export async function start() {
  await engine.ready;
  const [policy, catalogue, commands] = await Promise.all([
    system("engine.policy"), system("engine.catalogue"), system("engine.commands"),
  ]);
  for (const response of [policy, catalogue, commands]) {
    if (!response.ok) throw new Error(response.error?.message ?? "engine");
  }
  engineData.policy = policy.data;
  engineData.catalogue = catalogue.data;
  for (const command of commands.data.commands) engineData.commands.set(command.name, command);
}

// A request in the reader's session: {ok, data} or {ok: false, error: {code, rule, instead,
// field, reason, message, lang}}. A failure of the worker itself becomes an error response too,
// so a screen never has to catch.
export async function request(command, args = {}, { session = token } = {}) {
  let response;
  try {
    response = await engine.request({ command, args, session, lang });
  } catch (error) {
    response = { ok: false, error: { code: "runtime_error", message: String(error?.message ?? error), instead: [] } };
  }
  if (response.ok) {
    const spec = engineData.commands.get(command);
    if (spec && (spec.effect === "write" || spec.journaled)) for (const listener of changeListeners) listener(command);
  }
  return response;
}

// System commands (engine.*, state.*, outbox.list, journal.list) need no session.
export function system(command, args = {}) {
  return request(command, args, { session: null });
}
