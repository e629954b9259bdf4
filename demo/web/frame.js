// The screen frame: a bar saying who is logged in, the menu, the screen (its heading, the error
// box, the live region for results, the screen's own content) and the demo's tools. It shows a
// route: checks the session, renders the screen into a fresh container, then moves the focus —
// to the screen's heading after a change of screen, to the first field at fault or to the
// message after a refusal. On the first screen after the page loads the focus stays where the
// browser put it (the top of the page). `coach` (coach.js), when given, is the panel above the
// screens with the reader's scenario goal and tour progress, drawn again with each screen.

import * as api from "./api.js";
import { button, focus, h, fitTables } from "./dom.js";
import { lang, t } from "./i18n.js";
import { showEngineError, showLocalProblems, hideError } from "./errors.js";
import { clearErrors, formProblems } from "./forms.js";
import * as menu from "./menu.js";
import { roleName } from "./policy.js";
import { href, match, navigate, takeFlash } from "./router.js";
import * as session from "./session.js";

export function createFrame(root, screens, { coach = null } = {}) {
  // While the engine loads, the page's progress bar and its one sentence say so: the screen's
  // heading shows with the first screen.
  const heading = h("h2", { id: "demo-heading", class: "demo-heading", tabindex: "-1", hidden: true });
  const errorBox = h("div", { class: "demo-error", role: "alert", tabindex: "-1", hidden: true });
  const live = h("div", { class: "demo-live", role: "status" });
  const main = h("div", { class: "demo-main" });
  const nav = h("nav", { class: "demo-menu", "aria-label": t("menu.label") });
  const bar = h("div", { class: "demo-bar" });
  const notice = h("div", { class: "demo-notice", role: "status" });
  const tools = h("section", { class: "demo-tools", "aria-labelledby": "demo-tools-heading" });
  const pageTitle = document.title;

  // The first stop of the demo for the keyboard: straight to the screen, past the bar and the menu.
  const skip = h("a", {
    class: "demo-skip", href: "#demo-heading",
    on: { click: (event) => { event.preventDefault(); focus(heading); } },
  }, t("frame.skip"));

  root.replaceChildren(...[
    skip, bar, notice, coach?.element,
    h("div", { class: "demo-layout" },
      nav,
      h("section", { class: "demo-screen", "aria-labelledby": "demo-heading" }, heading, errorBox, live, main)),
    tools].filter(Boolean));
  root.dataset.demo = "loading";
  // Tables that do not fit their box become cards, whenever a screen draws or redraws one and
  // whenever the window's width changes.
  let marking = 0;
  const markTables = () => {
    cancelAnimationFrame(marking);
    marking = requestAnimationFrame(() => fitTables(main));
  };
  new MutationObserver(markTables).observe(main, { childList: true, subtree: true });
  window.addEventListener("resize", markTables);
  // When the interface appeared (ms since navigation start), to compare with the engine's start.
  root.dataset.shownAt = String(Math.round(performance.now()));

  let generation = 0;
  let firstScreen = true;
  let announcing = 0;

  // No result on show any more (a result on its way is dropped too).
  function quiet() {
    clearTimeout(announcing);
    live.textContent = "";
  }

  function renderBar() {
    bar.replaceChildren();
    const { person, profile, token } = session.current;
    if (!token || !person) {
      bar.append(h("p", {}, t("bar.logged_out")));
      return;
    }
    const who = [`${person.first_name} ${person.name}`];
    if (profile) {
      who.push(roleName(profile.kind));
      if (profile.quality) who.push(profile.quality.name);
      who.push(`${profile.enterprise.name} (${profile.enterprise.number_formatted})`);
    } else {
      who.push(t("bar.no_profile"));
    }
    bar.append(
      h("p", { class: "demo-who" }, h("span", { class: "demo-who-label" }, t("bar.logged_in"), " "), who.join(" — ")),
      h("div", { class: "demo-bar-actions" },
        h("a", { href: href("/profile"), class: "md-button" }, t("bar.change_profile")),
        button(t("bar.logout"), logout)));
  }

  async function logout() {
    await api.request("session.logout");
    session.forget();
    navigate("/login", {}, { flash: t("bar.logged_out_flash") });
  }

  // A context for one rendering of one screen (see README.md, "Writing a screen").
  function context(screen, params, query, container, mine) {
    let rendering = true;
    let focusTarget = null;
    const ctx = {
      screen, params, query, main: container, lang,
      session: session.current,
      role: session.role(),
      quality: params.quality ?? session.current.profile?.quality?.id ?? null,
      t,
      href,
      navigate,
      alive: () => mine === generation,
      setTitle(text) {
        if (!ctx.alive()) return;
        heading.textContent = text;
        document.title = `${text} — ${pageTitle}`;
      },
      // Focus an element now (after an action) or once the screen is drawn (during render).
      focus(element) {
        if (rendering) focusTarget = element;
        else focus(element);
      },
      focusHeading() {
        ctx.focus(heading);
      },
      announce(text) {
        if (!ctx.alive()) return;
        // Emptied first, so that the same message twice is announced twice.
        quiet();
        announcing = setTimeout(() => (live.textContent = text), 30);
      },
      // A new answer replaces every earlier message: the error box, the result, the messages
      // under the fields of the screen.
      clearMessages() {
        hideError(errorBox);
        quiet();
        clearErrors(container);
      },
      request: (command, args) => api.request(command, args),
      // Show the engine's error (tied to its field in `form`) and move the focus.
      fail(error, form = null) {
        if (!ctx.alive()) return;
        quiet();
        ctx.focus(showEngineError(errorBox, error, form));
      },
      // Run a command: its data, or null once its refusal is shown.
      async run(command, args = {}, { form = null } = {}) {
        const response = await api.request(command, args);
        if (response.ok) {
          hideError(errorBox);
          if (form) clearErrors(form);
          return response.data;
        }
        if (response.error.code === "not_logged_in") {
          session.forget();
          navigate("/login", {}, { flash: response.error.message });
          return null;
        }
        ctx.fail(response.error, form);
        return null;
      },
      // The interface's own checks (required fields, confirmations, the live check of each value),
      // all at once; resolves to true when the form may be sent.
      async checkForm(form) {
        const problems = await formProblems(form);
        if (!ctx.alive()) return false;
        if (!problems.length) {
          clearErrors(form);
          return true;
        }
        quiet();
        ctx.focus(showLocalProblems(errorBox, problems, form));
        return false;
      },
      refreshFrame() {
        renderBar();
        menu.render(nav, screens, ctx);
      },
    };
    ctx.done = () => {
      rendering = false;
      return focusTarget;
    };
    return ctx;
  }

  async function show({ path, query }) {
    const mine = ++generation;
    const found = match(path) ?? match("/not-found");
    const { screen, params } = found;
    if (screen.auth && screen.auth !== "none") {
      if (!session.current.token) {
        navigate("/login", {}, { replace: true, flash: takeFlash() });
        return;
      }
      const problem = await session.refresh();
      if (mine !== generation) return;
      if (!session.current.token) {
        navigate("/login", {}, { replace: true, flash: problem?.message });
        return;
      }
      if (problem) {
        // The profile (or every profile) was blocked since it was chosen: the engine refuses
        // everything in this session, choosing another profile included. Log in again.
        session.forget();
        navigate("/login", {}, { replace: true, flash: problem.message });
        return;
      }
      if (screen.auth === "profile" && !session.current.profile) {
        navigate(session.current.person ? "/home" : "/login", {}, { replace: true, flash: takeFlash() });
        return;
      }
    }
    const flash = takeFlash();
    heading.hidden = false;
    const container = h("div", { class: "demo-screen-body", dataset: { screen: screen.id } });
    main.replaceChildren(container);
    hideError(errorBox);
    live.textContent = "";
    const ctx = context(screen, params, query, container, mine);
    ctx.refreshFrame();
    root.dataset.demo = "busy";
    try {
      await screen.render(ctx);
    } catch (error) {
      // A screen that breaks still leaves a page that says what happened.
      if (mine === generation) {
        ctx.fail({ code: "interface_error", message: t("frame.screen_failed", { detail: String(error?.message ?? error) }), instead: [] });
      }
    }
    if (mine !== generation) return;
    if (coach) await coach.refresh(path);
    if (mine !== generation) return;
    const target = ctx.done();
    if (flash) ctx.announce(flash);
    if (target) focus(target);
    else if (!firstScreen) focus(heading);
    firstScreen = false;
    noticeScreens += 1;
    if (noticeScreens > 1) notice.replaceChildren();
    fitTables(main);
    root.dataset.screen = screen.id;
    // Counts the screens shown: a test (or a tour) waits for the next one after an action.
    root.dataset.renders = String(Number(root.dataset.renders ?? 0) + 1);
    root.dataset.demo = "ready";
  }

  function failed(message) {
    heading.textContent = t("frame.failed_title");
    heading.hidden = false;
    main.replaceChildren(h("p", {}, t("frame.failed_text")), h("p", {}, h("code", {}, message)));
    root.dataset.demo = "failed";
  }

  // A notice about the state (restored, replaced, shared) stays for the first screen shown after
  // it and goes with the next one.
  let noticeScreens = 0;
  let engineGone = false;
  function report(text) {
    if (engineGone) return;
    notice.replaceChildren(h("p", {}, text));
    noticeScreens = 0;
  }

  // The engine failed after the start (Pyodide declared itself unusable): it stays said, with the
  // way out, whatever screen is shown.
  function engineFailed() {
    engineGone = true;
    notice.replaceChildren(h("p", {}, t("state.engine_failed")),
      h("p", {}, button(t("state.reload"), () => location.reload())));
    noticeScreens = Number.NEGATIVE_INFINITY;
    root.dataset.engineFailed = "true";
  }

  return { show, failed, report, engineFailed, tools, root };
}
