// The panel above the screens that keeps the reader's exercise in view: the goal of the
// scenario opened (scenarios.json) and whether the journal shows it reached, and the progress of
// the guided tour followed (tours.json). Drawn again after each screen and after each command
// that changed the state (an action done in place, such as a bulk unblock, ticks it at once).
// A goal reached or a step ticked since the last drawing is also said in a status region.

import { button, focus, h, link, uid } from "./dom.js";
import { own } from "./own.js";
import { pick, t } from "./i18n.js";
import { readJournal, reachedBy } from "./conditions.js";
import { href } from "./router.js";
import { goalText, loadScenarios } from "./scenarios.js";
import * as store from "./store.js";
import { loadTours, progress } from "./tours.js";

export function createCoach() {
  const body = h("div");
  const live = h("div", { class: "demo-sr-only", role: "status" });
  const element = h("div", { class: "demo-coach", hidden: true }, body, live);
  const goals = new Map(); // "<name>@<since>" -> goal text (fixed once the scenario is built)
  const seen = new Map(); // what the last drawing showed: reached goals, ticked steps
  let path = "/";
  let running = null;
  let again = false;

  function block(key, title, content) {
    const id = uid("coach");
    return h("section", { class: "demo-coach-block", "aria-labelledby": id, dataset: key },
      h("h2", { id, class: "demo-coach-title" }, title), content);
  }

  function close() {
    store.setUi({ scenario: null });
    void refresh().then(() => focus(document.getElementById("demo-heading")));
  }

  async function scenarioBlock(current, news) {
    const spec = own(await loadScenarios(), current.name);
    if (!spec) return null;
    const key = `${current.name}@${current.since}`;
    if (!goals.has(key)) goals.set(key, await goalText(spec));
    const goal = goals.get(key);
    const { entries, state } = await readJournal(spec.done);
    const reached = Boolean(reachedBy(entries, spec.done, current.since, state));
    if (reached && seen.get(key) === false) {
      news.push(t("coach.reached_news", { goal }));
      reachedNow = true;
    }
    seen.set(key, reached);
    return block({ scenario: current.name, goal: reached ? "reached" : "open" }, t("coach.scenario", { title: pick(spec.title) }), [
      h("p", { class: "demo-coach-goal" }, h("strong", {}, t("coach.goal")), " ", goal),
      h("p", { class: "demo-coach-state" }, reached ? t("coach.reached") : t("coach.open")),
      h("p", { class: "demo-actions" },
        link(t("coach.restart_scenario"), href(`/scenario/${encodeURIComponent(current.name)}`), { class: "md-button" }),
        button(t("coach.close"), close)),
    ]);
  }

  async function tourBlock(name, news) {
    const tour = own(await loadTours(), name);
    const state = await progress(name);
    if (!tour || !state) return null;
    const key = `tour:${name}@${state.since}`;
    const before = seen.get(key);
    if (before !== undefined && state.count > before) {
      news.push(state.finished ? t("tour.finished") : t("tours.progress", { count: state.count, total: state.steps.length }));
    }
    seen.set(key, state.count);
    // On the tour's own screen the steps are there in full: no summary above them.
    if (path === `/tour/${name}`) return null;
    // What to do next: the first step not done yet, with the link that opens it.
    const next = state.steps.find((s) => !s.done);
    return block({ tour: name, count: String(state.count), finished: String(state.finished) }, t("coach.tour", { title: pick(tour.title) }), [
      h("p", {}, state.finished ? t("tour.finished") : t("tours.progress", { count: state.count, total: state.steps.length }),
        " ", link(t("coach.tour_open"), href(`/tour/${encodeURIComponent(name)}`))),
      next ? h("p", { class: "demo-coach-next" }, t("coach.next_step"), " ",
        link(pick(next.label), href(`/tour/${encodeURIComponent(name)}/${encodeURIComponent(next.id)}`), { dataset: { go: next.id } }))
        : null,
    ]);
  }

  let reachedNow = false;

  async function draw() {
    reachedNow = false;
    const ui = store.uiState();
    const news = [];
    const parts = [];
    if (ui.scenario) parts.push(await scenarioBlock(ui.scenario, news));
    if (ui.tour && own(ui.tours, ui.tour)) parts.push(await tourBlock(ui.tour, news));
    const shown = parts.filter(Boolean);
    body.replaceChildren(...shown);
    element.hidden = !shown.length;
    if (news.length) {
      live.textContent = "";
      setTimeout(() => (live.textContent = news.join(" ")), 30);
    }
    // A goal just reached is brought into view (the panel may be far above a long screen).
    if (reachedNow) element.querySelector("[data-goal=reached]")?.scrollIntoView({ block: "nearest" });
  }

  // Drawings are coalesced: a burst of commands draws once more after the one under way.
  function refresh(currentPath = path) {
    path = currentPath;
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        try {
          await draw();
        } catch (error) {
          // The panel is a help, not the demo: if the engine cannot answer, it stays out of the way.
          body.replaceChildren(h("p", {}, String(error?.message ?? error)));
          element.hidden = false;
        }
      } while (again);
    })().finally(() => (running = null));
    return running;
  }

  return { element, refresh };
}
