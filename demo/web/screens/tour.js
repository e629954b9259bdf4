// Guided tours and scenarios to try. #/tours lists both; #/tour/<name> is one tour: its steps in
// order, each ticked once the engine's journal shows it done (tours.js), with a link into the
// demo to do it and a link back to its page in the guide; #/tour/<name>/<step> is that demo
// link: it logs in as the tour's person (with the tour's profile, unless the step is choosing
// it) when the session is not one that can do the step, then opens the step's screen.

import { append, button, h, link, uid } from "../dom.js";
import { pick } from "../i18n.js";
import { roleName } from "../policy.js";
import { system } from "../api.js";
import { loadScenarios } from "../scenarios.js";
import * as session from "../session.js";
import * as store from "../store.js";
import { follow, guideHref, loadTours, progress, start, started } from "../tours.js";
import { loginAs } from "./task.js";
import { own } from "../own.js";

const tourPath = (name) => `/tour/${encodeURIComponent(name)}`;

async function listScreen(ctx) {
  const { t } = ctx;
  ctx.setTitle(t("tours.title"));
  const [tours, scenarios] = await Promise.all([loadTours(), loadScenarios()]);
  const toursId = uid("tours");
  const casesId = uid("cases");
  const items = [];
  for (const [name, tour] of Object.entries(tours)) {
    const state = started(name) ? await progress(name) : null;
    items.push(h("li", { dataset: { tour: name } },
      link(pick(tour.title), ctx.href(tourPath(name))), " — ",
      state ? t("tours.progress", { count: state.count, total: state.steps.length }) : t("tours.not_started")));
  }
  ctx.main.append(
    h("section", { "aria-labelledby": toursId, class: "demo-block" },
      h("h3", { id: toursId }, t("tours.tours")),
      h("p", {}, t("tours.intro")),
      h("ul", {}, items)),
    h("section", { "aria-labelledby": casesId, class: "demo-block" },
      h("h3", { id: casesId }, t("tours.cases")),
      h("p", {}, t("tours.cases_intro")),
      h("ul", {}, Object.entries(scenarios).map(([name, spec]) => h("li", { dataset: { scenario: name } },
        link(pick(spec.title), ctx.href(`/scenario/${encodeURIComponent(name)}`)))))));
}

// "Julien Simons, RAE — S.A. Demo N.V.": who the tour is played as, from the engine's state.
async function playedAs(tour) {
  const exported = await system("state.export");
  if (!exported.ok) return "";
  const person = exported.data.people[tour.person];
  const role = exported.data.roles[tour.profile];
  if (!person || !role) return "";
  return `${person.first_name} ${person.name}, ${roleName(role.kind)} — ${exported.data.enterprises[role.enterprise]?.name ?? ""}`;
}

function stepItem(ctx, name, step) {
  const { t } = ctx;
  const label = pick(step.label);
  return h("li", { class: "demo-tour-step", dataset: { step: step.id, done: String(step.done) } },
    h("span", { class: "demo-tick", "aria-hidden": "true" }, step.done ? "✓" : "○"),
    " ",
    h("span", { class: "demo-sr-only" }, step.done ? t("tour.step_done") : t("tour.step_todo"), " "),
    h("span", { class: "demo-tour-label" }, label),
    h("span", { class: "demo-tour-links" },
      link(t("tour.do"), ctx.href(`${tourPath(name)}/${encodeURIComponent(step.id)}`),
        { "aria-label": t("tour.do_for", { step: label }), dataset: { go: step.id } }),
      " ",
      step.guide ? h("a", { href: guideHref(step.guide), "aria-label": t("tour.read_for", { step: label }), dataset: { guide: step.guide } },
        t("tour.read")) : null));
}

async function tourScreen(ctx) {
  const { t } = ctx;
  ctx.setTitle(t("tour.title"));
  const name = ctx.params.tour;
  const tour = own(await loadTours(), name);
  if (!tour) {
    ctx.main.append(h("p", { class: "demo-note", dataset: { problem: "tour" } }, t("tour.unknown")),
      h("p", {}, link(t("scenario.to_list"), ctx.href("/tours"))));
    return;
  }
  ctx.setTitle(pick(tour.title));
  // Opening a tour for the first time starts it: what the reader does from now on is counted.
  if (!started(name)) await start(name);
  else follow(name);
  const state = await progress(name);
  const stepsId = uid("steps");
  const restart = button(t("tour.restart"), async () => {
    await start(name);
    ctx.navigate(tourPath(name), {}, { flash: t("tour.restarted") });
  });
  const stop = button(t("tour.stop"), () => {
    store.setUi({ tour: null });
    ctx.navigate("/tours", {}, { flash: t("tour.stopped") });
  });
  const who = await playedAs(tour);
  append(ctx.main, [
    h("p", {}, pick(tour.intro)),
    who ? h("p", {}, t("tour.played_as", { who })) : null,
    h("p", { class: "demo-tour-progress", dataset: { count: String(state.count), finished: String(state.finished) } },
      state.finished ? t("tour.finished") : t("tours.progress", { count: state.count, total: state.steps.length })),
    h("section", { "aria-labelledby": stepsId, class: "demo-block" },
      h("h3", { id: stepsId }, t("tour.steps")),
      h("ol", { class: "demo-tour-steps" }, state.steps.map((step) => stepItem(ctx, name, step)))),
    h("p", {}, h("a", { href: guideHref(tour.guide), dataset: { guide: tour.guide } }, t("tour.guide_page"))),
    h("p", { class: "demo-actions" }, restart, stop)]);
}

async function goScreen(ctx) {
  const { t } = ctx;
  ctx.setTitle(t("tour.title"));
  const tour = (await loadTours())[ctx.params.tour];
  const step = tour?.steps.find((s) => s.id === ctx.params.step);
  if (!tour || !step) {
    ctx.main.append(h("p", { class: "demo-note", dataset: { problem: "tour" } }, t("tour.unknown")),
      h("p", {}, link(t("scenario.to_list"), ctx.href("/tours"))));
    return;
  }
  // After a reload the session is only a token: ask the engine who it is before deciding.
  await session.refresh();
  const chooseProfile = step.login === "person";
  const ready = chooseProfile
    ? ctx.session.person?.id === tour.person
    : step.kinds.includes(ctx.session.profile?.kind);
  if (!ready && !(await loginAs(ctx, tour.person, chooseProfile ? null : tour.profile))) return;
  ctx.navigate(step.path, {}, { replace: true });
}

export const screens = [
  { id: "tours", path: "/tours", auth: "none", render: listScreen,
    menu: { group: "account", label: "menu.tours", order: 95 } },
  { id: "tour", path: "/tour/:tour", auth: "none", render: tourScreen },
  { id: "tour-go", path: "/tour/:tour/:step", auth: "none", render: goScreen },
];
