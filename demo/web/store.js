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
// Bounds on what the demo reads from a link or a file, checked before it is parsed (a link is
// something a stranger can send): the state's JSON text at most MAX_STATE_BYTES — a share link's
// payload is inflated as a stream and dropped the moment it passes that — and nested at most
// MAX_DEPTH deep. The demo's own states are far below: the demo dataset 25 KB and 6 levels, the
// benchmark dataset of 10,000 users 6.2 MB (the engine refuses requests above 16 M characters).
export const MAX_STATE_BYTES = 8 * 1024 * 1024;
const MAX_LINK_CHARS = 2 * 1024 * 1024;
const MAX_DEPTH = 24;

// `reader`: journal sequence numbers of the state loads the reader did with the demo's tools (the
// audit journal shows those; the loads the demo does itself are housekeeping).
const emptyUi = () => ({ session: null, scenario: null, tours: {}, tour: null, reader: [] });
let ui = emptyUi();
let saveTimer = null;
let storageProblem = null;
const saveListeners = new Set();

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

// Told of every save that failed, and of the first that worked again: (problem | null), with
// problem "quota" (the browser's room for the site is full) or "refused" (storage turned off,
// private browsing). main.js says so at once.
export function onSaveProblem(listener) {
  saveListeners.add(listener);
  return () => saveListeners.delete(listener);
}

// Whether a save is due or under way, told to listeners on each change (main.js shows it on the
// demo's element, data-saved="no"/"yes": what a test waits for before it reads what was kept).
let saveScheduled = false;
let savesRunning = 0;
let unsaved = false;
const unsavedListeners = new Set();

export function onUnsaved(listener) {
  unsavedListeners.add(listener);
  return () => unsavedListeners.delete(listener);
}

function tellUnsaved() {
  const now = saveScheduled || savesRunning > 0;
  if (now === unsaved) return;
  unsaved = now;
  for (const listener of unsavedListeners) listener(now);
}

// Saves are coalesced: a burst of commands (a bulk block) writes once.
export function scheduleSave() {
  clearTimeout(saveTimer);
  saveScheduled = true;
  tellUnsaved();
  saveTimer = setTimeout(() => void saveNow(), 0);
}

function isQuota(error) {
  return error?.name === "QuotaExceededError" || error?.code === 22 || error?.code === 1014;
}

// Write the state; true when it is kept. A failure is remembered and reported (never silent).
export async function saveNow() {
  clearTimeout(saveTimer);
  saveScheduled = false;
  savesRunning += 1;
  tellUnsaved();
  try {
    return await write();
  } finally {
    savesRunning -= 1;
    tellUnsaved();
  }
}

async function write() {
  let text;
  try {
    text = JSON.stringify(await snapshot());
  } catch {
    // The engine cannot answer (it failed): what was kept stays as it was.
    return false;
  }
  const before = storageProblem;
  try {
    localStorage.setItem(STORAGE_KEY, text);
    storageProblem = null;
  } catch (error) {
    storageProblem = isQuota(error) ? "quota" : "refused";
  }
  if (storageProblem !== before || storageProblem) for (const listener of saveListeners) listener(storageProblem);
  return storageProblem === null;
}

// "quota", "refused" or null: why the last save failed.
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
  if (depth(value) > MAX_DEPTH) return { ok: false, problem: "too_deep", detail: MAX_DEPTH };
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

// How deep a parsed value nests, measured without recursion (stops counting past the limit).
function depth(value) {
  let deepest = 0;
  const stack = [[value, 1]];
  while (stack.length) {
    const [item, level] = stack.pop();
    if (item === null || typeof item !== "object") continue;
    deepest = Math.max(deepest, level);
    if (deepest > MAX_DEPTH) return deepest;
    for (const child of Object.values(item)) stack.push([child, level + 1]);
  }
  return deepest;
}

const isSince = (value) => Number.isInteger(value) && value >= 0;
// A name of a tour or a scenario: never one every JavaScript object has (constructor, ...).
const isName = (value) => typeof value === "string" && /^[a-z0-9_-]{1,40}$/.test(value) && !(value in Object.prototype);

// The interface's part, keeping only what has the expected shape (it may come from a file).
function checkedUi(value) {
  const out = emptyUi();
  if (typeof value?.session === "string") out.session = value.session;
  const scenario = value?.scenario;
  if (isName(scenario?.name) && isSince(scenario?.since)) out.scenario = { name: scenario.name, since: scenario.since };
  const tours = value?.tours;
  if (tours && typeof tours === "object" && !Array.isArray(tours)) {
    for (const [name, progress] of Object.entries(tours)) {
      if (isName(name) && isSince(progress?.since)) out.tours[name] = { since: progress.since };
    }
  }
  if (isName(value?.tour)) out.tour = value.tour;
  if (Array.isArray(value?.reader)) out.reader = value.reader.filter(isSince).slice(-50);
  return out;
}

// Load a checked object into the engine: {ok: true, kept} or {ok: false, problem: "engine", error}.
// `kept` says whether the browser kept it (a failed save is reported through onSaveProblem).
export async function apply(saved) {
  const response = await system("state.load", { state: saved.engine });
  if (!response.ok) return { ok: false, problem: "engine", error: response.error };
  ui = { ...saved.ui };
  return { ok: true, kept: await saveNow() };
}

// From text (a file, the stored item) to the engine, with every failure described.
export async function applyText(text) {
  if (text.length > MAX_STATE_BYTES) return { ok: false, problem: "too_large", detail: megabytes(MAX_STATE_BYTES) };
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

// A file chosen by the reader: its size is checked before it is read.
export async function applyFile(file) {
  if (file.size > MAX_STATE_BYTES) return { ok: false, problem: "too_large", detail: megabytes(MAX_STATE_BYTES) };
  return applyText(await file.text());
}

const megabytes = (bytes) => Math.round(bytes / (1024 * 1024));

// At start-up: the stored state, if any. {status: "none"} | {status: "restored"} |
// {status: "replaced", problem, detail?, error?} (the stored object was unusable and the demo
// data was loaded instead; the caller says so).
export async function restore() {
  let text = null;
  try {
    text = localStorage.getItem(STORAGE_KEY);
  } catch {
    storageProblem = "refused";
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

class TooLarge extends Error {}

// Inflate as a stream, at most `limit` bytes: a few kilobytes of link can hold hundreds of
// megabytes once inflated, and the tab would run out of memory before the state was even read.
async function inflateBounded(bytes, limit) {
  const reader = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate-raw")).getReader();
  const chunks = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > limit) {
      await reader.cancel();
      throw new TooLarge();
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

export async function encodeShare(value) {
  const bytes = new TextEncoder().encode(JSON.stringify(value));
  if (typeof CompressionStream === "function") {
    return COMPRESSED + toBase64Url(await pipe(bytes, new CompressionStream("deflate-raw")));
  }
  return PLAIN + toBase64Url(bytes);
}

// The text of a share payload, or an error naming the problem ("unreadable", "too_large").
export async function decodeShare(payload) {
  const tooLarge = { ok: false, problem: "too_large", detail: megabytes(MAX_STATE_BYTES) };
  if (payload.length > MAX_LINK_CHARS) return tooLarge;
  try {
    let bytes;
    if (payload.startsWith(COMPRESSED)) {
      bytes = await inflateBounded(fromBase64Url(payload.slice(COMPRESSED.length)), MAX_STATE_BYTES);
    } else if (payload.startsWith(PLAIN)) {
      bytes = fromBase64Url(payload.slice(PLAIN.length));
      if (bytes.length > MAX_STATE_BYTES) return tooLarge;
    } else {
      return { ok: false, problem: "unreadable", detail: "prefix" };
    }
    return { ok: true, text: new TextDecoder("utf-8", { fatal: true }).decode(bytes) };
  } catch (error) {
    if (error instanceof TooLarge) return tooLarge;
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

