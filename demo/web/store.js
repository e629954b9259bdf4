// The demo's state: the engine's whole state (state.export) plus the interface's own part (the
// session token), kept in localStorage, exported and imported as a JSON file, and carried by a
// share link. The saved object is versioned:
//
//   {"format": "egov-demo/saved-state", "version": 1, "saved": "<ISO time>",
//    "engine": <state.export>, "ui": {"session": "<token>" | null,
//      "scenario": {"name", "since"} | null, "tours": {<tour>: {"since"}}, "tour": "<tour>" | null}}
//
// `scenario` is the named scenario opened last (its goal is shown), `tours` the guided tours
// started, `tour` the one followed. `since` is a journal sequence number: what the reader did is
// read in the engine's journal after it, so it travels with the engine state it belongs to.
// Saved objects of version 1 without these fields load as having none.
//
// A stored object of another format or version, unreadable JSON, or an engine state that
// state.load refuses is never used: the caller reports it and starts again from the demo data.

import { system } from "./api.js";

export const STORAGE_KEY = "egov-demo/state";
export const FORMAT = "egov-demo/saved-state";
export const VERSION = 1;
const ENGINE_SCHEMA = "egov-roles/state";
// Share payloads: "z." + base64url(deflate-raw(JSON)) where CompressionStream exists, else
// "j." + base64url(JSON). The prefix says how to read it back.
const COMPRESSED = "z.";
const PLAIN = "j.";

// `reader`: journal sequence numbers of the state loads the reader did with the demo's tools (the
// audit journal shows those; the loads the demo does itself are housekeeping).
const emptyUi = () => ({ session: null, scenario: null, tours: {}, tour: null, reader: [] });
let ui = emptyUi();
let saveTimer = null;
let storageProblem = null;

export function uiState() {
  return { ...ui };
}

export function setUi(values) {
  ui = { ...ui, ...values };
  scheduleSave();
}

// The object that is saved, exported and shared.
export async function snapshot() {
  const response = await system("state.export");
  if (!response.ok) throw new Error(response.error.message);
  return { format: FORMAT, version: VERSION, saved: new Date().toISOString(), engine: response.data, ui: uiState() };
}

// Saves are coalesced: a burst of commands (a bulk block) writes once.
export function scheduleSave() {
  clearTimeout(saveTimer);
  saveTimer = setTimeout(() => void saveNow(), 0);
}

export async function saveNow() {
  clearTimeout(saveTimer);
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(await snapshot()));
    storageProblem = null;
  } catch (error) {
    // Storage refused (private browsing, quota): the demo works on, without keeping its state.
    storageProblem = String(error?.message ?? error);
  }
}

export function lastStorageProblem() {
  return storageProblem;
}

export function clearSaved() {
  try {
    localStorage.removeItem(STORAGE_KEY);
  } catch {
    // nothing stored, nothing to clear
  }
}

// What a saved object is, before anything is loaded:
// {ok: true, saved} or {ok: false, problem: "unreadable"|"format"|"older"|"newer", detail}.
export function check(value) {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return { ok: false, problem: "format" };
  // A bare engine export (state.export) is accepted too: it is wrapped with an empty interface part.
  if (value.schema === ENGINE_SCHEMA) {
    return { ok: true, saved: { format: FORMAT, version: VERSION, engine: value, ui: emptyUi() } };
  }
  if (value.format !== FORMAT) return { ok: false, problem: "format" };
  if (typeof value.version !== "number") return { ok: false, problem: "format" };
  if (value.version < VERSION) return { ok: false, problem: "older", detail: value.version };
  if (value.version > VERSION) return { ok: false, problem: "newer", detail: value.version };
  if (!value.engine || typeof value.engine !== "object") return { ok: false, problem: "format" };
  return { ok: true, saved: { ...value, ui: checkedUi(value.ui) } };
}

const isSince = (value) => Number.isInteger(value) && value >= 0;
const isName = (value) => typeof value === "string" && /^[a-z0-9_-]{1,40}$/.test(value);

// The interface's part, keeping only what has the expected shape (it may come from a file).
function checkedUi(value) {
  const out = emptyUi();
  if (typeof value?.session === "string") out.session = value.session;
  const scenario = value?.scenario;
  if (isName(scenario?.name) && isSince(scenario?.since)) out.scenario = { name: scenario.name, since: scenario.since };
  for (const [name, progress] of Object.entries(value?.tours ?? {})) {
    if (isName(name) && isSince(progress?.since)) out.tours[name] = { since: progress.since };
  }
  if (isName(value?.tour)) out.tour = value.tour;
  if (Array.isArray(value?.reader)) out.reader = value.reader.filter(isSince).slice(-50);
  return out;
}

// Load a checked object into the engine: {ok: true} or {ok: false, problem: "engine", error}.
export async function apply(saved) {
  const response = await system("state.load", { state: saved.engine });
  if (!response.ok) return { ok: false, problem: "engine", error: response.error };
  ui = { ...saved.ui };
  await saveNow();
  return { ok: true };
}

// From text (a file, the stored item) to the engine, with every failure described.
export async function applyText(text) {
  let value;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, problem: "unreadable", detail: String(error?.message ?? error) };
  }
  const checked = check(value);
  if (!checked.ok) return checked;
  return apply(checked.saved);
}

// At start-up: the stored state, if any. {status: "none"} | {status: "restored"} |
// {status: "replaced", problem, detail?, error?} (the stored object was unusable and the demo
// data was loaded instead; the caller says so).
export async function restore() {
  let text = null;
  try {
    text = localStorage.getItem(STORAGE_KEY);
  } catch (error) {
    storageProblem = String(error?.message ?? error);
    return { status: "none" };
  }
  if (text === null) return { status: "none" };
  const result = await applyText(text);
  if (result.ok) return { status: "restored" };
  await resetToDemo();
  return { status: "replaced", ...result };
}

// Back to the demo dataset, logged out.
export async function resetToDemo() {
  const response = await system("state.reset", { dataset: "demo" });
  if (!response.ok) throw new Error(response.error.message);
  ui = emptyUi();
  await saveNow();
}

// --- export and import as a file -----------------------------------------------------------

export async function exportText() {
  return JSON.stringify(await snapshot(), null, 2);
}

export function exportName() {
  return `demo-gestion-acces-${new Date().toISOString().slice(0, 10)}.json`;
}

// --- share links ----------------------------------------------------------------------------

function toBase64Url(bytes) {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(text) {
  const base64 = text.replace(/-/g, "+").replace(/_/g, "/");
  const binary = atob(base64 + "=".repeat((4 - (base64.length % 4)) % 4));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

async function pipe(bytes, transform) {
  const stream = new Blob([bytes]).stream().pipeThrough(transform);
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

export async function encodeShare(value) {
  const bytes = new TextEncoder().encode(JSON.stringify(value));
  if (typeof CompressionStream === "function") {
    return COMPRESSED + toBase64Url(await pipe(bytes, new CompressionStream("deflate-raw")));
  }
  return PLAIN + toBase64Url(bytes);
}

// The text of a share payload, or an error naming the problem ("unreadable").
export async function decodeShare(payload) {
  try {
    let bytes;
    if (payload.startsWith(COMPRESSED)) {
      bytes = await pipe(fromBase64Url(payload.slice(COMPRESSED.length)), new DecompressionStream("deflate-raw"));
    } else if (payload.startsWith(PLAIN)) {
      bytes = fromBase64Url(payload.slice(PLAIN.length));
    } else {
      return { ok: false, problem: "unreadable", detail: "prefix" };
    }
    return { ok: true, text: new TextDecoder("utf-8", { fatal: true }).decode(bytes) };
  } catch (error) {
    return { ok: false, problem: "unreadable", detail: String(error?.message ?? error) };
  }
}

// A link to this page that opens `path` with the current state.
export async function shareLink(path) {
  const payload = await encodeShare(await snapshot());
  const url = new URL(location.href);
  url.hash = `${path}?state=${payload}`;
  return url.href;
}

