// Who is logged in: the engine's session token (kept with the demo's state) and what the engine
// says about it (session.whoami: the person and the chosen profile). The engine holds the
// session itself; this module only remembers the token and the last answer.

import { request, setToken } from "./api.js";
import { setUi, uiState } from "./store.js";

export const current = { token: null, person: null, profile: null };

function set(token, person = null, profile = null) {
  current.token = token;
  current.person = person;
  current.profile = profile;
  setToken(token);
}

// After a restore or an import: take the token of the stored state.
export function adopt() {
  set(uiState().session);
}

export function started(token, person, profile = null) {
  set(token, person, profile);
  setUi({ session: token });
}

export function forget() {
  set(null);
  setUi({ session: null });
}

// Ask the engine who we are. Returns null when logged in and fine, or the engine's error
// (not_logged_in: the session is gone, forgotten here too; profile_blocked; account_blocked).
export async function refresh() {
  if (!current.token) return null;
  const response = await request("session.whoami");
  if (response.ok) {
    current.person = response.data.person;
    current.profile = response.data.profile;
    return null;
  }
  if (response.error.code === "not_logged_in") forget();
  return response.error;
}

export function role() {
  return current.profile?.kind ?? "person";
}
