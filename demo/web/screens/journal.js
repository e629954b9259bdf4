// The audit journal of the demo: every action the engine accepted — who did it, under which
// profile, what, on whom, when — newest first, filterable and paged. What an action is called
// comes from the engine's policy table (or its command catalogue); names from its state. The
// journal is the demo's own record (a system command), open to every reader of the demo.

import { engineData, system } from "../api.js";
import { h, link, uid } from "../dom.js";
import { field, form, submit } from "../forms.js";
import { appFile } from "../files.js";
import { formatDateTime, locale, pick, tn } from "../i18n.js";
import { actionLabel, commandLabel, roleName } from "../policy.js";
import { href } from "../router.js";
import * as store from "../store.js";

const FILTERS = ["who", "profile", "what", "whom", "effect"];
const PAGE_SIZE = 20;
const ALL = 1_000_000;

let texts = null;
async function loadTexts() {
  if (texts) return texts;
  const response = await fetch(appFile("journal.json"));
  if (!response.ok) throw new Error(`journal.json: HTTP ${response.status}`);
  texts = await response.json();
  return texts;
}

// The short name of what a command does (the filter): the policy table's action, else journal.json.
function what(command) {
  const spec = engineData.commands.get(command);
  if (spec?.action) return actionLabel(spec.action);
  return pick(texts.what[command]) || commandLabel(command);
}

function qualityName(state, id) {
  const quality = state.qualities[id];
  if (!quality) return "";
  const type = engineData.catalogue.qualities.qualities.find((q) => q.id === quality.type);
  const enterprise = state.enterprises[quality.enterprise]?.name;
  return `${pick(type)}${enterprise ? ` (${enterprise})` : ""}`;
}

function personName(state, id) {
  const person = state.people[id];
  return person ? `${person.first_name} ${person.name}` : "";
}

function profileText(t, state, profile) {
  if (!profile) return t("journal.no_profile");
  const where = profile.quality ? qualityName(state, profile.quality) : state.enterprises[profile.enterprise]?.name ?? "";
  return `${roleName(profile.kind)} — ${where}`;
}

// The names in an entry's target: the person (or the role's holder), the quality, the enterprise.
function targetNames(state, target) {
  const holder = target.role ? state.roles[target.role]?.person : null;
  const enterprise = target.enterprise ?? state.qualities[target.quality]?.enterprise;
  return {
    person: personName(state, target.person ?? holder),
    quality: target.quality ? qualityName(state, target.quality) : "",
    enterprise: enterprise ? state.enterprises[enterprise]?.name ?? "" : "",
  };
}

// "Julien Simons a bloqué Thomas Laudot": the entry's sentence (journal.json), or, when a name it
// needs is missing (someone deleted since), who did what.
function sentence(t, entry, actor, names) {
  const template = pick(texts.entries[entry.command]);
  const values = { actor, ...names };
  const needed = [...(template || "").matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
  if (template && needed.every((name) => values[name])) {
    return template.replace(/\{(\w+)\}/g, (whole, name) => values[name]);
  }
  return t("journal.generic", { actor, what: what(entry.command) });
}

export const screens = [
  {
    id: "journal",
    path: "/journal",
    auth: "none",
    menu: { group: "account", label: "menu.journal", order: 90 },
    async render(ctx) {
      const { t, query } = ctx;
      ctx.setTitle(t("journal.title"));
      const [journal, exported] = await Promise.all([system("journal.list", { limit: ALL }), system("state.export")]);
      for (const response of [journal, exported]) {
        if (!response.ok) {
          ctx.fail(response.error);
          return;
        }
      }
      await loadTexts();
      const state = exported.data;
      // The demo's own loading of a state (at each page load, for a case) is not the reader's doing.
      const housekeeping = new Set(texts.housekeeping);
      const readers = new Set(store.uiState().reader);
      const rows = journal.data
        .filter((entry) => !housekeeping.has(entry.command) || readers.has(entry.seq))
        .map((entry) => {
          const who = entry.actor?.name ?? t("journal.nobody");
          const names = targetNames(state, entry.target ?? {});
          return {
            entry, who, names,
            profile: profileText(t, state, entry.profile),
            what: what(entry.command),
            text: sentence(t, entry, who, names),
            whom: [names.person, names.quality || names.enterprise].filter(Boolean).join(" — "),
          };
        });
      const actors = new Map(rows.filter((r) => r.entry.actor).map((r) => [r.entry.actor.person, r.who]));
      const commands = new Map(rows.map((r) => [r.entry.command, r.what]));
      const any = { value: "", label: t("form.any") };
      const filters = form({
        label: t("journal.filters"),
        onSubmit: async (values) => ctx.navigate("/journal", { ...Object.fromEntries(FILTERS.map((f) => [f, values[f] ?? ""])), page: 1 }),
      },
      h("fieldset", {},
        h("legend", {}, t("journal.filters")),
        field({ name: "who", label: t("journal.who"), type: "select", value: query.who ?? "",
          options: [any, ...[...actors].sort((a, b) => a[1].localeCompare(b[1], locale)).map(([value, label]) => ({ value, label }))] }),
        field({ name: "profile", label: t("journal.profile"), type: "select", value: query.profile ?? "",
          options: [any, { value: "none", label: t("journal.no_profile") },
            ...Object.keys(engineData.policy.roles).filter((r) => r !== "person").map((r) => ({ value: r, label: roleName(r) }))] }),
        field({ name: "what", label: t("journal.what"), type: "select", value: query.what ?? "",
          options: [any, ...[...commands].sort((a, b) => a[1].localeCompare(b[1], locale)).map(([value, label]) => ({ value, label }))] }),
        field({ name: "whom", label: t("journal.whom"), value: query.whom ?? "", autocomplete: "off", hint: t("journal.whom_hint") }),
        field({ name: "effect", label: t("journal.effect"), type: "select", value: query.effect ?? "",
          options: [any, { value: "write", label: t("journal.effect_write") }, { value: "read", label: t("journal.effect_read") }] })),
      h("div", { class: "demo-actions" },
        link(t("search.clear"), href("/journal"), { class: "md-button" }),
        submit(t("journal.submit"))));

      const needle = (query.whom ?? "").toLocaleLowerCase(locale);
      const kept = rows.filter(({ entry, whom }) =>
        (!query.who || entry.actor?.person === query.who)
        && (!query.profile || (query.profile === "none" ? !entry.profile : entry.profile?.kind === query.profile))
        && (!query.what || entry.command === query.what)
        && (!query.effect || entry.effect === query.effect)
        && (!needle || whom.toLocaleLowerCase(locale).includes(needle)));
      const pages = Math.max(1, Math.ceil(kept.length / PAGE_SIZE));
      const page = Math.min(pages, Math.max(1, Number.parseInt(query.page, 10) || 1));
      const shown = kept.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
      const resultsId = uid("entries");
      const heading = h("h3", { id: resultsId, tabindex: "-1" },
        tn("journal.count", kept.length));
      const pageLink = (n, label) => link(label, href("/journal", { ...query, page: n }));
      ctx.main.append(h("p", {}, t("journal.intro")), filters,
        h("section", { "aria-labelledby": resultsId, class: "demo-block" },
          heading,
          shown.length ? h("div", { class: "demo-table-wrap" }, h("table", { class: "demo-table demo-journal" },
            h("caption", { class: "demo-sr-only" }, t("journal.title")),
            h("thead", {}, h("tr", {}, [t("journal.when"), t("journal.happened"), t("journal.profile")]
              .map((c) => h("th", { scope: "col" }, c)))),
            h("tbody", {}, shown.map((r) => h("tr", { dataset: { seq: r.entry.seq, command: r.entry.command } },
              h("td", {}, h("time", { datetime: r.entry.at }, formatDateTime(r.entry.at, "medium"))),
              h("td", { class: "demo-journal-text" }, r.text), h("td", {}, r.profile)))))) : null,
          pages > 1 ? h("nav", { class: "demo-pager", "aria-label": t("search.pages") },
            page > 1 ? pageLink(page - 1, t("search.previous")) : null,
            h("span", {}, t("search.page_of", { page, pages })),
            page < pages ? pageLink(page + 1, t("search.next")) : null) : null));
      if (query.page) ctx.focus(heading);
    },
  },
];
