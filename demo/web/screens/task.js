// Links from the guide into the demo: #/task/<task id>?person=<person id>&profile=<role id>
// logs in as that person of the dataset (eID card), takes that profile and opens the task's
// screen. The table task id -> screen, person, profile and guide page is tasks.json, also read by
// the site's macros (macros/demo_links.py) to write the guide's "try it" links.

import { request, system } from "../api.js";
import { h } from "../dom.js";
import { appFile } from "../files.js";
import * as session from "../session.js";

let tasks = null;

export async function loadTasks() {
  if (tasks) return tasks;
  const response = await fetch(appFile("tasks.json"));
  if (!response.ok) throw new Error(`tasks.json: HTTP ${response.status}`);
  tasks = (await response.json()).tasks;
  return tasks;
}

// Log in as `personId` and take `profileId` (none: the person acts without a profile).
// Returns false after showing the engine's refusal or the demo's own explanation.
export async function loginAs(ctx, personId, profileId) {
  const exported = await system("state.export");
  if (!exported.ok) {
    ctx.fail(exported.error);
    return false;
  }
  const person = exported.data.people[personId];
  if (!person) {
    ctx.main.append(h("p", { class: "demo-note", dataset: { problem: "person" } }, ctx.t("task.unknown_person")));
    return false;
  }
  const previous = ctx.session.token;
  const data = await ctx.run("session.login", { method: "eid", niss: person.niss });
  if (!data) return false;
  session.started(data.session, data.person, null);
  // One person at a time at this keyboard: the session open before ends.
  if (previous && previous !== data.session) await request("session.logout", {}, { session: previous });
  if (profileId) {
    const chosen = await ctx.run("session.choose_profile", { profile: profileId });
    if (!chosen) return false;
    session.started(data.session, data.person, chosen);
  }
  return true;
}

export const screens = [
  {
    id: "task",
    path: "/task/:task",
    auth: "none",
    async render(ctx) {
      ctx.setTitle(ctx.t("task.title"));
      const task = (await loadTasks())[ctx.params.task];
      if (!task) {
        ctx.main.append(h("p", { class: "demo-note", dataset: { problem: "task" } }, ctx.t("task.unknown")),
          h("p", {}, h("a", { href: ctx.href("/login") }, ctx.t("task.to_login"))));
        return;
      }
      const person = ctx.query.person || task.person;
      const profile = ctx.query.profile ?? task.profile;
      if (!(await loginAs(ctx, person, profile))) return;
      ctx.navigate(task.path, task.query ?? {}, { replace: true });
    },
  },
];
