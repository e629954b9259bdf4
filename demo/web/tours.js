// Guided tours (tours.json): steps in order, each ticked when the engine's journal shows the
// reader did it since the tour was started or restarted (conditions.js). The progress — one
// journal sequence number per tour — is kept in the demo's saved state (store.js), so it
// survives a reload and travels with an export or a share link.

import { lastSeq, readJournal, reachedBy } from "./conditions.js";
import { appFile } from "./files.js";
import { own } from "./own.js";
import { loadTasks } from "./screens/task.js";
import * as store from "./store.js";

let tours = null;

export async function loadTours() {
  if (tours) return tours;
  const [response, tasks] = await Promise.all([fetch(appFile("tours.json")), loadTasks()]);
  if (!response.ok) throw new Error(`tours.json: HTTP ${response.status}`);
  const data = (await response.json()).tours;
  // A step naming a task takes its guide page and demo screen from tasks.json (one table).
  for (const tour of Object.values(data)) {
    tour.steps = tour.steps.map((step) => {
      const task = step.task ? own(tasks, step.task) : null;
      return {
        ...step,
        guide: step.guide ?? task?.guide,
        path: step.path ?? task?.path,
        kinds: [...new Set(step.done.flatMap((c) => c.kinds ?? []))],
      };
    });
  }
  tours = data;
  return tours;
}

// The href of a guide page (relative to docs/<lang>/) from the demo page (<lang>/demo/).
export function guideHref(page) {
  return `../${page.replace(/(^|\/)index\.md$/, "$1").replace(/\.md$/, "/")}`;
}

export function started(name) {
  return own(store.uiState().tours, name) ?? null;
}

// Start (or restart) a tour: progress is counted from the journal's present end. It becomes the
// tour followed (the frame's panel shows its progress).
export async function start(name) {
  const since = await lastSeq();
  const ui = store.uiState();
  store.setUi({ tours: { ...ui.tours, [name]: { since } }, tour: name });
  return since;
}

export function follow(name) {
  store.setUi({ tour: name });
}

// {since, steps: [{...step, done}], count, finished} of a started tour (null if not started).
export async function progress(name) {
  const tour = own(await loadTours(), name);
  const begun = started(name);
  if (!tour || !begun) return null;
  let since = begun.since;
  const conditions = tour.steps.flatMap((s) => s.done);
  const { entries, state } = await readJournal(conditions);
  // A journal shorter than the mark was replaced (another state loaded without this progress):
  // counting starts again from its end.
  const last = entries.at(-1)?.seq ?? 0;
  if (since > last) {
    since = last;
    store.setUi({ tours: { ...store.uiState().tours, [name]: { since } } });
  }
  const steps = tour.steps.map((step) => ({ ...step, done: Boolean(reachedBy(entries, step.done, since, state)) }));
  const count = steps.filter((s) => s.done).length;
  return { since, steps, count, finished: count === steps.length };
}
