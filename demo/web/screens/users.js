// The members of a quality, for its GL and co-GLs (and an RAE or co-RAE who opened the quality):
// the list with the guide's filters (name, first name, username, type, NISS, status, secured
// application) and pages, the bulk block / unblock / delete ("select + Exécuter"), and adding a
// user or a co-GL by NISS — the account form follows when the person is new (member-add.js).
// #/quality/<id>/co-gl is the same list reduced to the co-GLs, whose actions the GL, the RAE and
// the co-RAEs may do: a co-GL who tries gets the engine's explanation.

import { append, clear, dl, h, link, uid } from "../dom.js";
import { checkboxes, field, form, radios, submit } from "../forms.js";
import { refusal, roleName } from "../policy.js";
import { tn } from "../i18n.js";
import { href } from "../router.js";
import {
  ACTIONABLE, actionOptions, addedRows, applicationName, applicationOptions, bulkRunner, fullName, memberPath, usersPath,
} from "./members.js";

const FILTERS = ["name", "first_name", "username", "kind", "niss", "status", "application"];
const PAGE_SIZE = 10;
const KINDS = ["user", "co_gl", "gl"];

function coGlPath(quality) {
  return `/quality/${encodeURIComponent(quality)}/co-gl`;
}

export function showAdded(ctx, role, backPath) {
  const { t } = ctx;
  ctx.clearMessages();
  ctx.setTitle(t("members.added_title"));
  ctx.main.replaceChildren(dl(addedRows(ctx, role)),
    h("p", { class: "demo-actions" },
      link(t("members.back"), ctx.href(backPath), { class: "md-button" }),
      link(t("members.edit_added"), ctx.href(memberPath(ctx.quality, role.id, "edit")), { class: "md-button" })));
  ctx.announce(t("members.added", { name: fullName(role.person) }));
  ctx.focusHeading();
}

function criteriaForm(ctx, quality, here) {
  const { t, query } = ctx;
  const any = { value: "", label: t("form.any") };
  return form({
    label: t("members.filters"),
    onSubmit: async (values) => {
      ctx.navigate(here, { ...Object.fromEntries(FILTERS.map((f) => [f, values[f] ?? ""])), page: 1 });
    },
  },
  h("fieldset", {},
    h("legend", {}, t("members.filters")),
    field({ name: "name", label: t("account.name"), value: query.name, autocomplete: "off" }),
    field({ name: "first_name", label: t("account.first_name"), value: query.first_name, autocomplete: "off" }),
    field({ name: "username", label: t("account.username"), value: query.username, autocomplete: "off" }),
    field({ name: "kind", label: t("members.col.kind"), type: "select", value: query.kind ?? "",
      options: [any, ...KINDS.map((k) => ({ value: k, label: roleName(k, { short: true }) }))] }),
    field({ name: "niss", label: t("account.niss"), value: query.niss, inputmode: "numeric", autocomplete: "off",
      hint: t("search.niss_hint") }),
    field({ name: "status", label: t("gl.summary_status"), type: "select", value: query.status ?? "",
      options: [any, { value: "active", label: t("status.active") }, { value: "blocked", label: t("status.blocked") }] }),
    field({ name: "application", label: t("search.application"), type: "select", value: query.application ?? "",
      options: [any, ...applicationOptions(quality.type)] })),
  h("div", { class: "demo-actions" },
    link(t("search.clear"), href(here), { class: "md-button" }),
    submit(t("search.submit"))));
}

function addForm(ctx, quality, { kind, backPath }) {
  const { t } = ctx;
  const apps = applicationOptions(quality.type);
  return form({
    label: kind === "co_gl" ? t("co_gl.add_title") : t("members.add_title"),
    onSubmit: async (values, element) => {
      if (!(await ctx.checkForm(element))) return;
      const chosen = kind ?? values.kind;
      const args = { person: { niss: values.niss }, quality: quality.id };
      const granted = chosen === "user" ? values.applications ?? [] : [];
      if (granted.length) args.applications = granted;
      const response = await ctx.request(`${chosen}.add`, args);
      if (response.ok) showAdded(ctx, response.data, backPath);
      else if (response.error.code === "person_data_required") {
        ctx.navigate(`${usersPath(quality.id)}/add`, { kind: chosen, niss: values.niss, apps: granted.join(","), back: backPath });
      } else ctx.fail(response.error, element);
    },
  },
  field({ name: "niss", label: t("members.add_niss"), required: true, paths: ["person.niss", "person"], validate: "niss",
    inputmode: "numeric", autocomplete: "off" }),
  kind ? null : radios({
    name: "kind", legend: t("members.add_kind"), required: true, paths: ["kind"],
    options: ACTIONABLE.map((k) => ({ value: k, label: roleName(k), checked: k === "user" })),
  }),
  kind ? null : checkboxes({ name: "applications", legend: t("members.add_applications"), options: apps,
    paths: ["applications"] }),
  submit(kind === "co_gl" ? t("co_gl.add") : t("members.add")));
}

async function listScreen(ctx, kind) {
  const { t, query } = ctx;
  const coGl = kind === "co_gl";
  ctx.setTitle(coGl ? t("co_gl.title") : t("users.title"));
  const quality = await ctx.run("quality.view", { quality: ctx.quality });
  if (!quality) return;
  ctx.setTitle(coGl ? t("co_gl.title_named", { quality: quality.name }) : t("users.title_named", { quality: quality.name }));
  const here = coGl ? coGlPath(quality.id) : usersPath(quality.id);
  const page = Math.max(1, Number.parseInt(query.page, 10) || 1);
  const args = { quality: quality.id, page, page_size: PAGE_SIZE };
  if (coGl) args.kind = "co_gl";
  else for (const key of FILTERS) if (query[key]) args[key] = query[key];

  const criteria = coGl ? null : criteriaForm(ctx, quality, here);
  // A co-GL sees the co-GLs; acting on them is the GL's alone, said before any form.
  const denied = coGl ? refusal(ctx.role, "co_gl.add") : null;
  const area = h("div", { class: "demo-members" });
  const confirmArea = h("div", { class: "demo-confirm", hidden: true });
  const execute = submit(t("members.execute"));
  let rows = [];
  const confirm = bulkRunner(ctx, { confirmArea, submitButton: execute, redraw: () => load() });
  const bulk = form({
    label: t("members.bulk"),
    onSubmit: async (values, element) => {
      const selected = rows.filter((r) => values.selected?.includes(r.role));
      if (!selected.length) {
        ctx.fail({ code: "form", message: t("members.select_first"), field: "selected", instead: [] }, element);
        return;
      }
      confirm(values.action, selected);
    },
  }, area, h("div", { class: "demo-actions" },
    field({ name: "action", label: t("members.action"), type: "select", options: actionOptions(t) }), execute));

  async function load() {
    const found = await ctx.run("users.list", args, { form: criteria });
    if (!found) return false;
    rows = found.items;
    draw(found);
    return true;
  }

  function draw(found) {
    const errorId = uid("selected-error");
    const pageLink = (n, label) => link(label, href(here, { ...query, page: n }));
    const countId = uid("count");
    // append() skips the parts left out (no rows, one page) where replaceChildren would write "null".
    append(clear(area), [
      h("h3", { id: countId, tabindex: "-1" }, tn("members.count", found.total)),
      rows.length ? h("div", { class: "demo-table-wrap" }, h("table", { class: "demo-table", "aria-labelledby": countId },
        h("thead", {}, h("tr", {},
          [t("co_rae.col.select"), t("account.name"), t("account.first_name"), t("account.username"), t("members.col.kind"),
            t("account.niss"), t("gl.summary_status"), t("members.col.applications"), t("co_rae.col.actions")]
            .map((c) => h("th", { scope: "col" }, c)))),
        h("tbody", {}, rows.map((row) => {
          const actionable = !denied && ACTIONABLE.includes(row.kind);
          const box = uid("select");
          return h("tr", { dataset: { role: row.role, kind: row.kind } },
            h("td", {}, actionable ? [
              h("input", { type: "checkbox", id: box, name: "selected", value: row.role,
                dataset: { paths: "selected", errorId, groupLabel: t("co_rae.select_group") } }),
              h("label", { for: box, class: "demo-sr-only" }, t("co_rae.select", { name: fullName(row) }))]
              : h("span", { class: "demo-hint" }, t("members.gl_not_here"))),
            h("td", {}, row.name), h("td", {}, row.first_name), h("td", {}, row.username ?? "—"),
            h("td", {}, roleName(row.kind)), h("td", { class: "demo-nowrap" }, row.niss_formatted),
            h("td", {}, t(`status.${row.status}`)),
            h("td", {}, row.applications.map(applicationName).join(", ") || "—"),
            h("td", { class: "demo-row-actions" }, actionable ? [
              link(t("co_rae.edit"), ctx.href(memberPath(quality.id, row.role, "edit")),
                { "aria-label": t("co_rae.edit_for", { name: fullName(row) }) }),
              " ",
              link(t("co_rae.password"), ctx.href(memberPath(quality.id, row.role, "password")),
                { "aria-label": t("co_rae.password_for", { name: fullName(row) }) })] : "—"));
        })))) : null,
      h("p", { id: errorId, class: "demo-field-error", hidden: true }),
      found.pages > 1 ? h("nav", { class: "demo-pager", "aria-label": t("search.pages") },
        found.page > 1 ? pageLink(found.page - 1, t("search.previous")) : null,
        h("span", {}, t("search.page_of", { page: found.page, pages: found.pages })),
        found.page < found.pages ? pageLink(found.page + 1, t("search.next")) : null) : null]);
  }

  const addId = uid("add");
  ctx.main.append(h("p", {}, coGl ? t("co_gl.intro") : t("users.intro")));
  if (criteria) ctx.main.append(criteria);
  if (!(await load())) return;
  if (denied) {
    ctx.main.append(area);
    ctx.fail(denied);
    return;
  }
  ctx.main.append(bulk, confirmArea,
    h("section", { "aria-labelledby": addId, class: "demo-block" },
      h("h3", { id: addId }, coGl ? t("co_gl.add_title") : t("members.add_title")),
      addForm(ctx, quality, { kind: coGl ? "co_gl" : null, backPath: here })));
}

export const screens = [
  { id: "users", path: "/quality/:quality/users", auth: "profile", render: (ctx) => listScreen(ctx, null),
    menu: { group: "quality", action: "users.list", label: "menu.users", order: 10 } },
  { id: "co-gl", path: "/quality/:quality/co-gl", auth: "profile", render: (ctx) => listScreen(ctx, "co_gl"),
    menu: { group: "quality", action: "co_gl.add", label: "menu.co_gl", order: 15 } },
];
