// The enterprise's co-RAEs: the list, bulk block / unblock / delete after a confirmation, adding
// one by NISS (then the account form when the person is new), editing their data and giving a
// new password. Only the RAE may act on co-RAEs: a co-RAE sees the same screens and, on trying,
// gets the engine's explanation.

import { button, dl, focus, h, link, uid } from "../dom.js";
import { accountForm, field, form, passwordRules, personFrom, submit } from "../forms.js";
import { formatDate, tn } from "../i18n.js";
import { refusal, roleName } from "../policy.js";
import { dataFields, sendChanges } from "./members.js";

const ACTIONS = ["block", "unblock", "delete"];

// A profile the policy table denies the co-RAE actions (a co-RAE) gets the explanation, no form.
function deniedUpFront(ctx) {
  const denied = refusal(ctx.role, "co_rae.add");
  if (!denied) return false;
  ctx.fail(denied);
  ctx.main.append(h("p", {}, link(ctx.t("co_rae.back"), ctx.href("/co-rae"))));
  return true;
}

function fullName(row) {
  return `${row.first_name} ${row.name}`;
}

// The data of a co-RAE just added (the guide's confirmation screen).
function addedSummary(ctx, role) {
  const { t } = ctx;
  return dl([
    [t("account.username"), role.person.username],
    [t("account.name"), role.person.name],
    [t("account.first_name"), role.person.first_name],
    [t("account.niss"), role.person.niss_formatted],
    [t("gl.summary_created"), formatDate(role.created)],
    [t("gl.summary_status"), t(`status.${role.status}`)],
    [t("account.email"), role.email],
  ]);
}

function showAdded(ctx, role) {
  ctx.clearMessages();
  ctx.setTitle(ctx.t("co_rae.added_title"));
  ctx.main.replaceChildren(addedSummary(ctx, role),
    h("p", {}, link(ctx.t("co_rae.back"), ctx.href("/co-rae"), { class: "md-button" })));
  ctx.announce(ctx.t("co_rae.added", { name: `${role.person.first_name} ${role.person.name}` }));
  ctx.focusHeading();
}

async function rowOf(ctx, roleId) {
  const rows = await ctx.run("co_rae.list");
  if (!rows) return null;
  const row = rows.find((r) => r.role === roleId);
  if (!row) {
    ctx.main.append(h("p", {}, ctx.t("co_rae.gone")), h("p", {}, link(ctx.t("co_rae.back"), ctx.href("/co-rae"))));
  }
  return row ?? null;
}

async function listScreen(ctx) {
  const { t } = ctx;
  ctx.setTitle(t("co_rae.title"));
  // A co-RAE sees the list; the actions on co-RAEs are the RAE's alone, said before any form.
  const denied = refusal(ctx.role, "co_rae.add");
  const area = h("div", { class: "demo-co-rae" });
  const confirmArea = h("div", { class: "demo-confirm", hidden: true });
  let rows = [];

  const actionField = field({ name: "action", label: t("co_rae.action"), type: "select",
    options: ACTIONS.map((a) => ({ value: a, label: t(`co_rae.action.${a}`) })) });
  const bulk = form({
    label: t("co_rae.title"),
    onSubmit: async (values, element) => {
      const selected = rows.filter((r) => values.selected?.includes(r.role));
      if (!selected.length) {
        ctx.fail({ code: "form", message: t("co_rae.select_first"), field: "selected", instead: [] }, element);
        return;
      }
      confirm(values.action, selected);
    },
  }, area, h("div", { class: "demo-actions" }, actionField, submit(t("co_rae.execute"))));

  function confirm(action, selected) {
    ctx.clearMessages();
    const textId = uid("confirm");
    confirmArea.replaceChildren(
      h("p", { id: textId }, tn(`co_rae.confirm.${action}`, selected.length, { names: selected.map(fullName).join(", ") })),
      h("div", { class: "demo-actions" },
        button(t("form.confirm"), () => execute(action, selected), { class: "md-button md-button--primary" }),
        button(t("form.cancel"), () => {
          confirmArea.hidden = true;
          focus(bulk.querySelector("[type=submit]"));
        })));
    confirmArea.setAttribute("role", "group");
    confirmArea.setAttribute("aria-labelledby", textId);
    confirmArea.hidden = false;
    focus(confirmArea.querySelector("button"));
  }

  async function execute(action, selected) {
    confirmArea.hidden = true;
    let done = 0;
    let refusal = null;
    for (const row of selected) {
      const response = await ctx.request(`co_rae.${action}`, { role: row.role });
      if (response.ok) done += 1;
      else if (!refusal) refusal = response.error;
    }
    await draw();
    const summary = tn(`co_rae.done.${action}`, done);
    if (refusal) {
      ctx.fail(refusal);
      if (done) ctx.announce(summary);
    } else {
      ctx.announce(summary);
      ctx.focusHeading();
    }
  }

  async function draw() {
    const list = await ctx.run("co_rae.list");
    if (!list) return false;
    rows = list;
    const errorId = uid("selected-error");
    area.replaceChildren(
      h("p", { class: "demo-count" }, tn("co_rae.count", rows.length)),
      rows.length ? h("div", { class: "demo-table-wrap" }, h("table", { class: "demo-table" },
        h("caption", { class: "demo-sr-only" }, t("co_rae.title")),
        h("thead", {}, h("tr", {},
          [denied ? null : t("co_rae.col.select"), t("account.name"), t("account.first_name"), t("account.username"),
            t("co_rae.col.kind"), t("account.niss"), t("gl.summary_status"), denied ? null : t("co_rae.col.actions")]
            .filter(Boolean).map((c) => h("th", { scope: "col" }, c)))),
        h("tbody", {}, rows.map((row) => {
          const box = uid("select");
          if (denied) {
            return h("tr", { dataset: { role: row.role } },
              h("td", {}, row.name), h("td", {}, row.first_name), h("td", {}, row.username ?? "—"),
              h("td", {}, roleName(row.kind)), h("td", { class: "demo-nowrap" }, row.niss_formatted),
              h("td", {}, t(`status.${row.status}`)));
          }
          return h("tr", { dataset: { role: row.role } },
            h("td", {}, h("input", { type: "checkbox", id: box, name: "selected", value: row.role,
              dataset: { paths: "selected", errorId, groupLabel: t("co_rae.select_group") } }),
            h("label", { for: box, class: "demo-sr-only" }, t("co_rae.select", { name: fullName(row) }))),
            h("td", {}, row.name), h("td", {}, row.first_name), h("td", {}, row.username ?? "—"),
            h("td", {}, roleName(row.kind)), h("td", { class: "demo-nowrap" }, row.niss_formatted),
            h("td", {}, t(`status.${row.status}`)),
            h("td", { class: "demo-row-actions" },
              link(t("co_rae.edit"), ctx.href(`/co-rae/${encodeURIComponent(row.role)}/edit`),
                { "aria-label": t("co_rae.edit_for", { name: fullName(row) }) }),
              " ",
              link(t("co_rae.password"), ctx.href(`/co-rae/${encodeURIComponent(row.role)}/password`),
                { "aria-label": t("co_rae.password_for", { name: fullName(row) }) })));
        })))) : "",
      h("p", { id: errorId, class: "demo-field-error", hidden: true }));
    return true;
  }

  const addForm = form({
    label: t("co_rae.add_title"),
    onSubmit: async (values, element) => {
      if (!(await ctx.checkForm(element))) return;
      const response = await ctx.request("co_rae.add", { person: { niss: values.niss } });
      if (response.ok) showAdded(ctx, response.data);
      else if (response.error.code === "person_data_required") ctx.navigate("/co-rae/add", { niss: values.niss });
      else ctx.fail(response.error, element);
    },
  },
  field({ name: "niss", label: t("co_rae.add_niss"), required: true, paths: ["person.niss", "person"], validate: "niss",
    inputmode: "numeric", autocomplete: "off" }),
  submit(t("co_rae.add")));

  if (!(await draw())) return;
  if (denied) {
    ctx.main.append(h("p", {}, t("co_rae.intro_denied")), area);
    ctx.fail(denied);
    return;
  }
  const addId = uid("add");
  ctx.main.append(h("p", {}, t("co_rae.intro")), bulk, confirmArea,
    h("section", { "aria-labelledby": addId, class: "demo-block" }, h("h3", { id: addId }, t("co_rae.add_title")), addForm));
}

async function addScreen(ctx) {
  const { t } = ctx;
  ctx.setTitle(t("co_rae.create_title"));
  if (deniedUpFront(ctx)) return;
  const niss = ctx.query.niss;
  if (!niss) {
    ctx.navigate("/co-rae", {}, { replace: true });
    return;
  }
  const validated = await ctx.request("engine.validate", { field: "niss", value: niss });
  const formatted = validated.ok && validated.data.valid ? validated.data.formatted : niss;
  const create = form({
    label: t("co_rae.create_title"),
    onSubmit: async (values, element) => {
      if (!(await ctx.checkForm(element))) return;
      const role = await ctx.run("co_rae.add", { person: personFrom(values, niss) }, { form: element });
      if (role) showAdded(ctx, role);
    },
  },
  accountForm({ path: "person", niss, nissFormatted: formatted }),
  h("div", { class: "demo-actions" },
    button(t("form.cancel"), () => ctx.navigate("/co-rae")),
    submit(t("form.save"))));
  ctx.main.append(h("p", {}, t("co_rae.create_intro")), create);
}

async function editScreen(ctx) {
  const { t } = ctx;
  ctx.setTitle(t("co_rae.edit_title"));
  if (deniedUpFront(ctx)) return;
  const row = await rowOf(ctx, ctx.params.role);
  if (!row) return;
  ctx.setTitle(t("co_rae.edit_title_named", { name: fullName(row) }));
  const edit = form({
    label: t("co_rae.edit_title"),
    onSubmit: async (values, element) => {
      const person = await sendChanges(ctx, "co_rae.edit", row, values, element);
      if (!person) return;
      ctx.clearMessages();
      ctx.setTitle(t("co_rae.edited_title"));
      ctx.main.replaceChildren(dl([
        [t("account.name"), person.name], [t("account.first_name"), person.first_name],
        [t("account.title"), person.title], [t("account.language"), t(`language.${person.language}`)],
        [t("account.email"), person.email], [t("account.local_email"), person.local_email],
        [t("co_rae.modified"), formatDate(person.modified)],
      ]), h("p", {}, link(t("co_rae.back"), ctx.href("/co-rae"), { class: "md-button" })));
      ctx.announce(t("co_rae.edited", { name: fullName(row) }));
      ctx.focusHeading();
    },
  },
  dl([[t("account.niss"), row.niss_formatted], [t("account.username"), row.username]]),
  dataFields(ctx, row),
  h("div", { class: "demo-actions" },
    button(t("form.cancel"), () => ctx.navigate("/co-rae")),
    submit(t("form.save"))));
  ctx.main.append(edit);
}

async function passwordScreen(ctx) {
  const { t } = ctx;
  ctx.setTitle(t("co_rae.password_title"));
  if (deniedUpFront(ctx)) return;
  const row = await rowOf(ctx, ctx.params.role);
  if (!row) return;
  ctx.setTitle(t("co_rae.password_title_named", { name: fullName(row) }));
  const change = form({
    label: t("co_rae.password_title"),
    onSubmit: async (values, element) => {
      if (!(await ctx.checkForm(element))) return;
      const changed = await ctx.run("co_rae.reset_password", { role: row.role, password: values.password }, { form: element });
      if (changed) ctx.navigate("/co-rae", {}, { flash: t("co_rae.password_changed", { name: fullName(row) }) });
    },
  },
  dl([[t("account.username"), row.username]]),
  field({ name: "password", label: t("account.password"), type: "password", required: true, paths: ["password"],
    autocomplete: "new-password", validate: "password", hint: passwordRules() }),
  field({ name: "password_confirm", label: t("account.password_confirm"), type: "password", required: true,
    confirms: "password", autocomplete: "new-password" }),
  h("div", { class: "demo-actions" },
    button(t("form.cancel"), () => ctx.navigate("/co-rae")),
    submit(t("form.save"))));
  ctx.main.append(change);
}

export const screens = [
  { id: "co-rae", path: "/co-rae", auth: "profile", render: listScreen,
    menu: { group: "enterprise", action: "co_rae.list", label: "menu.co_rae", order: 20 } },
  { id: "co-rae-add", path: "/co-rae/add", auth: "profile", render: addScreen },
  { id: "co-rae-edit", path: "/co-rae/:role/edit", auth: "profile", render: editScreen },
  { id: "co-rae-password", path: "/co-rae/:role/password", auth: "profile", render: passwordScreen },
];
